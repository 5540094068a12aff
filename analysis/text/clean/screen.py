"""Which rules of :mod:`analysis.text.clean` can fire on a text, judged from its first character.

A whole-line rule fullmatches the line's widget key, and a rule anchored with ``^`` matches at the
start of the tidied text: either way the match begins with the text's first character. Each rule's
possible first characters (its *first set*) are read off its compiled pattern's parse tree
(:func:`first_class`) and written as a one-character pattern with the rule's flags, so that the
regex engine itself, with its own case folding (the long s for ``s``, the dotless i for ``i`` …), says whether a
character may start a match. :func:`candidates` keeps, for one first character, the rules that may
fire, in their order: a line starting with ``L`` is tried against the few rules that can start with
``l``, not all of them. No rule is ever left out that could fire (``tests/text/test_clean_speed.py``
checks the first sets against the rules on generated and real lines); the rules themselves decide,
as before, so every removed segment still names its rule.
"""

from __future__ import annotations

import functools
import re
import re._casefix as sre_casefix  # the engine's extra case equivalences (the long s for s …)
import re._parser as sre_parse  # the stdlib's own parser of patterns (``sre_parse`` before 3.11)
from re._constants import (
    ANY,
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BEGINNING,
    AT_BEGINNING_STRING,
    ATOMIC_GROUP,
    BRANCH,
    CATEGORY,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NEGATE,
    NOT_LITERAL,
    POSSESSIVE_REPEAT,
    RANGE,
    SUBPATTERN,
)

from .rules import BYLINE_PATTERNS, RULE_GROUPS, Rule

__all__ = ["anchored", "bylines_for", "candidates", "first_class", "may_contain", "needles", "prefixes", "screen"]

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


class _Unbounded(Exception):
    """The first character of a match is not constrained (``.``, a back-reference, an unknown item)."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _set_item(items: list) -> str:
    """A character class ``[...]`` written back from the parsed items of an ``IN``."""
    negate = False
    parts = []
    for op, av in items:
        if op is NEGATE:
            negate = True
        elif op is LITERAL:
            parts.append(_char(av))
        elif op is RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is CATEGORY and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:
            raise _Unbounded
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _first(seq: list) -> tuple[list[str], bool]:
    """First set of a sequence of parsed items as class pieces, and whether it can match empty."""
    pieces: list[str] = []
    for op, av in seq:
        if op is LITERAL:
            return pieces + [_char(av)], False
        if op is NOT_LITERAL:
            return pieces + [f"[^{_char(av)}]"], False
        if op is IN:
            return pieces + [_set_item(av)], False
        if op is ANY:
            raise _Unbounded
        if op in (AT, ASSERT, ASSERT_NOT):  # zero width: what follows gives the first character
            continue
        if op is SUBPATTERN:
            sub, empty = _first(list(av[-1]))
        elif op is ATOMIC_GROUP:
            sub, empty = _first(list(av))
        elif op is BRANCH:
            sub, empty = [], False
            for alt in av[1]:
                p, e = _first(list(alt))
                sub, empty = sub + p, empty or e
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            sub, empty = _first(list(av[2]))
            empty = empty or av[0] == 0
        else:
            raise _Unbounded
        pieces += sub
        if not empty:
            return pieces, False
    return pieces, True


def first_class(pattern: re.Pattern) -> re.Pattern | None:
    """The characters a match of ``pattern`` can begin with, as a one-character pattern (same flags).

    Args:
        pattern (re.Pattern): a compiled pattern.

    Returns:
        re.Pattern | None: matches (``fullmatch``) every character a non-empty match can start with
        (perhaps more); None when any character can (``.``, a back-reference) or the pattern can
        match the empty string.
    """
    try:
        pieces, empty = _first(list(_parsed(pattern.pattern, pattern.flags)))
    except _Unbounded:
        return None
    if empty or not pieces or any(p.startswith("[^") for p in pieces):
        return None  # a negated class lets nearly any character through: not worth a screen
    return re.compile("|".join(pieces), pattern.flags)


def anchored(pattern: re.Pattern) -> bool:
    """Whether every match of ``pattern`` begins at the start of the string (``^`` or ``\\A`` first)."""
    items = list(_parsed(pattern.pattern, pattern.flags))
    while items and items[0][0] is SUBPATTERN:
        items = list(items[0][1][-1])
    if items and items[0][0] is BRANCH:
        return all(anchored_items(list(alt)) for alt in items[0][1][1])
    return anchored_items(items)


def anchored_items(items: list) -> bool:
    """Whether a parsed sequence starts with ``^`` or ``\\A``."""
    return bool(items) and items[0][0] is AT and items[0][1] in (AT_BEGINNING, AT_BEGINNING_STRING)


_FIRST: dict[str, re.Pattern | None] = {}
_CANDIDATES: dict[tuple[str, int, str, str], tuple[Rule, ...]] = {}


def _first_of(rule: Rule) -> re.Pattern | None:
    """A rule's first class (None: unconstrained, or a search rule not anchored at the start)."""
    if rule.id not in _FIRST:
        pattern = rule.combined
        starts = rule.whole or (not pattern.flags & re.MULTILINE and anchored(pattern))
        _FIRST[rule.id] = first_class(pattern) if starts else None
    return _FIRST[rule.id]


