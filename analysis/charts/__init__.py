"""Charts: matplotlib functions that take tables, draw on ``ax=`` and return the Axes.

- ``base``: the one style (set and restored per call), French dates and numbers, ``save_figure``.
- ``structure``: an article's segments by kind, position and length.
- ``terms``: top terms, word cloud, n-grams, collocations, keyness, dispersion, trends.
- ``timeline``: dated events at their real precision, mention order against time, durations.
- ``entities``: entity mentions by label, the co-occurrence network, sources named and anonymous.
- ``audit``: the sourcing audit: named and anonymous sources, kinds of anonymous source, gender of
  the persons cited, stance of the reporting verbs, the conditional, the outlets cited (a graph).
- ``corpus``: coverage over time, a term's share of it, two sub-corpora compared, merged timelines.
- ``layout``: the networks' stress layout (co-occurrence, provenance), in pure Python (exact on any CPU).
- ``textometry``: the charts of :mod:`analysis.textometry` (imported as ``analysis.charts.textometry``).

Everything public in ``base``, ``structure``, ``terms``, ``timeline``, ``entities``, ``audit`` and ``corpus``
(their ``__all__``) is re-exported here: ``from analysis import charts;
charts.plot_top_terms(freq, ax=ax)``.
"""

from . import audit, base, corpus, entities, structure, terms, timeline
from .audit import *  # noqa: F401,F403
from .base import *  # noqa: F401,F403
from .corpus import *  # noqa: F401,F403
from .entities import *  # noqa: F401,F403
from .structure import *  # noqa: F401,F403
from .terms import *  # noqa: F401,F403
from .timeline import *  # noqa: F401,F403

__all__ = sorted(
    {
        *audit.__all__,
        *base.__all__,
        *corpus.__all__,
        *entities.__all__,
        *structure.__all__,
        *terms.__all__,
        *timeline.__all__,
    }
)
