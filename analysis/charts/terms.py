"""Charts of term tables: top terms and n-grams, collocations, keyness, dispersion, trends, word clouds."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..ranking import sort_ranked
from .base import BAR_COLOUR, french_number, french_number_axis, integer_ticks, new_axes, rounded, style

__all__ = [
    "plot_collocations",
    "plot_dispersion",
    "plot_keyness",
    "plot_ngrams",
    "plot_top_terms",
    "plot_trends",
    "plot_wordcloud",
]


def plot_top_terms(
    freq: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 20,
    title: str = "Lemmes les plus fréquents",
    xlabel: str = "occurrences",
    colour: str = BAR_COLOUR,
) -> Axes:
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
        values = rounded(data["count"])
        ax.barh(y, values, color=colour, height=0.7)
        ax.set_yticks(y, data["term"].tolist())
        for yi, count in zip(y, values, strict=True):
            ax.text(float(count), float(yi), f" {french_number(count)}", va="center", fontsize=11, color="#333333")
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        ax.margins(x=0.08)
        if all(float(v).is_integer() for v in values):
            integer_ticks(ax.xaxis)
        french_number_axis(ax, "x")
        return ax


def plot_wordcloud(
    freq: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 80,
    seed: int = 7,
    mask: np.ndarray | None = None,
    width: int = 1200,
    height: int = 700,
    colormap: str = "viridis",
    title: str | None = None,
    min_font_size: int = 14,
) -> Axes:
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
        min_font_size: Smallest font in pixels: words that would be smaller are
            left out rather than drawn as illegible specks.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    from wordcloud import WordCloud

    counts = {str(t): int(c) for t, c in zip(freq["term"].head(top), freq["count"].head(top), strict=True)}
    cloud = WordCloud(
        width=width,
        height=height,
        background_color="white",
        random_state=seed,
        colormap=colormap,
        mask=mask,
        prefer_horizontal=0.9,
        collocations=False,
        normalize_plurals=False,
        max_words=top,
        margin=4,
        min_font_size=min_font_size,
    )
    cloud.generate_from_frequencies(counts or {"(vide)": 1})
    with style():
        ax = ax or new_axes(figsize=(width / 100, height / 100))
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.set_axis_off()
        if title:
            ax.set_title(title, loc="left")
        return ax


def plot_ngrams(
    grams: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 15,
    title: str = "Expressions les plus fréquentes",
    xlabel: str = "occurrences",
    colour: str = "#117a65",
) -> Axes:
    """Horizontal bars of the most frequent n-grams (``analysis.terms.ngrams``).

    Args:
        grams (pandas.DataFrame): An n-gram table with ``term`` and ``count``.
        ax (matplotlib.axes.Axes | None): Where to draw; a new figure if None.
        top (int): How many n-grams.
        title (str): The chart title.
        xlabel (str): The x-axis label.
        colour (str): Bar colour.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    return plot_top_terms(grams, ax=ax, top=top, title=title, xlabel=xlabel, colour=colour)


