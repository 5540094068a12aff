"""French temporal expressions (TIMEX3), normalised from a reference date, and dated events.

:func:`timexes` finds temporal expressions in raw French text in one pass of
one compiled regular expression built from the rule tables of
:mod:`analysis.timex_rules`, then normalises each match to ISO-TimeML: a
``type`` (DATE, TIME, DURATION, SET), a ``value`` (``2022-11-09``,
``2022-11``, ``2015``, ``P9M``, ``PRESENT_REF``, ``2022-W46``, ``2022-SU``,
``2022-11-20TMO`` …), a ``mod`` (START, MID, END, APPROX, LESS_THAN,
MORE_THAN …) and the interval it covers (``begin``, ``end_date``, as dates).
Every row keeps ``start``/``end`` into the raw text.

How expressions are resolved (column ``anchor``):

* ``absolute`` – the text gives the full date ("le 9 novembre 2022", "en 2015");
* ``publication date`` – relative to the reference date (``hier``, ``le mois
  dernier``, ``il y a deux semaines``, a month or a day without a year …);
* ``previous date`` – relative to the last day mentioned before it (a clock
  time "à 14 h" after "samedi 29 mai", "le lendemain");
* ``derived: reference − duration`` – a duration that dates something ("la
  guerre de neuf mois", "en huit mois de guerre", "depuis trois ans") gives the
  start of what it measures (``derived`` is True);
* ``unresolved: no reference date`` (or ``…: reference date known only to the
  month``) – the value keeps ``X`` for what is unknown (``XXXX-XX-XX``) and no
  interval is given.

Rules for dates without a year and for weekdays (news convention): the
clause's tense decides the direction. In a past-tense clause ("L'Iran a ouvert
en mai une usine", article of November 2022) a month or a day is the latest
one on or before the reference date (2022-05); in a future or conditional
clause ("sera fermée en juillet", "se réunira vendredi") the first one on or
after it; with no tense clue, a month or day-and-month is the nearest one, and
a bare weekday is the nearest one in the past (news reports what happened).
"dernier"/"prochain" in the expression override the tense.

Intervals: a day is one day; a month is the whole month (``2022-11`` →
2022-11-01 … 2022-11-30), a year the whole year, a week Monday to Sunday, a
season its astronomical bounds. ``mod`` START/MID/END keep the first, middle
or last third of the period ("début novembre" → 1–10 November).

"aujourd'hui" set off by commas or opening a sentence is the present in general
(``PRESENT_REF``); attached to a verb ("se rend aujourd'hui à Toulouse") it is
the day itself. Vague references (``PRESENT_REF`` …) have type TIME, as in the
French TimeBank.

It does not invent: numbers ("4 500"), names ("Ababil-2", "Mai Thi"), "sa",
"une", ages ("une fillette de 6 ans") and years followed by a noun ("2015
personnes") are not dates.

:func:`events` ties each dated expression of an article to what it dates.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Any, Callable

try:  # CPython's own regex parser (private), used only to build prefix gates (see _prefix_gate)
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:  # a Python without it: no gates, the same matches, slower
    _sre = _sre_parser = None

import numpy as np
import pandas as pd

from . import rules as R
from ..reading.article import Article, MetadataError

__all__ = ["ReferenceDateError", "TIMEX_COLUMNS", "EVENT_COLUMNS", "events", "interval", "parse_reference_date",
           "tag", "timexes"]

TIMEX_COLUMNS = ["doc_id", "sent", "start", "end", "text", "type", "value", "mod", "begin", "end_date",
                 "anchor", "derived", "tense", "rule"]
EVENT_COLUMNS = ["doc_id", "event", "sent", "start", "end", "sent_text", "timex", "timex_start", "timex_end",
                 "type", "value", "mod", "begin", "end_date", "derived", "status", "label", "actors", "mentions"]

ABSOLUTE = "absolute"
PUBLICATION = "publication date"
PREVIOUS = "previous date"
DERIVED = "derived: reference − duration"
EXPECTED_SPAN = "derived: reference + duration (expected)"
UNRESOLVED = "unresolved: no reference date"
OUTSIDE_CALENDAR = f"unresolved: outside the calendar (years {dt.MINYEAR} to {dt.MAXYEAR})"
NOT_ANCHORED = "not anchored (duration or set)"


class ReferenceDateError(MetadataError):
    """A reference date that is not ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``)."""


# --------------------------------------------------------------------------
# The regex, built from the rule tables
# --------------------------------------------------------------------------

_APOS = "['’]"


def _alt(words) -> str:
    """Alternation of literal phrases, longest first; ' matches both apostrophes, spaces any space."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        parts = []
        for ch in w:
            if ch in "'’":
                parts.append(_APOS)
            elif ch == " ":
                parts.append(r"\s+")
            else:
                parts.append(re.escape(ch))
        out.append("".join(parts))
    return "(?:" + "|".join(out) + ")"


def _blocks() -> dict[str, str]:
    tens = "(?:vingt|trente|quarante|cinquante|soixante)"
    singles = _alt([w for w, v in R.NUMBER_WORDS.items() if v < 20 or v >= 100])
    numw = (rf"(?:{tens}(?:-et-(?:un|une|onze)|\s+et\s+(?:un|une)|-(?:dix-sept|dix-huit|dix-neuf|{singles}))?"
            rf"|dix-sept|dix-huit|dix-neuf|{singles})(?![\w-])")
    units = _alt(R.UNITS)
    b = {
        "B": r"(?<![\w\-./])",
        "E": r"(?![\w])",
        "A": _APOS,
        "S": r"\s+",
        "MONTH": _alt(R.MONTHS) + r"(?![\w])",
        "MONTHANY": "(?:" + _alt(R.MONTHS) + r"(?![\w])|" + _alt(R.MONTH_ABBREVIATIONS) + ")",
        "WEEKDAY": _alt(R.WEEKDAYS),
        "DAYNUM": r"(?:1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])(?![\d,.]\d)",
        "YEAR4": r"(?:1[0-9]|20)\d\d(?![\d])",
        "NUMW": numw,
        "UNIT": units + r"(?![\w-])",
        "SEASON": _alt(R.SEASONS) + r"(?![\w])",
        "DAYPART": _alt(R.DAY_PARTS) + r"(?![\w-])",
        "RELDAY": _alt(R.RELATIVE_DAYS) + r"(?![\w-])",
        "SHIFT": _alt([k for k in R.SHIFT_WORDS if k != "-ci"]) + r"(?![\w])",
        "MODW": _alt(R.MODIFIERS),
        "VAGUEQ": _alt(R.VAGUE_QUANTITIES),
        "ROUND": _alt(R.ROUND_QUANTITIES),
        "RELUNIT": "(?:" + _alt(["semaine", "mois", "année", "an", "week-end", "trimestre", "semestre", "siècle",
                                  "décennie", "saison"]) + "|" + _alt(R.SEASONS) + r")(?![\w])",
        "PART": r"(?:(?:début|fin|milieu|courant|commencement)(?:\s+(?:du|des|de)(?=\s)|\s*d['’])?\s*|mi-|mi\s+)",
    }
    b["QTY"] = (rf"(?:\d{{1,3}}(?:[\u0020\u00a0\u202f]\d{{3}}){{1,{R.MAX_THOUSANDS_GROUPS}}}(?!\d)"
                r"|\d+(?:[,.]\d+)?|<NUMW>|<VAGUEQ>"
                r"|une?<S><ROUND><S>d(?:e<S>|<A>))")
    return b


#: The rules, in priority order: (name, pattern). ``<NAME>`` are building blocks.
RULES: tuple[tuple[str, str], ...] = (
    ("numeric_date", r"<B>(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\d/.]\d)"),
    ("holiday", r"<B>(?:(?:cette<S>fête<S>de<S>)?" + _alt(R.HOLIDAYS) + r")(?:<S><YEAR4>)?<E>"),
    ("full_date", r"<B>(?:(?:le|Le|LE)<S>)?(?:<WEEKDAY><S>)?<DAYNUM><S>(?:de<S>)?<MONTHANY>"
                  r"(?:<S>(?:<YEAR4>|'?\d\d(?![\d\w])))?(?:<S>(?:dernier|derniers|prochain|prochains)<E>)?"
                  r"(?:<S>(?:au<S>)?<DAYPART>)?"),
    ("list_date", r"<B>(?:(?:les|Les|le|Le)<S>)?(?:<WEEKDAY><S>)?<DAYNUM>(?=(?:\s*(?:,|et|au|à|-|ou)\s*"
                  r"(?:le<S>)?(?:<WEEKDAY><S>)?<DAYNUM>){1,%d}<S>(?:de<S>)?<MONTHANY>)" % (R.MAX_LIST_DAYS - 1)),
    ("month_year", r"<B><PART>?(?:(?:le<S>)?mois<S>(?:de<S>|d<A>))?<MONTH><S>(?:de<S>l<A>année<S>)?"
                   r"(?:<YEAR4>|'?\d\d(?![\d\w]|\s*h\b|\s*%|\s*[€$]))"),
    ("decade", r"<B><PART>?(?:les<S>|des<S>)?années<S>(?:<YEAR4>|[1-9]0(?!\d))"),
    ("century", r"<B><PART>?(?:le<S>)?(?:[IVXLivxl]+|\d{1,2})(?:e|è|ème|eme|ᵉ)<S>siècle<E>"),
    ("year_noun", r"<B><PART>?(?:l<A>année|l<A>an|année|an)<S><YEAR4>"),
    ("month", r"<B><PART>?(?:(?:le<S>)?mois<S>(?:de<S>|d<A>))?<MONTH>"
              r"(?:<S>(?:dernier|derniers|prochain|prochains|passé)<E>)?"),
    ("year", r"<B><PART>?<YEAR4>"),
    ("relative_day", r"<B><RELDAY>(?:<S><WEEKDAY><E>)?(?:<S>(?:en<S>)?(?:(?:début|fin|milieu)<S>?d<A>)?<DAYPART>)?"),
    ("this_daypart", r"<B>(?:(?:ce|cet|cette|Ce|Cet|Cette)<S>(?:même<S>)?(?:<WEEKDAY><S>)?<DAYPART>(?:-(?:ci|là))?"
                     r"|la<S>nuit<S>dernière<E>|la<S>(?:soirée|matinée|nuit)(?![\w-])"
                     r"|(?:(?<=en\s)|(?<=dans\s))(?:soirée|matinée)<E>"
                     r"|(?:<PART>)d<A>après-midi<E>)"),
    ("anaphoric_day", r"<B>(?:(?:le<S>)?(?:lendemain|surlendemain)(?:<S><DAYPART>)?|(?:la<S>)?(?:avant-)?veille"
                      r"(?:<S>au<S><DAYPART>)?|le<S>même<S>jour|(?:le|la)<S>(?:matin|soir|soirée|nuit|matinée)<S>même)<E>"),
    ("weekday", r"<B>(?:(?:le|Le|ce|Ce)<S>)?(?:même<S>)?<WEEKDAY><E>(?:<S>(?:dernier|prochain|passé|précédent|suivant)<E>)?"
                r"(?:<S><DAYPART>)?(?:<S>(?:dernier|prochain)<E>)?"),
    ("ago", r"<B>(?:il<S>y<S>a|voilà|voici)<S><QTY><S><UNIT>(?:<S>et<S>demie?)?"),
    ("in", r"<B>(?:dans|d<A>ici)<S><QTY><S><UNIT>(?:<S>et<S>demie?)?"),
    ("relative_unit", r"<B><PART>?(?:(?:l<A>|la<S>|le<S>|cette<S>|ce<S>|cet<S>|Cette<S>|Ce<S>|Cet<S>)"
                      r"(?:même<S>)?)?<RELUNIT>(?:-ci|-là|<S><SHIFT>|<S>(?:<YEAR4>))?"),
    ("season", r"<B>(?:(?:(?:les<S>)?mois<S>d<A>|(?<=en\s)|(?<=au\s))<SEASON>"
               r"|(?:l<A>|cet<S>|ce<S>)<SEASON>)(?:<S>(?:<YEAR4>|dernier|prochain|passé)<E>)?"),
    ("set", r"<B>(?:(?:chaque|tous<S>les|toutes<S>les|Chaque|Tous<S>les|Toutes<S>les)<S>(?:<QTY><S>)?"
            r"(?:<UNIT>|<WEEKDAY>s?<E>|" + _alt(R.DAY_PARTS) + r"s?<E>|<SEASON>|<MONTH>)"
            r"|(?:<QTY><S>fois<S>)?par<S>" + _alt(R.PER_UNITS) + r"<E>|" + _alt(R.SET_ADJECTIVES) + r"<E>)"),
    ("duration", r"<B>(?:<MODW><S>)?(?:(?:les|ces|des|Les|Ces)<S>(?:(?:derniers|dernières|prochains|prochaines)<S>)?)?"
                 r"(?:une?<S>demi-(?:heure|journée|siècle)<E>|<QTY><S>(?:(?:derniers|dernières|prochains|prochaines"
                 r"|petites?|longues?|bonnes?)<S>)?<UNIT>(?:<S>et<S>demie?<E>)?)"),
    ("duration_noun", r"<B>(?:le<S>|un<S>|ce<S>|son<S>)?" + _alt(R.DURATION_NOUNS) + r"<E>"),
    ("time", r"<B>(?:(?:vers|environ|aux<S>alentours<S>de|autour<S>de|Vers)<S>)?(?:[01]?\d|2[0-4])<S>?(?:h|H)"
             r"(?:<S>?[0-5]\d)?(?![\w])(?:<S>(?:du<S>matin|du<S>soir|de<S>l<A>après-midi)<E>)?"
             r"|<B>(?:(?:vers|Vers)<S>)?(?:[01]?\d|2[0-3]):[0-5]\d(?![\d])"
             r"|<B>(?:(?:vers|Vers)<S>)?(?:[01]?\d|2[0-4])<S>heures(?:<S>[0-5]\d)?<E>"
             r"|(?:(?<=à\s)|(?<=vers\s))(?:midi|minuit)<E>"),
    ("vague", r"<B>" + _alt(R.VAGUE_REFERENCES) + r"<E>"),
)


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    pattern = pattern.replace("<S>?", r"\s*")
    for _ in range(3):
        pattern = re.sub(r"<([A-Z0-9]+)>", lambda m: blocks.get(m.group(1), m.group(0)), pattern)
    return pattern


