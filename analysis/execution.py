"""Run a per-document function over a corpus: pandas in-process, dask processes, or a dask.distributed cluster.

Every path runs the same code on the same partitions (contiguous runs of
documents, :meth:`analysis.corpus.Corpus.partitions`) and combines the
results in the same order, so the three give identical results:

* ``scheduler=None`` -- ``"auto"``: in-process below :data:`AUTO_DASK_DOCS`
  documents, else ``"processes"``;
* ``"pandas"`` (or ``"in-process"``, ``"sync"``): a plain loop in this process;
* ``"processes"`` / ``"threads"``: a ``dask.bag`` of partitions computed with
  dask's local scheduler (``num_workers`` workers);
* ``"tcp://host:port"`` (any ``scheme://``): a ``dask.distributed`` cluster at
  that address (the workers must be able to import ``analysis`` and read the
  corpus's files at the same paths).

Work streams: a partition's documents are read, processed and reduced inside
the worker, one document at a time; only the partition's result (a small
table, or a term counter) travels, and counters are summed in a tree
(``dask.bag.Bag.reduction``), so no step holds every document's tokens.

Progress: ``progress=True`` shows tqdm over documents in-process, dask's
``ProgressBar`` on the local schedulers, ``distributed.progress`` on a cluster.

Interruption: results are returned, never written in place;
:func:`write_table` writes a file atomically (temporary file in the same
folder, then ``os.replace``), so Ctrl-C leaves either the old file or the new
one, never half of one.
"""

from __future__ import annotations

import functools
import math
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["AUTO_DASK_DOCS", "DOCS_PER_PARTITION", "SCHEDULERS", "resolve_scheduler", "run", "write_table"]

#: Below this many documents ``scheduler=None`` runs in-process.
AUTO_DASK_DOCS = 2000
#: Documents per partition (the unit of work and of memory).
DOCS_PER_PARTITION = 32
SCHEDULERS = ("pandas", "processes", "threads", "tcp://host:port")
_IN_PROCESS = {"pandas", "in-process", "sync", "synchronous", "local"}


def resolve_scheduler(scheduler: str | None, n_docs: int) -> str:
    """The scheduler a run uses.

    Args:
        scheduler: As given (None: auto).
        n_docs: How many documents.

    Returns:
        str: ``pandas``, ``processes``, ``threads`` or a cluster address.

    Raises:
        ValueError: An unknown scheduler name.
    """
    if scheduler is None or scheduler == "auto":
        return "pandas" if n_docs < AUTO_DASK_DOCS else "processes"
    if scheduler in _IN_PROCESS:
        return "pandas"
    if scheduler in ("processes", "threads") or "://" in scheduler:
        return scheduler
    raise ValueError(f"unknown scheduler {scheduler!r}: use pandas, processes, threads or tcp://host:port")


def _empty(combine: str, columns: Sequence[str] | None) -> Any:
    return pd.DataFrame(columns=list(columns or [])) if combine == "concat" else Counter()


def _partition(refs: Sequence[Any], func: Callable[[Any], Any], combine: str) -> tuple[Any, list[tuple[str, str]]]:
    """Process one partition in a worker: read each document, apply ``func``, combine.

    Args:
        refs: The partition's document references.
        func: Per-article function (a DataFrame for ``concat``, a mapping of counts for ``sum``).
        combine: ``concat`` or ``sum``.

    Returns:
        tuple: The partition's result and its ``(file, reason)`` read errors.
    """
    from .corpus import load_refs, ref_location

    errors: list[tuple[str, str]] = []
    frames: list[pd.DataFrame] = []
    total: Counter = Counter()
    for ref, got in load_refs(refs):
        if isinstance(got, str):
            errors.append((ref_location(ref), got))
            continue
        out = func(got)
        if combine == "concat":
            frames.append(out)
        else:
            total.update(out)
    if combine == "concat":
        frames = [f for f in frames if len(f)]
        return (pd.concat(frames, ignore_index=True) if frames else None), errors
    return total, errors


def _merge(parts: Sequence[tuple[Any, list]], combine: str) -> tuple[Any, list]:
    """Combine partition results (in order)."""
    errors: list = []
    if combine == "concat":
        frames = []
        for frame, errs in parts:
            if frame is not None and len(frame):
                frames.append(frame)
            errors.extend(errs)
        return (pd.concat(frames, ignore_index=True) if frames else None), errors
    total: Counter = Counter()
    for counts, errs in parts:
        total.update(counts)
        errors.extend(errs)
    return total, errors


