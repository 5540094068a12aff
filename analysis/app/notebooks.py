"""Regenerate every figure by executing the notebooks headless (papermill).

Each notebook in ``notebooks/`` whose name starts with two digits is run top
to bottom in a fresh kernel, several at a time (one per core by default: each
kernel is a process of its own; the notebooks are independent and each writes
into its own folder, so the files are the same as run one after another), with its ``parameters`` cell overridden
(``article_path``, ``figures_dir``, and ``corpus_path`` where the cell
declares it: notebook 05, on the demo corpus ``data/wikinews-fr-100`` by
default). The notebooks write into a private staging folder inside the output
folder; only when every notebook has succeeded are the files moved into
place, one atomic rename each. A failed or interrupted run leaves the previous
figures untouched.

Interruption: Ctrl-C (``KeyboardInterrupt``), or any exception a signal
handler raises (the command line turns SIGTERM into one), kills the running
kernels, waits for their threads and removes the staging folder; so does a
failed notebook, whose error is the one raised.
While the files are moved into place, SIGINT and SIGTERM are held and
delivered right after, so an interruption never leaves a mixed set of old and
new figures. Kernels run in a session of their own, with their standard output
and error discarded: their own log lines (not the notebooks' outputs, which
papermill records) are not the command's.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from concurrent import futures as _futures
from dataclasses import dataclass
from pathlib import Path

from ..paths import ARTICLE, DEMO_CORPUS, FIGURES_DIR, NOTEBOOKS_DIR

__all__ = ["FigureRunError", "NotebookRun", "notebooks", "run_figures"]


class FigureRunError(RuntimeError):
    """A notebook failed; the message names it, the cell and the error."""


@dataclass(frozen=True)
class NotebookRun:
    """What one notebook produced.

    Attributes:
        notebook: The notebook's path.
        figures: The figure files written, in the output folder.
        executed: The executed copy of the notebook, if one was kept.
    """

    notebook: Path
    figures: tuple[Path, ...]
    executed: Path | None = None


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks in reading order.

    Args:
        folder: Where the notebooks are.

    Returns:
        list[pathlib.Path]: ``NN_*.ipynb`` files, sorted.
    """
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _declares(nb: Path, name: str) -> bool:
    """Whether the notebook's ``parameters`` cell assigns ``name``."""
    import nbformat

    cells = nbformat.read(nb, as_version=4).cells
    return any("parameters" in c.metadata.get("tags", []) and re.search(rf"^{name}\s*=", c.source, re.M) for c in cells)


def run_figures(
    *,
    out_dir: str | Path = FIGURES_DIR,
    article: str | Path = ARTICLE,
    corpus: str | Path = DEMO_CORPUS,
    only: list[str] | None = None,
    executed_dir: str | Path | None = None,
    extra_parameters: dict | None = None,
    jobs: int | None = None,
) -> list[NotebookRun]:
    """Execute the notebooks and write their figures into ``out_dir``.

    Args:
        out_dir: Where the PNG and SVG files go.
        article: The article every notebook reads (its ``article_path`` parameter).
        corpus: The corpus of the notebooks that declare ``corpus_path`` (notebook 05);
            the demo corpus ``data/wikinews-fr-100`` by default.
        only: Notebook name prefixes to run (e.g. ``["01"]``); all if None.
        executed_dir: Keep the executed notebooks there (for reports).
        extra_parameters: More papermill parameters for every notebook.
        jobs: How many notebooks run at once (default: one per core, at most one per notebook).

    Returns:
        list[NotebookRun]: One entry per notebook run.

    Raises:
        FigureRunError: A notebook failed or none was found.
        ValueError: ``jobs`` is below 1.
    """
    out_dir = Path(out_dir).resolve()
    article = Path(article).resolve()
    selected = [nb for nb in notebooks() if not only or any(nb.name.startswith(p) for p in only)]
    if not selected:
        raise FigureRunError(f"no notebook matches {only!r} in {NOTEBOOKS_DIR}")
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    jobs = min(len(selected), jobs or os.cpu_count() or 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    kernels = _Kernels()
    pool = _futures.ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="notebook")
    try:
        futures = []
        for nb in selected:
            params = {
                "article_path": str(article),
                "figures_dir": str(staging / nb.stem),
                **({"corpus_path": str(Path(corpus).resolve())} if _declares(nb, "corpus_path") else {}),
                **(extra_parameters or {}),
            }
            futures.append(pool.submit(_execute, nb, staging, params, kernels))
        done, _ = _futures.wait(futures, return_when=_futures.FIRST_EXCEPTION)
        failed = [f for f in futures if f in done and f.exception() is not None]
        if failed:
            first_error = failed[0].exception()
            assert first_error is not None  # failed holds the futures that raised
            raise first_error
        runs: list[tuple[Path, list[Path], Path | None]] = [f.result() for f in futures]  # in reading order
        with _signals_held():
            return _place(runs, out_dir, executed_dir)
    except BaseException:
        for f in futures:
            f.cancel()
        kernels.kill()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(staging, ignore_errors=True)


