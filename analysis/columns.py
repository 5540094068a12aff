"""String columns for the library's tables: one dtype, built once, without pandas' inference.

Every table column of text (tokens' ``text``/``norm``/``stem``, timexes' ``value``...) is built here,
so that all tables share one string dtype: the one pandas infers for a list of ``str`` (pandas' ``str``
dtype, Arrow-backed, in pandas 3; object in pandas 2). Text Arrow cannot hold (lone surrogates, which a
document read with ``errors="surrogateescape"`` may carry) gets the same dtype with Python storage.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["str_column", "str_dtype"]


@functools.lru_cache(maxsize=1)
def str_dtype() -> Any:
    """The dtype pandas infers for a list of ``str`` and ``None``.

    Returns:
        The dtype (``StringDtype(na_value=nan)`` in pandas 3, ``object`` in pandas 2).
    """
    return pd.DataFrame({"a": ["a", None]})["a"].dtype


def str_column(values: Sequence[str | None] | np.ndarray) -> Any:
    """A column of ``str`` (and ``None``) with :func:`str_dtype`, without pandas' per-value checks.

    Args:
        values: The strings (``None`` where missing).

    Returns:
        A pandas ExtensionArray of :func:`str_dtype` (or an object ndarray when that dtype is
        object); ``take`` repeats it per row.
    """
    dtype = str_dtype()
    if dtype == object:  # noqa: E721 (a dtype compared with the object dtype, not a type check)
        column = np.empty(len(values), dtype=object)
        column[:] = list(values)
        return column
    try:
        if getattr(dtype, "storage", None) == "pyarrow":
            import pyarrow as pa

            try:  # straight from Arrow: a third of the time of pd.array's checks
                return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=dtype)
            except (TypeError, pa.ArrowInvalid):
                pass  # another pandas' constructor, or values that are not all str: the general way
        return pd.array(np.asarray(values, dtype=object), dtype=dtype)
    except UnicodeEncodeError:  # lone surrogates: the same dtype with Python storage
        return pd.array(np.asarray(values, dtype=object), dtype=pd.StringDtype("python", na_value=dtype.na_value))
