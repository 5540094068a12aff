"""Lafon's specificities: which terms a part over- or under-uses, with the exact hypergeometric model.

For a term and a part: ``f`` its occurrences in the part, ``F`` in the corpus,
``t`` the tokens of the part, ``T`` those of the corpus. If the part were a
random draw of ``t`` tokens from the corpus, ``f`` would follow the
hypergeometric distribution H(T, F, t), of mean ``t·F/T`` (Lafon 1980, "Sur la
variabilité de la fréquence des formes dans un corpus", *Mots* 1). The score is
signed as TXM's (the R package ``textometry``, ``specificities()``, which TXM
calls):

* ``f ≥ t·F/T`` (TXM's ``>=``): ``score = −log10 P(X ≥ f)``, positive — the term is over-represented;
* ``f < t·F/T``: ``score = log10 P(X ≤ f)``, negative — under-represented.

A score of +5 says a draw would put that many occurrences or more in the part
once in 100,000 times. TXM rounds scores to 4 decimals; so do we.

Exactness: the tail probabilities come from ``scipy.stats.hypergeom`` (Boost's
exact hypergeometric ``sf``/``cdf``, vectorised); where a probability falls
below 1e-290 (large corpora: it would soon underflow to 0, which TXM caps at
±10 before taking the log), the log tail is computed by ``hypergeom.logsf`` /
``logcdf`` (log-space sums of the probability mass), so no score is ever
infinite. The tests check both paths against exact big-integer sums.

Banality: terms with ``|score| < threshold`` are *banal* in the part (neither
over- nor under-used). The default is 2.0 (a tail probability of 1 %), the
value TXM's specificities charts are read with; that default could not be
checked in TXM's own documentation here. The R package that TXM calls has a
prototype ``specificities.banals(specif, score = 1.0)`` with 1.0 (source:
CRAN's ``textometry``, ``R/specificities.R``). Pass ``threshold=`` to choose.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import hypergeom

from .. import exactmath
from ._common import TextometryError
from .lexical import lexical_table
from .partitions import Partition, parse_partition

__all__ = ["BANALITY", "MAX_CELLS", "lafon_scores", "specificities"]

#: The default banality threshold on ``|score|``.
BANALITY = 2.0

#: The largest lexical table scored in one call (terms × parts): 8 bytes each, about 400 MB.
MAX_CELLS = 50_000_000

_TINY = 1e-290
_LN10 = math.log(10.0)


def lafon_scores(
    f: np.ndarray, F: np.ndarray, t: np.ndarray, T: int | np.ndarray, *, digits: int | None = 4
) -> np.ndarray:
    """The signed specificity score of each cell.

    Args:
        f: Occurrences in the part.
        F: Occurrences in the corpus.
        t: Tokens in the part.
        T: Tokens in the corpus.
        digits: Round to this many decimals (TXM's 4); ``None`` keeps every digit.

    Returns:
        numpy.ndarray: ``-log10 P(X >= f)`` where ``f >= t·F/T``, else ``log10 P(X <= f)``.
    """
    f, F, t, T = (np.asarray(x, dtype=np.int64) for x in np.broadcast_arrays(f, F, t, T))
    shape = f.shape
    f, F, t, T = f.ravel(), F.ravel(), t.ravel(), T.ravel()
    over = f * T >= t * F  # f >= t·F/T, in integers
    score = np.zeros(len(f), dtype=np.float64)
    if over.any():
        k, M, n, N = f[over] - 1, T[over], F[over], t[over]
        p = hypergeom.sf(k, M, n, N)
        log_p = exactmath.log(np.maximum(p, np.finfo(float).tiny))
        small = ~(p > _TINY)
        if small.any():
            log_p[small] = hypergeom.logsf(k[small], M[small], n[small], N[small])
        score[over] = -log_p / _LN10
    under = ~over
    if under.any():
        k, M, n, N = f[under], T[under], F[under], t[under]
        log_p = np.empty(len(k), dtype=np.float64)
        zero = k == 0  # most cells of a lexical table: P(X <= 0) = P(X = 0), in closed form
        log_p[zero] = hypergeom.logpmf(0, M[zero], n[zero], N[zero])
        rest = ~zero
        p = hypergeom.cdf(k[rest], M[rest], n[rest], N[rest])
        log_rest = exactmath.log(np.maximum(p, np.finfo(float).tiny))
        small = ~(p > _TINY)
        if small.any():
            idx = np.flatnonzero(rest)[small]
            log_rest[small] = hypergeom.logcdf(k[idx], M[idx], n[idx], N[idx])
        log_p[rest] = log_rest
        score[under] = log_p / _LN10
    score[score == 0] = 0.0  # no -0.0
    if digits is not None:
        score = np.round(score, digits)
        score[score == 0] = 0.0
    return score.reshape(shape)


def specificities(
    tokens: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    partition: str | Mapping[str, Any] | pd.Series | Partition = "doc_id",
    by: str = "lemma",
    stopwords: bool = False,
    min_f: int = 2,
    threshold: float = BANALITY,
    top: int | None = None,
    punct: bool = False,
    numbers: bool = True,
    uncounted: bool = False,
    missing: str = "part",
) -> pd.DataFrame:
    """Lafon's specificity of every term in every part.

    Args:
        tokens: A tokens table (``analysis.analyse(...).tokens``, or several concatenated).
        documents: The documents' metadata (``analysis.corpus.documents(corpus)``), for partitions by metadata.
        partition: ``"doc_id"``, ``"outlet"``, ``"author"``, ``"date:month"``, any column, or a
            ``doc_id → part`` mapping (see :func:`~analysis.textometry.partitions.parse_partition`).
        by: ``form``, ``norm``, ``lemma`` or ``stem``.
        stopwords: Score stopwords too (they count in ``t`` and ``T`` either way).
        min_f: Score only terms with ``F ≥ min_f``.
        threshold: Banality threshold on ``|score|``.
        top: Keep, per part, the ``top`` highest and the ``top`` lowest scores.
        punct: Count punctuation and symbols.
        numbers: Count numbers.
        uncounted: Count duplicate and boilerplate segments too.
        missing: Documents without a value for the partition field: ``"part"``, ``"drop"`` or ``"error"``.

    Returns:
        pandas.DataFrame: ``term, part, f, F, t, T, expected, score, banal``: every cell of the lexical table
        (zeros included: an absent term can be significantly absent), by part in the partition's order,
        highest score first (ties alphabetical). ``attrs["rule"]``, ``attrs["threshold"]``,
        ``attrs["parts"]`` and ``attrs["partition"]``.

    Raises:
        PartitionError: Unknown field, or a part without counted tokens.
        TextometryError: No term to score, or a table larger than :data:`MAX_CELLS`.
    """
    table = lexical_table(
        tokens,
        documents,
        partition=partition,
        by=by,
        stopwords=stopwords,
        min_f=min_f,
        punct=punct,
        numbers=numbers,
        uncounted=uncounted,
        missing=missing,
    )
    n_terms, n_parts = table.counts.shape
    if n_terms * n_parts > MAX_CELLS:
        raise TextometryError(
            f"lexical table too large to score: {n_terms} terms × {n_parts} parts > {MAX_CELLS} "
            "cells; raise min_f or use a coarser partition"
        )
    f = table.counts.toarray()
    F = table.term_totals[:, None]
    t = table.sizes[None, :]
    T = table.total
    score = lafon_scores(f, F, t, T)
    out = pd.DataFrame(
        {
            "term": np.repeat(table.terms.astype(str), n_parts),
            "part": np.tile(np.asarray(table.parts, dtype=object), n_terms).astype(str),
            "f": f.ravel(),
            "F": np.repeat(table.term_totals, n_parts),
            "t": np.tile(table.sizes, n_terms),
            "T": np.int64(T),
            "expected": (F * t / T).ravel(),
            "score": score.ravel(),
        }
    )
    out["part"] = pd.Categorical(out["part"], categories=table.parts, ordered=True)
    out = out.sort_values(["part", "score", "term"], ascending=[True, False, True], kind="mergesort", ignore_index=True)
    if top is not None:
        rank = out.groupby("part", observed=True).cumcount()
        rev = out.iloc[::-1].groupby("part", observed=True).cumcount().iloc[::-1]
        out = out[(rank < top) | (rev < top)].reset_index(drop=True)
    out["part"] = out["part"].astype(str)
    out["banal"] = out["score"].abs() < threshold
    out.attrs["rule"] = (
        f"Lafon specificities, exact hypergeometric H(T, F, t); score = -log10 P(X >= f) if "
        f"f >= t·F/T else log10 P(X <= f), 4 decimals; banal if |score| < {threshold}; "
        + table.rule
        + (f"; top {top} and bottom {top} per part" if top is not None else "")
    )
    out.attrs["threshold"] = float(threshold)
    out.attrs["parts"] = list(table.parts)
    out.attrs["partition"] = parse_partition(partition).label
    if out.empty:
        raise TextometryError("no specificity to report")
    return out
