"""The one style of the project's charts, new Axes, and deterministic atomic saving.

:data:`STYLE` is applied inside each plotting function with ``rc_context``, so
nothing global is changed; charts are legible at slide size, with French
labels, titles and date ticks (:func:`french_date_axis`; matplotlib's own
date formatter would print the C locale's English month names).
:func:`save_figure` writes PNG and SVG atomically and deterministically: the
same figure gives byte-identical files (fixed SVG hash salt, no dates or
software versions in the metadata, fonts bundled with matplotlib).

Every value computed with numpy floats (``np.log``, sums, BLAS) goes through
:func:`rounded` before it is drawn, so that last-bit differences between CPUs
(SIMD paths, FMA, OpenBLAS kernels) never reach a figure file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

__all__ = [
    "BAR_COLOUR",
    "KIND_COLOURS",
    "KIND_LABELS_FR",
    "MONTHS_FR",
    "PERIODS_FR",
    "SIGNIFICANT_DIGITS",
    "STYLE",
    "french_date_axis",
    "french_number",
    "french_number_axis",
    "integer_ticks",
    "label_nodes",
    "new_axes",
    "place_labels",
    "renderer_of",
    "rounded",
    "save_figure",
    "style",
]

#: The one style of the project's charts.
STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 12,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.hashsalt": "analysis",
    "svg.fonttype": "path",
    "path.simplify": True,
}

#: Segment kinds in reading order, with their French names and colours.
KIND_LABELS_FR: dict[str, str] = {
    "title": "titre",
    "lede": "chapeau",
    "caption": "légende photo",
    "heading": "intertitre",
    "paragraph": "paragraphe",
    "quote": "citation",
    "credit": "crédit",
    "byline": "signature",
    "boilerplate": "habillage de page",
}
KIND_COLOURS: dict[str, str] = {
    "title": "#1b4f72",
    "lede": "#2e86c1",
    "caption": "#af7ac5",
    "heading": "#117a65",
    "paragraph": "#5d6d7e",
    "quote": "#d35400",
    "credit": "#b7950b",
    "byline": "#7d6608",
    "boilerplate": "#aab7b8",
}
#: The default colour of bars.
BAR_COLOUR = "#2e86c1"
#: Abbreviated French month names, for date ticks.
MONTHS_FR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
#: ``day``/``week``/``month``/``year`` as a French title says it ("Articles par semaine").
PERIODS_FR: dict[str, str] = {
    "day": "jour",
    "week": "semaine",
    "month": "mois",
    "year": "année",
    "D": "jour",
    "W": "semaine",
    "M": "mois",
    "Y": "année",
}
#: Significant digits kept in every float drawn.
SIGNIFICANT_DIGITS = 6


def rounded(values: Iterable[float] | float, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    """Values as they are drawn: rounded to ``digits`` significant digits.

    The rounding goes through the shortest decimal representation (Python's
    ``format``), which is exact and the same on every machine; noise in the
    last bits of a float computed by numpy cannot survive it.

    Args:
        values: Numbers (a scalar, a list, an array or a Series).
        digits: Significant digits kept.

    Returns:
        numpy.ndarray: The rounded values, as floats (a 0-d array for a scalar); NaN and
        infinities are kept, ``-0.0`` becomes ``0.0``.
    """
    arr = np.asarray(values, dtype=float)
    flat = [float(format(v, f".{digits}g")) + 0.0 if math.isfinite(v) else v for v in arr.ravel().tolist()]
    return np.array(flat, dtype=float).reshape(arr.shape)


def french_number(value: float, digits: int = 3) -> str:
    """A number as French prints it: decimal comma, true minus sign, integers without decimals.

    Args:
        value: The number.
        digits: Significant digits of a non-integer.

    Returns:
        str: ``"12"``, ``"0,532"``, ``"−1,5"``, ``"12 500"`` (a narrow no-break space from 10 000 on).
    """
    v = float(value)
    if math.isfinite(v) and v.is_integer() and abs(v) < 1e15:
        text = f"{int(v):,}".replace(",", "\u202f") if abs(v) >= 10_000 else str(int(v))
    else:
        v = float(rounded(v, digits))
        text = str(int(v)) if math.isfinite(v) and v.is_integer() and abs(v) < 1e15 else format(v, f".{digits}g")
    return text.replace(".", ",").replace("-", "\u2212")


def french_number_axis(ax: Axes, axis: str = "x") -> None:
    """Tick labels in French notation (decimal comma, true minus sign): ``1``, ``10``, ``100`` on a log axis.

    Args:
        ax: The Axes.
        axis: ``x`` or ``y``.
    """
    from matplotlib.ticker import FuncFormatter

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: french_number(v, 4)))


def integer_ticks(axis: Axis) -> None:
    """Ticks at whole numbers only on ``axis`` (counts: no "2,5 articles").

    Args:
        axis (matplotlib.axis.Axis): ``ax.xaxis`` or ``ax.yaxis``, with matplotlib's default
            ``MaxNLocator`` (typed as a plain ``Locator``, whose ``set_params`` takes no ``integer``).
    """
    locator: Any = axis.get_major_locator()
    locator.set_params(integer=True)


def renderer_of(ax: Axes) -> RendererBase:
    """The renderer of the figure holding ``ax`` (to measure text before the figure is drawn).

    Args:
        ax (matplotlib.axes.Axes): The Axes.

    Returns:
        matplotlib.backend_bases.RendererBase: The Agg renderer (``get_renderer`` is not on the
        base canvas class, only on the canvases that draw).
    """
    canvas: Any = ax.figure.canvas
    return canvas.get_renderer()


def place_labels(ax: Axes, items: Iterable[tuple], *, obstacles: dict | None = None, **text_kw) -> list:
    """Annotate points where each label overlaps no label placed before it and no obstacle.

    Items are placed in the order given (put the most important first); each
    tries its candidate offsets in turn and keeps the first free one, or its
    first offset when none is free. Call it once the Axes limits are final.

    Args:
        ax: The Axes.
        items: ``(key, text, xy, choices, kwargs)``: ``choices`` are ``(dx, dy, ha, va)``
            offsets in points; ``kwargs`` more text properties for this label (e.g. its colour).
        obstacles: ``{key: Bbox}`` in display coordinates that labels must avoid (an
            item's own obstacle, under the same key, is ignored).
        **text_kw: Text properties of every label.

    Returns:
        list: The annotations.
    """
    renderer = renderer_of(ax)
    obstacles = obstacles or {}
    placed: list[Bbox] = []
    labels: list[Annotation] = []
    for key, text, xy, choices, kwargs in items:
        choices = list(choices)
        for k, (dx, dy, ha, va) in enumerate(choices + choices[:1]):
            label = ax.annotate(
                text, xy, xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, **{**text_kw, **kwargs}
            )
            box = label.get_window_extent(renderer)
            free = not any(box.overlaps(b) for b in placed) and not any(
                box.overlaps(b) for m, b in obstacles.items() if m != key
            )
            if free or k == len(choices):
                break
            label.remove()
        placed.append(box)
        labels.append(label)
    return labels


def label_nodes(
    ax: Axes, order: Sequence, pos: dict, sizes: dict, *, labels: dict | None = None, fontsize: float = 11
) -> list:
    """Label each node of a network beside its disc, above, below, right or left: where it overlaps no disc and no label.

    Nodes are labelled in ``order`` (the most important first); ``sizes`` are matplotlib's
    ``node_size``/``s`` areas in points², so a disc's radius is √s / 2. Call it once the Axes limits
    are final.

    Args:
        ax: The Axes.
        order: The nodes, in labelling order.
        pos: ``{node: (x, y)}`` in data coordinates.
        sizes: ``{node: area in points²}``.
        labels: ``{node: text}``; default the node itself.
        fontsize: Label size.

    Returns:
        list: The annotations.
    """
    to_pixels = ax.figure.dpi / 72
    discs = {}
    for n in order:
        cx, cy = ax.transData.transform(pos[n])
        r = sizes[n] ** 0.5 / 2 * to_pixels
        discs[n] = Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
    items: list[tuple[Any, str, Any, Any, dict[str, Any]]] = []
    for n in order:
        gap = round(sizes[n] ** 0.5 / 2 + 3)
        items.append(
            (
                n,
                str(labels[n] if labels is not None else n),
                pos[n],
                (
                    (0, gap, "center", "bottom"),
                    (0, -gap, "center", "top"),
                    (gap, 0, "left", "center"),
                    (-gap, 0, "right", "center"),
                ),
                {},
            )
        )
    return place_labels(
        ax,
        items,
        obstacles=discs,
        fontsize=fontsize,
        fontweight="bold",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1.5},
    )


def french_date_axis(ax: Axes, start, end, *, axis: str = "x", max_ticks: int = 8) -> None:
    """Date ticks with French labels on a matplotlib date axis: days, months or years, by span.

    Months are labelled ``mai 2012``, then ``juin``, ``juil.`` … (the year under the
    first tick and wherever it changes); days ``14 mai``; years ``2012``. Tick
    positions are whole days (the axis may widen to the first of the month).

    Args:
        ax: The Axes (its ``axis`` holds dates, as matplotlib's date units).
        start: The first date shown.
        end: The last date shown.
        axis: ``x`` or ``y``.
        max_ticks: Most ticks drawn.
    """
    import matplotlib.dates as mdates
    import pandas as pd

    a, b = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    if b < a:
        a, b = b, a
    span = (b - a).days
    if span <= 62:
        days = [a + dt.timedelta(days=k) for k in range(span + 1)]
        step = max(1, math.ceil(len(days) / max_ticks))
        days = days[::step]
        labels = [f"{d.day} {MONTHS_FR[d.month - 1]}" for d in days]
    elif span <= 3 * 366:
        months, y, m = [], a.year, a.month
        while dt.date(y, m, 1) <= b:
            months.append(dt.date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, math.ceil(len(months) / max_ticks))
        days = months[::step]
        labels = [MONTHS_FR[d.month - 1] for d in days]
    else:
        years = list(range(a.year, b.year + 1))
        step = max(1, math.ceil(len(years) / max_ticks))
        days = [dt.date(y, 1, 1) for y in years[::step]]
        labels = [str(d.year) for d in days]
    if span <= 3 * 366:  # the year under the first tick and wherever it changes
        labels = [
            f"{lab}\n{d.year}" if k == 0 or d.year != days[k - 1].year else lab
            for k, (d, lab) in enumerate(zip(days, labels))
        ]
    positions = [float(mdates.date2num(d)) for d in days]
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_ticks(positions, labels)


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Apply :data:`STYLE` for the duration of a ``with`` block.

    Only the keys of :data:`STYLE` are set and then restored. (``rc_context``
    would restore *every* rcParam, including ``interactive``, which Jupyter's
    inline backend switches on when pyplot first creates a figure: restoring
    it turned inline display off for every later figure of a notebook.)

    Yields:
        None
    """
    rc: Any = plt.rcParams  # typed with literal keys; STYLE holds only real rcParams
    saved = {key: rc[key] for key in STYLE}
    try:
        rc.update(STYLE)
        yield
    finally:
        rc.update(saved)


def new_axes(*, figsize: tuple[float, float] = (10, 6)) -> Axes:
    """A new figure with one Axes, in the project's style.

    Args:
        figsize: Width and height in inches.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        fig = plt.figure(figsize=figsize)
        return fig.add_subplot()


def save_figure(fig: Figure, name: str, *, out_dir: str | Path, formats: Sequence[str] = ("png", "svg")) -> list[Path]:
    """Write a figure as PNG and SVG, atomically and deterministically.

    Each file is written to a temporary file in ``out_dir`` and renamed over
    the target, so a reader never sees a half-written figure and an interrupted
    run leaves the old file in place.

    Args:
        fig: The figure.
        name: File name without extension (e.g. ``"01_structure"``).
        out_dir: The folder to write into (created if needed).
        formats: Which formats to write.

    Returns:
        list[pathlib.Path]: The files written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        target = out_dir / f"{name}.{fmt}"
        metadata = {"Date": None} if fmt in ("svg", "pdf") else {"Software": None}
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=f".{fmt}", dir=out_dir)
        try:
            with os.fdopen(fd, "wb") as fh, style():
                fig.savefig(fh, format=fmt, metadata=metadata)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        written.append(target)
    return written