def run(corpus: Any, func: Callable[[Any], Any], *, combine: str = "concat", scheduler: str | None = None,
        progress: bool = False, docs_per_partition: int = DOCS_PER_PARTITION, num_workers: int | None = None,
        columns: Sequence[str] | None = None) -> Any:
    """Apply ``func`` to every document of ``corpus`` and combine the results.

    Args:
        corpus: An :class:`analysis.corpus.Corpus`.
        func: A picklable per-article function (module level, or ``functools.partial`` of one):
            returns a DataFrame (``combine="concat"``) or a mapping of counts (``combine="sum"``).
        combine: ``concat`` (tables concatenated in corpus order) or ``sum`` (counters added).
        scheduler: See the module docstring.
        progress: Show a progress bar.
        docs_per_partition: Documents per partition.
        num_workers: Local workers for ``processes``/``threads`` (default: every core).
        columns: Columns of the empty table returned when nothing loads (``concat``).

    Returns:
        pandas.DataFrame | collections.Counter: The combined result. Read failures are
        recorded in ``corpus.errors``.
    """
    if combine not in ("concat", "sum"):
        raise ValueError(f"combine must be concat or sum, not {combine!r}")
    which = resolve_scheduler(scheduler, len(corpus))
    n_parts = max(1, math.ceil(len(corpus) / max(1, docs_per_partition)))
    parts = corpus.partitions(n_parts)
    work = functools.partial(_partition, func=func, combine=combine)
    if not parts:
        result, errors = None, []
    elif which == "pandas":
        result, errors = _run_local(parts, work, combine, progress)
    else:
        result, errors = _run_dask(parts, work, combine, which, progress, num_workers)
    corpus.record_errors(errors)
    if result is None:
        return _empty(combine, columns)
    return result


def _run_local(parts, work, combine, progress):
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=sum(map(len, parts)), unit="doc", desc="documents")
    results: list = []
    try:
        for part in parts:
            results.append(work(part))
            if combine == "sum":  # fold as we go: one counter in memory, not one per partition
                results = [_merge(results, combine)]
            if progress:
                bar.update(len(part))
    finally:
        if progress:
            bar.close()
    return _merge(results, combine)


def _bag_result(parts, work, combine):
    import dask.bag as db

    bag = db.from_sequence(parts, npartitions=len(parts)).map(work)
    if combine == "concat":
        return bag
    merge = functools.partial(_merge_iter, combine=combine)
    return bag.reduction(merge, merge, split_every=8)


def _merge_iter(parts, combine):
    return _merge(list(parts), combine)


def _run_dask(parts, work, combine, scheduler, progress, num_workers):
    bag = _bag_result(parts, work, combine)
    if "://" in scheduler:
        from distributed import Client, progress as dist_progress

        with Client(scheduler, set_as_default=False, timeout="10s") as client:
            future = client.compute(bag)
            if progress:
                dist_progress(future)
            out = future.result()
    else:
        from contextlib import nullcontext

        from dask.diagnostics import ProgressBar

        with (ProgressBar() if progress else nullcontext()):
            out = bag.compute(scheduler=scheduler, num_workers=num_workers)
    if combine == "concat":
        return _merge(out, combine)
    return out


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table atomically: a temporary file in the same folder, then one rename.

    The format follows the suffix: ``.csv``, ``.parquet``, ``.jsonl``/``.json`` (records).
    An interrupted write leaves the previous file (if any) untouched.

    Args:
        table: The table.
        path: Where to write it.

    Returns:
        pathlib.Path: The path written.

    Raises:
        ValueError: An unknown suffix.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet", ".jsonl", ".json"):
        raise ValueError(f"{path}: unknown table format {suffix!r} (use .csv, .parquet, .jsonl or .json)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if suffix == ".csv":
            table.to_csv(tmp, index=False)
        elif suffix == ".parquet":
            table.to_parquet(tmp, index=False)
        else:
            table.to_json(tmp, orient="records", lines=suffix == ".jsonl", force_ascii=False, date_format="iso")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
