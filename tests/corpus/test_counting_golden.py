"""``analysis terms CORPUS --by lemma`` prints, byte for byte, the tables it printed before the speed work of
issue 16 (the demo corpus ``data/wikinews-fr-100``: the default top-30 text table, and every term as CSV).

A change of behaviour is a change of ``tests/corpus/data/terms_wikinews_lemma.*``: regenerate them on purpose
(``python -m analysis terms data/wikinews-fr-100 --by lemma > …txt``; ``… --csv --top 100000 | gzip -n``)
and say why in the commit.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from analysis.app.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT / "data" / "wikinews-fr-100"


@pytest.mark.parametrize(
    ("extra", "golden"),
    [([], "terms_wikinews_lemma.txt"), (["--csv", "--top", "100000"], "terms_wikinews_lemma.csv.gz")],
)
def test_terms_table_is_byte_identical(capsysbinary, extra: list[str], golden: str) -> None:
    assert main(["terms", str(CORPUS), "--by", "lemma", *extra]) == 0
    got = capsysbinary.readouterr().out
    raw = (DATA / golden).read_bytes()
    want = gzip.decompress(raw) if golden.endswith(".gz") else raw
    assert got.count(b"\n") > 30
    assert got == want


@pytest.mark.parametrize("by", ["lemma", "norm", "form", "stem"])
def test_counts_do_not_depend_on_the_forms_seen_before(by: str) -> None:
    from analysis.corpus import counting
    from analysis.reading.article import Article

    texts = [(ROOT / "data" / "article.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.txt"))]
    arts = [Article.from_text(t, doc_id=str(i)) for i, t in enumerate(texts)]
    warm = [counting.doc_counts(a, by=by) for a in arts]  # each document after the others' forms
    cold = []
    for a in reversed(arts):
        counting.unit_memo.cache_clear()
        cold.append(counting.doc_counts(a, by=by))
    assert warm == cold[::-1]
    assert sum(map(len, warm)) > 500


def test_the_matrix_counts_what_the_golden_terms_table_counts() -> None:
    """The document–term matrix merges the lemmas' casings as ``frequencies`` does (whose output the golden
    above fixes): the same terms, the same counts."""
    from analysis.corpus import Corpus, counting

    freq = counting.frequencies(Corpus.from_path(CORPUS), by="lemma", scheduler="pandas")
    dtm = counting.doc_term_matrix(Corpus.from_path(CORPUS), by="lemma", scheduler="pandas")
    got = dict(zip(dtm.terms.tolist(), dtm.counts().tolist()))
    assert len(got) > 3000
    assert got == dict(zip(freq["term"], freq["count"]))


def test_the_docs_of_a_case_merged_lemma_count_every_document() -> None:
    """A document using two casings of a lemma (Histoire, histoire) counts once in the merged lemma's docs."""
    from analysis.corpus import Corpus, counting

    freq = counting.frequencies(Corpus.from_path(CORPUS), by="lemma", scheduler="pandas")
    dtm = counting.doc_term_matrix(Corpus.from_path(CORPUS), by="lemma", scheduler="pandas")
    df = (dtm.matrix > 0).sum(axis=0).A1.tolist()
    assert dict(zip(dtm.terms.tolist(), df)) == dict(zip(freq["term"], freq["docs"]))
