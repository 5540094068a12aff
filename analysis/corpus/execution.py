"""Run a per-document function over a corpus: pandas in-process, dask processes, or a dask.distributed cluster.

Every path runs the same code on the same partitions (contiguous runs of
documents, :meth:`analysis.corpus.Corpus.partitions`) and combines the
results in the same order, so the three give identical results:

* ``scheduler=None`` -- ``"auto"``: in-process below :data:`AUTO_DASK_DOCS`
  documents; from there, the first two partitions run in-process (the second is timed), and the rest goes
  to worker processes only when the time it would take here is worth starting them (more than
  s × w / (w − 1) seconds for w workers). On Linux, in a process with no other Python thread
  (:func:`_fork_safe`), the workers are forked from this one: they start with its imports, tables
  and memos, so s is :data:`AUTO_FORK_SECONDS` and a corpus of a few seconds of counting is
  already spread over every core. Elsewhere they are ``"processes"``, spawned, each importing the
  stack (s is :data:`AUTO_WORKER_SECONDS`), so cheap work (counting) stays in this process and
  costly work (spaCy's parser) is spread. Either way the partials merge in corpus order, so the
  result is the in-process one;
* ``"pandas"`` (or ``"none"``, ``"in-process"``, ``"sync"``): a plain loop in this process;
* ``"processes"`` / ``"threads"``: a ``dask.bag`` of partitions computed with
  dask's local scheduler (``num_workers`` workers);
* ``"tcp://host:port"`` (port 8786 when left out): a ``dask.distributed``
  cluster at that address (the workers must be able to import ``analysis`` and
  read the corpus's files at the same paths).

A scheduler that cannot be used fails fast with a :class:`SchedulerError`
(one line): an unknown name, a malformed address or another scheme than
``tcp://``, a host name that does not resolve within :data:`CONNECT_TIMEOUT`
seconds, a port that refuses the connection or does not answer within that
time, or a server there that is not a dask scheduler
(:func:`check_scheduler`, called by :func:`run` before any work).

Work streams: a partition's documents are read and processed inside the
worker, and its results folded there by a :class:`Reducer` (:data:`CONCAT`,
:data:`SUM`, or one of the caller's, such as the vectorised term totals of
:mod:`analysis.corpus_stats`); only that partial travels, and partials are
merged in a tree of fan-in 8 (``dask.bag.Bag.reduction``; in-process, sums
are folded into the result so far as each partial arrives), so no step holds
every document's tokens. Reducers are associative and keep order, so the shape
of the tree never changes a result.

Progress: ``progress=True`` shows tqdm over documents in-process, dask's
``ProgressBar`` on the local schedulers (both on stderr, and only once the work has lasted
:data:`PROGRESS_DELAY` seconds), ``distributed.progress`` on a cluster.

Interruption: results are returned, never written in place;
:func:`write_table` writes a file atomically (temporary file in the same
folder, then ``os.replace``), so Ctrl-C, a signal or a full disk leaves either
the old file or the new one, never half of one; :func:`check_output` checks a
path before any work. On the ``processes`` scheduler the workers ignore SIGINT
(a Ctrl-C in a terminal reaches the whole process group): the parent stops
them when it is interrupted, so no worker prints a traceback or outlives it.
"""

from __future__ import annotations

import functools
import math
import os
import re
import signal
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "AUTO_DASK_DOCS",
    "AUTO_FORK_SECONDS",
    "AUTO_WORKER_SECONDS",
    "CONCAT",
    "CONNECT_TIMEOUT",
    "DOCS_PER_PARTITION",
    "OutputError",
    "OutputPathError",
    "PROGRESS_DELAY",
    "Reducer",
    "SCHEDULERS",
    "SUM",
    "SchedulerError",
    "TABLE_FORMATS",
    "TABLES",
    "check_output",
    "check_output_dir",
    "check_scheduler",
    "resolve_scheduler",
    "run",
    "write_table",
]

