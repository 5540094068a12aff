"""Recognition: the one regular expression that finds French temporal expressions, built from the rule tables."""

from __future__ import annotations

import functools
import re

from ..text.rules import trie_regex
from .data import vocabulary as R
from .data.patterns import RULES

# --------------------------------------------------------------------------
# The regex, built from the rule tables
# --------------------------------------------------------------------------

_APOS = "['’]"


def alternation(words) -> str:
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
    singles = alternation([w for w, v in R.NUMBER_WORDS.items() if v < 20 or v >= 100])
    numw = (
        rf"(?:{tens}(?:-et-(?:un|une|onze)|\s+et\s+(?:un|une)|-(?:dix-sept|dix-huit|dix-neuf|{singles}))?"
        rf"|dix-sept|dix-huit|dix-neuf|{singles})(?![\w-])"
    )
    units = alternation(R.UNITS)
    b = {
        # a word start, not inside a word, a number or a code ("-", "/", "."), except the second year of
        # a range of years ("2002-2003", "1850-58"; HeidelTime date_r12a/b)
        "B": r"(?<![\w./])(?<!(?<!\d{4})-)",
        "E": r"(?![\w])",
        "A": _APOS,
        "S": r"\s+",
        "MONTH": alternation(R.MONTHS) + r"(?![\w])",
        "MONTHANY": "(?:" + alternation(R.MONTHS) + r"(?![\w])|" + alternation(R.MONTH_ABBREVIATIONS) + ")",
        "WEEKDAY": alternation(R.WEEKDAYS),
        "DAYNUM": r"(?:1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])(?![\d,.]\d)",
        "YEAR4": r"(?:1[0-9]|20)\d\d(?![\d])",
        "NUMW": numw,
        "UNIT": units + r"(?![\w-])",
        "SEASON": alternation(R.SEASONS) + r"(?![\w])",
        "DAYPART": alternation(R.DAY_PARTS) + r"(?![\w-])",
        "RELDAY": alternation(R.RELATIVE_DAYS) + r"(?![\w-])",
        "SHIFT": alternation([k for k in R.SHIFT_WORDS if k != "-ci"]) + r"(?![\w])",
        "MODW": alternation(R.MODIFIERS),
        "VAGUEQ": alternation(R.VAGUE_QUANTITIES),
        "ROUND": alternation(R.ROUND_QUANTITIES),
        "RELUNIT": "(?:"
        + alternation(
            ["semaine", "mois", "année", "an", "week-end", "trimestre", "semestre", "siècle", "décennie", "saison"]
        )
        + "|"
        + alternation(R.SEASONS)
        + r")(?![\w])",
        "PART": r"(?:(?:début|fin|milieu|courant|commencement)(?:\s+(?:du|des|de)(?=\s)|\s*d['’])?\s*|mi-|mi\s+)",
    }
    b["HOLIDAY"] = alternation(R.HOLIDAYS)
    b["DAYPARTWORD"] = alternation(R.DAY_PARTS)
    b["PERUNIT"] = alternation(R.PER_UNITS)
    b["SETADJ"] = alternation(R.SET_ADJECTIVES)
    b["DURNOUN"] = alternation(R.DURATION_NOUNS)
    b["VAGUEREF"] = alternation(R.VAGUE_REFERENCES)
    b["MAXLIST"] = str(R.MAX_LIST_DAYS - 1)
    b["ORDW"] = alternation(R.ORDINAL_WORDS)
    b["BC"] = alternation([w.lower() for w in R.BEFORE_CHRIST]) + r"(?![\w])"
    b["QTY"] = (
        rf"(?:\d{{1,3}}(?:[\u0020\u00a0\u202f]\d{{3}}){{1,{R.MAX_THOUSANDS_GROUPS}}}(?!\d)"
        r"|\d+(?:[,.]\d+)?|<NUMW>|<VAGUEQ>"
        r"|une?<S><ROUND><S>d(?:e<S>|<A>))"
    )
    return b


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    pattern = pattern.replace("<S>?", r"\s*")
    for _ in range(3):
        pattern = re.sub(r"<([A-Z0-9]+)>", lambda m: blocks.get(m.group(1), m.group(0)), pattern)
    return pattern


def first_words() -> list[str]:
    """Every word that can begin an expression, from the rule tables (lowercase, first piece of each phrase)."""
    tables = (
        R.MONTHS,
        R.MONTH_ABBREVIATIONS,
        R.WEEKDAYS,
        R.NUMBER_WORDS,
        R.VAGUE_QUANTITIES,
        R.UNITS,
        R.DURATION_NOUNS,
        R.SEASONS,
        R.DAY_PARTS,
        R.RELATIVE_DAYS,
        R.ANAPHORIC_DAYS,
        R.MODIFIERS,
        R.VAGUE_REFERENCES,
        R.SET_ADJECTIVES,
        R.HOLIDAYS,
        R.PARTS,
        R.RULE_STARTERS,
        R.ROUND_QUANTITIES,
        R.ORDINAL_WORDS,
    )
    words = {re.split(r"[\s'’.\-]", w.lower())[0] for table in tables for w in table}
    return sorted(w for w in words if w)


@functools.lru_cache(maxsize=2)
def single_patterns(ignore_case: bool = False) -> tuple[re.Pattern[str], ...]:
    """Each rule on its own, compiled (cached)."""
    blocks = _blocks()
    return tuple(re.compile(_expand(p, blocks), re.IGNORECASE if ignore_case else 0) for _, p in RULES)


@functools.lru_cache(maxsize=4)
def master_pattern(ignore_case: bool = False, gated: bool = True) -> re.Pattern[str]:
    """The master regex: one named group per rule, in priority order (cached).

    With ``gated`` (the default), a lookahead before all rules checks that the position starts a
    digit, a Roman numeral or a word that can begin an expression (:func:`first_words`, read from the
    rule tables): most positions fail there at once. It never rejects a position where a rule
    matches (``gated=False`` is the reference, for tests).
    """
    blocks = _blocks()
    flags = re.IGNORECASE if ignore_case else 0
    gate = r"(?=\d|[ivxl]+(?:e|è|ème|eme|ᵉ|er)\s|" + trie_regex(first_words()) + r"(?!\w))" if gated else ""
    # Every rule starts at a word start: the boundary is checked once for all
    # rules (most positions, inside words, fail there at once).
    if not all(p.startswith("<B>") for _, p in RULES):
        raise ValueError("every rule of RULES must start with <B> (a word start)")
    inner = [_expand(p[len("<B>") :], blocks) for _, p in RULES]
    alternatives = "|".join(f"(?P<r{i}>{s})" for i, s in enumerate(inner))
    return re.compile(blocks["B"] + gate + r"(?:" + alternatives + ")", flags)


def compiled(ignore_case: bool = False) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """The master regex (one named group per rule) and each rule on its own (both cached).

    By default the patterns are case-sensitive and run over the lowercased
    text (much faster than ``re.IGNORECASE``); ``ignore_case=True`` gives the
    variant for the rare texts whose lowercase changes length.
    """
    return master_pattern(ignore_case), single_patterns(ignore_case)
