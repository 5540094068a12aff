"""Charts of corpus tables: coverage over time, a term's share of coverage, two sub-corpora compared, merged timeline."""

from __future__ import annotations

import re
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from .base import (
    BAR_COLOUR,
    MONTHS_FR,
    PERIODS_FR,
    french_date_axis,
    french_number_axis,
    integer_ticks,
    new_axes,
    place_labels,
    rounded,
    style,
)

__all__ = ["french_timex", "plot_comparison", "plot_corpus_timeline", "plot_coverage", "plot_term_share"]

_A_COLOUR = "#c0392b"
_B_COLOUR = "#2e86c1"


_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}


def plot_coverage(
    cov: pd.DataFrame, *, freq: str = "day", ax: Axes | None = None, title: str | None = None, colour: str = BAR_COLOUR
) -> Axes:
    """Articles per period as bars (:func:`analysis.corpus_stats.coverage`), dates in French.

    Args:
        cov: ``period`` (each period's first day) and ``articles``.
        freq: The period of ``cov``: ``day``, ``week``, ``month`` or ``year`` (bar width, title).
        ax: Where to draw; a new figure if None.
        title: The chart title (default: "Articles par semaine", etc.); the number of undated
            documents is added when there are any.
        colour: Bar colour.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    if freq not in _PERIOD_DAYS:
        raise ValueError(f"freq must be day, week, month or year, not {freq!r}")
    title = title or f"Articles par {PERIODS_FR[freq]}"
    with style():
        ax = ax or new_axes(figsize=(11, 4.8))
        periods = pd.to_datetime(cov["period"])
        counts = cov["articles"].to_numpy()
        ax.bar(periods, counts, width=pd.Timedelta(days=_PERIOD_DAYS[freq] * 0.85), color=colour, align="edge")
        ax.set_ylabel(f"articles par {PERIODS_FR[freq]}")
        undated = cov.attrs.get("undated", 0)
        total = int(counts.sum())
        ax.set_title(title + (f" ({undated} sans date, non comptés)" if undated else ""), loc="left")
        integer_ticks(ax.yaxis)
        if len(periods):
            end = periods.iloc[-1] + pd.Timedelta(days=_PERIOD_DAYS[freq])
            french_date_axis(ax, periods.iloc[0], end)
            first, last = periods.iloc[0], end - pd.Timedelta(days=1)
            when = f"le {_fr_date(first)}" if first == last else f"du {_fr_date(first)} au {_fr_date(last)}"
            ax.text(
                1.0,
                1.0,
                f"{total} article{'s' if total > 1 else ''} daté{'s' if total > 1 else ''}, {when}",
                transform=ax.transAxes,
                ha="right",
                va="bottom",
                fontsize=10,
                color="#555555",
            )
        return ax


def _fr_date(d) -> str:
    d = pd.Timestamp(d)
    return f"{d.day} {MONTHS_FR[d.month - 1]} {d.year}"


def plot_term_share(
    share: pd.DataFrame, *, ax: Axes | None = None, title: str = "Part des articles qui emploient le terme"
) -> Axes:
    """Each term's share of the period's articles, one line per term (:func:`analysis.corpus_stats.term_share`).

    Args:
        share: ``period``, ``term``, ``share``.
        ax: Where to draw; a new figure if None.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(10, 4.5))
        for term, part in share.groupby("term", sort=False):
            ax.plot(pd.to_datetime(part["period"]), rounded(part["share"] * 100), marker="o", ms=3, label=str(term))
        ax.set_ylabel("% des articles de la période")
        ax.set_title(title, loc="left")
        ax.legend(frameon=False)
        if len(share):
            dates = pd.to_datetime(share["period"])
            french_date_axis(ax, dates.min(), dates.max())
        french_number_axis(ax, "y")
        return ax


