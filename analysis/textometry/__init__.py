"""Textometry à la française: partitions, Lafon's specificities, progression, correspondence analysis,
Reinert's classification and similarity analysis, on the project's tokens tables.

Every analysis takes a tokens table (``analysis.analyse(...).tokens``, or several concatenated) and,
for partitions by metadata, the documents table (``Corpus.documents()``), and the same
``partition`` argument (see :mod:`analysis.textometry.partitions`). Tables in, tables out; each
count says in ``attrs["rule"]`` what it kept.
"""

from ._common import TextometryError
from .lexical import LexicalTable, contingency, lexical_table
from .partitions import DATE_FREQS, Partition, PartitionError, assign_parts, parse_partition
from .specificities import BANALITY, lafon_scores, specificities

__all__ = [
    "BANALITY", "DATE_FREQS", "LexicalTable", "Partition", "PartitionError", "TextometryError", "assign_parts",
    "contingency", "lafon_scores", "lexical_table", "parse_partition", "specificities",
]
