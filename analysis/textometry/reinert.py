"""Reinert's descending hierarchical classification (Alceste, IRaMuTeQ's CHD), after the R package rainette.

The algorithm follows Julien Barnier's rainette (https://github.com/juba/rainette, files
``R/split_segments.R``, ``R/rainette.R``, ``R/utils.R`` (``merge_segments``), ``src/eigen.cpp``
(``eigen_split_tab``, ``eigen_switch_docs``) and ``R/rainette2.R``; its vignette "Algorithms
description"), itself a rewrite of IRaMuTeQ's ``CHD.R``/``chdtxt.R``, and Reinert's papers
(*Cahiers de l'analyse des données* 8(2), 1983; *Bulletin de méthodologie sociologique* 26, 1990):

1. **Text segments** (:func:`text_segments`): each run of counted text of a document is cut into
   segments of about ``size`` words (40, IRaMuTeQ's default): from the current position, the cut
   goes after the word of the next ``size + window`` words (``window`` = 0.4 × ``size``) that
   maximises ``weight / (|rank − size| + 1)``, where a word's weight is that of the punctuation
   after it (``. ? ! …`` 6, ``:`` 5, ``;`` 4, ``,`` 1, none 0.01; a sentence or block end 6).
   A run of at most ``size`` words is one segment. Segments never cross documents or text left
   out of counts, so ``start``/``end`` always delimit a stretch of raw text.
2. **Segment × lemma presence table** of the *active* lemmas: nouns, verbs, adjectives and adverbs
   (``pos``), stopwords out, in at least ``min_freq`` segments. With ``min_segment_size`` > 0,
   consecutive segments of a document are merged until they hold that many distinct active lemmas
   (rainette's ``merge_segments``; IRaMuTeQ's "rst" units).
3. **Successive bipartitions** of the largest class (``min_split_members`` at least): the rows are
   ordered by their coordinate on the first axis of a correspondence analysis of the class's table;
   the cut along that order maximising the χ² of the two groups' column sums is kept; then rows are
   moved one at a time to the other group while that raises the χ² (the reassignment step); then,
   for each new class, the lemmas with fewer than ``tsj`` occurrences in it are dropped, and a lemma
   whose contingency coefficient between the two groups exceeds ``cc_test`` is kept only in the group
   that over-uses it.
4. **Double classification** (``double=(s1, s2)``, rainette2): two classifications with
   ``min_segment_size`` s1 and s2; each class of one (at every level) is crossed with each class of the
   other; crossings with more than ``min_members`` segments and an association χ² above ``min_chi2``
   are kept (all of them with ``full=True``, else only mutually best-associated pairs); the partition
   into ``k`` disjoint crossed classes with the largest sum of χ² (``criterion="chi2"``) or the most
   segments (``criterion="n"``) is the result. Segments in no crossed class stay unclassified.

One departure from rainette, a correction: during the reassignment step rainette picks the row to
move as ``indices[which.max(chisq_values)]`` although ``chisq_values`` follows the current
``c(group1, group2)`` order, which no longer matches ``indices`` after the first move; here the row
moved is the one whose move gives the best χ², and the χ² is recomputed after each move.

Segments without any active lemma (and rows emptied by the lemma selection of step 3) cannot be
classified: they get class 0 (*non classé*), counted in ``attrs``, as IRaMuTeQ reports its share of
classified segments.

Class profiles: for each class and each active lemma (and each part of the partition, if given), the
2 × 2 table of classified segments (in the class or not × containing it or not) gives a χ² (with
Yates's correction, as R's ``chisq.test`` which rainette and IRaMuTeQ call), signed negative when the
lemma is under-used, and its p-value. The typical segments of a class are those with the largest sum
of the positive χ² of the class's lemmas they contain.

Steps 1 and 2 (:func:`text_segments`, :func:`segment_term_matrix`) live in
:mod:`analysis.textometry.segments` and are re-exported here.

Determinism: the only iterative step is the first CA axis of a large table (ARPACK), started from a
vector drawn from ``seed``; small tables use an exact dense SVD. Axis signs are fixed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.linalg import LinearOperator, svds
from scipy.stats import chi2 as chi2_dist

from .partitions import Partition, assign_parts
from .segments import (  # noqa: F401 - re-exported: analysis.textometry.reinert keeps every name
    ACTIVE_POS,
    PUNCT_WEIGHTS,
    ReinertError,
    segment_term_matrix,
    text_segments,
)

__all__ = [
    "ACTIVE_POS",
    "PUNCT_WEIGHTS",
    "ReinertError",
    "ReinertResult",
    "reinert",
    "segment_term_matrix",
    "text_segments",
]

_DENSE_CELLS = 250_000


@dataclass(frozen=True)
class ReinertResult:
    """The tables of a Reinert classification.

    Attributes:
        segments: ``doc_id, segment, start, end, words, class`` (0 = not classified), ``part`` with a
            partition, ``text`` (rebuilt from the tokens; slice the raw text with start/end for the exact one).
        classes: The class profiles: ``class, size, share, kind`` (``term`` or ``part``), ``term, chi2, p,
            frequency`` (segments of the class containing it), ``total`` (classified segments containing it),
            ``percent`` (frequency / total).
        typical: ``class, rank, doc_id, segment, start, end, score, text``.
        tree: The dendrogram: one row per split, ``node, parent, left, right, chi2, height, size`` (node ids:
            leaves are classes 1…k, splits k+1…; empty for a double classification).
    """

    segments: pd.DataFrame
    classes: pd.DataFrame
    typical: pd.DataFrame
    tree: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The tables keyed by name.

        Returns:
            dict[str, pandas.DataFrame]: ``segments``, ``classes``, ``typical``, ``tree``.
        """
        return {"segments": self.segments, "classes": self.classes, "typical": self.typical, "tree": self.tree}