def _execute(nb: Path, staging: Path, params: dict, kernels: _Kernels) -> tuple[Path, list[Path], Path]:
    """Run one notebook (in a worker thread; its kernel is a process of its own)."""
    import papermill as pm

    fig_dir = Path(params["figures_dir"])
    fig_dir.mkdir()
    executed = staging / f"{nb.stem}.executed.ipynb"
    try:
        pm.execute_notebook(
            str(nb),
            str(executed),
            parameters=params,
            kernel_name="python3",
            cwd=str(nb.parent),
            progress_bar=False,
            log_output=False,
            kernel_manager_class=kernels.manager_class(),
        )
    except pm.PapermillExecutionError as exc:
        raise FigureRunError(f"{nb.name}: cell {exc.exec_count} failed: {exc.ename}: {exc.evalue}") from None
    except Exception as exc:  # the kernel died or timed out: its own output is discarded, so say so here
        if kernels.killed:
            raise FigureRunError(f"{nb.name}: stopped") from None
        reason = (str(exc).strip().splitlines() or [""])[0]
        raise FigureRunError(f"{nb.name}: the kernel failed ({type(exc).__name__}: {reason})") from None
    return nb, sorted(fig_dir.iterdir()), executed


def _place(
    runs: list[tuple[Path, list[Path], Path | None]], out_dir: Path, executed_dir: str | Path | None
) -> list[NotebookRun]:
    """Move every run's figures into ``out_dir`` (one rename each) and keep the executed notebooks."""
    results = []
    for nb, files, executed in runs:
        placed = []
        for f in files:
            target = out_dir / f.name
            os.replace(f, target)
            placed.append(target)
        kept = None
        if executed_dir is not None:
            Path(executed_dir).mkdir(parents=True, exist_ok=True)
            kept = Path(executed_dir) / nb.name
            shutil.copyfile(executed, kept)  # type: ignore[arg-type]  # set by the run above
        results.append(NotebookRun(notebook=nb, figures=tuple(placed), executed=kept))
    return results


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for the duration (main thread only), then deliver the first one received."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []

    def hold(signum, frame) -> None:
        held.append(signum)

    previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if held:
            signal.raise_signal(held[0])


class _Kernels:
    """The kernels of one run, so that an interruption or a failure can stop them all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set = set()
        self.killed = False
        self._class: type | None = None

    def manager_class(self) -> type:
        """jupyter_client's kernel manager, launching kernels with standard output and error discarded,
        each kernel recorded here while it runs."""
        if self._class is None:
            from jupyter_client.manager import AsyncKernelManager

            kernels = self

            class QuietKernelManager(AsyncKernelManager):
                async def start_kernel(self, **kw):  # type: ignore[override]  # noqa: D102 (jupyter_client's hook; kw reach Popen)
                    kw.setdefault("stdout", subprocess.DEVNULL)
                    kw.setdefault("stderr", subprocess.DEVNULL)
                    out = await super().start_kernel(**kw)
                    kernels.add(self)
                    return out

            self._class = QuietKernelManager
        return self._class

    def add(self, manager) -> None:
        with self._lock:
            if self.killed:  # started after the run was stopped
                _kill(manager)
            self._live.add(manager)

    def kill(self) -> None:
        """Kill every kernel of the run (their threads then fail and return)."""
        with self._lock:
            self.killed = True
            for manager in self._live:
                _kill(manager)


def _kill(manager) -> None:
    process = getattr(getattr(manager, "provisioner", None), "process", None)
    if process is not None and process.poll() is None:
        process.kill()
