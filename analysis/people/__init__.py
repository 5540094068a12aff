"""People: who is named and who speaks.

- ``entities``: named entities of an article, the area's public face: mentions, aliases merged into
  entities, summary (:func:`analysis.people.entities.entities`); re-exports the names below.
- ``mentions``: entity mentions in one text, the spaCy model's corrected by general rules, with the
  title before a person's name (:func:`analysis.people.mentions.find_mentions`).
- ``aliases``: aliases merged into one canonical entity (:func:`analysis.people.aliases.canonicalise`).
- ``gazetteer``: the rules' French word lists and the gazetteer, loaded from ``data/``.
- ``graph``: co-occurrence of entities, as a table or a networkx graph.
- ``render``: displaCy-style HTML of entities and quotes.
- ``quotes``: direct and reported speech, attributions, sources
  (:func:`analysis.people.quotes.quotes`).
- ``data/``: the gazetteer (``gazetteer_fr.tsv``: places, states and their periphrases), the rules'
  word lists (``words_fr.tsv``) and the capitalised words that are no name (``not_names_fr.tsv``).

The modules are exported, not their functions (whose names are the modules'):
``from analysis.people import entities, quotes; entities.entities(article)``.
"""

from . import entities, quotes

__all__ = ["entities", "quotes"]
