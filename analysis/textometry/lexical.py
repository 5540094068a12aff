"""The lexical table (TXM's *table lexicale*): how often each term occurs in each part.

Rows are terms, columns parts. Its margins follow the Lafon model: the size
``t`` of a part is the number of tokens of that part that count (stopwords
included: they are words of the text), and ``T`` is the sum of the ``t``,
whatever terms are then shown. Terms left out of the table (stopwords unless
asked for, terms below ``min_f``, those after ``top``) are TXM's ``#RESTE#``
row: gone from the rows, still in the margins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._common import TextometryError, keep_mask, rule_text, term_units
from .partitions import Partition, assign_parts

__all__ = ["LexicalTable", "contingency", "lexical_table"]


@dataclass(frozen=True)
class LexicalTable:
    """A term × part count matrix and its margins.

    Attributes:
        counts: ``scipy.sparse.csr_matrix`` of ``int64``, one row per shown term, one column per part.
        terms: The terms (rows), most frequent first (ties in alphabetical order).
        parts: The parts (columns), in the partition's order.
        sizes: ``t`` of each part (every counted token of the part).
        term_totals: ``F`` of each shown term.
        rule: What was counted and shown.
    """

    counts: sp.csr_matrix
    terms: np.ndarray
    parts: list[str]
    sizes: np.ndarray
    term_totals: np.ndarray
    rule: str

    @property
    def total(self) -> int:
        """``T``, the number of counted tokens of the corpus."""
        return int(self.sizes.sum())


def lexical_table(
    tokens: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    partition: str | Mapping[str, Any] | pd.Series | Partition = "doc_id",
    by: str = "lemma",
    stopwords: bool = False,
    min_f: int = 1,
    top: int | None = None,
    punct: bool = False,
    numbers: bool = True,
    uncounted: bool = False,
    missing: str = "part",
) -> LexicalTable:
    """Count every term in every part.

    Args:
        tokens: A tokens table.
        documents: The documents' metadata (see :func:`~analysis.textometry.partitions.assign_parts`).
        partition: See :func:`~analysis.textometry.partitions.parse_partition`.
        by: ``form``, ``norm``, ``lemma`` or ``stem``.
        stopwords: Show stopwords as terms (they count in the part sizes either way).
        min_f: Show only terms with at least this many occurrences in the corpus (TXM's Fmin).
        top: Show only the ``top`` most frequent terms.
        punct: Count punctuation and symbols (in the sizes and as terms).
        numbers: Count numbers.
        uncounted: Count the tokens of duplicate and boilerplate segments too.
        missing: Documents without a value for the partition field (see ``assign_parts``).

    Returns:
        LexicalTable: The counts and margins.

    Raises:
        PartitionError: See ``assign_parts``.
        TextometryError: ``min_f`` below 1, or no term left to show.
    """
    if min_f < 1:
        raise TextometryError(f"min_f must be at least 1, not {min_f}")
    parted = assign_parts(tokens, documents, partition=partition, missing=missing, uncounted=uncounted, punct=punct)
    parts = parted.attrs["parts"]
    keep = keep_mask(parted, stopwords=True, punct=punct, numbers=numbers, uncounted=uncounted)
    keep &= parted["part"].notna().to_numpy()
    units = term_units(parted, by)[keep]
    part_codes = pd.Categorical(parted["part"].to_numpy(dtype=object)[keep], categories=parts).codes
    sizes = np.bincount(part_codes, minlength=len(parts)).astype(np.int64)
    shown = np.ones(len(units), dtype=bool)
    if not stopwords:
        shown &= ~parted["is_stop"].to_numpy(dtype=bool)[keep]
    term_codes, uniq = pd.factorize(units[shown])
    if not len(uniq):
        raise TextometryError(
            "no term to count: every token was left out by the rule (stopwords, punctuation, uncounted segments)"
        )
    counts = sp.csr_matrix(
        (np.ones(len(term_codes), dtype=np.int64), (term_codes, part_codes[shown])), shape=(len(uniq), len(parts))
    )
    counts.sum_duplicates()
    totals = np.asarray(counts.sum(axis=1)).ravel()
    uniq = np.asarray(uniq, dtype=object)
    order = np.lexsort((uniq.astype(str), -totals))
    order = order[totals[order] >= min_f]
    if top is not None:
        order = order[:top]
    if not len(order):
        raise TextometryError(f"no term occurs at least min_f={min_f} times")
    rule = (
        f"by {by}; parts from the partition ({parted.attrs['rule']}); part sizes t count every kept token "
        f"(stopwords included); {rule_text(punct=punct, numbers=numbers, uncounted=uncounted)}; terms shown: "
        f"{'stopwords too' if stopwords else 'stopwords left out'}, F ≥ {min_f}"
        + (f", the {top} most frequent" if top is not None else "")
        + f"; {len(order)} of {len(uniq)} terms shown; T = {int(sizes.sum())} tokens"
    )
    return LexicalTable(
        counts=counts[order].tocsr(),
        terms=uniq[order],
        parts=list(parts),
        sizes=sizes,
        term_totals=totals[order],
        rule=rule,
    )


def contingency(
    tokens: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    partition: str | Mapping[str, Any] | pd.Series | Partition = "doc_id",
    by: str = "lemma",
    top: int | None = None,
    min_f: int = 1,
    stopwords: bool = False,
    punct: bool = False,
    numbers: bool = True,
    uncounted: bool = False,
    missing: str = "part",
) -> pd.DataFrame:
    """The term × part table as tidy rows, the input of :func:`analysis.textometry.ca.ca`.

    Args:
        tokens: A tokens table.
        documents: The documents' metadata.
        partition: See :func:`~analysis.textometry.partitions.parse_partition`.
        by: The term unit.
        top: Keep the ``top`` most frequent terms.
        min_f: Keep terms with at least this many occurrences.
        stopwords: Keep stopwords as terms.
        punct: Count punctuation.
        numbers: Count numbers.
        uncounted: Count duplicate and boilerplate segments.
        missing: Documents without a value for the partition field.

    Returns:
        pandas.DataFrame: ``term, part, count`` for every non-zero cell (terms most frequent first, parts in
        order); ``attrs["parts"]`` (every part, in order), ``attrs["part_sizes"]`` (``t`` by part) and
        ``attrs["rule"]``.
    """
    table = lexical_table(
        tokens,
        documents,
        partition=partition,
        by=by,
        stopwords=stopwords,
        min_f=min_f,
        top=top,
        punct=punct,
        numbers=numbers,
        uncounted=uncounted,
        missing=missing,
    )
    coo = table.counts.tocoo()
    order = np.lexsort((coo.col, coo.row))
    out = pd.DataFrame(
        {
            "term": table.terms[coo.row[order]].astype(str),
            "part": np.asarray(table.parts, dtype=object)[coo.col[order]].astype(str),
            "count": coo.data[order].astype(np.int64),
        }
    )
    out.attrs["parts"] = list(table.parts)
    out.attrs["part_sizes"] = {p: int(s) for p, s in zip(table.parts, table.sizes, strict=True)}
    out.attrs["rule"] = table.rule
    return out