def candidates(group: str, n_words: int, key_first: str, text_first: str) -> tuple[Rule, ...]:
    """The rules of a group that may fire on a text, judged from its length and first characters.

    Args:
        group (str): a key of :data:`~analysis.text.clean.rules.RULE_GROUPS`.
        n_words (int): the text's words (0: unknown, every rule's limit is met).
        key_first (str): first character of the widget key (whole-line rules fullmatch the key).
        text_first (str): first character of the tidied text (the other rules search it).

    Returns:
        tuple[Rule, ...]: the rules of the group within their word limit whose match could start
        so, in the order they are tried (an empty character keeps every rule of its kind).
    """
    cache_key = (group, n_words, key_first, text_first)
    found = _CANDIDATES.get(cache_key)
    if found is None:
        found = tuple(
            r
            for r in RULE_GROUPS[group]
            if n_words <= r.max_words and _may_start(r, key_first if r.whole else text_first)
        )
        _CANDIDATES[cache_key] = found
    return found


def _may_start(rule: Rule, ch: str) -> bool:
    first = _first_of(rule)
    return not ch or first is None or first.fullmatch(ch) is not None


_BYLINES: dict[str, tuple[re.Pattern, ...]] = {}


def bylines_for(ch: str) -> tuple[re.Pattern, ...]:
    """The byline patterns (each anchored at the start) a text starting with ``ch`` may match, in order."""
    found = _BYLINES.get(ch)
    if found is None:
        found = _BYLINES[ch] = tuple(
            p
            for _, _, p in BYLINE_PATTERNS
            if not ch or not anchored(p) or (first := first_class(p)) is None or first.fullmatch(ch) is not None
        )
    return found


# Characters whose case the engine folds otherwise than ``str.lower``/``str.casefold`` (its extra
# equivalences, and the combining dot that ``"İ".lower()`` adds): in a text holding one, a plain
# ``startswith``/``in`` may miss what the case-insensitive pattern finds, so neither is trusted there.
_ODD_CHARS = "".join(
    sorted({chr(c) for k, v in sre_casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127} | {"\u0307"})
)
ODD = re.compile("[" + re.escape(_ODD_CHARS) + "]")
_ODD_LATIN1 = "".join(c for c in _ODD_CHARS if c <= "\xff")  # the micro sign


