"""Many articles: a :class:`Corpus` of documents from a folder, a JSONL, CSV or Parquet file, or Articles.

A corpus is a list of light references (:class:`DocRef`: a ``doc_id``, where the
document is and how to read it), found by scanning the source; documents are
read only when an analysis needs them, partition by partition (see
:mod:`analysis.execution`), so memory does not grow with the corpus.

Sources:

* a **folder**, searched recursively: ``.txt`` (read with
  :func:`analysis.article.load_article`, so a ``<stem>.meta.json`` sidecar is
  used), ``.md`` (front matter between ``---`` lines, YAML, or ``+++`` lines,
  TOML-ish ``key = "value"``; the document's raw text is what follows it) and
  ``.html``/``.htm`` (see below). Entries whose name starts with ``.`` or
  ``_`` are skipped, and so are the files that describe a collection rather
  than belong to it: ``README*``, ``LICENSE*``, ``LICENCE*``, ``SOURCE*``,
  ``CHANGELOG*``, ``COPYING*``. Other extensions are ignored.
* a **JSONL** (``.jsonl``/``.ndjson``), **CSV** or **Parquet** file, one
  document per line/row: key/column ``text`` (required) and optional
  ``title``, ``date``, ``author``, ``outlet``, ``url``, ``doc_id``.
* a **list of** :class:`~analysis.article.Article`.

HTML pages are reduced to the article's text and metadata (title, date,
author, outlet = site name, url) with ``trafilatura.bare_extraction``. The
date is the dateline the extracted text prints in its first
:data:`DATELINE_CHARS` characters ("22 mai 2012. -", "1er août 2012": the
article's own statement, :func:`dateline`), else ``htmldate``'s (trafilatura's
date finder: ``<meta>`` tags, then ``extensive_search`` in the page, all
offline; it misreads "1er août 2012" as the year alone, hence the dateline first). The extracted text IS the
document's raw text: every offset indexes it. The Article keeps the source
path, and ``sha256`` is the digest of the HTML file's bytes.

``doc_id``: the path relative to the folder, without extension (``2012/mai/a``);
for a table file the ``doc_id`` column/key when given, else ``<stem>/<row>``
(row counted from 0); in a list, the Article's own ``doc_id``. Duplicates are
disambiguated in source order with ``~2``, ``~3`` (``a`` from ``a.txt`` and
``a~2`` from ``a.html``).

Dates, in order: the document's metadata (sidecar, front matter, column, HTML
page); else the **file-name rule**: the last ``YYYY-MM-DD``, ``YYYY_MM_DD`` or
``YYYYMMDD`` in the file name, years 1500-2099, that is a real calendar date
and is not part of a longer run of digits (``...EXP-1888-08-03-a-i0030.txt`` →
1888-08-03). ``meta["date_source"]`` says which.

A file (or a line/row) that cannot be read is reported in :attr:`Corpus.errors`
(``file``: where, with ``:line`` or ``#row`` in table files; ``reason``: why, without
repeating where), logged with a warning, and skipped; the rest goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .article import Article, ArticleError, date_from_filename, load_article, parse_date
from .html_page import DATELINE_CHARS, dateline

__all__ = ["Corpus", "CorpusError", "DocRef", "ERROR_COLUMNS", "META_COLUMNS", "date_from_filename", "dateline", "load_refs", "ref_location"]

log = logging.getLogger(__name__)

ERROR_COLUMNS = ["file", "reason"]
#: Columns of :meth:`Corpus.documents`.
META_COLUMNS = ["doc_id", "title", "date", "date_source", "author", "outlet", "url", "source", "format",
                "sha256", "characters"]

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
#: File-name stems (upper case prefixes) that describe a collection rather than belong to it.
NOT_ARTICLES = ("README", "LICENSE", "LICENCE", "SOURCE", "CHANGELOG", "COPYING")
META_KEYS = ("title", "date", "author", "outlet", "url")

_ISO_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ].*)?$")


class CorpusError(ArticleError):
    """The corpus source itself cannot be used (no such path, unknown format, no document)."""


@dataclass(frozen=True)
class DocRef:
    """Where one document is and how to read it (small and picklable: sent to workers).

    Attributes:
        doc_id: The document's identifier in the corpus.
        source: The file it is in (``""`` for an in-memory Article).
        format: ``txt``, ``md``, ``html``, ``jsonl``, ``csv``, ``parquet`` or ``article``.
        row: Line (JSONL, 0-based, non-blank lines) or row (CSV, Parquet) in a table file.
        offset: Byte offset of the line in a JSONL file.
        article: The Article itself, for in-memory corpora.
    """

    doc_id: str
    source: str
    format: str
    row: int | None = None
    offset: int | None = None
    article: Article | None = field(default=None, compare=False, repr=False)


def _clean_date(value: Any) -> str | None:
    """A metadata date as ``YYYY[-MM[-DD]]`` (an ISO timestamp is cut to its date), or None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    m = _ISO_PREFIX.match(str(value).strip())
    if not m:
        return None
    try:
        parse_date(m.group(1))
    except ArticleError:
        return None
    return m.group(1)


