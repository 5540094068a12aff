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

import re
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

from .rules import RULE_GROUPS, Rule

__all__ = ["anchored", "candidates", "first_class"]

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
        pieces, empty = _first(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except _Unbounded:
        return None
    if empty or not pieces:
        return None
    return re.compile("|".join(pieces), pattern.flags)


def anchored(pattern: re.Pattern) -> bool:
    """Whether every match of ``pattern`` begins at the start of the string (``^`` or ``\\A`` first)."""
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
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
