"""Partitions: which part of the corpus each token belongs to, from any metadata field.

A *partition* (TXM's word) splits a corpus into parts to compare: one part per
document (``"doc_id"``), per outlet, per author, per period of publication
(``"date:day"``, ``"date:week"``, ``"date:month"``, ``"date:year"``), per value of
any column of the documents table (or of the tokens table: ``"kind"`` after a
join, ``"part"`` from an earlier call), or a mapping ``doc_id → part`` given by
the user (a ``dict`` or a ``pandas.Series`` indexed by ``doc_id``). Every
analysis of :mod:`analysis.textometry` takes the same ``partition`` argument and
calls :func:`assign_parts`.

Documents without a value (an article without author, an undated one) are not
dropped silently: by default they form a part of their own, named
``"(sans author)"`` / ``"(sans date)"``; ``missing="drop"`` leaves them out and
``missing="error"`` refuses them, and ``attrs["rule"]`` says which.

A part in which no token counts (every document of it empty, or all its text
flagged as duplicate or boilerplate) is an error: comparing against nothing
gives numbers that mean nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._common import TextometryError, keep_mask

__all__ = ["DATE_FREQS", "Partition", "PartitionError", "assign_parts", "parse_partition"]

#: The periods a date partition can use.
DATE_FREQS = ("day", "week", "month", "year")

_DATE_SPEC = re.compile(r"^(?P<field>[\w.-]+):(?P<freq>day|week|month|year)$")


class PartitionError(TextometryError):
    """A partition that cannot be made: an unknown field, a part without tokens, a missing value refused."""


@dataclass(frozen=True)
class Partition:
    """A parsed partition spec.

    Attributes:
        field: The column that holds each document's (or token's) part, or ``None`` for a mapping.
        freq: For a date field, the period (``day``, ``week``, ``month``, ``year``).
        mapping: A ``doc_id → part`` mapping given by the user.
        label: How rules and errors name the partition (``"outlet"``, ``"date:month"``, ``"mapping"``).
    """

    field: str | None
    freq: str | None = None
    mapping: Mapping[str, Any] | None = None
    label: str = ""


def parse_partition(spec: str | Mapping[str, Any] | pd.Series | Partition) -> Partition:
    """Read a partition spec.

    Args:
        spec: A field name (``"doc_id"``, ``"outlet"``, ``"author"``, any column), a date field with a
            period (``"date:month"``), a ``doc_id → part`` mapping (``dict`` or ``Series``), or a
            :class:`Partition`.

    Returns:
        Partition: The parsed spec.

    Raises:
        PartitionError: An empty or malformed spec.
    """
    if isinstance(spec, Partition):
        return spec
    if isinstance(spec, pd.Series):
        spec = {str(k): v for k, v in spec.items()}
    if isinstance(spec, Mapping):
        if not spec:
            raise PartitionError("partition mapping is empty: give at least one doc_id → part")
        return Partition(field=None, mapping={str(k): v for k, v in spec.items()}, label="mapping")
    if not isinstance(spec, str) or not spec.strip():
        raise PartitionError(f"partition must be a field name, 'field:period' or a doc_id → part mapping, not {spec!r}")
    spec = spec.strip()
    match = _DATE_SPEC.match(spec)
    if match:
        return Partition(field=match["field"], freq=match["freq"], label=spec)
    if ":" in spec:
        field, _, freq = spec.partition(":")
        raise PartitionError(
            f"partition {spec!r}: unknown period {freq!r} for field {field!r} (expected one of {', '.join(DATE_FREQS)})"
        )
    return Partition(field=spec, label=spec)


def _period_labels(dates: pd.Series, freq: str) -> tuple[pd.Series, pd.Series]:
    """Each date's period label (``2012-05-22``, ``2012-W21``, ``2012-05``, ``2012``) and its sort key."""
    when = pd.to_datetime(dates, errors="coerce")
    if freq == "day":
        labels = when.dt.strftime("%Y-%m-%d")
        key = when.dt.normalize()
    elif freq == "week":
        iso = when.dt.isocalendar()
        labels = iso["year"].astype("Int64").astype(str) + "-W" + iso["week"].astype("Int64").astype(str).str.zfill(2)
        key = (when - pd.to_timedelta(when.dt.day_of_week, unit="D")).dt.normalize()
    elif freq == "month":
        labels = when.dt.strftime("%Y-%m")
        key = when.dt.to_period("M").dt.start_time
    else:
        labels = when.dt.strftime("%Y")
        key = when.dt.to_period("Y").dt.start_time
    labels = labels.where(when.notna(), None)
    return labels, key


