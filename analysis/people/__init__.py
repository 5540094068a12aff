"""People: who is named, who speaks, and how surely.

- ``entities``: named-entity mentions (spaCy, corrected), aliases merged into entities,
  co-occurrence (:func:`analysis.people.entities.entities`).
- ``quotes``: the public entry of attributions, claims and the sourcing audit (re-exports the three
  modules below; :func:`analysis.people.quotes.quotes`).
- ``attributions``: one row per attribution with its speaker and gender, and the sources summary.
- ``detection``: where attributions are: quotations, reporting verbs, according-to phrases.
- ``speakers``: the speaker phrase, head mention, medium, canonical speaker and resolution.
- ``gender``: the gender of a named person source from the text's own cues only.
- ``claims``: the status of every sentence or clause (asserted, attributed, conditional,
  hypothetical, denied).
- ``audit``: the sourcing audit of an article or of a corpus's parts.
- ``reuse``: the same quotation in several documents, with each document's speaker.
- ``lexicon``: reads the language knowledge of attributions from ``data/``.
- ``data/``: the gazetteer (``gazetteer_fr.tsv``), the reporting verbs with their stance
  (``speech_verbs_fr.tsv``), role nouns (``role_nouns_fr.tsv``), according-to forms, the typology of
  anonymous sources and outlet words (``sources_fr.tsv``).

The modules are exported, not their functions (whose names are the modules'):
``from analysis.people import entities, quotes; entities.entities(article)``.
"""

from . import attributions, audit, claims, detection, entities, gender, lexicon, quotes, reuse, speakers

__all__ = ["attributions", "audit", "claims", "detection", "entities", "gender", "lexicon", "quotes", "reuse",
           "speakers"]
