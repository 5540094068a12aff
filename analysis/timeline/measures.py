"""Resolution of durations, sets, clock times, seasons, holidays and vague references."""

from __future__ import annotations

import datetime as dt
import re

from .data import vocabulary as R
from .intervals import (
    OutOfCalendar,
    add_duration,
    add_months,
    check_year,
    day_number,
    easter_month_day,
    from_day_number,
    month_length,
    shift_days,
)
from .recognise import RULES, alternation, single_patterns
from .reference import DERIVED, EXPECTED_SPAN, PREVIOUS, PUBLICATION, UNRESOLVED
from .resolve import (
    base_day,
    Context,
    daypart_of,
    direction_of,
    format_number,
    has_reference,
    mod_of,
    month_of,
    norm_relative_day,
    norm_weekday,
    number,
    pick,
    previous_word,
    result,
    shift_of,
    unresolved,
    vocabulary,
    weekday_of,
    year_of,
)


def _qty_unit(s: str) -> tuple[float | None, str, int, bool, bool] | None:
    """Quantity, ISO unit, multiplier, is-time-unit and half ("et demi") of a duration phrase."""
    low = s.lower()
    half = bool(re.search(r"\bet\s+demie?$", low))
    if m := re.search(r"une?\s+demi-(heure|journée|siècle)", low):
        # a half unit: 30 minutes, 12 hours, 50 years (guide §2.2.5 duration table: PT30M)
        unit = {"heure": ("M", 30, True), "journée": ("H", 12, True), "siècle": ("Y", 50, False)}[m.group(1)]
        return 1.0, unit[0], unit[1], unit[2], False
    um = None
    for um in re.finditer(r"[\w-]+", low):
        pass
    words = re.findall(r"[\w-]+", low)  # "d'années": the unit after an elided "de" is a word of its own
    unit_word = next((w for w in reversed(words) if w in R.UNITS), None)
    if unit_word is None:
        return None
    iso, mult, is_time = R.UNITS[unit_word]
    rm = vocabulary()["round"].search(low)
    if rm:
        return float(R.ROUND_QUANTITIES[rm.group(0)]), iso, mult, is_time, half
    qm = re.search(r"(\d{1,3}(?:[\u0020\u00a0\u202f]\d{3})+|\d+(?:[,.]\d+)?)", low)
    if qm:
        return number(qm.group(1)), iso, mult, is_time, half
    for w in words:
        if w in R.UNITS:
            break
        n = number(w)
        if n is not None:
            return n, iso, mult, is_time, half
    return None, iso, mult, is_time, half


def _duration_value(n: float | None, iso: str, mult: int, is_time: bool, half: bool) -> str:
    """The ISO 8601 value of a duration; a half ("et demie") is written as a decimal of the unit, as the
    guide's duration table does (*deux heures et demie* ``PT2.5H``; so *un an et demi* ``P1.5Y``)."""
    if n is None:
        return f"PT{'X'}{iso}" if is_time else f"PX{iso}"
    n = n * mult + (0.5 * mult if half else 0)
    return f"PT{format_number(n)}{iso}" if is_time else f"P{format_number(n)}{iso}"


def _is_age(text: str, start: int, end: int, s: str) -> bool:
    """'87 ans' after a name, 'âgé de 17 ans', 'une fillette de 6 ans', 'enfants de 2 à 8 ans', 'à 87 ans'."""
    if not re.search(r"\bans$", s.lower()):
        return False
    before = text[max(0, start - 60) : start].lower()
    after = text[end : end + 3]
    if re.match(r"\d|[a-z]", s.lower()) and previous_word(text, start).lower() in R.POSSESSIVES:
        return True  # "ses 100 ans", "leurs vingt ans": an age or an anniversary (vocabulary.POSSESSIVES)
    if re.match(r"\s+(?:de|d['’])\s*(?:prison|réclusion|détention|emprisonnement|sursis)", text[end : end + 20]):
        return False
    if re.match(r"(?:moins|plus)\s", s.lower()) and re.search(r"(?:les|des|aux)\s+$", before):
        return True  # "les moins de 17 ans": an age group
    if re.search(r"(?:âgée?s?|agée?s?|l['’]âge)\s+(?:de\s+)?(?:\d+\s+(?:à|ou|et)\s+)?$", before):
        return True
    if re.search(r"(?:^|\s)(?:à|a)\s+$", before) and not re.search(r"(?:jusqu|pendant|depuis)", before[-20:]):
        return True
    if re.match(r"\s+(?:de|d['’])\s*(?:prison|réclusion|détention|emprisonnement|sursis)", text[end : end + 20]):
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


