"""The text segments of Reinert's classification and their segment × lemma table (after rainette).

Steps 1 and 2 of :mod:`analysis.textometry.reinert` (see its docstring for the method):
:func:`text_segments` cuts each run of counted text of a document into segments of about ``size``
words (IRaMuTeQ's 40) at the best punctuation (rainette's ``split_segments``), and
:func:`segment_term_matrix` gives the presence of each active lemma in each segment. Also used by
:mod:`analysis.textometry.similarity`; re-exported by ``reinert``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._common import TextometryError, keep_mask, rule_text, term_units

__all__ = [
    "ACTIVE_POS",
    "PUNCT_WEIGHTS",
    "ReinertError",
    "segment_term_matrix",
    "text_segments",
]

#: Parts of speech of the active lemmas (IRaMuTeQ's nom, ver, adj, adv).
ACTIVE_POS = ("NOUN", "VERB", "ADJ", "ADV")

#: Weight of a cut after a word followed by this punctuation (rainette's ``split_segments``).
PUNCT_WEIGHTS = {".": 6.0, "?": 6.0, "!": 6.0, "…": 6.0, ":": 5.0, ";": 4.0, ",": 1.0}
_NO_PUNCT = 0.01


class ReinertError(TextometryError):
    """A classification that cannot be made (k larger than the segments allow, no active lemma)."""


# --------------------------------------------------------------------------
# 1. Text segments
# --------------------------------------------------------------------------


def _runs(tokens: pd.DataFrame, kept: np.ndarray) -> np.ndarray:
    """Run id of each token (−1 when left out): a run is a stretch of kept tokens of one document."""
    doc = tokens["doc_id"].astype(str).to_numpy(dtype=object) if "doc_id" in tokens.columns else np.zeros(len(tokens))
    new = np.ones(len(tokens), dtype=bool)
    if len(tokens):
        new[1:] = (doc[1:] != doc[:-1]) | ~kept[:-1]
    run = np.cumsum(new & kept) - 1
    return np.where(kept, run, -1)


def text_segments(
    tokens: pd.DataFrame, *, size: int = 40, window: int | None = None, uncounted: bool = False
) -> pd.DataFrame:
    """Cut the text into segments of about ``size`` words at the best punctuation (rainette, IRaMuTeQ).

    Args:
        tokens: A tokens table (in reading order).
        size: Target length in words (punctuation not counted).
        window: How far past ``size`` a cut may go (0.4 × ``size`` by default).
        uncounted: Cut the segments left out of counts too (duplicates, boilerplate).

    Returns:
        pandas.DataFrame: ``doc_id, segment, start, end, words, first, last`` (``first``/``last``: the row
        positions in ``tokens`` of the segment's first and last token), ``text`` (rebuilt from the tokens).

    Raises:
        TextometryError: ``size`` below 1.
    """
    if size < 1:
        raise TextometryError(f"segment size must be at least 1 word, not {size}")
    window = int(round(0.4 * size)) if window is None else int(window)
    length = size + window
    counted = (
        tokens["counted"].to_numpy(dtype=bool)
        if ("counted" in tokens.columns and not uncounted)
        else np.ones(len(tokens), dtype=bool)
    )
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    word = keep_mask(tokens, stopwords=True, uncounted=uncounted)
    run = _runs(tokens, counted)
    last_char = tokens["text"].astype(str).str[-1:]
    punct_weight = np.where(punct, last_char.map(PUNCT_WEIGHTS).fillna(_NO_PUNCT).to_numpy(dtype=np.float64), _NO_PUNCT)
    texts = tokens["text"].astype(str).to_numpy(dtype=object)
    starts = tokens["start"].to_numpy(dtype=np.int64)
    ends = tokens["end"].to_numpy(dtype=np.int64)
    sent = tokens["sent"].to_numpy() if "sent" in tokens.columns else np.zeros(len(tokens))
    block = tokens["seg"].to_numpy() if "seg" in tokens.columns else np.zeros(len(tokens))
    docs = (
        tokens["doc_id"].astype(str).to_numpy(dtype=object)
        if "doc_id" in tokens.columns
        else np.full(len(tokens), "doc", dtype=object)
    )
    rows = []
    order = np.flatnonzero(run >= 0)
    if not len(order):
        return pd.DataFrame(columns=["doc_id", "segment", "start", "end", "words", "first", "last", "text"])
    bounds = np.flatnonzero(np.r_[True, run[order][1:] != run[order][:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        idx = order[a:b]
        w_idx = idx[word[idx]]
        if not len(w_idx):
            continue
        # weight of a cut after each word: its following punctuation, a sentence or block end
        weights = np.full(len(w_idx), _NO_PUNCT)
        owner = np.searchsorted(w_idx, idx, side="right") - 1  # the word each token follows (−1: leading)
        after = (owner >= 0) & punct[idx]
        np.maximum.at(weights, owner[after], punct_weight[idx[after]])
        nxt = np.r_[w_idx[1:], w_idx[-1]]
        boundary = (sent[nxt] != sent[w_idx]) | (block[nxt] != block[w_idx])
        weights[boundary] = np.maximum(weights[boundary], 6.0)
        cuts = [0]
        n = len(w_idx)
        if n > size:
            last = 0
            ranks = np.arange(1, length + 1)
            while last < n - length:
                ratio = weights[last : last + length] / (np.abs(ranks - size) + 1)
                last += int(np.argmax(ratio)) + 1
                cuts.append(last)
        cuts.append(n)
        # token range of each segment: leading punctuation goes with the first segment, trailing with each
        for s, e in zip(cuts[:-1], cuts[1:], strict=True):
            first = idx[0] if s == 0 else w_idx[s]
            last_tok = idx[-1] if e == n else w_idx[e] - 1
            rows.append((docs[first], int(starts[first]), int(ends[last_tok]), e - s, int(first), int(last_tok)))
    out = pd.DataFrame(rows, columns=["doc_id", "start", "end", "words", "first", "last"])
    out.insert(1, "segment", np.arange(len(out), dtype=np.int64))
    out["text"] = [_rebuild(texts, starts, ends, f, last) for f, last in zip(out["first"], out["last"], strict=True)]
    out.attrs["rule"] = (
        f"segments of about {size} words (window {window}), cut after the word maximising "
        f"punctuation weight / (|rank − {size}| + 1) (rainette's split_segments); "
        f"{rule_text(punct=False, numbers=True, uncounted=uncounted)}"
    )
    return out


def _rebuild(texts: np.ndarray, starts: np.ndarray, ends: np.ndarray, first: int, last: int) -> str:
    parts = []
    prev = None
    for i in range(first, last + 1):
        if prev is not None and starts[i] > prev:
            parts.append(" ")
        parts.append(texts[i])
        prev = ends[i]
    return "".join(parts)


def _token_segments(n_tokens: int, segs: pd.DataFrame) -> np.ndarray:
    """Segment id of each token position (−1 outside every segment)."""
    out = np.full(n_tokens, -1, dtype=np.int64)
    for seg, first, last in segs[["segment", "first", "last"]].itertuples(index=False):
        out[first : last + 1] = seg
    return out


# --------------------------------------------------------------------------
# 2. The segment × lemma table
# --------------------------------------------------------------------------


def segment_term_matrix(
    tokens: pd.DataFrame,
    segs: pd.DataFrame,
    *,
    by: str = "lemma",
    pos: Sequence[str] | None = ACTIVE_POS,
    stopwords: bool = False,
    min_freq: int = 3,
    uncounted: bool = False,
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Presence of each active term in each segment.

    Args:
        tokens: The tokens table the segments were cut from.
        segs: :func:`text_segments`'s table.
        by: The term unit.
        pos: Active parts of speech (None: all).
        stopwords: Keep stopwords as active terms.
        min_freq: Keep terms present in at least this many segments.
        uncounted: Read duplicate and boilerplate segments too.

    Returns:
        tuple[scipy.sparse.csr_matrix, numpy.ndarray]: The 0/1 matrix (segments × terms, ``int8``) and the terms
        (most frequent first, ties alphabetical).
    """
    seg_of = _token_segments(len(tokens), segs)
    active = keep_mask(tokens, stopwords=stopwords, uncounted=uncounted) & (seg_of >= 0)
    if pos is not None:
        if "pos" not in tokens.columns:
            raise ReinertError(
                "the tokens table has no 'pos' column: analyse with lemmas (analysis.analyse), "
                "or pass pos=None to make every word active"
            )
        active &= tokens["pos"].astype(str).isin(list(pos)).to_numpy()
    units = term_units(tokens, by)[active]
    codes, uniq = pd.factorize(units)
    m = sp.csr_matrix((np.ones(len(codes), dtype=np.int8), (seg_of[active], codes)), shape=(len(segs), len(uniq)))
    m.sum_duplicates()
    m.data[:] = 1
    df = np.asarray((m > 0).sum(axis=0)).ravel()
    uniq = np.asarray(uniq, dtype=object).astype(str)
    order = np.lexsort((uniq, -df))
    order = order[df[order] >= min_freq]
    return m[:, order].tocsr(), uniq[order]