#: Below this many documents ``scheduler=None`` runs in-process.
AUTO_DASK_DOCS = 512
#: What starting local worker processes costs, in seconds of this process's work (each imports
#: pandas, numpy, pyarrow and the library, loads the lemma table, and its partials travel back:
#: about 4 s on a laptop core, measured with benchmarks/bench_counting.py).
AUTO_WORKER_SECONDS = 4.0
#: What forking local worker processes costs, in seconds of this process's work: a forked worker
#: shares this process's memory and what it has loaded, so its start is the fork itself and its
#: partials' trip back (:func:`_fork_safe` says when auto may fork).
AUTO_FORK_SECONDS = 0.5
#: Documents per partition (the unit of work and of memory): about 0.2 s of work for news-length
#: documents, well above dask's per-task overhead of about 1 ms, small enough to balance 2+ workers.
DOCS_PER_PARTITION = 128
SCHEDULERS = ("pandas", "processes", "threads", "tcp://host:port")
#: Partials merged at once in dask's reduction tree (``split_every``).
_FAN_IN = 8
_IN_PROCESS = {"pandas", "none", "in-process", "sync", "synchronous", "local"}
#: Seconds a cluster address has to resolve, to accept a connection, and to answer as a dask scheduler.
CONNECT_TIMEOUT = 3.0

#: Seconds of work before a progress bar appears (on stderr): quick commands print none.
PROGRESS_DELAY = 2.0
_DASK_PORT = 8786
_ADDRESS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>.*)")
_HOST_PORT = re.compile(r"(?:\[(?P<ip6>[0-9A-Fa-f:.]+)\]|(?P<host>[A-Za-z0-9._-]+))(?::(?P<port>[^:]*))?")


class SchedulerError(ValueError):
    """A scheduler that cannot be used (unknown, malformed, unreachable); the message is one line."""


def _cluster_address(scheduler: str) -> tuple[str, int]:
    """Host and port of a ``tcp://host[:port]`` address.

    Raises:
        SchedulerError: Another scheme, or a malformed host or port.
    """
    m = _ADDRESS.fullmatch(scheduler)
    if not m:
        raise SchedulerError(f"unknown scheduler {scheduler!r}: use pandas, processes, threads or tcp://host:port")
    if m["scheme"].lower() != "tcp":
        raise SchedulerError(
            f"scheduler {scheduler!r}: unsupported scheme {m['scheme'] + '://'!r} "
            "(only tcp://host:port addresses are supported)"
        )
    hp = _HOST_PORT.fullmatch(m["rest"])
    if not hp:
        raise SchedulerError(f"scheduler {scheduler!r}: malformed address (expected tcp://host:port)")
    port = hp["port"]
    if port is None:
        return hp["ip6"] or hp["host"], _DASK_PORT
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise SchedulerError(f"scheduler {scheduler!r}: malformed port {port!r} (expected 1-65535)")
    return hp["ip6"] or hp["host"], int(port)


def resolve_scheduler(scheduler: str | None, n_docs: int) -> str:
    """The scheduler a run uses.

    Args:
        scheduler: As given (None: auto).
        n_docs: How many documents.

    Returns:
        str: ``pandas``, ``processes``, ``threads`` or a cluster address (``tcp://host:port``).

    Raises:
        SchedulerError: An unknown scheduler name or a malformed address (a ``ValueError``).
    """
    if scheduler is None or scheduler == "auto":
        return "pandas" if n_docs < AUTO_DASK_DOCS else "processes"
    if not isinstance(scheduler, str):
        raise SchedulerError(f"unknown scheduler {scheduler!r}: use pandas, processes, threads or tcp://host:port")
    if scheduler.lower() in _IN_PROCESS:
        return "pandas"
    if scheduler in ("processes", "threads"):
        return scheduler
    host, port = _cluster_address(scheduler)
    return f"tcp://[{host}]:{port}" if ":" in host else f"tcp://{host}:{port}"


