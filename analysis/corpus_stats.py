"""Compatibility alias: ``analysis.corpus_stats`` is :mod:`analysis.corpus.stats`, where the code lives.

``from analysis import corpus_stats as cs`` keeps working, with every public name of the module
(its ``__all__`` and its public constants); new code imports ``from analysis.corpus import stats``.
"""

from .corpus import stats as _module
from .corpus.stats import *  # noqa: F401,F403
from .corpus.stats import CORPUS_KEYTERM_COLUMNS, DATELINE_CHARS, KEYTERM_COLUMNS, META_COLUMNS  # noqa: F401

__all__ = sorted({*_module.__all__, "CORPUS_KEYTERM_COLUMNS", "DATELINE_CHARS", "KEYTERM_COLUMNS", "META_COLUMNS"})
