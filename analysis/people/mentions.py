"""Entity mentions in one text: the spaCy model's mentions, corrected by general rules.

The model is spaCy's ``fr_core_news_sm`` (WikiNER labels PER, LOC, ORG, MISC),
run on each content segment with the apostrophe normalised (’ → ', one
character for one, so offsets hold), then corrected by general rules
(:func:`find_mentions`), their word lists kept as data (:mod:`analysis.people.gazetteer`):

1. **Boundaries.** Leading elisions, lowercase articles and prepositions are
   stripped ("l'Iran" → "Iran", "de Besançon" → "Besançon"); a sentence-initial
   capitalised article before a lowercase word too ("La bataille de …"); a
   leading title ("général André", "Dr Maréchal") is stripped and makes the
   rest a person. A mention is cut at a verb inside it ("X interroge Y" → X,
   Y) and trailing punctuation, function words and numbers are dropped. A
   mention directly followed by capitalised words is extended
   over them ("Vladimir" + "Poutine"). The model reads the text as French typography and the
   HIPE guidelines do (:func:`model_text`): a line break inside a paragraph is a space (a mention
   may cross it), a word hyphenated at the line end is one word; a mention never crosses a blank
   line. A title or form of address right before a person's name ("M.", "MM.", "le général", "M. le
   président") is kept beside it (``title_start``/``title_end``), outside the name.
2. **Noise.** Dropped: a mention that is only an elision or has no capitalised
   word ("médias"); a single character; only forms of address or titles
   ("Monsieur", "Madame la Présidente"); a sentence-initial single word the
   tagger does not call a proper noun ("Cependant", "Alors", "Enhardi"); a
   demonym used as a noun ("les Irakiens", but "la Suisse" is the country); months, weekdays,
   number words, roman numerals and "État" alone (:func:`~analysis.people.gazetteer.not_names`);
   anything inside an all-capitals passage (headings and package leaflets shout) unless it is a
   gazetteer place ("VAUD. —"). The sentence-initial rule uses sentence starts the text shows too.
3. **Labels.** A name in the gazetteer (``analysis/people/data/gazetteer_fr.tsv``:
   states, capitals, regions, major cities) is LOC when the whole mention is
   that name (longest match: "Washington Post" stays ORG); a name right after a
   title noun ("le président russe Vladimir Poutine") is PER; an acronym the
   model calls MISC is ORG; a name right after a noun of made things
   (:data:`PRODUCT_NOUNS`: "les drones Arash", "le missile Kalibr") is MISC;
   a name after "ministère (adjectives) de la/de l'/des/du" becomes one ORG
   with it ("ministère ukrainien de la Défense", not a LOC "Défense"); a capitalised
   organisation head noun among the first words makes an ORG ("Conseil national", :data:`ORG_HEADS`);
   an event or treaty head noun opening the mention makes a MISC ("Affaire X", :data:`EVENT_HEADS`).
4. **Recall.** Gazetteer names the model missed are added when capitalised
   and not part of a longer capitalised name (after an elision too: "l'Italie"); so are hyphenated capitalised
   compounds standing alone ("Tel-Aviv"), as LOC.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np

from .name_kinds import class_noun_before, office_before, office_name
from .gazetteer import (
    ARTICLES,
    ELISIONS,
    EVENT_HEADS,
    INSTITUTION_HEADS,
    LEADING_FUNCTION_WORDS,
    ORG_HEADS,
    MEDICINE_NOUNS,
    PERSON_TITLES,
    PLACE_WORDS,
    PRODUCT_NOUNS,
    TITLES,
    TRAILING_FUNCTION_WORDS,
    Gazetteer,
    gazetteer,
    not_names,
    place_key,
)

__all__ = [
    "ACRONYM",
    "EXTEND_POS",
    "HYPHEN_COMPOUND",
    "LINE_END_HYPHEN",
    "Mention",
    "ROMAN_NUMERAL",
    "SHOUTING_SHARE",
    "SPLIT_POS",
    "STRAY_POS",
    "find_mentions",
    "may_hold_mention",
    "mentions_in_doc",
    "model_text",
    "piece_mentions",
]

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


def _normalise(text: str) -> str:
    """’ → ' (same length)."""
    return text.replace("’", "'")


