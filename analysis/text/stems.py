"""The French stemmer: NLTK's Snowball French stemmer, built once for the whole package.

A ``stem`` column (:func:`analysis.text.tokens.tokenize` with ``stems=True``), the corpus counting
path's stems, ``kwic`` by stem, the key terms' deduplication and the key-term evaluation's matching
all use this one stemmer, so that they agree.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["stemmer"]


@functools.lru_cache(maxsize=1)
def stemmer() -> Any:
    """NLTK's Snowball French stemmer (built once; its ``stem`` method is what callers use).

    Returns:
        nltk.stem.snowball.FrenchStemmer: The stemmer (``stemmer().stem("missiles")`` -> ``"missil"``).
    """
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("french")