def _resolve_host(host: str, port: int, timeout: float) -> list:
    """``getaddrinfo`` with a time limit (a resolver without network can wait much longer than we do)."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["ok"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            box["error"] = exc

    worker = threading.Thread(target=work, name="analysis-resolve", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise SchedulerError(f"tcp://{host}:{port}: the host name did not resolve within {timeout:g} s")
    if "error" in box:
        raise SchedulerError(f"tcp://{host}:{port}: the host name does not resolve ({_reason(box['error'])})")
    return box["ok"]


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text.splitlines()[0] if text.strip() else type(exc).__name__


def _connect(which: str, host: str, port: int, timeout: float) -> None:
    """Open (and close) a TCP connection to the address within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last: BaseException | None = None
    for family, kind, proto, _, addr in _resolve_host(host, port, timeout):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        try:
            with socket.socket(family, kind, proto) as sock:
                sock.settimeout(left)
                sock.connect(addr)
            return
        except OSError as exc:
            last = exc
    if isinstance(last, ConnectionRefusedError):
        raise SchedulerError(f"{which}: connection refused (no dask scheduler listens there)")
    if last is None or isinstance(last, (TimeoutError, socket.timeout)):
        raise SchedulerError(f"{which}: no answer within {timeout:g} s (host unreachable or port filtered)")
    raise SchedulerError(f"{which}: cannot connect ({_reason(last)})")


async def _identity(address: str, timeout: float) -> Any:
    from distributed.comm import connect

    comm = await connect(address, timeout=timeout)
    try:
        await comm.write({"op": "identity", "reply": True})
        return await comm.read()
    finally:
        comm.abort()


def _ask_identity(which: str, timeout: float) -> None:
    """Ask the server for its identity as dask's own clients do, in a thread of its own, within ``timeout``.

    A port that accepts connections but is not a dask scheduler (a web server, a silent listener)
    would otherwise keep ``distributed.Client`` waiting far past its own timeout, and its
    half-made client would wait again at exit.
    """
    import asyncio

    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["ok"] = asyncio.run(asyncio.wait_for(_identity(which, timeout), timeout))
        except BaseException as exc:  # anything the server sends back, even an absurd frame length
            box["error"] = exc

    worker = threading.Thread(target=work, name="analysis-scheduler-probe", daemon=True)
    worker.start()
    worker.join(timeout + 1)
    got = box.get("ok")
    if worker.is_alive() or isinstance(box.get("error"), (TimeoutError, asyncio.TimeoutError)):
        raise SchedulerError(f"{which}: no dask scheduler answered within {timeout:g} s")
    if "error" in box:
        error = box["error"]
        detail = (
            f"it closed the connection: {_reason(error)}"
            if isinstance(error, OSError)
            else "what it sends is not dask's protocol"
        )
        raise SchedulerError(f"{which}: not a dask scheduler ({detail})")
    if not isinstance(got, dict) or got.get("type") != "Scheduler":
        kind = got.get("type") if isinstance(got, dict) else type(got).__name__
        raise SchedulerError(f"{which}: not a dask scheduler (it answers as {kind!r})")


def check_scheduler(scheduler: str | None, *, timeout: float = CONNECT_TIMEOUT) -> str | None:
    """Check a scheduler before any work: a known name, or a cluster address that answers.

    For ``tcp://host:port`` the host is resolved and a TCP connection opened, each
    within ``timeout`` seconds, then the server is asked for its identity (dask's
    ``identity`` message) within ``timeout`` seconds more: it must answer as a
    dask scheduler. Every wait runs in a daemon thread, so nothing is left to
    wait for at exit.

    Args:
        scheduler: As given to :func:`run` (None: auto).
        timeout: Seconds for each of: resolving the host, connecting, the scheduler's answer.

    Returns:
        str | None: The scheduler, normalised (None stays None).

    Raises:
        SchedulerError: An unknown name, a malformed address, another scheme than ``tcp://``, a host
            name that does not resolve, a port that refuses or does not answer in time, or a server
            there that is not a dask scheduler.
    """
    if scheduler is None or scheduler == "auto":
        return None
    which = resolve_scheduler(scheduler, 0)
    if not which.startswith("tcp://"):
        return which
    host, port = _cluster_address(which)
    _connect(which, host, port, timeout)
    _ask_identity(which, timeout)
    return which


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


