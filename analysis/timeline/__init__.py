"""Timeline: French temporal expressions (TIMEX3) resolved from a reference date, and dated events.

- ``tagger``: the tagger (:func:`tag`, :func:`timexes`), intervals, reference dates, :func:`events`.
- ``rules``: the tagger's rule tables (vocabulary and patterns), as data.

Everything public in ``tagger`` (its ``__all__``) is re-exported here:
``from analysis import timeline; timeline.timexes(article)``.
"""

from . import rules, tagger
from .tagger import *  # noqa: F401,F403

__all__ = sorted({*tagger.__all__, "rules"})
