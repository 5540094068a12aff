"""The timeline's language knowledge, as pure data modules (no code beyond literals).

- ``vocabulary``: French words and their TIMEX3 meaning: month and weekday names, number words,
  units, modifiers, parts of the day and of a period, holidays, vague references, tense words, and
  the words that make a number not a date.
- ``patterns``: the recognition rules, (name, regex) in priority order, written over named
  building blocks that :mod:`analysis.timeline.recognise` fills in from ``vocabulary``.
"""
