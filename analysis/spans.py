"""Span utilities shared by every layer: which span, or which row of a span table, holds an offset.

The one implementation of "locate the row holding an offset": :func:`containing` works on arrays of
starts and ends (sorted, not overlapping), :func:`locate` on a span table (segments, sentences...) and
returns the row's id. Both work a million offsets at a time, so that millions of tokens hold only a
few arrays of that size at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["CHUNK", "containing", "locate"]

#: Offsets located at a time (each step holds a few arrays as long as its offsets).
CHUNK = 1_000_000


def containing(
    starts: Iterable[int] | np.ndarray, ends: Iterable[int] | np.ndarray, offsets: Iterable[int] | np.ndarray
) -> np.ndarray:
    """The position of the span ``[start, end)`` holding each offset.

    Args:
        starts: Span starts, sorted, spans not overlapping.
        ends: Span ends, one per start.
        offsets: Character offsets.

    Returns:
        numpy.ndarray: int64, one per offset: the index of the span holding it, or -1 where none does
        (before the first span, in a gap, after the last).
    """
    s = np.asarray(starts if isinstance(starts, np.ndarray) else list(starts), dtype=np.int64).ravel()
    e = np.asarray(ends if isinstance(ends, np.ndarray) else list(ends), dtype=np.int64).ravel()
    off = np.asarray(offsets if isinstance(offsets, np.ndarray) else list(offsets), dtype=np.int64).ravel()
    if not len(s):
        return np.full(off.shape, -1, dtype=np.int64)
    out = np.empty(off.shape, dtype=np.int64)
    for lo in range(0, len(off), CHUNK):
        part = off[lo : lo + CHUNK]
        idx = np.searchsorted(s, part, side="right") - 1
        safe = np.clip(idx, 0, None)
        out[lo : lo + CHUNK] = np.where((idx >= 0) & (part < e[safe]), idx, -1)
    return out


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
    if table.empty:
        off = np.asarray(offsets if isinstance(offsets, np.ndarray) else list(offsets), dtype=np.int64).ravel()
        return np.full(off.shape, -1, dtype=np.int64)
    idx = containing(table["start"].to_numpy(dtype=np.int64), table["end"].to_numpy(dtype=np.int64), offsets)
    ids = table[id_col].to_numpy(dtype=np.int64)
    return np.where(idx >= 0, ids[np.clip(idx, 0, None)], -1).astype(np.int64)