_DERIVE_BEFORE = re.compile(alternation(R.DERIVE_BEFORE) + r"\s+$", re.I)
_NOUN_DE_BEFORE = re.compile(r"([a-zàâçéèêëîïôûùüÿœ-]{3,})\s+(?:de|d['’])\s*$", re.I)
_DE_NOUN_AFTER = re.compile(r"\s+(?:de|d['’])\s*([a-zàâçéèêëîïôûùüÿœ-]{3,})", re.I)


def _names_a_thing(text: str, start: int, end: int, s: str) -> bool:
    """A number of hours that names a thing, not a length of time (issue 13, CATALOGUE.md §8).

    * "le 20 heures": a singular article on a plural unit does not agree, so the phrase is a name
      (the evening news programme);
    * "les 24 Heures du Mans": a capitalised unit inside a sentence is part of a name;
    * "les 35 heures", "aux 35 heures": a definite plural with neither a complement after it
      (:data:`vocabulary.HOURS_COMPLEMENTS`) nor a preposition of time before it
      (:data:`vocabulary.HOURS_DURATION_BEFORE`) names the measure (the law on the working week).
    """
    m = re.fullmatch(r"(?:(le|les|aux|des)\s+)?(\d+)\s+(heures)", s, re.I)
    if m is None:
        return False
    at = start
    det = (m.group(1) or "").lower()
    if not det:  # the article left outside the span ("les" before a "35 heures" match)
        pm = re.search(r"(?:^|(?<=\W))(le|les|aux|des)\s+$", text[max(0, start - 5) : start], re.I)
        if pm is None:
            return False
        det, at = pm.group(1).lower(), start - len(pm.group(0))
    unit = m.group(3)
    if det == "le" or unit[0] == "H":
        return True
    nxt = re.match(r"\s*([\w’'-]+(?:\s+venir)?)", text[end : end + 30])
    if nxt and (nxt.group(1).lower() in R.HOURS_COMPLEMENTS or nxt.group(1).lower().startswith(("d'", "d’"))):
        return False
    return previous_word(text, at).lower() not in R.HOURS_DURATION_BEFORE


_ORDINAL_PARTS = {
    "premier": 1,
    "1er": 1,
    "première": 1,
    "deuxième": 2,
    "second": 2,
    "seconde": 2,
    "2e": 2,
    "troisième": 3,
    "3e": 3,
    "quatrième": 4,
    "4e": 4,
}


def norm_part_of_year(ctx, s, start, end):
    """A quarter or a half of a year (guide §2.2.5 ``XXXX-Q1``, ``XXXX-H2``; HeidelTime date_r10a, r11a,
    r23a, normPartOfYear): *le premier trimestre 2002* ``2002-Q1``, *le deuxième semestre* ``2003-H2``,
    *la première moitié de l'année* ``2003-H1``. Without a year, the tense decides as for months, and
    with no tense a news text reports the latest one begun (HeidelTime: "IN NEWS: past")."""
    low = s.lower().replace("’", "'")
    half = "moitié" in low or "semestre" in low
    word = re.search(r"(premier|1er|première|deuxième|second|seconde|2e|troisième|3e|quatrième|4e|dernier)", low)
    if word is None:
        return None
    y = year_of(low)
    shift = -1 if re.search(r"année\s+(?:dernière|passée)", low) else 1 if "année prochaine" in low else 0
    if word.group(1) == "dernier":
        if y is None and not re.search(r"\bannée\b", low):
            return None  # "le dernier trimestre": the latest one, not the fourth (relative_unit reads it)
        n = 2 if half else 4
    else:
        n = _ORDINAL_PARTS[word.group(1)]
        if n > (2 if half else 4):
            return None
    letter = "H" if half else "Q"
    if y is not None:
        return result("DATE", f"{y:04d}-{letter}{n}")
    if not has_reference(ctx, "year"):
        return unresolved("DATE", f"XXXX-{letter}{n}", ctx, need="year")
    ref = ctx.ref.date
    if shift or re.search(r"\bannée\b", low):
        return result("DATE", f"{check_year(ref.year + shift):04d}-{letter}{n}", anchor=PUBLICATION)
    months = 6 if half else 3
    cands = [
        (day_number(yy, months * (n - 1) + 1, 1), day_number(yy, months * n, month_length(yy, months * n)), yy)
        for yy in (ref.year - 1, ref.year, ref.year + 1)
    ]
    direction = direction_of(ctx, start, end, None) or "past"
    return result("DATE", f"{check_year(pick(cands, ref, direction)):04d}-{letter}{n}", anchor=PUBLICATION)


