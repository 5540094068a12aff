"""Named entities of an article: mentions, aliases merged into entities, co-occurrence.

The model is spaCy's ``fr_core_news_sm`` (WikiNER labels PER, LOC, ORG, MISC),
run on each content segment with the apostrophe normalised (’ → ', one
character for one, so offsets hold), then corrected by general rules
(:func:`find_mentions`), each kept as data below:

1. **Boundaries.** Leading elisions, lowercase articles and prepositions are
   stripped ("l'Iran" → "Iran", "de Besançon" → "Besançon"); a sentence-initial
   capitalised article before a lowercase word too ("La bataille de …"); a
   leading title ("général André", "Dr Maréchal") is stripped and makes the
   rest a person. A mention is cut at a verb inside it ("X interroge Y" → X,
   Y) and trailing punctuation, function words and numbers are dropped. A
   mention directly followed by capitalised words is extended
   over them ("Vladimir" + "Poutine"). A mention never crosses a line break.
2. **Noise.** Dropped: a mention that is only an elision or has no capitalised
   word ("médias"); a single character; only forms of address or titles
   ("Monsieur", "Madame la Présidente"); a sentence-initial single word the
   tagger does not call a proper noun ("Cependant", "Alors", "Enhardi"); a
   demonym used as a noun ("les Irakiens"); anything inside an all-capitals
   passage (headings and package leaflets shout).
3. **Labels.** A name in the gazetteer (``analysis/people/data/gazetteer_fr.tsv``:
   states, capitals, regions, major cities) is LOC when the whole mention is
   that name (longest match: "Washington Post" stays ORG); a name right after a
   title noun ("le président russe Vladimir Poutine") is PER; an acronym the
   model calls MISC is ORG; a name right after a noun of made things
   (:data:`PRODUCT_NOUNS`: "les drones Arash", "le missile Kalibr") is MISC;
   a name after "ministère (adjectives) de la/de l'/des/du" becomes one ORG
   with it ("ministère ukrainien de la Défense", not a LOC "Défense").
4. **Recall.** Gazetteer names the model missed are added when capitalised
   and not part of a longer capitalised name; so are hyphenated capitalised
   compounds standing alone ("Tel-Aviv"), as LOC.

Over a whole article, :func:`entities` then merges aliases into one canonical
entity (:func:`canonicalise`): transliteration variants share a key
(:func:`name_key`: accents stripped, y → i, w → v, doubled letters single,
so Zelensky, Zelenski, Zelenskyy and Zelenskiy meet); a one-word mention
matches the longest full name ending with it (Poutine → Vladimir Poutine);
an acronym matches the name it follows in parentheses or whose content-word
initials it spells (OCS → Organisation de coopération de Shanghai); the
names of one gazetteer row are one place ("République islamique" → Iran,
"État hébreu" → Israël). The canonical name is the gazetteer's name of a
place when the text uses it, else the longest variant (ties: the most
frequent, then the first); the entity's label is the gazetteer's, else the majority of its
mentions' labels.

Mentions in duplicate segments are kept in the table with ``counted=False``;
mentions in boilerplate, credits and bylines are not produced at all. The
summary (:func:`summary`) and co-occurrence count only ``counted`` rows.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..reading.article import Article
from ..paths import PEOPLE_DATA

__all__ = [
    "LABELS", "MENTION_COLUMNS", "Mention", "MentionIndex", "canonicalise", "cooccurrence_edges", "cooccurrence_graph",
    "entities", "find_mentions", "gazetteer", "may_hold_mention", "name_key", "render_html", "summary",
]

#: The labels produced.
LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")

#: Columns of the mentions table.
MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id", "seg", "sent", "start", "end", "text", "label", "canonical", "title", "title_start", "title_end",
    "counted", "fixes",
)

# ---------------------------------------------------------------------------
# Rules as data
# ---------------------------------------------------------------------------

#: Elided clitics (with ASCII apostrophe: the text is normalised first).
ELISIONS: frozenset[str] = frozenset(
    e + "'" for e in ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
)
#: Lowercase words stripped from the start of a mention.
LEADING_FUNCTION_WORDS: frozenset[str] = frozenset(
    {"le", "la", "les", "l'", "de", "d'", "du", "des", "un", "une", "à", "au", "aux", "en", "et", "par",
     "pour", "sur", "dans", "avec", "selon", "chez"}
)
#: Lowercase words dropped from the end of a mention.
TRAILING_FUNCTION_WORDS: frozenset[str] = LEADING_FUNCTION_WORDS | {"ou", "que", "qui", "mais", "où"}
#: Capitalised articles that open a sentence, not a name, when a lowercase word follows.
ARTICLES: frozenset[str] = frozenset({"le", "la", "les", "l'", "un", "une"})
#: Titles and forms of address: stripped before a name (which is then a person);
#: a mention made only of them is dropped.
TITLES: frozenset[str] = frozenset(
    {"monsieur", "madame", "mademoiselle", "messieurs", "mesdames", "m.", "mm.", "mme", "mmes", "mlle",
     "dr", "dr.", "pr", "pr.", "me", "mgr", "président", "présidente", "présidents", "vice-président",
     "ministre", "ministres", "secrétaire", "général", "générale", "colonel",
     "capitaine", "lieutenant", "commandant", "maréchal", "amiral", "sergent", "chef", "porte-parole",
     "député", "députée", "députés", "sénateur", "sénatrice", "maire", "roi", "reine", "prince",
     "princesse", "pape", "cheikh", "ayatollah", "émir", "sultan", "juge", "professeur", "docteur",
     "maître", "commissaire", "directeur", "directrice", "ambassadeur", "ambassadrice", "patron",
     "dirigeant", "chancelier", "chancelière", "gouverneur", "saint", "sainte", "l'ayatollah", "l'émir",
     "mlles", "mesdemoiselles", "sir", "lord", "lady", "empereur", "impératrice", "tsar", "duc", "duchesse",
     "comte", "comtesse", "baron", "baronne", "marquis", "marquise", "vicomte", "vicomtesse", "archiduc",
     "archiduchesse", "cardinal", "abbé", "évêque", "archevêque", "rabbin", "pasteur", "curé"}
)
#: Title nouns after which a following capitalised name is a person
#: ("le président russe Vladimir Poutine"); adjectives may stand between.
PERSON_TITLES: frozenset[str] = TITLES - {"saint", "sainte"}
#: Common nouns of made things: a capitalised name right after one is a product or model, MISC
#: ("les drones Arash", "missiles Kalibr", "le système Patriot"), not a person.
PRODUCT_NOUNS: frozenset[str] = frozenset(
    "drone drones missile missiles roquette roquettes avion avions chasseur chasseurs char chars blindé blindés "
    "hélicoptère hélicoptères fusée fusées lanceur lanceurs navire navires frégate frégates sous-marin sous-marins "
    "satellite satellites système systèmes logiciel logiciels modèle modèles fusil fusils obus vaccin vaccins".split()
)
#: Head nouns that make a name an event (PARSEME-FR's EVE: "Affaire Schuller-Maréchal", "Guerre de
#: Cent Ans") or a treaty (PROD), MISC in WikiNER's labels, when they open the mention.
EVENT_HEADS: frozenset[str] = frozenset(
    "affaire guerre bataille révolution traité convention accords".split()
)
#: Head nouns of organisations: French typography capitalises the first noun of an organisation's name
#: ("le Conseil fédéral", "la Banque de France", "l'Université de Fribourg"); a capitalised one among the
#: first words of a mention makes it an ORG (not MISC or a place). An article before it is the
#: sentence's, not the name's: "Le Conseil national" at a sentence start is "Le" + [Conseil national].
ORG_HEADS: frozenset[str] = frozenset(
    "conseil chambre assemblée parlement gouvernement tribunal cour banque compagnie société parti ligue union "
    "fédération association comité commission université académie institut agence ministère office syndicat "
    "conférence congrès sénat diète municipalité préfecture direction administration département".split()
)
#: Head nouns of government bodies: "ministère (adjectives) de la/de l'/des/du" before a capitalised
#: name makes one ORG of the whole ("ministère ukrainien de la Défense"), not a LOC "Défense".
INSTITUTION_HEADS: frozenset[str] = frozenset({"ministère", "ministères"})
#: Parts of speech that end a mention when met inside it.
SPLIT_POS: frozenset[str] = frozenset({"VERB", "AUX"})
#: Parts of speech a sentence-initial single word must not have to be kept.
STRAY_POS: frozenset[str] = frozenset(
    {"ADV", "VERB", "AUX", "ADJ", "ADP", "SCONJ", "CCONJ", "PRON", "DET", "INTJ", "NOUN", "NUM"}
)
#: Parts of speech of a capitalised word that may extend a mention (the small
#: model often tags an unknown surname NOUN or VERB: "Vladimir Poutine").
EXTEND_POS: frozenset[str] = frozenset({"PROPN", "NOUN", "VERB", "ADJ", "X"})
#: Share of upper-case words above which a sentence is "shouting".
SHOUTING_SHARE = 0.6
#: A roman numeral (chapter and section numbers, "III"): a number, not a name.
ROMAN_NUMERAL = re.compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\.?$")
#: Acronym shape: 2-6 capitals, optionally dotted.
ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z0-9&]{1,5}$")
#: Hyphenated capitalised compound ("Tel-Aviv", "Châtenois-les-Forges").
HYPHEN_COMPOUND = re.compile(r"(?<![\w'-])[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[^\W\d_]+)*-[A-ZÀ-ÖØ-Þ][^\W\d_]+(?![\w-])")
#: Words left out of acronym initials.
ACRONYM_SKIP: frozenset[str] = frozenset(
    {"de", "du", "des", "la", "le", "les", "l'", "d'", "et", "pour", "en", "à", "au", "aux", "sur"}
)

_UPPER_START = re.compile(r"^[^\W\d_]*?[A-ZÀ-ÖØ-Þ]")


@dataclass(frozen=True)
class Mention:
    """One entity mention in a text.

    Attributes:
        start (int): Start offset in the text given to :func:`find_mentions`.
        end (int): End offset.
        label (str): PER, LOC, ORG or MISC.
        fixes (str): The corrections applied, comma-separated ("" if none).
        title_start (int): Start of the title or form of address right before the name ("M.", "le
            général"), kept outside the mention; equal to ``start`` when there is none (-1 given: none).
        title_end (int): End of that title (``start`` when there is none).
    """

    start: int
    end: int
    label: str
    fixes: str = ""
    title_start: int = -1
    title_end: int = -1

    def __post_init__(self) -> None:
        if self.title_start < 0:
            object.__setattr__(self, "title_start", self.start)
            object.__setattr__(self, "title_end", self.start)


# ---------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Gazetteer:
    """Place names and demonyms.

    Attributes:
        places (dict[str, str]): Matching key (:func:`_place_key`) → name as written.
        same_as (dict[str, str]): Matching key of a name or variant → the first name of its row
            ("République islamique" → "Iran"; capitals are not variants).
        demonyms (frozenset[str]): Lowercased demonym forms (all genders and numbers).
        pattern (re.Pattern): Finds any place name in a text (longest first).
    """

    places: dict[str, str]
    demonyms: frozenset[str]
    pattern: re.Pattern
    same_as: dict[str, str] = field(default_factory=dict)


def _place_key(name: str) -> str:
    """Matching key of a place name: apostrophes and hyphens/spaces unified, casefolded."""
    return re.sub(r"[\s-]+", "-", name.replace("’", "'")).casefold()


def _demonym_forms(word: str) -> set[str]:
    """Masculine singular demonym → its four forms (rule: -ien → -ienne, else +e; +s)."""
    word = word.lower()
    if word.endswith("ien"):
        fem = word + "ne"
    elif word.endswith("e"):
        fem = word
    elif word.endswith("c"):
        fem = word[:-1] + "que"
    else:
        fem = word + "e"
    forms = {word, fem, fem + "s"}
    forms.add(word if word.endswith(("s", "x")) else word + "s")
    return forms


@functools.lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Lowercased words that are no name when they make a mention alone (``data/not_names_fr.tsv``:
    months, weekdays, number words, "État").

    Returns:
        frozenset[str]: The words.
    """
    table = pd.read_csv(PEOPLE_DATA / "not_names_fr.tsv", sep="\t", comment="#", dtype=str, keep_default_na=False)
    return frozenset(w for words in table["words"] for w in words.split("|") if w)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load ``analysis/people/data/gazetteer_fr.tsv`` (cached).

    Returns:
        Gazetteer: Place names and demonym forms.
    """
    table = pd.read_csv(PEOPLE_DATA / "gazetteer_fr.tsv", sep="\t", comment="#", dtype=str,
                        keep_default_na=False)
    places: dict[str, str] = {}
    same_as: dict[str, str] = {}
    demonyms: set[str] = set()
    for row in table.itertuples(index=False):
        names = row.names.split("|")
        for name in [*names, *[c for c in row.capital.split("|") if c]]:
            places[_place_key(name)] = name
        for name in names:
            same_as[_place_key(name)] = names[0]
        for d in filter(None, row.demonyms.split("|")):
            demonyms |= _demonym_forms(d)
    names = sorted(places.values(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\-", "[-\\s]").replace(r"\ ", "[-\\s]") for n in names)
    # not inside a word, but right after an elided article or preposition: "l'Italie", "d'Allemagne"
    elided = "|".join(rf"(?<=\b{re.escape(form)})" for e in sorted(ELISIONS) for form in (e, e.capitalize()))
    pattern = re.compile(rf"(?:(?<![\w'-])|{elided})(?:{alternatives})(?![\w-])")
    return Gazetteer(places=places, demonyms=frozenset(demonyms), pattern=pattern, same_as=same_as)


# ---------------------------------------------------------------------------
# Mentions in one text
# ---------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """’ → ' (same length)."""
    return text.replace("’", "'")


#: A word cut at the line end: OCR's hyphenation mark ``¬``, or a hyphen before a letter on the next line.
_LINE_END_HYPHEN = re.compile(r"(?<=\w)(?:¬[ \t]*\n[ \t]*|(?<=-)[ \t]*\n[ \t]*)(?=\w)")
#: A line break that is not part of a blank line (a paragraph break).
_LINE_BREAK = re.compile(r"(?<!\n)[ \t]*\n(?![ \t]*\n)")


def model_text(text: str) -> tuple[str, np.ndarray | None]:
    """The text the model reads, and where each of its characters comes from in ``text``.

    French typography and the HIPE guidelines read a line break inside a paragraph as a space (a
    mention may cross it) and a word hyphenated at the line end as one word. So: ’ → '; a word
    cut by ``¬`` + line break is joined ("Poin¬⏎caré" → "Poincaré"); a hyphen at the line end
    before a letter is kept and the line break dropped ("Baud-⏎Bovy" → "Baud-Bovy"); any other
    single line break is read as a space (same length). Blank lines (paragraph breaks) stay.

    Args:
        text (str): Raw text.

    Returns:
        tuple[str, numpy.ndarray | None]: The model's text and, when characters were removed, the
        offset in ``text`` of each of its characters plus one final entry (``len(text)``); None when
        offsets are unchanged.
    """
    norm = _LINE_BREAK.sub(lambda m: " " * len(m.group()), _normalise(text)) if "\n" in text else _normalise(text)
    if "\n" not in text or not _LINE_END_HYPHEN.search(_normalise(text)):
        return norm, None
    keep = np.ones(len(text) + 1, dtype=bool)
    for m in _LINE_END_HYPHEN.finditer(_normalise(text)):
        keep[m.start():m.end()] = False
    back = np.flatnonzero(keep)
    return "".join(norm[i] for i in back[:-1]), back


def _to_raw(m: Mention, offset: int, back: np.ndarray | None) -> Mention:
    """A mention found at ``offset`` in the model's text, with offsets into the raw text."""
    if back is None:
        return _shifted(m, offset)

    def end(e: int) -> int:  # one past the last character
        return int(back[e + offset - 1]) + 1

    ts, te = int(back[m.title_start + offset]), (end(m.title_end) if m.title_end > m.title_start else -1)
    start = int(back[m.start + offset])
    return Mention(start, end(m.end), m.label, m.fixes, ts, te if te >= 0 else start)


def _is_cap(tok: Any) -> bool:
    """A token that starts (after an elision) with a capital letter."""
    return bool(_UPPER_START.match(tok.text)) and tok.text[:1].isalpha()


def _is_shouting(sent: Any) -> bool:
    """Whether most words of a sentence are in capitals."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 1]
    if len(words) < 2:
        return False
    return sum(w.isupper() for w in words) / len(words) >= SHOUTING_SHARE


class _DocIndex:
    """Look-ups into one Doc, each built once in one pass, so that a rule applied to every mention
    never walks the whole Doc or sentence again (which made long segments quadratic)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._starts: list[int] | None = None
        self._sents: list[Any] | None = None
        self._sent_starts: list[int] = []
        self._shouting: dict[int, bool] = {}

    def token_at_or_after(self, char: int) -> Any:
        """The first token starting at or after a character offset (None past the end)."""
        if self._starts is None:
            self._starts = [t.idx for t in self.doc]
        k = bisect.bisect_left(self._starts, char)
        return self.doc[k] if k < len(self._starts) else None

    def shouting(self, i: int) -> bool:
        """:func:`_is_shouting` of the sentence holding token ``i`` (computed once per sentence)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [sent.start for sent in self._sents]
        k = bisect.bisect_right(self._sent_starts, i) - 1
        if k not in self._shouting:
            sent = self._sents[k]
            if sum(t.is_alpha for t in sent) < 3:  # a fragment the parser cut: judge the passage around it
                sent = self.doc[self._sents[max(k - 1, 0)].start:self._sents[min(k + 1, len(self._sents) - 1)].end]
            self._shouting[k] = _is_shouting(sent)
        return self._shouting[k]


def _trim(doc: Any, i: int, j: int, label: str, fixes: list[str]) -> tuple[int, int, str]:
    """Strip leading elisions/articles/titles and trailing function words/punctuation.

    Args:
        doc: The spaCy Doc.
        i: First token of the mention.
        j: One past its last token.
        label: Its label.
        fixes: Receives the names of the fixes applied.

    Returns:
        tuple[int, int, str]: The new token range and label.
    """
    while i < j:
        tok, low = doc[i], doc[i].lower_
        nxt = doc[i + 1] if i + 1 < j else None
        if tok.is_punct or tok.is_space:
            fixes.append("strip-punct")
        elif low in ELISIONS:
            fixes.append("strip-elision")
        elif tok.text[:1].islower() and low in LEADING_FUNCTION_WORDS:
            fixes.append("strip-article")
        elif low in ARTICLES and tok.is_sent_start and nxt is not None and (
                nxt.text[:1].islower() or _org_head_next(doc, i + 1, j)):
            fixes.append("strip-article")
        elif low in TITLES and nxt is not None and _is_cap(nxt) and nxt.lower_ not in TITLES:
            fixes.append("strip-title")
            label = "PER"
        else:
            break
        i += 1
    while j > i:
        tok, low = doc[j - 1], doc[j - 1].lower_
        if tok.is_punct or tok.is_space or (tok.like_num and j - 1 > i and doc[j - 2].text[:1].islower()):
            fixes.append("strip-trailing")
        elif tok.text[:1].islower() and (low in TRAILING_FUNCTION_WORDS or low in ELISIONS):
            fixes.append("strip-trailing")
        else:
            break
        j -= 1
    return i, j, label


def _org_head_next(doc: Any, k: int, j: int) -> bool:
    """Whether an organisation's head noun (:data:`ORG_HEADS`) opens tokens ``k..j``, after at most one
    capitalised adjective ("Conseil national", "Grand Conseil")."""
    return any(doc[x].lower_ in ORG_HEADS for x in range(k, min(k + 2, j)))


def _split(doc: Any, i: int, j: int) -> list[tuple[int, int]]:
    """Cut a token range at verbs and line breaks inside it."""
    parts, lo = [], i
    for k in range(i, j):
        tok = doc[k]
        if (tok.pos_ in SPLIT_POS and tok.text[:1].islower()) or "\n" in tok.text or (
                k > i and "\n" in doc[k - 1].text_with_ws):  # the text from token k - 1 to token k
            if k > lo:
                parts.append((lo, k))
            lo = k + 1 if (tok.pos_ in SPLIT_POS or tok.is_space) else k
    if j > lo:
        parts.append((lo, j))
    return parts


def _extend(doc: Any, j: int, taken: np.ndarray) -> int:
    """Extend a mention over directly following capitalised proper nouns."""
    while (j < len(doc) and not taken[j] and _is_cap(doc[j]) and doc[j].is_alpha
           and doc[j].pos_ in EXTEND_POS and doc[j].lower_ not in TITLES
           and doc[j - 1].whitespace_ == " " and not _real_sentence_start(doc, j)):
        j += 1
    return j


def _real_sentence_start(doc: Any, j: int) -> bool:
    """A sentence start the parser found AND the text shows (end punctuation or line break before)."""
    if j == 0:
        return True
    prev = doc[j - 1]
    return doc[j].is_sent_start and (prev.text in (".", "!", "?", "…", ":") or prev.is_space
                                     or "\n" in prev.whitespace_)


def _after_title(doc: Any, i: int) -> bool:
    """Whether a title noun precedes token ``i`` (lowercase adjectives may stand between)."""
    k = i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
        k -= 1
    return k >= 0 and doc[k].lower_ in PERSON_TITLES


def _keep(doc: Any, i: int, j: int, gaz: Gazetteer, index: _DocIndex) -> str:
    """Why a mention is dropped ("" to keep it)."""
    toks = doc[i:j]
    text = toks.text
    if not any(_is_cap(t) or t.text[:1].isdigit() for t in toks):
        return "no-capital"
    if len(text.replace(".", "")) <= 1:
        return "single-character"
    if all(t.lower_ in TITLES or t.is_punct or not _is_cap(t) for t in toks):
        return "title-only"
    place = _place_key(text) in gaz.places
    if j - i == 1 and toks[0].lower_ in gaz.demonyms and not (place and _after_place_word(doc, i)):
        return "demonym"
    if all(t.lower_ in not_names() or ROMAN_NUMERAL.match(t.text) or t.is_punct or t.like_num for t in toks):
        return "not-a-name"
    if j - i == 1 and not place and _real_sentence_start(doc, i) and toks[0].pos_ in STRAY_POS \
            and not ACRONYM.match(text):
        return "sentence-initial-word"
    if j - i == 1 and not place and i > 0 and _real_sentence_start(doc, i - 1) and doc[i - 1].is_punct \
            and toks[0].pos_ in STRAY_POS:
        return "sentence-initial-word"
    if toks.text.isupper() and not ACRONYM.match(text) and not place and index.shouting(i):
        return "shouting"
    return ""


#: Words before which a name that is also a demonym is the place: French writes "la Suisse", "en
#: Suisse", "de Suisse" for the country and "un Suisse", "les Suisses" for its people.
PLACE_WORDS: frozenset[str] = frozenset({"la", "le", "l'", "en", "de", "d'", "du", "à", "au", "vers", "pour",
                                         "contre", "sur"})


def _after_place_word(doc: Any, i: int) -> bool:
    """Whether token ``i`` follows an article or preposition of a place (:data:`PLACE_WORDS`)."""
    return i > 0 and doc[i - 1].lower_ in PLACE_WORDS


def find_mentions(text: str, *, doc: Any = None) -> list[Mention]:
    """Entity mentions in one text (a segment or a sentence), corrected.

    Without ``doc``, spaCy reads the text in pieces (:func:`analysis.nlp.model_pieces`: at most
    :data:`~analysis.nlp.MAX_DOC_CHARS` characters, long runs without whitespace cut), and pieces
    that can hold no mention (no capital, no digit) are not given to it.

    Args:
        text (str): Raw text; ’ is read as ' (same length, so offsets hold).
        doc: A spaCy Doc of ``model_text(text)[0]`` already parsed (optional).

    Returns:
        list[Mention]: Non-overlapping mentions in text order; offsets index ``text``.
    """
    from ..text.nlp import load, model_pieces

    norm, back = model_text(text)
    if doc is not None:
        return [_to_raw(m, 0, back) for m in _mentions_in_doc(norm, doc)]
    found: list[Mention] = []
    for offset, piece in model_pieces(norm):
        if may_hold_mention(piece):
            found += [_to_raw(m, offset, back) for m in _mentions_in_doc(piece, load()(piece))]
    return found


def _shifted(m: Mention, offset: int) -> Mention:
    return Mention(m.start + offset, m.end + offset, m.label, m.fixes, m.title_start + offset,
                   m.title_end + offset) if offset else m


@functools.lru_cache(maxsize=1)
def _capital_or_digit() -> re.Pattern[str]:
    """Any character that is a capital or a digit (``str.isupper``/``str.isdigit``, every script)."""
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isupper() or chr(c).isdigit())
    return re.compile("[" + re.escape(chars) + "]")


def may_hold_mention(text: str) -> bool:
    """Whether a text can hold a mention at all: every rule keeps only mentions with a capital or a
    digit (:func:`_keep`: "no-capital"; the gazetteer and compound additions start with a capital),
    so text with neither (punctuation, lowercase) need not be read by the model.

    Args:
        text (str): A text.

    Returns:
        bool: True when it holds a capital or a digit.
    """
    return _capital_or_digit().search(text) is not None


def _mentions_in_doc(norm: str, doc: Any) -> list[Mention]:
    """:func:`find_mentions` of a normalised text and its Doc."""
    gaz = gazetteer()
    index = _DocIndex(doc)
    taken = np.zeros(len(doc) + 1, dtype=bool)
    for ent in doc.ents:
        taken[ent.start:ent.end] = True
    found: list[Mention] = []
    for ent in doc.ents:
        fixes: list[str] = []
        i, j, label = _trim(doc, ent.start, ent.end, ent.label_, fixes)
        if i >= j:
            continue
        new_j = _extend(doc, j, taken)
        if new_j > j:
            fixes.append("extend-capitalised")
            taken[j:new_j] = True
            j = new_j
        parts = _split(doc, i, j)
        if len(parts) > 1 or parts and parts[0] != (i, j):
            fixes.append("split")
        for lo, hi in parts:
            part_fixes = list(fixes)
            lo, hi, lab = _trim(doc, lo, hi, label, part_fixes)
            if lo >= hi or _keep(doc, lo, hi, gaz, index):
                continue
            found.append(_relabel(doc, lo, hi, lab, part_fixes, gaz))
    found += _gazetteer_additions(norm, found, gaz, index)
    return [_with_title(norm, m) for m in _dedupe(sorted(found, key=lambda m: (m.start, -m.end)))]


#: The word right before an offset, with at most one line break between (titles and names are
#: written on either side of a line end in newspaper columns).
_WORD_BEFORE = re.compile(r"(\S+)[ \t]*\n?[ \t]*$")


def _with_title(norm: str, m: Mention) -> Mention:
    """A person's mention with the titles and forms of address right before it (:data:`TITLES`).

    Read back word by word: "M.", "MM.", "Mme", "le général" ("général"), "M. le président" (an
    article between two titles belongs to them). The title is kept beside the mention (Sequoia
    leaves it outside the name; HIPE's ``comp.title`` puts it inside): ``title_start``/``title_end``.
    """
    if m.label != "PER":
        return m
    a = m.start
    while True:
        w = _WORD_BEFORE.search(norm, max(0, a - 40), a)
        if w is None:
            break
        word = w.group(1).lower()
        if word in TITLES:
            a = w.start(1)
            continue
        if word in ("le", "la", "l'") and a < m.start:  # "M. le président X": only between two titles
            w2 = _WORD_BEFORE.search(norm, max(0, w.start(1) - 40), w.start(1))
            if w2 is not None and w2.group(1).lower() in TITLES:
                a = w2.start(1)
                continue
        break
    if a == m.start:
        return m
    end = a + len(norm[a:m.start].rstrip())
    return Mention(m.start, m.end, m.label, m.fixes, a, end)


def _relabel(doc: Any, i: int, j: int, label: str, fixes: list[str], gaz: Gazetteer) -> Mention:
    """Apply the label rules to a kept mention."""
    head = _institution_head(doc, i)
    if head is not None:
        fixes.append("institution-ORG")
        return Mention(doc[head].idx, doc[j - 1].idx + len(doc[j - 1].text), "ORG", ",".join(dict.fromkeys(fixes)))
    span = doc[i:j]
    text = span.text
    if label != "MISC" and i > 0 and doc[i - 1].lower_ in PRODUCT_NOUNS and j - i <= 2 \
            and _place_key(text) not in gaz.places:
        fixes.append("product-MISC")
        label = "MISC"
    elif _place_key(text) in gaz.places and label != "LOC":
        fixes.append("gazetteer-LOC")
        label = "LOC"
    elif label != "PER" and _after_title(doc, i) and all(_is_cap(t) for t in span) and j - i <= 3 \
            and _place_key(text) not in gaz.places and not ACRONYM.match(text):
        fixes.append("title-PER")
        label = "PER"
    elif label == "MISC" and ACRONYM.match(text):
        fixes.append("acronym-ORG")
        label = "ORG"
    if label in ("MISC", "LOC") and j - i > 1 and _place_key(text) not in gaz.places \
            and any(t.lower_ in ORG_HEADS and _is_cap(t) for t in span[:3]):
        fixes.append("organisation-ORG")
        label = "ORG"
    if label != "MISC" and span[0].lower_ in EVENT_HEADS and j - i > 1:
        fixes.append("event-MISC")
        label = "MISC"
    return Mention(span.start_char, span.end_char, label, ",".join(dict.fromkeys(fixes)))


def _institution_head(doc: Any, i: int) -> int | None:
    """Index of "ministère" when token ``i`` follows "ministère (adjectives) de la|de l'|des|du"."""
    k = i - 1
    if k >= 0 and doc[k].lower_ in ("la", "l'") and k - 1 >= 0 and doc[k - 1].lower_ == "de":
        k -= 2
    elif k >= 0 and doc[k].lower_ in ("des", "du", "de", "d'"):
        k -= 1
    else:
        return None
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
        k -= 1
    return k if k >= 0 and doc[k].lower_ in INSTITUTION_HEADS else None


def _gazetteer_additions(norm: str, found: list[Mention], gaz: Gazetteer, index: _DocIndex) -> list[Mention]:
    """Gazetteer names and lone hyphenated compounds the model missed."""
    covered = np.zeros(len(norm) + 1, dtype=bool)
    for m in found:
        covered[m.start:m.end] = True
    out = []
    candidates = [(m.start(), m.end(), "gazetteer-add") for m in gaz.pattern.finditer(norm)]
    candidates += [(m.start(), m.end(), "hyphen-compound-add") for m in HYPHEN_COMPOUND.finditer(norm)]
    for start, end, why in sorted(candidates):
        if covered[start:end].any() or not norm[start].isupper():
            continue
        if _glued_before(norm, start) or (norm[end:end + 1] == " " and _next_is_upper(norm, end)):
            continue
        if why == "hyphen-compound-add" and _sentence_start(index, start):
            continue
        covered[start:end] = True
        out.append(Mention(start, end, "LOC", why))
    return out


_NON_SPACE = re.compile(r"\S")


def _next_is_upper(norm: str, end: int) -> bool:
    """The first non-whitespace character after ``end`` is a capital."""
    nxt = _NON_SPACE.search(norm, end)
    return nxt is not None and nxt.group().isupper()


def _glued_before(norm: str, start: int) -> bool:
    """A capitalised word ends at most one whitespace character before ``start`` ("Nouvelle Zélande").

    Reads back over that one character and that word only (never the text before it).
    """
    b = start
    if b > 0 and norm[b - 1].isspace():
        b -= 1
        if b > 0 and norm[b - 1].isspace():
            return False  # two or more whitespace characters: not glued
    if b == 0 or not norm[b - 1].isalpha():
        return False
    a = b - 1
    while a > 0 and not norm[a - 1].isspace():
        a -= 1
    # a capitalised article or preposition opening a sentence is not part of the name ("La Suisse")
    return norm[a].isupper() and norm[a:b].lower() not in LEADING_FUNCTION_WORDS


def _sentence_start(index: _DocIndex, char: int) -> bool:
    """Whether a character offset opens a sentence of the Doc."""
    tok = index.token_at_or_after(char)
    return tok is not None and tok.is_sent_start


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions overlapping an earlier one."""
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# ---------------------------------------------------------------------------
# Aliases
# ---------------------------------------------------------------------------


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """Transliteration-insensitive key of a name.

    Accents stripped, casefolded, apostrophes and hyphens as spaces; per word:
    ``ij``/``iy``/``yy``/``y`` → ``i``, ``w`` → ``v``, doubled letters single.
    "Zelensky", "Zelenski", "Zelenskyy" and "Zelenskiy" all give ``zelenski``.

    Args:
        name (str): A name as written.

    Returns:
        str: The key (words joined by one space).
    """
    s = _LINE_END_HYPHEN.sub(lambda m: "-" if m.group().startswith("-") else "", name)  # "Poin¬⏎caré"
    s = _strip_accents(s).casefold().replace("'", " ").replace("’", " ").replace("-", " ")
    words = []
    for w in s.split():
        w = re.sub(r"ij$", "i", w).replace("y", "i").replace("w", "v")
        w = re.sub(r"(.)\1+", r"\1", w)
        words.append(w)
    return " ".join(words)


def _initials(name: str) -> str:
    """Initials of the content words of a name ("Organisation de coopération de Shanghai" → "OCS")."""
    words = [w for w in re.split(r"[\s'’-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper()


def canonicalise(mentions: pd.DataFrame, *, text: str | None = None) -> pd.DataFrame:
    """Merge aliases: add ``canonical`` and make ``label`` the entity's label.

    Rules (general, in order): same :func:`name_key`; an acronym defined in
    parentheses right after a name ("… Shanghai (OCS)") or spelling the
    initials of a name's content words; names of one gazetteer row (a state
    and its periphrases: "République islamique" is Iran, named "Iran" when
    that name is used too); a one-word name equal to the last word
    of full names (the longest one wins; two different longest → no merge).

    Args:
        mentions (pandas.DataFrame): Mentions with ``start, end, text, label`` (and ``counted``).
        text (str | None): The raw text, to find acronyms defined in parentheses.

    Returns:
        pandas.DataFrame: A copy with ``canonical`` and the entity ``label``.
    """
    out = mentions.copy()
    if out.empty:
        out["canonical"] = pd.Series(dtype="str")
        return out
    keys = out["text"].map(name_key)
    parent: dict[str, str] = {k: k for k in keys}

    def find(k: str) -> str:
        root = k
        while parent[root] != root:
            root = parent[root]
        while parent[k] != root:  # path compression: the roots (and so every merge) are unchanged
            parent[k], k = root, parent[k]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            # the longer key is the root
            if (len(ra.split()), len(ra)) < (len(rb.split()), len(rb)):
                ra, rb = rb, ra
            parent[rb] = ra

    distinct = list(dict.fromkeys(keys))
    by_text = dict(zip(keys, out["text"]))
    # acronyms defined in parentheses: "<name> (ACR)"
    if text is not None:
        rows = out.sort_values("start")
        prev = None
        for r in rows.itertuples(index=False):
            if prev is not None and ACRONYM.match(r.text.replace(".", "") or "_") \
                    and re.fullmatch(r"\s*\(\s*", text[prev.end:r.start]) and text[r.end:r.end + 1] == ")":
                union(name_key(prev.text), name_key(r.text))
            prev = r
    # acronyms spelling the initials of a longer name (names indexed by their initials: one pass)
    by_initials: dict[str, list[str]] = {}
    for other in distinct:
        if len(other.split()) >= 2:
            by_initials.setdefault(_initials(by_text[other]), []).append(other)
    for k in distinct:
        acr = by_text[k].replace(".", "")
        if ACRONYM.match(acr) and len(acr) >= 2:
            for other in by_initials.get(acr.upper(), ()):
                if other != k:
                    union(other, k)
    # one place under several names: variants and periphrases of one gazetteer row
    gaz = gazetteer()
    by_place: dict[str, str] = {}
    for k in distinct:
        main = gaz.same_as.get(_place_key(by_text[k]))
        if main is not None:
            if main in by_place:
                union(by_place[main], k)
            else:
                by_place[main] = k
    # surnames: one word matching the last word of the longest full name(s)
    by_last: dict[str, list[str]] = {}  # full names by their last word (one pass)
    for m in distinct:
        if len(m.split()) >= 2 and _is_name_like(by_text[m]):
            by_last.setdefault(m.split()[-1], []).append(m)
    for k in distinct:
        if len(k.split()) != 1:
            continue
        fulls = by_last.get(k, [])
        if not fulls:
            continue
        longest = max(len(f.split()) for f in fulls)
        roots = {find(f) for f in fulls if len(f.split()) == longest}
        if len(roots) == 1:
            union(roots.pop(), k)
    roots = keys.map(find)
    out["_root"] = roots.to_numpy()
    canon: dict[str, str] = {}
    label: dict[str, str] = {}
    weights = (out["counted"].astype(int) + 1).tolist() if "counted" in out else [1] * len(out)
    # One pass over the rows: per entity (root), per variant (text): words, length, weight, first
    # start, first label; per entity, the weight of each label (no table built per entity).
    variants: dict[str, dict[str, list[Any]]] = {}
    votes: dict[str, dict[str, int]] = {}
    for root, text_, start, lab, w in zip(out["_root"].tolist(), out["text"].tolist(), out["start"].tolist(),
                                          out["label"].tolist(), weights):
        of_root = variants.setdefault(root, {})
        v = of_root.get(text_)
        if v is None:
            of_root[text_] = [len(text_.split()), len(text_), w, start, lab, len(of_root)]
        else:
            v[2] += w
            v[3] = min(v[3], start)
        root_votes = votes.setdefault(root, {})
        root_votes[lab] = root_votes.get(lab, 0) + w
    for root, of_root in variants.items():
        # the most words, then the longest, the heaviest, the first seen (then the first listed)
        best = min(of_root, key=lambda t: (-of_root[t][0], -of_root[t][1], -of_root[t][2], of_root[t][3],
                                           of_root[t][5]))
        canon[root] = str(best)
        mains = {gaz.same_as.get(_place_key(t)) for t in of_root} - {None}
        if len(mains) == 1 and (main := mains.pop()) in of_root:
            canon[root] = main  # a place is named by its name, not its longest periphrasis
        if any(_place_key(t) in gaz.places for t in of_root):
            label[root] = "LOC"
        else:
            most = max(votes[root].values())
            top = [lab for lab, n in votes[root].items() if n == most]
            best_label = of_root[best][4]
            label[root] = best_label if best_label in top else sorted(top)[0]
    out["canonical"] = out["_root"].map(canon).astype("str")
    out["label"] = out["_root"].map(label).astype("str")
    return out.drop(columns="_root")


def _is_name_like(text: str) -> bool:
    """Every word of a full name capitalised (so "conférence Haaretz" is not a full name)."""
    return all(w[:1].isupper() for w in text.split())


# ---------------------------------------------------------------------------
# Article level
# ---------------------------------------------------------------------------


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        MENTION_COLUMNS, ["str", "int64", "int64", "int64", "int64", "str", "str", "str", "str", "int64", "int64",
                          "bool", "str"])})


def entities(article: Article | str, *, tables: Any = None, include_duplicates: bool = True) -> pd.DataFrame:
    """The entity mentions of an article, corrected and with canonical names.

    spaCy runs on each content segment on its own (title, lede, caption,
    heading, paragraph, quote, duplicates included); boilerplate, credits and
    bylines are skipped.

    Args:
        article (Article | str): The article (or raw text).
        tables (analysis.pipeline.Tables | None): ``analyse(article)`` if already
            computed (its segments and sentences are used).
        include_duplicates (bool): Keep mentions from duplicate segments
            (flagged ``counted=False``); False drops them.

    Returns:
        pandas.DataFrame: Columns :data:`MENTION_COLUMNS`: ``doc_id``, ``seg``,
        ``sent`` (ids from the pipeline), ``start``/``end`` into the raw text,
        ``text`` (``raw[start:end]``), ``label`` (the entity's label),
        ``canonical`` (the entity's name), ``title`` (a title or form of address right
        before a person's name, "M.", "le général" → "général", kept outside the mention as in
        Sequoia; ``raw[title_start:end]`` is the mention with it, as in HIPE; "" and
        ``title_start == title_end == start`` when there is none), ``counted`` (False in
        duplicate segments), ``fixes`` (corrections applied to the model's mention).
    """
    from ..text.clean import CONTENT_KINDS
    from ..text.nlp import load, model_pieces
    from ..text.pipeline import analyse, locate

    if isinstance(article, str):
        article = Article.from_text(article)
    if tables is None:
        tables = analyse(article, lemmas=False, stems=False)
    text, segs = article.text, tables.segments
    content = segs[segs["kind"].isin(CONTENT_KINDS)]
    if not include_duplicates:
        content = content[content["counted"]]
    def jobs() -> Any:
        for seg, s, e, counted in zip(content["seg"], content["start"], content["end"], content["counted"]):
            norm, back = model_text(text[s:e])
            for offset, piece in model_pieces(norm):
                if may_hold_mention(piece):
                    yield piece, (int(seg), int(s), offset, back, bool(counted))

    rows = []
    for doc, (seg, s, offset, back, counted) in _pipe(load(), jobs()):
        for found in _mentions_in_doc(doc.text, doc):
            m = _shifted(_to_raw(found, offset, back), s)
            rows.append({"doc_id": article.doc_id, "seg": seg, "start": m.start, "end": m.end,
                         "text": text[m.start:m.end], "label": m.label,
                         "title": text[m.title_start:m.title_end], "title_start": m.title_start,
                         "title_end": m.title_end, "counted": counted, "fixes": m.fixes})
    if not rows:
        return _empty()
    out = pd.DataFrame(rows)
    out["sent"] = locate(tables.sentences, out["start"].to_numpy(), id_col="sent")
    out = canonicalise(out, text=text)
    out = out.astype({"seg": "int64", "sent": "int64", "start": "int64", "end": "int64", "title_start": "int64",
                      "title_end": "int64", "counted": "bool"})
    return out[list(MENTION_COLUMNS)].reset_index(drop=True)


class MentionIndex:
    """A mentions table as plain lists, indexed by start (built once): the mentions inside a span in
    ``O(log n + k)``, not one scan of the table per question (which made long texts quadratic).

    Attributes:
        start, end, label, text (list): The table's columns, in its order.
        canonical (list | None): The ``canonical`` column, when the table has one.
    """

    def __init__(self, mentions: pd.DataFrame) -> None:
        self.start = mentions["start"].astype("int64").tolist()
        self.end = mentions["end"].astype("int64").tolist()
        self.label = mentions["label"].tolist()
        self.text = mentions["text"].tolist()
        self.canonical = mentions["canonical"].tolist() if "canonical" in mentions else None
        self._order = sorted(range(len(self.start)), key=self.start.__getitem__)
        self._sorted = [self.start[i] for i in self._order]

    def within(self, a: int, b: int) -> list[int]:
        """Rows of the mentions with ``a <= start`` and ``end <= b``, in the table's order.

        Args:
            a (int): Span start.
            b (int): Span end.

        Returns:
            list[int]: Row positions.
        """
        lo, hi = bisect.bisect_left(self._sorted, a), bisect.bisect_right(self._sorted, b)
        return sorted(i for i in self._order[lo:hi] if self.end[i] <= b)


#: Texts given to spaCy at once: at most its own batch size (256 Docs), holding at most this many
#: characters together. Its temporary memory grows with a batch's length: 256 paragraphs of a long
#: text are 200,000 tokens at once. A batch of an ordinary article's paragraphs is unchanged.
BATCH_CHARS = 100_000


def _pipe(model: Any, jobs: Any) -> Any:
    """``model.pipe(jobs, as_tuples=True)``, in batches of at most :data:`BATCH_CHARS` characters."""
    batch: list[tuple[str, Any]] = []
    size = 0
    for job in jobs:
        if batch and (len(batch) == model.batch_size or size + len(job[0]) > BATCH_CHARS):
            yield from model.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, size = [], 0
        batch.append(job)
        size += len(job[0])
    if batch:
        yield from model.pipe(batch, as_tuples=True, batch_size=len(batch))


def summary(mentions: pd.DataFrame, *, counted_only: bool = True) -> pd.DataFrame:
    """One row per entity.

    Args:
        mentions (pandas.DataFrame): From :func:`entities`.
        counted_only (bool): Count only ``counted`` mentions (duplicates out);
            entities seen only in duplicates then have 0 mentions and are dropped.

    Returns:
        pandas.DataFrame: ``canonical, label, mentions, mentions_all, variants``
        (the distinct surface forms, "; "-joined, by frequency), ``first``
        (start of the first mention), sorted by mentions (desc) then first.
        ``attrs["rule"]`` says what was counted.
    """
    cols = ["canonical", "label", "mentions", "mentions_all", "variants", "first"]
    if mentions.empty:
        return pd.DataFrame({c: [] for c in cols})
    m = mentions.assign(_c=mentions["counted"].astype(int))
    rows = []
    for name, grp in m.groupby("canonical", sort=False):
        forms = grp["text"].str.replace("’", "'").value_counts(sort=True)
        rows.append({"canonical": name, "label": grp["label"].iloc[0], "mentions": int(grp["_c"].sum()),
                     "mentions_all": len(grp), "variants": "; ".join(forms.index),
                     "first": int(grp["start"].min())})
    out = pd.DataFrame(rows, columns=cols)
    if counted_only:
        out = out[out["mentions"] > 0]
    out = out.sort_values(["mentions", "first"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out.attrs["rule"] = ("mentions: counted segments only (duplicates out); mentions_all: every content "
                         "segment" if counted_only else "all content segments")
    return out


# ---------------------------------------------------------------------------
# Co-occurrence
# ---------------------------------------------------------------------------


def cooccurrence_edges(mentions: pd.DataFrame, *, window: int = 1, counted_only: bool = True) -> pd.DataFrame:
    """Pairs of entities mentioned within ``window`` sentences of each other.

    Args:
        mentions (pandas.DataFrame): From :func:`entities`.
        window (int): 1 = same sentence; N = sentences ``s`` to ``s + N - 1``.
        counted_only (bool): Only counted mentions.

    Returns:
        pandas.DataFrame: ``source, target, weight`` (number of windows, i.e.
        starting sentences, where both appear), ``sents`` (those sentence ids);
        ``source < target``; sorted by weight (desc).
    """
    if window < 1:
        raise ValueError("window must be >= 1")
    m = mentions[mentions["counted"]] if counted_only else mentions
    m = m[m["sent"] >= 0]
    by_sent = m.groupby("sent")["canonical"].agg(lambda s: set(s)).to_dict()
    pairs: dict[tuple[str, str], list[int]] = {}
    sents = sorted(by_sent)
    for s in sents:
        names: set[str] = set()
        for k in range(s, s + window):
            names |= by_sent.get(k, set())
        for a, b in itertools.combinations(sorted(names), 2):
            pairs.setdefault((a, b), []).append(int(s))
    rows = [{"source": a, "target": b, "weight": len(v), "sents": v} for (a, b), v in pairs.items()]
    out = pd.DataFrame(rows, columns=["source", "target", "weight", "sents"])
    return out.sort_values(["weight", "source", "target"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)


def cooccurrence_graph(mentions: pd.DataFrame, *, window: int = 1, counted_only: bool = True) -> Any:
    """Weighted co-occurrence graph of entities.

    Args:
        mentions (pandas.DataFrame): From :func:`entities`.
        window (int): Sentences per window (1 = same sentence).
        counted_only (bool): Only counted mentions.

    Returns:
        networkx.Graph: Nodes are canonical names with ``label`` and
        ``mentions``; edges have ``weight``. Entities that co-occur with none
        are nodes too.
    """
    import networkx as nx

    g = nx.Graph()
    m = mentions[mentions["counted"]] if counted_only else mentions
    for name, grp in m.groupby("canonical", sort=True):
        g.add_node(name, label=str(grp["label"].iloc[0]), mentions=int(len(grp)))
    for r in cooccurrence_edges(mentions, window=window, counted_only=counted_only).itertuples(index=False):
        g.add_edge(r.source, r.target, weight=int(r.weight))
    return g


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

#: Highlight colours by label (displaCy's palette family).
HTML_COLOURS: dict[str, str] = {"PER": "#aa9cfc", "LOC": "#ff9561", "ORG": "#7aecec", "MISC": "#e4e7d2"}


def render_html(text: str, entities: pd.DataFrame, quotes: pd.DataFrame | None = None) -> str:
    """displaCy-style HTML: entities highlighted by label, quotes underlined, by offsets into ``text``.

    Args:
        text (str): The raw text the offsets index.
        entities (pandas.DataFrame): Mentions (``start, end, label``; ``canonical`` shown on hover).
        quotes (pandas.DataFrame | None): Quotes (``start, end``; ``speaker, kind`` shown on hover).

    Returns:
        str: An HTML fragment (line breaks kept, everything escaped).
    """
    events: list[tuple[int, int, str]] = []  # (offset, order, html)
    for r in entities.itertuples(index=False):
        colour = HTML_COLOURS.get(r.label, "#ddd")
        title = html.escape(str(getattr(r, "canonical", r.text)), quote=True)
        events.append((int(r.start), 3, f'<mark title="{title}" style="background:{colour};padding:0.1em '
                                        f'0.3em;border-radius:0.3em;line-height:2">'))
        events.append((int(r.end), 0, f'<span style="font-size:0.7em;font-weight:bold;margin-left:0.3em">'
                                      f'{r.label}</span></mark>'))
    if quotes is not None:
        for q in quotes.itertuples(index=False):
            title = html.escape(f"{q.kind} — {q.speaker} ({q.verb})", quote=True)
            events.append((int(q.start), 2,
                           f'<span title="{title}" style="border-bottom:3px solid #d35400">'))
            events.append((int(q.end), 1, "</span>"))
    events.sort(key=lambda e: (e[0], e[1]))
    parts, pos = [], 0
    for off, _, tag in events:
        parts.append(html.escape(text[pos:off]))
        parts.append(tag)
        pos = off
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    return f'<div style="font-family:sans-serif;line-height:1.9;max-width:60em">{body}</div>'
