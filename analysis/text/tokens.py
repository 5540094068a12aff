"""French tokeniser and sentence splitter with exact character offsets.

Conventions (those of Universal Dependencies French GSD, checked against
its test file, surface tokens i.e. ``n-m`` multiword lines such as "du"):

* Every token is a span ``text[start:end]``; tokens never overlap, are in
  order, never contain whitespace (except the thousands separators of a
  number such as "4 500", "4\\u00a0500", "1\\u202f200 000") and together cover
  every non-whitespace character of the input.
* Elisions are their own token, with either apostrophe: "l'", "d’", "qu'",
  "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "s'", "n'", "c'", "j'", "m'",
  "t'" ("l’Iran" -> "l’" + "Iran"). Words whose apostrophe is not an
  elision of a clitic stay whole: "aujourd'hui", "prud'hommes",
  "presqu'île", "quelqu'un", "O'Hara", "Moody's". Fixed forms kept whole
  as GSD does: "l'on", "c'est-à-dire", "rendez-vous".
* Hyphenated words stay whole ("russo-iranienne", "Tel-Aviv", "Ababil-2",
  "peut-être", "celle-ci", "elle-même"), except a final clitic pronoun after
  a verb, which GSD splits off with its hyphen: "a-t-il" -> "a" + "-t-il",
  "Faut-il" -> "Faut" + "-il", "Est-ce" -> "Est" + "-ce", "donnez-moi" ->
  "donnez" + "-moi", and chains one by one: "donne-le-moi" -> "donne" +
  "-le" + "-moi". "-ci"/"-là" are split off nouns ("ce jour-là" -> "jour"
  + "-là", as UD Sequoia does) but stay on demonstratives ("celle-ci",
  "celui-là", as GSD does). A clitic followed by a non-clitic part stays
  inside the compound ("Bar-le-Duc", "va-t-en-guerre").
* Numbers: thousands groups separated by a space, no-break space or thin
  space are one token when every group after the first has exactly three
  digits and the first has one to three ("4 500", but "2015 45" is two);
  decimal commas/points, dates and scores are one token ("3,5", "0.27",
  "19/11/2022", "2:00.531", "45-36"). "%" , "€", "°" are their own
  tokens ("15 %" and "15%" -> "15" + "%"). Clock times are split as UD
  French does: "20h30" -> "20" + "h" + "30", "10h" -> "10" + "h"; other
  number+letters stay whole ("200m", "1er", "XIIe"). "etc." is "etc" + "."
  (GSD); "n°" is one token.
* Punctuation is one token per character, except runs of dots ("...",
  "....") and "…", and runs of hyphens ("--"). Guillemets « » are tokens
  whatever the spacing; "(OCS)" -> "(" + "OCS" + ")".
* URLs, e-mail addresses, @handles and #hashtags are one token.
  Abbreviations keep their period: titles ("M.", "MM.", "Mme.", "Dr.",
  "cf."), reference words before a number only ("art. 5", "p. 12", but
  "l'art." + "."), initials "J." (before a capitalised word), "J.-C.",
  "c.-à-d." and dotted acronyms "U.S.A.".

``norm`` is the token lowercased, with the typographic apostrophe ’ replaced
by ' and the space/no-break/thin-space separators removed from numbers
("4\\u202f500" -> "4500"), and the invisible characters a word may hold
(:data:`INVISIBLE_IN_WORDS`: soft hyphen, zero-width space...) removed
("lan\\u00adceur" is one token, norm "lanceur"). ``is_stop`` looks ``norm`` up in the curated list
``analysis/text/data/stopwords_fr.txt``, so both apostrophes match. ``is_punct``
is true when every character is Unicode punctuation (category P*: "%" yes,
"€" and "°" no); ``is_alpha`` is ``str.isalpha`` of the token without its
invisible characters.

The fast path is one compiled regular expression applied with ``findall``
over the text (a million characters at a time, cut where no token can
cross); per-token flags are computed once per distinct type.
It does not import spaCy: :func:`analysis.text.pipeline.tokenize` adds
lemmas and parts of speech (see :mod:`analysis.text.nlp`).

Sentences are split by :mod:`analysis.text.sentence_bounds` (re-exported here:
:func:`sentences`, :func:`sentence_spans`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from ..columns import str_column
from .rules import (
    CLOSERS,
    DEICTIC_SUFFIXES,
    DEMONSTRATIVES,
    DOMAINS,
    ELISION_PREFIXES,
    EMOTICONS,
    FIXED_FORMS,
    INVERSION_PRONOUNS,
    LOWERCASE_STARTERS,
    NUMBER_ABBREVIATIONS,
    OTHER_ABBREVIATIONS,
    SENTENCE_FINAL,
    TITLE_ABBREVIATIONS,
    UPPER_LETTERS,
    alternation,
)
from .sentence_bounds import sentence_spans, sentences

__all__ = [
    "tokenize",
    "sentences",
    "sentence_spans",
    "stopwords",
    "TypeSpans",
    "type_spans",
    "type_features",
    "word_like",
    "word_form",
    "ELISION_PREFIXES",
    "INVERSION_PRONOUNS",
    "TITLE_ABBREVIATIONS",
    "NUMBER_ABBREVIATIONS",
    "OTHER_ABBREVIATIONS",
    "FIXED_FORMS",
    "DEICTIC_SUFFIXES",
    "LOWERCASE_STARTERS",
    "SENTENCE_FINAL",
    "CLOSERS",
]

# --------------------------------------------------------------------------
# Rules as data (analysis/text/rules.py reads data/tokens_fr.toml)
# --------------------------------------------------------------------------

#: Longest chain of clitics looked at after a verb: French puts at most three after it
#: ("donne-le-moi", "va-t-en"); a longer run of "-le" is split by the same rule up to this length.
MAX_CLITIC_CHAIN = 8

#: Longest local part of an e-mail address (RFC 5321, 4.5.3.1.1) and longest domain name
#: (RFC 1035, 2.3.4): a longer run is not an address or a domain.
MAX_EMAIL_LOCAL = 64
MAX_DOMAIN = 253

#: Characters that can separate thousands groups.
THOUSANDS_SEPARATORS = " \u00a0\u202f\u2009"

#: Invisible characters that may sit inside a word without splitting it: the soft
#: hyphen of web pages ("lan\u00adceur"), zero-width space, non-joiner, joiner, word
#: joiner. The token keeps them (offsets into the raw text); ``norm`` drops them.
INVISIBLE_IN_WORDS = "\u00ad\u200b\u200c\u200d\u2060"

_UPPER = UPPER_LETTERS
#: Latin letters, as explicit ranges: much faster in ``re`` than ``[^\W\d_]``.
#: Only the fast path uses it; other letters take the general word rule.
_LATIN = "a-zA-Zà-öø-ÿÀ-ÖØ-Þœ"
_APOS = "'’"
_STOPWORDS_PATH = Path(__file__).resolve().parent / "data" / "stopwords_fr.txt"


# --------------------------------------------------------------------------
# The token regex
# --------------------------------------------------------------------------


def _apostrophe_class(word: str) -> str:
    """Escape ``word`` and let each apostrophe match ' or ’.

    Args:
        word (str): A literal with ASCII apostrophes.

    Returns:
        str: Regex source.
    """
    return "".join(f"[{_APOS}]" if ch == "'" else re.escape(ch) for ch in word)


@functools.lru_cache(maxsize=1)
def _token_regex() -> re.Pattern[str]:
    """Compile the token regex (cached; the only module-level state).

    The pattern is ``\\s*(?:token)``: ``findall`` returns each token with
    the whitespace before it; offsets are cumulated from the lengths.

    Returns:
        re.Pattern[str]: The compiled pattern.
    """
    return re.compile(r"\s*+(?:" + "|".join(_token_alternatives()) + ")")


def _token_alternatives() -> list[str]:
    """The token alternatives, in priority order (first match wins).

    Returns:
        list[str]: Regex sources.
    """
    sep = "[" + THOUSANDS_SEPARATORS + "]"
    pron = "|".join(sorted({p for q in INVERSION_PRONOUNS for p in (q, q.upper())}, key=len, reverse=True))
    fixed = "|".join(_apostrophe_class(w) for w in FIXED_FORMS)
    elision = alternation(ELISION_PREFIXES)
    titles = alternation(TITLE_ABBREVIATIONS + OTHER_ABBREVIATIONS)
    before_number = alternation(NUMBER_ABBREVIATIONS)
    abbreviation = rf"(?:(?:{titles})\.|(?:{before_number})\.(?=\s*[0-9]))(?![\w{_APOS}])"
    domains = alternation(DOMAINS)
    deictic = "|".join(DEICTIC_SUFFIXES)
    demonstratives = "|".join(DEMONSTRATIVES)
    clitic = rf"(?:(?:[tT]-)?(?:{pron})|{deictic})"
    # A chain of clitics that ends the compound: "-t-il", "-le-moi" (looked at over at most
    # MAX_CLITIC_CHAIN clitics, so that each hyphen of a long run costs a bounded look-ahead).
    chain_end = rf"(?:-{clitic}){{0,{MAX_CLITIC_CHAIN}}}(?![\w\-{_APOS}])"
    inversion = rf"-{clitic}(?={chain_end})"
    # A joint inside a word: apostrophe or hyphen before a word character
    # (but not a final inverted pronoun), or . , : / between digits.
    joint = rf"(?:[{_APOS}]|-(?!{clitic}{chain_end})|(?<=\d)[.,:/](?=\d)|[{INVISIBLE_IN_WORDS}]+)"
    plural_mark = r"(?:\((?:e|s|es|x|E|S|ES|X)\))?(?![\w(])"
    alternatives = [
        # Fast paths, checked first: a run of Latin letters that nothing can
        # extend (none of the characters that start a joint, an e-mail, a
        # URL, an abbreviation period or "n°" follows), and punctuation that
        # starts no longer token. They match exactly what the slower
        # alternatives below would.
        rf"[{_LATIN}]++(?![\w\u0300-\u036f{_APOS}@.\-:/(°+{INVISIBLE_IN_WORDS}])",
        r"[,()«»\"!?%]|\.(?!\.)|-(?![\w\-])|[:;](?![\-)(DPp/'])",
        rf"(?!{abbreviation})[{_LATIN}]{{2,}}+(?=\.(?![\w.]))",
        rf"[0-9]++(?![\w\u0300-\u036f{_APOS}.,:/\-@°+({INVISIBLE_IN_WORDS}]|{sep}\d)",
        # Fixed forms, elisions.
        rf"(?i:{fixed}|(?:{demonstratives})-(?:{deictic}))(?!\w|-\w)",
        rf"(?i:{elision})[{_APOS}](?=[\w«\"“(\[])",
        # URLs and bare domains, trailing punctuation left out.
        rf"(?:https?://|ftp://|www\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]{_APOS}]",
        # (gated by their longest lengths, RFC 5321 and RFC 1035, so that each position of a long
        # run of word characters, dots and hyphens costs a bounded look-ahead).
        rf"(?=[\w.+\-]{{1,{MAX_EMAIL_LOCAL}}}@)\w[\w.+\-]*@\w[\w\-]*(?:\.[\w\-]+)+",
        rf"(?=[\w.\-]{{1,{MAX_DOMAIN}}}+(?![\w.\-]))\w[\w\-]*(?:\.[\w\-]+)*\.(?:{domains})\b(?![.\-]\w)",
        # Handles and hashtags.
        r"(?<![\w@#])[@#]\w+",
        # Numbers with thousands separators; clock times "20h30".
        rf"\d{{1,3}}(?:{sep}\d{{3}})+(?![\d{_APOS}\w])(?:,\d+)?",
        r"\d{1,2}(?=[hH](?:\d\d)?(?!\w))",
        r"(?<=\d)[hH](?=\d\d(?!\w))",
        # Abbreviations and initials.
        abbreviation,
        rf"[{_UPPER}]\.(?:-[{_UPPER}]\.)+",
        rf"(?:[{_UPPER}]\.){{2,}}",
        rf"(?<![^\s(\[«\"“'’-])[{_UPPER}]\.(?=\s+[{_UPPER}])",
        # Words (letters, digits, combining marks) with their joints.
        rf"[\w\u0300-\u036f]+(?:{joint}[\w\u0300-\u036f]+)*{plural_mark}",
        inversion,
        # Emoticons, punctuation runs, then any other single character.
        rf"(?<!\S)(?:{alternation(EMOTICONS)})(?!\S)",
        r"\.{2,}|-{2,}",
        r"\S",
    ]
    return alternatives


# --------------------------------------------------------------------------
# Per-type features
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The curated French stopword list (normalised forms).

    Returns:
        frozenset[str]: Stopwords, lowercase, apostrophe '.
    """
    words = set()
    for line in _STOPWORDS_PATH.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(_normalise(line))
    return frozenset(words)