def norm_vague_duration(ctx, s, start, end):
    """A duration whose length is not counted, or a whole period (guide §2.2: *ces derniers jours*;
    HeidelTime duration_r4c-e, r6a): *ces dernières années* ``PXY``, *les dernières heures* ``PTXH``,
    *les semaines à venir* ``PXW``; *toute la semaine* ``P1W``, *toute l'année* ``P1Y``."""
    low = s.lower().replace("’", "'")
    if m := re.match(r"tout(?:e)?\s+(?:la\s+|le\s+|l')(\S+)", low):
        whole = {
            "semaine": "P1W",
            "journée": "P1D",
            "nuit": "P1D",
            "matinée": "PTXH",
            "soirée": "PTXH",
            "année": "P1Y",
            "mois": "P1M",
            "week-end": "P2D",
            "trimestre": "P3M",
            "semestre": "P6M",
            "siècle": "P100Y",
        }[m.group(1)]
        return result("DURATION", whole)
    unit = next((w for w in re.findall(r"[\w-]+", low) if w in R.UNITS), None)
    if unit is None or not unit.endswith(("s", "x")):
        return None  # "les derniers jours" needs a plural unit ("la dernière semaine" is a date)
    iso, mult, is_time = R.UNITS[unit]
    if mult != 1:  # trimestres, décennies, siècles: X of a multiple unit is written in the base unit
        return result("DURATION", f"PX{iso}")
    return result("DURATION", f"PTX{iso}" if is_time else f"PX{iso}")


_CLOCK_AFTER = re.compile(r"\s+(?:du\s+matin|du\s+soir|de\s+l['’]après-midi)(?!\w)", re.I)


def norm_duration(ctx, s, start, end):
    if _is_age(ctx.text, start, end, s) or _names_a_thing(ctx.text, start, end, s):
        return None
    if re.search(r"\bheures?(?:\s+et\s+(?:demie|quart))?$", s, re.I) and (
        _CLOCK_AFTER.match(ctx.text, end)
        or re.match(r"vers\s", s, re.I)
        or re.search(r"(?:^|\s)(?:à|dès|jusqu['’]à)\s+$", ctx.text[max(0, start - 12) : start].lower())
        or (
            re.search(r"(?:^|\s)de\s+$", ctx.text[max(0, start - 4) : start].lower())
            and re.match(r"\s+à\s+\d{1,2}\s*(?:h\b|heures?\b)", ctx.text[end : end + 16])
        )
    ):
        # a point on the clock, not a length (French grammar: "à / vers / dès N heures"; guide §2.2.5:
        # "trois heures et demie de l'après-midi" T15:30): the time rule reads it
        return None
    mod, core = mod_of(s)
    if mod in ("START", "MID", "END"):
        return None
    q = _qty_unit(core)
    if q is None:
        return None
    n, iso, mult, is_time, half = q
    low = core.lower()
    if n is None and re.match(r"(des|de nombreux|de nombreuses|bien des|nombre de)\b", low) and iso not in ("Y", "M"):
        return None
    if re.fullmatch(r"un\s+jour", low):
        return None  # "un jour" is usually an indefinite date, not a duration
    value = _duration_value(n, iso, mult, is_time, half)
    if not mod and vocabulary()["round"].search(low):
        mod = "APPROX"  # "une dizaine d'années": a round quantity is approximate (guide ex.(4), HeidelTime)
    if re.search(r"\b(?:ces|les)\s+(?:derniers|dernières)", low) or re.match(r"(?:ces|les)\s", low):
        pass
    out = result("DURATION", value, mod=mod)
    # A duration that dates something: "depuis trois ans", "la guerre de neuf mois", "huit mois de guerre".
    if is_time or not has_reference(ctx, "day") or iso not in ("D", "W", "M", "Y"):
        return out
    before = ctx.text[max(0, start - 40) : start]
    after = ctx.text[end : end + 40]
    tense = ctx.tense(start, end)
    amount = (n if n is not None else R.VAGUE_QUANTITY_ESTIMATE) * mult + (0.5 * mult if half else 0)
    if re.search(r"(?:^|\s)(?:en|d['’]ici)\s+$", before) and tense in ("future", "conditional"):
        e = add_duration(ctx.ref.date, iso, amount, +1)
        out.update(begin=ctx.ref.date, end_date=e, anchor=EXPECTED_SPAN, derived=True)
        return out
    dating = bool(_DERIVE_BEFORE.search(before))
    nb = _NOUN_DE_BEFORE.search(before)
    if nb and nb.group(1).lower() not in R.NOT_NOUN_BEFORE and not nb.group(1)[0].isdigit():
        dating = True
    na = _DE_NOUN_AFTER.match(after)
    if na and na.group(1).lower() not in R.NON_DATING and tense != "future":
        dating = True
    if dating and tense not in ("future", "conditional"):
        b = add_duration(ctx.ref.date, iso, amount, -1)
        out.update(begin=b, end_date=ctx.ref.date, anchor=DERIVED, derived=True)
    return out