def plot_collocations(
    colls: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 15,
    measure: str = "likelihood_ratio",
    title: str = "Cooccurrences les plus fortes",
    colour: str = "#af7ac5",
) -> Axes:
    """Horizontal bars of the strongest collocations, labelled with their counts.

    Args:
        colls (pandas.DataFrame): From ``analysis.terms.collocations`` (``term``, ``count`` and the measure).
        ax (matplotlib.axes.Axes | None): Where to draw; a new figure if None.
        top (int): How many pairs.
        measure (str): ``likelihood_ratio``, ``pmi`` or ``t_score``.
        title (str): The chart title.
        colour (str): Bar colour.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    names = {
        "likelihood_ratio": "rapport de vraisemblance (G²)",
        "pmi": "information mutuelle (PMI)",
        "t_score": "t-score",
    }
    with style():
        data = sort_ranked(colls, [measure, "term"], [False, True]).head(top).iloc[::-1]
        ax = ax or new_axes(figsize=(9, max(4.0, 0.38 * len(data) + 1.5)))
        y = np.arange(len(data))
        values = rounded(data[measure])
        ax.barh(y, values, color=colour, height=0.7)
        ax.set_yticks(y, data["term"].tolist())
        for yi, v, c in zip(y, values, data["count"], strict=True):
            ax.text(float(v), float(yi), f" ×{c}", va="center", fontsize=11, color="#333333")
        ax.set_xlabel(names.get(measure, measure) + " ; ×n : occurrences de la paire")
        ax.set_title(title, loc="left")
        ax.margins(x=0.1)
        french_number_axis(ax, "x")
        return ax


def plot_keyness(
    key: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 12,
    value: str = "log_ratio",
    title: str = "Mots sur- et sous-représentés par rapport au français général",
    over_colour: str = "#c0392b",
    under_colour: str = "#2e86c1",
) -> Axes:
    """Diverging bars: the most over-represented terms (right) and the most under-represented (left).

    Terms are chosen by log-likelihood (G², signed) and drawn by ``value``
    (log-ratio by default: how many times more frequent, in powers of two).

    Args:
        key (pandas.DataFrame): From ``analysis.terms.keyness`` (one document).
        ax (matplotlib.axes.Axes | None): Where to draw; a new figure if None.
        top (int): How many terms on each side.
        value (str): ``log_ratio`` or ``log_likelihood``.
        title (str): The chart title.
        over_colour (str): Colour of over-represented terms.
        under_colour (str): Colour of under-represented terms.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    # ties (equal G², common among words the text never uses) are broken by the term, on every CPU
    over = sort_ranked(key[key["direction"] == "over"], ["log_likelihood", "term"], [False, True]).head(top)
    under = sort_ranked(key[key["direction"] == "under"], ["log_likelihood", "term"], [True, True]).head(top)
    data = sort_ranked(pd.concat([under, over]), [value, "term"], [True, False])
    labels = {
        "log_ratio": "log-ratio (log₂ du rapport des fréquences)",
        "log_likelihood": "log-vraisemblance G² (signée)",
    }
    with style():
        ax = ax or new_axes(figsize=(10, max(4.5, 0.36 * len(data) + 1.8)))
        y = np.arange(len(data))
        colours = [over_colour if d == "over" else under_colour for d in data["direction"]]
        ax.barh(y, rounded(data[value]), color=colours, height=0.7)
        ax.set_yticks(y, data["term"].tolist())
        ax.axvline(0, color="#333333", linewidth=1)
        ax.set_xlabel(labels.get(value, value))
        french_number_axis(ax, "x")
        ax.set_title(title, loc="left")
        from matplotlib.patches import Patch

        ax.legend(
            handles=[
                Patch(color=over_colour, label="sur-représenté dans l’article"),
                Patch(color=under_colour, label="sous-représenté dans l’article"),
            ],
            loc="lower right",
            frameon=False,
        )
        return ax


def plot_dispersion(
    disp: pd.DataFrame,
    *,
    ax: Axes | None = None,
    terms: list[str] | None = None,
    title: str = "Où les mots apparaissent dans l’article",
    colour: str = "#1b4f72",
) -> Axes:
    """Dispersion plot: one row per term, a tick at each occurrence (position 0-1 in the text).

    Args:
        disp (pandas.DataFrame): From ``analysis.terms.dispersion`` (``term``, ``position``).
        ax (matplotlib.axes.Axes | None): Where to draw; a new figure if None.
        terms (list[str] | None): Order of the rows (default: order of first appearance in ``disp``).
        title (str): The chart title.
        colour (str): Tick colour.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    terms = terms or list(pd.unique(disp["term"]))
    with style():
        ax = ax or new_axes(figsize=(11, max(3.5, 0.5 * len(terms) + 1.5)))
        for k, term in enumerate(terms):
            xs = rounded(disp.loc[disp["term"] == term, "position"])
            ax.vlines(xs, k - 0.35, k + 0.35, color=colour, linewidth=2)
        ax.set_yticks(range(len(terms)), terms)
        ax.set_ylim(len(terms) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_xlabel("position dans le texte (0 = début, 1 = fin)")
        french_number_axis(ax, "x")
        ax.set_title(title, loc="left")
        return ax


def plot_trends(
    trend: pd.DataFrame, *, ax: Axes | None = None, title: str = "Fréquence relative au fil de l’article"
) -> Axes:
    """Lines of each term's relative frequency across the N parts of the text (``analysis.terms.trends``).

    Args:
        trend (pandas.DataFrame): ``term``, ``part``, ``per_1000``.
        ax (matplotlib.axes.Axes | None): Where to draw; a new figure if None.
        title (str): The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(10, 5.5))
        for term in pd.unique(trend["term"]):
            part = trend[trend["term"] == term]
            ax.plot(part["part"], rounded(part["per_1000"]), marker="o", linewidth=2, label=term)
        parts = sorted(pd.unique(trend["part"]))
        ax.set_xticks(parts)
        ax.set_xlabel("partie du texte (parts égales en nombre de mots)")
        ax.set_ylabel("occurrences pour 1 000 mots")
        french_number_axis(ax, "y")
        ax.set_title(title, loc="left")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return ax