def _trie_regex(words: list[str]) -> str:
    """A regex matching exactly ``words``, with common prefixes factored (a trie): fast to try."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body
    return "(?:" + walk(trie) + ")"


def _first_words() -> list[str]:
    """Every word that can begin an expression, from the rule tables (lowercase, first piece of each phrase)."""
    tables = (R.MONTHS, R.MONTH_ABBREVIATIONS, R.WEEKDAYS, R.NUMBER_WORDS, R.VAGUE_QUANTITIES, R.UNITS,
              R.DURATION_NOUNS, R.SEASONS, R.DAY_PARTS, R.RELATIVE_DAYS, R.ANAPHORIC_DAYS, R.MODIFIERS,
              R.VAGUE_REFERENCES, R.SET_ADJECTIVES, R.HOLIDAYS, R.PARTS, R.RULE_STARTERS, R.ROUND_QUANTITIES)
    words = {re.split(r"[\s'’.\-]", w.lower())[0] for table in tables for w in table}
    return sorted(w for w in words if w)


#: Length of the prefixes (in characters) checked before trying any rule, and
#: before trying each rule (see :func:`_prefix_gate`): longer is more selective,
#: slower to compile.
_PREFIX_LEN = 8
_RULE_PREFIX_LEN = 3
_PREFIX_BUDGET = 20000
_CATEGORY_ATOMS = {} if _sre is None else {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}


class _TooManyPrefixes(Exception):
    pass


def _prefixes(items: Any, k: int) -> set[tuple[str, ...]]:
    """Every string a parsed regex (``re._parser`` items) can match, cut to ``k``
    characters, as tuples of one-character regex atoms (``"d"``, ``"[0-9]"``, ``"\\s"``).

    A tuple shorter than ``k`` is a whole match. Zero-width assertions
    (lookarounds, ``\\b``) are taken as always true, so the set can only be
    larger than the truth: a text that no tuple matches cannot match the regex.

    Raises:
        _TooManyPrefixes: More than ``_PREFIX_BUDGET`` prefixes.
        ValueError: A construct this analysis does not know.
    """
    out: set[tuple[str, ...]] = {()}
    for op, av in items:
        out = _concat(out, _node_prefixes(op, av, k), k)
    return out


def _concat(left: set[tuple[str, ...]], right: set[tuple[str, ...]], k: int) -> set[tuple[str, ...]]:
    out = {p for p in left if len(p) >= k}
    for p in left:
        if len(p) < k:
            out.update((p + q)[:k] for q in right)
    if len(out) > _PREFIX_BUDGET:
        raise _TooManyPrefixes
    return out


def _node_prefixes(op: Any, av: Any, k: int) -> set[tuple[str, ...]]:
    if op is _sre.LITERAL:
        return {(re.escape(chr(av)),)}
    if op is _sre.NOT_LITERAL:
        return {("[^" + re.escape(chr(av)) + "]",)}
    if op is _sre.ANY:
        return {(r"[\s\S]",)}
    if op is _sre.IN:
        parts = []
        for item, value in av:
            if item is _sre.NEGATE:
                parts.insert(0, "^")
            elif item is _sre.LITERAL:
                parts.append(re.escape(chr(value)))
            elif item is _sre.RANGE:
                parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
            elif item is _sre.CATEGORY and value in _CATEGORY_ATOMS:
                parts.append(_CATEGORY_ATOMS[value])
            else:
                raise ValueError(f"unsupported set item {item}")
        return {("[" + "".join(parts) + "]",)}
    if op is _sre.BRANCH:
        out: set[tuple[str, ...]] = set()
        for branch in av[1]:
            out |= _prefixes(branch, k)
        return out
    if op is _sre.SUBPATTERN:
        if av[1] or av[2]:
            raise ValueError("inline flags")
        return _prefixes(av[3], k)
    if op is _sre.ATOMIC_GROUP:
        return _prefixes(av, k)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        one = _prefixes(sub, k)
        # Beyond max(lo, k) + 1 repetitions, cut prefixes are all already there.
        last = max(lo, k) + 1 if hi == _sre.MAXREPEAT else min(hi, max(lo, k) + 1)
        cur: set[tuple[str, ...]] = {()}
        out = set()
        for r in range(last + 1):
            if r >= lo:
                out |= cur
            cur = _concat(cur, one, k)
        return out
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return {()}
    raise ValueError(f"unsupported regex construct {op}")


def _prefix_gate(patterns: list[str], flags: int, length: int) -> str:
    """A lookahead that every match of every pattern satisfies: the union of their
    first ``length`` characters (fewer if the budget is exceeded), as a trie.

    Placed before a rule, it rejects most positions after one or two
    character tests instead of walking the rule's optional groups; it never
    rejects a position where the rule matches, so matches are unchanged.
    An empty string when the patterns cannot be analysed.
    """
    if _sre_parser is None:
        return ""
    found: set[tuple[str, ...]] = set()
    for pattern in patterns:
        try:
            parsed = _sre_parser.parse(pattern, flags)
        except Exception:  # a private module whose interface changed: no gate rather than no timeline
            return ""
        for k in range(length, 0, -1):
            try:
                found |= _prefixes(parsed, k)
                break
            except _TooManyPrefixes:
                continue
            except ValueError:
                return ""
        else:
            return ""
    if () in found:
        return ""  # a pattern can match the empty string: nothing to check
    # A prefix that extends a shorter one adds nothing to a lookahead.
    kept: set[tuple[str, ...]] = set()
    for t in sorted(found, key=len):
        if not any(t[:i] in kept for i in range(1, len(t))):
            kept.add(t)
    trie: dict = {}
    for t in kept:
        node = trie
        for atom in t:
            node = node.setdefault(atom, {})

    def walk(node: dict) -> str:
        branches = [atom + walk(child) for atom, child in sorted(node.items())]
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?=" + walk(trie) + ")"


@functools.lru_cache(maxsize=2)
def _singles(ignore_case: bool = False) -> tuple[re.Pattern[str], ...]:
    """Each rule on its own, compiled (cached)."""
    blocks = _blocks()
    return tuple(re.compile(_expand(p, blocks), re.IGNORECASE if ignore_case else 0) for _, p in RULES)


@functools.lru_cache(maxsize=4)
def _master(ignore_case: bool = False, prefilter: bool = True) -> re.Pattern[str]:
    """The master regex: one named group per rule, in priority order (cached).

    ``prefilter`` puts before all rules, and before each rule, a lookahead on
    the first characters it can match (:func:`_prefix_gate`): about 3× faster
    scanning, same matches (``prefilter=False`` is the reference, for tests).
    """
    blocks = _blocks()
    flags = re.IGNORECASE if ignore_case else 0
    gate = r"(?=\d|[ivxl]+(?:e|è|ème|eme|ᵉ)\s|" + _trie_regex(_first_words()) + r"(?!\w))"
    # Every rule starts at a word start: the boundary is checked once for all
    # rules (most positions, inside words, fail there at once).
    assert all(p.startswith("<B>") for _, p in RULES)
    inner = [_expand(p[len("<B>"):], blocks) for _, p in RULES]
    gates = [_prefix_gate([s], flags, _RULE_PREFIX_LEN) if prefilter else "" for s in inner]
    if prefilter:
        gate += _prefix_gate(inner, flags, _PREFIX_LEN)
    alternatives = "|".join(f"(?P<r{i}>{g}{s})" for i, (g, s) in enumerate(zip(gates, inner)))
    return re.compile(blocks["B"] + gate + r"(?:" + alternatives + ")", flags)


def _compiled(ignore_case: bool = False) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """The master regex (one named group per rule) and each rule on its own (both cached).

    By default the patterns are case-sensitive and run over the lowercased
    text (much faster than ``re.IGNORECASE``); ``ignore_case=True`` gives the
    variant for the rare texts whose lowercase changes length.
    """
    return _master(ignore_case), _singles(ignore_case)


# --------------------------------------------------------------------------
# Reference date
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Ref:
    date: dt.date | None
    precision: str  # day, month, year, none


def parse_reference_date(value: Any) -> tuple[dt.date | None, str]:
    """Read a reference date.

    Args:
        value: None, a ``datetime.date``/``datetime``, or a string ``YYYY-MM-DD``,
            ``YYYY-MM`` or ``YYYY``.

    Returns:
        tuple[datetime.date | None, str]: The date (first day of the period)
        and its precision (``day``, ``month``, ``year``, or ``none``).

    Raises:
        ReferenceDateError: A string or object that is not such a date.
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None, "none"
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, pd.Timestamp):
        return value.date(), "day"
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
            try:
                return dt.date(y, mo, d), ("day" if m.group(3) else "month" if m.group(2) else "year")
            except ValueError:
                pass
    raise ReferenceDateError(f"malformed reference date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")


# --------------------------------------------------------------------------
# Small date helpers
# --------------------------------------------------------------------------

class _OutOfCalendar(Exception):
    """A date an expression resolves to lies outside years 1 to 9999 (what ``datetime.date`` holds)."""


def _check_year(y: int) -> int:
    """``y`` when it is a year of the calendar, else :class:`_OutOfCalendar`."""
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise _OutOfCalendar(y)
    return y


