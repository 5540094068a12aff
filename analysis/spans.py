"""Span utilities shared by every layer: which row of a span table holds an offset."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["locate"]


def locate(table: pd.DataFrame, offsets: Iterable[int] | np.ndarray, *, id_col: str) -> np.ndarray:
    """Map character offsets to the row of a span table that holds them.

    Args:
        table: One document's table with ``start``/``end`` (sorted by
            ``start``, spans not overlapping) and an id column.
        offsets: Character offsets into the same raw text.
        id_col: The column naming a row (``seg``, ``sent``, …).

    Returns:
        numpy.ndarray: int64, one per offset: the ``id_col`` of the row whose
        ``[start, end)`` holds the offset, or -1 where no row does.

    Raises:
        ValueError: The table holds more than one ``doc_id``.
    """
    if "doc_id" in table.columns and table["doc_id"].nunique() > 1:
        raise ValueError("locate works on one document; filter by doc_id first")
    off = np.asarray(list(offsets) if not isinstance(offsets, np.ndarray) else offsets, dtype=np.int64).ravel()
    if table.empty:
        return np.full(off.shape, -1, dtype=np.int64)
    starts = table["start"].to_numpy(dtype=np.int64)
    ends = table["end"].to_numpy(dtype=np.int64)
    ids = table[id_col].to_numpy(dtype=np.int64)
    idx = np.searchsorted(starts, off, side="right") - 1
    safe = np.clip(idx, 0, None)
    inside = (idx >= 0) & (off < ends[safe])
    return np.where(inside, ids[safe], -1).astype(np.int64)
