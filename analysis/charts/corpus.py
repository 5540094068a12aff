"""Charts of corpus tables: coverage over time, a term's share of coverage, two sub-corpora compared, merged timeline."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .base import BAR_COLOUR, new_axes, style

__all__ = ["plot_comparison", "plot_corpus_timeline", "plot_coverage", "plot_term_share"]

_A_COLOUR = "#c0392b"
_B_COLOUR = "#2e86c1"


def plot_coverage(cov: pd.DataFrame, *, ax: Axes | None = None, title: str = "Articles par période",
                  colour: str = BAR_COLOUR) -> Axes:
    """Articles per period as bars (:func:`analysis.corpus_stats.coverage`).

    Args:
        cov: ``period`` and ``articles``.
        ax: Where to draw; a new figure if None.
        title: The chart title.
        colour: Bar colour.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(10, 4.5))
        periods = pd.to_datetime(cov["period"])
        width = (periods.diff().median() if len(periods) > 1 else pd.Timedelta(days=1)) * 0.8
        ax.bar(periods, cov["articles"].to_numpy(), width=width, color=colour, align="edge")
        ax.set_ylabel("articles")
        undated = cov.attrs.get("undated", 0)
        ax.set_title(title + (f" ({undated} sans date)" if undated else ""), loc="left")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.figure.autofmt_xdate()
        return ax


def plot_term_share(share: pd.DataFrame, *, ax: Axes | None = None,
                    title: str = "Part des articles qui emploient le terme") -> Axes:
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
            ax.plot(pd.to_datetime(part["period"]), part["share"] * 100, marker="o", ms=3, label=str(term))
        ax.set_ylabel("% des articles de la période")
        ax.set_title(title, loc="left")
        ax.legend(frameon=False)
        ax.figure.autofmt_xdate()
        return ax


def plot_comparison(lo: pd.DataFrame, *, ax: Axes | None = None, kind: str = "monroe", top: int = 10,
                    labels: tuple[str, str] = ("A", "B"), title: str | None = None) -> Axes:
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
        z = lo["z"].to_numpy(dtype=float)
        colours = np.where(z >= 1.96, _A_COLOUR, np.where(z <= -1.96, _B_COLOUR, "#b0b0b0"))
        if kind == "monroe":
            x, y = lo["frequency"].to_numpy(dtype=float), z
            ax.set_xscale("log")
            ax.axhline(1.96, color="#999999", lw=0.8, ls="--")
            ax.axhline(-1.96, color="#999999", lw=0.8, ls="--")
            ax.set_xlabel(f"fréquence ({labels[0]} + {labels[1]})")
            ax.set_ylabel(f"z (log-odds, prior informatif) — haut : {labels[0]}, bas : {labels[1]}")
        else:
            x, y = lo["rank_a"].to_numpy(dtype=float), lo["rank_b"].to_numpy(dtype=float)
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.invert_xaxis()
            ax.invert_yaxis()
            ax.set_xlabel(f"rang de fréquence dans {labels[0]}")
            ax.set_ylabel(f"rang de fréquence dans {labels[1]}")
        ax.scatter(x, y, s=10, c=colours, alpha=0.7, linewidths=0)
        picks = pd.concat([lo.head(top), lo.tail(top)]).drop_duplicates("term")
        for idx in picks.index:
            ax.annotate(str(lo.at[idx, "term"]), (x[idx], y[idx]), fontsize=9, xytext=(3, 2),
                        textcoords="offset points", color=colours[idx])
        ax.set_title(title or f"{labels[0]} contre {labels[1]} : termes distinctifs", loc="left")
        return ax


def plot_corpus_timeline(groups: pd.DataFrame, *, ax: Axes | None = None, top: int = 20,
                         title: str = "Chronologie fusionnée du corpus") -> Axes:
    """Event groups on a date axis, the ones reported by most documents (:func:`analysis.corpus_stats.group_events`).

    Args:
        groups: ``begin``, ``label``, ``documents``, ``value``.
        ax: Where to draw; a new figure if None.
        top: How many groups (most documents first, then earliest).
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        data = groups[pd.to_datetime(groups["begin"], errors="coerce").notna()].copy()
        data["_b"] = pd.to_datetime(data["begin"])
        data = data.sort_values(["documents", "_b"], ascending=[False, False], kind="mergesort").head(top)
        data = data.sort_values("_b", kind="mergesort")
        ax = ax or new_axes(figsize=(11, max(4.0, 0.4 * len(data) + 1.5)))
        y = np.arange(len(data))
        ax.scatter(data["_b"], y, s=30 + 25 * data["documents"].to_numpy(), color=BAR_COLOUR, zorder=3)
        for yi, (b, label, n, value) in enumerate(data[["_b", "label", "documents", "value"]].itertuples(index=False)):
            text = str(label)
            text = text if len(text) <= 60 else text[:57] + "…"
            ax.annotate(f" {value} — {text} ({n} doc.)", (b, yi), fontsize=9, va="center")
        ax.set_yticks([])
        ax.set_title(title, loc="left")
        ax.margins(x=0.35)
        ax.figure.autofmt_xdate()
        return ax