# --------------------------------------------------------------------------
# 1-2. Text segments and the segment × lemma table: analysis.textometry.segments; merged units here
# --------------------------------------------------------------------------


def _merge_segments(m: sp.csr_matrix, docs: np.ndarray, min_size: int) -> np.ndarray:
    """rainette's ``merge_segments``: the unit of each segment (consecutive ones merged to ``min_size`` terms)."""
    n = m.shape[0]
    uc = np.arange(n)
    if min_size <= 1 or n == 0:
        return uc
    sizes = np.asarray(m.sum(axis=1)).ravel()
    if (sizes >= min_size).all():
        return uc
    index = 0
    while index < n:
        current = sizes[index]
        grouping = index
        while current < min_size:
            if grouping + 1 < n and docs[grouping] == docs[grouping + 1]:
                grouping += 1
                current += sizes[grouping]
                uc[grouping] = index
            else:
                same = np.flatnonzero((docs == docs[grouping]) & (uc < uc[grouping]))
                if len(same):
                    uc[uc == uc[grouping]] = uc[same].max()
                break
        index = grouping + 1
    return uc


# --------------------------------------------------------------------------
# 3. Bipartitions
# --------------------------------------------------------------------------


def _first_axis(m: sp.csr_matrix, rng: np.random.Generator) -> np.ndarray:
    """Row coordinates on the first CA axis of a non-negative table (sign fixed)."""
    total = float(m.sum())
    r = np.asarray(m.sum(axis=1)).ravel() / total
    c = np.asarray(m.sum(axis=0)).ravel() / total
    if m.shape[0] * m.shape[1] <= _DENSE_CELLS:
        P = m.toarray() / total
        E = np.outer(r, c)
        u, _, _ = np.linalg.svd((P - E) / np.sqrt(E), full_matrices=False)
        vec = u[:, 0]
    else:
        P = m.astype(np.float64) / total
        PT = P.T.tocsr()
        sr, sc = np.sqrt(r), np.sqrt(c)

        def matvec(x):
            x = np.ravel(x) / sc
            return (P @ x - r * float((c * x).sum())) / sr  # no BLAS call: its threads only add overhead here

        def rmatvec(y):
            y = np.ravel(y) / sr
            return (PT @ y - c * float((r * y).sum())) / sc

        op = LinearOperator(m.shape, matvec=matvec, rmatvec=rmatvec, dtype=np.float64)
        v0 = rng.standard_normal(min(m.shape))
        u, _, _ = svds(op, k=1, v0=v0, solver="arpack", maxiter=10_000)
        vec = u[:, 0]
    vec = vec * (1.0 if vec[np.argmax(np.abs(vec))] >= 0 else -1.0)
    return vec / np.sqrt(r)


