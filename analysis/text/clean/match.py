"""Text keys and rule matching for :mod:`analysis.text.clean`: the matching key, the tidied text and its
words, the widget key, and the functions that try the rules of :mod:`~analysis.text.clean.rules` on a
text (each group screened first: one try of each rule's alternation before the word count).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..rules import trie_regex
from .screen import (
    byline_anchored,
    bylines_for,
    candidates,
    caption_needles,
    checks_for,
    may_contain,
    nothing_passes,
    plain,
    screen,
    widget_union,
)
from .rules import (
    APOSTROPHES,
    BYLINE_MAX_WORDS,
    BYLINE_PATTERNS,
    CAPTION_ANY,
    INVISIBLE,
    LONG_LINE,
    NOT_IN_NAMES,
    PROSE_MIN_WORDS,
    QUOTES,
    RULE_GROUPS,
    Rule,
    TERMINAL,
    WHITE_SPACE,
    WIDGET_LEAD,
    WORDS_CAP,
    WIDGET_TAIL,
)


_MATCH_TABLE = str.maketrans(
    {**{c: "'" for c in APOSTROPHES}, **{c: '"' for c in QUOTES}, **{c: "" for c in INVISIBLE}}
)


_SPACES = re.compile(r"\s+")


_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in APOSTROPHES if c != "`"})


def _replacements(table: dict[int, str]) -> tuple[tuple[str, str], ...]:
    """The changes of a translation table as ``(old, new)`` pairs for :func:`translated`.

    Applying them one after the other gives ``str.translate``'s result because no new string holds a
    character the table changes (checked here)."""
    pairs = tuple((chr(k), v) for k, v in table.items() if chr(k) != v)
    assert not any(c in new for _, new in pairs for c, _ in pairs), "a replacement would be replaced again"
    return pairs


_MATCH_PAIRS = _replacements(_MATCH_TABLE)


_APOSTROPHE_PAIRS = _replacements(_APOSTROPHE_TABLE)


def translated(s: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``s.translate(table)`` for a table of a few characters (:func:`_replacements`): one
    ``str.replace`` per character present. ``str.translate`` looks every character of a non-ASCII
    text up in the table, ten times slower on a paragraph of French."""
    for old, new in pairs:
        if old in s:
            s = s.replace(old, new)
    return s


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
    s = translated(s, _MATCH_PAIRS)
    return " ".join(s.split()).casefold()


def tidied_lines(lines: list[str]) -> list[str]:
    """``[tidied(s) for s in lines]`` for the lines of a page (none holds a ``\n``), made once for
    the page: NFC and the apostrophes over the lines joined by ``\n``, then each line's white space.

    The same as line by line: ``\n`` is a starter that composes with nothing, so NFC neither
    composes, decomposes nor reorders across it, and the apostrophes are replaced character by
    character.

    Args:
        lines (list[str]): the lines, each without a line feed.

    Returns:
        list[str]: their tidied texts.
    """
    if not lines:
        return []
    joined = "\n".join(lines)
    if not joined.isascii():
        joined = translated(unicodedata.normalize("NFC", joined), _APOSTROPHE_PAIRS)
    return _collapsed_lines(joined)


def matching_keys(tidies: list[str]) -> list[str]:
    """``[normalize_for_matching(t) for t in tidies]`` for tidied texts (:func:`tidied`, so NFC and
    without a line feed), made once for a page: the quotes, apostrophes and invisible characters
    over the texts joined by ``\n``, then each one's white space, then case folding.

    The same as one by one: a tidied text is NFC already (its apostrophes became a character that
    composes with nothing, its white space runs one space), and the replacements and case folding
    act character by character.

    Args:
        tidies (list[str]): tidied texts.

    Returns:
        list[str]: their matching keys.
    """
    if not tidies:
        return []
    return _collapsed_lines(translated("\n".join(tidies), _MATCH_PAIRS).casefold())


def _collapsed_lines(joined: str) -> list[str]:
    """``[" ".join(s.split()) for s in joined.split("\n")]``, splitting and joining only the lines
    that hold white space other than single spaces inside (found by ``str.find``): most lines."""
    out = joined.split("\n")
    untidy = [c for c in _UNTIDY if c in joined]  # most pages: two spaces somewhere, nothing else
    if out[0].startswith(" ") or out[-1].endswith(" "):
        untidy.append("")  # (the first and the last line, looked at by their ends)
    for needle in untidy:
        if not needle:
            out[0], out[-1] = " ".join(out[0].split()), " ".join(out[-1].split())
            continue
        shift = needle.startswith("\n")  # (the space after a line feed is in the next line)
        i, k, at = joined.find(needle), 0, 0
        while i >= 0:
            k += joined.count("\n", at, i + shift)
            out[k] = " ".join(out[k].split())
            at = joined.find("\n", i + shift)
            i = joined.find(needle, at) if at >= 0 else -1
    return out


