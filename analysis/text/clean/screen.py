"""Which rules of :mod:`analysis.text.clean` can fire on a text, judged cheaply before any is tried.

Each rule's pattern is known, alternative by alternative, from ``analysis/text/data/clean_screens.json``
(built from the rules by ``tests/text/screens_build.py`` with the standard library's own regex parser,
and checked to be current by ``tests/text/test_clean_speed.py``): the characters a match can start
with, its literal prefixes when every match starts with one, and strings one of which every match
holds (its needles). :func:`screen` keeps, for one text, the rules of a group whose pattern can match
it: a whole-line rule fullmatches the widget key, so its match starts with the key's first character
and one of its prefixes; a rule anchored with ``^`` starts with the tidied text; any other holds a
needle. A rule left out is sure not to fire; the rules themselves decide, in their order, as before,
so every removed segment names the rule it did. Literal tests are done on the casefolded key or the
lowered text, and not trusted on a text holding a character the engine folds otherwise than
``str.lower`` (:func:`plain`).
"""

from __future__ import annotations

import functools
import json
import re

from ...paths import TEXT_DATA
from .rules import BYLINE_PATTERNS, CAPTION_ANY, RULE_GROUPS, Rule

__all__ = [
    "SCREENS_PATH",
    "bylines_for",
    "candidates",
    "caption_needles",
    "checks_for",
    "may_contain",
    "nothing_passes",
    "plain",
    "screen",
]

#: The screens of every rule, built by ``tests/text/screens_build.py --write``.
SCREENS_PATH = TEXT_DATA / "clean_screens.json"


@functools.cache
def _screens() -> dict:
    return json.loads(SCREENS_PATH.read_text(encoding="utf-8"))


@functools.cache
def _odd() -> tuple[re.Pattern, str]:
    """The characters the engine folds otherwise, as a class, and those of them in Latin-1."""
    chars = _screens()["odd"]
    return re.compile("[" + re.escape(chars) + "]"), "".join(c for c in chars if c <= "\xff")


def plain(text: str) -> bool:
    """Whether ``text`` holds none of the characters the engine folds otherwise than ``str.lower``
    (so ``startswith``/``in`` on it find what the case-insensitive patterns find). Fast on Latin-1
    text, stored one byte a character."""
    if text.isascii():
        return True
    odd, latin1 = _odd()
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:  # (and a casefolded key may hold a character lower() still changes)
        return not odd.search(text) and text.lower() == text
    for c in latin1:
        if c in text:
            return False
    return True


@functools.cache
def _first(source: str, flags: int) -> re.Pattern:
    return re.compile(source, flags)


def _can_start(branch: dict, flags: int, ch: str) -> bool:
    return not ch or branch["first"] is None or _first(branch["first"], flags).fullmatch(ch) is not None


_CANDIDATES: dict[tuple[str, int], tuple[Rule, ...]] = {}


def candidates(group: str, n_words: int) -> tuple[Rule, ...]:
    """The rules of a group within their word limit for a text of ``n_words`` words (0: not counted)."""
    found = _CANDIDATES.get((group, n_words))
    if found is None:
        found = _CANDIDATES[(group, n_words)] = tuple(r for r in RULE_GROUPS[group] if n_words <= r.max_words)
    return found


_BYLINES: dict[str, tuple[re.Pattern, ...]] = {}


def bylines_for(ch: str) -> tuple[re.Pattern, ...]:
    """The byline patterns (each anchored at the start) a text starting with ``ch`` may match, in order."""
    found = _BYLINES.get(ch)
    if found is None:
        screens = _screens()["bylines"]
        found = _BYLINES[ch] = tuple(
            p
            for rid, _, p in BYLINE_PATTERNS
            if not screens[rid]["anchored"] or any(_can_start(b, p.flags, ch) for b in screens[rid]["branches"])
        )
    return found


@functools.cache
def caption_needles() -> tuple[str, ...] | None:
    """Strings one of which the lowered text holds wherever the photo-credit markers
    (:data:`~analysis.text.clean.rules.CAPTION_ANY`) match it (a :func:`plain` text); None when
    some alternative has none."""
    branches = _screens()["caption"]["branches"]
    if any(b["needles"] is None for b in branches):
        return None
    return tuple(dict.fromkeys(n for b in branches for n in b["needles"]))


