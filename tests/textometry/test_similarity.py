"""Similarity analysis: co-occurrence counts, maximum spanning tree, communities."""

from __future__ import annotations

import pytest

from analysis.textometry import TextometryError, similarity

from .helpers import disjoint_corpus, toy_tokens


def test_cooccurrence_counts_and_tree_by_hand():
    # four segments (one per document): chat chien loup | chat chien | chat loup | chien ours
    tokens = toy_tokens({"1": "chat chien loup.", "2": "chat chien.", "3": "chat loup.", "4": "chien ours."})
    sim = similarity(tokens, min_freq=1, top=10)
    pairs = {(r.source, r.target): r.cooccurrence for r in sim.pairs.itertuples()}
    assert pairs == {("chat", "chien"): 2, ("chat", "loup"): 2, ("chien", "loup"): 1, ("chien", "ours"): 1}
    edges = {(r.source, r.target) for r in sim.edges.itertuples()}
    assert edges == {("chat", "chien"), ("chat", "loup"), ("chien", "ours")}  # the tree drops chien–loup
    assert sim.nodes.set_index("term")["frequency"].to_dict() == {"chat": 3, "chien": 3, "loup": 2, "ours": 1}
    jac = similarity(tokens, min_freq=1, index="jaccard")
    assert jac.pairs.set_index(["source", "target"]).loc[("chat", "chien"), "weight"] == pytest.approx(2 / 4)


def test_communities_are_the_vocabularies():
    tokens, _ = disjoint_corpus(3, words=10, docs_per_class=10, shared=("commun",))
    sim = similarity(tokens, top=31)
    groups = sim.nodes[sim.nodes["term"] != "commun"].groupby("community")["term"].apply(lambda t: {x[0] for x in t})
    assert sorted(len(g) for g in groups) == [1, 1, 1]  # one vocabulary per community
    assert len(sim.edges) == len(sim.nodes) - 1  # "commun" joins them into one tree
    assert sim.graph().number_of_edges() == len(sim.edges)


def test_sub_corpus_and_errors():
    tokens, truth = disjoint_corpus(2, words=8, docs_per_class=6)
    part = {d: f"v{v}" for d, v in truth.items()}
    sim = similarity(tokens, partition=part, part="v0", top=20)
    assert {t[0] for t in sim.nodes["term"]} == {"a"}
    assert "part 'v0'" in sim.nodes.attrs["rule"]
    with pytest.raises(TextometryError, match="needs a partition"):
        similarity(tokens, part="v0")
    with pytest.raises(TextometryError, match="not a part"):
        similarity(tokens, partition=part, part="v9")
    with pytest.raises(TextometryError, match="index must be"):
        similarity(tokens, index="cosine")
