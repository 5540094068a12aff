"""Lafon's specificities: exact hypergeometric tails (checked against big integers), TXM's sign convention."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import hypergeom

from analysis.textometry import lafon_scores, specificities

from .helpers import toy_tokens


def exact_score(f: int, F: int, t: int, T: int) -> float:
    """The score from exact big-integer sums of C(F, k) C(T − F, t − k) / C(T, t)."""
    den = math.comb(T, t)
    if f * T >= t * F:
        num = sum(math.comb(F, k) * math.comb(T - F, t - k) for k in range(f, min(F, t) + 1))
        return -(math.log10(num) - math.log10(den))
    num = sum(math.comb(F, k) * math.comb(T - F, t - k) for k in range(max(0, t - (T - F)), f + 1))
    return math.log10(num) - math.log10(den)


def _random_cells(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        T = int(rng.integers(2, 3000))
        t = int(rng.integers(1, T))
        F = int(rng.integers(1, T))
        f = int(rng.integers(max(0, t - (T - F)), min(F, t) + 1))
        yield f, F, t, T


def test_scores_match_exact_big_integer_sums():
    cells = list(_random_cells(250))
    got = lafon_scores(*map(np.array, zip(*cells)), digits=None)
    want = np.array([exact_score(*c) for c in cells])
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize(
    "cell",
    [(300, 300, 5000, 100_000), (2000, 2000, 40_000, 100_000), (0, 2000, 40_000, 100_000), (0, 900, 60_000, 100_000)],
)
def test_no_underflow_in_the_far_tails(cell):
    """P < 1e-290: computed in log space (hypergeom.logsf / logcdf / logpmf), never ±inf."""
    want = exact_score(*cell)
    assert abs(want) > 290
    got = float(lafon_scores(*cell, digits=None))
    assert math.isfinite(got)
    assert got == pytest.approx(want, rel=1e-9)


def test_log_space_scipy_functions_agree_with_big_integers():
    f, F, t, T = 40, 120, 900, 5000
    assert -hypergeom.logsf(f - 1, T, F, t) / math.log(10) == pytest.approx(exact_score(f, F, t, T), rel=1e-10)
    f = 1
    assert hypergeom.logcdf(f, T, F, t) / math.log(10) == pytest.approx(exact_score(f, F, t, T), rel=1e-10)


def test_sign_convention_is_txm_s():
    # over-represented: positive; under-represented: negative; at the expectation: TXM's f >= t·F/T branch
    assert lafon_scores(8, 10, 20, 100) > 0
    assert lafon_scores(0, 10, 20, 100) < 0
    at_mean = float(lafon_scores(2, 10, 20, 100, digits=None))
    assert at_mean == pytest.approx(-math.log10(hypergeom.sf(1, 100, 10, 20)))


@pytest.fixture(scope="module")
def toy():
    return toy_tokens(
        {
            "a": "drone drone drone missile. Le chat dort.",
            "b": "chat chat chien. Le chien dort.",
            "c": "pluie pluie drone chat.",
        }
    )


def test_hand_checked_table(toy):
    spec = specificities(toy, min_f=1).set_index(["part", "term"])
    # t counts every word of the part, stopwords included ("Le"): a has 7, b 6, c 4; T = 17
    assert spec.loc[("a", "drone"), ["f", "F", "t", "T"]].tolist() == [3, 4, 7, 17]
    # pluie in c: P(X >= 2) = C(2,2) C(15,2) / C(17,4) = 105 / 2380
    assert spec.loc[("c", "pluie"), "score"] == pytest.approx(round(-math.log10(105 / 2380), 4))
    # chien absent from a: P(X = 0) = C(15,7) / C(17,7) = 6435 / 19448
    assert spec.loc[("a", "chien"), "score"] == pytest.approx(round(math.log10(6435 / 19448), 4))
    assert spec.loc[("a", "chien"), "expected"] == pytest.approx(7 * 2 / 17)
    assert "le" not in spec.index.get_level_values("term")  # stopwords are not scored…
    assert "stopwords included" in spec.attrs["rule"]  # …but counted in t and T


def test_rows_order_banality_and_top(toy):
    spec = specificities(toy, min_f=1, threshold=0.5)
    first = spec[spec["part"] == "c"].iloc[0]
    assert first["term"] == "pluie"
    assert spec["banal"].tolist() == (spec["score"].abs() < 0.5).tolist()
    assert spec.attrs["threshold"] == 0.5 and spec.attrs["parts"] == ["a", "b", "c"]
    top = specificities(toy, min_f=1, top=1)
    assert top.groupby("part").size().tolist() == [2, 2, 2]


def test_min_f_and_uncounted_segments(toy):
    assert set(specificities(toy, min_f=3)["term"]) == {"drone", "chat"}
    muted = toy.copy()
    muted.loc[(muted["doc_id"] == "a") & (muted["norm"] == "missile"), "counted"] = False
    spec = specificities(muted, min_f=1)
    assert "missile" not in set(spec["term"])
    assert spec.loc[spec["part"] == "a", "t"].iloc[0] == 6
