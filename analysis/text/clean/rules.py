"""The rules of :mod:`analysis.text.clean` as data: kinds, shape thresholds, vocabulary tables (widget
lines, notices, credits, photo-credit markers, bylines), list headings and their lists, rule descriptions.

Pure data and the two small dataclasses that hold a rule; the code that applies them is in
:mod:`~analysis.text.clean.match`. Sources of each table are given beside it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field


#: Every kind a segment can have, in reading order of a typical page.
KINDS: tuple[str, ...] = (
    "title",
    "lede",
    "caption",
    "heading",
    "paragraph",
    "quote",
    "credit",
    "byline",
    "boilerplate",
)


#: Kinds that belong to the article itself and are counted by default.
CONTENT_KINDS: frozenset[str] = frozenset({"title", "lede", "caption", "heading", "paragraph", "quote"})


#: Kinds that name the article's sources and authors (not counted by default).
ATTRIBUTION_KINDS: frozenset[str] = frozenset({"credit", "byline"})


#: Columns of the table returned by :func:`segments`, in order.
COLUMNS: tuple[str, ...] = (
    "doc_id",
    "seg",
    "kind",
    "start",
    "end",
    "text",
    "duplicate_of",
    "counted",
    "rule",
    "reason",
)


# Line breaks: what ``str.splitlines`` knows, kept with their offsets.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


# Invisible format characters stripped from segment edges as if white space.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


# Shape thresholds (characters / words).
WRAP_MIN_WIDTH = 30  # narrower blocks are not treated as hard-wrapped prose


WRAP_MAX_WIDTH = 110  # nobody hard-wraps wider; longer lines are units


WRAP_FULL_RATIO = 0.8  # a wrapped line reaches >= 80 % of the block width


HEADING_MAX_WORDS = 12


HEADING_MAX_CHARS = 90


TITLE_MAX_WORDS = 30


TITLE_MAX_CHARS = 250


CAPTION_MAX_WORDS = 80


PROSE_MIN_WORDS = 8  # shorter blocks are not "prose" for lede/heading


TRAILER_MAX_WORDS = 10  # "short line" for the trailer rule


QUOTE_MIN_SHARE = 0.5  # the quotation is at least half the block


QUOTE_MIN_CHARS = 30  # shorter quotations are not matched across blocks


CONTAINED_MIN_CHARS = 80  # "contained whole" duplicates must be this long


CONTAINED_MIN_WORDS = 12


#: Apostrophe look-alikes → ASCII apostrophe.
APOSTROPHES = "'\u2019\u2018\u02bc\u2032\u00b4\u0060\u201b"


#: Quotation marks → ASCII double quote.
QUOTES = '\u00ab\u00bb\u201c\u201d\u201e\u201f"\u2039\u203a'


@dataclass(frozen=True)
class Rule:
    """One classification rule.

    Attributes:
        id (str): stable rule id, shown in the ``rule`` column.
        kind (str): the kind the rule assigns.
        reason (str): human-readable reason, shown in the ``reason`` column.
        patterns (tuple[re.Pattern, ...]): any of these must match.
        whole (bool): patterns must match the whole (casefolded, trimmed)
            line; otherwise they are searched in the tidied text.
        max_words (int): the rule applies only to blocks this short.
        requires (tuple[re.Pattern, ...]): every one of these must also be
            found (co-occurrence constraints).
        not_prose (bool): the rule never fires on a finished sentence
            (``PROSE_MIN_WORDS`` words or more ending with a period): link
            labels and the headlines they carry are titles, and French
            typography puts no final period after a title.
        opens (str): id of the :class:`ListRule` whose items follow a line
            this rule matches (list headings only).
    """

    id: str
    kind: str
    reason: str
    patterns: tuple[re.Pattern, ...]
    whole: bool = True
    max_words: int = 12
    requires: tuple[re.Pattern, ...] = field(default_factory=tuple)
    not_prose: bool = False
    opens: str = ""
    combined: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The alternatives as one compiled pattern: one regex call per line, not one per alternative.
        flags = functools.reduce(lambda a, b: a | b, (p.flags for p in self.patterns), 0)
        object.__setattr__(self, "combined", re.compile("|".join(f"(?:{p.pattern})" for p in self.patterns), flags))


def _rx(*alternatives: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern, ...]:
    """Compile regular expressions.

    Args:
        *alternatives (str): patterns.
        flags (int): ``re`` flags.

    Returns:
        tuple[re.Pattern, ...]: compiled patterns.
    """
    return tuple(re.compile(a, flags) for a in alternatives)


@dataclass(frozen=True)
class ListRule:
    """Items listed under a list heading (a :class:`Rule` with ``opens``).

    After the heading, every short single-line block without a final period
    (the shape of a headline or a tag: French typography puts no final
    period after a title) is an item, whatever furniture sits between them;
    the list ends at the first block of another shape, where running prose
    resumes, or before a title that a byline follows.

    Attributes:
        id (str): rule id of the items, shown in the ``rule`` column.
        reason (str): reason of the items (the heading's seg is added).
        item_max_words (int): an item has at most this many words.
    """

    id: str
    reason: str
    item_max_words: int


LIST_RULES: dict[str, ListRule] = {
    r.id: r
    for r in (
        ListRule("boilerplate.related_list", "boilerplate: headline listed under a related-articles heading", 25),
        ListRule("boilerplate.tag_list", "boilerplate: tag listed under a tags heading", 8),
    )
}


# Characters that end a sentence, not a headline or a tag, in a list item.
ITEM_BAD_END = (".", ",", ";", ":")


# Headings that open a list, alone on their line (matched like widget lines;
# "Lire aussi : <headline>" on one line is a link, boilerplate.read_also).
# Sources: the related / most-popular / tags blocks that boilerplate removers
# discard (trafilatura's discard XPaths: "related", "most-popular", "tags"),
# and the headings French news sites print over them.
LIST_HEADING_RULES: tuple[Rule, ...] = (
    Rule(
        "boilerplate.related_heading",
        "boilerplate",
        "boilerplate: heading of a related-articles list",
        _rx(
            r"(à|a) (lire|voir|découvrir|écouter|regarder)( aussi| également| en complément| absolument)?",
            r"(lire|voir|découvrir) (aussi|également)|(à |a )?lire sur le même sujet",
            r"sur le même (sujet|thème)|dans la même (rubrique|catégorie|série)|dans (ce|le même) dossier",
            r"(les |nos |autres |d'autres )?(articles?|contenus?|vidéos?|dossiers?) "
            r"(similaires|associée?s|recommandée?s|liée?s|connexes|en lien|du même auteur)",
            r"(nos |les )?recommandations( pour vous)?|(recommandée?s?|sélectionnée?s?) pour vous"
            r"|notre sélection|la sélection de la rédaction",
            r"(les )?((articles|contenus|vidéos) )?(les )?plus (lus|lues|partagés|commentés|consultés|vus)"
            r"( (du moment|du jour|de la semaine|cette semaine|aujourd'hui))?",
            r"vous (aimerez|aimeriez|pourriez|pourrez) (aussi|également|peut-être)( aussi)?( aimer)?",
            r"à ne pas manquer|ne manquez pas|pour aller plus loin|en lien avec (cet article|ce sujet)"
            r"|(les )?(autres )?articles du même auteur|du même auteur",
            # "nos" only: in print, "Dernières dépêches" heads the news itself
            r"nos (derniers articles|dernières (actualités|infos|informations))",
            r"à la une|en continu|l'actualité en continu|dans l'actualité",
        ),
        opens="boilerplate.related_list",
    ),
    Rule(
        "boilerplate.tags_heading",
        "boilerplate",
        "boilerplate: heading of a tag list",
        _rx(
            r"tags?|mots[- ]cl(é|e)s?|mots[- ]clefs?|étiquettes?|thématiques?",
            r"(sujets?|thèmes?|thématiques?) (associée?s?|abordée?s?|liée?s?)",
        ),
        opens="boilerplate.tag_list",
    ),
)


# One tag: up to five words, no separator or sentence punctuation inside.
_TAG = r"#?[^\s,;|·•/.:!?]+(?: #?[^\s,;|·•/.:!?]+){0,4}"


_PLATFORMS = (
    r"(facebook|twitter|x|whatsapp|linkedin|messenger|pinterest|telegram|e-?mail|"
    r"mail|courriel|flipboard|reddit|bluesky|threads|sms|imprimer|partager|lien)"
)


_MINUTES = r"\d+ ?(min|mn|minutes?)( \d+ ?s)?"


# Whole-line widget vocabulary. Each rule catches short lines that are page
# furniture, matched against the casefolded line with trailing punctuation,
# arrows and bullets trimmed (so "Partager :", "Lire aussi ›" match too).
WIDGET_RULES: tuple[Rule, ...] = (
    # Comment-section furniture: counters, prompts, notification toggles,
    # the anonymous-user placeholder, sorting controls, report links.
    Rule(
        "boilerplate.comment_widget",
        "boilerplate",
        "boilerplate: comment-section widget",
        _rx(
            r"\d+\s+(commentaires?|réactions?|réponses?|contributions?)",
            r"(aucun|pas de|0) (commentaire|réaction)s?( pour le moment| pour l'instant)?",
            r"commentaires?( en ligne| des lecteurs| \(\d+\))?",
            r"(afficher|voir|lire|masquer|charger) (tous |toutes |plus de )?(les )?(\d+ )?"
            r"(autres )?(commentaires|réactions|réponses)( en ligne)?",
            r"notifications?( pour| de| par e-?mail)?.*",
            r"(m'avertir|me notifier|m'alerter)\b.*",
            r"guest|invitée?|anonyme",
            r"réagir( à cet article| à l'article)?|répondre|commenter",
            r"signaler( un abus| un contenu| ce commentaire| un commentaire)?",
            r"(laisser|ajouter|écrire|publier|poster|rédiger) (un|votre) commentaire.*",
            r"(connectez-vous|identifiez-vous|inscrivez-vous|abonnez-vous) pour (commenter|réagir|répondre).*",
            r"se connecter|connexion|s'identifier|se déconnecter|mon compte|mot de passe oublié.*",
            r"(trier par|les plus (votés|récents|anciens|populaires)|(le )?plus (récent|ancien|populaire)s?).*",
            r"(du plus|le plus) (récent|ancien).*",
            r"voter|j'aime|\d+ j'aime|citer",
        ),
    ),
    # Subscription and paywall prompts.
    Rule(
        "boilerplate.subscription",
        "boilerplate",
        "boilerplate: subscription prompt",
        _rx(
            r"s'abonner|je m'abonne|abonnez-vous\b.*|déjà abonnée?\b.*",
            r"(votre |nos |la |notre )?newsletters?\b.*",
            r"(recevez|inscrivez-vous|s'inscrire|découvrir)\b.*\b(newsletter|lettre d'information|offre)s?\b.*",
            r"(offre|accès) (spéciale?|abonnée?s?|illimité|premium)\b.*",
            r"(article |contenu )?(réservé|réservée) (aux|à nos) abonnés.*|premium|abonnés?",
            r"(exclusif|exclusivité) abonnés?",
            r"il vous reste \d+ ?% de cet article à lire.*",
            r"la suite (de cet article )?est réservée aux abonnés.*",
        ),
    ),
    # Social sharing and sending tools.
    # The tail after the verb is the object and at most three words of
    # platform ("Partager sur Facebook", "Envoyer par e-mail"), so a sentence
    # that starts with "Partager" is not a button.
    Rule(
        "boilerplate.share",
        "boilerplate",
        "boilerplate: share buttons",
        _rx(
            r"(partager|partagez|tweeter|imprimer|envoyer|copier)"
            r"( (cet article|l'article|ce contenu|le lien|l'url|l'adresse))?"
            r"( (à un ami|à une amie|(sur|par|via)( \S+){0,3}))?",
            r"lien copié|\d+ partages?|partage",
            rf"{_PLATFORMS}([\s,|/·•]+{_PLATFORMS})*",
        ),
    ),
    # Gift-article buttons and notices (subscriber sites let a subscriber
    # give an article away: "Offrir cet article", "Article offert").
    Rule(
        "boilerplate.gift",
        "boilerplate",
        "boilerplate: gift-article button",
        _rx(
            r"(offrir|offrez)( (cet article|l'article|ce contenu))?( à (un|une) (proche|ami|amie))?",
            r"(cet |l')?article offert( par (un|une|votre) (abonnée?|proche|ami|amie))?",
            r"cet article vous (est|a été) offert\b.*",
            r"(il vous reste|vous pouvez (encore )?offrir) \d+ articles?( à offrir)?\b.*",
        ),
        max_words=25,
    ),
    # Reading time: "Lecture : 3 min.", "Temps de lecture : 4 minutes",
    # "3 min de lecture".
    Rule(
        "boilerplate.reading_time",
        "boilerplate",
        "boilerplate: reading time",
        _rx(
            rf"(temps|durée) (de |estimé de )?lecture( estimée?)?( ?:)? (environ |moins de )?{_MINUTES}",
            r"(temps|durée) (de )?lecture( ?:)? moins d'une minute",
            rf"lecture( ?:)? (environ )?{_MINUTES}|lecture en {_MINUTES}",
            rf"(environ )?{_MINUTES} (de lecture|à lire)",
        ),
    ),
    # Article tools: listen, save for later.
    Rule(
        "boilerplate.article_tools",
        "boilerplate",
        "boilerplate: article tools (listen, save)",
        _rx(
            rf"(écouter|lire à voix haute) (cet article|l'article)( {_MINUTES})?|version audio",
            r"lire plus tard|lire dans l'appli(cation)?",
            r"(ajouter|enregistrer|sauvegarder)( (cet article|l'article))?"
            r"( (à|dans|aux?) (mes |vos )?(favoris|sélections|articles sauvegardés|liste de lecture))?",
        ),
    ),
    # Tag lines: "Tags : Rennes, Faits divers", "Mots-clés : …", "Thèmes : a · b".
    Rule(
        "boilerplate.tags",
        "boilerplate",
        "boilerplate: tag line",
        _rx(
            r"(tags?|mots[- ]cl(é|e)s?|mots[- ]clefs?|thèmes?|thématiques?|sujets?( associés| abordés| liés)?"
            rf"|étiquettes?|keywords?) ?: ?{_TAG}( ?[,;|·•/] ?{_TAG})*"
        ),
        max_words=30,
    ),
    # Cookie / consent banner buttons.
    Rule(
        "boilerplate.cookie",
        "boilerplate",
        "boilerplate: cookie banner",
        _rx(
            r"(tout )?(accepter|refuser)( et (fermer|continuer)| tout| les cookies)?",
            r"(paramétrer|personnaliser|gérer)( (les|mes|vos) (cookies|choix|préférences|paramètres))?",
            r"continuer sans accepter|j'accepte|je refuse|ok|fermer|en savoir plus",
            r"(politique de )?(cookies|confidentialité)|(vos )?préférences de cookies",
        ),
    ),
    # Links to other articles: a link label and the linked headline on one
    # line ("Lire aussi | …"); buttons ("Lire la suite") and section labels
    # alone or before a separator, so that a hard-wrapped line that happens
    # to start with "voir plus de …" or "l'essentiel de …" stays text.
    Rule(
        "boilerplate.read_also",
        "boilerplate",
        "boilerplate: link to another article",
        _rx(
            r"(à |a )?(lire|voir|écouter|regarder) (aussi|également)\b.*",
            r"(lire|voir|afficher) (la suite|plus)( de l'article| d'articles| d'actualités| de vidéos)?",
            r"(sur le même (sujet|thème)|dans la même rubrique|les plus lus|à la une|en continu"
            r"|articles? (similaires|associés|recommandés|liés)|contenus? (recommandés|associés)"
            r"|nos (dernières|derniers) (infos|articles)|l'essentiel|en direct|plus d'infos?)"
            r"( ?[:|›»>–—-] ?.*)?",
        ),
        max_words=30,
        not_prose=True,
    ),
    # Advertising slots.
    Rule(
        "boilerplate.advert",
        "boilerplate",
        "boilerplate: advertising slot",
        _rx(r"publicité|pub|annonce|(contenu )?sponsorisé|en partenariat avec.*|partenaire"),
    ),
    # Follow-us and app prompts.
    Rule(
        "boilerplate.follow",
        "boilerplate",
        "boilerplate: follow-us prompt",
        _rx(r"(suivez|retrouvez|rejoignez)(-nous| nous)\b.*", r"télécharge[rz] (notre|l') ?appli(cation)?\b.*"),
    ),
    # Copyright lines.
    Rule(
        "boilerplate.rights",
        "boilerplate",
        "boilerplate: copyright notice",
        _rx(r".*tous droits réservés.*", r"(©|copyright|\(c\)) ?\d{4}.*", r".*reproduction (interdite|réservée).*"),
        max_words=25,
    ),
    # Reader-feedback prompts.
    Rule(
        "boilerplate.feedback",
        "boilerplate",
        "boilerplate: reader-feedback prompt",
        _rx(
            r"(vous avez aimé|avez-vous aimé|vous aimez) cet article\b.*",
            r"cet article vous a (plu|intéressé|été utile)\b.*",
            r"(donnez votre avis|votre avis nous intéresse|signaler une erreur)\b.*",
            r"oui|non|merci( pour votre (vote|avis))?",
        ),
    ),
    # Navigation crumbs: "Accueil > Monde > Europe", "Accueil".
    Rule(
        "boilerplate.navigation",
        "boilerplate",
        "boilerplate: navigation crumbs",
        _rx(
            r"(accueil|home|une)( ?[>›»/|] ?.*)?",
            r"[^.!?]{1,40}( ?[>›|] ?[^.!?>›|]{1,40}){2,}",
            r"menu|rechercher|recherche|retour( en haut| à l'accueil)?|haut de page",
        ),
    ),
)


# Notice sentences: searched inside blocks up to ``max_words`` long, with
# co-occurrence constraints so that journalism *about* comments or cookies is
# not caught.
NOTICE_RULES: tuple[Rule, ...] = (
    # "La rédaction retirera tout commentaire …", "Les commentaires sont
    # modérés", "nous nous réservons le droit de supprimer …".
    Rule(
        "boilerplate.moderation",
        "boilerplate",
        "boilerplate: comment moderation notice",
        _rx(
            r"\b(retir|supprim|modér)\w*\b[^.]*\b(tout|les|vos|aucun|des) commentaires?\b",
            r"\bcommentaires?\b[^.]*\b(sont|seront|est|sera) (modéré|supprimé|retiré|publié)",
            r"\b(charte|modération|modérateurs?)\b[^.]*\b(commentaires?|contributions?)\b",
            r"\bcommentaires?\b[^.]*\b(charte|modération|modérateurs?)\b",
        ),
        whole=False,
        max_words=80,
        # the notice speaks for the site, to the reader
        requires=_rx(
            r"\b(rédaction|nous|notre|nos|vous|votre|vos|ce site|le site|charte"
            r"|modération|d'office)\b"
        ),
    ),
    # Anti-spam widgets: Akismet, reCAPTCHA.
    Rule(
        "boilerplate.antispam",
        "boilerplate",
        "boilerplate: anti-spam notice",
        _rx(r"\bakismet\b", r"\brecaptcha\b", r"\banti-?spam\b", r"réduire les (indésirables|spams?)"),
        whole=False,
        max_words=80,
    ),
    # Cookie / consent banner text written to the reader.
    Rule(
        "boilerplate.cookie_notice",
        "boilerplate",
        "boilerplate: cookie banner",
        _rx(r"\b(cookies?|traceurs)\b"),
        whole=False,
        max_words=80,
        requires=_rx(
            r"\b(nous utilisons|ce site utilise|notre site|nos partenaires|vous acceptez"
            r"|en poursuivant votre|en continuant votre|votre consentement|vos choix)\b"
        ),
    ),
    # Subscription / newsletter / paywall sentences.
    Rule(
        "boilerplate.subscription_notice",
        "boilerplate",
        "boilerplate: subscription prompt",
        _rx(
            r"\b(abonnez-vous|inscrivez-vous|je m'abonne)\b",
            r"\b(recevez|recevoir)\b[^.]*\bnewsletters?\b",
            r"\bnewsletters?\b[^.]*\b(gratuite|quotidienne|hebdomadaire|inscri\w*)\b",
            r"il vous reste \d+ ?% de cet article",
            r"réservée? aux abonnés",
        ),
        whole=False,
        max_words=40,
    ),
)


# Credits: who contributed, which agency, where a photo comes from.
CREDIT_RULES: tuple[Rule, ...] = (
    # "Reuters a contribué à ce rapport.", "X et Y ont participé à cet article".
    Rule(
        "credit.contribution",
        "credit",
        "credit: contribution line",
        _rx(
            r"\b(a|ont) (contribué|participé|collaboré) à (ce|cet|cette) "
            r"(rapport|article|reportage|dépêche|enquête|papier|compte rendu)\b"
        ),
        whole=False,
        max_words=25,
    ),
    # "(Avec AFP)", "avec Reuters", "Avec agences", "Source : AFP".
    Rule(
        "credit.agency",
        "credit",
        "credit: news agency",
        _rx(
            r"\(?\s*(avec|source\s*:|sources\s*:|d'après)\s*(l'|les |l' )?"
            r"(afp|reuters|ap|ats|belga|dpa|ansa|efe|agences?|upi|xinhua)\b[^()]*\)?\.?",
            r"\(?(afp|reuters|ap|ats|belga|agences)\)?\.?",
        ),
        max_words=12,
    ),
    # "Source : …", "Sources : …".
    Rule("credit.source", "credit", "credit: source line", _rx(r"^sources?\s*:"), whole=False, max_words=25),
    # Translation / editing credits.
    Rule(
        "credit.translation",
        "credit",
        "credit: translation or editing",
        _rx(
            r"^(traduit|traduction|adapté|édité|édition|relu)\b[^.]*\bpar\b",
            r"^(cet article|cette dépêche|ce texte) (a été|est) (initialement |d'abord )?(publié|traduit)",
        ),
        whole=False,
        max_words=25,
    ),
)


# Photo-credit markers at the end of a block (searched in the tidied text).
CAPTION_MARKERS: tuple[re.Pattern, ...] = _rx(
    # "(crédit photo : REUTERS)", "(Crédits : AFP)", "(Photo : X)"
    r"\(\s*(cr[ée]dits?|credits?|photos?|images?|illustrations?|captures? d'écran|vidéo)"
    r"\b[^()]*\)\s*\.?$",
    # "© AFP", "©Jean X/Le Progrès" anywhere in a short block
    r"©\s*\S",
    # "Crédit : X", "Crédit photo : X" at the end
    r"\bcr[ée]dits?( photos?)?\s*:\s*[^.]{1,60}$",
    # "… samedi. Photo Progrès /Jean X", "Photo d'illustration"
    r"(^|[.!?»]\s+)(photos?|image|illustration|capture d'écran)\b[^.!?]{0,60}$",
    # agency or photo service in parentheses at the end: "(AFP)", "(Getty Images)"
    r"\(\s*(afp|reuters|ap|ap photo|getty( images)?|epa|sipa|maxppp|abaca|dr|ria novosti|tass"
    r"|anadolu|shutterstock|istock|wikimedia( commons)?|hans lucas|afp photo)\b[^()]*\)\s*\.?$",
    # "… / AFP", "/ REUTERS" at the end
    r"\s/\s?(afp|reuters|ap|getty( images)?|epa|sipa|maxppp|abaca)\b[^/]{0,40}$",
)


# Bylines and datelines (matched on the tidied text, case-sensitive where
# capital letters are the evidence of a name).
_UP = "A-ZÀ-ÖØ-Þ"


BYLINE_PATTERNS: tuple[tuple[str, str, re.Pattern], ...] = (
    # "Par Jean Dupont", "Par ROMAN MEITAV JPOST", "Par notre correspondant …"
    ("byline.par", "byline", re.compile(rf"^(Par|PAR|By)\s+((notre|nos)\s+\w+|[{_UP}][\w'.\-]*)")),
    # "Propos recueillis par …"
    ("byline.interview", "byline: interview credit", re.compile(r"^Propos recueillis par\b", re.IGNORECASE)),
    # "De notre correspondant à Moscou", "De nos envoyés spéciaux"
    (
        "byline.correspondent",
        "byline: correspondent",
        re.compile(r"^(De|D'|Depuis) (notre|nos|l'un de nos) (envoyée?s?|correspondante?s?)\b", re.IGNORECASE),
    ),
    # "Publié le 12/03/2021 à 14h05", "Mis à jour le …"
    (
        "byline.dateline",
        "byline: publication date",
        re.compile(r"^(Publiée?|Mise? à jour|Modifiée?|Actualisée?|Mis en ligne)\s+(le|:|à|il y a)\b", re.IGNORECASE),
    ),
)


BYLINE_MAX_WORDS = 25


# Opening → closing quotation marks, for the quotation rule.
QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”", "„": "“", '"': '"', "‹": "›"}


# Sentence-final punctuation (a line ending so may end a unit).
TERMINAL = tuple('.!?…)»”"]')


BULLET = re.compile(r"^([-–—•·*▪►]\s|\d+[.)]\s)")


_TRIM_WIDGET = re.compile(r"^[\s>›»|•·*\-–—:]+|[\s>›»|•·*\-–—:.!?,;]+$")


WIDGET_LEAD = re.compile(r"[\s>›»|•·*\-–—:]+")


WIDGET_TAIL = frozenset(">›»|•·*-–—:.!?,;")


#: Rule id → description, for :func:`summary` and documentation.
RULE_DESCRIPTIONS: dict[str, str] = {
    **{r.id: r.reason for r in LIST_HEADING_RULES + WIDGET_RULES + NOTICE_RULES + CREDIT_RULES},
    **{r.id: r.reason for r in LIST_RULES.values()},
    "credit.photo": "credit: standalone photo credit",
    "byline.par": "byline",
    "byline.interview": "byline: interview credit",
    "byline.correspondent": "byline: correspondent",
    "byline.dateline": "byline: publication date",
    "byline.name_outlet": "byline: author name and outlet",
    "caption.credit_marker": "caption: ends with a photo credit",
    "title.first_line": "title: first content block, one line, no final period",
    "quote.opening_mark": "quote: opens with a quotation mark",
    "lede.first_prose": "lede: first prose block after the title",
    "heading.short_line": "heading: short line without final punctuation between prose",
    "paragraph.default": "paragraph: prose",
    "boilerplate.comment_section": "boilerplate: reader comment area (after a comment-section marker)",
    "boilerplate.trailer": "boilerplate: short line in the trailing run of boilerplate",
    "dup.exact": "duplicate (same text after normalising apostrophes, quotes and spaces)",
    "dup.quotation": "duplicate (same quotation, different attribution)",
    "dup.contained": "duplicate (contained whole in an earlier block)",
}


# Whole-line rules in the order they are tried: a list heading before the
# link rule, so "Lire aussi" alone opens a list and "Lire aussi : …" is a link.
_LINE_RULES: tuple[Rule, ...] = LIST_HEADING_RULES + WIDGET_RULES


# Heading rule id → the list its items follow.
LIST_OPENERS: dict[str, ListRule] = {r.id: LIST_RULES[r.opens] for r in LIST_HEADING_RULES}


_SIDE_RULES: tuple[Rule, ...] = NOTICE_RULES + CREDIT_RULES


# Lines longer than this many characters have their words counted before any rule is tried.
LONG_LINE = 120


CAPTION_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in CAPTION_MARKERS), re.IGNORECASE)


RULE_GROUPS: dict[str, tuple[Rule, ...]] = {
    "line": _LINE_RULES,
    "credit": CREDIT_RULES,
    "side": _SIDE_RULES,
    "notice": NOTICE_RULES,  # the side rules a quiet line (match.quiet_line) leaves to try
    "widget": _LINE_RULES + CREDIT_RULES,  # what makes a line a standalone unit (lines.py screens both at once)
}


# Comment-section markers that open the reader area (subset of widget rules).
COMMENT_SECTION_START = _rx(
    r"\d+\s+(commentaires?|réactions?)",
    r"(aucun|pas de|0) (commentaire|réaction)s?.*",
    r"(laisser|ajouter|écrire|publier|poster|rédiger) (un|votre) commentaire.*",
    r"(connectez-vous|identifiez-vous|inscrivez-vous|abonnez-vous) pour (commenter|réagir).*",
    r"commentaires( des lecteurs| en ligne)?|réagir à cet article|vos réactions",
)


# Every character ``str.isspace`` accepts (tests/text/test_clean_speed.py checks the list), and the
# invisible format characters: what segment edges are stripped of.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


STRIPPED = WHITE_SPACE + INVISIBLE


BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


# Function words that betray a headline rather than "NAME SURNAME OUTLET".
NOT_IN_NAMES = frozenset("la les et en au aux un une pour sur dans avec du des ou mais face contre vers".split())


SENTENCE_BREAK = re.compile(r"[.!?…]\s+\S")


ATTRIBUTION_MAX_WORDS = 25


SIDE = frozenset({"boilerplate", "credit", "byline"})


# Every word limit a line or a block is compared with: a count above the largest is only compared
# with them, so words are counted exactly up to it and no further (``match.count_words``).
WORDS_CAP = max(
    CAPTION_MAX_WORDS,
    BYLINE_MAX_WORDS,
    TITLE_MAX_WORDS,
    HEADING_MAX_WORDS,
    TRAILER_MAX_WORDS,
    CONTAINED_MIN_WORDS,
    PROSE_MIN_WORDS,
    15,  # kinds._is_prose: a block of 15 words is prose whatever its end
    *(r.max_words for g in (LIST_HEADING_RULES, WIDGET_RULES, NOTICE_RULES, CREDIT_RULES) for r in g),
    *(r.item_max_words for r in LIST_RULES.values()),
)