# What " ".join(s.split()) changes in a line of lines joined by "\n": any white space but a space,
# two spaces, a space after or before a line feed (the first and last lines' ends are looked at).
_UNTIDY = ("  ", "\n ", " \n", *(c for c in WHITE_SPACE if c not in " \n"))


def tidied(s: str) -> str:
    """Typographic tidy-up for pattern matching (case kept, quotes kept).

    Args:
        s (str): a segment's text.

    Returns:
        str: apostrophes → ``'``, white space runs → one space, stripped.
    """
    if s.isascii():  # NFC already, and no typographic apostrophe
        return " ".join(s.split())
    s = unicodedata.normalize("NFC", s)
    s = translated(s, _APOSTROPHE_PAIRS)
    return " ".join(s.split())


# (Possessive: a run of letters or digits is followed by none, so no match gives any of it back;
# the same matches, without the engine's saved backtracking points.)
_WORD = re.compile(r"[^\W_]++(?:['\-][^\W_]++)*+")
# The same on a text without "_", where \w is [^\W_]: the engine tests one category a character
# instead of a set of two (a third faster on a page's paragraphs).
_WORD_NO_UNDERSCORE = re.compile(r"\w++(?:['\-]\w++)*+")


def _word_regex(s: str) -> re.Pattern[str]:
    return _WORD if "_" in s else _WORD_NO_UNDERSCORE


def word_list(s: str) -> list[str]:
    """Words of a text (letters/digits, with inner ' and -).

    Args:
        s (str): text.

    Returns:
        list[str]: the words.
    """
    return _word_regex(s).findall(s)


# A text longer than this holds more than WORDS_CAP words when its first _CAP_CHARS characters do.
_CAP_CHARS = 10 * (WORDS_CAP + 1)


def count_words(s: str) -> int:
    """``len(word_list(s))`` when it is at most :data:`~analysis.text.clean.rules.WORDS_CAP`, some
    larger number otherwise (every word limit is at most ``WORDS_CAP``, so the rules decide alike).

    A long text's words are counted in its first characters first: each word found there starts a
    word of the whole text (a word cut at the end is still one), so more than ``WORDS_CAP`` there
    means more than ``WORDS_CAP`` in all, and the rest of a long paragraph is not split.

    Args:
        s (str): text.

    Returns:
        int: the number of words, exact up to ``WORDS_CAP``.
    """
    word = _word_regex(s)
    if len(s) > _CAP_CHARS:
        n = len(word.findall(s, 0, _CAP_CHARS))
        if n > WORDS_CAP:
            return n
    return len(word.findall(s))


def trim_widget(s: str) -> str:
    """``_TRIM_WIDGET.sub("", s)`` in linear time: the regex's ``…+$`` retried at every position of a
    long run not at the end ("....x") and was quadratic in the run's length."""
    m = WIDGET_LEAD.match(s)
    i = m.end() if m else 0
    j = len(s)
    while j > i and (s[j - 1].isspace() or s[j - 1] in WIDGET_TAIL):
        j -= 1
    return s[i:j]


def may_fire(rules: tuple[Rule, ...], tidy: str) -> bool:
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


def screened(group: str, n_words: int, tidy: str) -> tuple[Rule, ...]:
    """The rules of a group that may fire on ``tidy`` (of ``n_words`` words, 0 if not counted), in
    order: within their word limit, and able to start with its first character
    (:func:`analysis.text.clean.screen.candidates`); every other rule is sure not to fire. A text
    too long for every rule of the group has no candidate: its widget key is not built."""
    if not candidates(group, n_words):
        return ()
    return screen(group, n_words, tidy, _widget_key(tidy))


def quiet_line(tidy: str) -> bool:
    """True proves that a line of words not counted (at most ``LONG_LINE`` characters, tidied) is
    no standalone unit by vocabulary and ends no caption: no widget, credit or byline rule can fire
    on it and no photo-credit marker is in it. The screens of :func:`screened` for the ``widget``
    group, the byline patterns of its first character, :func:`may_be_name_outlet` and the caption
    needles, made in one pass, without the rules' own tries: the common line of prose costs a few
    string tests. (False says nothing: the line is then judged rule by rule.)"""
    key = _widget_key(tidy)
    found = checks_for("widget", 0, tidy, key)
    if found.tried or not plain(key):
        return False
    low = tidy.lower()
    if not plain(low) or not nothing_passes(found, key, low):
        return False
    for pattern in bylines_for(tidy[:1]):
        if pattern.search(tidy):
            return False
    if may_be_name_outlet(tidy):
        return False
    needles = caption_needles()
    if needles is None:
        return CAPTION_ANY.search(tidy) is None
    for needle in needles:
        if needle in low:
            return CAPTION_ANY.search(tidy) is None
    return True


