"""Ranked tables break ties by the term, whatever the input order, and float noise never reorders them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.corpus import stats as cs
from analysis import terms
from analysis.reading.article import Article
from analysis.corpus import Corpus
from analysis.ranking import score_key, sort_ranked

# Two made-up words wordfreq does not list, used the same number of times: every score of theirs ties.
TWINS = ("zorglubine", "bramophone")
FIRST, SECOND = sorted(TWINS)


def _text(order: tuple[str, str]) -> str:
    a, b = order
    return (
        f"Le ministre a présenté la {a} devant la presse. La {b} a été saluée par la presse.\n\n"
        f"On reparle de la {a} et de la {b} au conseil. Le conseil votera demain.\n"
    )


def _tokens(order: tuple[str, str]) -> pd.DataFrame:
    return analysis.analyse(_text(order), lemmas=False, stems=False).tokens


def _positions(table: pd.DataFrame, column: str = "term") -> list[int]:
    values = table[column].tolist()
    return [values.index(t) for t in (FIRST, SECOND)]


def test_score_key_removes_last_bit_noise_but_keeps_real_differences():
    x = 0.71547183500869849
    noisy = pd.Series([x, np.nextafter(x, 1.0), np.nextafter(x, 0.0), x * (1 + 1e-9), np.inf, np.nan, 0.0, -x])
    key = score_key(noisy)
    assert key[0] == key[1] == key[2]  # one-ulp differences (SIMD, FMA, BLAS kernels) tie
    assert key[3] > key[0]  # a real difference is kept
    assert key[4] == np.inf and np.isnan(key[5]) and key[6] == 0.0 and key[7] == -key[0]
    ints = pd.Series([3, 1, 2])
    assert score_key(ints) is ints  # other columns are compared as they are


@pytest.mark.parametrize("shuffle", range(4))
def test_sort_ranked_breaks_ties_by_term_whatever_the_input_order(shuffle):
    x = 2.5
    rows = pd.DataFrame(
        {
            "term": ["delta", "alpha", "charlie", "bravo", "echo"],
            "score": [x, np.nextafter(x, 0.0), np.nextafter(x, 9.0), x, 1.0],
        }
    )
    rows = rows.sample(frac=1, random_state=shuffle)
    out = sort_ranked(rows, ["score", "term"], [False, True])
    assert out["term"].tolist() == ["alpha", "bravo", "charlie", "delta", "echo"]
    assert out["score"].tolist()[0] == np.nextafter(x, 0.0)  # values themselves are untouched


@pytest.mark.parametrize("order", [TWINS, TWINS[::-1]])
def test_keyness_tie_broken_by_term(order):
    key = terms.keyness(_tokens(order), by="norm", absent=0)
    twins = key[key["term"].isin(TWINS)]
    assert len(twins) == 2 and twins["log_likelihood"].nunique() == 1
    first, second = _positions(key)
    assert second == first + 1


@pytest.mark.parametrize("order", [TWINS, TWINS[::-1]])
def test_tfidf_tie_broken_by_term(order):
    tf = terms.tfidf(_tokens(order), by="norm")
    for _, unit in tf.groupby(["doc_id", "seg"]):
        if set(TWINS) <= set(unit["term"]):
            unit = unit.reset_index(drop=True)
            assert unit.loc[unit["term"].isin(TWINS), "tfidf"].nunique() == 1
            first, second = _positions(unit)
            assert first < second
            assert (unit["tfidf"].iloc[first : second + 1] == unit["tfidf"].iloc[first]).all()


@pytest.mark.parametrize("order", [TWINS, TWINS[::-1]])
def test_collocations_tie_broken_by_term(order):
    a, b = order
    text = f"La {a} rouge brille. La {b} verte brille. La {a} rouge tombe. La {b} verte tombe.\n"
    colls = terms.collocations(analysis.analyse(text, lemmas=False, stems=False).tokens, by="norm", min_count=2)
    pair = [
        t
        for t in colls["term"]
        if t
        in (f"{FIRST} " + ("rouge" if FIRST == a else "verte"), f"{SECOND} " + ("rouge" if SECOND == a else "verte"))
    ]
    assert len(pair) == 2
    assert pair == sorted(pair)


def _corpus(order: tuple[str, str]) -> Corpus:
    a, b = order
    docs = [
        Article.from_text(f"Le conseil parle de la {a} et de la {b}. La {a} et la {b} arrivent.\n", doc_id="d1"),
        Article.from_text("Le conseil vote le budget. Le budget passe.\n", doc_id="d2"),
        Article.from_text(f"La {b} et la {a} reviennent au conseil.\n", doc_id="d3"),
    ]
    return Corpus.from_articles(docs)


@pytest.mark.parametrize("order", [TWINS, TWINS[::-1]])
def test_corpus_tables_break_ties_by_term(order):
    dtm = cs.doc_term_matrix(_corpus(order), by="norm")
    top = cs.top_terms(dtm, top=50)
    first, second = _positions(top)
    assert second == first + 1
    tf = cs.tfidf(dtm)
    d1 = tf[tf["doc_id"] == "d1"].reset_index(drop=True)
    first, second = _positions(d1)
    assert second == first + 1
    key = cs.keyness(dtm, ["d1", "d3"], min_count=1)
    first, second = _positions(key)
    assert second == first + 1
    lo = cs.log_odds(dtm, ["d1", "d3"], ["d2"])
    first, second = _positions(lo)
    assert second == first + 1
