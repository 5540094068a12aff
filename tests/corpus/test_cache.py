"""The on-disk cache of analysed tables: same tables, one atomic entry, corrupt entries rebuilt."""

from __future__ import annotations

import functools
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import cache
from analysis.reading.article import Article

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Titre de l'article\n\nLe drone iranien a volé. Les drones russes aussi, dit-on.\n"


pytestmark = pytest.mark.usefixtures("cache_folder")  # tests/corpus/conftest.py: a cache of the test's own


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


def test_analyse_costly_caches_only_with_lemmas(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    art = Article.from_text(TEXT, doc_id="a")
    plain = cache.analyse_costly(art, lemmas=False, stems=True)
    assert not cache_folder.exists() or not list(cache_folder.iterdir())  # cheap tables: built, not stored
    assert "lemma" not in plain.tokens.columns
    tagged = cache.analyse_costly(art, lemmas=True, stems=True)
    assert [p.suffix for p in cache_folder.iterdir()] == [".tables"]
    monkeypatch.setattr(cache, "build", lambda *a, **k: pytest.fail("rebuilt although cached"))
    same_tables(tagged, cache.analyse_costly(art, lemmas=True, stems=True))


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
        "other-format": raw.replace(f"analysis-tables {cache.FORMAT} ".encode(), b"analysis-tables 0 ", 1),
    }[damage]
    assert broken != raw
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


def probe(article: Article, *, upper: bool = False) -> pd.DataFrame:
    """A per-article analysis counting its calls (named as if it were the library's)."""
    probe.calls += 1  # type: ignore[attr-defined]
    text = article.text.upper() if upper else article.text
    return pd.DataFrame({"doc_id": [article.doc_id], "start": [0], "end": [len(text)], "first": [text[:5]]})


probe.calls = 0  # type: ignore[attr-defined]
probe.__module__ = "analysis.probe"  # cached() keys only the library's own module-level functions


def test_cached_call_is_computed_once_per_key(cache_folder: Path) -> None:
    art = Article.from_text(TEXT, doc_id="a")
    before = probe.calls  # type: ignore[attr-defined]
    first = cache.cached(probe, art)
    again = cache.cached(probe, art)
    pd.testing.assert_frame_equal(first, again)
    assert probe.calls == before + 1  # type: ignore[attr-defined]
    upper = cache.cached(probe, art, upper=True)  # another option: another entry
    assert upper["first"].iloc[0] == "TITRE" and probe.calls == before + 2  # type: ignore[attr-defined]
    dated = Article.from_text(TEXT, doc_id="a", meta={"date": "2022-11-20"})
    cache.cached(probe, dated)  # the metadata (a reference date) is part of the key
    assert probe.calls == before + 3 and len(list(cache_folder.glob("*.tables"))) == 3  # type: ignore[attr-defined]


def test_an_entry_of_another_analysis_is_never_returned(cache_folder: Path) -> None:
    art = Article.from_text(TEXT, doc_id="a")
    tables = cache.analyse(art, lemmas=False)
    entry = cache.entry_path(art, lemmas=False)
    other = next(p for p in cache_folder.glob("*.tables") if p == entry)
    probe_value = cache.cached(probe, art)
    probe_entry = next(p for p in cache_folder.glob("*.tables") if p != other)
    probe_entry.write_bytes(other.read_bytes())  # a valid entry, but of analyse: ignored, rebuilt
    pd.testing.assert_frame_equal(cache.cached(probe, art), probe_value)
    same_tables(cache.analyse(art, lemmas=False), tables)


def test_what_cannot_be_keyed_is_refused() -> None:
    art = Article.from_text(TEXT)
    with pytest.raises(cache.CacheKeyError, match="module-level"):
        cache.cached(lambda a: a.text, art)
    with pytest.raises(cache.CacheKeyError, match="cannot be part of a cache key"):
        cache.cached(probe, art, upper=object())
    with pytest.raises(cache.CacheKeyError, match="keywords"):
        cache.per_document(functools.partial(probe, art))


def test_per_document_is_picklable_and_gives_the_same_tables(cache_folder: Path) -> None:
    from analysis.corpus.sourcing import doc_people

    work = cache.per_document(doc_people)
    assert pickle.loads(pickle.dumps(work)) == work  # goes to dask workers
    art = Article.from_text(TEXT + "\nSelon l'AFP, le drone serait russe.\n", doc_id="b")
    direct, through = doc_people(art), work(art)
    assert set(direct) == set(through) and len(direct["claims"]) > 0
    for name in direct:
        pd.testing.assert_frame_equal(direct[name], through[name])
    work_probe = cache.per_document(functools.partial(probe, upper=True))
    pd.testing.assert_frame_equal(work_probe(art), probe(art, upper=True))


def test_corpus_runs_read_each_document_back(cache_folder: Path, tmp_path: Path) -> None:
    from analysis.corpus import Corpus, sourcing, stats

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "un.txt").write_text(
        "Titre un\n\nLe 3 mars 2021, le ministre a déclaré : « Nous partons. »\n", encoding="utf-8"
    )
    (folder / "deux.txt").write_text("Titre deux\n\nSelon l'AFP, la ville serait tombée hier.\n", encoding="utf-8")
    corpus = Corpus.from_path(folder).materialize()
    first = stats.timelines(corpus), sourcing.people_tables(corpus)
    entries = sorted(cache_folder.glob("*.tables"))
    assert len(entries) == 4  # two documents, two analyses
    stamps = [p.stat().st_mtime_ns for p in entries]
    second = stats.timelines(corpus), sourcing.people_tables(corpus)
    assert [p.stat().st_mtime_ns for p in sorted(cache_folder.glob("*.tables"))] == stamps  # read, not rewritten
    pd.testing.assert_frame_equal(first[0], second[0])
    for name in first[1]:
        pd.testing.assert_frame_equal(first[1][name], second[1][name])
    os.environ["ANALYSIS_CACHE"] = "off"
    try:
        pd.testing.assert_frame_equal(stats.timelines(corpus), first[0])  # the same as never cached
    finally:
        del os.environ["ANALYSIS_CACHE"]
