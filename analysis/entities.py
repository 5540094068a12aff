"""Compatibility alias: ``analysis.entities`` is :mod:`analysis.people.entities`, where the code lives.

``from analysis import entities`` (the README's import) and ``import analysis.entities`` keep
working, with every public name of the module (its ``__all__`` and its public constants); new code
imports ``from analysis.people import entities``.
"""

from .people import entities as _module
from .people.entities import *  # noqa: F401,F403
from .people.entities import (
    ACRONYM_SKIP,
    ARTICLES,
    ELISIONS,
    EXTEND_POS,
    HTML_COLOURS,
    INSTITUTION_HEADS,  # noqa: F401
    LEADING_FUNCTION_WORDS,
    PERSON_TITLES,
    PRODUCT_NOUNS,
    SHOUTING_SHARE,
    SPLIT_POS,
    STRAY_POS,
    TITLES,
    TRAILING_FUNCTION_WORDS,
    BATCH_CHARS,
    Gazetteer,
    EVENT_HEADS,
    ORG_HEADS,
    PLACE_WORDS,
)

__all__ = sorted(
    {
        *_module.__all__,
        "ACRONYM_SKIP",
        "ARTICLES",
        "BATCH_CHARS",
        "ELISIONS",
        "EXTEND_POS",
        "Gazetteer",
        "HTML_COLOURS",
        "INSTITUTION_HEADS",
        "LEADING_FUNCTION_WORDS",
        "PERSON_TITLES",
        "PRODUCT_NOUNS",
        "SHOUTING_SHARE",
        "SPLIT_POS",
        "STRAY_POS",
        "TITLES",
        "TRAILING_FUNCTION_WORDS",
        "EVENT_HEADS",
        "ORG_HEADS",
        "PLACE_WORDS",
    }
)