def _with_meta(article: Article, extra: dict[str, Any], *, name: str | None) -> Article:
    """The article with metadata completed: cleaned date, file-name date, ``date_source``."""
    meta = dict(article.meta)
    meta.update({k: v for k, v in extra.items() if v not in (None, "")})
    date = _clean_date(meta.get("date"))
    source = meta.get("date_source") if date else None
    if date and not source:
        source = "metadata"
    if not date and name:
        date = date_from_filename(name)
        source = "file name" if date else None
    meta["date"] = date
    meta["date_source"] = source
    if date:
        meta["date_status"] = "known"
        meta["date_precision"] = parse_date(date)[1]
    else:
        meta["date_status"] = "unknown: no publication date in metadata or file name"
    return dataclasses.replace(article, meta=meta)


# --------------------------------------------------------------------------
# Readers, one per format
# --------------------------------------------------------------------------


def _read_file(ref: DocRef) -> Article:
    """A ``.txt``/``.md``/``.html`` file: exactly what :func:`load_article` gives, plus where it is."""
    article = load_article(ref.source, doc_id=ref.doc_id, check_language=False)
    article.meta["source"] = ref.source
    return article


def _record_article(record: dict[str, Any], ref: DocRef) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{ref.source}: row {ref.row}: no text (the \"text\" field is missing or empty)")
    meta = {k: record.get(k) for k in META_KEYS}
    meta = {k: (None if v is None or (isinstance(v, float) and v != v) else v) for k, v in meta.items()}
    meta = {k: (v if k == "date" or v is None else str(v)) for k, v in meta.items()}
    date = meta.pop("date", None)
    article = Article.from_text(text, meta={k: v for k, v in meta.items() if v}, doc_id=ref.doc_id)
    return _with_meta(article, {"date": date, "date_source": "column" if _clean_date(date) else None,
                                "source": f"{ref.source}#{ref.row}", "format": ref.format}, name=None)


def _read_jsonl_rows(source: str, refs: Sequence[DocRef]) -> Iterator[tuple[DocRef, Article | str]]:
    with open(source, "rb") as fh:
        for ref in refs:
            fh.seek(ref.offset or 0)
            line = fh.readline()
            try:
                record = json.loads(line.decode("utf-8"))
                yield ref, _record_article(record, ref)
            except (ValueError, UnicodeDecodeError) as exc:
                yield ref, f"{source}: line {ref.row + 1}: {str(exc).splitlines()[0]}"
            except ArticleError as exc:
                yield ref, str(exc)


def _read_table_rows(source: str, refs: Sequence[DocRef], fmt: str) -> Iterator[tuple[DocRef, Article | str]]:
    wanted = {ref.row: ref for ref in refs}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(source)
        base = 0
        for g in range(pf.num_row_groups):
            n = pf.metadata.row_group(g).num_rows
            rows = [r for r in range(base, base + n) if r in wanted]
            if rows:
                part = pf.read_row_group(g).to_pandas()
                for r in rows:
                    yield from _row(part.iloc[r - base].to_dict(), wanted[r])
            base += n
        return
    base = 0
    for chunk in pd.read_csv(source, chunksize=2000, dtype=str, keep_default_na=False):
        for r in range(base, base + len(chunk)):
            if r in wanted:
                yield from _row(chunk.iloc[r - base].to_dict(), wanted[r])
        base += len(chunk)


