"""Co-occurrence of entities: pairs mentioned within a window of sentences, as a table or a graph."""

from __future__ import annotations

import itertools
from typing import Any

import pandas as pd

__all__ = ["cooccurrence_edges", "cooccurrence_graph"]


def cooccurrence_edges(mentions: pd.DataFrame, *, window: int = 1, counted_only: bool = True) -> pd.DataFrame:
    """Pairs of entities mentioned within ``window`` sentences of each other.

    Args:
        mentions (pandas.DataFrame): From :func:`entities`.
        window (int): 1 = same sentence; N = sentences ``s`` to ``s + N - 1``.
        counted_only (bool): Only counted mentions.

    Returns:
        pandas.DataFrame: ``source, target, weight`` (number of windows, i.e.
        starting sentences, where both appear), ``sents`` (those sentence ids);
        ``source < target``; sorted by weight (desc).
    """
    if window < 1:
        raise ValueError("window must be >= 1")
    m = mentions[mentions["counted"]] if counted_only else mentions
    m = m[m["sent"] >= 0]
    by_sent = m.groupby("sent")["canonical"].agg(lambda s: set(s)).to_dict()
    pairs: dict[tuple[str, str], list[int]] = {}
    sents = sorted(by_sent)
    for s in sents:
        names: set[str] = set()
        for k in range(s, s + window):
            names |= by_sent.get(k, set())
        for a, b in itertools.combinations(sorted(names), 2):
            pairs.setdefault((a, b), []).append(int(s))
    rows = [{"source": a, "target": b, "weight": len(v), "sents": v} for (a, b), v in pairs.items()]
    out = pd.DataFrame(rows, columns=["source", "target", "weight", "sents"])
    return out.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="stable").reset_index(
        drop=True
    )


def cooccurrence_graph(mentions: pd.DataFrame, *, window: int = 1, counted_only: bool = True) -> Any:
    """Weighted co-occurrence graph of entities.

    Args:
        mentions (pandas.DataFrame): From :func:`entities`.
        window (int): Sentences per window (1 = same sentence).
        counted_only (bool): Only counted mentions.

    Returns:
        networkx.Graph: Nodes are canonical names with ``label`` and
        ``mentions``; edges have ``weight``. Entities that co-occur with none
        are nodes too.
    """
    import networkx as nx

    g = nx.Graph()
    m = mentions[mentions["counted"]] if counted_only else mentions
    for name, grp in m.groupby("canonical", sort=True):
        g.add_node(name, label=str(grp["label"].iloc[0]), mentions=int(len(grp)))
    for r in cooccurrence_edges(mentions, window=window, counted_only=counted_only).itertuples(index=False):
        g.add_edge(r.source, r.target, weight=int(r.weight))
    return g
