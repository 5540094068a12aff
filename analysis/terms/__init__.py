"""Terms: what a text's words are, counted, compared and ranked.

- ``stats``: frequencies, n-grams, repeated phrases, collocations, keyness against general French,
  TF-IDF, KWIC, dispersion, trends, vocabulary, readability, ``to_nltk_text``.
- ``keyterms``: the key terms of a text, ranked (:func:`keyterms`).

Everything public in ``stats`` and ``keyterms`` is re-exported here:
``from analysis import terms; terms.frequencies(tokens)``, ``terms.keyterms(article)``.
The module ``keyterms`` is reached as ``from analysis.terms.keyterms import candidates``
(the name ``analysis.terms.keyterms`` is the function).
"""

from . import stats
from .keyterms import MAX_WORDS, WEIGHTS, candidates, keyterms
from .stats import *  # noqa: F401,F403

__all__ = sorted({*stats.__all__, "MAX_WORDS", "WEIGHTS", "candidates", "keyterms"})
