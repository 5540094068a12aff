"""Progress bars: on stderr, and only for work that lasts over PROGRESS_DELAY seconds."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus
from analysis.corpus import execution
from analysis.corpus.execution import run


def _corpus(tmp_path: Path, n: int) -> Corpus:
    root = tmp_path / "c"
    root.mkdir()
    for i in range(n):
        (root / f"a{i}.txt").write_text(f"Titre {i}\n\nLe conseil a voté la motion {i}.\n", encoding="utf-8")
    return Corpus.from_path(root)


def _slow(article) -> pd.DataFrame:
    time.sleep(0.4)
    return pd.DataFrame({"doc_id": [article.doc_id]})


def _fast(article) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [article.doc_id]})


def test_quick_work_shows_no_bar_and_long_work_shows_one_on_stderr(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(execution, "PROGRESS_DELAY", 0.5)  # the same rule as the 2 s default, quicker
    corpus = _corpus(tmp_path, 4)
    assert len(run(corpus, _fast, scheduler="pandas", progress=True, docs_per_partition=1)) == 4
    quick = capsys.readouterr()
    assert quick.err == "" and quick.out == ""
    assert len(run(corpus, _slow, scheduler="pandas", progress=True, docs_per_partition=1)) == 4
    slow = capsys.readouterr()
    assert "documents" in slow.err and "4/4" in slow.err and slow.out == ""
