"""Correspondence analysis (AFC, *analyse factorielle des correspondances*) of a contingency table,
and a Ward clustering of its factor coordinates.

The CA is Benzécri's, as TXM (through FactoMineR) and ``prince`` compute it:
with ``P = N/n``, masses ``r`` (rows) and ``c`` (columns), the standardised
residuals ``S = D_r^{-1/2} (P − r cᵀ) D_c^{-1/2}`` are decomposed by a singular
value decomposition ``S = U Σ Vᵀ``. Then

* eigenvalue (principal inertia) of axis k: ``λ_k = σ_k²``; share: ``λ_k / Σλ`` (the total inertia is χ²/n);
* row coordinates ``F = D_r^{-1/2} U Σ``, column coordinates ``G = D_c^{-1/2} V Σ`` (principal coordinates);
* contribution of row i to axis k: ``r_i F_ik² / λ_k`` (in %, summing to 100 over the active rows);
* quality (cos²) of row i on axis k: ``F_ik² / d_i²`` with ``d_i²`` its χ² distance to the centroid;
* supplementary rows and columns: projected by the transition formulas ``F_s = profile_s · G / σ``
  (they do not take part in the fit; no contribution, a cos²).

Signs: an axis is only defined up to its sign; we fix it so that the column of largest
absolute coordinate on it is positive (ties: the first), so that the same table always gives the
same picture. Coordinates are rounded (``digits``, 10 by default) so that no last-bit noise of
the linear algebra library reaches a file.

Ward clustering (TXM's CAH, FactoMineR's HCPC): the rows or columns, weighted by their masses,
are merged two by two so as to lose the least between-cluster inertia at each step
(Ward's criterion ``Δ(a, b) = w_a w_b / (w_a + w_b) · ‖g_a − g_b‖²`` on the first axes); the heights
are these inertia losses, which sum to the inertia of the axes used. It is computed exactly by the
nearest-neighbour-chain algorithm (Ward's criterion is reducible) and returned in
``scipy.cluster.hierarchy``'s linkage format for dendrograms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._common import TextometryError

__all__ = ["CAResult", "WardResult", "ca", "ward"]

#: The largest table (rows × columns) decomposed in one call.
MAX_CELLS = 25_000_000


@dataclass(frozen=True)
class CAResult:
    """The tables of a correspondence analysis.

    Attributes:
        contingency: The active table as tidy rows (``ROW, COLUMN, count``).
        eigenvalues: ``dim, eigenvalue, share`` (% of the total inertia), ``cumulative`` (%).
        rows: One row per row label: the label (column named after the input's row field), ``mass``,
            ``inertia`` (its share of the total, %), ``supplementary``, ``dim1…``, ``ctr1…`` (%),
            ``cos2_1…``.
        columns: The same for the columns.
        row_name: The row field (``term``).
        column_name: The column field (``part``).
    """

    contingency: pd.DataFrame
    eigenvalues: pd.DataFrame
    rows: pd.DataFrame
    columns: pd.DataFrame
    row_name: str = "term"
    column_name: str = "part"

    @property
    def dims(self) -> int:
        """How many axes were kept."""
        return len(self.eigenvalues)

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The tables keyed as the command line prints them.

        Returns:
            dict[str, pandas.DataFrame]: ``contingency``, ``eigenvalues``, then the rows and the columns
            under their field names plus ``s`` (``terms``, ``parts``).
        """
        return {
            "contingency": self.contingency,
            "eigenvalues": self.eigenvalues,
            f"{self.row_name}s": self.rows,
            f"{self.column_name}s": self.columns,
        }


def _wide(table: pd.DataFrame, row: str, column: str, value: str) -> pd.DataFrame:
    """A wide count table from tidy rows (or the table itself when already wide)."""
    if {row, column, value} <= set(table.columns):
        rows = list(dict.fromkeys(table[row].astype(str)))
        cols = table.attrs.get("parts") or list(dict.fromkeys(table[column].astype(str)))
        wide = table.assign(**{row: table[row].astype(str), column: table[column].astype(str)}).pivot_table(
            index=row, columns=column, values=value, aggfunc="sum", fill_value=0
        )
        return wide.reindex(index=rows, columns=[c for c in cols if c in wide.columns], fill_value=0)
    wide = table.copy()
    wide.index = wide.index.astype(str)
    wide.columns = wide.columns.astype(str)
    return wide


def _check_labels(labels: Sequence[str], known: pd.Index, what: str) -> list[str]:
    labels = [str(x) for x in labels]
    unknown = [x for x in labels if x not in known]
    if unknown:
        raise TextometryError(f"supplementary {what} {unknown[0]!r} is not in the table")
    return labels


def _axis_signs(v: np.ndarray) -> np.ndarray:
    """+1 or −1 per axis: the largest-magnitude column coordinate made positive."""
    idx = np.argmax(np.abs(np.round(v, 12)), axis=0)
    return np.where(v[idx, np.arange(v.shape[1])] < 0, -1.0, 1.0)


def _dims_frame(
    labels: list[str],
    name: str,
    coords: np.ndarray,
    ctr: np.ndarray,
    cos2: np.ndarray,
    mass: np.ndarray,
    inertia: np.ndarray,
    supplementary: np.ndarray,
    digits: int,
) -> pd.DataFrame:
    dims = range(coords.shape[1])
    coords, ctr, cos2 = (np.round(x, digits) for x in (coords, ctr, cos2))
    cols = {
        name: labels,
        "mass": np.round(mass, digits),
        "inertia": np.round(inertia, digits),
        "supplementary": supplementary,
    }
    cols.update({f"dim{k + 1}": coords[:, k] for k in dims})
    cols.update({f"ctr{k + 1}": ctr[:, k] for k in dims})
    cols.update({f"cos2_{k + 1}": cos2[:, k] for k in dims})
    return pd.DataFrame(cols)


def ca(
    table: pd.DataFrame,
    *,
    row: str = "term",
    column: str = "part",
    value: str = "count",
    n_components: int | None = None,
    supplementary_rows: Sequence[str] = (),
    supplementary_columns: Sequence[str] = (),
    digits: int = 10,
) -> CAResult:
    """Correspondence analysis of a contingency table.

    Args:
        table: Tidy rows (``term, part, count``, e.g. :func:`~analysis.textometry.lexical.contingency`) or a
            wide table (index = rows, columns = columns) of non-negative counts.
        row: The row field of a tidy table.
        column: The column field of a tidy table.
        value: The count field of a tidy table.
        n_components: Axes to keep (all non-trivial ones by default: at most min(rows, columns) − 1).
        supplementary_rows: Row labels of the table to project without fitting.
        supplementary_columns: Column labels of the table to project without fitting.
        digits: Decimals kept in every float of the result.

    Returns:
        CAResult: Eigenvalues, rows and columns (coordinates, contributions, cos²), the active table.

    Raises:
        TextometryError: Negative counts, an empty active row or column, a table too small (fewer than
            two active rows or columns) or too large, an unknown supplementary label.
    """
    wide = _wide(table, row, column, value)
    sup_r = _check_labels(supplementary_rows, wide.index, "row")
    sup_c = _check_labels(supplementary_columns, wide.columns, "column")
    act_r = [x for x in wide.index if x not in set(sup_r)]
    act_c = [x for x in wide.columns if x not in set(sup_c)]
    values = wide.to_numpy(dtype=np.float64)
    if (values < 0).any() or not np.isfinite(values).all():
        raise TextometryError("a contingency table holds non-negative counts only")
    if len(act_r) < 2 or len(act_c) < 2:
        raise TextometryError(
            f"correspondence analysis needs at least 2 active rows and 2 active columns, "
            f"not {len(act_r)} × {len(act_c)}"
        )
    if len(act_r) * len(act_c) > MAX_CELLS:
        raise TextometryError(
            f"table too large for a correspondence analysis: {len(act_r)} × {len(act_c)}; keep fewer terms (top=)"
        )
    N = wide.loc[act_r, act_c].to_numpy(dtype=np.float64)
    empty_r = [x for x, s in zip(act_r, N.sum(axis=1), strict=True) if s == 0]
    empty_c = [x for x, s in zip(act_c, N.sum(axis=0), strict=True) if s == 0]
    if empty_r or empty_c:
        which = f"row {empty_r[0]!r}" if empty_r else f"column {empty_c[0]!r}"
        raise TextometryError(f"active {which} has no count: leave it out or make it supplementary")
    n = N.sum()
    P = N / n
    r, c = P.sum(axis=1), P.sum(axis=0)
    expected = np.outer(r, c)
    S = (P - expected) / np.sqrt(expected)
    U, s, Vt = np.linalg.svd(S, full_matrices=False)
    total = float((S**2).sum())
    rank = int((s > s[0] * 1e-9).sum()) if s[0] > 0 else 0
    rank = min(rank, len(act_r) - 1, len(act_c) - 1)
    if rank == 0:
        raise TextometryError("the table has no inertia: every row has the same profile")
    keep = rank if n_components is None else max(1, min(n_components, rank))
    U, s, V = U[:, :keep], s[:keep], Vt[:keep].T
    signs = _axis_signs(V / np.sqrt(c)[:, None])
    U, V = U * signs, V * signs
    eig = s**2
    F = U * s / np.sqrt(r)[:, None]
    G = V * s / np.sqrt(c)[:, None]
    d2_r = (((P / r[:, None]) - c) ** 2 / c).sum(axis=1)
    d2_c = (((P / c[None, :]).T - r) ** 2 / r).sum(axis=1)
    rows_coords, cols_coords = [F], [G]
    rows_d2, cols_d2 = [d2_r], [d2_c]
    rows_ctr, cols_ctr = [U**2 * 100], [V**2 * 100]
    rows_mass, cols_mass = [r], [c]
    rows_inertia, cols_inertia = [r * d2_r / total * 100], [c * d2_c / total * 100]
    if sup_r:
        X = wide.loc[sup_r, act_c].to_numpy(dtype=np.float64)
        prof = X / np.where(X.sum(axis=1, keepdims=True) > 0, X.sum(axis=1, keepdims=True), 1)
        rows_coords.append(prof @ G / s)
        rows_d2.append(((prof - c) ** 2 / c).sum(axis=1))
        rows_ctr.append(np.full((len(sup_r), keep), np.nan))
        rows_mass.append(np.full(len(sup_r), np.nan))
        rows_inertia.append(np.full(len(sup_r), np.nan))
    if sup_c:
        Y = wide.loc[act_r, sup_c].to_numpy(dtype=np.float64)
        prof = (Y / np.where(Y.sum(axis=0, keepdims=True) > 0, Y.sum(axis=0, keepdims=True), 1)).T
        cols_coords.append(prof @ F / s)
        cols_d2.append(((prof - r) ** 2 / r).sum(axis=1))
        cols_ctr.append(np.full((len(sup_c), keep), np.nan))
        cols_mass.append(np.full(len(sup_c), np.nan))
        cols_inertia.append(np.full(len(sup_c), np.nan))

    def frame(labels, name, coords, d2, ctr, mass, inertia, n_sup):
        coords = np.vstack(coords)
        d2 = np.concatenate(d2)
        cos2 = coords**2 / np.where(d2 > 0, d2, np.inf)[:, None]
        sup = np.r_[np.zeros(len(labels) - n_sup, dtype=bool), np.ones(n_sup, dtype=bool)]
        return _dims_frame(
            labels, name, coords, np.vstack(ctr), cos2, np.concatenate(mass), np.concatenate(inertia), sup, digits
        )

    rows = frame(act_r + sup_r, row, rows_coords, rows_d2, rows_ctr, rows_mass, rows_inertia, len(sup_r))
    cols = frame(act_c + sup_c, column, cols_coords, cols_d2, cols_ctr, cols_mass, cols_inertia, len(sup_c))
    eigen = pd.DataFrame({"dim": np.arange(1, keep + 1), "eigenvalue": eig, "share": eig / total * 100})
    eigen["cumulative"] = eigen["share"].cumsum()
    eigen[["eigenvalue", "share", "cumulative"]] = eigen[["eigenvalue", "share", "cumulative"]].round(digits)
    eigen.attrs["total_inertia"] = round(total, digits)
    eigen.attrs["chi2"] = round(total * n, max(digits - 6, 4))
    tidy = pd.DataFrame(
        {
            row: np.repeat(np.asarray(act_r, dtype=object), len(act_c)),
            column: np.tile(np.asarray(act_c, dtype=object), len(act_r)),
            "count": N.ravel().astype(np.int64) if np.all(N == np.round(N)) else N.ravel(),
        }
    )
    tidy = tidy[tidy["count"] != 0].reset_index(drop=True)
    rule = (
        f"correspondence analysis of {len(act_r)} × {len(act_c)} active {row}s × {column}s "
        f"({len(sup_r)} supplementary {row}s, {len(sup_c)} supplementary {column}s); total inertia "
        f"{total:.6g} = χ²/n; {keep} axes; signs: the {column} of largest |coordinate| positive; "
        f"rounded to {digits} decimals"
    )
    if hasattr(table, "attrs") and table.attrs.get("rule"):
        rule += "; table: " + table.attrs["rule"]
    for frame_ in (tidy, eigen, rows, cols):
        frame_.attrs["rule"] = rule
    return CAResult(contingency=tidy, eigenvalues=eigen, rows=rows, columns=cols, row_name=row, column_name=column)


# --------------------------------------------------------------------------
# Ward clustering of the factor coordinates
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class WardResult:
    """A Ward hierarchy of rows or columns of a CA.

    Attributes:
        clusters: The label (named as in the CA) and its ``cluster`` (1…k, numbered in label order) when
            ``k`` was given, else only the labels in dendrogram order (``order``).
        tree: One row per merge, in increasing height: ``node`` (n + step, as in scipy), ``left``, ``right``
            (node ids; leaves are 0…n−1 in label order), ``height`` (inertia lost), ``size``.
        labels: The leaves' labels, leaf i being ``labels[i]``.
    """

    clusters: pd.DataFrame
    tree: pd.DataFrame
    labels: list[str]

    def linkage(self) -> np.ndarray:
        """The tree as a ``scipy.cluster.hierarchy`` linkage matrix (for ``dendrogram``).

        Returns:
            numpy.ndarray: ``(n − 1) × 4``: left, right, height, size.
        """
        return self.tree[["left", "right", "height", "size"]].to_numpy(dtype=np.float64)


def _nn_chain_ward(points: np.ndarray, weights: np.ndarray) -> list[tuple[int, int, float, float]]:
    """Weighted Ward merges by the nearest-neighbour chain: ``(a, b, Δ, size)`` in merge order."""
    n, d = points.shape
    cent = np.zeros((2 * n - 1, d))
    cent[:n] = points
    w = np.zeros(2 * n - 1)
    w[:n] = weights
    size = np.zeros(2 * n - 1)
    size[:n] = 1
    alive = np.zeros(2 * n - 1, dtype=bool)
    alive[:n] = True
    merges: list[tuple[int, int, float, float]] = []
    chain: list[int] = []
    nxt = n
    while len(merges) < n - 1:
        if not chain:
            chain.append(int(np.flatnonzero(alive)[0]))
        a = chain[-1]
        ids = np.flatnonzero(alive)
        ids = ids[ids != a]
        delta = w[a] * w[ids] / (w[a] + w[ids]) * ((cent[ids] - cent[a]) ** 2).sum(axis=1)
        best = float(delta.min())
        if len(chain) > 1 and np.isclose(delta[ids == chain[-2]][0], best, rtol=1e-12, atol=0):
            b = chain[-2]
            best = float(delta[ids == b][0])
            chain.pop()
            chain.pop()
            new = nxt
            nxt += 1
            cent[new] = (w[a] * cent[a] + w[b] * cent[b]) / (w[a] + w[b])
            w[new] = w[a] + w[b]
            size[new] = size[a] + size[b]
            alive[[a, b]] = False
            alive[new] = True
            merges.append((min(a, b), max(a, b), best, float(size[new])))
        else:
            chain.append(int(ids[int(np.argmin(delta))]))
    return merges


def ward(
    result: CAResult,
    *,
    on: str = "columns",
    dims: int | None = None,
    k: int | None = None,
    weighted: bool = True,
    supplementary: bool = False,
) -> WardResult:
    """Ward's hierarchical clustering of the CA coordinates of the rows or the columns.

    Args:
        result: A :func:`ca` result.
        on: ``"columns"`` (parts, TXM's default) or ``"rows"`` (terms).
        dims: Axes used (all the CA kept by default).
        k: Cut the tree into ``k`` clusters.
        weighted: Weight each point by its CA mass (FactoMineR's HCPC); ``False`` weighs them equally
            (then the tree is scipy's ``linkage(method="ward")``, heights ``h`` with ``h²/2`` our inertia).
        supplementary: Cluster the supplementary points too (with the mean active mass when weighted).

    Returns:
        WardResult: The clusters (when ``k``), the tree in increasing height, the leaves' labels.

    Raises:
        TextometryError: ``on`` unknown, fewer than two points, ``k`` out of 1…n.
    """
    if on not in ("columns", "rows"):
        raise TextometryError(f"on must be 'columns' or 'rows', not {on!r}")
    frame = result.columns if on == "columns" else result.rows
    name = result.column_name if on == "columns" else result.row_name
    if not supplementary:
        frame = frame[~frame["supplementary"]]
    n = len(frame)
    if n < 2:
        raise TextometryError(f"Ward clustering needs at least two {name}s, not {n}")
    dims = result.dims if dims is None else max(1, min(dims, result.dims))
    points = frame[[f"dim{i + 1}" for i in range(dims)]].to_numpy(dtype=np.float64)
    if weighted:
        mass = frame["mass"].to_numpy(dtype=np.float64)
        weights = np.where(np.isnan(mass), np.nanmean(mass), mass)
    else:
        weights = np.ones(n)
    merges = _nn_chain_ward(points, weights)
    order = sorted(range(len(merges)), key=lambda i: (merges[i][2], i))
    relabel = {n + i: n + rank for rank, i in enumerate(order)}
    rows = []
    for rank, i in enumerate(order):
        a, b, h, sz = merges[i]
        a, b = relabel.get(a, a), relabel.get(b, b)
        rows.append((n + rank, min(a, b), max(a, b), h, sz))
    tree = pd.DataFrame(rows, columns=["node", "left", "right", "height", "size"])
    tree[["node", "left", "right"]] = tree[["node", "left", "right"]].astype(np.int64)
    tree["height"] = tree["height"].round(12)
    weighing = "weighted by mass" if weighted else "equal weights"
    tree.attrs["rule"] = (
        f"Ward on {dims} CA axes of the {name}s, {weighing}; height = between-cluster inertia lost by the merge"
    )
    labels = frame[name].astype(str).tolist()
    clusters = pd.DataFrame({name: labels})
    if k is not None:
        if not 1 <= k <= n:
            raise TextometryError(f"k must be between 1 and {n}, not {k}")
        from scipy.cluster.hierarchy import fcluster

        raw = (
            fcluster(
                np.c_[tree[["left", "right", "height"]].to_numpy(float), tree["size"].to_numpy(float)],
                k,
                criterion="maxclust",
            )
            if n > 1
            else np.ones(1, dtype=int)
        )
        first = {c: i + 1 for i, c in enumerate(dict.fromkeys(raw))}
        clusters["cluster"] = np.array([first[c] for c in raw], dtype=np.int64)
    clusters.attrs["rule"] = tree.attrs["rule"] + (f"; cut into {k} clusters" if k is not None else "")
    return WardResult(clusters=clusters, tree=tree, labels=labels)