def _normalise(token: str) -> str:
    """Normalised form of one token type (see module docstring).

    Args:
        token (str): Token text.

    Returns:
        str: Lowercase, ’ -> ', number separators and invisible characters removed.
    """
    return token.lower().translate(_norm_table()) or token.lower()


def _is_punct(token: str) -> bool:
    """True when every character is Unicode punctuation (P*).

    Args:
        token (str): Token text.

    Returns:
        bool: Whether the token is punctuation.
    """
    return all(unicodedata.category(ch)[0] == "P" for ch in token)


_INVISIBLE_TABLE = {ord(c): None for c in INVISIBLE_IN_WORDS}


def word_form(token: str) -> str:
    """A token's text as a word for lemma look-ups and taggers: ’ → ', invisible characters dropped
    ("lan\u00adceur" → "lanceur"), no spaces inside numbers; case kept.

    Args:
        token (str): Token text.

    Returns:
        str: The word (the token itself when dropping would leave nothing).
    """
    word = token.replace("’", "'")
    if not word.isalnum():
        word = word.translate(_INVISIBLE_TABLE) or word
    if word[:1].isdigit():
        word = "".join(word.split())
    return word


_WORD_CHAR = re.compile(r"[^\W_]")


def word_like(texts: np.ndarray | pd.Series) -> np.ndarray:
    """Which tokens have at least one letter or digit (a term can be counted), unlike "¬", "+" or "•".

    Punctuation fails this test, and so do symbols (Unicode S*), which ``is_punct`` does not cover:
    "¬" marks a line-end hyphen in OCR text, and must not rank among a corpus's terms.

    Args:
        texts (numpy.ndarray | pandas.Series): Token texts (each distinct text is tested once).

    Returns:
        numpy.ndarray: One bool per token.
    """
    codes, distinct = pd.factorize(np.asarray(texts, dtype=object))
    return _has_word_char(distinct)[codes] if len(codes) else np.zeros(0, dtype=bool)


