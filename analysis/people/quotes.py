"""Who says what, and how surely: the public entry of attributions, claims and the sourcing audit.

- :func:`quotes` and :func:`sources` (:mod:`analysis.people.attributions`): one row per
  attribution (direct, indirect, mixed, according-to) with its content, cue, stance, speaker
  (``speaker_text``, canonical ``speaker``, ``resolution``, ``named``, ``medium``) and gender from
  the text (``gender``, ``gender_cue``); the sources summary per speaker.
- :func:`claims` (:mod:`analysis.people.claims`): the status of every sentence or clause (asserted,
  attributed, conditional, hypothetical, denied) with its cue and source.
- :func:`audit` and :func:`corpus_audit` (:mod:`analysis.people.audit`): the sourcing audit of an
  article or of a corpus's parts.
- :func:`quote_reuse` (:mod:`analysis.people.reuse`): the same quotation in several documents of a
  corpus, with the speaker each gives, flagged where they differ.

Import from here (``from analysis.people import quotes; quotes.quotes(article)``); the rules live in
``detection``, ``speakers``, ``gender`` and ``lexicon``, the language knowledge in ``people/data/``.
"""

from __future__ import annotations

from .attributions import (
    ACCORDING_TO,
    AUXILIARIES,
    BOUNDARY_TOKENS,
    COLUMNS,
    INSTITUTION_NOUNS,
    SOURCE_COLUMNS,
    SPEECH_VERBS,
    quotes,
    sources,
)
from .audit import AUDIT_TABLES, audit, corpus_audit
from .claims import CLAIM_COLUMNS, STATUSES, claims
from .detection import MAX_WINDOW_TOKENS, MIN_DIRECT_WORDS, QUOTE_PAIRS
from .reuse import REUSE_COLUMNS, quote_reuse
from ..text.nlp import MAX_CHUNK_TOKENS

__all__ = [
    "ACCORDING_TO",
    "AUDIT_TABLES",
    "AUXILIARIES",
    "BOUNDARY_TOKENS",
    "CLAIM_COLUMNS",
    "COLUMNS",
    "INSTITUTION_NOUNS",
    "MAX_CHUNK_TOKENS",
    "MAX_WINDOW_TOKENS",
    "MIN_DIRECT_WORDS",
    "QUOTE_PAIRS",
    "REUSE_COLUMNS",
    "SOURCE_COLUMNS",
    "SPEECH_VERBS",
    "STATUSES",
    "audit",
    "claims",
    "corpus_audit",
    "quote_reuse",
    "quotes",
    "sources",
]
