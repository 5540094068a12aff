"""An on-disk cache of analysed tables: one article's segments, sentences and tokens, built once.

:func:`analyse` is :func:`analysis.text.pipeline.analyse` with a cache in front of it: the
tables of an article are looked up under a key made of

* the sha256 of the article's text (for a ``.txt`` file in UTF-8, its bytes; for HTML or Markdown,
  the text extracted from them), its ``doc_id`` and the options of the call;
* the library's version: ``analysis.__version__`` and a digest of the library's own source files,
  so that any change of the code, released or not, is a new key.

Each entry is one file, ``<key>.tables`` under the cache folder: a header (``analysis-tables``,
format number, the sha256 of the payload) and the pickled tables. An entry is written to a
temporary file in the same folder and renamed into place (atomic: a reader sees a whole entry or
none, two writers of the same key race harmlessly). An entry whose header or checksum does not
match, or that cannot be read back, is ignored and rebuilt. The folder is safe to delete at any
time; nothing else lives there.

The folder is ``$ANALYSIS_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/analysis-fr`` (by default
``~/.cache/analysis-fr``). ``ANALYSIS_CACHE=off`` turns the cache off (:func:`analyse` then builds
every time). The command line uses it for single-article commands; in a notebook,
``from analysis.corpus.cache import analyse`` gives the same cached tables.

Pickle runs code when read: the cache only reads files it wrote itself (checksummed), from a
folder of the user's own. Do not point ``ANALYSIS_CACHE_DIR`` at a folder others can write to.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from ..reading.article import Article
from ..text.pipeline import Tables, analyse as build

__all__ = ["FORMAT", "analyse", "cache_dir", "enabled", "entry_path", "library_version"]

#: Format number of the entries (bumped when their layout changes).
FORMAT = 1
_MAGIC = b"analysis-tables"


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
    """``analysis.__version__`` and the first 16 hex digits of a sha256 of the library's ``.py`` files."""
    from .. import __version__

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:16]}"


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
    key = hashlib.sha256()
    for part in (library_version(), str(FORMAT), article.doc_id, repr(sorted(options.items()))):
        key.update(part.encode("utf-8") + b"\0")
    key.update(hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).digest())
    return cache_dir() / f"{key.hexdigest()}.tables"


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
    cached = _read(path)
    if cached is not None:
        return Tables(article=article, **cached)
    tables = build(article, **options)
    _write(path, tables)
    return tables


def _read(path: Path) -> dict | None:
    """The tables of one entry, or None when it is missing, of another format, or corrupt."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, sep, payload = raw.partition(b"\n")
    fields = head.split(b" ")
    if not sep or len(fields) != 3 or fields[0] != _MAGIC or fields[1] != str(FORMAT).encode():
        return None
    if hashlib.sha256(payload).hexdigest().encode() != fields[2]:
        return None
    try:
        tables = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - an unreadable entry is rebuilt, whatever broke it
        return None
    if not isinstance(tables, dict) or set(tables) != {"segments", "sentences", "tokens"}:
        return None
    return tables


def _write(path: Path, tables: Tables) -> None:
    """Write one entry atomically; a cache that cannot be written is skipped, never an error."""
    payload = pickle.dumps(tables.as_dict(), protocol=pickle.HIGHEST_PROTOCOL)
    head = b" ".join([_MAGIC, str(FORMAT).encode(), hashlib.sha256(payload).hexdigest().encode()])
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
