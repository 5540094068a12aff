"""People: who is named and who speaks.

- ``entities``: named-entity mentions (spaCy, corrected), aliases merged into entities,
  co-occurrence (:func:`analysis.people.entities.entities`).
- ``quotes``: direct and reported speech, attributions, sources
  (:func:`analysis.people.quotes.quotes`).
- ``data/``: the gazetteer (``gazetteer_fr.tsv``: places, states and their periphrases).

The modules are exported, not their functions (whose names are the modules'):
``from analysis.people import entities, quotes; entities.entities(article)``.
"""

from . import entities, quotes

__all__ = ["entities", "quotes"]
