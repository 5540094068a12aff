"""The on-disk cache of analysed tables: same tables, one atomic entry, corrupt entries rebuilt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import cache
from analysis.reading.article import Article

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Titre de l'article\n\nLe drone iranien a volé. Les drones russes aussi, dit-on.\n"


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(folder))
    monkeypatch.delenv("ANALYSIS_CACHE", raising=False)
    return folder


def same_tables(a, b) -> None:
    for name in ("segments", "sentences", "tokens"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_second_call_reads_the_entry(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    art = Article.from_text(TEXT, doc_id="a")
    first = cache.analyse(art, lemmas=False)
    entries = list(cache_folder.iterdir())
    assert [p.suffix for p in entries] == [".tables"]  # one entry, no temporary file left
    monkeypatch.setattr(cache, "build", lambda *a, **k: pytest.fail("rebuilt although cached"))
    again = cache.analyse(art, lemmas=False)
    same_tables(first, again)
    assert again.article is art


def test_key_follows_text_doc_id_options_and_version(monkeypatch: pytest.MonkeyPatch) -> None:
    art = Article.from_text(TEXT, doc_id="a")
    base = cache.entry_path(art, lemmas=False)
    assert cache.library_version().startswith("0.") and "+" in cache.library_version()  # version + digest
    assert cache.entry_path(Article.from_text(TEXT + "x", doc_id="a"), lemmas=False) != base
    assert cache.entry_path(Article.from_text(TEXT, doc_id="b"), lemmas=False) != base
    assert cache.entry_path(art, lemmas=True) != base
    monkeypatch.setattr(cache, "library_version", lambda: "9.9+changed")
    assert cache.entry_path(art, lemmas=False) != base


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "other-format"])
def test_corrupt_entry_is_ignored_and_rebuilt(damage: str) -> None:
    art = Article.from_text(TEXT, doc_id="a")
    good = cache.analyse(art, lemmas=False)
    path = cache.entry_path(art, lemmas=False)
    raw = path.read_bytes()
    broken = {
        "truncate": raw[: len(raw) // 2],
        "flip": raw[:-10] + bytes([raw[-10] ^ 0xFF]) + raw[-9:],
        "garbage": b"\x00\xff" * 50,
        "empty": b"",
        "other-format": raw.replace(b"analysis-tables 1 ", b"analysis-tables 0 ", 1),
    }[damage]
    path.write_bytes(broken)
    rebuilt = cache.analyse(art, lemmas=False)
    same_tables(good, rebuilt)
    assert path.read_bytes() == raw  # rewritten whole


def test_off_writes_nothing(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANALYSIS_CACHE", "off")
    cache.analyse(Article.from_text(TEXT), lemmas=False)
    assert not cache_folder.exists()


def test_unwritable_folder_still_gives_the_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(blocker / "cache"))
    tables = cache.analyse(Article.from_text(TEXT), lemmas=False)
    assert len(tables.tokens) > 5


def test_cli_reuses_the_cache_with_the_same_output(cache_folder: Path) -> None:
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(cache_folder)}
    run = [sys.executable, "-m", "analysis", "terms", "data/article.txt", "--json"]
    first = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert len(list(cache_folder.glob("*.tables"))) == 1
    second = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    off = subprocess.run(
        run, cwd=ROOT, env={**env, "ANALYSIS_CACHE": "off"}, capture_output=True, text=True, check=True
    )
    assert first.stdout == second.stdout == off.stdout and '"term"' in first.stdout