#: A word cut at the line end: OCR's hyphenation mark ``¬``, or a hyphen before a letter on the next line.
LINE_END_HYPHEN = re.compile(r"(?:(?<=\w)¬[ \t]*\n[ \t]*|(?<=\w-)[ \t]*\n[ \t]*)(?=\w)")
#: A line break that is not part of a blank line (a paragraph break).
_LINE_BREAK = re.compile(r"(?<!\n)[ \t]*\n(?![ \t]*\n)")


#: Two words glued by OCR: a capital right after two lowercase letters inside a letter run, and
#: followed by a letter ("deFrance", "sculpteurHoudon"; not the final capital of "GmbH"). French
#: words do not change case inside a word; HIPE's tokens split them.
GLUED_WORDS = re.compile(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-ÖØ-Þ][^\W\d_])")
#: The abbreviated title M. or MM. glued to the name by a lost space ("M.Houdré"): French typography
#: puts a space after the abbreviation (Imprimerie nationale, *Lexique des règles typographiques*), so
#: the model reads one there, and the title is then kept beside the name.
GLUED_TITLE = re.compile(r"(?<![\w.])MM?\.(?=[A-ZÀ-ÖØ-Þ][^\W\d_]{2})")


def model_text(text: str) -> tuple[str, np.ndarray | None]:
    """The text the model reads, and where each of its characters comes from in ``text``.

    French typography and the HIPE guidelines read a line break inside a paragraph as a space (a
    mention may cross it) and a word hyphenated at the line end as one word. So: ’ → '; a word
    cut by ``¬`` + line break is joined ("Poin¬⏎caré" → "Poincaré"); a hyphen at the line end
    before a letter is kept and the line break dropped ("Baud-⏎Bovy" → "Baud-Bovy"); any other
    single line break is read as a space (same length). Blank lines (paragraph breaks) stay. Two
    words that OCR glued together (:data:`GLUED_WORDS`), and a title glued to its name
    (:data:`GLUED_TITLE`), are read with a space between them.

    Args:
        text (str): Raw text.

    Returns:
        tuple[str, numpy.ndarray | None]: The model's text and, when characters were removed or
        inserted, the offset in ``text`` of each of its characters (an inserted space: the next
        character's) plus one final entry (``len(text)``); None when offsets are unchanged.
    """
    base = _normalise(text)
    spaced = _LINE_BREAK.sub(lambda m: " " * len(m.group()), base) if "\n" in text else base
    edits = [(m.start(), m.end(), "") for m in LINE_END_HYPHEN.finditer(base)] if "\n" in text else []
    edits += [(m.start(), m.start(), " ") for m in GLUED_WORDS.finditer(base)]
    edits += [(m.end(), m.end(), " ") for m in GLUED_TITLE.finditer(base)]
    if not edits:
        return spaced, None
    parts: list[str] = []
    back: list[int] = []
    pos = 0
    for a, b, insert in sorted(edits):
        if a < pos:
            continue
        parts += [spaced[pos:a], insert]
        back += [*range(pos, a), *[b] * len(insert)]
        pos = b
    parts.append(spaced[pos:])
    back += [*range(pos, len(spaced) + 1)]
    return "".join(parts), np.asarray(back, dtype=np.int64)


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
                sent = self.doc[self._sents[max(k - 1, 0)].start : self._sents[min(k + 1, len(self._sents) - 1)].end]
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
        elif (
            low in ARTICLES
            and tok.is_sent_start
            and nxt is not None
            and (nxt.text[:1].islower() or _org_head_next(doc, i + 1, j))
        ):
            fixes.append("strip-article")
        elif (k := office_name(doc, i, j)) is not None:  # "président de la République": the office words go
            if label == "PER":  # the model read the whole office as a person's name: a role description, no name
                return j, j, label
            fixes += ["strip-office"] * (k - i)
            i = k
            continue
        elif (
            low in TITLES
            and nxt is not None
            and nxt.lower_ not in TITLES
            and (_is_cap(nxt) or (nxt.lower_ in PARTICLES and i + 2 < j and _is_cap(doc[i + 2])))
        ):
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
        if (
            (tok.pos_ in SPLIT_POS and tok.text[:1].islower())
            or "\n" in tok.text
            or (k > i and "\n" in doc[k - 1].text_with_ws)
        ):  # the text from token k - 1 to token k
            if k > lo:
                parts.append((lo, k))
            lo = k + 1 if (tok.pos_ in SPLIT_POS or tok.is_space) else k
    if j > lo:
        parts.append((lo, j))
    return parts


