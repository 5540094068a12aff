"""Reinert classification: rainette's steps checked one by one, disjoint vocabularies recovered, determinism."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from scipy.stats import chi2_contingency

from analysis.textometry import ReinertError, reinert, text_segments
from analysis.textometry.reinert import _best_cut, _merge_segments, _select_terms, _switch

from .helpers import disjoint_corpus, toy_tokens


def _chi2(m: np.ndarray, in1: np.ndarray) -> float:
    table = np.vstack([m[in1].sum(axis=0), m[~in1].sum(axis=0)])
    table = table[:, table.sum(axis=0) > 0]
    return float(chi2_contingency(table, correction=False)[0])


@pytest.fixture(scope="module")
def corpus():
    return disjoint_corpus(3)


@pytest.fixture(scope="module")
def result(corpus):
    return reinert(corpus[0], k=3)


def test_segments_cut_after_punctuation_near_the_target_size():
    text = " ".join(f"mot{i}" + ("." if i % 9 == 8 else "") for i in range(200))
    segs = text_segments(toy_tokens({"d": text}), size=40)
    assert segs["words"].max() <= 56  # size + window (0.4 × size)
    assert segs["text"].iloc[:-1].str.endswith(".").all()  # every cut but the last after a full stop
    assert segs["words"].iloc[:-1].between(27, 45).all()
    assert segs["words"].sum() == 200


def test_segments_keep_raw_offsets_and_never_cross_documents_or_excluded_text():
    docs = {"a": "Un deux trois. Quatre cinq six.", "b": "Sept huit neuf."}
    tokens = toy_tokens(docs)
    tokens.loc[(tokens["doc_id"] == "a") & (tokens["norm"] == "quatre"), "counted"] = False
    segs = text_segments(tokens, size=2)
    for row in segs.itertuples():
        raw = docs[row.doc_id][row.start : row.end]
        assert raw.replace(" ", "") == row.text.replace(" ", "")
        assert "Quatre" not in raw
    # a: "Un deux trois." and "cinq six." (the excluded word splits them); a run of at most
    # size + window words (here 3) is not cut, as in rainette
    assert segs.groupby("doc_id").size().to_dict() == {"a": 2, "b": 1}


def test_best_cut_is_the_maximum_chi2_prefix():
    rng = np.random.default_rng(0)
    m = (rng.random((25, 12)) < 0.3).astype(np.int8)
    m[:, 0] = 1
    order = rng.permutation(25)
    cut, chi = _best_cut(sp.csr_matrix(m), order)
    brute = []
    for k in range(len(order) - 1):
        in1 = np.zeros(25, dtype=bool)
        in1[order[: k + 1]] = True
        brute.append(_chi2(m, in1))
    assert cut == int(np.argmax(brute))
    assert chi == pytest.approx(max(brute), rel=1e-9)


def test_reassignment_reaches_a_local_optimum():
    rng = np.random.default_rng(1)
    m = (rng.random((30, 15)) < 0.3).astype(np.int8)
    m[:, 0] = 1
    in1 = np.zeros(30, dtype=bool)
    in1[:15] = True
    start = _chi2(m, in1)
    final, chi, moves = _switch(sp.csr_matrix(m), in1.copy(), start, max_moves=100)
    assert chi == pytest.approx(_chi2(m, final), rel=1e-9)
    assert chi >= start and moves > 0
    for i in range(30):  # no single move raises the χ² any more
        other = final.copy()
        other[i] = ~other[i]
        if other.any() and (~other).any():
            assert _chi2(m, other) <= chi * (1 + 1e-9)


def test_term_selection_follows_rainette():
    m = np.array([[1, 1, 0, 1]] * 5 + [[0, 1, 1, 1]] * 5 + [[0, 0, 0, 1]] * 2)
    in1 = np.array([True] * 5 + [False] * 7)
    keep1, keep2 = _select_terms(sp.csr_matrix(m), in1, cc_test=0.3, tsj=3)
    # column 0 only in group 1 (strongly associated), column 2 only in group 2, 1 and 3 where frequent enough
    assert keep1.tolist() == [True, True, False, True]
    assert keep2.tolist() == [False, True, True, True]


def test_merge_segments_to_a_minimum_size():
    m = sp.csr_matrix(np.array([[1, 1, 0], [1, 0, 0], [0, 0, 1], [1, 1, 1], [1, 0, 0], [0, 1, 0]]))
    docs = np.array(["a", "a", "a", "b", "b", "b"], dtype=object)
    # a: 2, 1, 1 terms → {0, 1} reach 3, the last (1 term) joins them; b: 3 alone, then 1 + 1 (< 3) joins it
    assert _merge_segments(m, docs, 3).tolist() == [0, 0, 0, 3, 3, 3]
    assert _merge_segments(m, docs, 0).tolist() == list(range(6))


def test_recovers_disjoint_vocabularies(corpus, result):
    tokens, truth = corpus
    seg = result.segments
    crosstab = pd.crosstab(seg["class"], seg["doc_id"].map(truth))
    assert (crosstab > 0).sum(axis=1).tolist() == [1, 1, 1]  # each class holds one vocabulary only
    assert sorted(crosstab.idxmax(axis=1)) == [0, 1, 2]
    assert (seg["class"] > 0).all()
    # each class's most characteristic lemma comes from its vocabulary
    top = result.classes[result.classes["kind"] == "term"].groupby("class").head(1)
    for row in top.itertuples():
        vocabulary = crosstab.loc[row._1].idxmax()
        assert row.term.startswith(chr(97 + vocabulary))


def test_tables_and_tree(result):
    seg, classes, typ, tree = result.segments, result.classes, result.typical, result.tree
    assert list(seg.columns[:6]) == ["doc_id", "segment", "start", "end", "words", "class"]
    assert {"class", "size", "term", "chi2", "p", "frequency"} <= set(classes.columns)
    assert (classes["p"] <= 0.05).all()
    assert typ.groupby("class").size().tolist() == [10, 10, 10]
    joined = typ.merge(seg[["segment", "class"]], on="segment", suffixes=("", "_seg"))
    assert (joined["class"] == joined["class_seg"]).all()
    assert len(tree) == 2 and set(tree["left"]).union(tree["right"]) >= {1, 2, 3}
    assert tree["height"].max() == pytest.approx(tree["chi2"].sum(), rel=1e-6)


def test_deterministic_for_a_seed(corpus, result):
    again = reinert(corpus[0], k=3, seed=0)
    pd.testing.assert_frame_equal(again.segments, result.segments)
    pd.testing.assert_frame_equal(again.classes, result.classes)


def test_partition_profiles_and_double_classification(corpus):
    tokens, truth = corpus
    res = reinert(tokens, k=3, partition={d: f"v{v}" for d, v in truth.items()})
    parts = res.classes[res.classes["kind"] == "part"]
    assert len(parts[parts["chi2"] > 0]) == 3 and "part" in res.segments.columns
    dbl = reinert(tokens, k=3, double=(3, 6), min_members=5)
    seg = dbl.segments[dbl.segments["class"] > 0]
    assert (pd.crosstab(seg["class"], seg["doc_id"].map(truth)) > 0).sum(axis=1).tolist() == [1, 1, 1]
    assert dbl.tree.empty and "double classification" in dbl.segments.attrs["rule"]


def test_too_many_classes_is_a_clear_error(corpus):
    tokens, _ = corpus
    with pytest.raises(ReinertError, match=r"k=400 classes asked but the text makes only \d+ segments"):
        reinert(tokens, k=400)
    small = toy_tokens({"a": "chat chien oiseau. " * 40}, pos={"chat": "DET", "chien": "DET", "oiseau": "DET"})
    with pytest.raises(ReinertError, match="only 0 active lemmas"):
        reinert(small, k=2)
    with pytest.raises(ReinertError, match="at least 2"):
        reinert(tokens, k=1)
    with pytest.raises(ReinertError, match="no 'pos' column"):
        reinert(tokens.drop(columns="pos"), k=3)
    assert reinert(tokens.drop(columns="pos"), k=3, pos=None).segments["class"].nunique() == 3


def test_k_beyond_what_the_splits_allow(corpus):
    tokens, _ = corpus
    with pytest.raises(
        ReinertError,
        match=r"k=8 classes asked but the segments allow only 2: the largest class "
        r"has \d+ units, fewer than min_split_members=100; ask for k ≤ 2",
    ):
        reinert(tokens, k=8, min_split_members=100)
