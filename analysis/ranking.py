"""Ranking rows the same way on every machine: scores compared without float noise, ties broken by the term.

Scores computed by numpy (``np.log``, sums, BLAS) may differ in their last bits
from one CPU to another (SIMD paths, FMA, OpenBLAS kernels), and numpy's
default sort is not stable (its AVX-512 sort orders equal keys differently
from its baseline one). :func:`sort_ranked` compares float columns rounded to
:data:`SIGNIFICANT_BITS` bits of mantissa (about 12 significant digits; the
rounding is exact arithmetic, the same on every CPU) and sorts with a stable
merge sort, so two scores that are equal up to that noise tie, and the next
key (the term) decides. The values in the table are not changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["SIGNIFICANT_BITS", "rounded_scores", "score_key", "sort_ranked"]

#: Bits of mantissa kept when scores are compared (2**-40 ≈ 1e-12 relative).
SIGNIFICANT_BITS = 40


def score_key(column: pd.Series) -> pd.Series:
    """A sort key: a float column rounded to :data:`SIGNIFICANT_BITS` bits of mantissa, any other column unchanged.

    ``frexp``, ``rint`` and ``ldexp`` are exact operations on IEEE doubles, so
    the key is the same on every CPU whatever SIMD path numpy takes.

    Args:
        column: One column of the table being sorted.

    Returns:
        pandas.Series: The key to sort on.
    """
    if column.dtype.kind != "f":
        return column
    return pd.Series(rounded_scores(column.to_numpy(dtype=float)), index=column.index, name=column.name)


def rounded_scores(values: np.ndarray) -> np.ndarray:
    """Float scores rounded to :data:`SIGNIFICANT_BITS` bits of mantissa, as :func:`score_key` compares them.

    Args:
        values: Float scores (not changed).

    Returns:
        numpy.ndarray: A rounded copy.
    """
    values = np.array(values, dtype=float, copy=True)
    finite = np.isfinite(values)
    mantissa, exponent = np.frexp(values[finite])
    values[finite] = np.ldexp(np.rint(np.ldexp(mantissa, SIGNIFICANT_BITS)), exponent - SIGNIFICANT_BITS)
    return values


def sort_ranked(
    frame: pd.DataFrame,
    by: Sequence[str],
    ascending: Sequence[bool],
    *,
    ignore_index: bool = True,
    na_position: str = "last",
) -> pd.DataFrame:
    """Sort a ranked table by its keys (scores through :func:`score_key`), stably.

    End ``by`` with the term (or another unique label) so that ties are broken
    by it whatever the input order.

    Args:
        frame: The table.
        by: Sort keys, most significant first.
        ascending: One flag per key.
        ignore_index: Renumber the rows 0..n-1.
        na_position: Where missing values go.

    Returns:
        pandas.DataFrame: The sorted table.
    """
    return frame.sort_values(
        list(by),
        ascending=list(ascending),
        kind="mergesort",
        key=score_key,
        ignore_index=ignore_index,
        na_position=na_position,
    )