def _chi2_from_s(s1: np.ndarray, n1: np.ndarray, total: float) -> np.ndarray:
    """χ² of the 2 × p table of group sums from S1 = Σ_j T1j² / c_j and n1 = Σ_j T1j."""
    n2 = total - n1
    with np.errstate(divide="ignore", invalid="ignore"):
        out = total * (s1 / n1 + (total - 2 * n1 + s1) / n2 - 1)
    return np.where((n1 > 0) & (n2 > 0), out, np.nan)


def _best_cut(m: sp.csr_matrix, order: np.ndarray) -> tuple[int, float]:
    """rainette's ``eigen_split_tab``: the prefix of ``order`` whose split maximises the χ²."""
    colsum = np.asarray(m.sum(axis=0)).ravel().astype(np.float64)
    total = colsum.sum()
    mo = m[order].tocoo()
    srt = np.lexsort((mo.row, mo.col))
    rows, cols, vals = mo.row[srt], mo.col[srt], mo.data[srt].astype(np.float64)
    cum = np.cumsum(vals)
    col_start = np.r_[0, np.flatnonzero(np.diff(cols)) + 1]
    base = np.repeat(cum[col_start] - vals[col_start], np.diff(np.r_[col_start, len(cols)]))
    before = cum - vals - base  # the column's sum over earlier rows of the order
    delta = np.bincount(rows, weights=(2 * before * vals + vals**2) / colsum[cols], minlength=len(order))
    s1 = np.cumsum(delta)
    n1 = np.cumsum(np.asarray(m[order].sum(axis=1)).ravel().astype(np.float64))
    chi = _chi2_from_s(s1, n1, total)
    chi[-1] = np.nan
    best = int(np.nanargmax(chi))
    return best, float(chi[best])


def _switch(m: sp.csr_matrix, in1: np.ndarray, chisq: float, max_moves: int) -> tuple[np.ndarray, float, int]:
    """The reassignment step: move the row whose move raises the χ² most, while one does."""
    colsum = np.asarray(m.sum(axis=0)).ravel().astype(np.float64)
    total = colsum.sum()
    inv_c = 1.0 / colsum
    m = m.astype(np.float64)
    sq = m.multiply(m).tocsr() @ inv_c
    rowsum = np.asarray(m.sum(axis=1)).ravel()
    t1 = np.asarray(m[in1].sum(axis=0)).ravel()
    s1 = float((t1**2 * inv_c).sum())
    n1 = float(t1.sum())
    moves = 0
    while moves < max_moves:
        cross = m @ (2 * t1 * inv_c)
        sign = np.where(in1, -1.0, 1.0)
        s_new = s1 + sign * cross + sq
        n_new = n1 + sign * rowsum
        chi = _chi2_from_s(s_new, n_new, total)
        if not np.isfinite(chi).any():
            break
        best = int(np.nanargmax(chi))
        if not chi[best] > chisq * (1 + 1e-12):
            break
        row = np.asarray(m[best].todense()).ravel()
        t1 = t1 + sign[best] * row
        in1[best] = ~in1[best]
        s1 = float((t1**2 * inv_c).sum())
        n1 = float(t1.sum())
        chisq = float(_chi2_from_s(np.array([s1]), np.array([n1]), total)[0])
        moves += 1
    return in1, chisq, moves


def _select_terms(m: sp.csr_matrix, in1: np.ndarray, cc_test: float, tsj: int) -> tuple[np.ndarray, np.ndarray]:
    """rainette's ``select_features``: the columns kept for each of the two new classes."""
    tab1 = np.asarray(m[in1].sum(axis=0)).ravel().astype(np.float64)
    tab2 = np.asarray(m[~in1].sum(axis=0)).ravel().astype(np.float64)
    prop = (tab1 + tab2) / (tab1 + tab2).sum()
    e1, e2 = prop * tab1.sum(), prop * tab2.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        feat = np.nan_to_num((tab1 - e1) ** 2 / e1) + np.nan_to_num((tab2 - e2) ** 2 / e2)
        cc = np.sqrt(feat / (feat + tab1 + tab2))
    low = cc <= cc_test
    keep1 = (low & (tab1 >= tsj)) | (~low & (tab1 > e1) & (tab1 >= tsj))
    keep2 = (low & (tab2 >= tsj)) | (~low & (tab2 > e2) & (tab2 >= tsj))
    return keep1, keep2


