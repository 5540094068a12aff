"""Charts of term counts: top terms as bars, word clouds."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .base import BAR_COLOUR, new_axes, style

__all__ = ["plot_top_terms", "plot_wordcloud"]


def plot_top_terms(freq: pd.DataFrame, *, ax: Axes | None = None, top: int = 20,
                   title: str = "Lemmes les plus fréquents", xlabel: str = "occurrences",
                   colour: str = BAR_COLOUR) -> Axes:
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
