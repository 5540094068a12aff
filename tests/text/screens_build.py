"""Build ``analysis/text/data/clean_screens.json``: what :mod:`analysis.text.clean.screen` needs to
know of each rule's pattern, read off its parse tree by the standard library's own regex parser.

The library may not import the regex engine's private modules (``re._parser``, ``re._constants``,
``re._casefix``: ``tests/test_imports.py``), so the screens are derived here, once, and shipped as
data; ``tests/text/test_clean_speed.py`` derives them again and fails when the file is stale (a rule
edited without ``.venv/bin/python tests/text/screens_build.py --write``, or another Python whose
engine folds case otherwise). For each rule, alternative by alternative of its pattern: the
characters a match can start with (a one-character pattern, or null: any), its literal prefixes
(when every match starts with one of them; lowercase), and strings one of which every match holds
(its needles; lowercase). Also the characters the engine folds otherwise than ``str.lower`` (the
long s, the dotless i, the combining dot of ``"İ".lower()`` …), in whose presence no literal test is
trusted.
"""

from __future__ import annotations

import functools
import json
import re
import re._casefix as sre_casefix
import re._parser as sre_parse
import sys
from pathlib import Path
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from analysis.text.clean import rules  # noqa: E402
from analysis.text.clean.screen import SCREENS_PATH  # noqa: E402

ODD_CHARS = "".join(
    sorted({chr(c) for k, v in sre_casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127} | {"\u0307"})
)
ODD = re.compile("[" + re.escape(ODD_CHARS) + "]")

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


def _first_text(seq: list) -> str | None:
    """The first class of one alternative as pattern text (None: any character, or it can be empty)."""
    try:
        pieces, empty = _first(seq)
    except _Unbounded:
        return None
    if empty or not pieces or any(p.startswith("[^") for p in pieces):
        return None  # a negated class lets nearly any character through: not worth a screen
    return "|".join(pieces)


def _branch(seq: list, *, starts: bool) -> dict:
    heads = [p for p, _ in _prefixes(seq)] if starts else []
    inner = _needles(seq)
    return {
        "first": _first_text(seq) if starts else None,
        "prefixes": list(_lowered(heads) or []) if heads and all(heads) and _lowered(heads) else None,
        "needles": list(_lowered(inner) or []) if inner and _lowered(inner) else None,
    }


def _screens_of(pattern: re.Pattern, *, whole: bool) -> dict:
    starts = whole or (not pattern.flags & re.MULTILINE and anchored(pattern))
    folds = bool(pattern.flags & re.IGNORECASE)
    return {
        "anchored": starts,
        "branches": [
            _branch(seq, starts=starts)
            if folds
            else {"first": _first_text(seq) if starts else None, "prefixes": None, "needles": None}
            for seq in _branches(pattern)
        ],
    }


def build() -> dict:
    """Every screen, as written to :data:`SCREENS_PATH`."""
    every = {r.id: r for group in rules.RULE_GROUPS.values() for r in group}
    return {
        "about": "built by tests/text/screens_build.py from analysis/text/clean/rules.py; do not edit",
        "odd": ODD_CHARS,
        "rules": {rid: _screens_of(r.combined, whole=r.whole) for rid, r in sorted(every.items())},
        "caption": _screens_of(rules.CAPTION_ANY, whole=False),
        "bylines": {rid: _screens_of(p, whole=False) for rid, _, p in rules.BYLINE_PATTERNS},
    }


def text() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    SCREENS_PATH.write_text(text(), encoding="utf-8")
    print(f"wrote {SCREENS_PATH}")
