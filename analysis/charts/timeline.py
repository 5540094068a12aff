"""Timelines: dated events at their real precision, mention order against time, durations.

Dates are drawn on a piecewise-compressed time axis (:class:`TimeScale`):
long stretches with nothing to show (2015 → 2022) are shrunk to a fixed gap
marked with a break (``//``), so a 2015 event and November 2022 events are
both legible on one axis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .base import MONTHS_FR, new_axes, rounded, style

__all__ = ["TimeScale", "plot_durations", "plot_mention_order", "plot_timeline"]

PAST_COLOUR = "#2e86c1"
DERIVED_COLOUR = "#d35400"
EXPECTED_COLOUR = "#27ae60"
REFERENCE_COLOUR = "#c0392b"


def _ord(d) -> float:
    return float(pd.Timestamp(d).toordinal())


@dataclass(frozen=True)
class TimeScale:
    """A piecewise-linear date axis that compresses empty stretches.

    Attributes:
        knots_in: Day ordinals where the slope changes.
        knots_out: Their positions on the axis.
        breaks: Axis positions of the compressed gaps (where ``//`` is drawn).
    """

    knots_in: tuple[float, ...]
    knots_out: tuple[float, ...]
    breaks: tuple[float, ...]

    @classmethod
    def fit(
        cls, intervals: list[tuple[float, float]], *, max_gap_days: float = 240, gap_width: float = 40
    ) -> "TimeScale":
        """Fit a scale to intervals (day ordinals): gaps longer than ``max_gap_days`` become ``gap_width`` wide.

        Args:
            intervals: ``(begin, end)`` day ordinals to show.
            max_gap_days: Longest empty stretch kept at its true length.
            gap_width: Width (in days of the axis) of a compressed gap.

        Returns:
            TimeScale: The scale.
        """
        spans = sorted((min(a, b), max(a, b)) for a, b in intervals)
        merged: list[list[float]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1] + max_gap_days:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        pad = 20.0
        knots_in, knots_out, breaks = [], [], []
        pos = 0.0
        for k, (a, b) in enumerate(merged):
            a, b = a - pad, b + pad
            if k:
                pos += gap_width
                breaks.append(pos - gap_width / 2)
            knots_in += [a, b]
            knots_out += [pos, pos + (b - a)]
            pos += b - a
        return cls(tuple(knots_in), tuple(knots_out), tuple(breaks))

    def __call__(self, ordinals) -> np.ndarray:
        """Axis positions of day ordinals (rounded: what is drawn carries no float noise)."""
        return rounded(np.interp(np.asarray(ordinals, dtype=float), self.knots_in, self.knots_out))

    def ticks(self) -> tuple[list[float], list[str]]:
        """Tick positions and French labels: months inside short segments, years for long ones."""
        pos, labels = [], []
        for a, b, oa, ob in zip(self.knots_in[::2], self.knots_in[1::2], self.knots_out[::2], self.knots_out[1::2]):
            da, db = dt.date.fromordinal(int(a)), dt.date.fromordinal(int(b))
            if (db - da).days > 800:
                days = [dt.date(y, 1, 1) for y in range(da.year + 1, db.year + 1)]
                fmt = [str(d.year) for d in days]
            else:
                days, y, m = [], da.year, da.month
                while True:
                    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
                    d = dt.date(y, m, 1)
                    if d > db:
                        break
                    days.append(d)
                step = max(1, len(days) // 6)
                days = days[::step]
                fmt = [
                    f"{MONTHS_FR[d.month - 1]}\n{d.year}" if d.month == 1 or k == 0 else MONTHS_FR[d.month - 1]
                    for k, d in enumerate(days)
                ]
            if not days:  # a short segment: label its middle
                mid = dt.date.fromordinal(int((a + b) / 2))
                days, fmt = [mid], [f"{MONTHS_FR[mid.month - 1]}\n{mid.year}"]
            pos += rounded(np.interp([d.toordinal() for d in days], [a, b], [oa, ob])).tolist()
            labels += fmt
        return pos, labels

    def draw_breaks(self, ax: Axes, *, axis: str = "x") -> None:
        """Mark each compressed gap with ``//`` on the axis."""
        for b in self.breaks:
            if axis == "x":
                ax.axvline(b, color="#7f8c8d", lw=0.8, ls=(0, (2, 3)), zorder=0)
                ax.annotate(
                    "//",
                    xy=(b, 0),
                    xycoords=("data", "axes fraction"),
                    ha="center",
                    va="center",
                    fontsize=14,
                    color="#7f8c8d",
                    annotation_clip=False,
                )
            else:
                ax.axhline(b, color="#7f8c8d", lw=0.8, ls=(0, (2, 3)), zorder=0)
                ax.annotate(
                    "//",
                    xy=(0, b),
                    xycoords=("axes fraction", "data"),
                    ha="center",
                    va="center",
                    fontsize=14,
                    color="#7f8c8d",
                    annotation_clip=False,
                )


def _intervals(table: pd.DataFrame) -> pd.DataFrame:
    t = table[table["begin"].notna() | table["end_date"].notna()].copy()
    t["b"] = [_ord(b if pd.notna(b) else e) for b, e in zip(t["begin"], t["end_date"])]
    t["e"] = [_ord(e if pd.notna(e) else b) + 1 for b, e in zip(t["begin"], t["end_date"])]
    return t


def _kind(row) -> str:
    if getattr(row, "status", "past") == "expected":
        return "expected"
    return "derived" if bool(row.derived) else "past"


COLOURS = {"past": PAST_COLOUR, "derived": DERIVED_COLOUR, "expected": EXPECTED_COLOUR}


def plot_timeline(
    events: pd.DataFrame,
    *,
    reference_date: dt.date | None = None,
    ax: Axes | None = None,
    title: str = "Chronologie des événements datés",
    max_label: int = 42,
    char_days: float | None = None,
) -> Axes:
    """Events on a time axis at their real precision, labels stacked in lanes so they never overlap.

    A day is a point; a month, a year or a derived span is a bar covering its
    interval; derived starts (a duration counted back from the publication
    date) are hatched orange, expected events green and dashed; the
    publication date is a red line. Long empty stretches are compressed and
    marked ``//``.

    Args:
        events: An events table (:func:`analysis.timeline.events`) or any
            table with ``begin``, ``end_date``, ``label``, ``derived`` (and
            optionally ``status``, ``timex``).
        reference_date: The publication date, marked.
        ax: Where to draw; a new figure if None.
        title: The chart title.
        max_label: Labels are cut to this many characters.
        char_days: Width of one label character in axis days (default: from
            the axis span).

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(13, 6.5))
        t = _intervals(events)
        if t.empty:
            ax.set_title(title, loc="left")
            ax.text(0.5, 0.5, "aucun événement daté", ha="center", transform=ax.transAxes)
            return ax
        extra = [(_ord(reference_date), _ord(reference_date) + 1)] if reference_date else []
        scale = TimeScale.fit(list(zip(t["b"], t["e"])) + extra)
        t["x0"], t["x1"] = scale(t["b"]), scale(t["e"])
        t = t.sort_values(["x0", "x1"]).reset_index(drop=True)
        span = scale.knots_out[-1] - scale.knots_out[0]
        per_char = char_days or span / 150
        labels = [str(lbl) if len(str(lbl)) <= max_label else str(lbl)[: max_label - 1] + "…" for lbl in t["label"]]
        labels = [
            f"{lbl} ({tx})" if "timex" in t and isinstance(tx, str) else lbl
            for lbl, tx in zip(labels, t.get("timex", [None] * len(t)))
        ]
        # lanes: a label occupies [x0, x0 + width]; put it in the lowest lane where it fits
        lane_end: list[float] = []
        lanes = []
        for x0, x1, lbl in zip(t["x0"], t["x1"], labels):
            right = max(x1, x0 + len(lbl) * per_char) + per_char
            for k, e in enumerate(lane_end):
                if x0 >= e:
                    lane_end[k] = right
                    lanes.append(k)
                    break
            else:
                lane_end.append(right)
                lanes.append(len(lane_end) - 1)
        t["lane"] = lanes
        for r, lbl in zip(t.itertuples(index=False), labels):
            kind = _kind(r)
            c = COLOURS[kind]
            y = r.lane
            point = (r.e - r.b) <= 1
            if point:
                ax.plot([r.x0 + 0.5], [y], marker="o", ms=9, color=c, zorder=3)
            else:
                ax.barh(
                    y,
                    r.x1 - r.x0,
                    left=r.x0,
                    height=0.42,
                    color=c if kind == "past" else "white",
                    edgecolor=c,
                    hatch="////" if kind == "derived" else None,
                    linestyle="--" if kind == "expected" else "-",
                    linewidth=1.6,
                    zorder=2,
                )
            ax.text(r.x0, y + 0.3, lbl, fontsize=10.5, va="bottom", ha="left", color="#1c2833")
        if reference_date is not None:
            xr = float(scale([_ord(reference_date)])[0])
            ax.axvline(xr, color=REFERENCE_COLOUR, lw=1.8, zorder=1)
            ax.annotate(
                f"publication\n{reference_date:%d/%m/%Y}",
                xy=(xr, 1.0),
                xycoords=("data", "axes fraction"),
                ha="center",
                va="bottom",
                color=REFERENCE_COLOUR,
                fontsize=10.5,
            )
        pos, tl = scale.ticks()
        ax.set_xticks(pos, tl)
        ax.set_xlim(scale.knots_out[0], scale.knots_out[-1])
        ax.set_ylim(-0.7, len(lane_end) + 0.2)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        scale.draw_breaks(ax)
        ax.set_title(title, loc="left", pad=28)
        handles = [
            Line2D([], [], marker="o", ls="", color=PAST_COLOUR, ms=9, label="jour (point)"),
            Patch(facecolor=PAST_COLOUR, label="mois, année : intervalle"),
            Patch(
                facecolor="white",
                edgecolor=DERIVED_COLOUR,
                hatch="////",
                label="début déduit d’une durée (publication − durée)",
            ),
            Patch(facecolor="white", edgecolor=EXPECTED_COLOUR, linestyle="--", label="attendu (futur, conditionnel)"),
            Line2D([], [], color=REFERENCE_COLOUR, lw=1.8, label="date de publication"),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False)
        return ax


def plot_mention_order(
    timexes: pd.DataFrame,
    *,
    reference_date: dt.date | None = None,
    ax: Axes | None = None,
    title: str = "Ordre du récit contre ordre du temps",
) -> Axes:
    """Each dated expression at its position in the text (x) and its date (y, compressed like the timeline).

    Intervals are vertical bars from their first to their last day; a
    story told in chronological order would climb from left to right.

    Args:
        timexes: A timexes table (:func:`analysis.timeline.timexes`).
        reference_date: The publication date, drawn as a horizontal line.
        ax: Where to draw; a new figure if None.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(12, 6))
        t = _intervals(timexes)
        t = t[~t["value"].isin(["PRESENT_REF", "PAST_REF", "FUTURE_REF"])]
        if t.empty:
            ax.set_title(title, loc="left")
            return ax
        extra = [(_ord(reference_date), _ord(reference_date) + 1)] if reference_date else []
        scale = TimeScale.fit(list(zip(t["b"], t["e"])) + extra)
        y0, y1 = scale(t["b"]), scale(t["e"])
        colours = [
            COLOURS["expected"] if "expected" in str(a) else COLOURS["derived"] if d else COLOURS["past"]
            for d, a in zip(t["derived"], t["anchor"])
        ]
        ax.vlines(t["start"], y0, y1, colors=colours, lw=5, alpha=0.75)
        ax.scatter(t["start"], (y0 + y1) / 2, c=colours, s=28, zorder=3)
        ax.plot(t["start"], (y0 + y1) / 2, color="#95a5a6", lw=0.8, zorder=1)
        for x, y, txt in zip(t["start"], y1, t["text"]):
            ax.annotate(txt, xy=(x, y), xytext=(3, 3), textcoords="offset points", fontsize=9.5, rotation=20)
        if reference_date is not None:
            ax.axhline(float(scale([_ord(reference_date)])[0]), color=REFERENCE_COLOUR, lw=1.5)
        pos, tl = scale.ticks()
        ax.set_yticks(pos, [s.replace("\n", " ") for s in tl])
        scale.draw_breaks(ax, axis="y")
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, hi + (hi - lo) * 0.12)
        ax.set_xlabel("position dans le texte (caractères)")
        ax.set_ylabel("date (échelle comprimée)")
        ax.set_title(title, loc="left")
        handles = [
            Patch(color=PAST_COLOUR, label="date du texte"),
            Patch(color=DERIVED_COLOUR, label="début déduit d’une durée"),
            Patch(color=EXPECTED_COLOUR, label="attendu"),
            Line2D([], [], color=REFERENCE_COLOUR, label="date de publication"),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, frameon=False)
        return ax