def _concat_tables(parts: list[Any]) -> dict[str, pd.DataFrame]:
    """Dicts of named tables → one dict, each table concatenated in order (an empty one keeps its columns)."""
    names: dict[str, list[pd.DataFrame]] = {}
    for part in parts:
        for name, frame in (part or {}).items():
            names.setdefault(name, []).append(frame)
    out = {}
    for name, frames in names.items():
        full = [f for f in frames if len(f)]
        out[name] = frames[0] if not full else full[0] if len(full) == 1 else pd.concat(full, ignore_index=True)
    return out


#: Tables concatenated in corpus order (empty: a table with ``columns``).
CONCAT = Reducer(partition=_concat, merge=_concat, empty=type(None))
#: Mappings of counts added up.
SUM = Reducer(partition=_add, merge=_add, empty=Counter, eager=True)
#: Dicts of named tables (several tables per document), each concatenated in corpus order.
TABLES = Reducer(partition=_concat_tables, merge=_concat_tables, empty=dict)
_REDUCERS = {"concat": CONCAT, "sum": SUM, "tables": TABLES}


def _reducer(combine: str | Reducer) -> Reducer:
    if isinstance(combine, Reducer):
        return combine
    if combine not in _REDUCERS:
        raise ValueError(f"combine must be concat, sum, tables or a Reducer, not {combine!r}")
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
    from ..reading.corpus import load_refs, ref_location

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


def run(
    corpus: Any,
    func: Callable[[Any], Any],
    *,
    combine: str | Reducer = "concat",
    scheduler: str | None = None,
    progress: bool = False,
    docs_per_partition: int | None = None,
    num_workers: int | None = None,
    columns: Sequence[str] | None = None,
) -> Any:
    """Apply ``func`` to every document of ``corpus`` and combine the results.

    Args:
        corpus: An :class:`analysis.corpus.Corpus`.
        func: A picklable per-article function (module level, or ``functools.partial`` of one):
            returns a DataFrame (``combine="concat"``), a mapping of counts (``combine="sum"``),
            a dict of named DataFrames (``combine="tables"``), or what the given :class:`Reducer` takes.
        combine: ``concat`` (tables concatenated in corpus order), ``sum`` (counters added),
            ``tables`` (each named table concatenated in corpus order), or a :class:`Reducer` of
            module-level functions.
        scheduler: See the module docstring.
        progress: Show a progress bar.
        docs_per_partition: Documents per partition (default :data:`DOCS_PER_PARTITION`).
        num_workers: Local workers for ``processes``/``threads`` (default: every core).
        columns: Columns of the empty table returned when nothing loads (``concat``).

    Returns:
        Any: The combined result (a DataFrame for ``concat``, a Counter for ``sum``, a dict for
        ``tables``). Read failures are recorded in ``corpus.errors``.

    Raises:
        SchedulerError: The scheduler cannot be used (see :func:`check_scheduler`).
    """
    reducer = _reducer(combine)
    which = resolve_scheduler(check_scheduler(scheduler), len(corpus))
    size = DOCS_PER_PARTITION if docs_per_partition is None else docs_per_partition
    n_parts = max(1, math.ceil(len(corpus) / max(1, size)))
    parts = corpus.partitions(n_parts)
    work = functools.partial(_partition, func=func, reducer=reducer)
    first: list = []  # the partitions auto ran here to time them
    workers = num_workers or os.cpu_count() or 1
    if parts and which == "processes" and scheduler in (None, "auto"):
        for _ in range(min(2, len(parts))):  # the second one timed: the first also loads models and tables
            t0 = time.perf_counter()
            first.append(work(parts[len(first)]))
            took = time.perf_counter() - t0
        rest = took * (len(parts) - len(first))
        fork = _fork_safe()  # forked workers start with this process's imports, tables and memos
        start_up = AUTO_FORK_SECONDS if fork else AUTO_WORKER_SECONDS
        if workers < 2 or rest <= start_up * workers / (workers - 1):
            which = "pandas"  # cheaper here than starting the workers
        elif fork:
            which = "fork"
        parts = parts[len(first) :]
    if not parts:
        result, errors = _merge(first, reducer) if first else (None, [])
    elif which == "pandas":
        result, errors = _run_local(parts, work, reducer, progress)
    elif which == "fork":
        result, errors = _run_forked(parts, work, reducer, progress, workers)
    else:
        result, errors = _run_dask(parts, work, reducer, which, progress, num_workers)
    if first and parts:
        result, errors = _merge([*first, (result, errors)], reducer)
    corpus.record_errors(errors)
    if result is None:
        return pd.DataFrame(columns=list(columns or [])) if reducer is CONCAT else reducer.empty()
    return result


