"""Many articles: a :class:`Corpus` of documents from a folder, a JSONL, CSV or Parquet file, or Articles.

A corpus is a list of light references (:class:`DocRef`: a ``doc_id``, where the
document is and how to read it), found by scanning the source; documents are
read only when an analysis needs them, partition by partition (see
:mod:`analysis.execution`), so memory does not grow with the corpus.

Sources:

* a **folder**, searched recursively (symbolic links to folders are not
  followed): ``.txt``, ``.md``/``.markdown`` and ``.html``/``.htm`` files, each
  read with :func:`analysis.article.load_article`, so a file gives the same
  Article alone or in a folder (text, metadata with its sidecar, front matter
  or page metadata, dates); the corpus adds ``doc_id`` and ``meta["source"]``.
  Entries whose name starts with ``.`` or ``_`` are skipped, and so are the
  files that describe a collection rather than belong to it: ``README*``,
  ``LICENSE*``, ``LICENCE*``, ``SOURCE*``, ``CHANGELOG*``, ``COPYING*``. Other
  extensions are ignored.
* a **JSONL** (``.jsonl``/``.ndjson``), **CSV** or **Parquet** file, one
  document per line/row: key/column ``text`` (required) and optional
  ``title``, ``date``, ``author``, ``outlet``, ``url``, ``doc_id``
  (:mod:`analysis.table_files`).
* a **Europresse HTML export** (``.html``: one document per ``<article>``) or an **IRaMuTeQ text
  corpus** (``.txt`` starting with ``****``: one document per text), alone or in a folder
  (:mod:`analysis.reading.exports`): ``doc_id`` ``<stem>/<n>``, parsed when the corpus is scanned;
  Europresse dispatches printed by several outlets are flagged (``near_duplicate_of``).
* one ``.txt``/``.md``/``.html`` file: a corpus of one document.
* a **list of** :class:`~analysis.article.Article`.

``doc_id``: the path relative to the folder, without extension (``2012/mai/a``);
for a table file the ``doc_id`` column/key when given, else ``<stem>/<n>``
(``n``: the line counted from 0 in JSONL, the row counted from 0 in CSV and
Parquet); in a list, the Article's own ``doc_id``. Duplicates are
disambiguated in source order with ``~2``, ``~3`` (``a`` from ``a.html`` and
``a~2`` from ``a.txt``). A name that is not valid UTF-8 (on Linux a file name
is bytes) is shown with ``\\xNN`` escapes (``caf\\xe9``), and so is a ``doc_id``
holding lone surrogates (``\\ud800``).

Dates, for files: :func:`analysis.article.load_article`'s rules (sidecar, then
front matter or page, then the file name: :func:`date_from_filename`); for
rows: the ``date`` column (an ISO timestamp is cut to its date).
``meta["date_source"]`` says which.

**Problems are reported, never lost.** :attr:`Corpus.errors` has one row per
file, line or row with a problem: ``file`` (where: the file, ``file:line`` in
JSONL, ``file#row`` in CSV and Parquet), ``reason`` (why, without repeating
where) and ``outcome``:

* ``skipped``: the document is not analysed (a file that cannot be read, an
  unreadable folder and the files in it, a bad line or row, a damaged Parquet
  row group's rows);
* ``kept``: it is analysed, and the reason says what was done (a date that is
  not a date, dropped; a file name or ``doc_id`` that is not valid UTF-8,
  escaped; lone surrogates in a row's text, replaced).

Each is logged once with a warning; the rest goes on. A source with no
document at all (an empty JSONL, a CSV with a header only, a folder without
an article) raises :class:`EmptyCorpusError`.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import exports, table_files
from .article import (
    Article,
    ArticleError,
    CorpusError,
    EmptyCorpusError,
    date_from_filename,
    display_path,
    load_article,
    parse_date,
)
from .html_page import DATELINE_CHARS, dateline

__all__ = [
    "Corpus",
    "CorpusError",
    "DATELINE_CHARS",
    "DocRef",
    "ERROR_COLUMNS",
    "EmptyCorpusError",
    "META_COLUMNS",
    "OUTCOMES",
    "date_from_filename",
    "dateline",
    "load_refs",
    "ref_location",
]

log = logging.getLogger(__name__)

#: Columns of :attr:`Corpus.errors`.
ERROR_COLUMNS = ["file", "reason", "outcome"]
#: Values of the ``outcome`` column: the document was not analysed, or was analysed with the problem noted.
OUTCOMES = ("skipped", "kept")
#: Columns of :meth:`Corpus.documents`.
META_COLUMNS = [
    "doc_id",
    "title",
    "date",
    "date_source",
    "author",
    "outlet",
    "url",
    "source",
    "format",
    "sha256",
    "characters",
]

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
#: File-name stems (upper case prefixes) that describe a collection rather than belong to it.
NOT_ARTICLES = ("README", "LICENSE", "LICENCE", "SOURCE", "CHANGELOG", "COPYING")


@dataclass(frozen=True)
class DocRef:
    """Where one document is and how to read it (small and picklable: sent to workers).

    Attributes:
        doc_id: The document's identifier in the corpus.
        source: The file it is in (``""`` for an in-memory Article); may hold
            surrogate-escaped bytes (use :func:`ref_location` to show it).
        format: ``txt``, ``md``, ``html``, ``jsonl``, ``csv``, ``parquet`` or ``article``.
        row: Line (JSONL, counted from 0) or row (CSV, Parquet) in a table file.
        offset: Byte offset of the line (JSONL) or record (CSV) in a table file.
        article: The Article itself, for in-memory corpora.
        encoding: The codec of a CSV file's records.
    """

    doc_id: str
    source: str
    format: str
    row: int | None = None
    offset: int | None = None
    article: Article | None = field(default=None, compare=False, repr=False)
    encoding: str | None = None


# --------------------------------------------------------------------------
# Reading documents
# --------------------------------------------------------------------------


def _read_file(ref: DocRef) -> Article:
    """A ``.txt``/``.md``/``.html`` file: exactly what :func:`load_article` gives, plus where it is."""
    article = load_article(ref.source, doc_id=ref.doc_id, check_language=False)
    article.meta["source"] = display_path(ref.source)
    return article


def _read_rows(source: str, fmt: str, refs: Sequence[DocRef]) -> Iterator[tuple[DocRef, Article | str]]:
    by_row = {ref.row: ref for ref in refs}
    rows = [table_files.TableRow(ref.doc_id, ref.row, ref.offset) for ref in refs if ref.row is not None]
    for row, got in table_files.read(source, fmt, rows, encoding=refs[0].encoding):
        ref = by_row[row.row]
        if isinstance(got, str):
            yield ref, got
            continue
        try:
            yield ref, table_files.record_article(got, doc_id=ref.doc_id, source=ref_location(ref), fmt=fmt)
        except table_files.RowError as exc:
            yield ref, str(exc)


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
        if ref.format == "article" or (ref.format in exports.FORMATS and ref.article is not None):
            yield ref, ref.article if ref.article is not None else f"{ref.doc_id}: no article in the reference"
        elif ref.format in TEXT_SUFFIXES.values():
            try:
                yield ref, _read_file(ref)
            except ArticleError as exc:
                yield ref, str(exc)
            except Exception as exc:  # any library failure on one file must not stop the rest
                yield ref, f"{ref_location(ref)}: cannot be read ({table_files.exception_line(exc)})"
        else:
            pending.setdefault((ref.source, ref.format), []).append(ref)
    for (source, fmt), group in pending.items():
        done: set[int | None] = set()
        try:
            for ref, got in _read_rows(source, fmt, group):
                done.add(ref.row)
                yield ref, got
        except ArticleError as exc:
            reason = str(exc)
        except Exception as exc:  # the file went away or changed since the scan
            reason = f"{display_path(source)}: cannot be read ({table_files.exception_line(exc)})"
        else:
            continue
        for ref in group:
            if ref.row not in done:
                yield ref, reason


# --------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------


def _describes_collection(name: str) -> bool:
    return name.upper().startswith(NOT_ARTICLES)


def _sort_key(path: Path, root: Path) -> tuple[str, ...]:
    return path.relative_to(root).parts


def _scan_folder(root: Path) -> tuple[list[DocRef], list[tuple[str, str, str]]]:
    """Every article file under ``root``; unreadable folders and odd names reported."""
    problems: list[tuple[str, str, str]] = []

    def unreadable(exc: OSError) -> None:
        where = display_path(exc.filename) if exc.filename else display_path(root)
        problems.append(
            (where, f"folder cannot be read ({exc.strerror or exc}): the files in it are not in the corpus", "skipped")
        )

    found: list[Path] = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
        for name in names:
            if name.startswith((".", "_")) or _describes_collection(name):
                continue
            path = Path(folder, name)
            if path.suffix.lower() in TEXT_SUFFIXES:
                found.append(path)
    found.sort(key=lambda p: _sort_key(p, root))
    refs_in: list[Path] = []
    for path in found:
        if path.is_file():
            refs_in.append(path)
        else:
            problems.append((display_path(path), "not a regular file", "skipped"))
    ids = _unique([display_path(p.relative_to(root).with_suffix("").as_posix()) for p in refs_in])
    refs = []
    for i, path in zip(ids, refs_in):
        rel = path.relative_to(root).as_posix()
        if display_path(rel) != rel:
            problems.append((display_path(path), f"file name is not valid UTF-8: kept as doc_id '{i}'", "kept"))
        fmt = exports.export_format(path)
        if fmt is None:
            refs.append(DocRef(i, str(path), TEXT_SUFFIXES[path.suffix.lower()]))
            continue
        try:
            exported, trouble = _scan_export(path, fmt, i)
        except ArticleError as exc:  # an export without any document: the rest of the folder goes on
            problems.append((display_path(path), str(exc), "skipped"))
            continue
        refs += exported
        problems += trouble
    exports.flag_duplicates([r.article for r in refs if r.article is not None])
    problems.sort(key=lambda p: p[0])
    return refs, problems


def _scan_export(path: Path, fmt: str, stem: str) -> tuple[list[DocRef], list[tuple[str, str, str]]]:
    """The documents of a Europresse export or an IRaMuTeQ corpus (:mod:`analysis.reading.exports`)."""
    docs, problems = exports.read_documents(path, fmt, stem=stem)
    return [DocRef(a.doc_id, str(path), fmt, row=n, article=a) for n, a in docs], problems


def _scan_table(path: Path, fmt: str) -> tuple[list[DocRef], list[tuple[str, str, str]]]:
    found = table_files.scan(path, fmt)
    ids = _unique(
        [row.doc_id if row.doc_id is not None else f"{display_path(path.stem)}/{row.row}" for row in found.rows]
    )
    refs = [
        DocRef(i, str(path), fmt, row=row.row, offset=row.offset, encoding=found.encoding)
        for i, row in zip(ids, found.rows)
    ]
    return refs, found.problems


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


def _no_document(path: Path, what: str, problems: Sequence[tuple[str, str, str]]) -> EmptyCorpusError:
    first = ""
    if problems:
        file, reason, _ = problems[0]
        first = (
            f" ({len(problems)} problem{'s' if len(problems) > 1 else ''}; first: {file}: {_bare_reason(file, reason)})"
        )
    return EmptyCorpusError(f"{display_path(path)}: no document: {what}{first}")


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

    def __init__(
        self, refs: Sequence[DocRef], *, source: str = "<articles>", errors: Iterable[tuple[str, ...]] = ()
    ) -> None:
        self.refs: list[DocRef] = list(refs)
        self.source = source
        self._errors: dict[str, tuple[str, str]] = {}
        self.record_errors(errors)

    # -- construction -------------------------------------------------------

    @classmethod
    def from_path(cls, path: str | Path) -> "Corpus":
        """Scan a folder, or a JSONL, CSV or Parquet file, or take one article file.

        Args:
            path: The folder or file.

        Returns:
            Corpus: The documents found (not read yet), with the problems the scan found in :attr:`errors`.

        Raises:
            CorpusError: No such path, an unknown file type, a table file that cannot be used
                (no ``text`` column, not Parquet).
            EmptyCorpusError: A source without any document (an empty JSONL, a CSV with a
                header only, a folder without an article; every line or row skipped).
        """
        path = Path(path)
        name = display_path(path)
        if not path.exists():
            raise CorpusError(f"{name}: no such file or folder")
        if path.is_dir():
            refs, problems = _scan_folder(path)
            if not refs:
                raise _no_document(path, "no .txt, .md or .html article in this folder", problems)
        else:
            suffix = path.suffix.lower()
            if suffix in TABLE_SUFFIXES:
                fmt = TABLE_SUFFIXES[suffix]
                refs, problems = _scan_table(path, fmt)
                if not refs:
                    what = (
                        {"jsonl": "an empty file", "csv": "a header only", "parquet": "0 rows"}[fmt]
                        if not problems
                        else "no line or row can be analysed"
                    )
                    raise _no_document(path, what, problems)
            elif suffix in TEXT_SUFFIXES and (export_fmt := exports.export_format(path)) is not None:
                refs, problems = _scan_export(path, export_fmt, display_path(path.stem))
                exports.flag_duplicates([r.article for r in refs if r.article is not None])
                if not refs:
                    raise _no_document(path, f"no {export_fmt} document can be analysed", problems)
            elif suffix in TEXT_SUFFIXES:
                refs, problems = [DocRef(display_path(path.stem), str(path), TEXT_SUFFIXES[suffix])], []
            else:
                raise CorpusError(
                    f"{name}: unknown corpus format {suffix or '(no extension)'!r} (expected a folder, "
                    ".jsonl, .csv, .parquet, or one .txt/.md/.html file)"
                )
        return cls(refs, source=name, errors=problems)

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
        refs = [
            DocRef(i, str(a.path or ""), "article", article=a if a.doc_id == i else dataclasses.replace(a, doc_id=i))
            for i, a in zip(ids, articles)
        ]
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
        """Problems found: ``file`` (where), ``reason`` and ``outcome`` (``skipped`` or ``kept``).

        Filled by the scan and by every read (iteration, :meth:`documents`, analyses).
        See the module docstring.
        """
        return pd.DataFrame([(f, r, o) for f, (r, o) in self._errors.items()], columns=ERROR_COLUMNS)

    @property
    def skipped(self) -> set[str]:
        """Where the documents that were not analysed are (the ``file`` of :attr:`errors` rows ``skipped``)."""
        return {f for f, (_, o) in self._errors.items() if o == "skipped"}

    def record_errors(self, errors: Iterable[tuple[str, ...]]) -> None:
        """Add problems to :attr:`errors`, logging each once with a warning.

        Args:
            errors: ``(file, reason)`` pairs (the document was skipped) or
                ``(file, reason, outcome)`` triples.
        """
        for file, reason, *rest in errors:
            outcome = rest[0] if rest else "skipped"
            if outcome not in OUTCOMES:
                raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
            file = display_path(file)
            reason = display_path(_bare_reason(file, reason))
            old = self._errors.get(file)
            if old is not None:
                old_reason, old_outcome = old
                if reason in old_reason or old_outcome == outcome == "skipped":
                    continue  # the same document failing again in another analysis
                outcome = "skipped" if "skipped" in (old_outcome, outcome) else "kept"
                reason = f"{old_reason}; {reason}"
            log.warning("%s %s: %s", outcome, file, reason)
            self._errors[file] = (reason, outcome)

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
        out = Corpus([DocRef(a.doc_id, str(a.path or ""), "article", article=a) for a in articles], source=self.source)
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


def _bare_reason(file: str, reason: str) -> str:
    """A reason without the location the ``file`` column already gives (``path: line 3: ...`` → ``...``)."""
    base = re.sub(r"(?::\d+|#\d+)$", "", file)
    prefix = re.match(re.escape(base) + r"(?::\d+|#\d+)?:\s*(?:(?:line|row) \d+:\s*)?", reason)
    return reason[prefix.end() :] if prefix and prefix.end() < len(reason) else reason


def ref_location(ref: DocRef) -> str:
    """Where a document is, as errors name it: the file, `file:line` (JSONL) or `file#row` (CSV, Parquet)."""
    if ref.row is not None:
        return table_files.where(ref.source, ref.format, ref.row)
    return display_path(ref.source) if ref.source else ref.doc_id


def meta_row(article: Article) -> dict[str, Any]:
    """The :data:`META_COLUMNS` of one article.

    Args:
        article: The article.

    Returns:
        dict[str, Any]: Its metadata row.
    """
    m = article.meta
    date = m.get("date")
    return {
        "doc_id": article.doc_id,
        "title": article.title,
        "date": pd.Timestamp(parse_date(date)[0]) if date else pd.NaT,
        "date_source": m.get("date_source"),
        "author": m.get("author"),
        "outlet": m.get("outlet"),
        "url": m.get("url"),
        "source": m.get("source") or (display_path(article.path) if article.path else None),
        "format": m.get("format"),
        "sha256": article.sha256,
        "characters": len(article.text),
    }