def _has_word_char(texts: Sequence[str] | np.ndarray) -> np.ndarray:
    return np.fromiter((_WORD_CHAR.search(t) is not None for t in texts), bool, len(texts))


def type_features(types: np.ndarray) -> dict[str, np.ndarray]:
    """Compute norm and flags once per distinct token type.

    Args:
        types (np.ndarray): Distinct token strings.

    Returns:
        dict[str, np.ndarray]: ``norm``, ``is_punct``, ``is_stop``,
        ``is_alpha`` and ``is_word`` (see :func:`word_like`) arrays aligned with ``types``.
    """
    n = len(types)
    norms = _normalise_all(types)
    is_alpha = np.fromiter(map(str.isalpha, types), bool, n)
    for i in np.flatnonzero(~is_alpha):  # "lan\u00adceur" is alphabetic: the soft hyphen is invisible
        bare = types[i].translate(_INVISIBLE_TABLE)
        is_alpha[i] = bare != types[i] and bare.isalpha()
    is_punct = np.zeros(n, dtype=bool)
    others = np.flatnonzero(~is_alpha)
    is_punct[others] = np.fromiter(map(_is_punct, types[others]), bool, len(others))
    is_word = is_alpha.copy()
    is_word[others] = _has_word_char(types[others])
    return {
        "norm": np.array(norms, dtype=object),
        "is_punct": is_punct,
        "is_stop": np.fromiter(map(stopwords().__contains__, norms), bool, n),
        "is_alpha": is_alpha,
        "is_word": is_word,
    }


