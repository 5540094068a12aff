"""Charts: matplotlib functions that take tables, draw on ``ax=`` and return the Axes.

One module per area (``structure``, ``terms``, ``timeline``, ``entities``, ``corpus``),
one style and one way to save (``base``). Everything public in those modules
(their ``__all__``) is re-exported here: ``from analysis import charts;
charts.plot_top_terms(freq, ax=ax)``.
"""

from . import base, corpus, entities, structure, terms, timeline
from .base import *  # noqa: F401,F403
from .corpus import *  # noqa: F401,F403
from .entities import *  # noqa: F401,F403
from .structure import *  # noqa: F401,F403
from .terms import *  # noqa: F401,F403
from .timeline import *  # noqa: F401,F403

__all__ = sorted({*base.__all__, *corpus.__all__, *entities.__all__, *structure.__all__, *terms.__all__, *timeline.__all__})