def _row(record: dict[str, Any], ref: DocRef) -> Iterator[tuple[DocRef, Article | str]]:
    record = {k: (None if v == "" else v) for k, v in record.items()}
    try:
        yield ref, _record_article(record, ref)
    except ArticleError as exc:
        yield ref, str(exc)


_FILE_READERS = {"txt": _read_file, "md": _read_file, "html": _read_file}


def load_refs(refs: Iterable[DocRef]) -> Iterator[tuple[DocRef, Article | str]]:
    """Read documents; a failure gives a one-line reason instead of an Article.

    Documents in one table file are read in one pass over it.

    Args:
        refs: The documents to read.

    Yields:
        tuple[DocRef, Article | str]: Each reference with its Article, or the reason it failed.
    """
    pending: dict[tuple[str, str], list[DocRef]] = {}
    for ref in refs:
        if ref.format == "article":
            yield ref, ref.article
        elif ref.format in _FILE_READERS:
            try:
                yield ref, _FILE_READERS[ref.format](ref)
            except ArticleError as exc:
                yield ref, str(exc)
            except Exception as exc:  # any library failure on one file must not stop the rest
                yield ref, f"{ref.source}: cannot be read ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
        else:
            pending.setdefault((ref.source, ref.format), []).append(ref)
    for (source, fmt), group in pending.items():
        try:
            if fmt == "jsonl":
                yield from _read_jsonl_rows(source, group)
            else:
                yield from _read_table_rows(source, group, fmt)
        except (OSError, ValueError) as exc:
            for ref in group:
                yield ref, f"{source}: cannot be read ({str(exc).splitlines()[0]})"


# --------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------