def quiet_lines(tidies: list[str]) -> list[bool] | None:
    """:func:`quiet_line` for every line of a document at once, conservatively: True proves the line
    quiet (``quiet_line`` says True), False says nothing (the line is then asked one by one; a line
    longer than ``LONG_LINE``, which is not asked, is False). None when the document is not screened.

    One pass over the whole document (the lines' tidied texts joined by ``\n``, lowered and
    casefolded once) for each thing :func:`quiet_line` looks for, each a superset of it: every
    prefix of the ``widget`` screens at a line's start (after the key's leading decorations), every
    needle anywhere, the byline patterns at a line's start, the lines with no word starting with a
    lower-case ASCII letter (:func:`may_be_name_outlet`), the photo-credit needles. A line none of
    them marks is quiet; so most lines of prose cost no Python work of their own.

    Args:
        tidies (list[str]): the tidied lines (:func:`tidied`: no line break inside), in order.

    Returns:
        list[bool] | None: per line, True when surely quiet.
    """
    plan = _doc_plan()
    if plan is None or not tidies:
        return None
    joined = "\n".join([t if len(t) <= LONG_LINE else "" for t in tidies])  # (a long line is not asked)
    if "\u03a3" in joined:  # str.lower of a capital sigma depends on what follows it
        return None
    low = joined.lower()
    fold = joined.casefold() if _fold_other().search(joined) else low  # (per character, as lower)
    if not (plain(low) and (fold is low or plain(fold))):  # (then every line's key and lowered text are too)
        return None
    key_heads, text_heads, key_needles, text_needles, bylines = plan
    loud = [False] * len(tidies)
    _mark(loud, fold, key_heads.finditer("\n" + fold))
    _mark(loud, low, text_heads.finditer("\n" + low))
    searches: tuple[tuple[str, tuple[str, ...]], ...]
    if fold is low or fold == low:  # (the common case: one search of each needle)
        searches = ((low, _minimal(key_needles + text_needles)),)
    else:
        searches = ((fold, key_needles), (low, text_needles))
    for doc, needles in searches:
        for needle in needles:
            i, k, at = doc.find(needle), 0, 0
            while i >= 0:
                k += doc.count("\n", at, i)
                loud[k] = True
                at = doc.find("\n", i)
                i = doc.find(needle, at) if at >= 0 else -1
    for pattern in bylines:
        _mark(loud, joined, pattern.finditer("\n" + joined))
    _mark(loud, joined, _NO_LOWER_WORD.finditer("\n" + joined + "\n"))
    return [not x for x in loud]


# A line (after its "\n") with no piece between spaces starting with a lower-case ASCII letter: one
# may_be_name_outlet may say True of (:data:`_LOWER_ASCII_WORD`'s lines).
# (Possessive: a piece that fails the look-ahead ends the try; giving characters back could not
# reach the line's end either, and once tried so, a long line cost a step a character per try.)
_NO_LOWER_WORD = re.compile(r"\n(?![a-z])(?:[^ \n]| (?![a-z]))*+(?=\n)")


# What a per-line pattern may not hold to be searched, as it is, over lines joined by "\n" (a match
# in one line is then a match in the joined text): no assertion on what follows or precedes.
_CONTEXT = ("$", "\\Z", "\\A", "\\B", "(?=", "(?!", "(?<")


@functools.cache
def _doc_plan() -> tuple | None:
    """The document-level screens of :func:`quiet_lines`, or None when they cannot be made exact."""
    union = widget_union()
    needles = caption_needles()
    if union is None or needles is None or not WIDGET_LEAD.pattern.endswith("+"):
        return None
    key_heads, key_needles, text_heads, text_needles = union
    bylines = []
    for rid, _, p in BYLINE_PATTERNS:
        if not byline_anchored(rid) or any(c in p.pattern for c in _CONTEXT):
            return None
        bylines.append(re.compile("\n(?:" + p.pattern + ")", p.flags | re.MULTILINE))
    if any("\n" in n or not n for n in (*key_needles, *text_needles, *needles, *key_heads, *text_heads)):
        return None
    lead = "(?:(?!\n)" + WIDGET_LEAD.pattern[:-1] + ")*"  # the key's leading decorations, in one line
    return (
        re.compile("\n" + lead + trie_regex(key_heads, prefixes=True)) if key_heads else re.compile("(?!)"),
        re.compile("\n" + trie_regex(text_heads, prefixes=True)) if text_heads else re.compile("(?!)"),
        key_needles,
        tuple(dict.fromkeys((*text_needles, *needles))),
        tuple(bylines),
    )