def _extend(doc: Any, j: int, taken: np.ndarray) -> int:
    """Extend a mention over directly following capitalised proper nouns."""
    while (
        j < len(doc)
        and not taken[j]
        and _is_cap(doc[j])
        and doc[j].is_alpha
        and doc[j].pos_ in EXTEND_POS
        and doc[j].lower_ not in TITLES
        and doc[j - 1].whitespace_ == " "
        and not _real_sentence_start(doc, j)
    ):
        j += 1
    return j


def _real_sentence_start(doc: Any, j: int) -> bool:
    """A sentence start the parser found AND the text shows (end punctuation or line break before)."""
    if j == 0:
        return True
    prev = doc[j - 1]
    return doc[j].is_sent_start and (
        prev.text in (".", "!", "?", "…", ":") or prev.is_space or "\n" in prev.whitespace_
    )


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
    place = place_key(text) in gaz.places
    if j - i == 1 and toks[0].lower_ in gaz.demonyms and not (place and _after_place_word(doc, i)):
        return "demonym"
    if all(t.lower_ in not_names() or ROMAN_NUMERAL.match(t.text) or t.is_punct or t.like_num for t in toks):
        return "not-a-name"
    if (
        j - i == 1
        and not place
        and _real_sentence_start(doc, i)
        and toks[0].pos_ in STRAY_POS
        and not ACRONYM.match(text)
    ):
        return "sentence-initial-word"
    if (
        j - i == 1
        and not place
        and i > 0
        and _real_sentence_start(doc, i - 1)
        and doc[i - 1].is_punct
        and toks[0].pos_ in STRAY_POS
    ):
        return "sentence-initial-word"
    if toks.text.isupper() and not ACRONYM.match(text) and not place and index.shouting(i):
        return "shouting"
    return ""


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
        return [_to_raw(m, 0, back) for m in mentions_in_doc(norm, doc)]
    found: list[Mention] = []
    for offset, piece in model_pieces(norm):
        if may_hold_mention(piece):
            found += [_to_raw(m, offset, back) for m in mentions_in_doc(piece, load()(piece))]
    return found


def _shifted(m: Mention, offset: int) -> Mention:
    return (
        Mention(m.start + offset, m.end + offset, m.label, m.fixes, m.title_start + offset, m.title_end + offset)
        if offset
        else m
    )


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


def mentions_in_doc(norm: str, doc: Any) -> list[Mention]:
    """:func:`find_mentions` of a normalised text and its Doc."""
    gaz = gazetteer()
    index = _DocIndex(doc)
    taken = np.zeros(len(doc) + 1, dtype=bool)
    for ent in doc.ents:
        taken[ent.start : ent.end] = True
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
    found += _address_additions(norm, found)
    found += _gazetteer_additions(norm, found, gaz, index)
    found = [_possessive_s(norm, m) for m in found]
    return [_with_title(norm, m) for m in _dedupe(sorted(found, key=lambda m: (m.start, -m.end)))]


#: An English possessive *'s* that a name ends with (*Moody's*, *McDonald's*), cut off by the tokeniser.
_POSSESSIVE_S = re.compile(r"s(?![\w'])")


def _possessive_s(norm: str, m: Mention) -> Mention:
    """A name that ends on an apostrophe followed by *s* (*Moody'* + *s*) ends after the *s*: the English
    genitive of a firm's name is part of the name (HIPE guidelines: the name is the whole proper noun)."""
    if m.end < 2 or norm[m.end - 1] != "'" or not norm[m.end - 2].isalpha() or not _POSSESSIVE_S.match(norm, m.end):
        return m
    fixes = ",".join(f for f in (m.fixes, "possessive-s") if f)
    return Mention(
        m.start,
        m.end + 1,
        m.label,
        fixes,
        m.title_start if m.title_start != m.start else -1,
        m.title_end if m.title_start != m.start else -1,
    )


