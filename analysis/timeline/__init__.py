"""Timeline: French temporal expressions (TIMEX3) resolved from a reference date, and dated events.

One module per job, each using only the ones above it in this list:

- ``rules``: the rule tables (vocabulary and patterns), as data: month and weekday names, number
  words, units, modifiers, holidays, tense words.
- ``reference``: the reference date (:func:`parse_reference_date`) and the anchors a row names.
- ``recognise``: the one regular expression built from the rule tables that finds expressions.
- ``intervals``: calendar arithmetic and the days a value covers (:func:`interval`).
- ``tense``: the tense of the clause around an expression, which sets the direction of dates.
- ``resolve``: values of days, months, years and weekdays, and the context they share.
- ``measures``: values of durations, sets, clock times, seasons, holidays and vague references.
- ``tagger``: the tagger (:func:`tag`, :func:`timexes`) and its table.
- ``dated_events``: :func:`events`, each dated expression tied to what it dates.

The public names are re-exported here, as ``analysis.timeline`` offered them before it became this
folder: ``from analysis import timeline; timeline.timexes(article)``.
"""

from . import dated_events, intervals, measures, recognise, reference, resolve, rules, tagger, tense
from .dated_events import EVENT_COLUMNS, events
from .intervals import interval
from .measures import NON_DATING
from .recognise import RULES
from .reference import (ABSOLUTE, DERIVED, EXPECTED_SPAN, NOT_ANCHORED, OUTSIDE_CALENDAR, PREVIOUS, PUBLICATION,
                        UNRESOLVED, ReferenceDateError, parse_reference_date)
from .tagger import TIMEX_COLUMNS, tag, timexes

__all__ = ["ABSOLUTE", "dated_events", "DERIVED", "EVENT_COLUMNS", "EXPECTED_SPAN", "NON_DATING", "NOT_ANCHORED", "OUTSIDE_CALENDAR",
           "PREVIOUS", "PUBLICATION", "RULES", "ReferenceDateError", "TIMEX_COLUMNS", "UNRESOLVED", "events",
           "interval", "intervals", "measures", "parse_reference_date", "recognise", "reference", "resolve", "rules",
           "tag", "tagger", "tense", "timexes"]
