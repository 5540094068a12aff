"""Correspondence analysis: a textbook example, agreement with prince to 1e-6, supplementary points, Ward."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.cluster.hierarchy import linkage
from scipy.stats import chi2_contingency

from analysis.textometry import TextometryError, ca, contingency, ward

from .helpers import disjoint_corpus

#: Greenacre's smoking data (Theory and Applications of Correspondence Analysis, 1984, table 3.1):
#: staff groups × smoking categories.
SMOKE = pd.DataFrame(
    [[4, 2, 3, 2], [4, 3, 7, 4], [25, 10, 12, 4], [18, 24, 33, 13], [10, 6, 7, 2]],
    index=["SM", "JM", "SE", "JE", "SC"],
    columns=["none", "light", "medium", "heavy"],
)


def _coords(frame: pd.DataFrame, dims: int) -> np.ndarray:
    return frame[[f"dim{k + 1}" for k in range(dims)]].to_numpy(dtype=float)


def _same_up_to_sign(a: np.ndarray, b: np.ndarray, atol: float) -> None:
    signs = np.sign((a * b).sum(axis=0))
    np.testing.assert_allclose(a, b * signs, atol=atol)


def test_textbook_example():
    res = ca(SMOKE)
    # principal inertias 0.07476, 0.01002, 0.00041 (87.8 %, 11.8 %, 0.5 %), total 0.08519
    np.testing.assert_allclose(res.eigenvalues["eigenvalue"], [0.07476, 0.01002, 0.00041], atol=5e-6)
    np.testing.assert_allclose(res.eigenvalues["share"], [87.76, 11.76, 0.49], atol=0.01)
    assert res.eigenvalues.attrs["total_inertia"] == pytest.approx(0.08519, abs=5e-6)
    # row principal coordinates on the first two axes (Greenacre's table 3.6, up to the sign of each axis)
    book = np.array([[-0.066, 0.194], [0.259, 0.243], [-0.381, 0.011], [0.233, -0.058], [-0.201, -0.079]])
    _same_up_to_sign(_coords(res.rows, 2), book, atol=6e-4)


def test_total_inertia_is_chi2_over_n():
    rng = np.random.default_rng(4)
    table = pd.DataFrame(rng.integers(0, 40, (9, 5)))
    res = ca(table)
    chi2 = chi2_contingency(table.to_numpy(), correction=False)[0]
    assert res.eigenvalues["eigenvalue"].sum() == pytest.approx(chi2 / table.to_numpy().sum(), rel=1e-9)
    assert res.rows["ctr1"].sum() == pytest.approx(100)
    assert res.columns["inertia"].sum() == pytest.approx(100)
    np.testing.assert_allclose(res.rows[[f"cos2_{k + 1}" for k in range(res.dims)]].sum(axis=1), 1, atol=1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_agrees_with_prince_to_1e6(seed):
    prince = pytest.importorskip("prince")
    rng = np.random.default_rng(seed)
    table = pd.DataFrame(
        rng.integers(0, 30, (15, 6)), index=[f"t{i}" for i in range(15)], columns=[f"p{j}" for j in range(6)]
    )
    res = ca(table)
    dims = res.dims
    ref = prince.CA(n_components=dims, random_state=0, engine="scipy").fit(table)
    np.testing.assert_allclose(res.eigenvalues["eigenvalue"], ref.eigenvalues_, atol=1e-6)
    _same_up_to_sign(_coords(res.rows, dims), ref.row_coordinates(table).to_numpy(), atol=1e-6)
    _same_up_to_sign(_coords(res.columns, dims), ref.column_coordinates(table).to_numpy(), atol=1e-6)
    np.testing.assert_allclose(
        res.rows[[f"ctr{k + 1}" for k in range(dims)]].to_numpy() / 100, ref.row_contributions_.to_numpy(), atol=1e-6
    )
    np.testing.assert_allclose(
        res.columns[[f"ctr{k + 1}" for k in range(dims)]].to_numpy() / 100,
        ref.column_contributions_.to_numpy(),
        atol=1e-6,
    )
    np.testing.assert_allclose(
        res.rows[[f"cos2_{k + 1}" for k in range(dims)]].to_numpy(),
        ref.row_cosine_similarities(table).to_numpy(),
        atol=1e-6,
    )
    np.testing.assert_allclose(
        res.columns[[f"cos2_{k + 1}" for k in range(dims)]].to_numpy(),
        ref.column_cosine_similarities(table).to_numpy(),
        atol=1e-6,
    )


def test_supplementary_rows_and_columns_are_projected_not_fitted():
    table = SMOKE.copy()
    table.loc["copy_of_SE"] = table.loc["SE"] * 3  # same profile as SE
    table["total"] = table.sum(axis=1)  # the column of row totals projects on the centroid
    res = ca(table, supplementary_rows=["copy_of_SE"], supplementary_columns=["total"])
    plain = ca(SMOKE)
    np.testing.assert_allclose(res.eigenvalues["eigenvalue"], plain.eigenvalues["eigenvalue"])
    rows = res.rows.set_index("term")
    np.testing.assert_allclose(_coords(rows.loc[["copy_of_SE"]], 3), _coords(rows.loc[["SE"]], 3), atol=1e-9)
    assert rows.loc["copy_of_SE", "supplementary"] and np.isnan(rows.loc["copy_of_SE", "ctr1"])
    total = res.columns.set_index("part").loc[["total"]]
    np.testing.assert_allclose(_coords(total, 3), 0, atol=1e-9)


def test_deterministic_signs_and_labels():
    a = ca(SMOKE)
    b = ca(SMOKE.iloc[::-1])
    pd.testing.assert_frame_equal(a.rows.set_index("term").sort_index(), b.rows.set_index("term").sort_index())
    cols = a.columns
    for k in range(1, a.dims + 1):  # the column of largest |coordinate| is positive on every axis
        assert cols.loc[cols[f"dim{k}"].abs().idxmax(), f"dim{k}"] > 0


def test_tidy_contingency_from_tokens():
    tokens, truth = disjoint_corpus(3, docs_per_class=4)
    cont = contingency(tokens, partition={d: f"v{v}" for d, v in truth.items()}, top=20)
    assert list(cont.columns) == ["term", "part", "count"]
    res = ca(cont)
    assert set(res.columns["part"]) == {"v0", "v1", "v2"}
    assert res.dims == 2 and res.eigenvalues["share"].sum() == pytest.approx(100)
    assert set(res.as_dict()) == {"contingency", "eigenvalues", "terms", "parts"}


def test_bad_tables():
    with pytest.raises(TextometryError, match="non-negative"):
        ca(pd.DataFrame([[1, -1], [2, 3]]))
    with pytest.raises(TextometryError, match="has no count"):
        ca(pd.DataFrame([[1, 2], [0, 0], [3, 1]], index=["a", "b", "c"]))
    with pytest.raises(TextometryError, match="not in the table"):
        ca(SMOKE, supplementary_rows=["XX"])


def test_ward_equal_weights_is_scipy_s():
    rng = np.random.default_rng(7)
    res = ca(pd.DataFrame(rng.integers(1, 30, (14, 6)), index=[f"t{i}" for i in range(14)]))
    tree = ward(res, on="rows", weighted=False).tree
    Z = linkage(_coords(res.rows, res.dims), method="ward")
    np.testing.assert_allclose(np.sqrt(2 * tree["height"]), Z[:, 2], atol=1e-9)
    assert (tree[["left", "right"]].to_numpy() == np.sort(Z[:, :2].astype(int), axis=1)).all()


def test_ward_by_mass_splits_the_inertia():
    tokens, truth = disjoint_corpus(3, docs_per_class=5)
    res = ca(contingency(tokens, top=60))
    w = ward(res, on="columns", k=3)
    # the heights of a Ward tree on all axes sum to the total inertia
    assert w.tree["height"].sum() == pytest.approx(res.eigenvalues["eigenvalue"].sum(), rel=1e-9)
    found = w.clusters.assign(v=w.clusters["part"].map(truth)).groupby("cluster")["v"].nunique()
    assert (found == 1).all() and len(found) == 3  # each cluster holds one vocabulary's documents
    assert w.linkage().shape == (len(res.columns) - 1, 4)
