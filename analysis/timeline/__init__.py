"""Timeline: French temporal expressions (TIMEX3) resolved from a reference date, and dated events.

One module per job, each using only the ones above it in this list:

- ``data``: the language knowledge, as pure data modules: ``data.vocabulary`` (month and weekday
  names, number words, units, modifiers, holidays, tense words; also importable as ``rules``) and
  ``data.patterns`` (the recognition rules, regexes over named building blocks).
- ``reference``: the reference date (:func:`parse_reference_date`) and the anchors a row names.
- ``recognise``: the one regular expression built from ``data`` that finds expressions.
- ``intervals``: calendar arithmetic and the days a value covers (:func:`interval`).
- ``tense``: the tense of the clause around an expression, which sets the direction of dates.
- ``resolve``: values of days, months, years and weekdays, and the context they share.
- ``measures``: values of durations, sets, clock times, seasons, holidays and vague references.
- ``tagger``: the tagger (:func:`tag`, :func:`timexes`) and its table.
- ``dated_events``: :func:`events`, each dated expression tied to what it dates.

The public names are re-exported here, as ``analysis.timeline`` offered them before it became this
folder: ``from analysis import timeline; timeline.timexes(article)``.
"""

from . import data, dated_events, intervals, measures, recognise, reference, resolve, tagger, tense
from .data import patterns, vocabulary
from .data import vocabulary as rules  # the name the rule tables had before they moved to data/
from .dated_events import EVENT_COLUMNS, events
from .intervals import interval
from .data.patterns import RULES
from .data.vocabulary import NON_DATING
from .reference import (
    ABSOLUTE,
    DERIVED,
    EXPECTED_SPAN,
    NOT_ANCHORED,
    OUTSIDE_CALENDAR,
    PREVIOUS,
    PUBLICATION,
    UNRESOLVED,
    ReferenceDateError,
    parse_reference_date,
)
from .tagger import TIMEX_COLUMNS, tag, timexes

__all__ = [
    "ABSOLUTE",
    "DERIVED",
    "EVENT_COLUMNS",
    "EXPECTED_SPAN",
    "NON_DATING",
    "NOT_ANCHORED",
    "OUTSIDE_CALENDAR",
    "PREVIOUS",
    "PUBLICATION",
    "RULES",
    "ReferenceDateError",
    "TIMEX_COLUMNS",
    "UNRESOLVED",
    "data",
    "dated_events",
    "events",
    "interval",
    "intervals",
    "measures",
    "parse_reference_date",
    "patterns",
    "recognise",
    "reference",
    "resolve",
    "rules",
    "tag",
    "tagger",
    "tense",
    "timexes",
    "vocabulary",
]