def _classify(
    m: sp.csr_matrix, *, k: int, min_split_members: int, cc_test: float, tsj: int, rng: np.random.Generator
) -> tuple[list[np.ndarray], list[dict], str, list, list]:
    """rainette's ``rainette()``: the units of each final class (left to right), the splits, why it stopped
    early (or ""), the final leaves and the groups after each split."""
    groups = [np.arange(m.shape[0])]
    columns = [np.arange(m.shape[1])]
    leaves: list[Any] = [0]  # node id of each current group
    splits: list[dict] = []
    history = [list(groups)]
    stop = ""
    for _ in range(k - 1):
        big = int(np.argmax([len(g) for g in groups]))
        if len(groups[big]) < min_split_members:
            stop = f"the largest class has {len(groups[big])} units, fewer than min_split_members={min_split_members}"
            break
        tab = m[groups[big]][:, columns[big]]
        rows_ok = np.asarray(tab.sum(axis=1)).ravel() > 0
        cols_ok = np.asarray(tab.sum(axis=0)).ravel() > 0
        tab = tab[rows_ok][:, cols_ok].tocsr()
        if tab.shape[0] < 3 or tab.shape[1] < 3:
            stop = f"the largest class's table is too small to split ({tab.shape[0]} × {tab.shape[1]})"
            break
        members = groups[big][rows_ok]
        cols = columns[big][cols_ok]
        order = np.argsort(_first_axis(tab, rng), kind="stable")
        cut, chisq = _best_cut(tab, order)
        in1 = np.zeros(tab.shape[0], dtype=bool)
        in1[order[: cut + 1]] = True
        in1, chisq, moves = _switch(tab, in1, chisq, max_moves=tab.shape[0])
        keep1, keep2 = _select_terms(tab, in1, cc_test, tsj)
        node = {
            "node": len(splits),
            "chi2": chisq,
            "size": int(len(members)),
            "moves": moves,
            "parent_leaf": leaves[big],
        }
        splits.append(node)
        groups[big : big + 1] = [members[in1], members[~in1]]
        columns[big : big + 1] = [cols[keep1], cols[keep2]]
        left, right = ("L", len(splits) - 1), ("R", len(splits) - 1)
        leaves[big : big + 1] = [left, right]
        history.append(list(groups))
    return groups, splits, stop, leaves, history


def _tree(splits: list[dict], leaves: list, k: int) -> pd.DataFrame:
    """The dendrogram: split nodes numbered k+1…, classes 1…k (left to right), rainette's heights."""
    if not splits:
        return pd.DataFrame(columns=["node", "parent", "left", "right", "chi2", "height", "size"])
    class_of = {leaf: i + 1 for i, leaf in enumerate(leaves)}
    node_id = {i: k + 1 + i for i in range(len(splits))}

    def ident(ref):
        if ref in class_of:
            return class_of[ref]
        side, i = ref
        return node_id[i]

    children: dict[int, list] = {i: [("L", i), ("R", i)] for i in range(len(splits))}
    # a child that was split later is that split's node
    split_of_leaf = {s["parent_leaf"]: i for i, s in enumerate(splits) if i > 0}
    heights = np.cumsum(np.array([s["chi2"] for s in splits])[::-1])[::-1]
    rows = []
    parent: dict[int, int] = {}
    for i, s in enumerate(splits):
        kids = []
        for ref in children[i]:
            kids.append(node_id[split_of_leaf[ref]] if ref in split_of_leaf else ident(ref))
        for kid in kids:
            parent[kid] = node_id[i]
        rows.append(
            {
                "node": node_id[i],
                "left": kids[0],
                "right": kids[1],
                "chi2": s["chi2"],
                "height": heights[i],
                "size": s["size"],
            }
        )
    out = pd.DataFrame(rows)
    out.insert(1, "parent", [parent.get(n, 0) for n in out["node"]])
    out["chi2"] = out["chi2"].round(6)
    out["height"] = out["height"].round(6)
    return out