#: Nobiliary particles: after a title they open the surname ("M. de Valmy"; French typography keeps
#: the particle after a title or a first name).
PARTICLES: tuple[str, ...] = ("de", "d'", "du", "des")
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
        if word in PARTICLES and a == m.start:  # "M. de Valmy": a nobiliary particle after the title
            w2 = _WORD_BEFORE.search(norm, max(0, w.start(1) - 40), w.start(1))
            if w2 is not None and w2.group(1).lower() in TITLES:
                a = w2.start(1)
                continue
        if word in ("le", "la", "l'") and a < m.start:  # "M. le président X": only between two titles
            w2 = _WORD_BEFORE.search(norm, max(0, w.start(1) - 40), w.start(1))
            if w2 is not None and w2.group(1).lower() in TITLES:
                a = w2.start(1)
                continue
        break
    if a == m.start:
        return m
    end = a + len(norm[a : m.start].rstrip())
    while norm[a:end].lower().endswith(tuple(" " + p for p in PARTICLES)):  # the particle is the name's
        end = a + len(norm[a:end].rsplit(None, 1)[0])
    return Mention(m.start, m.end, m.label, m.fixes, a, end)


def _relabel(doc: Any, i: int, j: int, label: str, fixes: list[str], gaz: Gazetteer) -> Mention:
    """Apply the label rules to a kept mention."""
    head = _institution_head(doc, i)
    if head is not None:
        fixes.append("institution-ORG")
        return Mention(doc[head].idx, doc[j - 1].idx + len(doc[j - 1].text), "ORG", ",".join(dict.fromkeys(fixes)))
    span = doc[i:j]
    text = span.text
    if label == "PER" and office_before(doc, i) and place_key(text) not in gaz.places:
        fixes.append("office-ORG")  # the body an office belongs to, not a person (HIPE-2022; Quaero org)
        return Mention(span.start_char, span.end_char, "ORG", ",".join(dict.fromkeys(fixes)))
    kind = class_noun_before(doc, i) if label == "PER" and j - i <= 3 else None
    if kind is not None and place_key(text) not in gaz.places:  # "la secte islamiste X", "place X"
        fixes.append(f"class-noun-{kind}")
        return Mention(span.start_char, span.end_char, kind, ",".join(dict.fromkeys(fixes)))
    if (
        label != "MISC"
        and i > 0
        and (doc[i - 1].lower_ in PRODUCT_NOUNS or _after_medicine_noun(doc, i))
        and j - i <= 2
        and place_key(text) not in gaz.places
    ):
        fixes.append("product-MISC")
        label = "MISC"
    elif place_key(text) in gaz.places and label != "LOC":
        fixes.append("gazetteer-LOC")
        label = "LOC"
    elif (
        label != "PER"
        and _after_title(doc, i)
        and all(_is_cap(t) for t in span)
        and j - i <= 3
        and place_key(text) not in gaz.places
        and not ACRONYM.match(text)
    ):
        fixes.append("title-PER")
        label = "PER"
    elif (
        label != "PER"
        and all(_is_cap(t) for t in span)
        and (_in_address_list(doc, i) or _demonym_before_name(doc, i, j, gaz))
        and not ACRONYM.match(text)
    ):
        fixes.append("title-PER")
        label = "PER"
    elif label == "MISC" and ACRONYM.match(text):
        fixes.append("acronym-ORG")
        label = "ORG"
    if (
        label in ("MISC", "LOC")
        and j - i > 1
        and place_key(text) not in gaz.places
        and any(t.lower_ in ORG_HEADS and _is_cap(t) for t in span[:3])
    ):
        fixes.append("organisation-ORG")
        label = "ORG"
    if label != "MISC" and span[0].lower_ in EVENT_HEADS and j - i > 1:
        fixes.append("event-MISC")
        label = "MISC"
    return Mention(span.start_char, span.end_char, label, ",".join(dict.fromkeys(fixes)))


#: Plural forms of address: they govern a list of names ("MM. Bertoni, Micheli et Tissières").
PLURAL_ADDRESS: frozenset[str] = frozenset(
    {"mm.", "mm", "messieurs", "mmes", "mmes.", "mesdames", "mlles", "mesdemoiselles"}
)


def _in_address_list(doc: Any, i: int) -> bool:
    """Whether token ``i`` is a later name of a list opened by a plural form of address: reading back
    over capitalised words, commas and "et" only, a plural form of address comes first."""
    k, seen = i - 1, 0
    while k >= 0 and seen < 12:
        tok = doc[k]
        if tok.lower_ in PLURAL_ADDRESS:
            return seen > 0
        if not (tok.text in (",", "et") or tok.is_space or _is_cap(tok)):
            return False
        k, seen = k - 1, seen + 1
    return False


def _demonym_before_name(doc: Any, i: int, j: int, gaz: Gazetteer) -> bool:
    """A capitalised demonym opening a longer name ("l'Allemand Uwe Peschel"): impresso's
    ``comp.demonym`` inside a person mention."""
    return j - i >= 2 and doc[i].lower_ in gaz.demonyms and place_key(doc[i].text) not in gaz.places


