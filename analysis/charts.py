"""Charts: matplotlib functions that take tables, draw on ``ax=`` and return the Axes.

One style for every chart (:data:`STYLE`, applied inside each function with
``rc_context``, so nothing global is changed), legible at slide size, with
French labels where they show French words. :func:`save_figure` writes PNG and
SVG atomically and deterministically: the same figure gives byte-identical
files (fixed SVG hash salt, no dates or software versions in the metadata,
fonts bundled with matplotlib).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

__all__ = [
    "KIND_COLOURS",
    "KIND_LABELS_FR",
    "STYLE",
    "new_axes",
    "plot_structure",
    "plot_top_terms",
    "plot_wordcloud",
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
_BAR_COLOUR = "#2e86c1"


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Apply :data:`STYLE` for the duration of a ``with`` block.

    Yields:
        None
    """
    with plt.rc_context(STYLE):
        yield


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


def save_figure(fig: Figure, name: str, *, out_dir: str | Path,
                formats: Sequence[str] = ("png", "svg")) -> list[Path]:
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


def plot_structure(segments: pd.DataFrame, *, ax: Axes | None = None, text_length: int | None = None,
                   title: str = "Structure de l’article : segments par type, position et longueur") -> Axes:
    """Draw every segment as a bar at its position in the text, one row per kind.

    Counted segments are solid; duplicates are hatched and linked by an arc to
    the segment they repeat; segments left out for another reason
    (boilerplate, credit, byline) are drawn pale with a dashed outline.

    Args:
        segments: A segments table (``analysis.clean.segments``).
        ax: Where to draw; a new figure if None.
        text_length: Length of the raw text (the x-axis end); defaults to the
            last segment's end.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(12, 5.5))
        kinds = [k for k in KIND_LABELS_FR if k in set(segments["kind"])]
        row = {k: i for i, k in enumerate(reversed(kinds))}
        for r in segments.itertuples(index=False):
            y = row[r.kind]
            dup = not pd.isna(r.duplicate_of)
            colour = KIND_COLOURS[r.kind]
            width = max(r.end - r.start, 8)
            if r.counted:
                ax.barh(y, width, left=r.start, height=0.6, color=colour, edgecolor="white", linewidth=0.8)
            elif dup:
                ax.barh(y, width, left=r.start, height=0.6, color="white", edgecolor=colour,
                        hatch="////", linewidth=1.2)
            else:
                ax.barh(y, width, left=r.start, height=0.6, color=colour, alpha=0.35,
                        edgecolor=colour, linestyle="--", linewidth=1.0)
            if dup:
                orig = segments.loc[segments["seg"] == r.duplicate_of].iloc[0]
                y0 = row[orig["kind"]]
                x0 = (orig["start"] + orig["end"]) / 2
                x1 = (r.start + r.end) / 2
                ax.annotate("", xy=(x1, y + 0.32), xytext=(x0, y0 + 0.32),
                            arrowprops={"arrowstyle": "->", "color": "#c0392b", "lw": 1.3,
                                        "connectionstyle": "arc3,rad=-0.35"})
        end = text_length or int(segments["end"].max() if len(segments) else 1)
        ax.set_xlim(0, end * 1.01)
        ax.set_ylim(-0.6, len(kinds) - 0.4)
        ax.set_yticks(list(row.values()), [KIND_LABELS_FR[k] for k in row])
        ax.set_xlabel("position dans le texte brut (caractères)")
        ax.set_title(title, loc="left")
        n_dup = int(segments["duplicate_of"].notna().sum())
        n_out = int((~segments["counted"].astype(bool)).sum()) - n_dup
        handles = [
            Patch(facecolor="#5d6d7e", label="compté"),
            Patch(facecolor="white", edgecolor="#5d6d7e", hatch="////", label=f"doublon, non compté ({n_dup})"),
            Patch(facecolor="#aab7b8", alpha=0.35, edgecolor="#5d6d7e", linestyle="--",
                  label=f"écarté : habillage, crédit, signature ({n_out})"),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False)
        return ax


def plot_top_terms(freq: pd.DataFrame, *, ax: Axes | None = None, top: int = 20,
                   title: str = "Lemmes les plus fréquents", xlabel: str = "occurrences",
                   colour: str = _BAR_COLOUR) -> Axes:
    """Horizontal bars of the most frequent terms, the most frequent on top.

    Args:
        freq: A frequency table with ``term`` and ``count`` (``analysis.terms.frequencies``).
        ax: Where to draw; a new figure if None.
        top: How many terms.
        title: The chart title.
        xlabel: The x-axis label.
        colour: Bar colour.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        data = freq.head(top).iloc[::-1]
        ax = ax or new_axes(figsize=(9, max(4.0, 0.38 * len(data) + 1.5)))
        y = np.arange(len(data))
        ax.barh(y, data["count"], color=colour, height=0.7)
        ax.set_yticks(y, data["term"].tolist())
        for yi, count in zip(y, data["count"], strict=True):
            ax.text(count, yi, f" {count}", va="center", fontsize=11, color="#333333")
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        ax.margins(x=0.08)
        ax.xaxis.get_major_locator().set_params(integer=True)
        return ax


def plot_wordcloud(freq: pd.DataFrame, *, ax: Axes | None = None, top: int = 80, seed: int = 7,
                   mask: np.ndarray | None = None, width: int = 1200, height: int = 700,
                   colormap: str = "viridis", title: str | None = None) -> Axes:
    """A word cloud drawn from our own counts (never from wordcloud's tokenizer).

    ``wordcloud`` is given the frequencies directly, so French elisions,
    accents and lemmas stay as our tokenizer made them (its own tokenizer would
    split on apostrophes, merge plurals and knows no French stopwords).

    Args:
        freq: A frequency table with ``term`` and ``count``.
        ax: Where to draw; a new figure if None.
        top: How many terms.
        seed: Random seed for the layout (same seed, same picture).
        mask: Optional shape mask (white = no words), as wordcloud takes it.
        width: Canvas width in pixels.
        height: Canvas height in pixels.
        colormap: Matplotlib colormap name.
        title: Optional chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    from wordcloud import WordCloud

    counts = {str(t): int(c) for t, c in zip(freq["term"].head(top), freq["count"].head(top), strict=True)}
    cloud = WordCloud(width=width, height=height, background_color="white", random_state=seed,
                      colormap=colormap, mask=mask, prefer_horizontal=0.9, collocations=False,
                      normalize_plurals=False, max_words=top, margin=4)
    cloud.generate_from_frequencies(counts or {"(vide)": 1})
    with style():
        ax = ax or new_axes(figsize=(width / 100, height / 100))
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.set_axis_off()
        if title:
            ax.set_title(title, loc="left")
        return ax