def plot_comparison(
    lo: pd.DataFrame,
    *,
    ax: Axes | None = None,
    kind: str = "monroe",
    top: int = 10,
    labels: tuple[str, str] = ("A", "B"),
    title: str | None = None,
) -> Axes:
    """Two sub-corpora compared (:func:`analysis.corpus_stats.log_odds`).

    ``kind="monroe"``: x = frequency (A + B, log scale), y = z-score of the
    log-odds ratio, the ``top`` terms of each side labelled (Monroe et al.
    2008, fig. 4). ``kind="ranks"``: scattertext-like, x = frequency rank in
    A, y = rank in B (log scales, 1 = most frequent), coloured by z.

    Args:
        lo: The log-odds table.
        ax: Where to draw; a new figure if None.
        kind: ``monroe`` or ``ranks``.
        top: Terms labelled on each side.
        labels: Names of A and B.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    if kind not in ("monroe", "ranks"):
        raise ValueError(f"kind must be monroe or ranks, not {kind!r}")
    with style():
        ax = ax or new_axes(figsize=(10, 7))
        lo = lo.reset_index(drop=True)
        z = rounded(lo["z"].to_numpy(dtype=float))
        colours = np.where(z >= 1.96, _A_COLOUR, np.where(z <= -1.96, _B_COLOUR, "#b0b0b0"))
        if kind == "monroe":
            x, y = lo["frequency"].to_numpy(dtype=float), z
            ax.set_xscale("log")
            ax.axhline(1.96, color="#999999", lw=0.8, ls="--")
            ax.axhline(-1.96, color="#999999", lw=0.8, ls="--")
            ax.set_xlabel(f"occurrences ({labels[0]} + {labels[1]}, échelle log)")
            ax.set_ylabel(f"z du log-rapport des chances\n(en haut : {labels[0]}, en bas : {labels[1]})")
            french_number_axis(ax, "y")
        else:
            x, y = lo["rank_a"].to_numpy(dtype=float), lo["rank_b"].to_numpy(dtype=float)
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.invert_xaxis()
            ax.invert_yaxis()
            ax.set_xlabel(f"rang de fréquence : {labels[0]} (1 = le plus fréquent, échelle log)")
            ax.set_ylabel(f"rang de fréquence : {labels[1]}")
        ax.scatter(x, y, s=10, c=colours, alpha=0.7, linewidths=0)
        french_number_axis(ax, "x")
        if kind == "ranks":
            french_number_axis(ax, "y")
        ax.autoscale_view()
        # the strongest first, so they get the best places; labels never overlap one another
        picks = pd.concat([lo.head(top), lo.tail(top)]).drop_duplicates("term")
        picks = picks.assign(_strength=-np.abs(z[picks.index])).sort_values(["_strength", "term"], kind="mergesort")
        choices = (
            (3, 2, "left", "bottom"),
            (3, -2, "left", "top"),
            (-3, 2, "right", "bottom"),
            (-3, -2, "right", "top"),
            (3, 9, "left", "bottom"),
            (3, -9, "left", "top"),
        )
        place_labels(
            ax,
            [(idx, str(lo.at[idx, "term"]), (x[idx], y[idx]), choices, {"color": colours[idx]}) for idx in picks.index],
            fontsize=9,
        )
        ax.set_title(title or f"{labels[0]} contre {labels[1]} : termes distinctifs", loc="left")
        dot: dict[str, Any] = {"marker": "o", "ls": "", "ms": 6}
        ax.legend(
            handles=[
                Line2D([], [], color=_A_COLOUR, label=f"plus employé dans {labels[0]} (z ≥ 1,96)", **dot),
                Line2D([], [], color=_B_COLOUR, label=f"plus employé dans {labels[1]} (z ≤ −1,96)", **dot),
                Line2D([], [], color="#b0b0b0", label="pas de différence nette", **dot),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncol=3,
            frameon=False,
            fontsize=10,
        )
        return ax


_PARTS_OF_DAY = {"MO": "matin", "AF": "après-midi", "EV": "soir", "NI": "nuit"}


def french_timex(value: str) -> str:
    """A TIMEX3 value as French prints a date: ``2012-11-06TEV`` → ``6 nov. 2012, soir``.

    Args:
        value: A TIMEX3 value (day, day with a part or a time, week, month, year).

    Returns:
        str: The French date; any other value (durations, decades…) unchanged.
    """
    v = str(value)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|(\d{2}):(\d{2})))?", v)
    if m and 1 <= int(m.group(2)) <= 12:
        day = f"{int(m.group(3))} {MONTHS_FR[int(m.group(2)) - 1]} {m.group(1)}"
        if m.group(5):
            return f"{day}, {int(m.group(5))} h {m.group(6)}"
        return f"{day}, {_PARTS_OF_DAY[m.group(4)]}" if m.group(4) else day
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{MONTHS_FR[int(m.group(2)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", v)
    if m:
        return f"semaine {int(m.group(2))} de {m.group(1)}"
    return v


def plot_corpus_timeline(
    groups: pd.DataFrame, *, ax: Axes | None = None, top: int = 20, title: str = "Chronologie fusionnée du corpus"
) -> Axes:
    """Event groups on a date axis, the ones reported by most documents (:func:`analysis.corpus_stats.group_events`).

    A day is a dot, a longer value (a week, a month) a bar over its interval;
    the dot's size grows with the number of documents. Each label gives the
    date in French, the event and the documents (their ids when few).

    Args:
        groups: ``begin``, ``end_date``, ``label``, ``documents``, ``value`` (and ``doc_ids``).
        ax: Where to draw; a new figure if None.
        top: How many groups (most documents first, then the latest).
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        data = groups[pd.to_datetime(groups["begin"], errors="coerce").notna()].copy()
        data["_b"] = pd.to_datetime(data["begin"])
        ends = pd.to_datetime(data["end_date"], errors="coerce") if "end_date" in data else data["_b"]
        data["_e"] = ends.fillna(data["_b"]).where(ends >= data["_b"], data["_b"]) + pd.Timedelta(days=1)
        data = data.sort_values(["documents", "_b", "label"], ascending=[False, False, True], kind="mergesort").head(
            top
        )
        data = data.sort_values(["_b", "_e", "label"], kind="mergesort")
        ax = ax or new_axes(figsize=(11, max(4.0, 0.4 * len(data) + 1.5)))
        y = np.arange(len(data))
        long = (data["_e"] - data["_b"]) > pd.Timedelta(days=1)
        if long.any():
            ax.barh(
                y[long.to_numpy()],
                (data["_e"] - data["_b"])[long].dt.days,
                left=data["_b"][long],
                height=0.35,
                color=BAR_COLOUR,
                alpha=0.35,
                zorder=2,
            )
        ax.scatter(data["_b"], y, s=30 + 25 * data["documents"].to_numpy(), color=BAR_COLOUR, zorder=3)
        ids = data["doc_ids"] if "doc_ids" in data else pd.Series([""] * len(data), index=data.index)
        for yi, (b, label, n, value, docs) in enumerate(
            zip(data["_b"], data["label"], data["documents"], data["value"], ids)
        ):
            text = str(label)
            text = text if len(text) <= 60 else text[:57] + "…"
            docs = str(docs).split(";") if docs else []
            who = f"{n} doc. : {', '.join(docs)}" if docs and len(docs) <= 3 else f"{n} doc."
            ax.annotate(f" {french_timex(value)} — {text} ({who})", (b, yi), fontsize=9, va="center")
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_title(title, loc="left")
        ax.margins(x=0.35)
        if len(data):
            lo_, hi_ = ax.get_xlim()
            french_date_axis(ax, mdates.num2date(lo_), mdates.num2date(hi_))
        return ax