def _is_skipped(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(p.startswith((".", "_")) for p in parts):
        return True
    return path.name.upper().startswith(NOT_ARTICLES) or path.name.endswith(".meta.json")


def _unique(ids: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    taken = set(ids)
    for i in ids:
        if i not in seen:
            seen[i] = 1
            out.append(i)
            continue
        n = seen[i]
        while True:
            n += 1
            cand = f"{i}~{n}"
            if cand not in taken:
                break
        seen[i] = n
        taken.add(cand)
        out.append(cand)
    return out


def _scan_folder(root: Path) -> tuple[list[DocRef], list[tuple[str, str]]]:
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and not _is_skipped(p, root))
    errors = [(str(p), "not a regular file") for p in files if not p.is_file()]
    files = [p for p in files if p.is_file()]
    ids = _unique([p.relative_to(root).with_suffix("").as_posix() for p in files])
    return [DocRef(i, str(p), TEXT_SUFFIXES[p.suffix.lower()]) for i, p in zip(ids, files)], errors


def _scan_jsonl(path: Path) -> tuple[list[DocRef], list[tuple[str, str]]]:
    rows, errors = [], []
    with open(path, "rb") as fh:
        offset, lineno, row = 0, 0, 0
        for line in fh:
            lineno += 1
            here = offset
            offset += len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8"))
                if not isinstance(record, dict):
                    raise ValueError(f"a JSON {type(record).__name__}, not an object")
                if not isinstance(record.get("text"), str) or not record["text"].strip():
                    raise ValueError('no text (the "text" field is missing or empty)')
            except (ValueError, UnicodeDecodeError) as exc:
                errors.append((f"{path}:{lineno}", str(exc).splitlines()[0]))
                continue
            given = record.get("doc_id")
            rows.append((str(given) if given not in (None, "") else f"{path.stem}/{row}", row, here))
            row += 1
    ids = _unique([r[0] for r in rows])
    return [DocRef(i, str(path), "jsonl", row=r, offset=o) for i, (_, r, o) in zip(ids, rows)], errors


def _scan_table(path: Path, fmt: str) -> tuple[list[DocRef], list[tuple[str, str]]]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
        except Exception as exc:
            raise CorpusError(f"{path}: not a readable Parquet file ({str(exc).splitlines()[0]})") from None
        names = pf.schema_arrow.names
        if "text" not in names:
            raise CorpusError(f"{path}: no 'text' column (columns: {', '.join(names)})")
        given = pf.read(columns=["doc_id"]).column(0).to_pylist() if "doc_id" in names else [None] * pf.metadata.num_rows
    else:
        try:
            head = pd.read_csv(path, nrows=0)
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            raise CorpusError(f"{path}: not a readable CSV file ({str(exc).splitlines()[0]})") from None
        if "text" not in head.columns:
            raise CorpusError(f"{path}: no 'text' column (columns: {', '.join(map(str, head.columns))})")
        cols = ["doc_id"] if "doc_id" in head.columns else [head.columns[0]]
        first = pd.read_csv(path, usecols=cols, dtype=str, keep_default_na=False)
        given = first["doc_id"].tolist() if "doc_id" in head.columns else [None] * len(first)
    ids = _unique([str(g) if g not in (None, "") else f"{path.stem}/{r}" for r, g in enumerate(given)])
    return [DocRef(i, str(path), fmt, row=r) for r, i in enumerate(ids)], []


# --------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------


class Corpus:
    """Documents to analyse together; read lazily, partition by partition.

    Build one with :meth:`from_path` or :meth:`from_articles`. Iterating yields
    the Articles that load (failures are added to :attr:`errors`).

    Attributes:
        refs: One :class:`DocRef` per document, in source order.
        source: What the corpus was made from (a path, or ``"<articles>"``).
    """

    def __init__(self, refs: Sequence[DocRef], *, source: str = "<articles>",
                 errors: Iterable[tuple[str, str]] = ()) -> None:
        self.refs: list[DocRef] = list(refs)
        self.source = source
        self._errors: dict[str, str] = {}
        self.record_errors(errors)

    # -- construction -------------------------------------------------------

    @classmethod
    def from_path(cls, path: str | Path) -> "Corpus":
        """Scan a folder, or a JSONL, CSV or Parquet file, or take one article file.

        Args:
            path: The folder or file.

        Returns:
            Corpus: The documents found (not read yet).

        Raises:
            CorpusError: No such path, an unknown file type, a table without a
                ``text`` column, or a folder without any document.
        """
        path = Path(path)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder")
        if path.is_dir():
            refs, errors = _scan_folder(path)
            if not refs and not errors:
                raise CorpusError(f"{path}: no .txt, .md or .html document in this folder")
        else:
            suffix = path.suffix.lower()
            if suffix in TABLE_SUFFIXES:
                fmt = TABLE_SUFFIXES[suffix]
                refs, errors = _scan_jsonl(path) if fmt == "jsonl" else _scan_table(path, fmt)
            elif suffix in TEXT_SUFFIXES:
                refs, errors = [DocRef(path.stem, str(path), TEXT_SUFFIXES[suffix])], []
            else:
                raise CorpusError(f"{path}: unknown corpus format {suffix or '(no extension)'!r} (expected a folder, "
                                  ".jsonl, .csv, .parquet, or one .txt/.md/.html file)")
        return cls(refs, source=str(path), errors=errors)

    @classmethod
    def from_articles(cls, articles: Iterable[Article]) -> "Corpus":
        """A corpus of Articles already in memory (``doc_id`` duplicates disambiguated).

        Args:
            articles: The articles.

        Returns:
            Corpus: The corpus.
        """
        articles = list(articles)
        ids = _unique([a.doc_id for a in articles])
        refs = [DocRef(i, str(a.path or ""), "article",
                       article=a if a.doc_id == i else dataclasses.replace(a, doc_id=i))
                for i, a in zip(ids, articles)]
        return cls(refs, source="<articles>")

    # -- access -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.refs)

    def __repr__(self) -> str:
        return f"Corpus({len(self.refs)} documents from {self.source}, {len(self._errors)} errors)"

    @property
    def doc_ids(self) -> list[str]:
        """The documents' identifiers, in order."""
        return [r.doc_id for r in self.refs]

    @property
    def errors(self) -> pd.DataFrame:
        """Files (or lines/rows) that could not be read: ``file``, ``reason``.

        Filled by the scan and by every read (iteration, :meth:`documents`, analyses).
        """
        return pd.DataFrame(list(self._errors.items()), columns=ERROR_COLUMNS)

    def record_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Add read failures to :attr:`errors`, logging each once with a warning.

        Args:
            errors: ``(file, reason)`` pairs.
        """
        for file, reason in errors:
            if file not in self._errors:
                reason = _bare_reason(file, reason)
                log.warning("skipped %s: %s", file, reason)
                self._errors[file] = reason

    def __iter__(self) -> Iterator[Article]:
        for ref, got in load_refs(self.refs):
            if isinstance(got, str):
                self.record_errors([(ref_location(ref), got)])
            else:
                yield got

    def articles(self) -> Iterator[Article]:
        """The documents that load, in order (failures go to :attr:`errors`).

        Yields:
            Article: Each document.
        """
        return iter(self)

    def subset(self, doc_ids: Iterable[str]) -> "Corpus":
        """The corpus restricted to some documents (in corpus order).

        Args:
            doc_ids: Identifiers to keep.

        Returns:
            Corpus: A new corpus sharing the references.
        """
        keep = set(doc_ids)
        return Corpus([r for r in self.refs if r.doc_id in keep], source=self.source)

    def materialize(self) -> "Corpus":
        """Read every document once and keep them in memory (for small corpora read several times).

        Read failures go to :attr:`errors` (and are carried over).

        Returns:
            Corpus: An in-memory corpus of the documents that load, same ``doc_id``s.
        """
        articles = list(self)
        out = Corpus([DocRef(a.doc_id, str(a.path or ""), "article", article=a) for a in articles],
                     source=self.source)
        out._errors = dict(self._errors)
        return out

    def partitions(self, n: int) -> list[list[DocRef]]:
        """Split the references into ``n`` contiguous partitions of near-equal size.

        Args:
            n: How many partitions (at most one per document).

        Returns:
            list[list[DocRef]]: The partitions, in order.
        """
        n = max(1, min(n, len(self.refs)))
        size, extra = divmod(len(self.refs), n)
        out, start = [], 0
        for k in range(n):
            end = start + size + (k < extra)
            out.append(self.refs[start:end])
            start = end
        return [p for p in out if p]

    def documents(self, *, scheduler: str | None = None, progress: bool = False) -> pd.DataFrame:
        """The documents' metadata (reads every document once; failures go to :attr:`errors`).

        Args:
            scheduler: See :func:`analysis.execution.run`.
            progress: Show a progress bar.

        Returns:
            pandas.DataFrame: One row per document that loads, columns :data:`META_COLUMNS`
            (``date`` as ``datetime64``, NaT when unknown).
        """
        from . import execution

        return execution.run(self, _meta_rows, combine="concat", scheduler=scheduler, progress=progress,
                             columns=META_COLUMNS)


def _bare_reason(file: str, reason: str) -> str:
    """A reason without the location the ``file`` column already gives (``path: line 3: ...`` → ``...``)."""
    base = re.sub(r"(?::\d+|#\d+)$", "", file)
    prefix = re.match(re.escape(base) + r"(?::\d+|#\d+)?:\s*(?:(?:line|row) \d+:\s*)?", reason)
    return reason[prefix.end():] if prefix and prefix.end() < len(reason) else reason


def ref_location(ref: DocRef) -> str:
    """Where a document is, as errors name it: the file, `file:line` (JSONL) or `file#row` (CSV, Parquet)."""
    if ref.row is not None:
        return f"{ref.source}:{ref.row + 1}" if ref.format == "jsonl" else f"{ref.source}#{ref.row}"
    return ref.source or ref.doc_id


def meta_row(article: Article) -> dict[str, Any]:
    """The :data:`META_COLUMNS` of one article.

    Args:
        article: The article.

    Returns:
        dict[str, Any]: Its metadata row.
    """
    m = article.meta
    date = m.get("date")
    return {"doc_id": article.doc_id, "title": article.title, "date": pd.Timestamp(parse_date(date)[0]) if date else pd.NaT,
            "date_source": m.get("date_source"), "author": m.get("author"), "outlet": m.get("outlet"),
            "url": m.get("url"), "source": m.get("source") or (str(article.path) if article.path else None),
            "format": m.get("format"), "sha256": article.sha256, "characters": len(article.text)}


def _meta_rows(article: Article) -> pd.DataFrame:
    return pd.DataFrame([meta_row(article)], columns=META_COLUMNS)
