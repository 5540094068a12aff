"""What every evaluation shares: precision, recall and F1, the fixed tune/check split, error files.

- :func:`prf`: precision, recall and F1 as percentages, from counts, with keyword-only arguments so
  that no caller can swap gold and predicted.
- :func:`split_half`: the fixed half a gold document belongs to, from a hash of its id. Rules are tuned
  on the ``tune`` half only; the ``check`` half says whether they hold on documents they were not
  written against. Every ``eval`` command prints both halves and their union (:data:`HALVES`).
- :func:`write_tsv`: a table of errors written atomically as tab-separated values.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pandas as pd

__all__ = ["HALVES", "halves_of", "prf", "split_half", "write_tsv"]

#: The halves an evaluation reports, in order: tuned on, checked on, and their union.
HALVES = ("tune", "check", "all")


def prf(*, correct: float, gold: float, predicted: float) -> tuple[float, float, float]:
    """Precision, recall and F1 as percentages (0–100, unrounded).

    Args:
        correct (float): Items both predicted and in the gold data (may be fractional, e.g. a
            partial-credit count).
        gold (float): Gold items.
        predicted (float): Predicted items.

    Returns:
        tuple[float, float, float]: Precision, recall and F1; 0 where a denominator is 0.
    """
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def split_half(doc_id: str) -> str:
    """The fixed half a document belongs to, from a hash of its id (never from its content).

    Args:
        doc_id (str): The document id (a file stem, a document id inside a gold file, ...).

    Returns:
        str: ``"tune"`` when the first byte of ``sha256(doc_id)`` (UTF-8) is even, else ``"check"``.
    """
    return "tune" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def halves_of(doc_ids: list[str]) -> dict[str, list[int]]:
    """Indices of documents in each half and in their union.

    Args:
        doc_ids (list[str]): Document ids, in order.

    Returns:
        dict[str, list[int]]: ``tune``, ``check`` (by :func:`split_half`) and ``all``.
    """
    half = [split_half(d) for d in doc_ids]
    return {
        "tune": [i for i, h in enumerate(half) if h == "tune"],
        "check": [i for i, h in enumerate(half) if h == "check"],
        "all": list(range(len(doc_ids))),
    }


def write_tsv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as tab-separated values, atomically (a temporary file renamed into place).

    Args:
        table (pandas.DataFrame): The rows (e.g. one error per row, with the document and its half).
        path (str | Path): Where to write; parent folders are created.

    Returns:
        Path: The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            table.to_csv(fh, sep="\t", index=False, lineterminator="\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
