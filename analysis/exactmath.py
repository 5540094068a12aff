"""Logarithms over numpy arrays that give the same bits on every CPU.

numpy's ``np.log`` and ``np.log2`` dispatch at run time to a SIMD loop chosen for the CPU (an
AVX-512 one on a Xeon, an AVX2 one on an EPYC without AVX-512), and those loops differ from one
another, and from the C library, in the last bit of some results: on a million values in
[0.001, 100], about 200 of them. A term table written to a file or compared by digest must not
change with the machine it ran on, so its logarithms are taken here, by Python's ``math`` (the C
library's ``log``, the same code on every x86-64 and ARM machine we build for), once per distinct
value: a table of counts has few distinct ratios, so this costs little.

Edge cases follow numpy's: ``log(0)`` is ``-inf``, the log of a negative number or of ``nan`` is
``nan``, and no warning is raised (the callers mask those cells).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

__all__ = ["log", "log2"]


def _each_distinct(fn: Callable[[float], float], values: np.ndarray | float) -> np.ndarray:
    """``fn`` applied to every element of ``values``, computed once per distinct value.

    Args:
        fn: A one-argument function of ``math`` (defined for positive floats).
        values: An array (any shape) or a number.

    Returns:
        numpy.ndarray: The results, of ``values``' shape, as float64.
    """
    x = np.asarray(values, dtype=np.float64)
    flat = x.ravel()
    if not len(flat):
        return np.empty(x.shape, dtype=np.float64)
    distinct, inverse = np.unique(flat, return_inverse=True)
    out = np.empty(len(distinct), dtype=np.float64)
    positive = distinct > 0
    out[positive] = [fn(v) for v in distinct[positive].tolist()]
    out[distinct == 0] = -math.inf
    out[~positive & (distinct != 0)] = math.nan  # negative numbers and nan
    return out[inverse.reshape(-1)].reshape(x.shape)


def log(values: np.ndarray | float) -> np.ndarray:
    """The natural logarithm of each element, the same bits on every CPU.

    Args:
        values: An array or a number.

    Returns:
        numpy.ndarray: ``ln(values)``, of ``values``' shape (``-inf`` at 0, ``nan`` below).
    """
    return _each_distinct(math.log, values)


def log2(values: np.ndarray | float) -> np.ndarray:
    """The base-2 logarithm of each element, the same bits on every CPU.

    Args:
        values: An array or a number.

    Returns:
        numpy.ndarray: ``log2(values)``, of ``values``' shape (``-inf`` at 0, ``nan`` below).
    """
    return _each_distinct(math.log2, values)