# --------------------------------------------------------------------------
# 4. Double classification (rainette2)
# --------------------------------------------------------------------------


def _yates_chi2(n_both: np.ndarray, n1: np.ndarray, n2: np.ndarray, n: int) -> np.ndarray:
    """Signed χ² with Yates's correction of the 2 × 2 tables (R's ``chisq.test`` default)."""
    a = n_both.astype(np.float64)
    b, c = n1 - a, n2 - a
    d = n - n1 - n2 + a
    r1, r2, c1, c2 = a + b, c + d, a + c, b + d
    with np.errstate(divide="ignore", invalid="ignore"):
        num = n * np.maximum(np.abs(a * d - b * c) - n / 2, 0) ** 2
        chi = num / (r1 * r2 * c1 * c2)
    chi = np.nan_to_num(chi, nan=0.0, posinf=0.0)
    expected = r1 * c1 / n
    return np.where(a < expected, -chi, chi)


def _level_groups(history: list[list[np.ndarray]], uc: np.ndarray, n_seg: int) -> list[np.ndarray]:
    """Group of each segment at each level with 2, 3, … classes (−1: unclassified)."""
    out = []
    for groups in history[1:]:
        g = np.full(n_seg, -1, dtype=np.int64)
        unit_group = np.full(uc.max() + 1 if len(uc) else 0, -1, dtype=np.int64)
        for i, members in enumerate(groups):
            unit_group[members] = i
        g[:] = unit_group[uc]
        out.append(g)
    return out


def _double(
    levels1: list[np.ndarray],
    levels2: list[np.ndarray],
    *,
    k: int,
    min_members: int,
    min_chi2: float,
    full: bool,
    criterion: str,
    max_partitions: int = 200_000,
) -> tuple[np.ndarray, dict]:
    """rainette2: the best partition of the segments into k crossed classes (class 0: none)."""
    n = len(levels1[0]) if levels1 else 0
    nodes1 = [(lv, g) for lv, arr in enumerate(levels1) for g in range(arr.max() + 1)]
    nodes2 = [(lv, g) for lv, arr in enumerate(levels2) for g in range(arr.max() + 1)]
    cand, seen = [], set()
    for l1, g1 in nodes1:
        m1 = levels1[l1] == g1
        for l2, g2 in nodes2:
            m2 = levels2[l2] == g2
            both = m1 & m2
            nb = int(both.sum())
            chi = float(_yates_chi2(np.array([nb]), np.array([m1.sum()]), np.array([m2.sum()]), n)[0])
            if nb > min_members and chi > min_chi2:
                key = np.flatnonzero(both).tobytes()
                if key not in seen:
                    seen.add(key)
                    cand.append({"g1": (l1, g1), "g2": (l2, g2), "n": nb, "chi2": chi, "members": both})
    if not full and cand:
        best1: dict = {}
        best2: dict = {}
        for c in cand:
            if c["chi2"] > best1.get(c["g1"], (-1, None))[0]:
                best1[c["g1"]] = (c["chi2"], id(c))
            if c["chi2"] > best2.get(c["g2"], (-1, None))[0]:
                best2[c["g2"]] = (c["chi2"], id(c))
        cand = [c for c in cand if best1[c["g1"]][1] == id(c) and best2[c["g2"]][1] == id(c)]
    if len(cand) < 2:
        raise ReinertError(
            f"double classification: only {len(cand)} crossed class(es) with more than "
            f"min_members={min_members} segments and χ² > {min_chi2}; lower min_members"
        )
    bits = [int.from_bytes(np.packbits(c["members"], bitorder="little").tobytes(), "little") for c in cand]
    chis = np.array([c["chi2"] for c in cand])
    sizes = np.array([c["n"] for c in cand])
    compatible = [[j for j in range(len(cand)) if j > i and not (bits[i] & bits[j])] for i in range(len(cand))]
    level: list[tuple[int, ...]] = [(i,) for i in range(len(cand))]
    capped = False
    for size in range(2, k + 1):
        nxt = []
        for part in level:
            union = 0
            for i in part:
                union |= bits[i]
            for j in compatible[part[-1]]:
                if not (bits[j] & union):
                    nxt.append(part + (j,))
                    if len(nxt) > max_partitions:
                        capped = True
                        break
            if capped:
                break
        if not nxt:
            raise ReinertError(
                f"double classification: the two classifications into k={k} classes share at most "
                f"{size - 1} disjoint crossed classes of more than min_members={min_members} "
                f"segments, not {k}; lower min_members, or try another k (each classification then "
                "changes too)"
            )
        level = nxt
        if capped and size < k:
            raise ReinertError(
                f"double classification: more than {max_partitions} candidate partitions at k={size}; "
                "use full=False or raise min_members"
            )
    score = (
        np.array([chis[list(p)].sum() for p in level])
        if criterion == "chi2"
        else np.array([sizes[list(p)].sum() for p in level])
    )
    other = (
        np.array([sizes[list(p)].sum() for p in level])
        if criterion == "chi2"
        else np.array([chis[list(p)].sum() for p in level])
    )
    best = max(range(len(level)), key=lambda i: (score[i], other[i], -i))
    chosen = level[best]
    out = np.zeros(n, dtype=np.int64)
    for cls, i in enumerate(chosen, start=1):
        out[cand[i]["members"]] = cls
    info = {
        "crossed_classes": len(cand),
        "partitions_at_k": len(level),
        "capped": capped,
        "chi2_sum": float(chis[list(chosen)].sum()),
        "n": int(sizes[list(chosen)].sum()),
    }
    return out, info


