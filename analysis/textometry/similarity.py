"""IRaMuTeQ's similarity analysis (*analyse de similitudes*): which lemmas go together in text segments.

The corpus is cut into the text segments of the Reinert classification
(:func:`~analysis.textometry.segments.text_segments`), each segment reduced to the
set of its active lemmas (:func:`~analysis.textometry.segments.segment_term_matrix`).
For the ``top`` most widespread lemmas, the weight of a pair is the number of
segments containing both (``index="cooccurrence"``, IRaMuTeQ's default) or their
Jaccard index (segments with both / segments with either). The graph of these
weights is reduced to a maximum spanning tree (the strongest links that connect
every lemma without a cycle, IRaMuTeQ's *arbre maximum*; a forest if some lemmas
never meet), and the tree is split into communities (Louvain, seeded).

With a ``partition`` and a ``part``, only the segments of that part are read
(IRaMuTeQ's analysis of a sub-corpus).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ._common import TextometryError
from .partitions import Partition, assign_parts
from .segments import ACTIVE_POS, segment_term_matrix, text_segments

__all__ = ["INDICES", "SimilarityResult", "similarity"]

#: The co-occurrence indices.
INDICES = ("cooccurrence", "jaccard")


@dataclass(frozen=True)
class SimilarityResult:
    """The tables of a similarity analysis.

    Attributes:
        nodes: ``term, frequency`` (segments containing it), ``community`` (1 = the largest).
        edges: The maximum spanning tree: ``source, target, weight, cooccurrence``, strongest first.
        pairs: Every pair of the ``top`` lemmas that share a segment: ``source, target, weight, cooccurrence``.
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    pairs: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The tables keyed by name.

        Returns:
            dict[str, pandas.DataFrame]: ``nodes``, ``edges``, ``pairs``.
        """
        return {"nodes": self.nodes, "edges": self.edges, "pairs": self.pairs}

    def graph(self) -> nx.Graph:
        """The tree as a networkx graph (node attributes ``frequency``, ``community``; edge ``weight``).

        Returns:
            networkx.Graph: The maximum spanning tree.
        """
        g = nx.Graph()
        for row in self.nodes.itertuples(index=False):
            g.add_node(row.term, frequency=int(row.frequency), community=int(row.community))
        for row in self.edges.itertuples(index=False):
            g.add_edge(row.source, row.target, weight=float(row.weight))
        return g


def similarity(
    tokens: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    partition: str | Mapping[str, Any] | pd.Series | Partition | None = None,
    part: str | None = None,
    by: str = "lemma",
    top: int = 60,
    index: str = "cooccurrence",
    size: int = 40,
    window: int | None = None,
    pos: Sequence[str] | None = ACTIVE_POS,
    stopwords: bool = False,
    min_freq: int = 3,
    seed: int = 0,
    uncounted: bool = False,
    missing: str = "part",
) -> SimilarityResult:
    """Co-occurrence of lemmas within text segments, its maximum spanning tree and communities.

    Args:
        tokens: A tokens table with ``lemma`` and ``pos``.
        documents: The documents' metadata (for a partition by metadata).
        partition: With ``part``, read only the segments of that part.
        part: The part to read.
        by: The term unit.
        top: How many lemmas (the most widespread in segments).
        index: ``"cooccurrence"`` or ``"jaccard"``.
        size: Segment length in words.
        window: How far past ``size`` a segment may go.
        pos: Active parts of speech.
        stopwords: Keep stopwords.
        min_freq: Lemmas in at least this many segments.
        seed: Seed of the community detection.
        uncounted: Read duplicate and boilerplate segments too.
        missing: Documents without a value for the partition field.

    Returns:
        SimilarityResult: nodes (with communities), tree edges, all pairs.

    Raises:
        TextometryError: Unknown index, a part without a partition (or unknown), fewer than two lemmas.
    """
    if index not in INDICES:
        raise TextometryError(f"index must be one of {', '.join(INDICES)}, not {index!r}")
    segs = text_segments(tokens, size=size, window=window, uncounted=uncounted)
    m, terms = segment_term_matrix(tokens, segs, by=by, pos=pos, stopwords=stopwords, min_freq=1, uncounted=uncounted)
    scope = "the whole corpus"
    if part is not None:
        if partition is None:
            raise TextometryError("part= needs a partition=")
        parted = assign_parts(tokens, documents, partition=partition, missing=missing, uncounted=uncounted)
        if str(part) not in parted.attrs["parts"]:
            raise TextometryError(
                f"part {part!r} is not a part of partition {parted.attrs['partition']!r} "
                f"(parts: {', '.join(parted.attrs['parts'][:5])}…)"
            )
        inside = parted["part"].to_numpy(dtype=object)[segs["first"].to_numpy()] == str(part)
        m = m[inside]
        scope = f"part {part!r} of {parted.attrs['partition']}"
    df = np.asarray(m.sum(axis=0)).ravel()
    order = np.lexsort((terms, -df))
    order = order[df[order] >= min_freq][:top]
    if len(order) < 2:
        raise TextometryError(f"similarity needs at least two lemmas in ≥ {min_freq} segments, found {len(order)}")
    sub = m[:, order].astype(np.int64).tocsc()
    labels = terms[order]
    freq = df[order]
    co = (sub.T @ sub).toarray()
    iu, ju = np.triu_indices(len(order), k=1)
    cooc = co[iu, ju]
    keep = cooc > 0
    iu, ju, cooc = iu[keep], ju[keep], cooc[keep]
    weight = cooc.astype(np.float64) if index == "cooccurrence" else np.round(cooc / (freq[iu] + freq[ju] - cooc), 10)
    pairs = pd.DataFrame({"source": labels[iu], "target": labels[ju], "weight": weight, "cooccurrence": cooc})
    pairs = pairs.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="mergesort", ignore_index=True
    )
    g = nx.Graph()
    g.add_nodes_from(labels)
    for row in pairs.itertuples(index=False):
        g.add_edge(row.source, row.target, weight=float(row.weight), cooccurrence=int(row.cooccurrence))
    tree = nx.maximum_spanning_tree(g, weight="weight", algorithm="kruskal")
    edges = pd.DataFrame(
        [
            (a, b, d["weight"], d["cooccurrence"]) if a < b else (b, a, d["weight"], d["cooccurrence"])
            for a, b, d in tree.edges(data=True)
        ],
        columns=["source", "target", "weight", "cooccurrence"],
    )
    edges = edges.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="mergesort", ignore_index=True
    )
    communities = (
        nx.community.louvain_communities(tree, weight="weight", seed=seed)
        if tree.number_of_edges()
        else [{x} for x in labels]
    )
    rank = {x: i for i, x in enumerate(labels)}
    communities = sorted(communities, key=lambda c: (-len(c), min(rank[x] for x in c)))
    community = {x: i + 1 for i, c in enumerate(communities) for x in c}
    nodes = pd.DataFrame(
        {"term": labels, "frequency": freq.astype(np.int64), "community": [community[x] for x in labels]}
    )
    rule = (
        f"similarity analysis of {scope}: {int(m.shape[0])} segments ({segs.attrs['rule']}); the {len(labels)} "
        f"most widespread active {by}s ({', '.join(pos) if pos else 'every part of speech'}, in ≥ {min_freq} "
        f"segments); weight = {index}; maximum spanning tree (Kruskal); Louvain communities (seed {seed})"
    )
    for frame in (nodes, edges, pairs):
        frame.attrs["rule"] = rule
    return SimilarityResult(nodes=nodes, edges=edges, pairs=pairs)
