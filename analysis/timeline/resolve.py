"""Resolution of dates: the normalisers of days, months, years and weekdays, and what they share."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .data import vocabulary as R
from .intervals import bounds, check_year, day_number, month_length, shift_days
from .recognise import alternation
from .reference import ABSOLUTE, NOT_ANCHORED, PREVIOUS, PUBLICATION, UNRESOLVED, Reference
from .tense import clause_of, tense_at, Words

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------


@dataclass
class Context:
    text: str
    ref: Reference
    prev: dt.date | None = None  # last day mentioned (for times, "le lendemain")
    tense_cache: dict[int, str | None] = field(default_factory=dict)
    _words: Words | None = None

    def tense(self, start: int, end: int) -> str | None:
        if start not in self.tense_cache:
            if self._words is None:
                self._words = Words(self.text)
            self.tense_cache[start] = tense_at(self.text, start, end, self._words)
        return self.tense_cache[start]


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, re.Pattern[str]]:
    """Compiled patterns of the normalisers, built once from the rule tables."""

    def words(table, left=r"(?<![\w-])", right=r"(?![\w-])"):
        return re.compile(left + alternation(table) + right, re.I)

    mods = "|".join(
        sorted((re.escape(w).replace("\\ ", r"\s+").replace("'", "['’]") for w in R.MODIFIERS), key=len, reverse=True)
    )
    return {
        "modifier": re.compile(rf"({mods})(?:\s+|(?<=['’]))", re.I),
        "part": re.compile(
            r"(début|fin|milieu|courant|commencement|mi)(?:-|\s*(?:du|des|de\s+l['’]|de|d['’])?\s*)", re.I
        ),
        "abbr": re.compile(r"(?<!\w)" + alternation(R.MONTH_ABBREVIATIONS), re.I),
        "month": words(R.MONTHS, r"(?<!\w)", r"(?!\w)"),
        "weekday": words(R.WEEKDAYS, r"(?<!\w)", r""),
        "daypart": words(R.DAY_PARTS),
        "shift": words([k for k in R.SHIFT_WORDS if k != "-ci"], r"(?<![\w-])", r"(?![\w])"),
        "round": re.compile(alternation(R.ROUND_QUANTITIES), re.I),
    }


def number(s: str) -> float | None:
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


def format_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def mod_of(s: str) -> tuple[str, str]:
    """Split a leading modifier ("plus de", "vers", "début", "mi-") off an expression."""
    low = s.lower()
    v = vocabulary()
    m = v["modifier"].match(low)
    if m:
        word = re.sub(r"\s+", " ", m.group(1)).replace("’", "'")
        return R.MODIFIERS[word], s[m.end() :]
    m = v["part"].match(low)
    if m and m.end() < len(s):
        return R.PARTS.get(m.group(1), ""), s[m.end() :]
    return "", s


def month_of(s: str) -> int | None:
    v = vocabulary()
    m = v["abbr"].search(s)
    if m:
        return R.MONTH_ABBREVIATIONS[m.group(0).lower()]
    m = v["month"].search(s)
    return R.MONTHS[m.group(0).lower()] if m else None


def weekday_of(s: str) -> int | None:
    m = vocabulary()["weekday"].search(s)
    return R.WEEKDAYS[m.group(0).lower()] if m else None


def daypart_of(s: str) -> str | None:
    m = vocabulary()["daypart"].search(s)
    return R.DAY_PARTS[m.group(0).lower()] if m else None


def shift_of(s: str) -> int | None:
    low = s.lower()
    if low.endswith("-ci"):
        return 0
    m = vocabulary()["shift"].search(low)
    return R.SHIFT_WORDS[re.sub(r"\s+", " ", m.group(0))] if m else None


def year_of(s: str, *, after_month: bool = False) -> int | None:
    m = re.search(r"(?<!\d)((?:1[0-9]|20)\d\d)(?!\d)", s)
    if m:
        return int(m.group(1))
    if after_month:
        m = re.search(r"'?(\d\d)\s*$", s)
        if m:
            yy = int(m.group(1))
            return 1900 + yy if yy >= 30 else 2000 + yy
    return None


#: A preposition that fixes no direction right before the expression (:data:`vocabulary.NEUTRAL_BEFORE`).
_NEUTRAL_BEFORE = re.compile(alternation(R.NEUTRAL_BEFORE) + r"\s+$", re.I)


def direction_of(ctx: Context, start: int, end: int, explicit: int | None) -> str | None:
    if explicit is not None and explicit != 0:
        return "past" if explicit < 0 else "future"
    if _NEUTRAL_BEFORE.search(ctx.text[max(0, start - 20) : start]):
        return None
    t = ctx.tense(start, end)
    return {"past": "past", "future": "future", "conditional": "future"}.get(t or "", None)


def pick(cands: list[tuple[int, int, Any]], ref: dt.date, direction: str | None) -> Any:
    """Choose among candidate intervals relative to ``ref``: latest started (past), first not ended (future), nearest.

    Bounds are day numbers (:func:`day_number`), so a candidate past either end of the calendar is
    compared like any other; choosing it is the caller's to refuse (:func:`check_year`).
    """
    today = ref.toordinal()
    if direction == "past":
        ok = [c for c in cands if c[0] <= today]
        return max(ok, key=lambda c: c[0])[2] if ok else cands[0][2]
    if direction == "future":
        ok = [c for c in cands if c[1] >= today]
        return min(ok, key=lambda c: c[0])[2] if ok else cands[-1][2]

    def dist(c):
        return 0 if c[0] <= today <= c[1] else min(abs(c[0] - today), abs(c[1] - today))

    return min(cands, key=dist)[2]


def result(
    type_: str,
    value: str,
    *,
    mod: str = "",
    anchor: str = ABSOLUTE,
    derived: bool = False,
    begin: dt.date | None = None,
    end_date: dt.date | None = None,
    set_prev: dt.date | None = None,
) -> dict[str, Any]:
    if type_ in ("DURATION", "SET") and anchor == ABSOLUTE:
        anchor = NOT_ANCHORED
    if begin is None and end_date is None and anchor not in (UNRESOLVED,) and type_ in ("DATE", "TIME"):
        begin, end_date = bounds(value, mod)
    return {
        "type": type_,
        "value": value,
        "mod": mod,
        "anchor": anchor,
        "derived": derived,
        "begin": begin,
        "end_date": end_date,
        "_prev": set_prev,
    }


def unresolved(type_: str, value: str, ctx: Context, mod: str = "", need: str = "day") -> dict[str, Any]:
    why = UNRESOLVED if ctx.ref.date is None else f"unresolved: reference date known only to the {ctx.ref.precision}"
    return result(type_, value, mod=mod, anchor=why)


def has_reference(ctx: Context, need: str) -> bool:
    order = {"none": 0, "year": 1, "month": 2, "day": 3}
    return order[ctx.ref.precision] >= order[need]


def day_value(d: dt.date) -> str:
    return d.isoformat()


def resolve_day_month(ctx, start, end, month, day, year, explicit_shift, mod="") -> dict | None:
    if year is not None:
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return result("DATE", d.isoformat(), mod=mod, set_prev=d)
    if not has_reference(ctx, "month"):
        if day > 31:
            return None
        return unresolved("DATE", f"XXXX-{month:02d}-{day:02d}", ctx, mod)
    ref = ctx.ref.date
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if 1 <= day <= month_length(y, month):  # years past the calendar's ends kept, to be refused if chosen
            n = day_number(y, month, day)
            cands.append((n, n, y))
    if not cands:
        return None
    y = check_year(pick(cands, ref, direction_of(ctx, start, end, explicit_shift)))
    d = dt.date(y, month, day)
    return result("DATE", d.isoformat(), mod=mod, anchor=PUBLICATION, set_prev=d)


def norm_numeric_date(ctx, s, start, end):
    """A date written in figures (guide §2.2: *15.01.2009*, *19/11/1929*, *2002.07.03*; HeidelTime
    date_r0a-d): day/month/year with / . or -, ISO year-month-day, year.month.day, and after *le* a
    day/month without a year (*le 16/06*, resolved like a day and a month). The determiner is part of
    the expression (guide §2.2: the whole noun phrase)."""
    core = re.sub(r"^(?:le|Le)\s+", "", s)
    if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)[tT]([012]\d:[0-5]\d)", core):  # an ISO timestamp: a TIME
        try:
            date = dt.date.fromisoformat(m[1])
        except ValueError:
            return None
        return result("TIME", f"{m[1]}T{m[2]}", begin=date, end_date=date, set_prev=date)
    if m := re.fullmatch(r"(\d{4})[-.](\d\d)[-.](\d\d)", core):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})", core):
        d, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12 or not 1 <= d <= month_length(2000, mo):
            return None
        return resolve_day_month(ctx, start, end, mo, d, None, None)
    else:
        d_, mo_, y_ = re.split(r"[/.-]", core)
        d, mo, y = int(d_), int(mo_), int(y_)
        if len(y_) == 2:
            y += 1900 if y >= 30 else 2000
    try:
        date = dt.date(y, mo, d)
    except ValueError:
        return None
    return result("DATE", date.isoformat(), set_prev=date)


def norm_full_date(ctx, s, start, end):
    month = month_of(s)
    m = re.search(r"(?<!\d)(1er|1ᵉʳ|premier|\d{1,2})(?!\d)", s, re.I)
    if not m or month is None:
        return None
    day = (
        1
        if not m.group(1)[0].isdigit() or m.group(1).startswith("1e") or m.group(1).startswith("1ᵉ")
        else int(m.group(1))
    )
    v = vocabulary()
    mm = v["abbr"].search(s) or v["month"].search(s)
    assert mm is not None  # the rule matched a month name in s
    rest = s[mm.start() :]
    year = year_of(rest, after_month=True) if re.search(r"\d", rest) else None
    res = resolve_day_month(ctx, start, end, month, day, year, shift_of(rest))
    if res is None:
        return None
    part = daypart_of(rest)
    if part and res["anchor"] != UNRESOLVED and not res["anchor"].startswith("unresolved"):
        res = result(
            "TIME",
            f"{res['value']}T{part}" if not part.startswith("T") else f"{res['value']}{part}",
            anchor=res["anchor"],
            set_prev=res["_prev"],
        )
    return res


def norm_list_date(ctx, s, start, end):
    tail = ctx.text[end : end + 80]
    m = re.match(
        r"(?:\s*(?:,|et|au|à|-|ou)\s*(?:le\s+)?(?:\w+\s+)?(?:1er|premier|\d{1,2}))+\s+(?:de\s+)?(\S+)"
        r"(?:\s+((?:1[0-9]|20)\d\d))?(?:\s+(derniers?|prochains?))?",
        tail,
        re.I,
    )
    month = month_of(m.group(1)) if m else None
    if m is None or month is None:
        return None
    dm = re.search(r"(1er|premier|\d{1,2})\s*$", s, re.I)
    assert dm is not None  # the rule matched a day number at the end of s
    day = 1 if not dm.group(1).isdigit() else int(dm.group(1))
    year = int(m.group(2)) if m.group(2) else None
    shift = shift_of(m.group(3)) if m.group(3) else None
    return resolve_day_month(ctx, start, end, month, day, year, shift)


def norm_month_year(ctx, s, start, end):
    """A month and its year, the year also given relatively (guide §2.2 ex.(65), (67), a specification
    is one TIMEX3: *le mois d'octobre de 1969*, *janvier de cette année*, *novembre de l'année
    prochaine*; HeidelTime date_r8a, r9c; *nov. 2001*)."""
    mod, core = mod_of(s)
    month = month_of(core)
    low = core.lower()
    rel = re.search(r"de\s+(?:cette\s+année|l['’]année\s+(dernière|prochaine|passée|en\s+cours))$", low)
    if rel:
        if month is None or not has_reference(ctx, "year"):
            return None
        shift = {"dernière": -1, "passée": -1, "prochaine": 1}.get(rel.group(1) or "", 0)
        return result("DATE", f"{check_year(ctx.ref.date.year + shift):04d}-{month:02d}", mod=mod, anchor=PUBLICATION)
    key = next((k for k in sorted([*R.MONTHS, *R.MONTH_ABBREVIATIONS], key=len, reverse=True) if k in low), None)
    year = year_of(low.split(key)[-1], after_month=True) if key else None
    if month is None or year is None:
        return None
    return result("DATE", f"{year:04d}-{month:02d}", mod=mod)


def norm_decade(ctx, s, start, end):
    mod, core = mod_of(s)
    m = re.search(r"(\d{4}|\d\d)\s*$", core)
    assert m is not None  # the rule matched a decade's digits
    y = int(m.group(1))
    if y < 100:
        y = 1900 + y if y >= 20 else 2000 + y
    if y % 10:
        return None
    return result("DATE", f"{y // 10:03d}X", mod=mod)


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = R.ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def norm_century(ctx, s, start, end):
    """A century or a millennium, in figures, Roman numerals or words (guide §2.2.5: *le 20e siècle*;
    FTB 1.1 README: ``18XX``; *le troisième millénaire* ``2XXX``), before the common era with
    ``BC`` (*le IVe siècle avant J.-C.* ``BC03XX``, ISO 8601 / TimeML's BC prefix)."""
    mod, core = mod_of(s)
    low = core.lower()
    m = re.search(r"(?<![\w-])([ivxl]+|\d{1,2})(?:e|è|ème|eme|ᵉ|er)\s+(siècle|millénaire)", low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _roman(m.group(1).upper())
        unit = m.group(2)
    else:
        w = next((k for k in sorted(R.ORDINAL_WORDS, key=len, reverse=True) if re.search(rf"\b{k}\s", low)), None)
        n, unit = (R.ORDINAL_WORDS[w] if w else None), ("millénaire" if "millénaire" in low else "siècle")
    if not n or n > (21 if unit == "siècle" else 3):
        return None
    bc = "BC" if any(b.lower() in low for b in R.BEFORE_CHRIST) else ""
    value = f"{n - 1:02d}XX" if unit == "siècle" else f"{n - 1}XXX"  # FTB 1.1 README: "XIXe siècle" 18 => 18XX
    return result("DATE", bc + value, mod=mod)


def norm_year_bc(ctx, s, start, end):
    """A year before the common era: *52 av. J.-C.* ``BC0052`` (HeidelTime's historic dates)."""
    m = re.match(r"(?:l['’]an\s+)?(\d{1,4})", s.lower())
    if m is None or int(m.group(1)) == 0:
        return None
    return result("DATE", f"BC{int(m.group(1)):04d}")


def norm_year_noun(ctx, s, start, end):
    mod, core = mod_of(s)
    return result("DATE", f"{year_of(core):04d}", mod=mod)


def previous_word(text: str, start: int) -> str:
    m = re.search(r"([\w’'(,–-]+)\s*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([\w’'-]+|[^\w\s])", text[end : end + 30])
    return m.group(1) if m else ""


_RANGE_FIRST = re.compile(r"((?:1[0-9]|20)\d\d)-$")
_RANGE_SECOND = re.compile(r"-((?:1[0-9]|20)\d\d|\d\d)(?![\d\w])")


def norm_year(ctx, s, start, end):
    mod, core = mod_of(s)
    first = _RANGE_FIRST.search(ctx.text, max(0, start - 5), start)
    if first and not mod:  # the second year of a range: "2002-2003", "1850-58" (the century of the first)
        y0, tail = int(first.group(1)), core.strip()
        y = int(tail) if len(tail) == 4 else y0 // 100 * 100 + int(tail)
        return result("DATE", f"{y:04d}") if y > y0 else None
    if len(core.strip()) < 4:
        return None
    second = _RANGE_SECOND.match(ctx.text, end)
    if second and not mod:
        tail = second.group(1)
        y0 = int(core.strip()[:4])
        y = int(tail) if len(tail) == 4 else y0 // 100 * 100 + int(tail)
        if y > y0:
            return result("DATE", core.strip()[:4])
    if not mod:
        prev = previous_word(ctx.text, start)
        nxt = next_word(ctx.text, end)
        before = ctx.text[max(0, start - 2) : start]
        if re.search(r"[\d]\s$|[-/.]$|n°\s?$|°\s?$", before) or re.match(
            r"[,.]\d|\s*[%€$]|\s*-\d|/", ctx.text[end : end + 3]
        ):
            return None
        prev_ok = prev in R.YEAR_PRECEDERS or prev.endswith(("'", "’")) or prev == "" or prev[-1:] in "(,–-"
        next_ok = nxt == "" or not nxt[0].isalnum() or nxt.lower() in R.YEAR_FOLLOWERS or nxt[0].isupper()
        if (
            not prev_ok
            and next_ok
            and nxt in (",", ".", ";", ":", ")")
            and prev.isalpha()
            and prev not in R.YEAR_NOT_AFTER
        ):
            prev_ok = True  # "budget supplémentaire 2002," : a year closing a noun phrase
        if not (prev_ok and next_ok):
            return None
        # "Entre 2000 et 3000 manifestants": the number coordinated with this one counts a noun, so
        # both are quantities (HeidelTime date_r3a negative: number + noun is not a year).
        # Only between numbers of the same size ("de 21 euros en 2010 et 15 euros en 2009" keeps 2010).
        co = re.match(
            r"\s+(?:et|à|ou)\s+(\d{4}|\d{1,3}(?:[\s\u00a0\u202f]\d{3})+)\s+([^\W\d_]+)", ctx.text[end : end + 40]
        )
        if (
            co
            and co.group(2).lower() not in R.YEAR_FOLLOWERS
            and not vocabulary()["month"].fullmatch(co.group(2))
            and prev not in ("en", "depuis", "dès", "avant", "après", "vers", "fin", "début")
        ):
            return None
    return result("DATE", core.strip()[:4], mod=mod)


def norm_month(ctx, s, start, end):
    mod, core = mod_of(s)
    month = month_of(core)
    if month is None:
        return None
    found = vocabulary()["month"].search(core)
    assert found is not None  # month_of found one
    name = found.group(0)
    if (
        name[0].isupper()
        and name.lower() in R.AMBIGUOUS_CAPITALISED_MONTHS
        and not mod
        and not re.match(r"(?i)(?:le\s+)?mois", core)
    ):
        prev = previous_word(ctx.text, start)
        nxt = next_word(ctx.text, end)
        if prev not in {
            "en",
            "de",
            "d'",
            "d’",
            "depuis",
            "dès",
            "fin",
            "début",
            "mi",
            "jusqu'en",
            "jusqu’en",
            "avant",
            "après",
        } or (nxt[:1].isupper() and nxt[:1].isalpha()):
            return None
    if re.match(r"\s+\d", ctx.text[end : end + 3]) and not re.match(r"\s+\d{1,2}\s*[hH:]", ctx.text[end : end + 6]):
        return None  # "mai 10" is not a month
    shift = shift_of(core[len(name) :] if core.lower().startswith(name.lower()) else core)
    if not has_reference(ctx, "year"):
        return unresolved("DATE", f"XXXX-{month:02d}", ctx, mod)
    ref = ctx.ref.date
    cands = [
        (day_number(y, month, 1), day_number(y, month, month_length(y, month)), y)
        for y in (ref.year - 1, ref.year, ref.year + 1)
    ]
    y = check_year(pick(cands, ref, direction_of(ctx, start, end, shift)))
    return result("DATE", f"{y:04d}-{month:02d}", mod=mod, anchor=PUBLICATION)


def norm_relative_day(ctx, s, start, end):
    low = s.lower().replace("’", "'")
    offset = next(
        v for k, v in sorted(R.RELATIVE_DAYS.items(), key=lambda kv: -len(kv[0])) if low.startswith(k.replace("’", "'"))
    )
    part = daypart_of(low.split(" ", 1)[1]) if " " in low else None
    mod = "START" if re.search(r"début\s*d", low) else "END" if re.search(r"fin\s*d", low) else ""
    if offset == 0 and part is None and low.startswith("aujourd"):
        before = ctx.text[max(0, start - 3) : start]
        after = ctx.text[end : end + 2]
        a, _ = clause_of(ctx.text, start, end)
        opening = not ctx.text[a:start].strip() or before.rstrip().endswith(("«", '"', "—", ":"))
        if (
            opening
            or (before.rstrip().endswith(",") and after.lstrip().startswith(","))
            or (opening and after.lstrip().startswith(","))
        ):
            if has_reference(ctx, "day"):
                return result("TIME", "PRESENT_REF", anchor=PUBLICATION, begin=ctx.ref.date, end_date=ctx.ref.date)
            return result("TIME", "PRESENT_REF", anchor=ctx.ref.precision == "none" and UNRESOLVED or PUBLICATION)
    if not has_reference(ctx, "day"):
        return unresolved(
            "TIME" if part else "DATE",
            "XXXX-XX-XX" + (f"T{part}" if part and not part.startswith("T") else ""),
            ctx,
            mod,
        )
    d = shift_days(ctx.ref.date, offset)
    if part:
        value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
        return result("TIME", value, mod=mod, anchor=PUBLICATION, begin=d, end_date=d, set_prev=d)
    return result("DATE", d.isoformat(), mod=mod, anchor=PUBLICATION, set_prev=d)


def base_day(ctx) -> tuple[dt.date | None, str]:
    if ctx.prev is not None:
        return ctx.prev, PREVIOUS
    if has_reference(ctx, "day"):
        return ctx.ref.date, PUBLICATION
    return None, UNRESOLVED


def norm_this_daypart(ctx, s, start, end):
    low = s.lower()
    part = daypart_of(low) or next((v for k, v in R.DAYTIME.items() if low.endswith(k)), None)
    if part is None:
        return None
    mod = ""
    pm = re.match(r"(début|fin|milieu)", low)
    if pm:
        mod = R.PARTS[pm.group(1)]
    if low.startswith(("ce", "cet", "cette")) and "même" not in low and not weekday_of(low):
        if not has_reference(ctx, "day"):
            return unresolved("TIME", f"XXXX-XX-XXT{part}", ctx)
        d = ctx.ref.date
        anchor = PUBLICATION
    elif "dernière" in low:
        if not has_reference(ctx, "day"):
            return unresolved("TIME", f"XXXX-XX-XXT{part}", ctx)
        d, anchor = shift_days(ctx.ref.date, -1), PUBLICATION
    else:
        wd = weekday_of(low)
        d, anchor = base_day(ctx)
        if d is None:
            return unresolved("TIME", f"XXXX-XX-XXT{part}", ctx)
        if wd and d.isoweekday() != wd:
            d = shift_days(d, (wd - d.isoweekday()) % 7)
    value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
    return result("TIME", value, mod=mod, anchor=anchor, begin=d, end_date=d, set_prev=d)


def norm_anaphoric_day(ctx, s, start, end):
    low = s.lower()
    offset = next((v for k, v in sorted(R.ANAPHORIC_DAYS.items(), key=lambda kv: -len(kv[0])) if k in low), 0)
    part = daypart_of(low.replace("lendemain", "").replace("veille", ""))
    base, anchor = base_day(ctx)
    if base is None:
        return unresolved("TIME" if part else "DATE", "XXXX-XX-XX", ctx)
    d = shift_days(base, offset)
    if part:
        value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
        return result("TIME", value, anchor=anchor, begin=d, end_date=d, set_prev=d)
    return result("DATE", d.isoformat(), anchor=anchor, set_prev=d)


def norm_weekday(ctx, s, start, end):
    low = s.lower()
    wd = weekday_of(low)
    part = daypart_of(low.replace(next(k for k in R.WEEKDAYS if k in low), ""))
    shift = shift_of(low)
    found = vocabulary()["weekday"].search(s)
    assert found is not None  # weekday_of found one
    name = found.group(0)
    assert wd is not None  # the weekday name just found
    nxt = next_word(ctx.text, end)
    if name[0].isupper() and nxt[:1].isupper() and s.endswith(name):
        return None  # "le Vendredi Saint", a capitalised name
    if re.match(r"le\s", low) and shift is None and part is None:
        return result("SET", f"XXXX-WXX-{wd}")
    if "même" in low:
        base, anchor = base_day(ctx)
        if base is None:
            return unresolved("TIME" if part else "DATE", "XXXX-XX-XX", ctx)
        d = shift_days(base, (wd - base.isoweekday()) % 7)
    else:
        if not has_reference(ctx, "day"):
            return unresolved("TIME" if part else "DATE", f"XXXX-WXX-{wd}", ctx)
        ref = ctx.ref.date
        direction = direction_of(ctx, start, end, shift)
        delta = (wd - ref.isoweekday()) % 7
        this_week = shift is None and re.match(r"ce\s", low) is not None
        if this_week:
            # DIRECTION.md R0, French deixis of "ce": the day of the reference date's own week ("ce
            # mercredi" in a Wednesday paper is that day), unless the tense contradicts it.
            d = shift_days(ref, wd - ref.isoweekday())
            if direction == "future" and d < ref:
                d = shift_days(d, 7)
            elif direction == "past" and d > ref:
                d = shift_days(d, -7)
        else:
            if direction is None:  # no tense clue: the nearest such day (the same weekday: a week ago)
                direction = "future" if 0 < delta < 7 - delta else "past"
            if direction == "future":
                d = shift_days(ref, delta or 7)
            else:
                d = shift_days(ref, -(((ref.isoweekday() - wd) % 7) or 7))
        anchor = PUBLICATION
    if part:
        value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
        return result("TIME", value, anchor=anchor, begin=d, end_date=d, set_prev=d)
    return result("DATE", d.isoformat(), anchor=anchor, set_prev=d)


def norm_weekday_day(ctx, s, start, end):
    """A weekday and a day number without a month (DIRECTION.md R7): *jeudi 15* is the 15th of the
    reference month, or of the month before or after, that falls on a Thursday (the weekday checks
    the month); if several do, the tense chooses as for any date (:func:`pick`)."""
    low = s.lower()
    wd = weekday_of(low)
    m = re.search(r"(1er|1ᵉʳ|premier|\d{1,2})", low)
    if wd is None or m is None:
        return None
    n = 1 if not m.group(1).isdigit() else int(m.group(1))
    part = daypart_of(low[m.end() :])
    if not has_reference(ctx, "day"):
        return unresolved("TIME" if part else "DATE", "XXXX-XX-XX", ctx)
    ref = ctx.ref.date
    cands = []
    for k in range(-6, 7):  # the nearest months first matter; half a year either way is enough
        y, mo = (ref.year * 12 + ref.month - 1 + k) // 12, (ref.month - 1 + k) % 12 + 1
        if n <= month_length(y, mo) and dt.date(y, mo, n).isoweekday() == wd:
            d = day_number(y, mo, n)
            cands.append((d, d, dt.date(y, mo, n)))
    if not cands:
        return None
    d = pick(cands, ref, direction_of(ctx, start, end, None))
    if part:
        value = f"{d.isoformat()}{part}" if part.startswith("T") else f"{d.isoformat()}T{part}"
        return result("TIME", value, anchor=PUBLICATION, begin=d, end_date=d, set_prev=d)
    return result("DATE", d.isoformat(), anchor=PUBLICATION, set_prev=d)


def norm_day_alone(ctx, s, start, end):
    """A day number without its month (DIRECTION.md R8): *Le 12, les syndicats ont manifesté*, *depuis
    le 1er*. Recognised only before a comma or after *depuis* / *dès*, where the number cannot count
    anything. The month is the reference date's; a past clause and a day after the reference day take
    the month before, a future clause and a day before it the month after; no tense: the nearest."""
    m = re.search(r"(1er|1ᵉʳ|premier|\d{1,2})", s.lower())
    if m is None:
        return None
    n = 1 if not m.group(1).isdigit() else int(m.group(1))
    if not has_reference(ctx, "day"):
        return unresolved("DATE", f"XXXX-XX-{n:02d}", ctx)
    ref = ctx.ref.date
    cands = []
    for k in (-1, 0, 1):
        y, mo = (ref.year * 12 + ref.month - 1 + k) // 12, (ref.month - 1 + k) % 12 + 1
        if n <= month_length(y, mo):
            d = day_number(y, mo, n)
            cands.append((d, d, dt.date(y, mo, n)))
    if not cands:
        return None
    direction = "past" if re.match(r"(?:depuis|dès)\s", ctx.text[max(0, start - 7) : start].lower()) else None
    d = pick(cands, ref, direction or direction_of(ctx, start, end, None))
    return result("DATE", d.isoformat(), anchor=PUBLICATION, set_prev=d)
