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

Work streams: a partition's documents are read and processed inside the
worker, and its results folded there by a :class:`Reducer` (:data:`CONCAT`,
:data:`SUM`, or one of the caller's, such as the vectorised term totals of
:mod:`analysis.corpus_stats`); only that partial travels, and partials are
merged in a tree of fan-in 8 (``dask.bag.Bag.reduction``; in-process, sums
are folded into the result so far as each partial arrives), so no step holds
every document's tokens. Reducers are associative and keep order, so the shape
of the tree never changes a result.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["AUTO_DASK_DOCS", "CONCAT", "DOCS_PER_PARTITION", "Reducer", "SCHEDULERS", "SUM", "resolve_scheduler", "run",
           "write_table"]

#: Below this many documents ``scheduler=None`` runs in-process.
AUTO_DASK_DOCS = 2000
#: Documents per partition (the unit of work and of memory): about 0.2 s of work for news-length
#: documents, well above dask's per-task overhead of about 1 ms, small enough to balance 2+ workers.
DOCS_PER_PARTITION = 128
SCHEDULERS = ("pandas", "processes", "threads", "tcp://host:port")
#: Partials merged at once in dask's reduction tree (``split_every``).
_FAN_IN = 8
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


@dataclass(frozen=True)
class Reducer:
    """How per-document results fold into one result, inside a partition and then across partitions.

    Both steps run where the data is (the partition step in the worker that read
    the documents, the merge step in the tree reduction), so only partials travel.
    ``merge`` must be associative and keep the order of its inputs, so that every
    scheduler, whatever the shape of its tree, gives the same result.

    Attributes:
        partition: Per-document results of one partition (in corpus order) → a partial.
        merge: Partials (in corpus order) → one partial.
        empty: The result when no document loads.
        eager: In-process, merge each partial into the result so far as it arrives (for sums,
            whose result is bounded by the vocabulary, not the corpus); otherwise merge once at the
            end (for tables, which are as large as their rows anyway, and would be copied again at
            every fold).
    """

    partition: Callable[[list[Any]], Any]
    merge: Callable[[list[Any]], Any]
    empty: Callable[[], Any]
    eager: bool = False


def _concat(frames: list[Any]) -> Any:
    frames = [f for f in frames if f is not None and len(f)]
    return pd.concat(frames, ignore_index=True) if frames else None


def _add(counters: list[Any]) -> Counter:
    total: Counter = Counter()
    for c in counters:
        total.update(c)
    return total


#: Tables concatenated in corpus order (empty: a table with ``columns``).
CONCAT = Reducer(partition=_concat, merge=_concat, empty=type(None))
#: Mappings of counts added up.
SUM = Reducer(partition=_add, merge=_add, empty=Counter, eager=True)
_REDUCERS = {"concat": CONCAT, "sum": SUM}


def _reducer(combine: str | Reducer) -> Reducer:
    if isinstance(combine, Reducer):
        return combine
    if combine not in _REDUCERS:
        raise ValueError(f"combine must be concat, sum or a Reducer, not {combine!r}")
    return _REDUCERS[combine]


def _partition(refs: Sequence[Any], func: Callable[[Any], Any], reducer: Reducer) -> tuple[Any, list[tuple[str, str]]]:
    """Process one partition in a worker: read each document, apply ``func``, reduce.

    Args:
        refs: The partition's document references.
        func: Per-article function.
        reducer: How the partition's results fold into one partial.

    Returns:
        tuple: The partition's partial and its ``(file, reason)`` read errors.
    """
    from .corpus import load_refs, ref_location

    errors: list[tuple[str, str]] = []
    outs: list[Any] = []
    for ref, got in load_refs(refs):
        if isinstance(got, str):
            errors.append((ref_location(ref), got))
            continue
        outs.append(func(got))
    return reducer.partition(outs), errors


def _merge(parts: Sequence[tuple[Any, list]], reducer: Reducer) -> tuple[Any, list]:
    """Combine partition partials (in order) and their errors."""
    errors: list = []
    for _, errs in parts:
        errors.extend(errs)
    return reducer.merge([p for p, _ in parts]), errors


def run(corpus: Any, func: Callable[[Any], Any], *, combine: str | Reducer = "concat", scheduler: str | None = None,
        progress: bool = False, docs_per_partition: int | None = None, num_workers: int | None = None,
        columns: Sequence[str] | None = None) -> Any:
    """Apply ``func`` to every document of ``corpus`` and combine the results.

    Args:
        corpus: An :class:`analysis.corpus.Corpus`.
        func: A picklable per-article function (module level, or ``functools.partial`` of one):
            returns a DataFrame (``combine="concat"``), a mapping of counts (``combine="sum"``),
            or what the given :class:`Reducer` takes.
        combine: ``concat`` (tables concatenated in corpus order), ``sum`` (counters added), or a
            :class:`Reducer` of module-level functions.
        scheduler: See the module docstring.
        progress: Show a progress bar.
        docs_per_partition: Documents per partition (default :data:`DOCS_PER_PARTITION`).
        num_workers: Local workers for ``processes``/``threads`` (default: every core).
        columns: Columns of the empty table returned when nothing loads (``concat``).

    Returns:
        Any: The combined result (a DataFrame for ``concat``, a Counter for ``sum``). Read
        failures are recorded in ``corpus.errors``.
    """
    reducer = _reducer(combine)
    which = resolve_scheduler(scheduler, len(corpus))
    size = DOCS_PER_PARTITION if docs_per_partition is None else docs_per_partition
    n_parts = max(1, math.ceil(len(corpus) / max(1, size)))
    parts = corpus.partitions(n_parts)
    work = functools.partial(_partition, func=func, reducer=reducer)
    if not parts:
        result, errors = None, []
    elif which == "pandas":
        result, errors = _run_local(parts, work, reducer, progress)
    else:
        result, errors = _run_dask(parts, work, reducer, which, progress, num_workers)
    corpus.record_errors(errors)
    if result is None:
        return pd.DataFrame(columns=list(columns or [])) if reducer is CONCAT else reducer.empty()
    return result


def _run_local(parts, work, reducer, progress):
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=sum(map(len, parts)), unit="doc", desc="documents")
    acc: list = []
    try:
        for part in parts:
            acc.append(work(part))
            if reducer.eager and len(acc) > 1:  # the result so far and one partial, whatever the corpus size
                acc = [_merge(acc, reducer)]
            if progress:
                bar.update(len(part))
    finally:
        if progress:
            bar.close()
    return _merge(acc, reducer)


def _bag_result(parts, work, reducer):
    import dask.bag as db

    bag = db.from_sequence(parts, npartitions=len(parts)).map(work)
    merge = functools.partial(_merge_iter, reducer=reducer)
    return bag.reduction(merge, merge, split_every=_FAN_IN)


def _merge_iter(parts, reducer):
    return _merge(list(parts), reducer)


def _run_dask(parts, work, reducer, scheduler, progress, num_workers):
    bag = _bag_result(parts, work, reducer)
    if "://" in scheduler:
        from distributed import Client, progress as dist_progress

        with Client(scheduler, set_as_default=False, timeout="10s") as client:
            future = client.compute(bag)
            if progress:
                dist_progress(future)
            return future.result()
    from contextlib import nullcontext

    from dask.diagnostics import ProgressBar

    with (ProgressBar() if progress else nullcontext()):
        return bag.compute(scheduler=scheduler, num_workers=num_workers)


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