def _run_local(parts, work, reducer, progress):
    return _fold(parts, map(work, parts), reducer, progress)


def _fold(parts, partials, reducer, progress):
    """Merge the partials of ``parts`` (an iterable of them, in corpus order) as each arrives.

    With ``progress``, a bar over documents on stderr, shown only once the work has lasted
    :data:`PROGRESS_DELAY` seconds (short runs stay quiet). An eager reducer holds the result so far
    and one partial, whatever the corpus size.
    """
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=sum(map(len, parts)), unit="doc", desc="documents", delay=PROGRESS_DELAY, file=sys.stderr)
    acc: list = []
    try:
        for part, partial in zip(parts, partials):
            acc.append(partial)
            if reducer.eager and len(acc) > 1:
                acc = [_merge(acc, reducer)]
            if bar is not None:
                bar.update(len(part))
    finally:
        if bar is not None:
            bar.close()
    return _merge(acc, reducer)


def _stop_workers(pool) -> None:
    """Terminate a process pool's workers (interrupted, or an error): none finishes its partition first."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.join(5)


def _fork_safe() -> bool:
    """Whether auto may fork its workers from this process (Linux, and no other Python thread running).

    A forked child holds only the thread that forked it: a lock another thread held at that moment
    stays locked there forever, so auto forks only a single-threaded process; elsewhere (macOS and
    Windows spawn by default, and fork is unsafe with their system libraries) it spawns.
    """
    import multiprocessing

    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def _forked_worker_init() -> None:
    """Pool initializer of the forked workers: Ctrl-C reaches the whole process group; the parent acts on it.

    A fork inherits the parent's Python signal handlers (the CLI's turn SIGTERM into an exception):
    a worker is stopped with SIGTERM, so it takes the default action again and ends at once.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_forked(parts, work, reducer, progress, workers: int):
    """The partitions on ``workers`` processes forked from this one, results merged in corpus order.

    A forked worker starts with what this process has loaded (the library, the lemma tables, the
    memos of the partitions auto ran here), so it costs milliseconds where a spawned one imports the
    stack; its hash seed is this process's, so sets iterate as they do here. The workers are forked
    before any progress thread starts, and an interruption (or any error) terminates them.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        min(workers, len(parts)), mp_context=multiprocessing.get_context("fork"), initializer=_forked_worker_init
    )
    try:
        pool.submit(int).result()  # fork every worker now (Python forks them all at the first task)
        return _fold(parts, pool.map(work, parts), reducer, progress)  # in corpus order, whatever finishes first
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
        return _run_cluster(bag, scheduler, progress)
    from contextlib import nullcontext

    from dask.diagnostics import ProgressBar

    with ProgressBar(minimum=PROGRESS_DELAY, out=sys.stderr) if progress else nullcontext():
        if scheduler == "processes":
            return _run_processes(bag, num_workers)
        return bag.compute(scheduler=scheduler, num_workers=num_workers)


def _run_cluster(bag, address: str, progress: bool):
    from distributed import Client, progress as dist_progress

    try:
        client = Client(address, set_as_default=False, timeout=f"{CONNECT_TIMEOUT:g}s")
    except Exception as exc:  # it answered check_scheduler a moment ago, then went away
        raise SchedulerError(
            f"{address}: not a dask scheduler, or it did not answer within {CONNECT_TIMEOUT:g} s ({_reason(exc)})"
        ) from None
    with client:
        future = client.compute(bag)
        if progress:
            dist_progress(future)
        return future.result()


def _worker_ignores_sigint() -> None:
    """Pool initializer: Ctrl-C reaches the whole process group; only the parent acts on it."""
    from dask.multiprocessing import initialize_worker_process

    initialize_worker_process()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_processes(bag, num_workers: int | None):
    """dask's ``processes`` scheduler on a pool of our own, whose workers are stopped if we are interrupted.

    dask's own pool is shut down with ``wait=True`` on any exception, which waits for the running
    partitions; here an interruption (or any error) terminates the workers first.
    """
    from concurrent.futures import ProcessPoolExecutor

    from dask.multiprocessing import get_context

    if os.environ.get("PYTHONHASHSEED") in (None, "0"):  # as dask does for its own pool
        os.environ["PYTHONHASHSEED"] = "6640"
    pool = ProcessPoolExecutor(
        num_workers or os.cpu_count() or 1, mp_context=get_context(), initializer=_worker_ignores_sigint
    )
    try:
        return bag.compute(scheduler="processes", pool=pool)
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


#: Table formats :func:`write_table` writes, by suffix.
TABLE_FORMATS = (".csv", ".parquet", ".jsonl", ".json")


class OutputPathError(ValueError):
    """An output path that cannot be written (checked before any work); the message is one line."""


class OutputError(OSError):
    """Writing an output failed (a full disk, a file too large); nothing partial is left. One line."""


def _probe_folder(folder: Path, what: str) -> None:
    """Create and remove a file in ``folder``: the one test of writability that holds for root too."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
    except OSError as exc:
        raise OutputPathError(f"{what}: cannot write in {folder} ({_reason(exc)})") from None
    os.close(fd)
    os.unlink(probe)