def norm_duration_noun(ctx, s, start, end):
    key = re.sub(r"^(?:le|un|ce|son)\s+", "", s.lower())
    return result("DURATION", R.DURATION_NOUNS.get(key, "PXY"))


def norm_ago_in(sign: int):
    def norm(ctx, s, start, end):
        q = _qty_unit(s)
        if q is None:
            return None
        n, iso, mult, is_time, half = q
        if n is None or not has_reference(ctx, "day"):
            if not has_reference(ctx, "day"):
                return unresolved("DATE", "XXXX-XX-XX", ctx)
            return result(
                "DATE",
                "PAST_REF" if sign < 0 else "FUTURE_REF",
                anchor=PUBLICATION,
                begin=None if sign > 0 else None,
                end_date=None,
            )
        amount = n * mult + (0.5 * mult if half else 0)
        ref = ctx.ref.date
        if is_time:
            return result("TIME", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor=PUBLICATION, begin=ref, end_date=ref)
        d = add_duration(ref, iso, amount, sign)
        if iso in ("D", "W"):
            return result("DATE", d.isoformat(), anchor=PUBLICATION, set_prev=d)
        if iso == "M":
            return result("DATE", f"{d.year:04d}-{d.month:02d}", anchor=PUBLICATION)
        return result("DATE", f"{d.year:04d}", anchor=PUBLICATION)

    return norm


