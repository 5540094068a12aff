"""Looking after the cache folder: states of its files, pruning by rule, the ``cache`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.corpus import cache, cache_upkeep
from analysis.reading.article import Article

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Titre de l'article\n\nLe drone iranien a volé. Les drones russes aussi, dit-on.\n"


@pytest.fixture(autouse=True)
def folder(cache_folder: Path) -> Path:
    """The test's own cache folder (tests/corpus/conftest.py), for every test of this file."""
    return cache_folder


def entry(doc_id: str) -> Path:
    """Write one real entry (the cache's own writer) and return its path."""
    art = Article.from_text(TEXT, doc_id=doc_id)
    cache.analyse(art, lemmas=False)
    return cache.entry_path(art, lemmas=False)


def states(folder: Path) -> dict[str, str]:
    return dict(zip(*[cache_upkeep.entries(folder=folder, verify=True)[c] for c in ("file", "state")], strict=True))


def test_every_state_is_told_apart(folder: Path) -> None:
    current = entry("a")
    raw = current.read_bytes()
    head, _, payload = raw.partition(b"\n")
    fmt, version, digest = cache.parse_header(head)
    assert (fmt, version) == (cache.FORMAT, cache.library_version())  # the writer records its version
    (folder / "v.tables").write_bytes(head.replace(version.encode(), b"0.0.1+0000000000000000") + b"\n" + payload)
    (folder / "f.tables").write_bytes(b"analysis-tables 2 " + digest.encode() + b"\n" + payload)
    (folder / "c.tables").write_bytes(head + b"\n" + payload[:-3] + b"xyz")
    (folder / "h.tables").write_bytes(b"analysis-tables 3 broken header\n")
    (folder / ".tmp-old.tables").write_bytes(b"half")
    old = time.time() - cache_upkeep.UNFINISHED_AFTER - 60
    os.utime(folder / ".tmp-old.tables", (old, old))
    (folder / ".tmp-new.tables").write_bytes(b"half")
    (folder / "notes.txt").write_text("mine")
    (folder / "other.tables").write_bytes(b"something else entirely\n")
    assert states(folder) == {
        current.name: "current",
        "v.tables": "other-version",
        "f.tables": "other-format",
        "c.tables": "corrupt",  # checksum: only seen when verifying
        "h.tables": "corrupt",
        ".tmp-old.tables": "unfinished",
        ".tmp-new.tables": "writing",
        "notes.txt": "not-ours",
        "other.tables": "not-ours",
    }
    quick = cache_upkeep.entries(folder=folder)
    assert quick.loc[quick["file"] == "c.tables", "state"].item() == "current"  # header only
    summary = cache_upkeep.summary(quick).set_index("state")
    assert summary.loc["all", "files"] == 9 and summary.loc["all", "bytes"] == quick["bytes"].sum()


def test_prune_removes_stale_files_by_rule_and_keeps_others(folder: Path) -> None:
    current = entry("a")
    head, _, payload = current.read_bytes().partition(b"\n")
    (folder / "v.tables").write_bytes(head.replace(b" 0.", b" 7.", 1) + b"\n" + payload)
    (folder / "c.tables").write_bytes(head + b"\n" + payload[:-1])
    (folder / "notes.txt").write_text("mine")
    removed = cache_upkeep.prune(folder=folder)
    assert sorted(removed["file"]) == ["c.tables", "v.tables"]
    assert set(removed["removed_by"]) == {"stale"} and set(removed["error"]) == {""}
    assert sorted(p.name for p in folder.iterdir()) == sorted([current.name, "notes.txt"])
    assert cache.analyse(Article.from_text(TEXT, doc_id="a"), lemmas=False) is not None  # still read back


def test_max_bytes_drops_least_recently_used_first(folder: Path) -> None:
    a, b, c = entry("a"), entry("b"), entry("c")
    for k, path in enumerate((a, b, c)):
        os.utime(path, (1_000_000 + k, 1_000_000 + k))  # a oldest, c newest
    cache.analyse(Article.from_text(TEXT, doc_id="a"), lemmas=False)  # reading a marks it used now
    removed = cache_upkeep.prune(folder=folder, max_bytes=a.stat().st_size + c.stat().st_size)
    assert list(removed["file"]) == [b.name] and list(removed["removed_by"]) == ["max-bytes"]
    assert sorted(p.name for p in folder.iterdir()) == sorted([a.name, c.name])
    assert list(cache_upkeep.prune(folder=folder, max_bytes=0)["file"]) == [c.name, a.name]
    assert not list(folder.iterdir())


def test_everything_spares_files_that_are_not_the_caches(folder: Path) -> None:
    entry("a")
    (folder / ".tmp-new.tables").write_bytes(b"half")
    (folder / "notes.txt").write_text("mine")
    removed = cache_upkeep.prune(folder=folder, everything=True)
    assert len(removed) == 2 and set(removed["removed_by"]) == {"everything"}
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_missing_folder_is_empty_and_a_file_is_an_error(folder: Path, tmp_path: Path) -> None:
    assert cache_upkeep.entries(folder=folder).empty
    assert cache_upkeep.prune(folder=folder).empty
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(cache_upkeep.CacheFolderError, match="blocker: the cache folder is not a folder"):
        cache_upkeep.entries(folder=blocker)
    with pytest.raises(ValueError, match="max_bytes"):
        cache_upkeep.prune(folder=folder, max_bytes=-1)


def run(*argv: str, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(folder)}
    return subprocess.run(
        [sys.executable, "-m", "analysis", "cache", *argv], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_cli_reports_and_prunes(folder: Path) -> None:
    current = entry("a")
    (folder / "f.tables").write_bytes(b"analysis-tables 2 " + b"0" * 64 + b"\n")
    shown = run("--json", "--list", folder=folder)
    assert shown.returncode == 0, shown.stderr
    out = json.loads(shown.stdout)
    assert out["cache"][0]["folder"] == str(folder) and out["cache"][0]["library_version"] == cache.library_version()
    assert {r["file"]: r["state"] for r in out["files"]} == {current.name: "current", "f.tables": "other-format"}
    pruned = json.loads(run("--prune", "--json", folder=folder).stdout)
    assert [(r["file"], r["removed_by"]) for r in pruned["removed"]] == [("f.tables", "stale")]
    assert [r["state"] for r in pruned["states"]] == ["current", "all"]
    cleared = run("--clear", folder=folder)
    assert cleared.returncode == 0 and "everything" in cleared.stdout and not list(folder.iterdir())