def _normalise_all(types: Sequence[str] | np.ndarray) -> list[str]:
    """:func:`_normalise` over many types at once (string ops on one join).

    Tokens contain no line break and no whitespace except the thousands
    separators of numbers, so the separators can be deleted from the joined
    string and the result split back on line breaks.

    Args:
        types (Sequence[str]): Token types.

    Returns:
        list[str]: Their norms, in order.
    """
    if len(types) == 0:
        return []
    joined = "\n".join(types).lower()
    for old, new in _norm_pairs():  # str.translate looks up every character: slower on French text
        if old in joined:
            joined = joined.replace(old, new)
    norms = joined.split("\n")
    if "" in norms:  # a lone invisible character (or separator) stays itself
        norms = [norm or str(t).lower() for norm, t in zip(norms, types)]
    return norms


@functools.lru_cache(maxsize=1)
def _norm_pairs() -> tuple[tuple[str, str], ...]:
    """:func:`_norm_table` as ``(old, new)`` replacements (no new string holds an old character)."""
    return tuple((chr(k), v or "") for k, v in _norm_table().items())


@functools.lru_cache(maxsize=1)
def _norm_table() -> dict[int, str | None]:
    """Translation table: ’ -> ', thousands separators deleted.

    Returns:
        dict[int, str | None]: For ``str.translate``.
    """
    table: dict[int, str | None] = {ord(c): None for c in THOUSANDS_SEPARATORS + INVISIBLE_IN_WORDS}
    table[ord("’")] = "'"
    return table


