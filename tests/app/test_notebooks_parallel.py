"""make figures runs the notebooks several at a time; the files, their order and the errors are those of
one-after-another (papermill replaced by a stand-in: no kernel, so the test is about the scheduling)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from analysis.app import notebooks as figures


def fake_papermill(monkeypatch: pytest.MonkeyPatch, *, fail: str | None = None) -> list[tuple[str, float, float]]:
    import papermill as pm

    seen: list[tuple[str, float, float]] = []
    lock = threading.Lock()

    def execute(nb, out, parameters, **kw):
        t0 = time.monotonic()
        name = Path(nb).stem
        if fail and name.startswith(fail):
            raise pm.PapermillExecutionError(
                cell_index=1, exec_count=3, source="x", ename="ValueError", evalue="boom", traceback=[]
            )
        time.sleep(0.6)
        Path(parameters["figures_dir"], f"{name[:2]}_fig.svg").write_text(name)
        Path(out).write_text("{}")
        with lock:
            seen.append((name, t0, time.monotonic()))

    monkeypatch.setattr(pm, "execute_notebook", execute)
    return seen


def test_notebooks_run_at_once_and_files_land_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = fake_papermill(monkeypatch)
    runs = figures.run_figures(out_dir=tmp_path, only=["01", "02", "03"], jobs=3)
    assert [r.notebook.name[:2] for r in runs] == ["01", "02", "03"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01_fig.svg", "02_fig.svg", "03_fig.svg"]
    starts, ends = [s for _, s, _ in seen], [e for _, _, e in seen]
    assert max(starts) < min(ends)  # all three were running at the same time


def test_one_failure_is_the_error_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "01_fig.svg").write_text("previous")
    fake_papermill(monkeypatch, fail="02")
    with pytest.raises(figures.FigureRunError, match=r"02_.*cell 3 failed: ValueError: boom"):
        figures.run_figures(out_dir=tmp_path, only=["01", "02", "03"], jobs=2)
    assert [p.name for p in tmp_path.iterdir()] == ["01_fig.svg"]  # no staging folder, nothing replaced
    assert (tmp_path / "01_fig.svg").read_text() == "previous"


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        figures.run_figures(out_dir=tmp_path, only=["01"], jobs=0)
