"""Terms: what a text's words are, counted, compared and ranked.

- ``units``: which tokens a count keeps, what term each one is, n-gram runs (shared by every term table).
- ``phrases``: n-grams and repeated phrases, counted by integer codes over every document at once.
- ``keyness``: keyness against general French (wordfreq reference frequencies, G², log-ratio).
- ``stats``: frequencies, collocations, TF-IDF, KWIC, dispersion, trends, ``to_nltk_text``;
  n-grams, repeated phrases, keyness, vocabulary and readability re-exported.
- ``headlines``: a headline's figures ("39 morts"), key-term candidates.
- ``richness``: the vocabulary summary per document (types, MATTR, syllables, Kandel & Moles).
- ``candidates``: key-term candidates, noun phrases by part-of-speech patterns with offsets.
- ``weights``: key terms' word weights (frequency × specificity vs general French × title/lede boost).
- ``keyterms``: the key terms of a text, ranked (:func:`keyterms`).

What ``analysis.terms`` offered before it became this folder is re-exported here: everything
public in ``stats`` and the key-term function, ``from analysis import terms;
terms.frequencies(tokens)``, ``terms.keyterms(article)``. ``analysis.terms.keyterms`` is that
function; the module's other names are ``from analysis.terms.keyterms import candidates``.
"""

from . import stats
from .keyterms import keyterms
from .stats import *  # noqa: F401,F403
from .stats import seen_lower

__all__ = sorted({*stats.__all__, "keyterms", "seen_lower"})