_UNIT_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}


def _duration_days(value: str, estimate: float = 3) -> tuple[float, bool]:
    """Length in days of a TIMEX3 duration, and whether its quantity was vague (X)."""
    import re

    m = re.fullmatch(r"P(T?)([\dX.]+)([YMWDHS])", value)
    if not m:
        return float("nan"), False
    vague = m.group(2) == "X"
    n = estimate if vague else float(m.group(2))
    unit = m.group(3)
    if m.group(1):
        return n * {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}[unit], vague
    return n * _UNIT_DAYS[unit], vague


def plot_durations(timexes: pd.DataFrame, *, ax: Axes | None = None, title: str = "Durées mentionnées") -> Axes:
    """Each duration as a horizontal bar of its length in months; vague ones ("quelques mois") dashed.

    Args:
        timexes: A timexes table.
        ax: Where to draw; a new figure if None.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(10, 4.5))
        d = timexes[timexes["type"] == "DURATION"].drop_duplicates(["text", "value"])
        rows = [(r.text, r.value, *_duration_days(r.value), bool(r.derived)) for r in d.itertuples(index=False)]
        rows = [r for r in rows if not np.isnan(r[2])]
        if not rows:
            ax.set_title(title, loc="left")
            ax.text(0.5, 0.5, "aucune durée", ha="center", transform=ax.transAxes)
            return ax
        rows.sort(key=lambda r: r[2])
        for y, (text, value, days, vague, derived) in enumerate(rows):
            months = days / 30.44
            c = DERIVED_COLOUR if derived else PAST_COLOUR
            ax.barh(
                y,
                months,
                height=0.55,
                color="white" if vague else c,
                edgecolor=c,
                linestyle="--" if vague else "-",
                linewidth=1.6,
            )
            ax.text(
                months, y, f"  {value}" + (" (≈ 3 mois, quantité vague)" if vague else ""), va="center", fontsize=10.5
            )
        ax.set_yticks(range(len(rows)), [r[0] for r in rows])
        ax.set_xlabel("longueur (mois)")
        ax.set_xlim(0, max(r[2] for r in rows) / 30.44 * 1.45)
        ax.set_title(title, loc="left")
        handles = [
            Patch(color=DERIVED_COLOUR, label="durée qui date un événement (début déduit)"),
            Patch(color=PAST_COLOUR, label="durée seule"),
            Patch(facecolor="white", edgecolor="#5d6d7e", linestyle="--", label="quantité vague"),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False)
        return ax
