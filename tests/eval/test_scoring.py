"""The evaluations' shared scoring: P/R/F1 by keyword, the fixed split by document id, atomic TSV."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis.eval import keyterms, scoring


def test_prf_counts_by_keyword():
    p, r, f = scoring.prf(correct=3, gold=6, predicted=4)
    assert (p, r) == (75.0, 50.0)
    assert f == pytest.approx(60.0)
    assert scoring.prf(correct=0, gold=0, predicted=0) == (0.0, 0.0, 0.0)
    with pytest.raises(TypeError):
        scoring.prf(3, 6, 4)  # type: ignore[misc]


def test_split_half_is_a_hash_of_the_id_only():
    ids = [f"doc{i}" for i in range(200)]
    halves = {d: scoring.split_half(d) for d in ids}
    assert set(halves.values()) == {"tune", "check"}
    for d, h in halves.items():
        assert (h == "tune") == (hashlib.sha256(d.encode()).digest()[0] % 2 == 0)
    assert 60 < sum(h == "tune" for h in halves.values()) < 140
    assert keyterms.split_half is scoring.split_half  # one split for every eval command
    got = scoring.halves_of(ids)
    assert sorted(got["tune"] + got["check"]) == got["all"] == list(range(200))


def test_write_tsv_is_atomic_and_complete(tmp_path):
    out = scoring.write_tsv(pd.DataFrame({"doc": ["a", "b"], "half": ["tune", "check"]}), tmp_path / "x" / "e.tsv")
    assert out.read_text(encoding="utf-8") == "doc\thalf\na\ttune\nb\tcheck\n"
    assert [p.name for p in out.parent.iterdir()] == ["e.tsv"]
