"""Compatibility alias: ``analysis.quotes`` is :mod:`analysis.people.quotes`, where the code lives.

``from analysis import quotes`` (the README's import) and ``import analysis.quotes`` keep working,
with every public name of the module (its ``__all__``, which holds its public constants); new code
imports ``from analysis.people import quotes``.
"""

from .people import quotes as _module
from .people.quotes import *  # noqa: F401,F403

__all__ = list(_module.__all__)