def _doc_values(
    documents: pd.DataFrame | None,
    part: Partition,
    tokens: pd.DataFrame,
) -> tuple[pd.Series | None, list[str]]:
    """Each document's part (indexed by doc_id) and the parts in their order, or None to read the tokens column."""
    field = part.field
    if part.mapping is not None:
        values = pd.Series({k: (None if _is_missing(v) else str(v)) for k, v in part.mapping.items()}, dtype=object)
        order = list(dict.fromkeys(v for v in values if v is not None))
        return values, order
    if field == "doc_id":
        ids = list(dict.fromkeys(tokens["doc_id"].astype(str))) if "doc_id" in tokens.columns else ["doc"]
        if documents is not None and "doc_id" in documents.columns:
            ids += [d for d in documents["doc_id"].astype(str) if d not in set(ids)]
        return pd.Series(ids, index=ids, dtype=object), ids
    if documents is not None and field in documents.columns:
        docs = documents.drop_duplicates("doc_id")
        raw = docs[field]
        if part.freq is not None:
            labels, key = _period_labels(raw, part.freq)
            values = pd.Series(labels.to_numpy(dtype=object), index=docs["doc_id"].astype(str).to_numpy())
            order = (
                pd.DataFrame({"label": labels, "key": key})
                .dropna()
                .sort_values("key", kind="mergesort")["label"]
                .drop_duplicates()
                .tolist()
            )
            return values, order
        values = pd.Series(
            [None if _is_missing(v) else str(v) for v in raw], index=docs["doc_id"].astype(str).to_numpy(), dtype=object
        )
        return values, sorted({v for v in values if v is not None})
    if field in tokens.columns:
        return None, []
    cols = sorted(documents.columns) if documents is not None else []
    where = f"the documents table has {', '.join(cols)}" if documents is not None else "no documents table was given"
    raise PartitionError(
        f"partition field {field!r} does not exist: {where}; the tokens table has "
        f"{', '.join(c for c in tokens.columns)}"
    )


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def assign_parts(
    tokens: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    partition: str | Mapping[str, Any] | pd.Series | Partition = "doc_id",
    missing: str = "part",
    uncounted: bool = False,
    punct: bool = False,
) -> pd.DataFrame:
    """The tokens with the part each belongs to.

    Args:
        tokens: A tokens table (``analysis.analyse(...).tokens``, or several concatenated), with ``doc_id``.
        documents: The documents' metadata (``analysis.corpus.documents(corpus)``: ``doc_id, title, date,
            outlet, author, …``, plus any column you add). Needed unless the field is ``doc_id``, a column of
            ``tokens``, or a mapping.
        partition: See :func:`parse_partition`.
        missing: What to do with documents without a value: ``"part"`` (a part named ``"(sans FIELD)"``,
            last), ``"drop"`` (left out: their tokens get no part), or ``"error"``.
        uncounted: Count the tokens of segments left out of counts when checking that each part has tokens.
        punct: Count punctuation when checking that each part has tokens.

    Returns:
        pandas.DataFrame: A copy of ``tokens`` with a ``part`` column (``str``; missing where dropped).
        ``attrs["parts"]`` lists the parts in order (reading order for ``doc_id``, chronological for dates,
        alphabetical for other fields, first appearance for a mapping), ``attrs["partition"]`` names it,
        ``attrs["dropped"]`` counts the tokens without a part and ``attrs["rule"]`` says all this.

    Raises:
        PartitionError: The field does not exist, a part has no counted token, ``missing`` is unknown,
            or a document has no value and ``missing="error"``.
    """
    if missing not in ("part", "drop", "error"):
        raise PartitionError(f"missing must be 'part', 'drop' or 'error', not {missing!r}")
    part = parse_partition(partition)
    if "doc_id" not in tokens.columns and (part.mapping is not None or part.field not in tokens.columns):
        tokens = tokens.assign(doc_id="doc")
    values, order = _doc_values(documents, part, tokens)
    doc_ids = tokens["doc_id"].astype(str).to_numpy(dtype=object)
    if values is None:  # a column of the tokens table
        raw = tokens[part.field]
        per_token = np.array([None if _is_missing(v) else str(v) for v in raw], dtype=object)
        order = list(dict.fromkeys(v for v in per_token if v is not None))
        declared: dict[str, list[str]] = {p: [] for p in order}
    else:
        per_token = values.reindex(pd.unique(doc_ids)).reindex(doc_ids).to_numpy(dtype=object)
        declared = {p: [] for p in order}
        for doc, value in values.items():
            if value is not None:
                declared.setdefault(value, []).append(str(doc))
    absent = np.array([v is None or (isinstance(v, float) and np.isnan(v)) for v in per_token], dtype=bool)
    name = part.field or "part"
    missing_label = f"(sans {name})"
    missing_docs = list(dict.fromkeys(doc_ids[absent]))
    if absent.any():
        if missing == "error":
            raise PartitionError(
                f"partition {part.label!r}: {len(missing_docs)} document(s) have no value "
                f"(first: {missing_docs[0]}); use missing='part' or 'drop'"
            )
        if missing == "part":
            per_token = per_token.copy()
            per_token[absent] = missing_label
            order = [*order, missing_label]
            declared[missing_label] = missing_docs
    keep = keep_mask(tokens, stopwords=True, punct=punct, uncounted=uncounted)
    present = set(per_token[keep & ~(absent & (missing == "drop"))])
    empty = [p for p in order if p not in present]
    if empty:
        docs = declared.get(empty[0], [])
        what = f" (documents: {', '.join(docs[:3])}{', …' if len(docs) > 3 else ''})" if docs else ""
        raise PartitionError(
            f"partition {part.label!r}: part {empty[0]!r} has no counted tokens{what}"
            + (f"; {len(empty) - 1} more part(s) too" if len(empty) > 1 else "")
        )
    out = tokens.copy()
    out["part"] = pd.Series(per_token, index=tokens.index, dtype=object).where(~(absent & (missing == "drop")), None)
    out["part"] = out["part"].astype("str").where(out["part"].notna(), None) if len(out) else out["part"]
    dropped = int((absent & (missing == "drop")).sum())
    out.attrs["parts"] = list(order)
    out.attrs["partition"] = part.label
    out.attrs["dropped"] = dropped
    how = (
        "every document has a value"
        if not missing_docs
        else {
            "part": f"{len(missing_docs)} documents without a value in part {missing_label!r}",
            "drop": f"{len(missing_docs)} documents without a value left out ({dropped} tokens)",
        }[missing]
    )
    out.attrs["rule"] = f"partition {part.label}: {len(order)} parts; {how}"
    return out
