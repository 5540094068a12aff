"""Textometry à la française: partitions, Lafon's specificities, progression, correspondence analysis,
Reinert's classification and similarity analysis, on the project's tokens tables.

Every analysis takes a tokens table (``analysis.analyse(...).tokens``, or several concatenated) and,
for partitions by metadata, the documents table (``analysis.corpus.documents(corpus)``), and the same
``partition`` argument (see :mod:`analysis.textometry.partitions`). Tables in, tables out; each
table says in ``attrs["rule"]`` what it counted.

One module per algorithm: ``partitions``, ``lexical`` (the term × part table), ``specificities``,
``progression``, ``ca`` (with Ward clustering), ``segments`` (Reinert's text segments and their segment × lemma
table), ``reinert``, ``similarity``, ``cql`` (TXM's CQL queries
with concordance rows). A corpus is read once into the
tables they take by :func:`analysis.corpus.textometry.corpus_tables` (on dask with ``scheduler=``). Charts are in
:mod:`analysis.charts.textometry`.
"""

from ._common import TextometryError
from .ca import CAResult, WardResult, ca, ward
from .cql import QueryError, compile_query, query
from .lexical import LexicalTable, contingency, lexical_table
from .partitions import DATE_FREQS, Partition, PartitionError, assign_parts, parse_partition
from .progression import density, progression
from .reinert import ACTIVE_POS, ReinertError, ReinertResult, reinert, segment_term_matrix, text_segments
from .similarity import SimilarityResult, similarity
from .specificities import BANALITY, lafon_scores, specificities

__all__ = [
    "ACTIVE_POS",
    "BANALITY",
    "CAResult",
    "DATE_FREQS",
    "LexicalTable",
    "Partition",
    "PartitionError",
    "QueryError",
    "ReinertError",
    "ReinertResult",
    "SimilarityResult",
    "TextometryError",
    "WardResult",
    "assign_parts",
    "ca",
    "compile_query",
    "contingency",
    "density",
    "lafon_scores",
    "lexical_table",
    "parse_partition",
    "progression",
    "query",
    "reinert",
    "segment_term_matrix",
    "similarity",
    "specificities",
    "text_segments",
    "ward",
]