# --------------------------------------------------------------------------
# tokenize
# --------------------------------------------------------------------------

_COLUMNS = ["i", "start", "end", "text", "norm", "is_punct", "is_stop", "is_alpha"]


@dataclass(frozen=True)
class TypeSpans:
    """Tokens of a text as codes into distinct types, with offsets.

    Attributes:
        codes (np.ndarray): Type index of each token.
        types (np.ndarray): Distinct token strings (object array).
        starts (np.ndarray): Start offset of each token.
        ends (np.ndarray): End offset of each token.
    """

    codes: np.ndarray
    types: np.ndarray
    starts: np.ndarray
    ends: np.ndarray

    def tokens(self) -> np.ndarray:
        """Token strings (object array sharing the type strings)."""
        return self.types[self.codes]


#: Characters tokenised at a time by :func:`type_spans` (the matches of one ``findall`` are one
#: Python string each: a whole 50 MB text at once held 9 million of them).
SCAN_CHARS = 1_000_000
#: Where a scan may stop: a whitespace character before a lowercase letter. No token spans it (only
#: numbers hold spaces) and no rule looks past the letter (the furthest look-aheads, "art. 5" and
#: initials "J. Dupont", need a digit or a capital there), so the tokens are those of the whole text.
_SCAN_CUT = re.compile(r"\s(?=[a-zà-öø-ÿœ])")


def type_spans(text: str) -> TypeSpans:
    """Find the tokens of ``text`` with ``findall``, about :data:`SCAN_CHARS` characters at a time.

    Each match is a token with the whitespace before it. Matches are
    factorised first, so stripping and measuring happen once per distinct
    match, not once per token. The text is scanned in pieces cut where no
    token or look-ahead can cross (:data:`_SCAN_CUT`), so memory for the
    matches is bounded whatever the text's length.

    Args:
        text (str): Raw text.

    Returns:
        TypeSpans: Codes, types and offsets.
    """
    # Trailing whitespace is left out: there no token follows, and each of its positions would
    # otherwise read the rest of it again (quadratic in its length).
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    regex = _token_regex()
    ids: dict[str, int] = {}  # every type, in order of first appearance, with its code
    codes, starts, ends = [], [], []
    lo = 0
    while lo < end:
        cut = _SCAN_CUT.search(text, lo + SCAN_CHARS, end) if end - lo > SCAN_CHARS else None
        hi = cut.end() if cut else end
        # Up to and including the first character after the cut, so that the last tokens see what
        # follows them; the match of that character (the whitespace and one letter) is dropped.
        spaced = regex.findall(text, lo, hi + 1 if cut else end)
        if cut:
            spaced.pop()
        if spaced:
            c, s_, e = _scan(spaced, ids)
            codes.append(c)
            starts.append(s_ + lo)
            ends.append(e + lo)
        lo = hi
    if not codes:
        empty = np.zeros(0, dtype=np.int64)
        return TypeSpans(empty, np.zeros(0, dtype=object), empty, empty)
    types = np.empty(len(ids), dtype=object)
    types[:] = list(ids)
    return TypeSpans(codes=np.concatenate(codes), types=types, starts=np.concatenate(starts), ends=np.concatenate(ends))


