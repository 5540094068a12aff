"""Cut a raw news page into segments, say what each one is, flag what is not counted.

The raw text is never modified. Every row of the table returned by
:func:`segments` carries ``start``/``end`` offsets such that
``raw[start:end] == row.text``; boilerplate, credits, bylines and duplicates
are *flagged* (``counted`` is False, ``rule`` and ``reason`` say why), never
deleted.

Algorithm
---------
1. **Blocks.** The text is cut into lines (``\\n``, ``\\r\\n``, ``\\r`` and the
   other Unicode line breaks). Lines holding only white space (a lone
   no-break space counts as white space) separate blocks.
2. **Lines inside a block.** A block is split between two lines when the lines
   are independent units, and kept whole when it is prose hard-wrapped over
   several lines (see :func:`_breaks_between`):

   * a widget-like line (a whole line matching a boilerplate, credit or byline
     pattern, e.g. ``S'abonner``, ``guest``, ``Par Jean Dupont``) or a list
     bullet always stands alone;
   * under a list heading ("Lire aussi", "Sur le même sujet", "Mots-clés"),
     each item-shaped line (short, no final period) stands alone, across
     blank lines, until a line of another shape: headlines of similar length
     would otherwise look hard-wrapped;
   * a line ending with a photo credit closes a caption;
   * the next line starts in lower case (or with ``,`` ``)`` …) → it continues
     the sentence: join;
   * the next line starts a sentence (capital, digit, opening quote): join only
     when the previous line *fills* the wrap width of the block (hard-wrapped
     text at 30–110 columns); otherwise split. So two 190-character caption
     lines, or a short heading line followed by a paragraph, are split, while
     an e-mail/OCR paragraph wrapped at 72 columns stays one block.

   Each piece is stripped of surrounding white space (plus invisible format
   characters such as U+FEFF and U+200B); the stripped span is the segment.
3. **Kinds**, first matching rule wins (vocabulary tables below are data):

   * ``boilerplate`` — whole-line widget vocabulary (comments, subscription,
     share, gift-article, reading time, article tools, tag lines, cookies,
     "Lire aussi : …" links, ads, follow-us, rights, feedback, navigation
     crumbs), list headings alone on their line (related articles, tags), or
     notice sentences (moderation, anti-spam, cookie, paywall);
   * ``credit`` — "X a contribué à ce rapport", "(Avec AFP)", "Source : …",
     a standalone photo credit;
   * ``byline`` — "Par NAME …", "Propos recueillis par", "De notre
     correspondant", "Publié le … / Mis à jour le …", a NAME + OUTLET line;
   * ``caption`` — a short block ending with a photo-credit marker;
   * ``title`` — the first remaining block, if title-shaped (one line, no final
     period);
   * ``quote`` — a block opening with « or “ whose quotation is most of it;
   * ``lede`` — the first prose block after the title, before anything else
     but bylines, credits and boilerplate;
   * ``heading`` — a short line without final punctuation between prose;
   * ``paragraph`` — everything else.

   Before the title is chosen, the items under a list heading (each a
   single short line without a final period, a headline or a tag) are
   boilerplate too, furniture between them skipped, up to where running
   prose resumes (see :class:`ListRule`).
4. **Positional rules.** *Comment section*: after a comment-section marker
   (a counter such as "3 réactions", or "Laisser un commentaire") found in
   the second half of the page content, everything is reader material →
   boilerplate. *Trailer*: in the run of short lines that ends the page, once
   boilerplate begins, the short lines after it are boilerplate too (a real
   paragraph after a mid-article "Lire aussi" breaks the run, so it stays a
   paragraph).
5. **Duplicates** among content kinds, compared on
   :func:`normalize_for_matching`: exact match; same quotation with a
   different attribution tail; a long block contained whole in an earlier one.
   ``duplicate_of`` points to the first occurrence.
6. **Counted.** Content kinds that are not duplicates are counted; keyword
   options let the caller count duplicates, boilerplate and credits/bylines.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd

from ..spans import locate

__all__ = [
    "CONTENT_KINDS",
    "KINDS",
    "COLUMNS",
    "RULE_DESCRIPTIONS",
    "counted_spans",
    "normalize_for_matching",
    "segments",
    "segment_of",
    "summary",
]

# ---------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------

#: Every kind a segment can have, in reading order of a typical page.
KINDS: tuple[str, ...] = (
    "title", "lede", "caption", "heading", "paragraph", "quote",
    "credit", "byline", "boilerplate",
)
#: Kinds that belong to the article itself and are counted by default.
CONTENT_KINDS: frozenset[str] = frozenset(
    {"title", "lede", "caption", "heading", "paragraph", "quote"}
)
#: Kinds that name the article's sources and authors (not counted by default).
ATTRIBUTION_KINDS: frozenset[str] = frozenset({"credit", "byline"})

#: Columns of the table returned by :func:`segments`, in order.
COLUMNS: tuple[str, ...] = (
    "doc_id", "seg", "kind", "start", "end", "text",
    "duplicate_of", "counted", "rule", "reason",
)

# Line breaks: what ``str.splitlines`` knows, kept with their offsets.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Invisible format characters stripped from segment edges as if white space.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"

# Shape thresholds (characters / words).
WRAP_MIN_WIDTH = 30       # narrower blocks are not treated as hard-wrapped prose
WRAP_MAX_WIDTH = 110      # nobody hard-wraps wider; longer lines are units
WRAP_FULL_RATIO = 0.8     # a wrapped line reaches >= 80 % of the block width
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 250
CAPTION_MAX_WORDS = 80
PROSE_MIN_WORDS = 8       # shorter blocks are not "prose" for lede/heading
TRAILER_MAX_WORDS = 10    # "short line" for the trailer rule
QUOTE_MIN_SHARE = 0.5     # the quotation is at least half the block
QUOTE_MIN_CHARS = 30      # shorter quotations are not matched across blocks
CONTAINED_MIN_CHARS = 80  # "contained whole" duplicates must be this long
CONTAINED_MIN_WORDS = 12

# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

#: Apostrophe look-alikes → ASCII apostrophe.
APOSTROPHES = "'\u2019\u2018\u02bc\u2032\u00b4\u0060\u201b"
#: Quotation marks → ASCII double quote.
QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\"\u2039\u203a"
_MATCH_TABLE = str.maketrans(
    {**{c: "'" for c in APOSTROPHES}, **{c: '"' for c in QUOTES},
     **{c: "" for c in _INVISIBLE}}
)
_SPACES = re.compile(r"\s+")
_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in APOSTROPHES if c != "`"})
# The characters the tables change, to skip ``str.translate`` (slow on non-ASCII text) when none occurs.
# ``" ".join(s.split())`` is ``_SPACES.sub(" ", s).strip()``: ``\s``, ``str.split`` and ``str.strip``
# share one definition of white space (``str.isspace``; tests/text/test_clean_speed.py checks it).


def _changed_chars(table: dict[int, str]) -> re.Pattern:
    """A character class of the characters a translation table changes."""
    return re.compile("[" + re.escape("".join(chr(k) for k, v in table.items() if chr(k) != v)) + "]")


_MATCH_CHARS = _changed_chars(_MATCH_TABLE)
_APOSTROPHE_CHARS = _changed_chars(_APOSTROPHE_TABLE)


def normalize_for_matching(s: str) -> str:
    """Normalise text so that typographic variants compare equal.

    Unicode NFC; apostrophes (' ’ ‘ ʼ ′ …) → ``'``; quotation marks
    (« » “ ” „ " …) → ``"``; no-break, thin and other spaces and every run of
    white space → one space; invisible format characters dropped; stripped;
    casefolded.

    Args:
        s (str): any text.

    Returns:
        str: the matching key.
    """
    if not s.isascii():  # ASCII text is NFC already
        s = unicodedata.normalize("NFC", s)
    if _MATCH_CHARS.search(s):
        s = s.translate(_MATCH_TABLE)
    return " ".join(s.split()).casefold()


def _tidy(s: str) -> str:
    """Typographic tidy-up for pattern matching (case kept, quotes kept).

    Args:
        s (str): a segment's text.

    Returns:
        str: apostrophes → ``'``, white space runs → one space, stripped.
    """
    if s.isascii():  # NFC already, and no typographic apostrophe
        return " ".join(s.split())
    s = unicodedata.normalize("NFC", s)
    if _APOSTROPHE_CHARS.search(s):
        s = s.translate(_APOSTROPHE_TABLE)
    return " ".join(s.split())


_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def _words(s: str) -> list[str]:
    """Words of a text (letters/digits, with inner ' and -).

    Args:
        s (str): text.

    Returns:
        list[str]: the words.
    """
    return _WORD.findall(s)


# ---------------------------------------------------------------------------
# Rules as data
# ---------------------------------------------------------------------------


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
        object.__setattr__(self, "combined",
                           re.compile("|".join(f"(?:{p.pattern})" for p in self.patterns), flags))


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


LIST_RULES: dict[str, ListRule] = {r.id: r for r in (
    ListRule("boilerplate.related_list",
             "boilerplate: headline listed under a related-articles heading", 25),
    ListRule("boilerplate.tag_list", "boilerplate: tag listed under a tags heading", 8),
)}
# Characters that end a sentence, not a headline or a tag, in a list item.
_ITEM_BAD_END = (".", ",", ";", ":")

# Headings that open a list, alone on their line (matched like widget lines;
# "Lire aussi : <headline>" on one line is a link, boilerplate.read_also).
# Sources: the related / most-popular / tags blocks that boilerplate removers
# discard (trafilatura's discard XPaths: "related", "most-popular", "tags"),
# and the headings French news sites print over them.
LIST_HEADING_RULES: tuple[Rule, ...] = (
    Rule("boilerplate.related_heading", "boilerplate",
         "boilerplate: heading of a related-articles list",
         _rx(r"(à|a) (lire|voir|découvrir|écouter|regarder)( aussi| également| en complément| absolument)?",
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
             r"à la une|en continu|l'actualité en continu|dans l'actualité"),
         opens="boilerplate.related_list"),
    Rule("boilerplate.tags_heading", "boilerplate", "boilerplate: heading of a tag list",
         _rx(r"tags?|mots[- ]cl(é|e)s?|mots[- ]clefs?|étiquettes?|thématiques?",
             r"(sujets?|thèmes?|thématiques?) (associée?s?|abordée?s?|liée?s?)"),
         opens="boilerplate.tag_list"),
)

# One tag: up to five words, no separator or sentence punctuation inside.
_TAG = r"#?[^\s,;|·•/.:!?]+(?: #?[^\s,;|·•/.:!?]+){0,4}"
_PLATFORMS = (r"(facebook|twitter|x|whatsapp|linkedin|messenger|pinterest|telegram|e-?mail|"
              r"mail|courriel|flipboard|reddit|bluesky|threads|sms|imprimer|partager|lien)")
_MINUTES = r"\d+ ?(min|mn|minutes?)( \d+ ?s)?"

# Whole-line widget vocabulary. Each rule catches short lines that are page
# furniture, matched against the casefolded line with trailing punctuation,
# arrows and bullets trimmed (so "Partager :", "Lire aussi ›" match too).
WIDGET_RULES: tuple[Rule, ...] = (
    # Comment-section furniture: counters, prompts, notification toggles,
    # the anonymous-user placeholder, sorting controls, report links.
    Rule("boilerplate.comment_widget", "boilerplate",
         "boilerplate: comment-section widget",
         _rx(r"\d+\s+(commentaires?|réactions?|réponses?|contributions?)",
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
             r"voter|j'aime|\d+ j'aime|citer")),
    # Subscription and paywall prompts.
    Rule("boilerplate.subscription", "boilerplate",
         "boilerplate: subscription prompt",
         _rx(r"s'abonner|je m'abonne|abonnez-vous\b.*|déjà abonnée?\b.*",
             r"(votre |nos |la |notre )?newsletters?\b.*",
             r"(recevez|inscrivez-vous|s'inscrire|découvrir)\b.*\b(newsletter|lettre d'information|offre)s?\b.*",
             r"(offre|accès) (spéciale?|abonnée?s?|illimité|premium)\b.*",
             r"(article |contenu )?(réservé|réservée) (aux|à nos) abonnés.*|premium|abonnés?",
             r"(exclusif|exclusivité) abonnés?",
             r"il vous reste \d+ ?% de cet article à lire.*",
             r"la suite (de cet article )?est réservée aux abonnés.*")),
    # Social sharing and sending tools.
    # The tail after the verb is the object and at most three words of
    # platform ("Partager sur Facebook", "Envoyer par e-mail"), so a sentence
    # that starts with "Partager" is not a button.
    Rule("boilerplate.share", "boilerplate", "boilerplate: share buttons",
         _rx(r"(partager|partagez|tweeter|imprimer|envoyer|copier)"
             r"( (cet article|l'article|ce contenu|le lien|l'url|l'adresse))?"
             r"( (à un ami|à une amie|(sur|par|via)( \S+){0,3}))?",
             r"lien copié|\d+ partages?|partage",
             rf"{_PLATFORMS}([\s,|/·•]+{_PLATFORMS})*")),
    # Gift-article buttons and notices (subscriber sites let a subscriber
    # give an article away: "Offrir cet article", "Article offert").
    Rule("boilerplate.gift", "boilerplate", "boilerplate: gift-article button",
         _rx(r"(offrir|offrez)( (cet article|l'article|ce contenu))?( à (un|une) (proche|ami|amie))?",
             r"(cet |l')?article offert( par (un|une|votre) (abonnée?|proche|ami|amie))?",
             r"cet article vous (est|a été) offert\b.*",
             r"(il vous reste|vous pouvez (encore )?offrir) \d+ articles?( à offrir)?\b.*"),
         max_words=25),
    # Reading time: "Lecture : 3 min.", "Temps de lecture : 4 minutes",
    # "3 min de lecture".
    Rule("boilerplate.reading_time", "boilerplate", "boilerplate: reading time",
         _rx(rf"(temps|durée) (de |estimé de )?lecture( estimée?)?( ?:)? (environ |moins de )?{_MINUTES}",
             r"(temps|durée) (de )?lecture( ?:)? moins d'une minute",
             rf"lecture( ?:)? (environ )?{_MINUTES}|lecture en {_MINUTES}",
             rf"(environ )?{_MINUTES} (de lecture|à lire)")),
    # Article tools: listen, save for later.
    Rule("boilerplate.article_tools", "boilerplate", "boilerplate: article tools (listen, save)",
         _rx(rf"(écouter|lire à voix haute) (cet article|l'article)( {_MINUTES})?|version audio",
             r"lire plus tard|lire dans l'appli(cation)?",
             r"(ajouter|enregistrer|sauvegarder)( (cet article|l'article))?"
             r"( (à|dans|aux?) (mes |vos )?(favoris|sélections|articles sauvegardés|liste de lecture))?")),
    # Tag lines: "Tags : Rennes, Faits divers", "Mots-clés : …", "Thèmes : a · b".
    Rule("boilerplate.tags", "boilerplate", "boilerplate: tag line",
         _rx(r"(tags?|mots[- ]cl(é|e)s?|mots[- ]clefs?|thèmes?|thématiques?|sujets?( associés| abordés| liés)?"
             rf"|étiquettes?|keywords?) ?: ?{_TAG}( ?[,;|·•/] ?{_TAG})*"),
         max_words=30),
    # Cookie / consent banner buttons.
    Rule("boilerplate.cookie", "boilerplate", "boilerplate: cookie banner",
         _rx(r"(tout )?(accepter|refuser)( et (fermer|continuer)| tout| les cookies)?",
             r"(paramétrer|personnaliser|gérer)( (les|mes|vos) (cookies|choix|préférences|paramètres))?",
             r"continuer sans accepter|j'accepte|je refuse|ok|fermer|en savoir plus",
             r"(politique de )?(cookies|confidentialité)|(vos )?préférences de cookies")),
    # Links to other articles: a link label and the linked headline on one
    # line ("Lire aussi | …"); buttons ("Lire la suite") and section labels
    # alone or before a separator, so that a hard-wrapped line that happens
    # to start with "voir plus de …" or "l'essentiel de …" stays text.
    Rule("boilerplate.read_also", "boilerplate",
         "boilerplate: link to another article",
         _rx(r"(à |a )?(lire|voir|écouter|regarder) (aussi|également)\b.*",
             r"(lire|voir|afficher) (la suite|plus)( de l'article| d'articles| d'actualités| de vidéos)?",
             r"(sur le même (sujet|thème)|dans la même rubrique|les plus lus|à la une|en continu"
             r"|articles? (similaires|associés|recommandés|liés)|contenus? (recommandés|associés)"
             r"|nos (dernières|derniers) (infos|articles)|l'essentiel|en direct|plus d'infos?)"
             r"( ?[:|›»>–—-] ?.*)?"),
         max_words=30, not_prose=True),
    # Advertising slots.
    Rule("boilerplate.advert", "boilerplate", "boilerplate: advertising slot",
         _rx(r"publicité|pub|annonce|(contenu )?sponsorisé|en partenariat avec.*|partenaire")),
    # Follow-us and app prompts.
    Rule("boilerplate.follow", "boilerplate", "boilerplate: follow-us prompt",
         _rx(r"(suivez|retrouvez|rejoignez)(-nous| nous)\b.*",
             r"télécharge[rz] (notre|l') ?appli(cation)?\b.*")),
    # Copyright lines.
    Rule("boilerplate.rights", "boilerplate", "boilerplate: copyright notice",
         _rx(r".*tous droits réservés.*", r"(©|copyright|\(c\)) ?\d{4}.*",
             r".*reproduction (interdite|réservée).*"),
         max_words=25),
    # Reader-feedback prompts.
    Rule("boilerplate.feedback", "boilerplate", "boilerplate: reader-feedback prompt",
         _rx(r"(vous avez aimé|avez-vous aimé|vous aimez) cet article\b.*",
             r"cet article vous a (plu|intéressé|été utile)\b.*",
             r"(donnez votre avis|votre avis nous intéresse|signaler une erreur)\b.*",
             r"oui|non|merci( pour votre (vote|avis))?")),
    # Navigation crumbs: "Accueil > Monde > Europe", "Accueil".
    Rule("boilerplate.navigation", "boilerplate", "boilerplate: navigation crumbs",
         _rx(r"(accueil|home|une)( ?[>›»/|] ?.*)?",
             r"[^.!?]{1,40}( ?[>›|] ?[^.!?>›|]{1,40}){2,}",
             r"menu|rechercher|recherche|retour( en haut| à l'accueil)?|haut de page")),
)

# Notice sentences: searched inside blocks up to ``max_words`` long, with
# co-occurrence constraints so that journalism *about* comments or cookies is
# not caught.
NOTICE_RULES: tuple[Rule, ...] = (
    # "La rédaction retirera tout commentaire …", "Les commentaires sont
    # modérés", "nous nous réservons le droit de supprimer …".
    Rule("boilerplate.moderation", "boilerplate",
         "boilerplate: comment moderation notice",
         _rx(r"\b(retir|supprim|modér)\w*\b[^.]*\b(tout|les|vos|aucun|des) commentaires?\b",
             r"\bcommentaires?\b[^.]*\b(sont|seront|est|sera) (modéré|supprimé|retiré|publié)",
             r"\b(charte|modération|modérateurs?)\b[^.]*\b(commentaires?|contributions?)\b",
             r"\bcommentaires?\b[^.]*\b(charte|modération|modérateurs?)\b"),
         whole=False, max_words=80,
         # the notice speaks for the site, to the reader
         requires=_rx(r"\b(rédaction|nous|notre|nos|vous|votre|vos|ce site|le site|charte"
                      r"|modération|d'office)\b")),
    # Anti-spam widgets: Akismet, reCAPTCHA.
    Rule("boilerplate.antispam", "boilerplate", "boilerplate: anti-spam notice",
         _rx(r"\bakismet\b", r"\brecaptcha\b", r"\banti-?spam\b",
             r"réduire les (indésirables|spams?)"),
         whole=False, max_words=80),
    # Cookie / consent banner text written to the reader.
    Rule("boilerplate.cookie_notice", "boilerplate", "boilerplate: cookie banner",
         _rx(r"\b(cookies?|traceurs)\b"),
         whole=False, max_words=80,
         requires=_rx(r"\b(nous utilisons|ce site utilise|notre site|nos partenaires|vous acceptez"
                      r"|en poursuivant votre|en continuant votre|votre consentement|vos choix)\b")),
    # Subscription / newsletter / paywall sentences.
    Rule("boilerplate.subscription_notice", "boilerplate",
         "boilerplate: subscription prompt",
         _rx(r"\b(abonnez-vous|inscrivez-vous|je m'abonne)\b",
             r"\b(recevez|recevoir)\b[^.]*\bnewsletters?\b",
             r"\bnewsletters?\b[^.]*\b(gratuite|quotidienne|hebdomadaire|inscri\w*)\b",
             r"il vous reste \d+ ?% de cet article", r"réservée? aux abonnés"),
         whole=False, max_words=40),
)

# Credits: who contributed, which agency, where a photo comes from.
CREDIT_RULES: tuple[Rule, ...] = (
    # "Reuters a contribué à ce rapport.", "X et Y ont participé à cet article".
    Rule("credit.contribution", "credit", "credit: contribution line",
         _rx(r"\b(a|ont) (contribué|participé|collaboré) à (ce|cet|cette) "
             r"(rapport|article|reportage|dépêche|enquête|papier|compte rendu)\b"),
         whole=False, max_words=25),
    # "(Avec AFP)", "avec Reuters", "Avec agences", "Source : AFP".
    Rule("credit.agency", "credit", "credit: news agency",
         _rx(r"\(?\s*(avec|source\s*:|sources\s*:|d'après)\s*(l'|les |l' )?"
             r"(afp|reuters|ap|ats|belga|dpa|ansa|efe|agences?|upi|xinhua)\b[^()]*\)?\.?",
             r"\(?(afp|reuters|ap|ats|belga|agences)\)?\.?"),
         max_words=12),
    # "Source : …", "Sources : …".
    Rule("credit.source", "credit", "credit: source line",
         _rx(r"^sources?\s*:"), whole=False, max_words=25),
    # Translation / editing credits.
    Rule("credit.translation", "credit", "credit: translation or editing",
         _rx(r"^(traduit|traduction|adapté|édité|édition|relu)\b[^.]*\bpar\b",
             r"^(cet article|cette dépêche|ce texte) (a été|est) (initialement |d'abord )?(publié|traduit)"),
         whole=False, max_words=25),
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
    ("byline.par", "byline",
     re.compile(rf"^(Par|PAR|By)\s+((notre|nos)\s+\w+|[{_UP}][\w'.\-]*)")),
    # "Propos recueillis par …"
    ("byline.interview", "byline: interview credit",
     re.compile(r"^Propos recueillis par\b", re.IGNORECASE)),
    # "De notre correspondant à Moscou", "De nos envoyés spéciaux"
    ("byline.correspondent", "byline: correspondent",
     re.compile(r"^(De|D'|Depuis) (notre|nos|l'un de nos) (envoyée?s?|correspondante?s?)\b",
                re.IGNORECASE)),
    # "Publié le 12/03/2021 à 14h05", "Mis à jour le …"
    ("byline.dateline", "byline: publication date",
     re.compile(r"^(Publiée?|Mise? à jour|Modifiée?|Actualisée?|Mis en ligne)\s+(le|:|à|il y a)\b",
                re.IGNORECASE)),
)
BYLINE_MAX_WORDS = 25

# Opening → closing quotation marks, for the quotation rule.
QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”", "„": "“", '"': '"', "‹": "›"}

# Sentence-final punctuation (a line ending so may end a unit).
_TERMINAL = tuple(".!?…)»”\"]")
_BULLET = re.compile(r"^([-–—•·*▪►]\s|\d+[.)]\s)")
_TRIM_WIDGET = re.compile(r"^[\s>›»|•·*\-–—:]+|[\s>›»|•·*\-–—:.!?,;]+$")
_WIDGET_LEAD = re.compile(r"[\s>›»|•·*\-–—:]+")
_WIDGET_TAIL = frozenset(">›»|•·*-–—:.!?,;")


def _trim_widget(s: str) -> str:
    """``_TRIM_WIDGET.sub("", s)`` in linear time: the regex's ``…+$`` retried at every position of a
    long run not at the end ("....x") and was quadratic in the run's length."""
    m = _WIDGET_LEAD.match(s)
    i = m.end() if m else 0
    j = len(s)
    while j > i and (s[j - 1].isspace() or s[j - 1] in _WIDGET_TAIL):
        j -= 1
    return s[i:j]

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
_LIST_OPENERS: dict[str, ListRule] = {r.id: LIST_RULES[r.opens] for r in LIST_HEADING_RULES}



_SIDE_RULES: tuple[Rule, ...] = NOTICE_RULES + CREDIT_RULES
# Lines longer than this many characters have their words counted before any rule is tried.
_LONG_LINE = 120
_CAPTION_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in CAPTION_MARKERS), re.IGNORECASE)




def _may_fire(rules: tuple[Rule, ...], tidy: str) -> bool:
    """False proves that none of ``rules`` fires on ``tidy``: each rule's alternation is tried once,
    without the word count, length limits and co-occurrence checks the rule adds, so that only
    the few texts that pass are tried rule by rule, in order. (Rule by rule, not one alternation of
    all: sre is several times slower on the long alternation, and on a whole document at once.)"""
    key = None
    for rule in rules:
        if rule.whole:
            key = _widget_key(tidy) if key is None else key
            if rule.combined.fullmatch(key):
                return True
        elif rule.combined.search(tidy):
            return True
    return False


_RULE_GROUPS: dict[str, tuple[Rule, ...]] = {"line": _LINE_RULES, "credit": CREDIT_RULES, "side": _SIDE_RULES}


@functools.cache
def _within(group: str, n_words: int) -> tuple[Rule, ...]:
    """The rules of a group (:data:`_RULE_GROUPS`) that apply to a text of ``n_words`` words, in order."""
    return tuple(r for r in _RULE_GROUPS[group] if n_words <= r.max_words)


def _byline_found(tidy: str) -> bool:
    """Whether one of :data:`BYLINE_PATTERNS` is found."""
    return any(p.search(tidy) for _, _, p in BYLINE_PATTERNS)


# Comment-section markers that open the reader area (subset of widget rules).
COMMENT_SECTION_START = _rx(
    r"\d+\s+(commentaires?|réactions?)",
    r"(aucun|pas de|0) (commentaire|réaction)s?.*",
    r"(laisser|ajouter|écrire|publier|poster|rédiger) (un|votre) commentaire.*",
    r"(connectez-vous|identifiez-vous|inscrivez-vous|abonnez-vous) pour (commenter|réagir).*",
    r"commentaires( des lecteurs| en ligne)?|réagir à cet article|vos réactions",
)

# ---------------------------------------------------------------------------
# Step 1–2: blocks and lines
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def length(self) -> int:
        return len(self.text)


# Every character ``str.isspace`` accepts (tests/text/test_clean_speed.py checks the list), and the
# invisible format characters: what segment edges are stripped of.
WHITE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
               "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_STRIPPED = WHITE_SPACE + _INVISIBLE
_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _lines(text: str) -> list[_Line | None]:
    """Lines of the text with stripped offsets; ``None`` for blank lines.

    The breaks are those of :data:`_LINE_BREAK`, which are ``str.splitlines``'s.

    Args:
        text (str): the raw text.

    Returns:
        list[_Line | None]: one entry per line.
    """
    out: list[_Line | None] = []
    pos = 0
    for piece in text.splitlines(keepends=True):
        size = len(piece)
        body = piece[:-2] if piece.endswith("\r\n") else piece[:-1] if piece[-1] in _BREAK_CHARS else piece
        rest = body.lstrip(_STRIPPED)
        if rest:
            kept = rest.rstrip(_STRIPPED)
            start = pos + len(body) - len(rest)
            out.append(_Line(start, start + len(kept), kept))
        else:
            out.append(None)
        pos += size
    if not text or text.endswith(tuple(_BREAK_CHARS)):
        out.append(None)  # the empty line after a final break, as the regex split gives it
    return out


def _blocks(text: str) -> list[list[_Line]]:
    """Group non-blank lines into blocks separated by blank lines.

    Args:
        text (str): the raw text.

    Returns:
        list[list[_Line]]: blocks of lines.
    """
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in _lines(text):
        if line is None:
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the line-splitting rules ask about one line, found once per line."""

    tidy: str
    widget: bool  # a standalone unit by vocabulary (:func:`_is_widget_line`)
    caption_end: bool  # ends with a photo-credit marker
    opens: ListRule | None  # the list it opens when it is a list heading alone


def _facts(s: str, *, tidy: str | None = None) -> _Facts:
    """The :class:`_Facts` of one stripped line (``tidy``: its tidied text, if already computed)."""
    t = _tidy(s) if tidy is None else tidy
    widget = _is_widget_line(s, tidy=t)
    caption = _CAPTION_ANY.search(t) is not None and len(_words(t)) <= CAPTION_MAX_WORDS
    rule = _match_widget(t) if widget else None  # a list heading is a widget line
    return _Facts(t, widget, caption, _LIST_OPENERS.get(rule.id) if rule is not None else None)


def _is_widget_line(s: str, *, tidy: str | None = None) -> bool:
    """Whether one line is a standalone unit by vocabulary.

    Args:
        s (str): a stripped line.
        tidy (str | None): ``_tidy(s)``, if already computed.

    Returns:
        bool: True for widget, credit, byline and photo-credit lines.
    """
    t = _tidy(s) if tidy is None else tidy
    words = _words(t) if len(t) > _LONG_LINE else None  # a long line: the word count rules most out
    n = len(words) if words is not None else 0  # 0: every rule stays a candidate
    credit_rules = _within("credit", n)
    widget = n <= 12 and _may_fire(_within("line", n), t)
    credit = _may_fire(credit_rules, t)
    if not (widget or credit or (n <= BYLINE_MAX_WORDS and (_byline_found(t) or _may_be_name_outlet(t)))):
        return False  # most lines: no rule can fire, no need to count words
    if words is None:
        words = _words(t)
        n = len(words)
    if widget and n <= 12 and _match_widget(t, n_words=n) is not None:
        return True
    if n <= BYLINE_MAX_WORDS and _match_byline(t, first=False, words=words) is not None:
        return True
    for rule in CREDIT_RULES if credit else ():
        if n <= rule.max_words and _rule_matches(rule, t):
            return True
    return False


def _wrap_width(lines: list[_Line]) -> int:
    """Estimated hard-wrap width of a block: its longest wrappable line.

    Args:
        lines (list[_Line]): the block's lines.

    Returns:
        int: width in characters (0 if no line is short enough to be wrapped).
    """
    widths = [ln.length for ln in lines if ln.length <= WRAP_MAX_WIDTH]
    return max(widths, default=0)


def _is_full(line: str, width: int) -> bool:
    """Whether a line reaches the wrap width of its block.

    Args:
        line (str): a stripped line.
        width (int): the block's wrap width.

    Returns:
        bool: True when at least ``WRAP_FULL_RATIO`` of the width.
    """
    return WRAP_FULL_RATIO * width <= len(line) <= WRAP_MAX_WIDTH


def _fills_width(prev: str, nxt: str, width: int, *, n_full: int) -> bool:
    """Whether ``prev`` ends where a wrapping editor would have broken it.

    A line is a wrap point when the block is hard-wrapped (width between
    ``WRAP_MIN_WIDTH`` and ``WRAP_MAX_WIDTH``), ``prev`` plus the next word
    would overflow about the width, and the text goes on as wrapped prose:
    the next line is full too, or the block has at least two full lines.
    (The longest line of any block is "full", so one full line proves
    nothing: "Chaque mardi, recevez …" then "S'inscrire" are two units.)

    Args:
        prev (str): previous line.
        nxt (str): next line.
        width (int): the block's wrap width.
        n_full (int): number of full lines in the block.

    Returns:
        bool: True when ``prev`` → ``nxt`` looks like a wrap.
    """
    if not (WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH) or len(prev) > WRAP_MAX_WIDTH:
        return False
    first_word = nxt.split(maxsplit=1)[0]
    if len(prev) + 1 + len(first_word) < WRAP_FULL_RATIO * width:
        return False
    return _is_full(nxt, width) or n_full >= 2


def _starts_sentence(s: str) -> bool:
    """Whether a line starts like a new sentence or unit.

    Args:
        s (str): a stripped line.

    Returns:
        bool: capital, digit or opening quotation mark first.
    """
    c = s[0]
    return c.isupper() or c.isdigit() or c in QUOTE_PAIRS or c in "‘'([—–-"


def _breaks_between(prev: str, nxt: str, width: int, *, n_full: int = 0, facts: tuple[_Facts, _Facts] | None = None
                    ) -> bool:
    """Decide whether two consecutive non-blank lines are separate segments.

    Args:
        prev (str): the previous stripped line.
        nxt (str): the next stripped line.
        width (int): the block's wrap width (see :func:`_wrap_width`).
        n_full (int): number of lines of the block that reach the width.
        facts (tuple[_Facts, _Facts] | None): the two lines' facts, if already found.

    Returns:
        bool: True to split between the lines, False to keep them together.
    """
    before, after = facts if facts is not None else (_facts(prev), _facts(nxt))
    if before.widget or after.widget or _BULLET.match(nxt):
        return True
    if before.caption_end and _starts_sentence(nxt):
        return True
    if not _starts_sentence(nxt):
        return False  # lower case, comma, closing mark…: the sentence goes on
    return not _fills_width(prev, nxt, width, n_full=n_full)


def _spans(text: str) -> list[tuple[int, int]]:
    """Segment spans of the raw text, stripped, in order.

    Args:
        text (str): the raw text.

    Returns:
        list[tuple[int, int]]: ``(start, end)`` of each segment.
    """
    spans: list[tuple[int, int]] = []
    open_list: ListRule | None = None  # the list being read, across blocks
    blocks = _blocks(text)
    tidies = [[_tidy(ln.text) for ln in block] for block in blocks]
    for block, block_tidies in zip(blocks, tidies):
        facts = [_facts(ln.text, tidy=t) for ln, t in zip(block, block_tidies)]
        width = _wrap_width(block)
        n_full = sum(_is_full(ln.text, width) for ln in block)
        start = block[0].start
        for k in range(len(block) - 1):
            prev, nxt = block[k], block[k + 1]
            open_list = _list_after(facts[k], open_list)
            # under a list heading each line is an item: the wrap rule would
            # join headlines of similar length
            if (open_list is not None and _starts_sentence(nxt.text)) or _breaks_between(
                    prev.text, nxt.text, width, n_full=n_full, facts=(facts[k], facts[k + 1])):
                spans.append((start, prev.end))
                start = nxt.start
            else:
                open_list = None  # a line joined to the next is no item
        spans.append((start, block[-1].end))
        open_list = _list_after(facts[-1], open_list)
    return spans


def _is_item_shaped(tidy: str, n_words: int, n_lines: int, rule: ListRule) -> bool:
    """Whether a block has the shape of one item of a list (a headline, a tag).

    Args:
        tidy (str): tidied text.
        n_words (int): its words.
        n_lines (int): its lines.
        rule (ListRule): the list.

    Returns:
        bool: one line of 1 to ``rule.item_max_words`` words, at most
        ``TITLE_MAX_CHARS``, not ending like a sentence or a clause.
    """
    return (n_lines == 1 and 1 <= n_words <= rule.item_max_words
            and len(tidy) <= TITLE_MAX_CHARS and not tidy.endswith(_ITEM_BAD_END))


def _list_after(line: _Facts, current: ListRule | None) -> ListRule | None:
    """The list still open after a line, as :func:`_mark_lists` will read it.

    Args:
        line (_Facts): a stripped line's facts.
        current (ListRule | None): the list open before it.

    Returns:
        ListRule | None: a list this line opens, the current list when the
        line is furniture or an item of it, else None.
    """
    opened = line.opens
    if opened is not None or current is None:
        return opened
    if line.widget:
        return current
    t = line.tidy
    return current if _is_item_shaped(t, len(_words(t)), 1, current) else None


# ---------------------------------------------------------------------------
# Step 3: kinds
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Seg:
    start: int
    end: int
    text: str
    tidy: str
    n_words: int
    n_lines: int
    kind: str = ""
    rule: str = ""
    reason: str = ""
    duplicate_of: int | None = None

    def set(self, kind: str, rule: str, reason: str | None = None) -> None:
        self.kind, self.rule = kind, rule
        self.reason = reason if reason is not None else RULE_DESCRIPTIONS.get(rule, kind)


def _rule_matches(rule: Rule, tidy: str) -> bool:
    """Apply one :class:`Rule` to a tidied text.

    Args:
        rule (Rule): the rule.
        tidy (str): tidied text (see :func:`_tidy`).

    Returns:
        bool: True when the rule fires.
    """
    if rule.whole:
        hit = rule.combined.fullmatch(_widget_key(tidy)) is not None
    else:
        hit = rule.combined.search(tidy) is not None
    if hit and rule.not_prose and _is_finished_sentence(tidy):
        return False
    return hit and all(p.search(tidy) for p in rule.requires)


def _is_finished_sentence(tidy: str) -> bool:
    """A sentence of ``PROSE_MIN_WORDS`` words or more with a final period (not an ellipsis)."""
    return tidy.endswith(".") and not tidy.endswith("..") and len(_words(tidy)) >= PROSE_MIN_WORDS


@functools.lru_cache(maxsize=8192)
def _widget_key(tidy: str) -> str:
    """The casefolded line without its decorations, as whole-line rules match it."""
    return _trim_widget(tidy.casefold())


def _match_widget(tidy: str, *, n_words: int | None = None) -> Rule | None:
    """First whole-line widget rule matching.

    Args:
        tidy (str): tidied text.
        n_words (int | None): its number of words, if already counted.

    Returns:
        Rule | None: the rule, if any.
    """
    n = len(_words(tidy)) if n_words is None else n_words
    rules = _within("line", n)
    if not _may_fire(rules, tidy):
        return None
    for rule in rules:
        if _rule_matches(rule, tidy):
            return rule
    return None


def _match_byline(tidy: str, *, first: bool, words: list[str] | None = None, n_words: int | None = None
                  ) -> str | None:
    """Byline rule id matching a tidied text, if any.

    Args:
        tidy (str): tidied text.
        first (bool): whether this is the first segment (a NAME + OUTLET
            line there is more likely a title).
        words (list[str] | None): its words, if already split.
        n_words (int | None): their number, if already counted.

    Returns:
        str | None: the rule id.
    """
    if n_words is not None and n_words > BYLINE_MAX_WORDS:
        return None
    found = _byline_found(tidy)
    if not found and (first or not _may_be_name_outlet(tidy)):
        return None
    words = _words(tidy) if words is None else words
    if len(words) > BYLINE_MAX_WORDS:
        return None
    for rule_id, _, pattern in BYLINE_PATTERNS if found else ():
        if pattern.search(tidy):
            if rule_id == "byline.par" and not _looks_like_name_line(tidy, words):
                continue
            return rule_id
    if not first and _is_name_outlet(tidy, words):
        return "byline.name_outlet"
    return None


def _looks_like_name_line(tidy: str, words: list[str]) -> bool:
    """Guard for "Par …": a byline, not a sentence starting with "Par".

    Args:
        tidy (str): tidied text.
        words (list[str]): its words.

    Returns:
        bool: True when it is short or not a full sentence.
    """
    if tidy.endswith(".") and len(words) > 6:
        return False
    return len(words) >= 2 and (words[1][0].isupper() or words[1] in ("notre", "nos"))


# Function words that betray a headline rather than "NAME SURNAME OUTLET".
_NOT_IN_NAMES = frozenset(
    "la les et en au aux un une pour sur dans avec du des ou mais face contre vers".split()
)


def _may_be_name_outlet(tidy: str) -> bool:
    """False when :func:`_is_name_outlet` is sure to be False, without splitting words.

    A piece between spaces that starts with a lower-case letter or digit starts a word, and
    :func:`_is_name_outlet` wants every word capitalised; nor may the line end like a sentence.
    """
    if tidy.endswith(_TERMINAL):
        return False
    return not any(w[:1].islower() and w[:1].isalnum() for w in tidy.split(" "))


def _is_name_outlet(tidy: str, words: list[str]) -> bool:
    """A line with just an author name and an outlet: "JEAN DUPONT / AFP".

    Args:
        tidy (str): tidied text.
        words (list[str]): its words.

    Returns:
        bool: True for 2–6 capitalised words without headline function words,
        no final punctuation, with an outlet in capitals and a separator, or
        at least three words of which two in capitals.
    """
    if not 2 <= len(words) <= 6 or tidy.endswith(_TERMINAL):
        return False
    if not all(w[0].isupper() for w in words):
        return False
    if any(w.casefold() in _NOT_IN_NAMES or "'" in w for w in words):
        return False
    caps = [w for w in words if len(w) >= 2 and w.isupper()]
    has_sep = any(sep in tidy for sep in ("/", "|", " - ", " – ", "  ", ","))
    return bool(caps) and (has_sep or (len(caps) >= 2 and len(words) >= 3))


def _vocabulary_kind(seg: _Seg, *, first: bool) -> tuple[str, str] | None:
    """Kinds decided by vocabulary: boilerplate, credit, byline.

    Args:
        seg (_Seg): the segment.
        first (bool): whether it is the first segment of the page.

    Returns:
        tuple[str, str] | None: ``(kind, rule_id)`` or None.
    """
    rule = _match_widget(seg.tidy, n_words=seg.n_words)
    if rule is not None:
        return rule.kind, rule.id
    side = _within("side", seg.n_words)
    for rule in side if _may_fire(side, seg.tidy) else ():
        if _rule_matches(rule, seg.tidy):
            return rule.kind, rule.id
    byline = _match_byline(seg.tidy, first=first, n_words=seg.n_words)
    if byline is not None:
        return "byline", byline
    return None


def _caption_kind(seg: _Seg) -> tuple[str, str] | None:
    """Caption, or standalone photo credit when the marker is the whole block.

    Args:
        seg (_Seg): the segment.

    Returns:
        tuple[str, str] | None: ``(kind, rule_id)`` or None.
    """
    if seg.n_words > CAPTION_MAX_WORDS or seg.n_lines > 3 or not _CAPTION_ANY.search(seg.tidy):
        return None
    for p in CAPTION_MARKERS:
        m = p.search(seg.tidy)
        if m:
            head = seg.tidy[: m.start()].strip(" .([")
            if len(_words(head)) <= 1:
                return "credit", "credit.photo"
            return "caption", "caption.credit_marker"
    return None


def _quotation(text: str) -> tuple[str, int] | None:
    """The quotation a block opens with: content and end offset.

    Args:
        text (str): stripped segment text.

    Returns:
        tuple[str, int] | None: ``(inner text, index after the closing mark)``
        or None if the text does not open with a closed quotation.
    """
    if not text or text[0] not in QUOTE_PAIRS:
        return None
    opening, closing = text[0], QUOTE_PAIRS[text[0]]
    if opening == closing:
        j = text.find(closing, 1)
        return (text[1:j], j + 1) if j > 0 else None
    depth = 0
    for i, c in enumerate(text):
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return text[1:i], i + 1
    return None


_SENTENCE_BREAK = re.compile(r"[.!?…]\s+\S")
ATTRIBUTION_MAX_WORDS = 25


def _is_attribution_tail(tail: str) -> bool:
    """Whether what follows a quotation is only its attribution.

    Args:
        tail (str): text after the closing quotation mark.

    Returns:
        bool: True for "", ", a déclaré X." or "— X", one short clause.
    """
    tail = tail.strip()
    if not tail:
        return True
    return (
        tail[0] in ",.;:-–—("
        and len(_words(tail)) <= ATTRIBUTION_MAX_WORDS
        and not _SENTENCE_BREAK.search(tail)
    )


def _is_quote(seg: _Seg) -> bool:
    """Whether a block is mainly a quotation (with an optional attribution).

    It opens with a closed quotation which is at least half of the block, or
    is followed only by a one-clause attribution ("…», a lancé X, devant Y.").

    Args:
        seg (_Seg): the segment.

    Returns:
        bool: True for quote blocks.
    """
    q = _quotation(seg.text)
    if q is None:
        return False
    return q[1] >= QUOTE_MIN_SHARE * len(seg.text) or _is_attribution_tail(seg.text[q[1]:])


def _is_prose(seg: _Seg) -> bool:
    """Prose shape: long enough, or a finished sentence.

    Args:
        seg (_Seg): the segment.

    Returns:
        bool: True for paragraph-like blocks.
    """
    return seg.n_words >= 15 or (
        seg.n_words >= PROSE_MIN_WORDS and seg.tidy.endswith(_TERMINAL)
    )


def _is_heading_shaped(seg: _Seg) -> bool:
    """Short single line without sentence-final punctuation (``?`` allowed).

    Args:
        seg (_Seg): the segment.

    Returns:
        bool: True when shaped like a heading.
    """
    return _one_short_line(seg, max_words=HEADING_MAX_WORDS, max_chars=HEADING_MAX_CHARS,
                           not_ending=(".", ",", ";", ":", "…", ")", "]"))


def _is_title_shaped(seg: _Seg) -> bool:
    """One line, not too long, no final period.

    Args:
        seg (_Seg): the segment.

    Returns:
        bool: True when shaped like a title.
    """
    return _one_short_line(seg, max_words=TITLE_MAX_WORDS, max_chars=TITLE_MAX_CHARS,
                           not_ending=(".", ",", ";", ":"))


def _one_short_line(seg: _Seg, *, max_words: int, max_chars: int, not_ending: tuple[str, ...]) -> bool:
    """One line of 1 to ``max_words`` words and at most ``max_chars``, not ending in ``not_ending``."""
    return (
        seg.n_lines == 1
        and 1 <= seg.n_words <= max_words
        and len(seg.tidy) <= max_chars
        and not seg.tidy.endswith(not_ending)
    )


_SIDE = frozenset({"boilerplate", "credit", "byline"})


def _classify(segs: list[_Seg]) -> None:
    """Assign kinds in place (steps 3 of the module docstring).

    Args:
        segs (list[_Seg]): segments in text order.
    """
    for i, seg in enumerate(segs):
        found = _vocabulary_kind(seg, first=(i == 0)) or _caption_kind(seg)
        if found:
            seg.set(*found)
    _mark_lists(segs)
    _mark_title_lede(segs)
    _mark_headings(segs)
    for seg in segs:
        if not seg.kind:
            seg.set("paragraph", "paragraph.default")


def _mark_lists(segs: list[_Seg]) -> None:
    """Items under a list heading (see :class:`ListRule`) → boilerplate.

    Runs before titles are chosen, so that a list printed above the article
    does not give it its title.

    Args:
        segs (list[_Seg]): segments after the vocabulary pass.
    """
    i = 0
    while i < len(segs):
        rule = _LIST_OPENERS.get(segs[i].rule)
        heading = i
        i += 1
        if rule is None:
            continue
        while i < len(segs):
            seg = segs[i]
            if seg.kind in _SIDE:
                if seg.rule in _LIST_OPENERS:
                    break  # another list starts
                i += 1
                continue
            if (seg.kind or not _is_item_shaped(seg.tidy, seg.n_words, seg.n_lines, rule)
                    or _byline_follows(segs, i)):
                break
            seg.set("boilerplate", rule.id, f"{rule.reason} (after seg {heading})")
            i += 1


def _byline_follows(segs: list[_Seg], i: int) -> bool:
    """Whether the next segment after ``i`` that is not boilerplate is a byline (``i`` is a title)."""
    for j in range(i + 1, len(segs)):
        if segs[j].kind != "boilerplate":
            return segs[j].kind == "byline"
    return False


def _mark_title_lede(segs: list[_Seg]) -> None:
    """Title (first content block), quotes, and the lede right after the title.

    Bylines, credits and boilerplate between the title and the lede are
    skipped; a caption, quote or any other block closes the lede window.

    Args:
        segs (list[_Seg]): segments after the vocabulary pass.
    """
    title_done = lede_open = False
    for seg in segs:
        if seg.kind in _SIDE:
            continue
        if seg.kind:  # a caption
            lede_open = False
            continue
        if not title_done:
            title_done = True
            if _is_title_shaped(seg) and not _is_quote(seg):
                seg.set("title", "title.first_line")
                lede_open = True
                continue
        if _is_quote(seg):
            seg.set("quote", "quote.opening_mark")
        elif lede_open and _is_prose(seg):
            seg.set("lede", "lede.first_prose")
        lede_open = False


def _mark_headings(segs: list[_Seg]) -> None:
    """Heading: heading-shaped, with content before and prose after.

    Args:
        segs (list[_Seg]): segments, partly classified.
    """
    content = [i for i, s in enumerate(segs) if s.kind not in _SIDE]
    for pos, i in enumerate(content):
        seg = segs[i]
        if seg.kind or pos == 0 or pos + 1 >= len(content):
            continue
        nxt = segs[content[pos + 1]]
        if _is_heading_shaped(seg) and _is_prose(nxt) and nxt.kind in ("", "lede"):
            seg.set("heading", "heading.short_line")


# ---------------------------------------------------------------------------
# Step 4: positional rules
# ---------------------------------------------------------------------------


def _apply_comment_section(segs: list[_Seg]) -> None:
    """Everything after a comment-section marker in the page's second half.

    Args:
        segs (list[_Seg]): classified segments.
    """
    total = sum(len(s.text) for s in segs if s.kind not in _SIDE)
    before = 0
    for i, seg in enumerate(segs):
        if (
            seg.kind == "boilerplate"
            and any(p.fullmatch(_trim_widget(seg.tidy.casefold())) for p in COMMENT_SECTION_START)
            and before >= total - before
        ):
            for later in segs[i + 1:]:
                if later.kind != "boilerplate":
                    later.set("boilerplate", "boilerplate.comment_section",
                              f"boilerplate: reader comment area (after seg {i})")
            return
        if seg.kind not in _SIDE:
            before += len(seg.text)


def _apply_trailer(segs: list[_Seg]) -> None:
    """Short lines after the start of the page's final boilerplate run.

    Args:
        segs (list[_Seg]): classified segments.
    """
    first = len(segs)
    for i in range(len(segs) - 1, -1, -1):
        seg = segs[i]
        if seg.kind in _SIDE or seg.n_words <= TRAILER_MAX_WORDS:
            first = i
        else:
            break
    run = segs[first:]
    start = next((k for k, s in enumerate(run) if s.kind == "boilerplate"), None)
    if start is None:
        return
    for seg in run[start + 1:]:
        if seg.kind not in _SIDE:
            seg.set("boilerplate", "boilerplate.trailer")


# ---------------------------------------------------------------------------
# Step 5: duplicates
# ---------------------------------------------------------------------------


def _quotation_key(seg: _Seg) -> str | None:
    """Matching key of the quotation a quote block opens with.

    Args:
        seg (_Seg): the segment.

    Returns:
        str | None: normalised quotation content, or None.
    """
    q = _quotation(seg.text)
    if q is None or not _is_quote(seg):
        return None
    key = normalize_for_matching(q[0])
    return key if len(key) >= QUOTE_MIN_CHARS else None


def _contained(needle: str, haystack: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` at word boundaries.

    Args:
        needle (str): normalised shorter text.
        haystack (str): normalised longer text.

    Returns:
        bool: True if contained whole.
    """
    # str.find (C speed) then a boundary check: no regex compiled per pair,
    # which made long OCR pages quadratic in compilations.
    size = len(needle)
    at = haystack.find(needle)
    while at != -1:
        end = at + size
        if (at == 0 or not _is_word_char(haystack[at - 1])) and (
                end == len(haystack) or not _is_word_char(haystack[end])):
            return True
        at = haystack.find(needle, at + 1)
    return False


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or an underscore."""
    return ch.isalnum() or ch == "_"


def _mark_duplicates(segs: list[_Seg]) -> None:
    """Flag repeated content: exact, same quotation, contained whole.

    Args:
        segs (list[_Seg]): classified segments.
    """
    exact: dict[str, int] = {}
    quotes: dict[str, int] = {}
    originals: list[tuple[int, str]] = []
    for i, seg in enumerate(segs):
        if seg.kind not in CONTENT_KINDS:
            continue
        key = normalize_for_matching(seg.text)
        qkey = _quotation_key(seg)
        if key in exact:
            _flag(seg, exact[key], "dup.exact",
                  "same text after normalising apostrophes, quotes and spaces")
        elif qkey is not None and qkey in quotes:
            _flag(seg, quotes[qkey], "dup.quotation",
                  "same quotation, different attribution")
        else:
            host = _containing(key, seg, originals)
            if host is not None:
                _flag(seg, host, "dup.contained",
                      "contained whole in it after normalising")
                continue
            exact[key] = i
            if qkey is not None:
                quotes.setdefault(qkey, i)
            originals.append((i, key))


def _containing(key: str, seg: _Seg, originals: list[tuple[int, str]]) -> int | None:
    """Earlier original block containing this one whole, if it is long.

    Args:
        key (str): normalised text of the segment.
        seg (_Seg): the segment.
        originals (list[tuple[int, str]]): earlier originals ``(seg, key)``.

    Returns:
        int | None: the earlier segment's number.
    """
    if len(key) < CONTAINED_MIN_CHARS or seg.n_words < CONTAINED_MIN_WORDS:
        return None
    for j, other in originals:
        if len(other) > len(key) and _contained(key, other):
            return j
    return None


def _flag(seg: _Seg, first: int, rule: str, why: str) -> None:
    """Mark a segment as a duplicate of ``first``.

    Args:
        seg (_Seg): the duplicate.
        first (int): segment number of the first occurrence.
        rule (str): duplicate rule id.
        why (str): short explanation.
    """
    seg.duplicate_of = first
    seg.rule = rule
    seg.reason = f"duplicate of seg {first} ({why})"


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _frame(rows: list[dict], *, doc_id: str) -> pd.DataFrame:
    """Build the segments table with explicit dtypes.

    Args:
        rows (list[dict]): one dict per segment.
        doc_id (str): document id.

    Returns:
        pd.DataFrame: the table.
    """
    col = lambda name: [r[name] for r in rows]  # noqa: E731
    return pd.DataFrame({
        "doc_id": pd.Series([doc_id] * len(rows), dtype="str"),
        "seg": pd.Series(range(len(rows)), dtype="int64"),
        "kind": pd.Series(col("kind"), dtype="str"),
        "start": pd.Series(col("start"), dtype="int64"),
        "end": pd.Series(col("end"), dtype="int64"),
        "text": pd.Series(col("text"), dtype="str"),
        "duplicate_of": pd.Series(col("duplicate_of"), dtype="Int64"),
        "counted": pd.Series(col("counted"), dtype="bool"),
        "rule": pd.Series(col("rule"), dtype="str"),
        "reason": pd.Series(col("reason"), dtype="str"),
    }, columns=list(COLUMNS))


def _counted(seg: _Seg, *, include_duplicates: bool, include_boilerplate: bool,
             include_credits: bool) -> tuple[bool, str]:
    """Decide ``counted`` and finish the reason.

    Args:
        seg (_Seg): the segment.
        include_duplicates (bool): count duplicates.
        include_boilerplate (bool): count boilerplate.
        include_credits (bool): count credits and bylines.

    Returns:
        tuple[bool, str]: counted flag and reason.
    """
    if seg.duplicate_of is not None:
        flag, name = include_duplicates, "include_duplicates"
    elif seg.kind == "boilerplate":
        flag, name = include_boilerplate, "include_boilerplate"
    elif seg.kind in ATTRIBUTION_KINDS:
        flag, name = include_credits, "include_credits"
    else:
        return True, seg.reason
    if flag:
        return True, f"{seg.reason}; counted because {name}=True"
    return False, seg.reason


def segments(
    text: str,
    *,
    doc_id: str = "doc",
    include_duplicates: bool = False,
    include_boilerplate: bool = False,
    include_credits: bool = False,
) -> pd.DataFrame:
    """Cut a raw page into segments and classify them.

    Args:
        text (str): the raw text, exactly as loaded (never modified).
        doc_id (str): value of the ``doc_id`` column.
        include_duplicates (bool): count duplicate content rows.
        include_boilerplate (bool): count boilerplate rows.
        include_credits (bool): count credit and byline rows.

    Returns:
        pd.DataFrame: one row per segment, columns :data:`COLUMNS`:
        ``doc_id`` (str), ``seg`` (int64, 0-based, text order), ``kind`` (str,
        one of :data:`KINDS`), ``start``/``end`` (int64, ``text[start:end] ==
        row.text``), ``text`` (str, stripped), ``duplicate_of`` (Int64, seg of
        the first occurrence or <NA>), ``counted`` (bool), ``rule`` (str, rule
        id, see :data:`RULE_DESCRIPTIONS`), ``reason`` (str).

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    rows = _rows(text, include_duplicates=include_duplicates, include_boilerplate=include_boilerplate,
                 include_credits=include_credits)
    return _frame(rows, doc_id=doc_id)


def _rows(text: str, **include: bool) -> list[dict]:
    """The segments of a text as dicts (what :func:`segments` tabulates)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    segs = []
    for s, e in _spans(text):
        chunk = text[s:e]
        tidy = _tidy(chunk)
        segs.append(_Seg(s, e, chunk, tidy, len(_words(tidy)),
                         len(_LINE_BREAK.findall(chunk)) + 1))
    _classify(segs)
    _apply_comment_section(segs)
    _apply_trailer(segs)
    _mark_duplicates(segs)
    rows = []
    for seg in segs:
        counted, reason = _counted(seg, **include)
        rows.append({"kind": seg.kind, "start": seg.start, "end": seg.end,
                     "text": seg.text, "duplicate_of": seg.duplicate_of,
                     "counted": counted, "rule": seg.rule, "reason": reason})
    return rows


def counted_spans(text: str, *, include_duplicates: bool = False, include_boilerplate: bool = False,
                  include_credits: bool = False) -> np.ndarray:
    """Where the counted segments are, without building the table (the corpus counting path).

    The same segments and the same rules as :func:`segments`, whose ``counted``
    rows these are.

    Args:
        text (str): the raw text.
        include_duplicates (bool): count duplicate content rows.
        include_boilerplate (bool): count boilerplate rows.
        include_credits (bool): count credit and byline rows.

    Returns:
        numpy.ndarray: int64 array of shape ``(n, 2)``: ``start``, ``end`` of each counted
        segment, in text order.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    rows = _rows(text, include_duplicates=include_duplicates, include_boilerplate=include_boilerplate,
                 include_credits=include_credits)
    return np.array([(r["start"], r["end"]) for r in rows if r["counted"]], dtype=np.int64).reshape(-1, 2)


def segment_of(segments_df: pd.DataFrame, offsets: Iterable[int] | np.ndarray) -> np.ndarray:
    """Map character offsets to the ``seg`` containing them.

    Args:
        segments_df (pd.DataFrame): the table from :func:`segments` for ONE
            document (rows sorted by ``start``, as returned).
        offsets (array-like of int): character offsets into the raw text.

    Returns:
        np.ndarray: int64 array, same length as ``offsets``: the ``seg`` whose
        ``[start, end)`` contains the offset, or -1.

    Raises:
        ValueError: if the table holds more than one ``doc_id``.
    """
    return locate(segments_df, offsets, id_col="seg")


def summary(segments_df: pd.DataFrame) -> pd.DataFrame:
    """What is counted and what is left out, and why.

    Args:
        segments_df (pd.DataFrame): a table from :func:`segments` (one or
            several documents).

    Returns:
        pd.DataFrame: one row per (counted, kind, rule) with columns
        ``counted`` (bool), ``kind`` (str), ``rule`` (str), ``description``
        (str), ``segments`` (int64), ``chars`` (int64), ``share_chars``
        (float64, of all segment characters), ``segs`` (str, the seg numbers),
        sorted counted first, then by kind order.
    """
    df = segments_df.assign(chars=segments_df["end"] - segments_df["start"])
    out = (
        df.groupby(["counted", "kind", "rule"], sort=False)
        .agg(segments=("seg", "size"), chars=("chars", "sum"),
             segs=("seg", lambda s: ", ".join(map(str, s))))
        .reset_index()
    )
    total = int(df["chars"].sum())
    out["description"] = out["rule"].map(RULE_DESCRIPTIONS).fillna(out["kind"]).astype("str")
    out["share_chars"] = (out["chars"] / total if total else out["chars"] * 0.0).astype("float64")
    order = {k: i for i, k in enumerate(KINDS)}
    out = out.assign(_k=out["kind"].map(order)).sort_values(
        ["counted", "_k", "rule"], ascending=[False, True, True], kind="stable"
    )
    cols = ["counted", "kind", "rule", "description", "segments", "chars", "share_chars", "segs"]
    return out[cols].astype({"segments": "int64", "chars": "int64"}).reset_index(drop=True)
