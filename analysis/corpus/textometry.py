"""The inputs of the textometry analyses (:mod:`analysis.textometry`), read from a corpus in one pass.

:func:`corpus_tables` runs :func:`analysis.text.pipeline.analyse` on each document through
:func:`analysis.corpus.execution.run` (so ``scheduler="processes"`` or ``"tcp://host:port"`` runs it on
dask, partition by partition) and returns the tokens of every document (``doc_id`` first, offsets into
that document's raw text), the documents' metadata and, when asked, each raw text (for concordances).

The documents table holds :data:`analysis.reading.corpus.META_COLUMNS` **and every other scalar
metadata field the reader found** (a Europresse export's ``section`` and ``words``, an IRaMuTeQ
file's starred variables, ``near_duplicate_of``), so that any of them can be a partition.

:func:`query` runs a CQL query (:func:`analysis.textometry.cql.query`) document by document, through
the same :func:`~analysis.corpus.execution.run`, so that the concordance of a large corpus never needs
every tokens table in memory at once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .execution import run
from ..reading.article import Article
from ..reading.corpus import META_COLUMNS, Corpus, meta_row
from ..textometry.cql import Query, compile_query, query as query_tokens

__all__ = ["CorpusTables", "corpus_tables", "document_row", "query"]


@dataclass(frozen=True)
class CorpusTables:
    """What the textometry analyses read.

    Attributes:
        tokens: Every document's tokens, in corpus order (``doc_id`` first).
        documents: One row per document: :data:`~analysis.reading.corpus.META_COLUMNS` then the other
            metadata fields, in order of first appearance.
        texts: ``doc_id → raw text`` (empty unless asked for).
    """

    tokens: pd.DataFrame
    documents: pd.DataFrame
    texts: dict[str, str]


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def document_row(article: Article) -> dict[str, Any]:
    """One document's metadata: :data:`META_COLUMNS`, then every other scalar field of ``article.meta``.

    Args:
        article: The document.

    Returns:
        dict[str, Any]: Its row.
    """
    row = meta_row(article)
    for key, value in article.meta.items():
        if key not in row and _scalar(value) and not key.startswith("_"):
            row[key] = value
    return row


def _doc_tables(article: Article, *, lemmas: bool, stems: bool, texts: bool) -> dict[str, pd.DataFrame]:
    from .cache import analyse_costly

    out = {
        "tokens": analyse_costly(article, lemmas=lemmas, stems=stems).tokens,
        "documents": pd.DataFrame([document_row(article)]),
    }
    if texts:
        out["texts"] = pd.DataFrame({"doc_id": [article.doc_id], "text": [article.text]})
    return out


def corpus_tables(
    corpus: Corpus,
    *,
    lemmas: bool = True,
    stems: bool = True,
    texts: bool = False,
    scheduler: str | None = None,
    progress: bool = False,
) -> CorpusTables:
    """Read a corpus once: tokens, documents and (optionally) raw texts.

    Args:
        corpus: The corpus (:meth:`analysis.corpus.Corpus.from_path`).
        lemmas: Add ``lemma`` and ``pos`` (spaCy; Reinert and similarity need them).
        stems: Add ``stem``.
        texts: Keep each document's raw text (for concordances).
        scheduler: See :func:`analysis.corpus.execution.run` (``None``: in-process for small corpora).
        progress: Show a progress bar.

    Returns:
        CorpusTables: The tables; documents that fail to load are in ``corpus.errors``.
    """
    work = functools.partial(_doc_tables, lemmas=lemmas, stems=stems, texts=texts)
    out = run(corpus, work, combine="tables", scheduler=scheduler, progress=progress)
    documents = out.get("documents", pd.DataFrame(columns=META_COLUMNS))
    extra = [c for c in documents.columns if c not in META_COLUMNS]
    documents = documents.reindex(columns=[*META_COLUMNS, *extra]).reset_index(drop=True)
    documents["date"] = pd.to_datetime(documents["date"], errors="coerce")
    text_rows = out.get("texts")
    text_map = dict(zip(text_rows["doc_id"], text_rows["text"])) if text_rows is not None else {}
    return CorpusTables(tokens=out.get("tokens", pd.DataFrame()), documents=documents, texts=text_map)


_KWIC_COLUMNS = ["doc_id", "match", "sent", "start", "end", "tokens", "left", "node", "right"]


def _doc_query(article: Article, *, cql: Query, window: int, strategy: str, uncounted: bool) -> pd.DataFrame:
    from ..text.pipeline import analyse

    tokens = analyse(article, stems=False).tokens
    return query_tokens(tokens, cql, text=article.text, window=window, strategy=strategy, uncounted=uncounted)


def query(
    corpus: Corpus,
    cql: str,
    *,
    window: int = 8,
    strategy: str = "longest",
    uncounted: bool = False,
    scheduler: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Every match of a CQL query in a corpus, as concordance rows with offsets into each document.

    Args:
        corpus: The corpus.
        cql: The query (see :mod:`analysis.textometry.cql`); parsed before any document is read.
        window: Context on each side, in tokens.
        strategy: ``"longest"`` or ``"shortest"``.
        uncounted: Search the segments left out of counts too.
        scheduler: See :func:`analysis.corpus.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: ``doc_id, match, sent, start, end, tokens, left, node, right``, documents in corpus
        order, ``match`` numbered through the corpus; ``attrs["rule"]``.

    Raises:
        QueryError: The query does not parse.
    """
    parsed = compile_query(cql)
    work = functools.partial(_doc_query, cql=parsed, window=window, strategy=strategy, uncounted=uncounted)
    out = run(corpus, work, scheduler=scheduler, progress=progress, columns=_KWIC_COLUMNS)
    out = out.reindex(columns=_KWIC_COLUMNS).reset_index(drop=True)
    out["match"] = range(len(out))
    out.attrs["query"] = parsed.text
    out.attrs["rule"] = (
        f"CQL {parsed.text!r}, within {'sentence' if parsed.within == 's' else 'document'}, "
        f"{strategy} match, document by document; "
        + ("every segment searched" if uncounted else "duplicate and boilerplate segments left out")
        + f"; context {window} tokens each side"
    )
    return out
