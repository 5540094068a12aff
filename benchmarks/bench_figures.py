"""``make figures`` warm against one bare kernel per notebook, one after another.

Run: ``.venv/bin/python benchmarks/bench_figures.py [--repeat 2]``

The goal (issue 16): warm, regenerating every figure is no slower than running, one after another,
one bare kernel per notebook that only imports the stack and loads spaCy. Both are measured in one
run, as whole processes, with the same papermill call the figures use (``kernel_name="python3"``):

1. **bare kernels**: for each notebook of ``notebooks/``, a one-cell notebook that imports pandas,
   matplotlib (Agg), ``analysis`` and loads ``fr_core_news_sm`` (:func:`analysis.text.nlp.load`),
   executed in a fresh kernel; the notebooks one after another;
2. **make figures, warm**: ``python -m analysis figures`` into a temporary folder, once to warm the
   on-disk cache of analysed tables (a private cache folder, not counted), then ``--repeat`` times;
   the notebooks run in parallel, one per core (:func:`analysis.app.notebooks.run_figures`).

Printed: each wall time (best of ``--repeat``), the ratio bare / figures (goal >= 1), and whether
the warm figures are byte-identical to the committed ``figures/``. Interleaved runs; the machine's
load changes the numbers: compare the ratio of one run.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.app.notebooks import notebooks  # noqa: E402
from analysis.paths import FIGURES_DIR  # noqa: E402

BARE_CELL = """\
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import analysis
from analysis.text.nlp import load
nlp = load()
"""

_BARE_RUNNER = """
import sys, papermill as pm
for _ in range(int(sys.argv[2])):
    pm.execute_notebook(sys.argv[1], sys.argv[1] + ".out.ipynb", kernel_name="python3",
                        progress_bar=False, log_output=False)
"""


def bare_notebook(folder: Path) -> Path:
    """The one-cell notebook of a bare kernel."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BARE_CELL)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "bare.ipynb"
    nbformat.write(nb, str(path))
    return path


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process (it must succeed)."""
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def same_files(a: Path, b: Path) -> bool:
    """Whether the two folders hold the same file names with the same bytes."""
    names = sorted(p.name for p in a.iterdir() if p.is_file())
    if names != sorted(p.name for p in b.iterdir() if p.is_file()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each side (best kept)")
    args = parser.parse_args()
    n_notebooks = len(notebooks())
    with tempfile.TemporaryDirectory(prefix="bench-figures-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "ANALYSIS_CACHE_DIR": str(folder / "cache"), "ANALYSIS_CACHE": "on"}
        bare = [sys.executable, "-c", _BARE_RUNNER, str(bare_notebook(folder)), str(n_notebooks)]
        out = folder / "figures"
        figures = [sys.executable, "-m", "analysis", "figures", "--out", str(out)]
        warm_up = timed(figures, env)
        print(f"make figures, cold (fills the cache, not counted): {warm_up:.1f} s")
        bare_times, fig_times = [], []
        for _ in range(args.repeat):  # interleaved
            bare_times.append(timed(bare, env))
            fig_times.append(timed(figures, env))
        identical = same_files(out, FIGURES_DIR)
    b, f = min(bare_times), min(fig_times)
    cores = os.cpu_count() or 1
    print(f"{n_notebooks} bare kernels one after another (import the stack, load spaCy): {b:.1f} s")
    print(f"make figures, warm ({cores} cores, notebooks in parallel): {f:.1f} s")
    print(f"ratio bare / figures: {b / f:.2f}x (goal >= 1)   runs: bare {bare_times}, figures {fig_times}")
    print(f"warm figures byte-identical to figures/: {identical}")


if __name__ == "__main__":
    main()
