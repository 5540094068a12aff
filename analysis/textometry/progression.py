"""TXM's progression: where chosen terms occur along the corpus, as cumulative counts or densities.

The corpus is read as one stream of positions: every counted token that is not
punctuation (stopwords included: positions measure text), document after
document, in reading order (the order of the tokens table) or by date of
publication (undated documents last, in reading order). Each occurrence of a
chosen term gets its position and the running count of that term: the
*cumulative* curve TXM draws. A steep stretch is where the term is used a lot.
:func:`density` counts occurrences per window of positions instead (TXM's
density mode), so that a burst does not hide in a long cumulative climb.

The parts of the partition (documents by default) are recorded as boundaries
(``attrs["boundaries"]``: ``(position, part)`` pairs where each part starts), for
charts to draw.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._common import TextometryError, keep_mask, rule_text, term_units
from .partitions import Partition, assign_parts

__all__ = ["density", "progression"]


def _dates_by_doc(documents: pd.DataFrame) -> pd.Series:
    """Each document's date (``datetime64``, NaT when unknown), indexed by ``doc_id``."""
    docs = documents.drop_duplicates("doc_id")
    return pd.Series(pd.to_datetime(docs["date"], errors="coerce").to_numpy(), index=docs["doc_id"].astype(str))


def _reading_order(parted: pd.DataFrame, documents: pd.DataFrame | None, order: str) -> np.ndarray:
    """Token indices in reading order, or by document date."""
    if order == "reading":
        return np.arange(len(parted))
    if order != "date":
        raise TextometryError(f"order must be 'reading' or 'date', not {order!r}")
    if documents is None or "date" not in documents.columns:
        raise TextometryError("order='date' needs a documents table with a 'date' column")
    doc_ids = parted["doc_id"].astype(str).to_numpy(dtype=object)
    first = pd.unique(doc_ids)
    when = _dates_by_doc(documents).reindex(first)
    rank = pd.DataFrame({"doc": first, "when": when.to_numpy(), "seen": np.arange(len(first))})
    rank = rank.sort_values(["when", "seen"], kind="mergesort", na_position="last")
    doc_rank = pd.Series(np.arange(len(rank)), index=rank["doc"].to_numpy())
    return np.lexsort((np.arange(len(parted)), doc_rank.reindex(doc_ids).to_numpy()))


def progression(
    tokens: pd.DataFrame,
    terms: str | Sequence[str],
    documents: pd.DataFrame | None = None,
    *,
    partition: str | Mapping[str, Any] | pd.Series | Partition | None = None,
    by: str = "lemma",
    order: str = "reading",
    regex: bool = False,
    uncounted: bool = False,
    missing: str = "part",
) -> pd.DataFrame:
    """Every occurrence of the chosen terms, with its position in the corpus and the running count.

    Args:
        tokens: A tokens table.
        terms: The terms to follow (in unit ``by``; lemmas case-insensitively merged as everywhere), or
            regular expressions matched against the whole term when ``regex``.
        documents: The documents' metadata (for ``order="date"`` and partitions by metadata).
        partition: Whose boundaries to record (the documents when None); see
            :func:`~analysis.textometry.partitions.parse_partition`.
        by: ``form``, ``norm``, ``lemma`` or ``stem``.
        order: ``"reading"`` (the tokens' order) or ``"date"`` (documents by publication date).
        regex: Read each of ``terms`` as a regular expression (``re.fullmatch``, case-insensitive).
        uncounted: Read duplicate and boilerplate segments too.
        missing: Documents without a value for the partition field (see ``assign_parts``).

    Returns:
        pandas.DataFrame: ``term, doc_id, part, start, end, position, date, count`` (one row per occurrence,
        ``count`` the term's running total, rows in corpus order); ``attrs["total"]`` (positions in the
        corpus), ``attrs["boundaries"]`` (``(position, part)`` where each part starts), ``attrs["order"]`` and
        ``attrs["rule"]``. A term that never occurs has no row and is listed in ``attrs["absent"]``.

    Raises:
        TextometryError: No term given, a bad regular expression, an unknown ``order``.
        PartitionError: See ``assign_parts``.
    """
    wanted = [terms] if isinstance(terms, str) else list(terms)
    if not wanted:
        raise TextometryError("progression needs at least one term")
    parted = assign_parts(
        tokens, documents, partition="doc_id" if partition is None else partition, missing=missing, uncounted=uncounted
    )
    keep = keep_mask(parted, stopwords=True, uncounted=uncounted) & parted["part"].notna().to_numpy()
    idx = _reading_order(parted, documents, order)
    idx = idx[keep[idx]]
    units = term_units(parted, by)[idx]
    lowered = np.array([str(u).lower() for u in units], dtype=object)
    rows = []
    absent = []
    for term in wanted:
        if regex:
            try:
                pattern = re.compile(term, re.IGNORECASE)
            except re.error as exc:
                raise TextometryError(f"bad regular expression {term!r}: {exc}") from None
            distinct = pd.unique(lowered)
            hits = set(d for d in distinct if pattern.fullmatch(d))
            pos = np.flatnonzero(np.isin(lowered, list(hits)))
        else:
            pos = np.flatnonzero(lowered == term.lower())
        if not len(pos):
            absent.append(term)
        rows.append(
            pd.DataFrame(
                {"term": term, "row": idx[pos], "position": pos, "count": np.arange(1, len(pos) + 1, dtype=np.int64)}
            )
        )
    hits = pd.concat(rows, ignore_index=True)
    sub = parted.iloc[hits["row"].to_numpy()]
    dates = None
    if documents is not None and "date" in documents.columns:
        dates = _dates_by_doc(documents).reindex(sub["doc_id"].astype(str)).to_numpy()
    out = pd.DataFrame(
        {
            "term": hits["term"].to_numpy(dtype=object).astype(str),
            "doc_id": sub["doc_id"].astype(str).to_numpy(),
            "part": sub["part"].astype(str).to_numpy(),
            "start": sub["start"].to_numpy(dtype=np.int64),
            "end": sub["end"].to_numpy(dtype=np.int64),
            "position": hits["position"].to_numpy(dtype=np.int64),
            "date": dates if dates is not None else pd.Series(pd.NaT, index=range(len(hits))).to_numpy(),
            "count": hits["count"].to_numpy(dtype=np.int64),
        }
    )
    out = out.sort_values(["position", "term"], kind="mergesort", ignore_index=True)
    parts_in_order = parted["part"].to_numpy(dtype=object)[idx]
    change = np.flatnonzero(np.r_[True, parts_in_order[1:] != parts_in_order[:-1]]) if len(idx) else np.array([], int)
    out.attrs["total"] = int(len(idx))
    out.attrs["boundaries"] = [(int(p), str(parts_in_order[p])) for p in change]
    out.attrs["order"] = order
    out.attrs["absent"] = absent
    out.attrs["terms"] = wanted
    out.attrs["rule"] = (
        f"positions = counted non-punctuation tokens (stopwords included), {order} order; "
        f"terms by {by}{' as regular expressions' if regex else ''}; "
        f"{rule_text(punct=False, numbers=True, uncounted=uncounted)}"
    )
    return out