def norm_relative_unit(ctx, s, start, end):
    low = s.lower().replace("’", "'")
    mod, core = mod_of(low)
    demonstrative = bool(re.match(r"(?:cette|ce|cet)\s", core))
    shift = shift_of(core)
    ym = re.search(r"(?<!\d)((?:1[0-9]|20)\d\d)$", core)
    anaphoric = core.endswith("-là") or "même" in core
    if not (mod or demonstrative or shift is not None or ym):
        return None
    unit = re.search(
        r"(semaine|mois|année|an|week-end|trimestre|semestre|siècle|décennie|saison|"
        + "|".join(R.SEASONS)
        + r")(?![\w])",
        core,
    )
    assert unit is not None  # the rule matched a unit word
    unit_word = unit.group(1)
    season = R.SEASONS.get(unit_word)
    if unit_word == "saison" or unit_word == "mois" and shift is None and not demonstrative and not mod:
        return None
    if shift is None:
        shift = 0
    if ym:
        y = int(ym.group(1))
        if season:
            return result("DATE", f"{y}-{season}", mod=mod)
        if unit_word in ("année", "an"):
            return result("DATE", f"{y}", mod=mod)
        return None
    if anaphoric:
        return (
            unresolved("DATE", "XXXX", ctx, mod)
            if ctx.prev is None
            else result(
                "DATE",
                {
                    "semaine": f"{ctx.prev.isocalendar()[0]:04d}-W{ctx.prev.isocalendar()[1]:02d}",
                    "mois": f"{ctx.prev.year:04d}-{ctx.prev.month:02d}",
                }.get(unit_word, f"{ctx.prev.year:04d}"),
                mod=mod,
                anchor=PREVIOUS,
            )
        )
    need = {"semaine": "day", "week-end": "day", "mois": "month"}.get(unit_word, "year")
    if season:
        need = "month"
    if not has_reference(ctx, need):
        pattern = {"semaine": "XXXX-WXX", "week-end": "XXXX-WXX-WE", "mois": "XXXX-XX"}.get(unit_word, "XXXX")
        return unresolved("DATE", pattern if not season else f"XXXX-{season}", ctx, mod)
    ref = ctx.ref.date
    if unit_word == "semaine":
        d = shift_days(ref, 7 * shift)
        iy, iw, _ = d.isocalendar()
        return result("DATE", f"{iy:04d}-W{iw:02d}", mod=mod, anchor=PUBLICATION)
    if unit_word == "week-end":
        direction = "past" if shift < 0 else "future" if shift > 0 else direction_of(ctx, start, end, None)
        sat = shift_days(ref, 5 - (ref.isoweekday() - 1))  # the Saturday of the reference date's week
        if shift < 0 or (shift == 0 and direction == "past" and ref < sat):
            sat = shift_days(sat, -7)
        elif shift > 0 and ref >= sat:
            sat = shift_days(sat, 7)
        iy, iw, _ = sat.isocalendar()
        return result("DATE", f"{iy:04d}-W{iw:02d}-WE", mod=mod, anchor=PUBLICATION)
    if unit_word == "mois":
        y, m = add_months(ref.year, ref.month, shift)
        return result("DATE", f"{check_year(y):04d}-{m:02d}", mod=mod, anchor=PUBLICATION)
    if unit_word in ("trimestre", "semestre"):
        per = 3 if unit_word == "trimestre" else 6
        idx = (ref.month - 1) // per + shift
        y = check_year(ref.year + idx // (12 // per))
        idx %= 12 // per
        return result("DATE", f"{y:04d}-{'Q' if per == 3 else 'H'}{idx + 1}", mod=mod, anchor=PUBLICATION)
    if unit_word == "siècle":
        century = (ref.year // 100) + shift
        if not 0 <= century <= dt.MAXYEAR // 100:
            raise OutOfCalendar(century)
        return result("DATE", f"{century:02d}XX", mod=mod, anchor=PUBLICATION)  # FTB 1.1 README: 18XX
    if unit_word == "décennie":
        decade = (ref.year // 10) + shift
        if not 0 <= decade <= dt.MAXYEAR // 10:
            raise OutOfCalendar(decade)
        return result("DATE", f"{decade:03d}X", mod=mod, anchor=PUBLICATION)
    if season:
        direction = "past" if shift < 0 else "future" if shift > 0 else direction_of(ctx, start, end, None)
        cands = _season_candidates(ref, season)
        y = pick(cands, ref, direction)
        if shift != 0:
            b, e = season_bounds(y, season)
            if b <= ref.toordinal() <= e:
                y += shift
        return result("DATE", f"{check_year(y):04d}-{season}", mod=mod, anchor=PUBLICATION)
    return result("DATE", f"{check_year(ref.year + shift):04d}", mod=mod, anchor=PUBLICATION)


def season_bounds(y: int, season: str) -> tuple[int, int]:
    """Day numbers of the first and last day of a season (winter ends the next year)."""
    (m1, d1), (m2, d2) = R.SEASON_BOUNDS[season]
    return day_number(y, m1, d1), day_number(y + (1 if m2 < m1 else 0), m2, d2)


def _season_candidates(ref: dt.date, season: str) -> list[tuple[int, int, int]]:
    return [(*season_bounds(y, season), y) for y in (ref.year - 1, ref.year, ref.year + 1)]


def norm_season(ctx, s, start, end):
    low = s.lower()
    season = next(v for k, v in R.SEASONS.items() if k in low)
    y = year_of(low, after_month=True) if re.search(r"\sde\s+\d\d$", low) else year_of(low)  # "l'été de 69"
    if y:
        return result("DATE", f"{y}-{season}")
    shift = shift_of(low)
    generic = not re.match(r"(?:l['’]|cet\s|ce\s)", low) and shift is None
    tense = ctx.tense(start, end)
    if generic and tense is None:
        return result("DATE", f"XXXX-{season}", anchor="generic")
    if not has_reference(ctx, "month"):
        return unresolved("DATE", f"XXXX-{season}", ctx)
    ref = ctx.ref.date
    y = check_year(pick(_season_candidates(ref, season), ref, direction_of(ctx, start, end, shift)))
    return result("DATE", f"{y:04d}-{season}", anchor=PUBLICATION)


def norm_set(ctx, s, start, end):
    low = s.lower()
    if low in R.SET_ADJECTIVES:
        prev = previous_word(ctx.text, start)
        if prev in R.SET_ADJECTIVE_NOT_AFTER or (
            low in R.SET_ADJECTIVE_NOUNS and (prev[:1].isdigit() or prev in R.NUMBER_WORDS)
        ):
            return None  # "la presse quotidienne", "deux quotidiens" (newspapers); "contrôles mensuels" is a SET
        if prev in {
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "du",
            "ce",
            "ces",
            "au",
            "aux",
            "son",
            "sa",
            "ses",
            "leur",
            "leurs",
            "notre",
            "votre",
            "l'",
            "l’",
            "d'",
            "d’",
            "quotidien",
            "cet",
        }:
            return None
        return result("SET", R.SET_ADJECTIVES[low])
    if m := re.search(r"par\s+(\w+)$", low):
        return result("SET", R.PER_UNITS.get(m.group(1), "P1D"))
    # "certains jours", "certains mercredis": a SET with quant SOME (guide §2.2.5 SET table); the
    # plural of a weekday or part of the day is read in the singular ("les lundis matins", "tous les soirs")
    singular = re.sub(r"(\w)s\b", r"\1", low)
    wd = weekday_of(singular)
    part = daypart_of(singular)
    if wd:
        if part and not part.startswith("T"):
            return result("SET", f"XXXX-WXX-{wd}T{part}")
        return result("SET", f"XXXX-WXX-{wd}")
    if re.match(r"certain(?:e)?s\s+(jour|semaine)", low):
        return result("SET", "P1D" if "jour" in low else "P1W")
    if part and not part.startswith("T"):
        return result("SET", f"XXXX-XX-XXT{part}")
    month = month_of(low)
    if month and not re.search(r"\bmois\b", low):
        return result("SET", f"XXXX-{month:02d}")
    season = next((v for k, v in R.SEASONS.items() if re.search(rf"\b{k}\b", low)), None)
    if season:
        return result("SET", f"XXXX-{season}")
    q = _qty_unit(low)
    if q is None:
        return None
    n, iso, mult, is_time, half = q
    n = (n or 1) * mult
    return result("SET", f"PT{format_number(n)}{iso}" if is_time else f"P{format_number(n)}{iso}")


def norm_time(ctx, s, start, end):
    low = s.lower()
    mod = "APPROX" if re.match(r"(vers|environ|aux\s+alentours|autour)", low) else ""
    noon = re.search(r"(?<![\w-])(midi|minuit)", low)
    if noon:
        hh, mm = (12, 0) if noon.group(1) == "midi" else (24, 0)
    else:
        m = re.search(r"(\d{1,2})\s*(?:h|heures|:)\s*(\d{2})?", low)
        if m:
            hh, mm = int(m.group(1)), int(m.group(2) or 0)
        else:  # in words: "trois heures et demie", "deux heures moins dix" (guide §2.2 literal times)
            w = re.search(r"([\w-]+(?:\s+et\s+une?)?)\s+heures?", low)
            n = number(w.group(1).split()[-1] if w and " et " not in w.group(1) else (w.group(1) if w else ""))
            if n is None or not float(n).is_integer():
                return None
            hh, mm = int(n), 0
            if re.search(r"et\s+demie", low):
                mm = 30
            elif re.search(r"et\s+quart", low):
                mm = 15
            elif mq := re.search(r"moins\s+(le\s+quart|cinq|dix|vingt)", low):
                minus = {"le quart": 15, "cinq": 5, "dix": 10, "vingt": 20}[re.sub(r"\s+", " ", mq.group(1))]
                hh, mm = hh - 1, 60 - minus
        before = ctx.text[max(0, start - 12) : start].lower()
        if (
            re.search(r"\bheures?\b", low)
            and not _CLOCK_AFTER.search(low)
            and not mod
            and not re.search(r"(?:^|\s)(?:à|vers|dès|jusqu['’]à|avant|après|de)\s+$", before)
        ):
            return None
        if re.search(r"(?:du\s+soir|de\s+l['’]après-midi)", low) and hh < 12:
            hh += 12
    if hh > 24:
        return None
    base, anchor = _following_day(ctx, end) or base_day(ctx)
    clock = f"T{hh:02d}:{mm:02d}"
    if base is None:
        return unresolved("TIME", f"XXXX-XX-XX{clock}", ctx, mod)
    return result("TIME", f"{base.isoformat()}{clock}", mod=mod, anchor=anchor, begin=base, end_date=base)


_DAY_AFTER_TIME = re.compile(
    r"\s*,?\s*(?=(?:ce\s+|le\s+)?(?:" + alternation(R.WEEKDAYS) + "|" + alternation(R.RELATIVE_DAYS) + r")(?![\w-]))",
    re.I,
)


#: The normalisers of the days a clock time can be followed by.
_DAY_NORMALISERS = {"relative_day": norm_relative_day, "weekday": norm_weekday}


def _following_day(ctx: Context, end: int) -> tuple[dt.date, str] | None:
    """The day named right after a clock time ("vers 0 h 40, jeudi", "à 20 h demain"), resolved."""
    m = _DAY_AFTER_TIME.match(ctx.text, end)
    if not m:
        return None
    singles = single_patterns(ignore_case=True)
    names = [n for n, _ in RULES]
    for rule in ("relative_day", "weekday"):
        mm = singles[names.index(rule)].match(ctx.text, m.end())
        if mm:
            saved = ctx.prev
            try:
                res = _DAY_NORMALISERS[rule](ctx, mm.group(0), mm.start(), mm.end())
            finally:
                ctx.prev = saved
            if res and res.get("begin") is not None and res["type"] in ("DATE", "TIME"):
                return res["begin"], res["anchor"]
    return None


def norm_vague(ctx, s, start, end):
    low = s.lower().replace("’", "'")
    type_, value = next(v for k, v in R.VAGUE_REFERENCES.items() if k.replace("’", "'") == low)
    if low in R.ADJECTIVE_REFERENCES:
        prev = previous_word(ctx.text, start)
        if low.startswith("prochain") and not s[0].isupper():
            return None  # "les prochains jours" is handled by other rules; a bare plural adjective is not
        if (
            prev in {"le", "la", "les", "un", "une", "des", "du", "l'", "l’", "son", "sa", "ses", "notre", "leur"}
            and low.startswith("futur")
            and not low.endswith("e")
        ):
            return None
    ref = ctx.ref.date if has_reference(ctx, "day") else None
    begin = end_date = None
    if ref is not None:
        begin, end_date = {"PRESENT_REF": (ref, ref), "PAST_REF": (None, ref), "FUTURE_REF": (ref, None)}[value]
    anchor = PUBLICATION if ref is not None else UNRESOLVED
    return result("TIME", value, anchor=anchor, begin=begin, end_date=end_date)


def norm_holiday(ctx, s, start, end):
    low = re.sub(r"^cette\s+fête\s+de\s+", "", s.lower()).replace("’", "'")
    key = next((k for k in sorted(R.HOLIDAYS, key=len, reverse=True) if low.startswith(k.replace("’", "'"))), None)
    if key is None:
        return None
    rule = R.HOLIDAYS[key]
    y = year_of(low)

    def on(year: int) -> int:  # day number, for any year
        return day_number(year, *easter_month_day(year)) + rule if isinstance(rule, int) else day_number(year, *rule)

    if y:
        d = from_day_number(on(y))
        return result("DATE", d.isoformat(), set_prev=d)
    if not has_reference(ctx, "month"):
        return unresolved("DATE", "XXXX-XX-XX", ctx)
    ref = ctx.ref.date
    cands = [(on(yy), on(yy), on(yy)) for yy in (ref.year - 1, ref.year, ref.year + 1)]
    d = from_day_number(pick(cands, ref, direction_of(ctx, start, end, None)))
    return result("DATE", d.isoformat(), anchor=PUBLICATION, set_prev=d)
