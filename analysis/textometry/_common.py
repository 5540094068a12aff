"""What the textometry modules share: their errors, the token selection rule, the term of each token.

The selection ("what counts") and the term units are those of :mod:`analysis.terms.units`, imported
here once so that every textometry table follows the same rule as the project's other counts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..terms.units import RULE_SEGMENTS as _RULE_SEGMENTS, keep as _keep, units as _units

__all__ = ["TextometryError", "keep_mask", "rule_text", "term_units"]


class TextometryError(ValueError):
    """Bad input to a textometry analysis (one line saying what and why)."""


def keep_mask(
    tokens: pd.DataFrame, *, stopwords: bool, punct: bool = False, numbers: bool = True, uncounted: bool = False
) -> np.ndarray:
    """The tokens an analysis keeps (see :func:`analysis.terms.frequencies` for the options).

    Args:
        tokens: A tokens table.
        stopwords: Keep stopwords.
        punct: Keep punctuation and symbols.
        numbers: Keep tokens that are neither alphabetic nor punctuation (numbers).
        uncounted: Keep the tokens of segments left out of counts (duplicates, boilerplate).

    Returns:
        numpy.ndarray: One bool per token.
    """
    return _keep(tokens, stopwords=stopwords, punct=punct, numbers=numbers, uncounted=uncounted)


def term_units(tokens: pd.DataFrame, by: str) -> np.ndarray:
    """The term of each token (``form``, ``norm``, ``lemma`` or ``stem``; lemmas differing by case merged).

    Args:
        tokens: A tokens table.
        by: The unit.

    Returns:
        numpy.ndarray: One term (object array) per token.
    """
    return _units(tokens, by)


def rule_text(*, punct: bool, numbers: bool, uncounted: bool) -> str:
    """The part of a rule that says which tokens were counted at all."""
    return (
        f"punctuation and symbols {'counted' if punct else 'left out'}; numbers "
        f"{'counted' if numbers else 'left out'}; {_RULE_SEGMENTS[uncounted]}"
    )
