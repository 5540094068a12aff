"""Looking after the cache folder: what it holds, and pruning it (the ``cache`` command).

The cache of :mod:`analysis.corpus.cache` keys every entry on the library's version (its code and
language data), so each change of the library starts new entries and the old ones are never read
again. Nothing removes them by itself: :func:`prune` does, when asked, and says what it removed
and by which rule. Each file of the folder is in one state:

=================  ==========================================================================
``current``        an entry this library reads (format and library version match)
``other-version``  an entry written by another version of the library (never read by this one)
``other-format``   an entry of another format (an older library; never read)
``corrupt``        a ``.tables`` file whose header cannot be read, or (``verify=True``) whose
                   payload does not match its checksum (it would be ignored and rebuilt)
``unfinished``     a writer's temporary file older than :data:`UNFINISHED_AFTER` seconds (a
                   writer that died); younger ones are being written, and are left
``writing``        a writer's temporary file younger than that
``not-ours``       any other file: never removed, whatever the option
=================  ==========================================================================

:func:`prune` removes the entries no reader of this library will use (``other-version``,
``other-format``, ``corrupt``, ``unfinished``), then, with ``max_bytes``, the least recently used
``current`` entries (reading an entry marks it as used) until the folder's entries fit; with
``everything=True`` every entry and temporary file the cache wrote. A file that cannot be removed
is reported with the reason, never silently kept.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import cache

__all__ = [
    "ENTRY_COLUMNS",
    "STALE",
    "UNFINISHED_AFTER",
    "CacheFolderError",
    "entries",
    "prune",
    "summary",
]

#: A temporary file older than this (seconds) belongs to a writer that died.
UNFINISHED_AFTER = 3600.0
#: The states :func:`prune` always removes.
STALE = ("other-version", "other-format", "corrupt", "unfinished")
#: The states of the files the cache wrote (everything but ``not-ours``).
OURS = ("current", *STALE, "writing")
#: The columns of :func:`entries` (and of :func:`prune`'s table, which adds ``removed_by`` and ``error``).
ENTRY_COLUMNS = ["file", "state", "bytes", "last_used"]
_HEADER_BYTES = 256


class CacheFolderError(ValueError):
    """The cache folder cannot be looked after: it is a file, or it cannot be listed."""


@dataclass(frozen=True)
class _File:
    path: Path
    state: str
    size: int
    used: float


def _state(path: Path, *, now: float, verify: bool) -> str:
    if path.name.startswith(".tmp-") and path.name.endswith(".tables"):
        return "unfinished" if now - path.stat().st_mtime > UNFINISHED_AFTER else "writing"
    if path.suffix != ".tables":
        return "not-ours"
    with path.open("rb") as fh:
        head = fh.readline(_HEADER_BYTES)
        header = cache.parse_header(head.rstrip(b"\n")) if head.endswith(b"\n") else None
        if header is None:
            return "not-ours" if not head.startswith(cache.MAGIC) else "corrupt"
        if header[0] != cache.FORMAT:
            return "other-format"
        if header[1] != cache.library_version():
            return "other-version"
        if verify:
            digest = hashlib.sha256()
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
            if digest.hexdigest() != header[2]:
                return "corrupt"
    return "current"


def _files(folder: Path, *, verify: bool) -> list[_File]:
    if folder.exists() and not folder.is_dir():
        raise CacheFolderError(f"{folder}: the cache folder is not a folder")
    if not folder.exists():
        return []
    now = time.time()
    found = []
    try:
        paths = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise CacheFolderError(f"{folder}: cannot list the cache folder ({exc.strerror or exc})") from exc
    for path in paths:
        try:
            stat = path.stat()
            used = max(stat.st_atime, stat.st_mtime)  # the cache sets the access time when it reads an entry
            state = _state(path, now=now, verify=verify)
            if state != "not-ours":  # looking is not using: the access time goes back to what it was
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            found.append(_File(path, state, stat.st_size, used))
        except OSError:
            continue  # removed meanwhile (another process pruning or writing)
    return found


def _table(files: list[_File]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "file": [f.path.name for f in files],
            "state": [f.state for f in files],
            "bytes": pd.array([f.size for f in files], dtype="int64"),
            "last_used": [pd.Timestamp(f.used, unit="s", tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ") for f in files],
        },
        columns=ENTRY_COLUMNS,
    )


def entries(*, folder: str | Path | None = None, verify: bool = False) -> pd.DataFrame:
    """Every file of the cache folder with its state (see the module docstring).

    Args:
        folder: The folder (default: :func:`analysis.corpus.cache.cache_dir`).
        verify: Read each current entry whole and check its payload against its checksum.

    Returns:
        pd.DataFrame: ``file``, ``state``, ``bytes``, ``last_used`` (UTC, ISO 8601), by file name;
        empty when the folder does not exist.

    Raises:
        CacheFolderError: The path is not a folder, or cannot be listed.
    """
    return _table(_files(Path(folder) if folder is not None else cache.cache_dir(), verify=verify))


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """Files and bytes by state, in the module's order of states (states with no file left out).

    Args:
        table: :func:`entries`' table.

    Returns:
        pd.DataFrame: ``state``, ``files``, ``bytes``; a last row ``all`` sums them.
    """
    order = [*OURS, "not-ours"]
    grouped = table.groupby("state")["bytes"].agg(["size", "sum"])
    rows = [(s, int(grouped.loc[s, "size"]), int(grouped.loc[s, "sum"])) for s in order if s in grouped.index]
    rows.append(("all", int(table.shape[0]), int(table["bytes"].sum())))
    out = pd.DataFrame(rows, columns=["state", "files", "bytes"])
    return out.astype({"files": "int64", "bytes": "int64"})


def prune(
    *,
    folder: str | Path | None = None,
    max_bytes: int | None = None,
    everything: bool = False,
) -> pd.DataFrame:
    """Remove what no reader of this library will use, then the least recently used beyond ``max_bytes``.

    Args:
        folder: The folder (default: :func:`analysis.corpus.cache.cache_dir`).
        max_bytes: Keep the entries of the cache (current ones and files being written) within this
            many bytes, removing the least recently used current entries first.
        everything: Remove every entry and temporary file the cache wrote (``not-ours`` files stay).

    Returns:
        pd.DataFrame: one row per file considered for removal: :data:`ENTRY_COLUMNS`, ``removed_by``
        (the rule: ``stale``, ``max-bytes``, ``everything``) and ``error`` (empty when removed, else
        why it could not be).

    Raises:
        CacheFolderError: The path is not a folder, or cannot be listed.
        ValueError: ``max_bytes`` is negative.
    """
    if max_bytes is not None and max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, got {max_bytes}")
    files = _files(Path(folder) if folder is not None else cache.cache_dir(), verify=True)
    chosen: list[tuple[_File, str]] = []
    if everything:
        chosen = [(f, "everything") for f in files if f.state in OURS]
    else:
        chosen = [(f, "stale") for f in files if f.state in STALE]
        if max_bytes is not None:
            kept = [f for f in files if f.state in ("current", "writing")]
            total = sum(f.size for f in kept)
            for f in sorted((f for f in kept if f.state == "current"), key=lambda f: (f.used, f.path.name)):
                if total <= max_bytes:
                    break
                chosen.append((f, "max-bytes"))
                total -= f.size
    errors = []
    for f, _ in chosen:
        try:
            f.path.unlink()
            errors.append("")
        except FileNotFoundError:
            errors.append("")  # gone meanwhile: removed all the same
        except OSError as exc:
            errors.append(exc.strerror or str(exc))
    out = _table([f for f, _ in chosen])
    out["removed_by"] = [rule for _, rule in chosen]
    out["error"] = errors
    return out