def check_output(path: str | Path, *, formats: Sequence[str] = TABLE_FORMATS) -> Path:
    """Check a table output path before any work is done.

    Args:
        path: Where a table will be written.
        formats: The suffixes accepted.

    Returns:
        pathlib.Path: The path.

    Raises:
        OutputPathError: An unknown suffix, a folder or a device or other non-regular file at that
            path, a parent folder that does not exist, or one this process cannot write in.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        raise OutputPathError(f"{path}: is a folder (expected a file name ending in {', '.join(formats)})")
    if suffix not in formats:
        raise OutputPathError(
            f"{path}: unknown table format {suffix or '(no suffix)'!r} (use {', '.join(formats[:-1])} or {formats[-1]})"
        )
    if path.exists() and not path.is_file():
        raise OutputPathError(f"{path}: not a regular file (it would be replaced)")
    parent = path.parent
    if not parent.exists():
        raise OutputPathError(f"{path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputPathError(f"{path}: {parent} is not a folder")
    _probe_folder(parent, str(path))
    return path


def check_output_dir(path: str | Path) -> Path:
    """Check an output folder before any work: a folder (or a new name in an existing one) we can write in.

    Args:
        path: The folder.

    Returns:
        pathlib.Path: The folder.

    Raises:
        OutputPathError: A file at that path, a parent that does not exist, or no write permission.
    """
    path = Path(path)
    if path.exists():
        if not path.is_dir():
            raise OutputPathError(f"{path}: not a folder")
        _probe_folder(path, str(path))
        return path
    parent = path.parent
    if not parent.is_dir():
        raise OutputPathError(f"{path}: the folder {parent} does not exist")
    _probe_folder(parent, str(path))
    return path


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table atomically: a temporary file in the same folder, then one rename.

    The format follows the suffix: ``.csv``, ``.parquet``, ``.jsonl``/``.json`` (records).
    An interrupted or failed write (a signal, a full disk) leaves the previous file (if any)
    untouched and no temporary file behind.

    Args:
        table: The table.
        path: Where to write it.

    Returns:
        pathlib.Path: The path written.

    Raises:
        ValueError: An unknown suffix (:class:`OutputPathError`), or a path that exists and is not
            a regular file (a device such as ``/dev/full`` is never replaced).
        OutputError: Writing failed (its message names the file and the reason).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_FORMATS:
        raise OutputPathError(f"{path}: unknown table format {suffix!r} (use .csv, .parquet, .jsonl or .json)")
    if path.exists() and not path.is_file():
        raise OutputPathError(f"{path}: not a regular file (it would be replaced)")
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
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        error = OutputError(f"{path}: cannot write ({_reason(exc)}); nothing was written")
        error.errno = exc.errno
        raise error from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
