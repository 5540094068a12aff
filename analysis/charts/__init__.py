"""Charts: matplotlib functions that take tables, draw on ``ax=`` and return the Axes.

One module per area (``structure``, ``terms``, …), one style and one way to
save (``base``). Everything public is re-exported here: ``from analysis import
charts; charts.plot_top_terms(freq, ax=ax)``.
"""

from .base import BAR_COLOUR, KIND_COLOURS, KIND_LABELS_FR, STYLE, new_axes, save_figure, style
from .entities import plot_cooccurrence, plot_entity_mentions, plot_sources
from .structure import plot_structure
from .terms import plot_top_terms, plot_wordcloud
from .timeline import TimeScale, plot_durations, plot_mention_order, plot_timeline

__all__ = [
    "BAR_COLOUR", "KIND_COLOURS", "KIND_LABELS_FR", "STYLE", "new_axes", "plot_structure", "plot_top_terms",
    "plot_wordcloud", "save_figure", "style",
]