def _shift(d: dt.date, days: float) -> dt.date:
    """``d`` plus ``days`` days (:class:`_OutOfCalendar` past either end of the calendar)."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        raise _OutOfCalendar(d, days) from None


def _from_day_number(n: int) -> dt.date:
    """The date of a proleptic Gregorian day number (:class:`_OutOfCalendar` outside the calendar)."""
    if not dt.date.min.toordinal() <= n <= dt.date.max.toordinal():
        raise _OutOfCalendar(n)
    return dt.date.fromordinal(n)


_DAYS_BEFORE_MONTH = tuple(itertools.accumulate((0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30)))


def _is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _month_length(y: int, m: int) -> int:
    return 29 if m == 2 and _is_leap(y) else (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]


def _day_number(y: int, m: int, d: int) -> int:
    """``date(y, m, d).toordinal()`` for any year, also outside 1 to 9999 (proleptic Gregorian), so that
    candidate dates past either end of the calendar can still be compared with the reference date."""
    y0 = y - 1
    return y0 * 365 + y0 // 4 - y0 // 100 + y0 // 400 + _DAYS_BEFORE_MONTH[m - 1] + (m > 2 and _is_leap(y)) + d


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_duration(d: dt.date, unit: str, n: float, sign: int) -> dt.date:
    """Add ``sign * n`` units (ISO designator, date units) to a date (:class:`_OutOfCalendar` past its ends)."""
    if unit == "D":
        return _shift(d, sign * n)
    if unit == "W":
        return _shift(d, 7 * sign * n)
    months = {"M": 1, "Y": 12}[unit] * n
    whole = int(round(months))
    y, m = _add_months(d.year, d.month, sign * whole)
    return dt.date(_check_year(y), m, min(d.day, calendar.monthrange(y, m)[1]))


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    return dt.date(year, *_easter_month_day(year))


def _easter_month_day(year: int) -> tuple[int, int]:
    """Month and day of Gregorian Easter Sunday in any year (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return month, day


def interval(value: str, mod: str = "") -> tuple[dt.date | None, dt.date | None]:
    """The interval of days a TIMEX3 date value covers.

    Args:
        value: A TIMEX3 value (``2022-11-09``, ``2022-11``, ``2022``, ``199X``,
            ``19``, ``2022-W46``, ``2022-W46-WE``, ``2022-SU``, ``…TMO``).
        mod: START, MID or END narrow the interval to a third of it.

    Returns:
        tuple: First and last day, or ``(None, None)`` when the value is not a
        resolved date (durations, ``PRESENT_REF``, values with ``X``…) or its
        interval is not inside the calendar (years 1 to 9999).
    """
    try:
        return _interval(value, mod)
    except _OutOfCalendar:
        return None, None


def _interval(value: str, mod: str = "") -> tuple[dt.date | None, dt.date | None]:
    """:func:`interval`, with :class:`_OutOfCalendar` for a date value whose interval leaves the calendar
    ("9999-WI" ends in 10000)."""
    value = value.split("T")[0] if re.match(r"^\d{4}-\d\d-\d\dT", value) else value
    begin = end = None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
            begin = end = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            begin, end = dt.date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
        elif m := re.fullmatch(r"(\d{4})", value):
            begin, end = dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        elif m := re.fullmatch(r"(\d{3})X", value):
            begin, end = dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        elif m := re.fullmatch(r"(\d\d)", value):
            begin, end = dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
        elif m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            begin, end = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if m[3] else \
                (monday, monday + dt.timedelta(days=6))
        elif m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            (m1, d1), (m2, d2) = R.SEASON_BOUNDS[m[2]]
            y = int(m[1])
            begin, end = dt.date(y, m1, d1), dt.date(y + (1 if m2 < m1 else 0), m2, d2)
        elif m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            q = int(m[2])
            begin, end = dt.date(int(m[1]), 3 * q - 2, 1), _month_end(int(m[1]), 3 * q)
        elif m := re.fullmatch(r"(\d{4})-H([12])", value):
            h = int(m[2])
            begin, end = dt.date(int(m[1]), 6 * h - 5, 1), _month_end(int(m[1]), 6 * h)
    except (ValueError, OverflowError):
        raise _OutOfCalendar(value) from None
    if begin is not None and mod in R.PART_FRACTIONS and end > begin:
        lo, hi = R.PART_FRACTIONS[mod]
        days = (end - begin).days + 1
        b2 = _shift(begin, int(round(days * lo)))
        e2 = _shift(begin, max(int(round(days * hi)) - 1, 0))
        begin, end = b2, max(e2, b2)
    return begin, end


# --------------------------------------------------------------------------
# Tense of the clause around an expression
# --------------------------------------------------------------------------

_WORD_RE = re.compile(r"[\w’'-]+", re.UNICODE)
_WORD_SPLIT = re.compile(r"([\w’'-]+)", re.UNICODE)
_FUT_SUFFIX = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{2,}(?:eront|erons|erez|erai|era|iront|ira|dront|dra|tront|tra)$")
_COND_SUFFIX = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{2,}(?:erait|eraient|irait|iraient|drait|draient|rrait|rraient)$")
_IMPF_SUFFIX = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{3,}(?:ait|aient)$")
_PARTICIPLE = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{1,}(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|ert|erte|int|ainte|eint)$")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_NOT_IMPF = frozenset({"fait", "trait", "souhait", "parfait", "portrait", "retrait", "extrait", "attrait", "lait"})


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence-like span around ``[start, end)`` (at most 300 characters each side)."""
    lo = max(0, start - 300)
    left = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(left)), default=0)
    a = lo + cut
    m = _CLAUSE_END.search(text, end, min(len(text), end + 300))
    b = m.start() if m else min(len(text), end + 300)
    return a, b


_SUBCLAUSE_CUT = re.compile(r"[,()«»:\"“”]|\b(?:alors\s+que|tandis\s+que|mais|lorsque|lorsqu['’]|quand|puisque|"
                            r"car|avant\s+de|après)\b", re.I)


def _tense(text: str, start: int, end: int, words: "_Words | None" = None) -> str | None:
    """The tense nearest the expression: in its sub-clause (between commas and
    conjunctions) if it has a marker, else in its sentence-like clause.

    Args:
        text: The text.
        start: Start of the expression.
        end: End of the expression.
        words: The words of ``text`` (:class:`_Words`), to reuse across calls.

    Returns:
        str | None: 'past', 'future', 'conditional' or None.
    """
    a, b = _clause(text, start, end)
    sa = max((m.end() for m in _SUBCLAUSE_CUT.finditer(text, a, start)), default=a)
    m = _SUBCLAUSE_CUT.search(text, end, b)
    sb = m.start() if m else b
    if words is None:
        words = _Words(text)
    return _tense_in(words, start, end, sa, sb) or _tense_in(words, start, end, a, b)


# Word classes for tense markers (see _word_class).
_CONDITIONAL, _FUTURE, _PAST_AUX, _PAST = 1, 2, 3, 4


@functools.lru_cache(maxsize=1 << 16)
def _word_class(raw: str) -> tuple[int, bool, bool]:
    """Tense class of one word, before looking at its neighbours (cached per word).

    Returns:
        tuple: (class: 0, _CONDITIONAL, _FUTURE, _PAST_AUX or _PAST; the word
        is a participle; the word starts with "aur"/"ser").
    """
    w = raw.lower()
    if w in R.CONDITIONAL_WORDS or (_COND_SUFFIX.match(w) and w not in R.NOT_FUTURE):
        kind = _CONDITIONAL
    elif w in R.FUTURE_WORDS or (_FUT_SUFFIX.match(w) and w not in R.NOT_FUTURE):
        kind = _FUTURE
    elif w in R.PAST_AUXILIARIES:
        kind = _PAST_AUX
    elif w in R.PAST_WORDS or (_IMPF_SUFFIX.match(w) and w not in _NOT_IMPF and not w.endswith("rait")):
        kind = _PAST
    else:
        kind = 0
    return kind, _PARTICIPLE.match(w) is not None, w.startswith(("aur", "ser"))


class _Words:
    """The words of a text (``_WORD_RE``), found once; :meth:`between` gives
    exactly the words ``_WORD_RE`` finds in ``text[a:b]`` (edge words clipped)."""

    __slots__ = ("text", "starts", "ends", "raws")

    def __init__(self, text: str) -> None:
        self.text = text
        # text = gap, word, gap, word, …, gap: offsets are running sums of the lengths.
        parts = _WORD_SPLIT.split(text)
        offsets = list(itertools.accumulate(map(len, parts), initial=0))
        self.starts: list[int] = offsets[1:-1:2]
        self.ends: list[int] = offsets[2::2]
        self.raws: list[str] = parts[1::2]

    def between(self, a: int, b: int) -> list[tuple[int, str]]:
        """``(start, word)`` of the words of ``text[a:b]``, start in ``text``."""
        i0 = bisect.bisect_right(self.ends, a)
        i1 = bisect.bisect_left(self.starts, b)
        if i0 >= i1 or a >= b:
            return []
        out = list(zip(self.starts[i0:i1], self.raws[i0:i1]))
        s, e = self.starts[i0], self.ends[i0]
        if s < a or e > b:
            out[0] = (max(s, a), self.text[max(s, a):min(e, b)])
        if i1 - 1 > i0:
            s, e = self.starts[i1 - 1], self.ends[i1 - 1]
            if e > b:
                out[-1] = (s, self.text[s:b])
        return out


def _tense_in(words: _Words, start: int, end: int, a: int, b: int) -> str | None:
    best: tuple[int, str] | None = None
    found = words.between(a, b)
    classes = [_word_class(w) for _, w in found]
    n = len(found)
    for i, (pos, _) in enumerate(found):
        if start <= pos < end:
            continue
        cls, _, aur_ser = classes[i]
        if not cls:
            continue
        if cls == _CONDITIONAL:
            kind = "conditional"
            if aur_ser and i + 1 < n and classes[i + 1][1]:
                kind = "past"
        elif cls == _FUTURE:
            kind = "future"
        elif cls == _PAST_AUX:
            if not any(c[1] for c in classes[i + 1:i + 4]):
                continue
            kind = "past"
        else:
            kind = "past"
        dist = start - pos if pos < start else pos - end
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

@dataclass
class _Ctx:
    text: str
    ref: _Ref
    prev: dt.date | None = None  # last day mentioned (for times, "le lendemain")
    tense_cache: dict[int, str | None] = field(default_factory=dict)
    _words: _Words | None = None

    def tense(self, start: int, end: int) -> str | None:
        if start not in self.tense_cache:
            if self._words is None:
                self._words = _Words(self.text)
            self.tense_cache[start] = _tense(self.text, start, end, self._words)
        return self.tense_cache[start]


@functools.lru_cache(maxsize=1)
def _vocab() -> dict[str, re.Pattern[str]]:
    """Compiled patterns of the normalisers, built once from the rule tables."""
    def words(table, left=r"(?<![\w-])", right=r"(?![\w-])"):
        return re.compile(left + _alt(table) + right, re.I)
    mods = "|".join(sorted((re.escape(w).replace("\\ ", r"\s+") for w in R.MODIFIERS), key=len, reverse=True))
    return {
        "modifier": re.compile(rf"({mods})\s+", re.I),
        "part": re.compile(r"(début|fin|milieu|courant|commencement|mi)(?:-|\s*(?:du|des|de\s+l['’]|de|d['’])?\s*)",
                           re.I),
        "abbr": re.compile(r"(?<!\w)" + _alt(R.MONTH_ABBREVIATIONS), re.I),
        "month": words(R.MONTHS, r"(?<!\w)", r"(?!\w)"),
        "weekday": words(R.WEEKDAYS, r"(?<!\w)", r""),
        "daypart": words(R.DAY_PARTS),
        "shift": words([k for k in R.SHIFT_WORDS if k != "-ci"], r"(?<![\w-])", r"(?![\w])"),
        "round": re.compile(_alt(R.ROUND_QUANTITIES), re.I),
    }


def _num(s: str) -> float | None:
    """A quantity: digits, number words (compounds summed), or None for a vague quantity ('X')."""
    s = s.strip().lower().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:[,.]\d+)?", s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d+", s):
        return float(s)
    total = 0
    for part in re.split(r"-et-|-|et", s):
        if part in R.NUMBER_WORDS:
            v = R.NUMBER_WORDS[part]
            total = total * v if v >= 100 and total else total + v
        elif part:
            return None
    return float(total) if total else None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _mod_of(s: str) -> tuple[str, str]:
    """Split a leading modifier ("plus de", "vers", "début", "mi-") off an expression."""
    low = s.lower()
    v = _vocab()
    m = v["modifier"].match(low)
    if m:
        word = re.sub(r"\s+", " ", m.group(1))
        return R.MODIFIERS[word], s[m.end():]
    m = v["part"].match(low)
    if m and m.end() < len(s):
        return R.PARTS.get(m.group(1), ""), s[m.end():]
    return "", s


def _month_of(s: str) -> int | None:
    v = _vocab()
    m = v["abbr"].search(s)
    if m:
        return R.MONTH_ABBREVIATIONS[m.group(0).lower()]
    m = v["month"].search(s)
    return R.MONTHS[m.group(0).lower()] if m else None


def _weekday_of(s: str) -> int | None:
    m = _vocab()["weekday"].search(s)
    return R.WEEKDAYS[m.group(0).lower()] if m else None


def _daypart_of(s: str) -> str | None:
    m = _vocab()["daypart"].search(s)
    return R.DAY_PARTS[m.group(0).lower()] if m else None


def _shift_of(s: str) -> int | None:
    low = s.lower()
    if low.endswith("-ci"):
        return 0
    m = _vocab()["shift"].search(low)
    return R.SHIFT_WORDS[re.sub(r"\s+", " ", m.group(0))] if m else None


def _year_of(s: str, *, after_month: bool = False) -> int | None:
    m = re.search(r"(?<!\d)((?:1[0-9]|20)\d\d)(?!\d)", s)
    if m:
        return int(m.group(1))
    if after_month:
        m = re.search(r"'?(\d\d)\s*$", s)
        if m:
            yy = int(m.group(1))
            return 1900 + yy if yy >= 30 else 2000 + yy
    return None


#: Prepositions that place a date relative to something else than the clause's
#: verb (a deadline or a starting point): no tense inference after them.
_NEUTRAL_BEFORE = re.compile(r"(?:jusqu['’]\s*(?:au|à|en)|d['’]ici(?:\s+(?:au|à|le))?|à\s+partir\s+du|avant\s+le|"
                             r"dès\s+le|à\s+compter\s+du)\s+$", re.I)


def _direction(ctx: _Ctx, start: int, end: int, explicit: int | None) -> str | None:
    if explicit is not None and explicit != 0:
        return "past" if explicit < 0 else "future"
    if _NEUTRAL_BEFORE.search(ctx.text[max(0, start - 20):start]):
        return None
    t = ctx.tense(start, end)
    return {"past": "past", "future": "future", "conditional": "future"}.get(t or "", None)


def _pick(cands: list[tuple[int, int, Any]], ref: dt.date, direction: str | None) -> Any:
    """Choose among candidate intervals relative to ``ref``: latest started (past), first not ended (future), nearest.

    Bounds are day numbers (:func:`_day_number`), so a candidate past either end of the calendar is
    compared like any other; choosing it is the caller's to refuse (:func:`_check_year`).
    """
    ref = ref.toordinal()
    if direction == "past":
        ok = [c for c in cands if c[0] <= ref]
        return max(ok, key=lambda c: c[0])[2] if ok else cands[0][2]
    if direction == "future":
        ok = [c for c in cands if c[1] >= ref]
        return min(ok, key=lambda c: c[0])[2] if ok else cands[-1][2]

    def dist(c):
        return 0 if c[0] <= ref <= c[1] else min(abs(c[0] - ref), abs(c[1] - ref))
    return min(cands, key=dist)[2]


def _out(type_: str, value: str, *, mod: str = "", anchor: str = ABSOLUTE, derived: bool = False,
         begin: dt.date | None = None, end_date: dt.date | None = None, set_prev: dt.date | None = None
         ) -> dict[str, Any]:
    if type_ in ("DURATION", "SET") and anchor == ABSOLUTE:
        anchor = NOT_ANCHORED
    if begin is None and end_date is None and anchor not in (UNRESOLVED,) and type_ in ("DATE", "TIME"):
        begin, end_date = _interval(value, mod)
    return {"type": type_, "value": value, "mod": mod, "anchor": anchor, "derived": derived,
            "begin": begin, "end_date": end_date, "_prev": set_prev}


def _unresolved(type_: str, value: str, ctx: _Ctx, mod: str = "", need: str = "day") -> dict[str, Any]:
    why = UNRESOLVED if ctx.ref.date is None else f"unresolved: reference date known only to the {ctx.ref.precision}"
    return _out(type_, value, mod=mod, anchor=why)


def _has_ref(ctx: _Ctx, need: str) -> bool:
    order = {"none": 0, "year": 1, "month": 2, "day": 3}
    return order[ctx.ref.precision] >= order[need]


def _day_value(d: dt.date) -> str:
    return d.isoformat()


def _resolve_day_month(ctx, start, end, month, day, year, explicit_shift, mod="") -> dict | None:
    if year is not None:
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return _out("DATE", d.isoformat(), mod=mod, set_prev=d)
    if not _has_ref(ctx, "month"):
        if day > 31:
            return None
        return _unresolved("DATE", f"XXXX-{month:02d}-{day:02d}", ctx, mod)
    ref = ctx.ref.date
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if 1 <= day <= _month_length(y, month):  # years past the calendar's ends kept, to be refused if chosen
            n = _day_number(y, month, day)
            cands.append((n, n, y))
    if not cands:
        return None
    y = _check_year(_pick(cands, ref, _direction(ctx, start, end, explicit_shift)))
    d = dt.date(y, month, day)
    return _out("DATE", d.isoformat(), mod=mod, anchor=PUBLICATION, set_prev=d)


def _norm_numeric_date(ctx, s, start, end):
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", s):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        d_, mo_, y_ = re.split(r"[/.]", s)
        d, mo, y = int(d_), int(mo_), int(y_)
        if len(y_) == 2:
            y += 1900 if y >= 30 else 2000
    try:
        date = dt.date(y, mo, d)
    except ValueError:
        return None
    return _out("DATE", date.isoformat(), set_prev=date)


def _norm_full_date(ctx, s, start, end):
    month = _month_of(s)
    m = re.search(r"(?<!\d)(1er|1ᵉʳ|premier|\d{1,2})(?!\d)", s, re.I)
    if not m or month is None:
        return None
    day = 1 if not m.group(1)[0].isdigit() or m.group(1).startswith("1e") or m.group(1).startswith("1ᵉ") \
        else int(m.group(1))
    v = _vocab()
    mm = v["abbr"].search(s) or v["month"].search(s)
    rest = s[mm.start():]
    year = _year_of(rest, after_month=True) if re.search(r"\d", rest) else None
    res = _resolve_day_month(ctx, start, end, month, day, year, _shift_of(rest))
    if res is None:
        return None
    part = _daypart_of(rest)
    if part and res["anchor"] != UNRESOLVED and not res["anchor"].startswith("unresolved"):
        res = _out("TIME", f"{res['value']}T{part}" if not part.startswith("T") else f"{res['value']}{part}",
                   anchor=res["anchor"], set_prev=res["_prev"])
    return res


def _norm_list_date(ctx, s, start, end):
    tail = ctx.text[end:end + 80]
    m = re.match(r"(?:\s*(?:,|et|au|à|-|ou)\s*(?:le\s+)?(?:\w+\s+)?(?:1er|premier|\d{1,2}))+\s+(?:de\s+)?(\S+)"
                 r"(?:\s+((?:1[0-9]|20)\d\d))?(?:\s+(derniers?|prochains?))?", tail, re.I)
    month = _month_of(m.group(1)) if m else None
    if month is None:
        return None
    dm = re.search(r"(1er|premier|\d{1,2})\s*$", s, re.I)
    day = 1 if not dm.group(1).isdigit() else int(dm.group(1))
    year = int(m.group(2)) if m.group(2) else None
    shift = _shift_of(m.group(3)) if m.group(3) else None
    return _resolve_day_month(ctx, start, end, month, day, year, shift)


def _norm_month_year(ctx, s, start, end):
    mod, core = _mod_of(s)
    month = _month_of(core)
    year = _year_of(core.lower().split(next(k for k in sorted(R.MONTHS, key=len, reverse=True)
                                              if k in core.lower()))[-1], after_month=True)
    if month is None or year is None:
        return None
    return _out("DATE", f"{year:04d}-{month:02d}", mod=mod)


def _norm_decade(ctx, s, start, end):
    mod, core = _mod_of(s)
    m = re.search(r"(\d{4}|\d\d)\s*$", core)
    y = int(m.group(1))
    if y < 100:
        y = 1900 + y if y >= 20 else 2000 + y
    if y % 10:
        return None
    return _out("DATE", f"{y // 10:03d}X", mod=mod)


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = R.ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def _norm_century(ctx, s, start, end):
    mod, core = _mod_of(s)
    m = re.search(r"([IVXL]+|\d{1,2})(?:e|è|ème|eme|ᵉ)\s+siècle", core, re.I)
    n = int(m.group(1)) if m.group(1).isdigit() else _roman(m.group(1))
    if not n or n > 21:
        return None
    return _out("DATE", f"{n - 1:02d}", mod=mod)


def _norm_year_noun(ctx, s, start, end):
    mod, core = _mod_of(s)
    return _out("DATE", f"{_year_of(core):04d}", mod=mod)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w’'(,–-]+)\s*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([\w’'-]+|[^\w\s])", text[end:end + 30])
    return m.group(1) if m else ""


def _norm_year(ctx, s, start, end):
    mod, core = _mod_of(s)
    if not mod:
        prev = _prev_word(ctx.text, start)
        nxt = _next_word(ctx.text, end)
        before = ctx.text[max(0, start - 2):start]
        if re.search(r"[\d]\s$|[-/.]$|n°\s?$|°\s?$", before) or re.match(r"[,.]\d|\s*[%€$]|\s*-\d|/", ctx.text[end:end + 3]):
            return None
        prev_ok = prev in R.YEAR_PRECEDERS or prev.endswith(("'", "’")) or prev == "" or prev[-1:] in "(,–-"
        next_ok = (nxt == "" or not nxt[0].isalnum() or nxt.lower() in R.YEAR_FOLLOWERS or nxt[0].isupper())
        if not prev_ok and next_ok and nxt in (",", ".", ";", ":", ")") and prev.isalpha() \
                and prev not in R.YEAR_NOT_AFTER:
            prev_ok = True  # "budget supplémentaire 2002," : a year closing a noun phrase
        if not (prev_ok and next_ok):
            return None
    return _out("DATE", core.strip()[:4], mod=mod)


def _norm_month(ctx, s, start, end):
    mod, core = _mod_of(s)
    month = _month_of(core)
    if month is None:
        return None
    name = _vocab()["month"].search(core).group(0)
    if name[0].isupper() and name.lower() in R.AMBIGUOUS_CAPITALISED_MONTHS and not mod \
            and not re.match(r"(?i)(?:le\s+)?mois", core):
        prev = _prev_word(ctx.text, start)
        nxt = _next_word(ctx.text, end)
        if prev not in {"en", "de", "d'", "d’", "depuis", "dès", "fin", "début", "mi", "jusqu'en", "jusqu’en",
                        "avant", "après"} or (nxt[:1].isupper() and nxt[:1].isalpha()):
            return None
    if re.match(r"\s+\d", ctx.text[end:end + 3]) and not re.match(r"\s+\d{1,2}\s*[hH:]", ctx.text[end:end + 6]):
        return None  # "mai 10" is not a month
    shift = _shift_of(core[len(name):] if core.lower().startswith(name.lower()) else core)
    if not _has_ref(ctx, "year"):
        return _unresolved("DATE", f"XXXX-{month:02d}", ctx, mod)
    ref = ctx.ref.date
    cands = [(_day_number(y, month, 1), _day_number(y, month, _month_length(y, month)), y)
             for y in (ref.year - 1, ref.year, ref.year + 1)]
    y = _check_year(_pick(cands, ref, _direction(ctx, start, end, shift)))
    return _out("DATE", f"{y:04d}-{month:02d}", mod=mod, anchor=PUBLICATION)


def _norm_relative_day(ctx, s, start, end):
    low = s.lower().replace("’", "'")
    offset = next(v for k, v in sorted(R.RELATIVE_DAYS.items(), key=lambda kv: -len(kv[0]))
                  if low.startswith(k.replace("’", "'")))
    part = _daypart_of(low.split(" ", 1)[1]) if " " in low else None
    mod = "START" if re.search(r"début\s*d", low) else "END" if re.search(r"fin\s*d", low) else ""
    if offset == 0 and part is None and low.startswith("aujourd"):
        before = ctx.text[max(0, start - 3):start]
        after = ctx.text[end:end + 2]
        a, _ = _clause(ctx.text, start, end)
        opening = not ctx.text[a:start].strip() or before.rstrip().endswith(("«", "\"", "—", ":"))
        if opening or (before.rstrip().endswith(",") and after.lstrip().startswith(",")) \
                or (opening and after.lstrip().startswith(",")):
            if _has_ref(ctx, "day"):
                return _out("TIME", "PRESENT_REF", anchor=PUBLICATION, begin=ctx.ref.date, end_date=ctx.ref.date)
            return _out("TIME", "PRESENT_REF", anchor=ctx.ref.precision == "none" and UNRESOLVED or PUBLICATION)
    if not _has_ref(ctx, "day"):
        return _unresolved("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part and
                           not part.startswith("T") else ""), ctx, mod)
    d = _shift(ctx.ref.date, offset)
    if part:
        value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
        return _out("TIME", value, mod=mod, anchor=PUBLICATION, begin=d, end_date=d, set_prev=d)
    return _out("DATE", d.isoformat(), mod=mod, anchor=PUBLICATION, set_prev=d)


def _base_day(ctx) -> tuple[dt.date | None, str]:
    if ctx.prev is not None:
        return ctx.prev, PREVIOUS
    if _has_ref(ctx, "day"):
        return ctx.ref.date, PUBLICATION
    return None, UNRESOLVED


def _norm_this_daypart(ctx, s, start, end):
    low = s.lower()
    part = _daypart_of(low)
    if part is None:
        return None
    mod = ""
    pm = re.match(r"(début|fin|milieu)", low)
    if pm:
        mod = R.PARTS[pm.group(1)]
    if low.startswith(("ce", "cet", "cette")) and "même" not in low and not _weekday_of(low):
        if not _has_ref(ctx, "day"):
            return _unresolved("TIME", f"XXXX-XX-XXT{part}", ctx)
        d = ctx.ref.date
        anchor = PUBLICATION
    elif "dernière" in low:
        if not _has_ref(ctx, "day"):
            return _unresolved("TIME", f"XXXX-XX-XXT{part}", ctx)
        d, anchor = _shift(ctx.ref.date, -1), PUBLICATION
    else:
        wd = _weekday_of(low)
        d, anchor = _base_day(ctx)
        if d is None:
            return _unresolved("TIME", f"XXXX-XX-XXT{part}", ctx)
        if wd and d.isoweekday() != wd:
            d = _shift(d, (wd - d.isoweekday()) % 7)
    value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
    return _out("TIME", value, mod=mod, anchor=anchor, begin=d, end_date=d, set_prev=d)


def _norm_anaphoric_day(ctx, s, start, end):
    low = s.lower()
    offset = next((v for k, v in sorted(R.ANAPHORIC_DAYS.items(), key=lambda kv: -len(kv[0])) if k in low), 0)
    part = _daypart_of(low.replace("lendemain", "").replace("veille", ""))
    base, anchor = _base_day(ctx)
    if base is None:
        return _unresolved("TIME" if part else "DATE", "XXXX-XX-XX", ctx)
    d = _shift(base, offset)
    if part:
        value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
        return _out("TIME", value, anchor=anchor, begin=d, end_date=d, set_prev=d)
    return _out("DATE", d.isoformat(), anchor=anchor, set_prev=d)


def _norm_weekday(ctx, s, start, end):
    low = s.lower()
    wd = _weekday_of(low)
    part = _daypart_of(low.replace(next(k for k in R.WEEKDAYS if k in low), ""))
    shift = _shift_of(low)
    name = _vocab()["weekday"].search(s).group(0)
    nxt = _next_word(ctx.text, end)
    if name[0].isupper() and nxt[:1].isupper() and s.endswith(name):
        return None  # "le Vendredi Saint", a capitalised name
    if re.match(r"le\s", low) and shift is None and part is None:
        return _out("SET", f"XXXX-WXX-{wd}")
    if "même" in low:
        base, anchor = _base_day(ctx)
        if base is None:
            return _unresolved("TIME" if part else "DATE", "XXXX-XX-XX", ctx)
        d = _shift(base, (wd - base.isoweekday()) % 7)
    else:
        if not _has_ref(ctx, "day"):
            return _unresolved("TIME" if part else "DATE", f"XXXX-WXX-{wd}", ctx)
        ref = ctx.ref.date
        direction = _direction(ctx, start, end, shift)
        delta = (wd - ref.isoweekday()) % 7
        if direction is None:  # no tense clue: the nearest such day (the same weekday: a week ago)
            direction = "future" if 0 < delta < 7 - delta else "past"
        if direction == "future":
            d = _shift(ref, delta or 7)
        else:
            d = _shift(ref, -(((ref.isoweekday() - wd) % 7) or 7))
        anchor = PUBLICATION
    if part:
        value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
        return _out("TIME", value, anchor=anchor, begin=d, end_date=d, set_prev=d)
    return _out("DATE", d.isoformat(), anchor=anchor, set_prev=d)


def _qty_unit(s: str) -> tuple[float | None, str, int, bool, bool] | None:
    """Quantity, ISO unit, multiplier, is-time-unit and half ("et demi") of a duration phrase."""
    low = s.lower()
    half = bool(re.search(r"\bet\s+demie?$", low))
    if m := re.search(r"une?\s+demi-(heure|journée|siècle)", low):
        unit = {"heure": ("H", 1, True), "journée": ("H", 12, True), "siècle": ("Y", 50, False)}[m.group(1)]
        return (0.5 if m.group(1) == "heure" else 1.0), unit[0], (30 if m.group(1) == "heure" else unit[1]), \
            unit[2], False
    um = None
    for um in re.finditer(r"[\w-]+", low):
        pass
    words = re.findall(r"[\w’'-]+", low)
    unit_word = next((w for w in reversed(words) if w in R.UNITS), None)
    if unit_word is None:
        return None
    iso, mult, is_time = R.UNITS[unit_word]
    rm = _vocab()["round"].search(low)
    if rm:
        return float(R.ROUND_QUANTITIES[rm.group(0)]), iso, mult, is_time, half
    qm = re.search(r"(\d{1,3}(?:[\u0020\u00a0\u202f]\d{3})+|\d+(?:[,.]\d+)?)", low)
    if qm:
        return _num(qm.group(1)), iso, mult, is_time, half
    for w in words:
        if w in R.UNITS:
            break
        n = _num(w)
        if n is not None:
            return n, iso, mult, is_time, half
    return None, iso, mult, is_time, half


def _duration_value(n: float | None, iso: str, mult: int, is_time: bool, half: bool) -> str:
    if n is None:
        return f"PT{'X'}{iso}" if is_time else f"PX{iso}"
    n = n * mult + (0.5 * mult if half else 0)
    if half and not float(n).is_integer():
        if iso == "Y":
            n, iso = n * 12, "M"
        elif iso == "H":
            n, iso = n * 60, "M"
    if iso == "H" and mult == 12:
        return f"PT{_fmt_num(n)}H"
    return f"PT{_fmt_num(n)}{iso}" if is_time else f"P{_fmt_num(n)}{iso}"


def _is_age(text: str, start: int, end: int, s: str) -> bool:
    """'87 ans' after a name, 'âgé de 17 ans', 'une fillette de 6 ans', 'enfants de 2 à 8 ans', 'à 87 ans'."""
    if not re.search(r"\bans$", s.lower()):
        return False
    before = text[max(0, start - 60):start].lower()
    after = text[end:end + 3]
    if re.match(r"\s+(?:de|d['’])\s*(?:prison|réclusion|détention|emprisonnement|sursis)", text[end:end + 20]):
        return False
    if re.match(r"(?:moins|plus)\s", s.lower()) and re.search(r"(?:les|des|aux)\s+$", before):
        return True  # "les moins de 17 ans": an age group
    if re.search(r"(?:âgée?s?|agée?s?|l['’]âge)\s+(?:de\s+)?(?:\d+\s+(?:à|ou|et)\s+)?$", before):
        return True
    if re.search(r"(?:^|\s)(?:à|a)\s+$", before) and not re.search(r"(?:jusqu|pendant|depuis)", before[-20:]):
        return True
    if re.match(r"\s+(?:de|d['’])\s*(?:prison|réclusion|détention|emprisonnement|sursis)", text[end:end + 20]):
        return False
    m = re.search(r"([\w-]+)\s+(?:([\w-]+)\s+)?de\s+(?:\d+\s+(?:à|ou|et)\s+)?$", before)
    if m and any(w and (w in R.PERSON_NOUNS or w.endswith(R.PERSON_SUFFIXES)) for w in m.groups()):
        return True
    if re.search(r"(?:les|des|aux)\s+(?:moins|plus)\s+de\s+$", before):
        return True
    if re.search(r"[,(]\s*$", before) and re.match(r"\s*[,)]", after) and re.search(r"\d", s):
        return True
    if re.search(r"\w\s*,\s*$", before) and re.match(r"\s*[,.;)]", after) and re.fullmatch(r"\d+\s+ans", s.lower()):
        return True
    if re.search(r"\d\s*-\s*$", before) or re.search(r"(?:les|des|aux)\s+$", before) and re.match(r"\d", s):
        return True
    return False


_DERIVE_BEFORE = re.compile(r"(?:depuis|voilà|voici|cela\s+fait|ça\s+fait)\s+$", re.I)
_NOUN_DE_BEFORE = re.compile(r"([a-zàâçéèêëîïôûùüÿœ-]{3,})\s+(?:de|d['’])\s*$", re.I)
_DE_NOUN_AFTER = re.compile(r"\s+(?:de|d['’])\s*([a-zàâçéèêëîïôûùüÿœ-]{3,})", re.I)
#: Complements after a duration that do not date anything ("dix ans de prison").
NON_DATING = frozenset("prison réclusion détention emprisonnement sursis garantie salaire retard congé "
                       "travail études vie loyer".split())
_NOT_NOUN_BEFORE = frozenset("plus moins près âgé âgée âgés âgées environ durée espace cours bout terme "
                             "période pendant lors".split())


def _norm_duration(ctx, s, start, end):
    if _is_age(ctx.text, start, end, s):
        return None
    mod, core = _mod_of(s)
    if mod in ("START", "MID", "END"):
        return None
    q = _qty_unit(core)
    if q is None:
        return None
    n, iso, mult, is_time, half = q
    low = core.lower()
    if n is None and re.match(r"(des|de nombreux|de nombreuses|bien des|nombre de)\b", low) \
            and iso not in ("Y", "M"):
        return None
    if re.fullmatch(r"un\s+jour", low):
        return None  # "un jour" is usually an indefinite date, not a duration
    value = _duration_value(n, iso, mult, is_time, half)
    if re.search(r"\b(?:ces|les)\s+(?:derniers|dernières)", low) or re.match(r"(?:ces|les)\s", low):
        pass
    out = _out("DURATION", value, mod=mod)
    # A duration that dates something: "depuis trois ans", "la guerre de neuf mois", "huit mois de guerre".
    if is_time or not _has_ref(ctx, "day") or iso not in ("D", "W", "M", "Y"):
        return out
    before = ctx.text[max(0, start - 40):start]
    after = ctx.text[end:end + 40]
    tense = ctx.tense(start, end)
    amount = (n if n is not None else R.VAGUE_QUANTITY_ESTIMATE) * mult + (0.5 * mult if half else 0)
    if re.search(r"(?:^|\s)(?:en|d['’]ici)\s+$", before) and tense in ("future", "conditional"):
        e = _add_duration(ctx.ref.date, iso, amount, +1)
        out.update(begin=ctx.ref.date, end_date=e, anchor=EXPECTED_SPAN, derived=True)
        return out
    dating = bool(_DERIVE_BEFORE.search(before))
    nb = _NOUN_DE_BEFORE.search(before)
    if nb and nb.group(1).lower() not in _NOT_NOUN_BEFORE and not nb.group(1)[0].isdigit():
        dating = True
    na = _DE_NOUN_AFTER.match(after)
    if na and na.group(1).lower() not in NON_DATING and tense != "future":
        dating = True
    if dating and tense not in ("future", "conditional"):
        b = _add_duration(ctx.ref.date, iso, amount, -1)
        out.update(begin=b, end_date=ctx.ref.date, anchor=DERIVED, derived=True)
    return out


def _norm_duration_noun(ctx, s, start, end):
    key = re.sub(r"^(?:le|un|ce|son)\s+", "", s.lower())
    return _out("DURATION", R.DURATION_NOUNS.get(key, "PXY"))


def _norm_ago_in(sign: int):
    def norm(ctx, s, start, end):
        q = _qty_unit(s)
        if q is None:
            return None
        n, iso, mult, is_time, half = q
        if n is None or not _has_ref(ctx, "day"):
            if not _has_ref(ctx, "day"):
                return _unresolved("DATE", "XXXX-XX-XX", ctx)
            return _out("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor=PUBLICATION,
                        begin=None if sign > 0 else None, end_date=None)
        amount = n * mult + (0.5 * mult if half else 0)
        ref = ctx.ref.date
        if is_time:
            return _out("TIME", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor=PUBLICATION,
                        begin=ref, end_date=ref)
        d = _add_duration(ref, iso, amount, sign)
        if iso in ("D", "W"):
            return _out("DATE", d.isoformat(), anchor=PUBLICATION, set_prev=d)
        if iso == "M":
            return _out("DATE", f"{d.year:04d}-{d.month:02d}", anchor=PUBLICATION)
        return _out("DATE", f"{d.year:04d}", anchor=PUBLICATION)
    return norm


def _norm_relative_unit(ctx, s, start, end):
    low = s.lower().replace("’", "'")
    mod, core = _mod_of(low)
    demonstrative = bool(re.match(r"(?:cette|ce|cet)\s", core))
    shift = _shift_of(core)
    ym = re.search(r"(?<!\d)((?:1[0-9]|20)\d\d)$", core)
    anaphoric = core.endswith("-là") or "même" in core
    if not (mod or demonstrative or shift is not None or ym):
        return None
    unit_word = re.search(r"(semaine|mois|année|an|week-end|trimestre|semestre|siècle|décennie|saison|"
                          + "|".join(R.SEASONS) + r")(?![\w])", core).group(1)
    season = R.SEASONS.get(unit_word)
    if unit_word == "saison" or unit_word == "mois" and shift is None and not demonstrative and not mod:
        return None
    if shift is None:
        shift = 0
    if ym:
        y = int(ym.group(1))
        if season:
            return _out("DATE", f"{y}-{season}", mod=mod)
        if unit_word in ("année", "an"):
            return _out("DATE", f"{y}", mod=mod)
        return None
    if anaphoric:
        return _unresolved("DATE", "XXXX", ctx, mod) if ctx.prev is None else \
            _out("DATE", {"semaine": f"{ctx.prev.isocalendar()[0]:04d}-W{ctx.prev.isocalendar()[1]:02d}",
                          "mois": f"{ctx.prev.year:04d}-{ctx.prev.month:02d}"}.get(unit_word, f"{ctx.prev.year:04d}"),
                 mod=mod, anchor=PREVIOUS)
    need = {"semaine": "day", "week-end": "day", "mois": "month"}.get(unit_word, "year")
    if season:
        need = "month"
    if not _has_ref(ctx, need):
        pattern = {"semaine": "XXXX-WXX", "week-end": "XXXX-WXX-WE", "mois": "XXXX-XX"}.get(unit_word, "XXXX")
        return _unresolved("DATE", pattern if not season else f"XXXX-{season}", ctx, mod)
    ref = ctx.ref.date
    if unit_word == "semaine":
        d = _shift(ref, 7 * shift)
        iy, iw, _ = d.isocalendar()
        return _out("DATE", f"{iy:04d}-W{iw:02d}", mod=mod, anchor=PUBLICATION)
    if unit_word == "week-end":
        direction = "past" if shift < 0 else "future" if shift > 0 else _direction(ctx, start, end, None)
        sat = _shift(ref, 5 - (ref.isoweekday() - 1))  # the Saturday of the reference date's week
        if shift < 0 or (shift == 0 and direction == "past" and ref < sat):
            sat = _shift(sat, -7)
        elif shift > 0 and ref >= sat:
            sat = _shift(sat, 7)
        iy, iw, _ = sat.isocalendar()
        return _out("DATE", f"{iy:04d}-W{iw:02d}-WE", mod=mod, anchor=PUBLICATION)
    if unit_word == "mois":
        y, m = _add_months(ref.year, ref.month, shift)
        return _out("DATE", f"{_check_year(y):04d}-{m:02d}", mod=mod, anchor=PUBLICATION)
    if unit_word in ("trimestre", "semestre"):
        per = 3 if unit_word == "trimestre" else 6
        idx = (ref.month - 1) // per + shift
        y = _check_year(ref.year + idx // (12 // per))
        idx %= (12 // per)
        return _out("DATE", f"{y:04d}-{'Q' if per == 3 else 'H'}{idx + 1}", mod=mod, anchor=PUBLICATION)
    if unit_word == "siècle":
        century = (ref.year // 100) + shift
        if not 0 <= century <= dt.MAXYEAR // 100:
            raise _OutOfCalendar(century)
        return _out("DATE", f"{century:02d}", mod=mod, anchor=PUBLICATION)
    if unit_word == "décennie":
        decade = (ref.year // 10) + shift
        if not 0 <= decade <= dt.MAXYEAR // 10:
            raise _OutOfCalendar(decade)
        return _out("DATE", f"{decade:03d}X", mod=mod, anchor=PUBLICATION)
    if season:
        direction = "past" if shift < 0 else "future" if shift > 0 else _direction(ctx, start, end, None)
        cands = _season_candidates(ref, season)
        y = _pick(cands, ref, direction)
        if shift != 0:
            b, e = _season_bounds(y, season)
            if b <= ref.toordinal() <= e:
                y += shift
        return _out("DATE", f"{_check_year(y):04d}-{season}", mod=mod, anchor=PUBLICATION)
    return _out("DATE", f"{_check_year(ref.year + shift):04d}", mod=mod, anchor=PUBLICATION)


def _season_bounds(y: int, season: str) -> tuple[int, int]:
    """Day numbers of the first and last day of a season (winter ends the next year)."""
    (m1, d1), (m2, d2) = R.SEASON_BOUNDS[season]
    return _day_number(y, m1, d1), _day_number(y + (1 if m2 < m1 else 0), m2, d2)


def _season_candidates(ref: dt.date, season: str) -> list[tuple[int, int, int]]:
    return [(*_season_bounds(y, season), y) for y in (ref.year - 1, ref.year, ref.year + 1)]


def _norm_season(ctx, s, start, end):
    low = s.lower()
    season = next(v for k, v in R.SEASONS.items() if k in low)
    y = _year_of(low)
    if y:
        return _out("DATE", f"{y}-{season}")
    shift = _shift_of(low)
    generic = not re.match(r"(?:l['’]|cet\s|ce\s)", low) and shift is None
    tense = ctx.tense(start, end)
    if generic and tense is None:
        return _out("DATE", f"XXXX-{season}", anchor="generic")
    if not _has_ref(ctx, "month"):
        return _unresolved("DATE", f"XXXX-{season}", ctx)
    ref = ctx.ref.date
    y = _check_year(_pick(_season_candidates(ref, season), ref, _direction(ctx, start, end, shift)))
    return _out("DATE", f"{y:04d}-{season}", anchor=PUBLICATION)


def _norm_set(ctx, s, start, end):
    low = s.lower()
    if low in R.SET_ADJECTIVES:
        prev = _prev_word(ctx.text, start)
        if low in R.SET_ADJECTIVE_NOUNS or prev in R.SET_ADJECTIVE_NOT_AFTER:
            return None
        if prev in {"le", "la", "les", "un", "une", "des", "du", "ce", "ces", "au", "aux", "son", "sa", "ses",
                    "leur", "leurs", "notre", "votre", "l'", "l’", "d'", "d’", "quotidien", "cet"}:
            return None
        return _out("SET", R.SET_ADJECTIVES[low])
    if m := re.search(r"par\s+(\w+)$", low):
        return _out("SET", R.PER_UNITS.get(m.group(1), "P1D"))
    wd = _weekday_of(low)
    if wd:
        return _out("SET", f"XXXX-WXX-{wd}")
    part = _daypart_of(low)
    if part and not part.startswith("T"):
        return _out("SET", f"XXXX-XX-XXT{part}")
    month = _month_of(low)
    if month and not re.search(r"\bmois\b", low):
        return _out("SET", f"XXXX-{month:02d}")
    season = next((v for k, v in R.SEASONS.items() if re.search(rf"\b{k}\b", low)), None)
    if season:
        return _out("SET", f"XXXX-{season}")
    q = _qty_unit(low)
    if q is None:
        return None
    n, iso, mult, is_time, half = q
    n = (n or 1) * mult
    return _out("SET", f"PT{_fmt_num(n)}{iso}" if is_time else f"P{_fmt_num(n)}{iso}")


def _norm_time(ctx, s, start, end):
    low = s.lower()
    mod = "APPROX" if re.match(r"(vers|environ|aux\s+alentours|autour)", low) else ""
    if "midi" in low or "minuit" in low:
        hh, mm = (12, 0) if "midi" in low else (24, 0)
    else:
        m = re.search(r"(\d{1,2})\s*(?:h|heures|:)\s*(\d{2})?", low)
        hh, mm = int(m.group(1)), int(m.group(2) or 0)
        if "heures" in low and not re.search(r"(?:^|\s)(?:à|vers|dès|jusqu['’]à|avant|après|de)\s+$",
                                             ctx.text[max(0, start - 12):start].lower()) and not mod:
            return None
        if re.search(r"(?:du\s+soir|de\s+l['’]après-midi)", low) and hh < 12:
            hh += 12
    if hh > 24:
        return None
    base, anchor = _following_day(ctx, end) or _base_day(ctx)
    clock = f"T{hh:02d}:{mm:02d}"
    if base is None:
        return _unresolved("TIME", f"XXXX-XX-XX{clock}", ctx, mod)
    return _out("TIME", f"{base.isoformat()}{clock}", mod=mod, anchor=anchor, begin=base, end_date=base)


_DAY_AFTER_TIME = re.compile(r"\s*,?\s*(?=(?:ce\s+|le\s+)?(?:" + _alt(R.WEEKDAYS) + "|" + _alt(R.RELATIVE_DAYS)
                             + r")(?![\w-]))", re.I)


def _following_day(ctx: _Ctx, end: int) -> tuple[dt.date, str] | None:
    """The day named right after a clock time ("vers 0 h 40, jeudi", "à 20 h demain"), resolved."""
    m = _DAY_AFTER_TIME.match(ctx.text, end)
    if not m:
        return None
    singles = _singles(ignore_case=True)
    names = [n for n, _ in RULES]
    for rule in ("relative_day", "weekday"):
        mm = singles[names.index(rule)].match(ctx.text, m.end())
        if mm:
            saved = ctx.prev
            try:
                res = _NORMALISERS[rule](ctx, mm.group(0), mm.start(), mm.end())
            finally:
                ctx.prev = saved
            if res and res.get("begin") is not None and res["type"] in ("DATE", "TIME"):
                return res["begin"], res["anchor"]
    return None


def _norm_vague(ctx, s, start, end):
    low = s.lower().replace("’", "'")
    type_, value = next(v for k, v in R.VAGUE_REFERENCES.items() if k.replace("’", "'") == low)
    if low in R.ADJECTIVE_REFERENCES:
        prev = _prev_word(ctx.text, start)
        if low.startswith("prochain") and not s[0].isupper():
            return None  # "les prochains jours" is handled by other rules; a bare plural adjective is not
        if prev in {"le", "la", "les", "un", "une", "des", "du", "l'", "l’", "son", "sa", "ses", "notre", "leur"} \
                and low.startswith("futur") and not low.endswith("e"):
            return None
    ref = ctx.ref.date if _has_ref(ctx, "day") else None
    begin = end_date = None
    if ref is not None:
        begin, end_date = {"PRESENT_REF": (ref, ref), "PAST_REF": (None, ref), "FUTURE_REF": (ref, None)}[value]
    anchor = PUBLICATION if ref is not None else UNRESOLVED
    return _out("TIME", value, anchor=anchor, begin=begin, end_date=end_date)


def _norm_holiday(ctx, s, start, end):
    low = re.sub(r"^cette\s+fête\s+de\s+", "", s.lower()).replace("’", "'")
    key = next((k for k in sorted(R.HOLIDAYS, key=len, reverse=True) if low.startswith(k.replace("’", "'"))), None)
    if key is None:
        return None
    rule = R.HOLIDAYS[key]
    y = _year_of(low)

    def on(year: int) -> int:  # day number, for any year
        return _day_number(year, *_easter_month_day(year)) + rule if isinstance(rule, int) else _day_number(year, *rule)
    if y:
        d = _from_day_number(on(y))
        return _out("DATE", d.isoformat(), set_prev=d)
    if not _has_ref(ctx, "month"):
        return _unresolved("DATE", "XXXX-XX-XX", ctx)
    ref = ctx.ref.date
    cands = [(on(yy), on(yy), on(yy)) for yy in (ref.year - 1, ref.year, ref.year + 1)]
    d = _from_day_number(_pick(cands, ref, _direction(ctx, start, end, None)))
    return _out("DATE", d.isoformat(), anchor=PUBLICATION, set_prev=d)


_NORMALISERS: dict[str, Callable[..., dict | None]] = {
    "numeric_date": _norm_numeric_date, "holiday": _norm_holiday, "full_date": _norm_full_date,
    "list_date": _norm_list_date, "month_year": _norm_month_year, "decade": _norm_decade,
    "century": _norm_century, "year_noun": _norm_year_noun, "month": _norm_month, "year": _norm_year,
    "relative_day": _norm_relative_day, "this_daypart": _norm_this_daypart,
    "anaphoric_day": _norm_anaphoric_day, "weekday": _norm_weekday, "ago": _norm_ago_in(-1),
    "in": _norm_ago_in(+1), "relative_unit": _norm_relative_unit, "season": _norm_season, "set": _norm_set,
    "duration": _norm_duration, "duration_noun": _norm_duration_noun, "time": _norm_time, "vague": _norm_vague,
}


# --------------------------------------------------------------------------
# The tagger
# --------------------------------------------------------------------------

def _tag(text: str, ref: _Ref) -> list[dict[str, Any]]:
    """One left-to-right pass: the master regex proposes, each rule's normaliser accepts or refuses."""
    low = text.lower()
    if len(low) != len(text):
        low = text
    master, singles = _compiled(ignore_case=low is text)
    ctx = _Ctx(text=text, ref=ref)
    rows: list[dict[str, Any]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = master.search(low, pos)
        if m is None:
            break
        k = int(m.lastgroup[1:])
        s0 = m.start()
        found = None
        for j in range(k, len(RULES)):
            mm = m if j == k else singles[j].match(low, s0)
            if mm is None or mm.end() == s0:
                continue
            span_text = text[s0:mm.end()]
            stripped = span_text.rstrip()
            e0 = s0 + len(stripped)
            res = _normalise(RULES[j][0], ctx, stripped, s0, e0)
            if res is not None:
                found = (j, e0, stripped, res)
                break
        if found is None:
            pos = s0 + 1
            continue
        j, e0, span_text, res = found
        if res.pop("_prev", None) is not None:
            ctx.prev = res["begin"] if res["begin"] is not None else ctx.prev
        res.update(start=s0, end=e0, text=span_text, rule=RULES[j][0], tense=ctx.tense(s0, e0))
        rows.append(res)
        pos = e0
    return rows


def _normalise(rule: str, ctx: _Ctx, s: str, start: int, end: int) -> dict[str, Any] | None:
    """Run a rule's normaliser; an expression that resolves outside the calendar is unresolved.

    Its value is the one the rule gives without a reference date ("XXXX-XX-XX", "XXXX-12"…), its
    ``anchor`` says why (:data:`OUTSIDE_CALENDAR`), and it has no interval.
    """
    try:
        return _NORMALISERS[rule](ctx, s, start, end)
    except _OutOfCalendar:
        pass
    blind = dataclasses.replace(ctx, ref=_Ref(None, "none"), prev=None)
    try:
        res = _NORMALISERS[rule](blind, s, start, end)
    except _OutOfCalendar:  # cannot happen without dates to count from; refuse rather than guess
        return None
    if res is not None:
        res.update(anchor=OUTSIDE_CALENDAR, derived=False, begin=None, end_date=None, _prev=None)
    return res


def _reference(text_or_article: Article | str, reference_date: Any) -> tuple[str, _Ref, str]:
    if isinstance(text_or_article, Article):
        text, doc_id = text_or_article.text, text_or_article.doc_id
        if reference_date is None and text_or_article.date_known:
            date, precision = parse_reference_date(text_or_article.meta.get("date"))
            return text, _Ref(date, precision), doc_id
    elif isinstance(text_or_article, str):
        text, doc_id = text_or_article, "doc"
    else:
        raise TypeError(f"timexes() takes a str or an Article, not {type(text_or_article).__name__}")
    date, precision = parse_reference_date(reference_date)
    return text, _Ref(date, precision), doc_id


def tag(text_or_article: Article | str, reference_date: Any = None) -> list[dict[str, Any]]:
    """The tagger itself: one pass over the text, each expression as a record.

    This is what :func:`timexes` puts in a table (without ``doc_id`` and
    ``sent``); it returns plain records, as ``dateparser.search.search_dates``
    returns a list, so the two can be compared for speed on equal terms.

    Args:
        text_or_article: Raw text, or an Article (its metadata date is the
            reference date unless one is given).
        reference_date: As for :func:`timexes`.

    Returns:
        list[dict[str, Any]]: One record per expression, in text order, with
        the keys of :data:`TIMEX_COLUMNS` but ``doc_id`` and ``sent``.

    Raises:
        ReferenceDateError: ``reference_date`` is malformed.
    """
    text, ref, _ = _reference(text_or_article, reference_date)
    return _tag(text, ref)


def timexes(text_or_article: Article | str, reference_date: Any = None, *,
            sentences: pd.DataFrame | bool | None = None, doc_id: str | None = None) -> pd.DataFrame:
    """Find and normalise the French temporal expressions of a text.

    Args:
        text_or_article: Raw text, or an :class:`~analysis.article.Article`
            (whose metadata date is the reference date unless one is given).
        reference_date: The date relative expressions are resolved from
            (``datetime.date`` or ``YYYY-MM-DD``; ``YYYY-MM``/``YYYY`` resolve
            only month- or year-level expressions). None: unresolved.
        sentences: A sentences table of the same text (``start``, ``end``,
            ``sent``) to fill ``sent``; by default the text is split with
            :func:`analysis.tokens.sentences`; False: no sentences (``sent`` is -1).
        doc_id: Document identifier (default: the article's, or ``"doc"``).

    Returns:
        pandas.DataFrame: One row per expression, columns :data:`TIMEX_COLUMNS`:
        ``start``/``end``/``text`` (``text[start:end] == text``), ``type``,
        ``value``, ``mod``, ``begin``/``end_date`` (the interval, as dates, or
        None), ``anchor`` (how it was resolved), ``derived`` (a date derived
        from a duration), ``tense`` (of the clause: past, future, conditional
        or None) and ``rule`` (which rule matched).

    Raises:
        ReferenceDateError: ``reference_date`` is malformed.
        TypeError: Neither a string nor an Article.
    """
    text, ref, default_id = _reference(text_or_article, reference_date)
    rows = _tag(text, ref)
    doc = doc_id or default_id
    if not rows:
        return _empty_table(doc)
    starts = np.fromiter((r["start"] for r in rows), dtype="int64", count=len(rows))
    if sentences is None:
        sent = _sentence_ids(*_sentence_bounds(text), starts)
    elif isinstance(sentences, pd.DataFrame):
        from ..text.pipeline import locate
        if not sentences["start"].is_monotonic_increasing:
            sentences = sentences.sort_values("start")
        sent = locate(sentences, starts, id_col="sent")
    else:
        sent = np.full(len(rows), -1, dtype="int64")
    return _table(rows, doc, sent, starts)


_ROW_COLUMNS = TIMEX_COLUMNS[3:]  # end, text, … (doc_id, sent and start are given)
_DATE_COLUMNS = frozenset({"begin", "end_date"})


@functools.lru_cache(maxsize=1)
def _inferred_str_dtype() -> Any:
    """The dtype pandas infers for a list of str and None (``str`` in pandas 3, object in pandas 2)."""
    return pd.DataFrame({"a": ["a", None]})["a"].dtype


def _str_column(values: tuple) -> Any:
    """A column of str and None, with the dtype pandas would infer, without the inference."""
    if all(type(v) is str or v is None for v in values) and any(type(v) is str for v in values):
        dtype = _inferred_str_dtype()
        if dtype == object:  # noqa: E721 (a dtype compared with object dtype, not a type check)
            column = np.empty(len(values), dtype=object)
            column[:] = values
            return column
        if getattr(dtype, "storage", None) == "pyarrow":
            try:  # straight from Arrow: a third of the time of pd.array's checks
                import pyarrow as pa
                return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=dtype)
            except (TypeError, ValueError, ImportError):
                pass  # another pandas' constructor, or text Arrow cannot hold: the general way
        return pd.array(values, dtype=dtype)
    return list(values)  # anything else (all None, other types): let pandas infer, as before


def _table(rows: list[dict[str, Any]], doc_id: Any, sent: np.ndarray, starts: np.ndarray) -> pd.DataFrame:
    """The timex table of ``rows``, built column by column (same dtypes as inferring from lists, ~2× faster)."""
    n = len(rows)
    columns = zip(*map(operator.itemgetter(*_ROW_COLUMNS), rows))
    data: dict[str, Any] = {"doc_id": _str_column((doc_id,) * n), "sent": sent, "start": starts}
    for name, values in zip(_ROW_COLUMNS, columns):
        if name == "end":
            data[name] = np.array(values, dtype="int64")
        elif name == "derived":
            data[name] = np.array(values, dtype=bool)
        elif name in _DATE_COLUMNS:
            column = np.empty(n, dtype=object)
            column[:] = values
            data[name] = column
        else:
            data[name] = _str_column(values)
    return pd.DataFrame(data, copy=False)  # fresh arrays: no need to copy them


def _empty_frame(columns: list[str], *, ints: frozenset[str], bools: frozenset[str] = frozenset(),
                 objects: frozenset[str] = frozenset()) -> pd.DataFrame:
    """A table with no rows and the dtypes its filled version has (text columns: pandas' string dtype)."""
    text = _inferred_str_dtype()
    data: dict[str, Any] = {}
    for col in columns:
        if col in ints:
            data[col] = np.zeros(0, dtype="int64")
        elif col in bools:
            data[col] = np.zeros(0, dtype=bool)
        elif col in objects or text == object:  # noqa: E721 (a dtype, not a type)
            data[col] = np.empty(0, dtype=object)
        else:
            data[col] = pd.array([], dtype=text)
    return pd.DataFrame(data, columns=columns)


def _empty_table(doc_id: Any) -> pd.DataFrame:
    """The table of a text without expressions (the dtypes of a table with rows)."""
    return _empty_frame(TIMEX_COLUMNS, ints=frozenset({"sent", "start", "end"}), bools=frozenset({"derived"}),
                        objects=frozenset(_DATE_COLUMNS))


def _sentence_bounds(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentences of :func:`analysis.tokens.sentences`, without building its table.

    The same split (:func:`analysis.text.tokens.sentence_spans`); the table costs more than the split for a
    short text.
    """
    from ..text.tokens import sentence_spans

    return sentence_spans(text)


def _sentence_ids(starts: list[int], ends: list[int], offsets: np.ndarray) -> np.ndarray:
    """Index of the sentence ``[start, end)`` holding each offset, or -1 (as :func:`analysis.spans.locate`)."""
    if not starts:
        return np.full(len(offsets), -1, dtype="int64")
    s = np.asarray(starts, dtype="int64")
    e = np.asarray(ends, dtype="int64")
    idx = np.searchsorted(s, offsets, side="right") - 1
    safe = np.clip(idx, 0, None)
    return np.where((idx >= 0) & (offsets < e[safe]), safe, -1).astype("int64")


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------

_ENT_LABELS = {"PER", "ORG", "LOC", "MISC", "GPE"}


def _span_text(doc: Any, idxs: list[int]) -> str:
    """Text of tokens ``idxs`` of ``doc``: contiguous runs as written (``doc.user_data["raw"]``), joined by a space."""
    raw = doc.user_data.get("raw", doc.text)
    idxs = sorted(set(idxs))
    runs, out = [], []
    for i in idxs:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    for a, b in runs:
        out.append(raw[doc[a].idx:doc[b].idx + len(doc[b].text)])
    return re.sub(r"\s+", " ", " ".join(out)).strip(" ,;:")


def _phrase(tok: Any, skip: set[int], limit: int) -> list[int]:
    """The first ``limit`` tokens of ``tok``'s subtree, leaving out ``skip``, punctuation runs and clauses."""
    out = []
    for t in tok.subtree:
        if t.i in skip:
            continue
        if t.i != tok.i and t.dep_ in ("acl:relcl", "advcl", "parataxis") :
            break
        if t.is_punct and t.text not in "-’'":
            if out and t.i > tok.i:
                break
            continue
        out.append(t.i)
        if len(out) >= limit:
            break
    return out


_DE = {"de", "d'", "d’", "du", "des"}


def _coordinated_before(doc: Any, phrase: list[int], inside: set[int]) -> list[int]:
    """A subject with its first conjunct: "Moscou et Téhéran ont finalisé", "La Russie et l'Iran".

    The small parser often hangs the first of two coordinated names elsewhere; a capitalised word
    (with its article) and "et"/"ou" right before the subject, opening the sentence or clause,
    belong to it.
    """
    if not phrase:
        return phrase
    s = min(phrase)
    if s < 2 or doc[s - 1].lower_ not in ("et", "ou") or not doc[s - 2].text[:1].isupper():
        return phrase
    k = s - 2
    if k >= 1 and doc[k - 1].pos_ == "DET":
        k -= 1
    if k > 0 and not doc[k - 1].is_punct:
        return phrase
    extra = [i for i in range(k, s) if i not in inside]
    return extra + phrase if len(extra) == s - k else phrase


def _head_label(sent_doc: Any, t_start: int, t_end: int) -> tuple[str, bool]:
    """A short label for what the expression at ``[t_start, t_end)`` (sentence offsets) dates.

    When the expression completes a noun with "de" ("accord nucléaire de
    2015", "la guerre ukrainienne de neuf mois"), the label is that noun
    phrase. Otherwise the expression's head is climbed to the nearest verb and
    the label is its subject, auxiliaries, the verb and its object.

    Returns:
        tuple[str, bool]: The label, and whether the verb (or the verb it
        depends on) is future or conditional.
    """
    doc = sent_doc
    idx = _doc_index(doc)
    # the tokens overlapping [t_start, t_end): tokens are in order and do not overlap
    toks = list(doc[bisect.bisect_right(idx["ends"], t_start):bisect.bisect_left(idx["starts"], t_end)])
    if not toks:
        return "", False
    inside = {t.i for t in toks}
    first = min(inside)
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    before = doc[first - 1] if first > 0 else None
    noun = root.head if root.head.i not in inside else None
    if (noun is not None and noun.pos_ in ("NOUN", "PROPN") and before is not None and before.lower_ in _DE
            and noun.i < first):
        idxs = [t.i for t in noun.subtree if noun.left_edge.i <= t.i < first - 1 and t.i not in inside
                and not (t.dep_ == "case" and t.head.i == noun.i)]
        label = _span_text(doc, idxs)
        return label, False
    head = root.head if root.head.i not in inside else root
    steps = 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 6:
        head = head.head
        steps += 1
    if head.pos_ not in ("VERB", "AUX"):  # a parse without a verb above: the nearest verb, left first
        verbs = idx["verbs"]  # the Doc's verbs, in order (their indices in "verb_i")
        k = bisect.bisect_left(idx["verb_i"], first)  # verbs before the expression (none of it)
        if k:
            head = verbs[k - 1]
        else:
            head = next((t for t in verbs if t.i not in inside), head)
    expected = "Fut" in head.morph.get("Tense") or "Cnd" in head.morph.get("Mood")
    idxs: list[int] = []
    for child in head.children:
        if child.i in inside:
            continue
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
            idxs += _coordinated_before(doc, _phrase(child, inside, 6), inside)
        elif child.dep_ in ("aux", "aux:tense", "aux:pass", "advmod:neg") or child.lower_ in ("ne", "n'", "pas"):
            idxs.append(child.i)
            expected = expected or "Fut" in child.morph.get("Tense") or "Cnd" in child.morph.get("Mood")
        elif child.dep_ in ("obj", "xcomp", "ccomp", "obl:arg", "iobj"):
            idxs += _phrase(child, inside, 8)
        elif child.dep_ in ("obl:mod", "obl") and child.ent_type_ == "LOC" and child.i > head.i:
            idxs += _phrase(child, inside, 3)
    gov = head.head
    if head.dep_ in ("xcomp", "ccomp", "advcl", "acl", "acl:relcl") and gov.i != head.i:
        expected = expected or "Fut" in gov.morph.get("Tense") or "Cnd" in gov.morph.get("Mood") or any(
            c.dep_.startswith("aux") and ("Cnd" in c.morph.get("Mood") or "Fut" in c.morph.get("Tense"))
            for c in gov.children)
        if head.dep_ == "xcomp" and not any(doc[i].dep_.startswith("nsubj") for i in idxs):
            idxs.append(gov.i)
            for c in gov.children:
                if c.i in inside or c.i == head.i:
                    continue
                if c.dep_.startswith(("nsubj", "aux")) or c.dep_ in ("obl:arg", "iobj"):
                    idxs += _phrase(c, inside, 5)
            idxs += [c.i for c in head.children if c.dep_ == "mark"]
        elif head.dep_ == "acl" and gov.pos_ in ("NOUN", "PROPN"):
            idxs += [c.i for c in gov.children if c.dep_ == "det"] + [gov.i]
            idxs += [c.i for c in head.children if c.dep_ == "mark"]
    idxs.append(head.i)
    label = _span_text(doc, [i for i in idxs if i not in inside])
    words = label.split()
    if len(words) > 16:
        label = " ".join(words[:16]) + " …"
    return label, expected


def _doc_index(doc: Any) -> dict[str, list[Any]]:
    """Token starts and ends and the verbs of a Doc, found once per Doc (kept in its ``user_data``)."""
    if "_index" not in doc.user_data:
        verbs = [t for t in doc if t.pos_ == "VERB"]
        doc.user_data["_index"] = {"starts": [t.idx for t in doc], "ends": [t.idx + len(t.text) for t in doc],
                                   "verbs": verbs, "verb_i": [t.i for t in verbs]}
    return doc.user_data["_index"]


def _entities_in(sent_doc: Any) -> list[str]:
    out = []
    for ent in sent_doc.ents:
        t = ent.text.strip(" ’'")
        if ent.label_ in _ENT_LABELS and len(t) > 2 and not re.fullmatch(r"[a-zA-Z]['’]?", t):
            if t not in out:
                out.append(t)
    return out


def _label_words(label: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w{4,}", label)}


def events(article: Article | str, reference_date: Any = None, *, tables: Any = None,
           timex_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Dated events of an article: each dated expression tied to the clause it dates.

    Only expressions in counted segments are used (a duplicated caption or a
    quotation reprinted with its signature gives no extra event). Expressions
    with a date interval (DATE, TIME, and durations that date something) make
    an event; mentions with the same value and a similar label (sharing
    content words) are merged, keeping the first.

    ``status`` is ``expected`` when the clause's verb is future or
    conditional, or the date is after the reference date, or the interval was
    projected forward ("en quelques mois" in a conditional clause); otherwise
    ``past``.

    Args:
        article: An :class:`~analysis.article.Article` (or raw text).
        reference_date: Overrides the article's date.
        tables: The :func:`analysis.pipeline.analyse` tables, if already computed.
        timex_table: The :func:`timexes` table, if already computed.

    Returns:
        pandas.DataFrame: Columns :data:`EVENT_COLUMNS`; ``label`` is a short
        clause (subject, verb, object) or noun phrase, ``actors`` the named
        entities of the sentence, ``mentions`` how many mentions were merged.
    """
    from ..text import nlp
    from ..text.pipeline import analyse

    if isinstance(article, str):
        article = Article.from_text(article)
    tables = tables or analyse(article, lemmas=False, stems=False)
    sents = tables.sentences
    tx = timex_table if timex_table is not None else timexes(article, reference_date, sentences=sents)
    ref_date, _ = (parse_reference_date(reference_date) if reference_date is not None else
                   parse_reference_date(article.meta.get("date")) if article.date_known else (None, "none"))
    counted_segs = set(tables.segments.loc[tables.segments["counted"].astype(bool), "seg"])
    sent_seg = dict(zip(sents["sent"], sents["seg"]))
    use = tx[(tx["sent"] >= 0) & tx["sent"].map(lambda s: sent_seg.get(s) in counted_segs)]
    use = use[use["begin"].notna() | use["end_date"].notna()]
    use = use[~use["value"].isin(["PRESENT_REF", "PAST_REF", "FUTURE_REF"])]
    use = use[(use["type"] != "DURATION") | use["derived"]]
    use = use[use["type"] != "SET"]
    nlp_model = nlp.load() if len(use) else None
    contexts = _Contexts(article.text, sents, tables.tokens)
    docs: dict[int, Any] = {}
    rows = []
    ents_entities = _entity_table(article, tables)
    mention_index = None
    if ents_entities is not None:
        from ..people.entities import MentionIndex

        mention_index = MentionIndex(ents_entities)
    for r in use.itertuples(index=False):
        c_start, c_end, d_start, model_text = contexts.of(int(r.sent), int(r.start))
        if d_start not in docs:
            # the model parses ASCII apostrophes far better; same length, so offsets hold
            docs[d_start] = nlp_model(model_text)
            docs[d_start].user_data["raw"] = article.text[d_start:d_start + len(model_text)]
        doc = docs[d_start]
        label, expected_verb = _head_label(doc, r.start - d_start, r.end - d_start)
        if mention_index is not None:
            sel = mention_index.within(c_start, c_end)
            names = mention_index.canonical if mention_index.canonical is not None else mention_index.text
            actors = list(dict.fromkeys(names[i] for i in sel))
        else:
            actors = _entities_in(doc)
        later = ref_date is not None and r.begin is not None and r.begin > ref_date
        status = "expected" if (expected_verb or later or r.anchor == EXPECTED_SPAN
                                or r.tense == "future") else "past"
        rows.append({"doc_id": r.doc_id, "sent": int(r.sent), "start": c_start, "end": c_end,
                     "sent_text": article.text[c_start:c_end], "timex": r.text, "timex_start": int(r.start),
                     "timex_end": int(r.end), "type": r.type, "value": r.value, "mod": r.mod, "begin": r.begin,
                     "end_date": r.end_date, "derived": bool(r.derived), "status": status,
                     "label": label or r.text, "actors": actors, "mentions": 1})
    merged = _merge_events(rows)
    if not merged:
        return _empty_frame(EVENT_COLUMNS, ints=frozenset({"event", "sent", "start", "end", "timex_start", "timex_end",
                                                           "mentions"}),
                            bools=frozenset({"derived"}), objects=frozenset({*_DATE_COLUMNS, "actors"}))
    out = pd.DataFrame(merged, columns=[c for c in EVENT_COLUMNS if c != "event"])
    out.insert(1, "event", np.arange(len(out), dtype="int64"))
    return out


def _merge_events(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge each event into the first earlier one with the same value and mod whose label shares
    enough content words (at least 30% of the shorter label's), keeping the first.

    Earlier events are looked up by value and mod, then by the words they share with the label
    (an inverted index), not compared one by one (which was quadratic in the number of events).
    """
    merged: list[dict[str, Any]] = []
    words_of: list[set[str]] = []
    by_word: dict[tuple[str, str, str], list[int]] = {}
    for row in rows:
        words = _label_words(row["label"])
        key = (row["value"], row["mod"])
        candidates = sorted({k for w in words for k in by_word.get((*key, w), ())})
        for k in candidates:  # in order: the first that qualifies, as comparing one by one would
            pw = words_of[k]
            if len(words & pw) / min(len(words), len(pw)) >= 0.3:
                prev = merged[k]
                prev["mentions"] += 1
                prev["actors"] = list(dict.fromkeys(prev["actors"] + row["actors"]))
                break
        else:
            for w in words:
                by_word.setdefault((*key, w), []).append(len(merged))
            merged.append(row)
            words_of.append(words)
    return merged


class _Contexts:
    """What an event is read in: its sentence; in a sentence of more than
    :data:`analysis.nlp.MAX_CHUNK_TOKENS` tokens, the window of that many tokens holding the
    expression (the windows the tagger reads it in); and of that, the piece spaCy is given
    (:func:`analysis.nlp.model_pieces`: at most :data:`~analysis.nlp.MAX_DOC_CHARS` characters, long
    runs without whitespace cut). A normal sentence is one window and one piece: itself."""

    def __init__(self, text: str, sents: pd.DataFrame, tokens: pd.DataFrame) -> None:
        self.text = text
        self.sent_start = dict(zip(sents["sent"].tolist(), sents["start"].tolist()))
        self.sent_end = dict(zip(sents["sent"].tolist(), sents["end"].tolist()))
        self.tok_start = tokens["start"].to_numpy(dtype=np.int64)
        self.tok_end = tokens["end"].to_numpy(dtype=np.int64)
        self._pieces: dict[tuple[int, int], list[tuple[int, str]]] = {}

    def of(self, sent: int, char: int) -> tuple[int, int, int, str]:
        """The context of an expression starting at ``char`` in sentence ``sent``.

        Returns:
            tuple: Start and end of the context (raw offsets, whitespace trimmed), start of the text
            given to spaCy, and that text (’ read as ').
        """
        from ..text.nlp import MAX_CHUNK_TOKENS, model_pieces

        lo, hi = self.sent_start[sent], self.sent_end[sent]
        i0, i1 = np.searchsorted(self.tok_start, [lo, hi], side="left")
        if i1 - i0 > MAX_CHUNK_TOKENS:
            k = int(np.searchsorted(self.tok_start, char, side="right")) - 1
            w0 = i0 + (max(k, i0) - i0) // MAX_CHUNK_TOKENS * MAX_CHUNK_TOKENS
            w1 = min(w0 + MAX_CHUNK_TOKENS, i1)
            lo, hi = int(self.tok_start[w0]), int(self.tok_end[w1 - 1])
        if (lo, hi) not in self._pieces:
            self._pieces[(lo, hi)] = model_pieces(self.text[lo:hi].replace("’", "'"))
        pieces = self._pieces[(lo, hi)]
        offset, piece = pieces[0]
        for offset, piece in pieces:
            if char - lo < offset + len(piece):
                break
        if len(pieces) == 1:
            return lo, hi, lo, piece
        start = lo + offset
        stripped = piece.strip()
        c_start = start + len(piece) - len(piece.lstrip())
        return c_start, c_start + len(stripped), start, piece


def _entity_table(article: Article, tables: Any) -> pd.DataFrame | None:
    """Entity mentions from :func:`analysis.entities.entities` when that module is there, else None (spaCy ents)."""
    try:
        from ..people.entities import entities
    except ImportError:
        return None
    return entities(article, tables=tables)