# --------------------------------------------------------------------------
# Profiles and the whole analysis
# --------------------------------------------------------------------------


def _profiles(
    classes: np.ndarray, m: sp.csr_matrix, terms: np.ndarray, k: int, max_p: float, parts: np.ndarray | None
) -> pd.DataFrame:
    """χ² of each term (and part) with each class, on the classified segments."""
    ok = classes > 0
    n = int(ok.sum())
    mc = m[ok].astype(np.int64)
    cls = classes[ok]
    ind = sp.csr_matrix((np.ones(n, dtype=np.int64), (cls - 1, np.arange(n))), shape=(k, n))
    blocks = [("term", terms, np.asarray((ind @ mc).todense()), np.asarray(mc.sum(axis=0)).ravel())]
    if parts is not None:
        codes, labels = pd.factorize(parts[ok])
        pm = sp.csr_matrix((np.ones(n, dtype=np.int64), (np.arange(n), codes)), shape=(n, len(labels)))
        blocks.append(
            (
                "part",
                np.asarray(labels, dtype=object).astype(str),
                np.asarray((ind @ pm).todense()),
                np.asarray(pm.sum(axis=0)).ravel(),
            )
        )
    size = np.bincount(cls, minlength=k + 1)[1:]
    frames = []
    for kind, labels, freq, total in blocks:
        for c in range(k):
            chi = _yates_chi2(freq[c], np.full(len(labels), size[c]), total, n)
            p = chi2_dist.sf(np.abs(chi), 1)
            frames.append(
                pd.DataFrame(
                    {
                        "class": c + 1,
                        "size": int(size[c]),
                        "kind": kind,
                        "term": labels,
                        "chi2": np.round(chi, 4),
                        "p": p,
                        "frequency": freq[c].astype(np.int64),
                        "total": total.astype(np.int64),
                    }
                )
            )
    out = pd.concat(frames, ignore_index=True)
    out = out[(out["p"] <= max_p) & (out["frequency"] + out["total"] > 0)]
    out.insert(2, "share", np.round(out["size"] / max(n, 1) * 100, 4))
    out["percent"] = np.round(out["frequency"] / out["total"].where(out["total"] > 0, 1) * 100, 4)
    out = out.sort_values(
        ["class", "kind", "chi2", "term"], ascending=[True, False, False, True], kind="mergesort", ignore_index=True
    )
    return out