def _after_medicine_noun(doc: Any, i: int) -> bool:
    """Whether a noun of medicines or doses (:data:`MEDICINE_NOUNS`) precedes token ``i``, through
    "de"/"d'"/"par" and lowercase adjectives ("la dose recommandée d'X", "comprimés de X")."""
    k = i - 1
    if k >= 0 and doc[k].lower_ in ("de", "d'", "du", "par"):
        k -= 1
    while k >= 0 and doc[k].pos_ in ("ADJ", "VERB") and doc[k].text[:1].islower():
        k -= 1
    return k >= 0 and doc[k].lower_ in MEDICINE_NOUNS


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
        covered[m.start : m.end] = True
    out = []
    candidates = [(m.start(), m.end(), "gazetteer-add") for m in gaz.pattern.finditer(norm)]
    candidates += [(m.start(), m.end(), "hyphen-compound-add") for m in HYPHEN_COMPOUND.finditer(norm)]
    for start, end, why in sorted(candidates):
        if covered[start:end].any() or not norm[start].isupper():
            continue
        shouted = norm[start:end].isupper()  # a heading: the next line's capital is not part of the name
        if _glued_before(norm, start) or (
            norm[end : end + 1] == " "
            and _next_is_upper(norm, end)
            and not (shouted and not _NEXT_WORD_UPPER.match(norm, end))
        ):
            continue
        if why == "hyphen-compound-add" and _sentence_start(index, start):
            continue
        covered[start:end] = True
        out.append(Mention(start, end, "LOC", why))
    return out


#: An abbreviated form of address, then a capitalised name (a nobiliary particle may open it). French
#: typography uses these abbreviations only right before a name ("M. Dupont", "MM. Stump",
#: "Mme de Staël", "Mgr Lustiger", "Me Vergès", "Dr Roux"), never alone.
ADDRESS_NAME = re.compile(
    r"(?<![\w.])(?:M\.|MM\.|Mmes?\b\.?|Mlles?\b\.?|Mgr\b\.?|Me\b|Dr\b\.?)[ \t\n]*"
    r"((?:(?:de|d'|du|des|van|von)[ \t]?)?[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['-][^\W\d_]+)*"
    r"(?:[ \t][A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['-][^\W\d_]+)*){0,2})"
)


def _address_additions(norm: str, found: list[Mention]) -> list[Mention]:
    """Names right after an abbreviated form of address (:data:`ADDRESS_NAME`) the model missed: PER."""
    if not ADDRESS_NAME.search(norm):
        return []
    starts = sorted((m.start, m.end) for m in found)
    out = []
    for m in ADDRESS_NAME.finditer(norm):
        start, end = m.span(1)
        words = norm[start:end].split()
        keep = 0
        for k, w in enumerate(words):  # stop at a title, an article or a word that is no name
            if k and (w.lower() in TITLES or w.lower() in LEADING_FUNCTION_WORDS or w.lower() in not_names()):
                break
            keep = k + 1
        end = start + len(" ".join(words[:keep]))
        k = bisect.bisect_left(starts, (end, -1))
        if (k > 0 and starts[k - 1][1] > start) or words[0].lower() in TITLES or words[0].lower() in not_names():
            continue  # overlaps a mention already found (that one is relabelled by title-PER)
        out.append(Mention(start, end, "PER", "address-add"))
    return out


_NON_SPACE = re.compile(r"\S")
#: The next word is all capitals.
_NEXT_WORD_UPPER = re.compile(r"\s+[^\W\d_a-zà-ÿ]{2,}\b")


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


def piece_mentions(doc: Any, *, offset: int = 0, back: np.ndarray | None = None, base: int = 0) -> list[Mention]:
    """The mentions of one parsed piece of a text, with offsets into the raw text.

    Args:
        doc: The spaCy Doc of a piece of ``model_text(raw)[0]``.
        offset (int): Where the piece starts in the model's text.
        back (numpy.ndarray | None): The offset map of :func:`model_text` (None: unchanged offsets).
        base (int): Where that raw text starts in a larger text (a segment in an article).

    Returns:
        list[Mention]: Non-overlapping mentions in text order.
    """
    return [_shifted(_to_raw(m, offset, back), base) for m in mentions_in_doc(doc.text, doc)]
