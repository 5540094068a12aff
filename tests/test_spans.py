"""analysis.spans (the one offset locator) and analysis.columns (the one string-column builder)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, strategies as st

from analysis import spans
from analysis.columns import str_column, str_dtype


def test_containing_gives_the_span_or_minus_one():
    starts, ends = [0, 10, 20], [5, 15, 30]
    got = spans.containing(starts, ends, [0, 4, 5, 9, 10, 14, 15, 20, 29, 30, 99, -1])
    assert got.tolist() == [0, 0, -1, -1, 1, 1, -1, 2, 2, -1, -1, -1]
    assert got.dtype == np.int64
    assert spans.containing([], [], [1, 2]).tolist() == [-1, -1]
    assert spans.containing(starts, ends, []).tolist() == []


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=20),
    st.lists(st.integers(-5, 600), max_size=50),
)
def test_containing_agrees_with_a_scan(pieces, offsets):
    starts, ends, pos = [], [], 0
    for gap, length in pieces:
        starts.append(pos + gap)
        ends.append(pos + gap + length)
        pos = ends[-1]
    expected = [next((k for k, (a, b) in enumerate(zip(starts, ends)) if a <= o < b), -1) for o in offsets]
    assert spans.containing(starts, ends, offsets).tolist() == expected


def test_containing_works_a_chunk_at_a_time(monkeypatch):
    monkeypatch.setattr(spans, "CHUNK", 3)
    offsets = np.arange(-2, 40)
    got = spans.containing([0, 10, 20], [5, 15, 30], offsets)
    monkeypatch.setattr(spans, "CHUNK", 1_000_000)
    assert got.tolist() == spans.containing([0, 10, 20], [5, 15, 30], offsets).tolist()


def test_locate_gives_the_row_id():
    table = pd.DataFrame({"doc_id": "d", "sent": [7, 8], "start": [0, 10], "end": [5, 15]})
    assert spans.locate(table, [1, 7, 12], id_col="sent").tolist() == [7, -1, 8]
    assert spans.locate(table.iloc[:0], [1], id_col="sent").tolist() == [-1]
    with pytest.raises(ValueError, match="one document"):
        spans.locate(pd.concat([table, table.assign(doc_id="e")]), [1], id_col="sent")


def test_str_column_has_the_inferred_dtype_and_keeps_none():
    column = str_column(["a", None, "é"])
    inferred = pd.Series(["a", None, "é"]).dtype
    assert column.dtype == str_dtype() == inferred
    assert pd.Series(column).tolist()[0] == "a" and pd.isna(pd.Series(column)[1])
    assert pd.Series(column.take(np.array([2, 0]))).tolist() == ["é", "a"]


def test_str_column_takes_lone_surrogates_with_python_storage():
    column = str_column(["ok", "bad\udcff"])
    assert pd.Series(column).tolist() == ["ok", "bad\udcff"]
    if getattr(str_dtype(), "storage", None) is not None:
        assert column.dtype.storage == "python" and column.dtype.na_value is str_dtype().na_value
