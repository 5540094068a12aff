"""French temporal expressions (TIMEX3), normalised from a reference date, and dated events.

:func:`timexes` finds temporal expressions in raw French text in one pass of
one compiled regular expression built from the rule tables of
:mod:`analysis.timeline.data`, then normalises each match to ISO-TimeML: a
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

:func:`analysis.timeline.dated_events.events` ties each dated expression of an article to what it dates.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, Callable

import numpy as np
import pandas as pd

from ..columns import str_column, str_dtype
from ..reading.article import Article
from ..spans import containing
from .intervals import OutOfCalendar
from .measures import (
    norm_ago_in,
    norm_duration,
    norm_duration_noun,
    norm_holiday,
    norm_relative_unit,
    norm_season,
    norm_part_of_year,
    norm_set,
    norm_time,
    norm_vague,
    norm_vague_duration,
)
from .recognise import RULES, compiled
from .reference import OUTSIDE_CALENDAR, parse_reference_date, Reference
from .resolve import (
    Context,
    norm_anaphoric_day,
    norm_century,
    norm_day_alone,
    norm_decade,
    norm_full_date,
    norm_list_date,
    norm_month,
    norm_month_year,
    norm_numeric_date,
    norm_relative_day,
    norm_this_daypart,
    norm_weekday,
    norm_weekday_day,
    norm_year,
    norm_year_bc,
    norm_year_noun,
)

__all__ = ["TIMEX_COLUMNS", "tag", "timexes"]

TIMEX_COLUMNS = [
    "doc_id",
    "sent",
    "start",
    "end",
    "text",
    "type",
    "value",
    "mod",
    "begin",
    "end_date",
    "anchor",
    "derived",
    "tense",
    "rule",
]

NORMALISERS: dict[str, Callable[..., dict | None]] = {
    "numeric_date": norm_numeric_date,
    "holiday": norm_holiday,
    "full_date": norm_full_date,
    "list_date": norm_list_date,
    "month_year": norm_month_year,
    "decade": norm_decade,
    "century": norm_century,
    "year_bc": norm_year_bc,
    "year_noun": norm_year_noun,
    "month": norm_month,
    "year": norm_year,
    "relative_day": norm_relative_day,
    "this_daypart": norm_this_daypart,
    "anaphoric_day": norm_anaphoric_day,
    "day_alone": norm_day_alone,
    "weekday_day": norm_weekday_day,
    "weekday": norm_weekday,
    "ago": norm_ago_in(-1),
    "in": norm_ago_in(+1),
    "relative_unit": norm_relative_unit,
    "season": norm_season,
    "set": norm_set,
    "part_of_year": norm_part_of_year,
    "vague_duration": norm_vague_duration,
    "duration": norm_duration,
    "duration_noun": norm_duration_noun,
    "time": norm_time,
    "vague": norm_vague,
}


# --------------------------------------------------------------------------
# The tagger
# --------------------------------------------------------------------------


def tag_text(text: str, ref: Reference) -> list[dict[str, Any]]:
    """One left-to-right pass: the master regex proposes, each rule's normaliser accepts or refuses."""
    low = text.lower()
    if len(low) != len(text):
        low = text
    master, singles = compiled(ignore_case=low is text)
    ctx = Context(text=text, ref=ref)
    rows: list[dict[str, Any]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = master.search(low, pos)
        if m is None:
            break
        assert m.lastgroup is not None  # every alternative of the master regex is a named group
        k = int(m.lastgroup[1:])
        s0 = m.start()
        found = None
        for j in range(k, len(RULES)):
            mm = m if j == k else singles[j].match(low, s0)
            if mm is None or mm.end() == s0:
                continue
            span_text = text[s0 : mm.end()]
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


def _normalise(rule: str, ctx: Context, s: str, start: int, end: int) -> dict[str, Any] | None:
    """Run a rule's normaliser; an expression that resolves outside the calendar is unresolved.

    Its value is the one the rule gives without a reference date ("XXXX-XX-XX", "XXXX-12"…), its
    ``anchor`` says why (:data:`OUTSIDE_CALENDAR`), and it has no interval.
    """
    try:
        return NORMALISERS[rule](ctx, s, start, end)
    except OutOfCalendar:
        pass
    blind = dataclasses.replace(ctx, ref=Reference(None, "none"), prev=None)
    try:
        res = NORMALISERS[rule](blind, s, start, end)
    except OutOfCalendar:  # cannot happen without dates to count from; refuse rather than guess
        return None
    if res is not None:
        res.update(anchor=OUTSIDE_CALENDAR, derived=False, begin=None, end_date=None, _prev=None)
    return res


def reference_of(text_or_article: Article | str, reference_date: Any) -> tuple[str, Reference, str]:
    if isinstance(text_or_article, Article):
        text, doc_id = text_or_article.text, text_or_article.doc_id
        if reference_date is None and text_or_article.date_known:
            date, precision = parse_reference_date(text_or_article.meta.get("date"))
            return text, Reference(date, precision), doc_id
    elif isinstance(text_or_article, str):
        text, doc_id = text_or_article, "doc"
    else:
        raise TypeError(f"timexes() takes a str or an Article, not {type(text_or_article).__name__}")
    date, precision = parse_reference_date(reference_date)
    return text, Reference(date, precision), doc_id


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
    text, ref, _ = reference_of(text_or_article, reference_date)
    return tag_text(text, ref)


def timexes(
    text_or_article: Article | str,
    reference_date: Any = None,
    *,
    sentences: pd.DataFrame | bool | None = None,
    doc_id: str | None = None,
) -> pd.DataFrame:
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
    text, ref, default_id = reference_of(text_or_article, reference_date)
    rows = tag_text(text, ref)
    doc = doc_id or default_id
    if not rows:
        return _empty_table(doc)
    starts = np.fromiter((r["start"] for r in rows), dtype="int64", count=len(rows))
    if sentences is None:
        sent = containing(*sentence_bounds(text), starts)
    elif isinstance(sentences, pd.DataFrame):
        from ..text.pipeline import locate

        if not sentences["start"].is_monotonic_increasing:
            sentences = sentences.sort_values("start")
        sent = locate(sentences, starts, id_col="sent")
    else:
        sent = np.full(len(rows), -1, dtype="int64")
    return _table(rows, doc, sent, starts)


_ROW_COLUMNS = TIMEX_COLUMNS[3:]  # end, text, … (doc_id, sent and start are given)
DATE_COLUMNS = frozenset({"begin", "end_date"})


def _str_column(values: tuple) -> Any:
    """A column of str and None in the library's one string dtype (:func:`analysis.columns.str_column`);
    anything else (all None, other types) as a list, for pandas to infer, as before."""
    if all(type(v) is str or v is None for v in values) and any(type(v) is str for v in values):
        return str_column(values)
    return list(values)


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
        elif name in DATE_COLUMNS:
            column = np.empty(n, dtype=object)
            column[:] = values
            data[name] = column
        else:
            data[name] = _str_column(values)
    return pd.DataFrame(data, copy=False)  # fresh arrays: no need to copy them


def empty_frame(
    columns: list[str],
    *,
    ints: frozenset[str],
    bools: frozenset[str] = frozenset(),
    objects: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """A table with no rows and the dtypes its filled version has (text columns: pandas' string dtype)."""
    text = str_dtype()
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
    return empty_frame(
        TIMEX_COLUMNS,
        ints=frozenset({"sent", "start", "end"}),
        bools=frozenset({"derived"}),
        objects=frozenset(DATE_COLUMNS),
    )


def sentence_bounds(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentences of :func:`analysis.tokens.sentences`, without building its table.

    The same split (:func:`analysis.text.tokens.sentence_spans`); the table costs more than the split for a
    short text.
    """
    from ..text.tokens import sentence_spans

    return sentence_spans(text)
