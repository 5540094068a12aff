"""Corpus: running over many documents, and the statistics of a corpus.

- ``execution``: one per-document function over a corpus, in pandas, dask processes or a
  ``tcp://`` dask.distributed cluster (:func:`run`, :class:`Reducer`); schedulers and outputs
  checked before any work.
- ``cache``: an on-disk cache of one article's analysed tables (:func:`cache.analyse`), keyed by the
  sha256 of its text and the library's version; atomic entries, corrupt ones rebuilt, safe to delete.
- ``cache_upkeep``: what the cache folder holds (each file's state: current, other version or format,
  corrupt, unfinished) and pruning it by rule or to a size, least recently used first (``cache`` command).
- ``counting``: the counting path (:func:`doc_counts`), the passes over the corpus (documents, summary,
  frequencies, document-term matrix) and the verbs on the matrix (TF-IDF, top terms, keyness,
  log-odds); re-exported by ``stats``.
- ``stats``: the documents' metadata (:func:`documents`), per-document tables, corpus frequencies,
  document-term matrices, keyness, log-odds, coverage over time, merged timelines.
- ``phrases``: the corpus-level term tables: each document's key terms and the corpus's built from
  them (:func:`~analysis.corpus.phrases.keyterms`), n-grams, collocations, keyness against general
  French; re-exported by ``stats``.
- ``sourcing``: who speaks across a corpus: every document's attributions, claim rows and metadata
  (:func:`~analysis.corpus.sourcing.people_tables`) and the sourcing audit per document, outlet or
  month (:func:`~analysis.corpus.sourcing.audit`).
- ``textometry``: what the textometry analyses read, in one pass (:func:`corpus_tables`: tokens,
  documents with every metadata field, raw texts), and CQL queries over a corpus.

The corpus itself (:class:`Corpus`, :class:`DocRef`, ...) is read by :mod:`analysis.reading.corpus`.
What ``analysis.corpus`` offered before it became this folder is re-exported here, with everything
public in ``execution`` and :func:`documents` (the documents' metadata, formerly the method
``Corpus.documents()``: reading never imports this package). The statistics are
``from analysis.corpus import stats``; the sourcing audit ``from analysis.corpus import sourcing``.
"""

from ..reading import corpus as _reading
from ..reading.corpus import *  # noqa: F401,F403
from ..reading.corpus import NOT_ARTICLES, TABLE_SUFFIXES, TEXT_SUFFIXES, meta_row  # noqa: F401
from . import execution
from .execution import *  # noqa: F401,F403
from .stats import documents

__all__ = sorted(
    {*_reading.__all__, *execution.__all__, "NOT_ARTICLES", "TABLE_SUFFIXES", "TEXT_SUFFIXES", "documents", "meta_row"}
)