def _scan(spaced: list[str], ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Codes (into ``ids``, which receives new types), starts and ends of one scan's matches.

    Each distinct match (a token with the whitespace before it) is stripped, measured and given its
    type's code once; ``ids`` receives the types in order of first appearance.
    """
    spaced_codes, spaced_types = _factorize(spaced)
    stripped = [t.lstrip() for t in spaced_types]
    full_len = np.fromiter(map(len, spaced_types), np.int64, len(spaced_types))
    tok_len = np.fromiter(map(len, stripped), np.int64, len(stripped))
    add = ids.setdefault
    to_global = np.fromiter([add(t, len(ids)) for t in stripped], np.intp, len(stripped))
    ends = np.cumsum(full_len[spaced_codes])
    return to_global[spaced_codes], ends - tok_len[spaced_codes], ends


#: Below this many strings :func:`_factorize` uses pandas (Arrow's set-up costs more than it saves).
ARROW_MIN = 100_000


def _factorize(strings: list[str]) -> tuple[np.ndarray, Sequence[str]]:
    """Codes and distinct values of many strings.

    Uses Arrow's hash-based dictionary encoding on :data:`ARROW_MIN` strings or more (twice as fast
    as ``pd.factorize`` on millions of short strings, slower on a page's); pandas otherwise, and
    when pyarrow is missing or the text holds lone surrogates, which UTF-8 cannot encode.

    Args:
        strings (list[str]): The strings.

    Returns:
        tuple[np.ndarray, Sequence[str]]: Code of each string, distinct
        strings in order of first appearance.
    """
    if len(strings) < ARROW_MIN:
        return pd.factorize(np.array(strings, dtype=object))
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        encoded = pc.dictionary_encode(pa.array(strings, type=pa.string()))
    except (ImportError, UnicodeEncodeError, ValueError):
        return pd.factorize(np.array(strings, dtype=object))
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp, copy=False)
    return codes, encoded.dictionary.to_pylist()


def _str_column(values: Sequence[str] | np.ndarray, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A string column built once per type (:func:`analysis.columns.str_column`), then taken per token.

    Args:
        values (Sequence[str]): One string per type.
        codes (np.ndarray): Type index of each token.

    Returns:
        pd.api.extensions.ExtensionArray: The column.
    """
    return str_column(values).take(codes)


def tokenize(
    text: str,
    *,
    stems: bool = False,
    offset: int = 0,
) -> pd.DataFrame:
    """Tokenise French text into a table with exact character offsets (no spaCy).

    Lemmas and parts of speech come from :func:`analysis.text.pipeline.tokenize`
    (``analysis.tokenize``), which adds spaCy's tags to this table.

    Args:
        text (str): Raw text (any Unicode).
        stems (bool): Add a ``stem`` column (NLTK Snowball French on norm).
        offset (int): Added to ``start``/``end`` so that a slice of a
            larger text gets offsets into that text.

    Returns:
        pd.DataFrame: One row per token, columns ``i, start, end, text,
        norm, is_punct, is_stop, is_alpha`` (+ ``stem``).
        ``text[start - offset:end - offset] == row.text`` for every row.
    """
    spans = type_spans(text)
    codes = spans.codes
    feats = type_features(spans.types)
    frame = pd.DataFrame(
        {
            "i": np.arange(len(codes), dtype=np.int64),
            "start": spans.starts + offset if offset else spans.starts,  # fresh arrays: no copy
            "end": spans.ends + offset if offset else spans.ends,
            "text": _str_column(spans.types, codes),
            "norm": _str_column(feats["norm"], codes),
            "is_punct": feats["is_punct"][codes],
            "is_stop": feats["is_stop"][codes],
            "is_alpha": feats["is_alpha"][codes],
        },
        columns=_COLUMNS,
        copy=False,
    )
    if stems:
        frame["stem"] = _str_column(_stem_types(feats["norm"]), codes)
    return frame


def _stem_types(norms: Sequence[str] | np.ndarray) -> list[str]:
    """Snowball French stems of distinct norms.

    Args:
        norms (Sequence[str]): Norm of each distinct type.

    Returns:
        list[str]: Their stems (NLTK ``SnowballStemmer("french")``).
    """
    from .stems import stemmer

    return list(map(stemmer().stem, norms))