def _typical(
    segs: pd.DataFrame,
    classes: np.ndarray,
    m: sp.csr_matrix,
    terms: np.ndarray,
    profile: pd.DataFrame,
    k: int,
    top: int,
) -> pd.DataFrame:
    rows = []
    index = {t: i for i, t in enumerate(terms)}
    for c in range(1, k + 1):
        pos = profile[(profile["class"] == c) & (profile["kind"] == "term") & (profile["chi2"] > 0)]
        w = np.zeros(len(terms))
        w[[index[t] for t in pos["term"]]] = pos["chi2"].to_numpy()
        members = np.flatnonzero(classes == c)
        if not len(members):
            continue
        score = m[members] @ w
        best = members[np.lexsort((members, -score))][:top]
        for rank, s in enumerate(best, start=1):
            row = segs.iloc[s]
            rows.append(
                {
                    "class": c,
                    "rank": rank,
                    "doc_id": row["doc_id"],
                    "segment": int(row["segment"]),
                    "start": int(row["start"]),
                    "end": int(row["end"]),
                    "score": round(float(score[members == s][0]), 4),
                    "text": row["text"],
                }
            )
    return pd.DataFrame(rows, columns=["class", "rank", "doc_id", "segment", "start", "end", "score", "text"])


def reinert(
    tokens: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    k: int = 10,
    partition: str | Mapping[str, Any] | pd.Series | Partition | None = None,
    by: str = "lemma",
    size: int = 40,
    window: int | None = None,
    pos: Sequence[str] | None = ACTIVE_POS,
    stopwords: bool = False,
    min_freq: int = 3,
    min_segment_size: int = 0,
    double: tuple[int, int] | None = None,
    min_split_members: int = 5,
    cc_test: float = 0.3,
    tsj: int = 3,
    min_members: int = 10,
    min_chi2: float = 3.84,
    full: bool = True,
    criterion: str = "chi2",
    max_p: float = 0.05,
    typical: int = 10,
    seed: int = 0,
    uncounted: bool = False,
    missing: str = "part",
) -> ReinertResult:
    """Reinert's descending hierarchical classification of the corpus's text segments.

    Args:
        tokens: A tokens table with ``lemma`` and ``pos`` (``analysis.analyse``), in reading order.
        documents: The documents' metadata (for partitions by metadata).
        k: Number of classes.
        partition: Add each segment's part, and the parts' χ² with each class to the profiles
            (IRaMuTeQ's starred variables); see :func:`~analysis.textometry.partitions.parse_partition`.
        by: The term unit (``lemma``).
        size: Segment length in words (IRaMuTeQ: 40).
        window: How far past ``size`` a cut may go (0.4 × ``size``).
        pos: Active parts of speech.
        stopwords: Keep stopwords as active lemmas.
        min_freq: Active lemmas are in at least this many segments.
        min_segment_size: Merge consecutive segments of a document to this many distinct active lemmas.
        double: ``(s1, s2)``: double classification with these two ``min_segment_size`` (rainette2).
        min_split_members: Do not split a class with fewer units.
        cc_test: Contingency coefficient above which a lemma stays only in the class that over-uses it.
        tsj: Minimum frequency of a lemma in a class to stay in its table.
        min_members: Double classification: crossed classes need more segments than this.
        min_chi2: Double classification: crossed classes need an association χ² above this.
        full: Double classification: keep every crossed class (False: mutually best pairs only).
        criterion: Double classification: best partition by sum of χ² (``"chi2"``) or size (``"n"``).
        max_p: Profiles keep terms with a p-value at most this.
        typical: Typical segments per class.
        seed: Seed of the iterative CA of large tables.
        uncounted: Read duplicate and boilerplate segments too.
        missing: Documents without a value for the partition field.

    Returns:
        ReinertResult: segments, class profiles, typical segments, dendrogram.

    Raises:
        ReinertError: ``k`` below 2 or larger than the segments allow, no active lemma, a double
            classification without k disjoint crossed classes.
        PartitionError: See ``assign_parts``.
    """
    if k < 2:
        raise ReinertError(f"k must be at least 2 classes, not {k}")
    if criterion not in ("chi2", "n"):
        raise ReinertError(f"criterion must be 'chi2' or 'n', not {criterion!r}")
    rng = np.random.default_rng(seed)
    segs = text_segments(tokens, size=size, window=window, uncounted=uncounted)
    if len(segs) < k:
        raise ReinertError(f"k={k} classes asked but the text makes only {len(segs)} segments of about {size} words")
    m, terms = segment_term_matrix(
        tokens, segs, by=by, pos=pos, stopwords=stopwords, min_freq=min_freq, uncounted=uncounted
    )
    if m.shape[1] < 3:
        raise ReinertError(
            f"only {m.shape[1]} active lemmas in at least {min_freq} segments: too few to classify "
            "(lower min_freq, or check that the tokens have lemma and pos)"
        )
    docs = segs["doc_id"].to_numpy(dtype=object)

    def simple(min_size: int):
        uc = _merge_segments(m, docs, min_size)
        units, unit_of = np.unique(uc, return_inverse=True)
        grouping = sp.csr_matrix(
            (np.ones(len(unit_of)), (unit_of, np.arange(len(unit_of)))), shape=(len(units), len(unit_of))
        )
        um = (grouping @ m.astype(np.float64)).tocsr()
        um.data[:] = 1.0
        groups, splits, stop, leaves, history = _classify(
            um, k=k, min_split_members=min_split_members, cc_test=cc_test, tsj=tsj, rng=rng
        )
        return unit_of, groups, splits, stop, leaves, history

    info: dict[str, Any] = {}
    if double is None:
        unit_of, groups, splits, stop, leaves, history = simple(min_segment_size)
        if len(groups) < k:
            raise ReinertError(
                f"k={k} classes asked but the segments allow only {len(groups)}: {stop}; ask for k ≤ {len(groups)}"
            )
        unit_class = np.zeros(unit_of.max() + 1, dtype=np.int64)
        for c, members in enumerate(groups, start=1):
            unit_class[members] = c
        classes = unit_class[unit_of]
        tree = _tree(splits, leaves, k)
        how = (
            f"simple classification, min_segment_size {min_segment_size}; splits of the largest class "
            f"(min_split_members {min_split_members}), cc_test {cc_test}, tsj {tsj}"
        )
    else:
        s1, s2 = double
        runs = []
        for min_size in (s1, s2):
            unit_of, groups, splits, stop, leaves, history = simple(min_size)
            runs.append(_level_groups(history, unit_of, len(segs)))
        if not runs[0] or not runs[1]:
            raise ReinertError("double classification: one of the two classifications made no split")
        classes, info = _double(
            runs[0], runs[1], k=k, min_members=min_members, min_chi2=min_chi2, full=full, criterion=criterion
        )
        tree = _tree([], [], k)
        how = (
            f"double classification (rainette2), min_segment_size {s1} and {s2}, crossed classes with "
            f"> {min_members} segments and χ² > {min_chi2} ({'full' if full else 'classical'}), best partition "
            f"by {criterion}"
        )
    parts = None
    out_segs = segs.drop(columns=["first", "last"]).copy()
    if partition is not None:
        parted = assign_parts(tokens, documents, partition=partition, missing=missing, uncounted=uncounted)
        parts = parted["part"].to_numpy(dtype=object)[segs["first"].to_numpy()].astype(str)
        out_segs.insert(5, "part", parts)
    out_segs.insert(5, "class", classes)
    profile = _profiles(classes, m, terms, k, max_p, parts)
    typ = _typical(segs, classes, m, terms, profile, k, typical)
    classified = int((classes > 0).sum())
    rule = (
        f"Reinert classification into {k} classes after rainette: {segs.attrs['rule']}; active: "
        f"{by}s of {', '.join(pos) if pos else 'every part of speech'}, stopwords "
        f"{'kept' if stopwords else 'left out'}, in ≥ {min_freq} segments ({len(terms)} lemmas); {how}; "
        f"{classified} of {len(segs)} segments classified ({classified / max(len(segs), 1):.1%}); profiles: "
        f"Yates χ² on classified segments, p ≤ {max_p}"
    )
    for frame in (out_segs, profile, typ, tree):
        frame.attrs["rule"] = rule
        frame.attrs["classified"] = classified
        frame.attrs["segments"] = int(len(segs))
        frame.attrs["lemmas"] = int(len(terms))
        frame.attrs.update({f"double_{key}": value for key, value in info.items()})
    return ReinertResult(segments=out_segs, classes=profile, typical=typ, tree=tree)