def plain(text: str) -> bool:
    """Whether ``text`` holds none of the :data:`ODD` characters (so ``startswith``/``in`` on it
    find what the case-insensitive patterns find). Fast on Latin-1 text, stored one byte a character."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:  # (and a casefolded key may hold a character lower() still changes)
        return not ODD.search(text) and text.lower() == text
    for c in _ODD_LATIN1:
        if c in text:
            return False
    return True


_MAX_PREFIXES = 64


def _prefixes(seq: list) -> list[tuple[str, bool]]:
    """Literal prefixes of every match of a parsed sequence: ``(prefix, whole)`` pairs, ``whole``
    when the prefix is all the match can be (so that what follows may extend it)."""
    out = [("", True)]
    for op, av in seq:
        if op is LITERAL:
            ext = [(chr(av), True)]
        elif op is AT:
            continue
        elif op is SUBPATTERN:
            ext = _prefixes(list(av[-1]))
        elif op is BRANCH:
            ext = [pw for alt in av[1] for pw in _prefixes(list(alt))]
        elif op is IN and all(o is LITERAL for o, _ in av) and len(av) <= 8:
            ext = [(chr(c), True) for _, c in av]
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1:
            ext = [("", True), *_prefixes(list(av[2]))]
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] >= 1:
            ext = [(p, False) for p, _ in _prefixes(list(av[2]))]
        else:
            ext = [("", False)]
        grown = [(p + q, w2) for p, w in out if w for q, w2 in ext] + [(p, w) for p, w in out if not w]
        if len(set(grown)) > _MAX_PREFIXES:
            return _shortened([p for p, _ in grown])
        out = list(dict.fromkeys(grown))
        if not any(w for _, w in out):
            break
    return out


def _shortened(found: list[str]) -> list[tuple[str, bool]]:
    """At most :data:`_MAX_PREFIXES` prefixes: the given ones cut as short as needed (still prefixes)."""
    for size in range(max(map(len, found)), 0, -1):
        cut = list(dict.fromkeys(p[:size] for p in found))
        if len(cut) <= _MAX_PREFIXES:
            return [(p, False) for p in cut]
    return [("", False)]


@functools.cache
def prefixes(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lowercase strings one of which starts every match of a case-insensitive ``pattern``.

    Args:
        pattern (re.Pattern): a compiled pattern.

    Returns:
        tuple[str, ...] | None: the prefixes, or None when some match may start with anything
        (an alternative opening with a class, a repeat, ``.``) or the pattern is case-sensitive.
    """
    if not pattern.flags & re.IGNORECASE:
        return None
    found = [p for p, _ in _prefixes(list(_parsed(pattern.pattern, pattern.flags)))]
    return _lowered(found) if found and all(found) else None


def _weight(found: list[str]) -> int:
    """How telling a set of needles is: its shortest string's length, a punctuation mark or symbol
    counting as three letters (rarer in running text than any pair of letters)."""
    return min(3 if len(n) == 1 and not n.isalnum() else len(n) for n in found)


def _needles(seq: list) -> list[str] | None:
    """Strings one of which every match of a parsed sequence contains (the most telling), or None."""
    best: list[str] | None = None

    def consider(found: list[str] | None) -> None:
        nonlocal best
        if found and (best is None or _weight(found) > _weight(best)):
            best = found

    runs = [""]  # the literal run so far, with the alternatives of small classes spelt out
    for op, av in seq:
        if op is LITERAL:
            runs = [r + chr(av) for r in runs]
            continue
        if op is IN and all(o is LITERAL for o, _ in av) and len(av) * len(runs) <= 16:
            runs = [r + chr(c) for r in runs for _, c in av]
            continue
        consider(runs if all(runs) else None)
        runs = [""]
        if op is SUBPATTERN:
            consider(_needles(list(av[-1])))
        elif op is BRANCH:
            alts = [_needles(list(alt)) for alt in av[1]]
            consider(None if any(a is None for a in alts) else [n for a in alts for n in (a or [])])
        elif op is IN and all(o is LITERAL for o, _ in av) and len(av) <= 8:
            consider([chr(c) for _, c in av])
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needles(list(av[2])))
    consider(runs if all(runs) else None)
    return best


