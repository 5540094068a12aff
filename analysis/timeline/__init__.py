"""Timeline: French temporal expressions (TIMEX3) resolved from a reference date, and dated events.

- ``tagger``: the tagger (:func:`tag`, :func:`timexes`), intervals, reference dates, :func:`events`.
- ``rules``: the tagger's rule tables (vocabulary and patterns), as data.

Everything public in ``tagger`` (its ``__all__`` and its public constants: the anchors and
statuses a timex row names) is re-exported here, as ``analysis.timeline`` offered it before it
became this folder: ``from analysis import timeline; timeline.timexes(article)``.
"""

from . import rules, tagger
from .tagger import *  # noqa: F401,F403
from .tagger import (ABSOLUTE, DERIVED, EXPECTED_SPAN, NON_DATING, NOT_ANCHORED, PREVIOUS, PUBLICATION,  # noqa: F401
                     RULES, UNRESOLVED)

__all__ = sorted({*tagger.__all__, "rules", "ABSOLUTE", "DERIVED", "EXPECTED_SPAN", "NON_DATING", "NOT_ANCHORED",
                  "PREVIOUS", "PUBLICATION", "RULES", "UNRESOLVED"})
