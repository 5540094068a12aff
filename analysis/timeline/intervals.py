"""Calendar arithmetic and the interval (first day, last day) an ISO-TimeML value covers."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

from .data import vocabulary as R

# --------------------------------------------------------------------------
# Small date helpers
# --------------------------------------------------------------------------


class OutOfCalendar(Exception):
    """A date an expression resolves to lies outside years 1 to 9999 (what ``datetime.date`` holds)."""


def check_year(y: int) -> int:
    """``y`` when it is a year of the calendar, else :class:`OutOfCalendar`."""
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise OutOfCalendar(y)
    return y


def shift_days(d: dt.date, days: float) -> dt.date:
    """``d`` plus ``days`` days (:class:`OutOfCalendar` past either end of the calendar)."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        raise OutOfCalendar(d, days) from None


def from_day_number(n: int) -> dt.date:
    """The date of a proleptic Gregorian day number (:class:`OutOfCalendar` outside the calendar)."""
    if not dt.date.min.toordinal() <= n <= dt.date.max.toordinal():
        raise OutOfCalendar(n)
    return dt.date.fromordinal(n)


_DAYS_BEFORE_MONTH = tuple(itertools.accumulate((0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30)))


def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def month_length(y: int, m: int) -> int:
    return 29 if m == 2 and is_leap(y) else (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]


def day_number(y: int, m: int, d: int) -> int:
    """``date(y, m, d).toordinal()`` for any year, also outside 1 to 9999 (proleptic Gregorian), so that
    candidate dates past either end of the calendar can still be compared with the reference date."""
    y0 = y - 1
    return y0 * 365 + y0 // 4 - y0 // 100 + y0 // 400 + _DAYS_BEFORE_MONTH[m - 1] + (m > 2 and is_leap(y)) + d


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_duration(d: dt.date, unit: str, n: float, sign: int) -> dt.date:
    """Add ``sign * n`` units (ISO designator, date units) to a date (:class:`OutOfCalendar` past its ends)."""
    if unit == "D":
        return shift_days(d, sign * n)
    if unit == "W":
        return shift_days(d, 7 * sign * n)
    months = {"M": 1, "Y": 12}[unit] * n
    whole = int(round(months))
    y, m = add_months(d.year, d.month, sign * whole)
    return dt.date(check_year(y), m, min(d.day, calendar.monthrange(y, m)[1]))


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    return dt.date(year, *easter_month_day(year))


def easter_month_day(year: int) -> tuple[int, int]:
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
        return bounds(value, mod)
    except OutOfCalendar:
        return None, None


def bounds(value: str, mod: str = "") -> tuple[dt.date | None, dt.date | None]:
    """:func:`interval`, with :class:`OutOfCalendar` for a date value whose interval leaves the calendar
    ("9999-WI" ends in 10000)."""
    value = value.split("T")[0] if re.match(r"^\d{4}-\d\d-\d\dT", value) else value
    begin = end = None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
            begin = end = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            begin, end = dt.date(int(m[1]), int(m[2]), 1), month_end(int(m[1]), int(m[2]))
        elif m := re.fullmatch(r"(\d{4})", value):
            begin, end = dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        elif m := re.fullmatch(r"(\d{3})X", value):
            begin, end = dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        elif m := re.fullmatch(r"(\d\d)(?:XX)?", value):
            begin, end = dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
        elif m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            begin, end = (
                (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
                if m[3]
                else (monday, monday + dt.timedelta(days=6))
            )
        elif m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            (m1, d1), (m2, d2) = R.SEASON_BOUNDS[m[2]]
            y = int(m[1])
            begin, end = dt.date(y, m1, d1), dt.date(y + (1 if m2 < m1 else 0), m2, d2)
        elif m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            q = int(m[2])
            begin, end = dt.date(int(m[1]), 3 * q - 2, 1), month_end(int(m[1]), 3 * q)
        elif m := re.fullmatch(r"(\d{4})-H([12])", value):
            h = int(m[2])
            begin, end = dt.date(int(m[1]), 6 * h - 5, 1), month_end(int(m[1]), 6 * h)
    except (ValueError, OverflowError):
        raise OutOfCalendar(value) from None
    if begin is not None and end is not None and mod in R.PART_FRACTIONS and end > begin:
        lo, hi = R.PART_FRACTIONS[mod]
        days = (end - begin).days + 1
        b2 = shift_days(begin, int(round(days * lo)))
        e2 = shift_days(begin, max(int(round(days * hi)) - 1, 0))
        begin, end = b2, max(e2, b2)
    return begin, end
