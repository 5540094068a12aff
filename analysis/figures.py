"""Compatibility alias: ``analysis.figures`` is :mod:`analysis.app.notebooks`, where the code lives.

``from analysis.figures import run_figures, notebooks`` keeps working; new code imports
``from analysis.app.notebooks import run_figures``.
"""

from .app import notebooks as _module
from .app.notebooks import *  # noqa: F401,F403

__all__ = list(_module.__all__)