_NEEDLES: dict[tuple[str, int], tuple[str, ...] | None] = {}


def may_contain(pattern: re.Pattern, text: str) -> bool:
    """False proves that ``pattern`` (case-insensitive) finds nothing in ``text``: none of its
    :func:`needles` is in the lowered text.

    Args:
        pattern (re.Pattern): a compiled pattern.
        text (str): the text it would be searched in.

    Returns:
        bool: True when the pattern may match (always, when it has no needles or the text holds a
        character the engine folds otherwise than ``str.lower``).
    """
    key = (pattern.pattern, pattern.flags)  # a pattern's own hash reads its whole compiled code
    found = _NEEDLES[key] if key in _NEEDLES else _NEEDLES.setdefault(key, needles(pattern))
    if found is None:
        return True
    low = text.lower()
    if not plain(low):
        return True
    for needle in found:
        if needle in low:
            return True
    return False


@functools.cache
def needles(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lowercase strings one of which every match of a case-insensitive ``pattern`` contains.

    Args:
        pattern (re.Pattern): a compiled pattern.

    Returns:
        tuple[str, ...] | None: the strings, or None when the pattern is case-sensitive or none are
        found.
    """
    if not pattern.flags & re.IGNORECASE:
        return None
    found = _needles(list(_parsed(pattern.pattern, pattern.flags)))
    return _lowered(found) if found else None


def _lowered(found: list[str]) -> tuple[str, ...] | None:
    """The strings lowercased, or None when one has a character the engine folds otherwise."""
    low = [f.lower() for f in found]
    if any(len(a) != len(b) or ODD.search(a) or a != a.casefold() for a, b in zip(low, found)):
        return None
    return tuple(dict.fromkeys(low))


# What :func:`screen` does with a candidate rule: try it, or first test the start of the key (or of
# the lowered text) against its prefixes and look for its needles.
_TRY, _SCREEN = 0, 1
_Check = tuple[Rule, int, tuple[str, ...], tuple[str, ...]]
_CHECKS: dict[tuple[str, int, str, str], _Checks] = {}


@functools.cache
def _parsed(source: str, flags: int) -> tuple:
    """A pattern's parse tree, read once (keyed by its source: a pattern's own hash reads its code)."""
    return tuple(sre_parse.parse(source, flags))


def _branches(pattern: re.Pattern) -> list[list]:
    """The top-level alternatives of a pattern, parsed."""
    items = list(_parsed(pattern.pattern, pattern.flags))
    if len(items) == 1 and items[0][0] is BRANCH:
        return [list(alt) for alt in items[0][1][1]]
    return [items]


def _can_start(seq: list, flags: int, ch: str) -> bool:
    """Whether a match of one parsed alternative can begin with ``ch``."""
    try:
        pieces, empty = _first(seq)
    except _Unbounded:
        return True
    return empty or not pieces or re.compile("|".join(pieces), flags).fullmatch(ch) is not None


_CHECK_OF: dict[tuple[str, str], _Check] = {}


def _check_of(rule: Rule, ch: str) -> _Check:
    """:func:`_screen_of`, once per rule and character."""
    found = _CHECK_OF.get((rule.id, ch))
    if found is None:
        found = _CHECK_OF[(rule.id, ch)] = _screen_of(rule, ch)
    return found


def _screen_of(rule: Rule, ch: str) -> _Check:
    """How to screen a rule for texts whose matched string starts with ``ch``, alternative by
    alternative: one that cannot start with ``ch`` is left out; one anchored at the start gives its
    literal :func:`prefixes`, any other the strings all its matches contain (:func:`needles`); an
    alternative with neither means the rule is tried."""
    pattern = rule.combined
    if not pattern.flags & re.IGNORECASE:
        return rule, _TRY, (), ()
    starts = rule.whole or (not pattern.flags & re.MULTILINE and anchored(pattern))
    pres: list[str] = []
    found: list[str] = []
    for seq in _branches(pattern):
        if starts and ch and not _can_start(seq, pattern.flags, ch):
            continue
        if starts:
            heads = [p for p, _ in _prefixes(seq)]
            low = _lowered(heads) if heads and all(heads) else None
            if low is not None:  # only the prefixes that start with ch (a plain text is screened)
                pres += [h for h in low if not ch or h[0] == ch.lower()]
                continue
        inner = _needles(seq)
        low = _lowered(inner) if inner else None
        if low is None:
            return rule, _TRY, (), ()
        found += low
    return rule, _SCREEN, tuple(dict.fromkeys(pres)), tuple(dict.fromkeys(found))


def screen(group: str, n_words: int, tidy: str, key: str) -> tuple[Rule, ...]:
    """The rules of a group that may fire on ``tidy`` (widget key ``key``), in the order they are tried.

    :func:`candidates` first (word limits, first characters); then each alternative of a rule's
    pattern that can start with the text's first character is screened: one anchored at the start
    (every alternative of a whole-line rule) by its literal prefixes (``startswith``), any other by
    the strings every match of it holds (``in``), in the key for whole-line rules and in the lowered
    text for the others (:func:`_check_of`). A rule none of whose alternatives passes is sure not to
    fire and is left out; a text holding an :data:`ODD` character is not screened.

    Args:
        group (str): a key of :data:`~analysis.text.clean.rules.RULE_GROUPS`.
        n_words (int): the text's words (0: not counted).
        tidy (str): the tidied text.
        key (str): its widget key (casefolded, decorations trimmed).

    Returns:
        tuple[Rule, ...]: the rules to try.
    """
    cache_key = (group, n_words, key[:1], tidy[:1])
    found = _CHECKS.get(cache_key)
    if found is None:
        found = _CHECKS[cache_key] = _Checks(
            tuple(_check_of(r, key[:1] if r.whole else tidy[:1]) for r in candidates(*cache_key))
        )
    if not found.checks:
        return ()
    key_ok = plain(key)
    low = tidy.lower() if found.on_text else ""
    low_ok = plain(low)
    if key_ok and low_ok and _none_passes(found, key, low):
        return found.tried  # no screened rule can fire: the common case, one test for them all
    out = []
    for rule, how, heads, strings in found.checks:
        if how == _SCREEN:
            hay, ok = (key, key_ok) if rule.whole else (low, low_ok)
            if ok and not (heads and hay.startswith(heads)) and not _holds(hay, strings):
                continue
        out.append(rule)
    return tuple(out)


def _holds(hay: str, strings: tuple[str, ...]) -> bool:
    for s in strings:
        if s in hay:
            return True
    return False


def _none_passes(found: _Checks, key: str, low: str) -> bool:
    """Whether no screened rule of ``found`` passes its screen on the key and the lowered text."""
    if found.key_heads and key.startswith(found.key_heads):
        return False
    for s in found.key_needles:
        if s in key:
            return False
    if found.text_heads and low.startswith(found.text_heads):
        return False
    for s in found.text_needles:
        if s in low:
            return False
    return True


class _Checks:
    """The checks of a group's candidate rules for one first character, and their union."""

    __slots__ = ("checks", "tried", "on_text", "key_heads", "key_needles", "text_heads", "text_needles")

    def __init__(self, checks: tuple[_Check, ...]) -> None:
        screened = [c for c in checks if c[1] == _SCREEN]
        whole = [c for c in screened if c[0].whole]
        other = [c for c in screened if not c[0].whole]
        self.checks = checks
        self.tried = tuple(c[0] for c in checks if c[1] == _TRY)
        self.on_text = bool(other)
        self.key_heads = tuple(dict.fromkeys(h for c in whole for h in c[2]))
        self.key_needles = tuple(dict.fromkeys(n for c in whole for n in c[3]))
        self.text_heads = tuple(dict.fromkeys(h for c in other for h in c[2]))
        self.text_needles = tuple(dict.fromkeys(n for c in other for n in c[3]))
