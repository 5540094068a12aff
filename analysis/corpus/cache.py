"""An on-disk cache of analysed tables: one article's segments, sentences and tokens, built once.

:func:`analyse` is :func:`analysis.text.pipeline.analyse` with a cache in front of it: the
tables of an article are looked up under a key made of

* the sha256 of the article's text (for a ``.txt`` file in UTF-8, its bytes; for HTML or Markdown,
  the text extracted from them), its ``doc_id`` and the options of the call;
* the library's version: ``analysis.__version__`` and a digest of the library's own files (code and
  language data),
  so that any change of the code, released or not, is a new key.

Each entry is one file, ``<key>.tables`` under the cache folder: a header (``analysis-tables``,
format number, the library version that wrote it, the sha256 of the payload) and the pickled tables;
reading an entry marks it as used (its access time, set explicitly), so that
:func:`analysis.corpus.cache_upkeep.prune` can drop the least recently used first. An entry is written to a
temporary file in the same folder and renamed into place (atomic: a reader sees a whole entry or
none, two writers of the same key race harmlessly). An entry whose header or checksum does not
match, or that cannot be read back, is ignored and rebuilt. The folder is safe to delete at any
time; nothing else lives there.

The folder is ``$ANALYSIS_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/analysis-fr`` (by default
``~/.cache/analysis-fr``). ``ANALYSIS_CACHE=off`` turns the cache off (:func:`analyse` then builds
every time). The command line uses it for single-article commands; in a notebook,
``from analysis.corpus.cache import analyse`` gives the same cached tables.
:func:`analyse_costly` goes through the cache only when spaCy's tagger runs (``lemmas``): the
corpus tables' per-document work uses it.

The same cache holds the result of any other costly per-article analysis of the library:
:func:`cached` (``cached(timeline.events, article)``) keys the entry on the function's module and
name and its keyword options as well, and :func:`per_document` wraps a per-document function of a
corpus run (:func:`analysis.corpus.run`) so that every document is analysed once and read back
afterwards (timelines, entities, attributions and the textometry tables of a corpus use it). The
article's identity in a key is its ``doc_id``, the sha256 of its text and of its markup, and its
metadata (a publication date is the reference of every relative date).

Pickle runs code when read: the cache only reads files it wrote itself (checksummed), from a
folder of the user's own. Do not point ``ANALYSIS_CACHE_DIR`` at a folder others can write to.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..reading.article import Article
from ..text.pipeline import Tables, analyse as build

T = TypeVar("T")

__all__ = [
    "FORMAT",
    "MAGIC",
    "CacheKeyError",
    "analyse",
    "cache_dir",
    "cached",
    "enabled",
    "entry_path",
    "library_version",
    "parse_header",
    "per_document",
]

#: Format number of the entries (bumped when their layout changes; 3: the library version in the header).
FORMAT = 3
#: The first word of every entry's header.
MAGIC = b"analysis-tables"
#: The analysis name under which :func:`analyse` keeps its entries (the pipeline's own function).
_ANALYSE = f"{build.__module__}.{build.__qualname__}"
#: Option values a key may hold: their ``repr`` is stable across runs and machines.
_PLAIN = (str, int, float, bool, type(None))


class CacheKeyError(TypeError):
    """A function or an option that cannot be part of a cache key (a lambda, a local function, an object)."""


def enabled() -> bool:
    """Whether the cache is on (``ANALYSIS_CACHE`` is not ``off``, ``0``, ``no`` or ``false``)."""
    return os.environ.get("ANALYSIS_CACHE", "on").strip().lower() not in {"off", "0", "no", "false"}


def cache_dir() -> Path:
    """The cache folder (see the module docstring); not created here."""
    if os.environ.get("ANALYSIS_CACHE_DIR"):
        return Path(os.environ["ANALYSIS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "analysis-fr"


@functools.cache
def library_version() -> str:
    """``analysis.__version__`` and the first 16 hex digits of a sha256 of the library's files.

    Every file under ``analysis/`` counts, its code and its language data (word lists, lexicons,
    rules), but not Python's ``__pycache__``: a changed lexicon is a new key as a changed function is.
    """
    from .. import __version__

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    files = (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _plain(value: Any, where: str) -> Any:
    """``value`` if its ``repr`` can be part of a key (plain values, tuples and frozensets of them)."""
    if isinstance(value, _PLAIN) or (
        isinstance(value, (tuple, frozenset)) and all(isinstance(v, _PLAIN) for v in value)
    ):
        return sorted(value, key=repr) if isinstance(value, frozenset) else value
    raise CacheKeyError(f"{where}: {type(value).__name__} values cannot be part of a cache key")


def _entry(name: str, article: Article, options: dict[str, Any]) -> Path:
    """The entry of ``name`` (an analysis) applied to ``article`` with ``options``."""
    meta = repr(sorted((str(k), repr(v)) for k, v in article.meta.items()))
    key = hashlib.sha256()
    for part in (library_version(), str(FORMAT), name, article.doc_id, meta):
        key.update(part.encode("utf-8", "surrogatepass") + b"\0")
    key.update(repr(sorted((k, _plain(v, f"{name}({k}=)")) for k, v in options.items())).encode() + b"\0")
    key.update(hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).digest())
    key.update(hashlib.sha256((article.markup or "").encode("utf-8", "surrogatepass")).digest())
    return cache_dir() / f"{key.hexdigest()}.tables"


def entry_path(
    article: Article,
    *,
    lemmas: bool = True,
    stems: bool = True,
    include_duplicates: bool = False,
    include_boilerplate: bool = False,
) -> Path:
    """Where the tables of ``article`` analysed with these options (those of :func:`analyse`) are cached."""
    options = {
        "lemmas": lemmas,
        "stems": stems,
        "include_duplicates": include_duplicates,
        "include_boilerplate": include_boilerplate,
    }
    return _entry(_ANALYSE, article, options)


def analyse(
    article: Article | str,
    *,
    lemmas: bool = True,
    stems: bool = True,
    include_duplicates: bool = False,
    include_boilerplate: bool = False,
) -> Tables:
    """:func:`analysis.text.pipeline.analyse`, read from the cache when this article was analysed before.

    Args:
        article: An :class:`~analysis.reading.article.Article` or a raw string.
        lemmas: Add ``lemma`` and ``pos`` (spaCy).
        stems: Add ``stem``.
        include_duplicates: Count duplicate segments too.
        include_boilerplate: Count boilerplate, credits and bylines too.

    Returns:
        Tables: the same tables as the pipeline gives, for this very ``article`` object.
    """
    if isinstance(article, str):
        article = Article.from_text(article)
    options = {
        "lemmas": lemmas,
        "stems": stems,
        "include_duplicates": include_duplicates,
        "include_boilerplate": include_boilerplate,
    }  # the same defaults as entry_path
    if not enabled():
        return build(article, **options)
    path = entry_path(article, **options)
    cached_tables = _read(path, _ANALYSE)
    if isinstance(cached_tables, dict) and set(cached_tables) == {"segments", "sentences", "tokens"}:
        return Tables(article=article, **cached_tables)
    tables = build(article, **options)
    _write(path, _ANALYSE, tables.as_dict())
    return tables


def analyse_costly(article: Article, *, lemmas: bool, stems: bool) -> Tables:
    """The pipeline's tables, through the cache only when spaCy's tagger runs (``lemmas``).

    Without lemmas the tables cost less to build than to read back, so they are built.

    Args:
        article: The article.
        lemmas: Add ``lemma`` and ``pos`` (spaCy): the costly part, cached.
        stems: Add ``stem``.

    Returns:
        Tables: the pipeline's tables for ``article``.
    """
    return (analyse if lemmas else build)(article, lemmas=lemmas, stems=stems)


def _name(func: Callable[..., Any]) -> str:
    """``module.qualname`` of a module-level function of the library (else :class:`CacheKeyError`)."""
    module, qualname = getattr(func, "__module__", None), getattr(func, "__qualname__", None)
    if not module or not qualname or "<" in qualname or not module.startswith("analysis."):
        raise CacheKeyError(f"{func!r}: only module-level functions of the library can be cached")
    return f"{module}.{qualname}"


def cached(func: Callable[..., T], article: Article, /, **options: Any) -> T:
    """``func(article, **options)``, read from the cache when it was computed before.

    Args:
        func: A module-level function of the library taking the article first (e.g.
            :func:`analysis.timeline.events`).
        article: The article.
        **options: Keyword options of ``func``: plain values (str, int, float, bool, None, tuples
            and frozensets of them), which are part of the key.

    Returns:
        The result of ``func``: what it returns, built once and read back afterwards (pickled).

    Raises:
        CacheKeyError: ``func`` is not a module-level function of the library, or an option is not
            a plain value.
    """
    name = _name(func)
    if not enabled():
        return func(article, **options)
    path = _entry(name, article, options)
    missing = object()
    found = _read(path, name, missing)
    if found is not missing:
        return found  # what func returned for this key
    result = func(article, **options)
    _write(path, name, result)
    return result


@dataclass(frozen=True)
class _PerDocument:
    """A per-document function of a corpus run whose results go through the cache (picklable)."""

    func: Callable[..., Any]
    options: tuple[tuple[str, Any], ...]

    def __call__(self, article: Article) -> Any:
        return cached(self.func, article, **dict(self.options))


def per_document(work: Callable[[Article], T]) -> Callable[[Article], T]:
    """``work`` (a per-document function of :func:`analysis.corpus.run`) with every result cached.

    Args:
        work: A module-level function of the library, or a ``functools.partial`` of one with
            keyword options only (plain values).

    Returns:
        A picklable function giving the same results, each document computed once.

    Raises:
        CacheKeyError: ``work`` cannot be keyed (see :func:`cached`).
    """
    if isinstance(work, functools.partial):
        if work.args:
            raise CacheKeyError(f"{work!r}: give the options of a cached function as keywords")
        func, options = work.func, dict(work.keywords)
    else:
        func, options = work, {}
    name = _name(func)
    for key, value in options.items():
        _plain(value, f"{name}({key}=)")
    return _PerDocument(func, tuple(sorted(options.items())))


def _read(path: Path, name: str, missing: Any = None) -> Any:
    """The object of one entry, or ``missing`` when it is absent, of another format or name, or corrupt."""
    try:
        raw = path.read_bytes()
    except OSError:
        return missing
    head, sep, payload = raw.partition(b"\n")
    header = parse_header(head) if sep else None
    if header is None or header[0] != FORMAT or hashlib.sha256(payload).hexdigest() != header[2]:
        return missing
    try:
        stored_name, value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - an unreadable entry is rebuilt, whatever broke it
        return missing
    if stored_name != name:
        return missing
    try:  # used now (its access time; the modification time still says when it was written)
        os.utime(path, ns=(time.time_ns(), os.stat(path).st_mtime_ns))
    except OSError:
        pass
    return value


def parse_header(line: bytes) -> tuple[int, str, str] | None:
    """The format number, library version and payload sha256 of an entry's first line (no newline).

    Args:
        line: The bytes before the entry's first newline.

    Returns:
        tuple[int, str, str] | None: ``(format, version, sha256)``; the version is ``""`` for an entry
        of format 2 (which had none); ``None`` when the line is not an entry's header.
    """
    fields = line.split(b" ")
    if len(fields) not in (3, 4) or fields[0] != MAGIC or not fields[1].isdigit():
        return None
    try:
        words = [field.decode("ascii") for field in fields[1:]]
    except UnicodeDecodeError:
        return None
    if len(words[-1]) != 64 or words[-1].strip("0123456789abcdef"):
        return None  # not a sha256
    return int(words[0]), words[1] if len(words) == 3 else "", words[-1]


def _write(path: Path, name: str, value: Any) -> None:
    """Write one entry atomically; a cache that cannot be written is skipped, never an error."""
    try:
        payload = pickle.dumps((name, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a result that cannot be pickled is simply not cached
        return
    head = b" ".join(
        [MAGIC, str(FORMAT).encode(), library_version().encode(), hashlib.sha256(payload).hexdigest().encode()]
    )
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".tables")
        with os.fdopen(fd, "wb") as fh:
            fh.write(head + b"\n" + payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