def density(prog: pd.DataFrame, *, window: int | None = None, step: int | None = None) -> pd.DataFrame:
    """Occurrences per window of positions (TXM's density mode) from a :func:`progression` table.

    Args:
        prog: A :func:`progression` table (its ``attrs["total"]`` gives the corpus length).
        window: Window width in positions (a twentieth of the corpus by default, at least 1).
        step: Distance between window starts (a quarter of the window by default).

    Returns:
        pandas.DataFrame: ``term, window_start, window_end, position`` (the centre), ``count``, ``per_1000``
        (per 1,000 positions of the window) for every term and window, zeros included; the last window
        ends at the end of the corpus. ``attrs`` carries ``window``, ``step``, ``total``, ``boundaries``
        and ``rule``.

    Raises:
        TextometryError: A window or step below 1.
    """
    total = int(prog.attrs.get("total", int(prog["position"].max()) + 1 if len(prog) else 0))
    window = max(1, total // 20) if window is None else window
    step = max(1, window // 4) if step is None else step
    if window < 1 or step < 1:
        raise TextometryError(f"window and step must be at least 1, not {window} and {step}")
    starts = np.arange(0, max(total - window, 0) + 1, step, dtype=np.int64)
    if len(starts) and starts[-1] + window < total:
        starts = np.r_[starts, total - window]
    ends = np.minimum(starts + window, total)
    frames = []
    for term in prog.attrs.get("terms") or list(dict.fromkeys(prog["term"])):
        pos = np.sort(prog.loc[prog["term"] == term, "position"].to_numpy(dtype=np.int64))
        counts = np.searchsorted(pos, ends, side="left") - np.searchsorted(pos, starts, side="left")
        frames.append(
            pd.DataFrame(
                {
                    "term": term,
                    "window_start": starts,
                    "window_end": ends,
                    "position": (starts + ends) / 2,
                    "count": counts.astype(np.int64),
                }
            )
        )
    out = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["term", "window_start", "window_end", "position", "count"])
    )
    width = (out["window_end"] - out["window_start"]).to_numpy(dtype=float)
    out["per_1000"] = np.round(out["count"].to_numpy(dtype=float) / np.where(width > 0, width, 1) * 1000, 6)
    out.attrs.update(
        {
            "window": int(window),
            "step": int(step),
            "total": total,
            "boundaries": prog.attrs.get("boundaries", []),
            "rule": f"occurrences per window of {window} positions, every {step}; " + prog.attrs.get("rule", ""),
        }
    )
    return out
