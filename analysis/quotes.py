"""Compatibility alias: ``analysis.quotes`` is :mod:`analysis.people.quotes`, where the code lives.

``from analysis import quotes`` (the README's import) and ``import analysis.quotes`` keep working,
with every public name of the module (its ``__all__`` and its public constants); new code imports
``from analysis.people import quotes``.
"""

from .people import quotes as _module
from .people.quotes import *  # noqa: F401,F403
from .people.quotes import ACCORDING_TO, AUXILIARIES, BOUNDARY_TOKENS, MIN_DIRECT_WORDS, QUOTE_PAIRS, MAX_CHUNK_TOKENS, MAX_WINDOW_TOKENS  # noqa: F401

__all__ = sorted({*_module.__all__, "ACCORDING_TO", "AUXILIARIES", "BOUNDARY_TOKENS", "MIN_DIRECT_WORDS",
                  "MAX_CHUNK_TOKENS", "MAX_WINDOW_TOKENS", "QUOTE_PAIRS"})