def may_contain(pattern: re.Pattern, text: str) -> bool:
    """False proves that the photo-credit markers (``pattern``, :data:`CAPTION_ANY`) find nothing in
    ``text``: none of their needles is in the lowered text.

    Args:
        pattern (re.Pattern): :data:`~analysis.text.clean.rules.CAPTION_ANY` (the one pattern
            screened so outside the rule groups).
        text (str): the text it would be searched in.

    Returns:
        bool: True when the pattern may match.
    """
    found = caption_needles() if pattern is CAPTION_ANY else None
    if found is None:
        return True
    low = text.lower()
    if not plain(low):
        return True
    for needle in found:
        if needle in low:
            return True
    return False


# What :func:`screen` does with a candidate rule: try it, or first test the start of the key (or of
# the lowered text) against its prefixes and look for its needles.
_TRY, _SCREEN = 0, 1
_Check = tuple[Rule, int, tuple[str, ...], tuple[str, ...]]
_CHECKS: dict[tuple[str, int, str, str], _Checks] = {}
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
    literal prefixes, any other its needles; an alternative with neither means the rule is tried."""
    flags = rule.combined.flags
    if not flags & re.IGNORECASE:
        return rule, _TRY, (), ()
    screens = _screens()["rules"][rule.id]
    starts = screens["anchored"]
    pres: list[str] = []
    found: list[str] = []
    for branch in screens["branches"]:
        if starts and not _can_start(branch, flags, ch):
            continue
        if starts and branch["prefixes"] is not None:  # only those that start with ch (on a plain text)
            pres += [h for h in branch["prefixes"] if not ch or h[0] == ch.lower()]
            continue
        if branch["needles"] is None:
            return rule, _TRY, (), ()
        found += branch["needles"]
    return rule, _SCREEN, tuple(dict.fromkeys(pres)), tuple(dict.fromkeys(found))


def checks_for(group: str, n_words: int, tidy: str, key: str) -> _Checks:
    """The checks :func:`screen` makes for a text of ``n_words`` words (0: not counted), read off its
    first characters and those of its widget key: which rules are tried whatever the text
    (``tried``), and the prefixes and needles of the screened ones (see :func:`nothing_passes`)."""
    cache_key = (group, n_words, key[:1], tidy[:1])
    found = _CHECKS.get(cache_key)
    if found is None:
        found = _CHECKS[cache_key] = _Checks(
            tuple(_check_of(r, key[:1] if r.whole else tidy[:1]) for r in candidates(group, n_words))
        )
    return found


def nothing_passes(found: _Checks, key: str, low: str) -> bool:
    """True proves that :func:`screen` gives no rule: none is tried whatever the text, and no
    screened one passes its screen on the key and the lowered text (``low``, ``tidy.lower()``), both
    :func:`plain`. (False says nothing.)"""
    return not found.tried and _none_passes(found, key, low)


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
    found = checks_for(group, n_words, tidy, key)
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


@functools.cache
def widget_union() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    """Every prefix and needle the screens of the ``widget`` group (words not counted) test, whatever
    the text's first characters: ``(key_heads, key_needles, text_heads, text_needles)``, a superset
    of those of :func:`checks_for` for any text; None when some rule would be tried whatever the
    text for some first character (then no document-level screen is made)."""
    kh: dict[str, None] = {}
    kn: dict[str, None] = {}
    th: dict[str, None] = {}
    tn: dict[str, None] = {}
    for rule in candidates("widget", 0):
        if not rule.combined.flags & re.IGNORECASE:
            return None
        screens = _screens()["rules"][rule.id]
        for branch in screens["branches"]:
            if screens["anchored"] and branch["prefixes"] is not None:
                (kh if rule.whole else th).update(dict.fromkeys(branch["prefixes"]))
            elif branch["needles"] is None:
                return None
            else:
                (kn if rule.whole else tn).update(dict.fromkeys(branch["needles"]))
    return tuple(kh), tuple(kn), tuple(th), tuple(tn)


def byline_anchored(rule_id: str) -> bool:
    """Whether every match of a byline pattern starts at the start of the text (read off its screens)."""
    return bool(_screens()["bylines"][rule_id]["anchored"])
