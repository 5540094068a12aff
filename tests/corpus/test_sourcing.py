"""The corpus's sourcing audit as a library function: per-document tables once, summed per month or document."""

from __future__ import annotations

import pytest

from analysis.corpus import sourcing
from analysis.reading.article import Article, CorpusError
from analysis.reading.corpus import Corpus


def _corpus() -> Corpus:
    a = Article.from_text(
        "Titre\n\nSelon des témoins, la ville serait calme. « Nous restons », a déclaré Marie Curie.\n",
        doc_id="a",
        meta={"date": "2012-07-03"},
    )
    b = Article.from_text(
        "Titre\n\nLe ministre a démenti la rumeur, selon l'AFP.\n", doc_id="b", meta={"date": "2012-05-20"}
    )
    return Corpus.from_articles([a, b])


def test_people_tables_then_audit_per_month_and_per_document():
    tables = sourcing.people_tables(_corpus())
    assert set(tables) == {"quotes", "claims", "meta", "errors"} and tables["errors"].empty
    assert list(tables["meta"].columns) == sourcing.META_COLUMNS
    assert sorted(tables["meta"]["date"]) == ["2012-05-20", "2012-07-03"]
    assert set(tables["quotes"]["doc_id"]) == {"a", "b"}
    by_month = sourcing.audit(tables, by="month")
    assert sorted(by_month["sourcing"]["part"]) == ["2012-05", "2012-07"]
    assert {"reuse", "errors"} <= set(by_month)
    july = by_month["sourcing"].set_index("part").loc["2012-07"]
    assert july["conditional"] == 1 and july["anonymous"] >= 1
    assert "AFP" in set(by_month["outlets"]["outlet"])
    per_doc = sourcing.audit(_corpus(), by="doc_id")  # a Corpus: the tables are computed
    assert sorted(per_doc["sourcing"]["part"]) == ["a", "b"]
    assert sourcing.suggest_part(tables["meta"])[0] == "month"


def test_an_unknown_part_is_refused_before_any_work():
    with pytest.raises(ValueError, match="--by author"):
        sourcing.audit(Corpus([]), by="author")


def test_a_corpus_of_which_nothing_can_be_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    corpus = Corpus.from_path(tmp_path)
    with pytest.raises(CorpusError, match="no document could be read"):
        sourcing.people_tables(corpus)