@functools.cache
def _fold_other() -> re.Pattern:
    """The characters ``str.casefold`` maps otherwise than ``str.lower`` (µ, ß, …), and every
    character beyond the BMP (not looked at one by one)."""
    odd = "".join(c for c in map(chr, range(0x10000)) if c.casefold() != c.lower())
    return re.compile("[" + re.escape(odd) + "\U00010000-\U0010ffff]")


@functools.cache
def _minimal(needles: tuple[str, ...]) -> tuple[str, ...]:
    """The needles none of the others is in (a text holding one of the others holds one of these)."""
    unique = tuple(dict.fromkeys(needles))
    return tuple(n for n in unique if not any(m != n and m in n for m in unique))


def _mark(loud: list[bool], doc: str, matches) -> None:
    """Mark every line of ``doc`` (lines joined by "\n") a match overlaps; each match is of "\n" + doc
    and starts with the "\n" before its first line."""
    k, at = 0, 0
    for m in matches:
        a, b = m.start(), max(m.start(), m.end() - 2)  # in doc: the line's start, the match's last character
        k += doc.count("\n", at, a)
        last = k + doc.count("\n", a, b)
        for j in range(k, last + 1):
            loud[j] = True
        k, at = last, b


def caption_found(tidy: str) -> bool:
    """Whether a photo-credit marker (:data:`CAPTION_ANY`) is found, its needles looked for first."""
    return may_contain(CAPTION_ANY, tidy) and CAPTION_ANY.search(tidy) is not None


@functools.cache
def within(group: str, n_words: int) -> tuple[Rule, ...]:
    """The rules of a group (:data:`RULE_GROUPS`) that apply to a text of ``n_words`` words, in order."""
    return tuple(r for r in RULE_GROUPS[group] if n_words <= r.max_words)


def byline_found(tidy: str) -> bool:
    """Whether one of :data:`BYLINE_PATTERNS` is found."""
    for pattern in bylines_for(tidy[:1]):
        if pattern.search(tidy):
            return True
    return False


def rule_matches(rule: Rule, tidy: str) -> bool:
    """Apply one :class:`Rule` to a tidied text.

    Args:
        rule (Rule): the rule.
        tidy (str): tidied text (see :func:`tidied`).

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
    return tidy.endswith(".") and not tidy.endswith("..") and len(word_list(tidy)) >= PROSE_MIN_WORDS


@functools.lru_cache(maxsize=8192)
def _widget_key(tidy: str) -> str:
    """The casefolded line without its decorations, as whole-line rules match it."""
    return trim_widget(tidy.casefold())


def match_widget(tidy: str, *, n_words: int | None = None) -> Rule | None:
    """First whole-line widget rule matching.

    Args:
        tidy (str): tidied text.
        n_words (int | None): its number of words, if already counted.

    Returns:
        Rule | None: the rule, if any.
    """
    n = len(word_list(tidy)) if n_words is None else n_words
    rules = screened("line", n, tidy)
    if not may_fire(rules, tidy):
        return None
    for rule in rules:
        if rule_matches(rule, tidy):
            return rule
    return None


def match_byline(tidy: str, *, first: bool, words: list[str] | None = None, n_words: int | None = None) -> str | None:
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
    found = byline_found(tidy)
    if not found and (first or not may_be_name_outlet(tidy)):
        return None
    words = word_list(tidy) if words is None else words
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


def may_be_name_outlet(tidy: str) -> bool:
    """False when :func:`_is_name_outlet` is sure to be False, without splitting words.

    A piece between spaces that starts with a lower-case letter or digit starts a word, and
    :func:`_is_name_outlet` wants every word capitalised; nor may the line end like a sentence.
    """
    if tidy.endswith(TERMINAL) or _LOWER_ASCII_WORD.search(tidy):  # the common case of prose, at C speed
        return False
    return not any(w[:1].islower() and w[:1].isalnum() for w in tidy.split(" "))


# A piece between spaces starting with a lower-case ASCII letter (one of the pieces may_be_name_outlet
# looks for: such a letter is lower case and alphanumeric).
_LOWER_ASCII_WORD = re.compile(r"(?:^| )[a-z]")


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
    if not 2 <= len(words) <= 6 or tidy.endswith(TERMINAL):
        return False
    if not all(w[0].isupper() for w in words):
        return False
    if any(w.casefold() in NOT_IN_NAMES or "'" in w for w in words):
        return False
    caps = [w for w in words if len(w) >= 2 and w.isupper()]
    has_sep = any(sep in tidy for sep in ("/", "|", " - ", " – ", "  ", ","))
    return bool(caps) and (has_sep or (len(caps) >= 2 and len(words) >= 3))
