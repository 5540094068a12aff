"""corpus_tables: one pass over a corpus, the same tables in pandas and on dask processes."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus
from analysis.corpus.textometry import corpus_tables
from analysis.reading.article import Article


def _corpus() -> Corpus:
    arts = []
    for i in range(4):
        a = Article.from_text(
            f"Titre {i}\n\nLe conseil municipal a voté le budget numéro {i} lundi soir.",
            doc_id=f"d{i}",
            meta={
                "outlet": "A" if i % 2 else "B",
                "section": f"s{i % 2}",
                "date": f"2022-01-0{i + 1}",
                "tags": ["not", "scalar"],
            },
        )
        arts.append(a)
    return Corpus.from_articles(arts)


def test_documents_keep_every_scalar_metadata_field_and_texts_when_asked():
    t = corpus_tables(_corpus(), lemmas=False, stems=False, texts=True)
    assert t.documents["doc_id"].tolist() == ["d0", "d1", "d2", "d3"]
    assert t.documents["section"].tolist() == ["s0", "s1", "s0", "s1"]
    assert "tags" not in t.documents.columns  # a list is not a partition value
    assert str(t.documents["date"].dtype).startswith("datetime64")
    row = t.tokens.iloc[5]
    assert t.texts[row["doc_id"]][row["start"] : row["end"]] == row["text"]


def test_dask_processes_give_the_same_tables():
    local = corpus_tables(_corpus(), lemmas=False, stems=False)
    dask = corpus_tables(_corpus(), lemmas=False, stems=False, scheduler="processes")
    pd.testing.assert_frame_equal(local.tokens, dask.tokens)
    pd.testing.assert_frame_equal(local.documents, dask.documents)
