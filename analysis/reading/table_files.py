"""Documents in table files: JSONL (one JSON object a line), CSV and Parquet (one row each).

Keys/columns: ``text`` (required), and optional ``title``, ``date``, ``author``,
``outlet``, ``url``, ``doc_id``; others are ignored. :func:`scan` reads a file
once and returns the rows to analyse with the problems it found;
:func:`read` reads given rows again when an analysis needs them (a JSONL line
or a CSV record by its byte offset, a Parquet row by its row group).

Where a row is: ``file:line`` in a JSONL file (lines counted from 1),
``file#row`` in a CSV or Parquet file (data rows counted from 0). A row without
``doc_id`` is ``<stem>/<n>``: ``n`` is the line counted from 0 (JSONL) or the
row (CSV, Parquet).

Each problem is ``(where, reason, outcome)``. One bad row never loses the rest:

* ``skipped`` (the row is not analysed): a line that is not JSON, not an
  object, or not UTF-8; a row without text; a CSV row with more or fewer
  fields than the header (it is not read shifted into the wrong columns); a
  CSV row whose bytes are broken UTF-8; every row of a Parquet row group that
  cannot be read (and only those);
* ``kept`` (the row is analysed, the report says what was done): a ``date``
  that is not ``YYYY[-MM[-DD]]`` or an ISO timestamp (kept without a date); a
  ``doc_id`` holding lone surrogates (JSON ``"\\ud800"``, which no UTF-8 text
  can hold: shown escaped, ``\\ud800``); text or metadata holding them
  (replaced by U+FFFD); a CSV decoded as Windows-1252 in which some bytes also
  form UTF-8 (see :mod:`analysis.article`).

Encodings: JSONL is UTF-8 (RFC 8259; a byte-order mark at the start is
allowed), line by line. A CSV's encoding is decided on the whole file by the
rule of :mod:`analysis.article` (UTF-8; single-byte Windows-1252 or Latin-1;
broken UTF-8, whose damaged rows are skipped). Parquet strings are UTF-8 by
the format.

CSV records are parsed by the standard ``csv`` module (quoted fields may hold
line breaks); its per-field size limit is raised to :data:`CSV_FIELD_LIMIT`
characters once, since an article is often longer than the default 128 KB.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .article import Article, CorpusError, EmptyCorpusError, clean_date, display_path, single_byte_codec, utf8_scan

__all__ = [
    "CSV_FIELD_LIMIT",
    "META_KEYS",
    "RowError",
    "Scan",
    "TableRow",
    "doc_id_of",
    "exception_line",
    "read",
    "record_article",
    "record_problems",
    "scan",
    "where",
]

#: The metadata keys read from a row.
META_KEYS = ("title", "date", "author", "outlet", "url")
#: The csv module's per-field limit, in characters (its default, 131,072, is shorter than many articles).
CSV_FIELD_LIMIT = 1 << 30
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_BOM = b"\xef\xbb\xbf"


class RowError(ValueError):
    """A row cannot be analysed (the message is the reason, without where)."""


class TableRow(NamedTuple):
    """One row found by :func:`scan`."""

    doc_id: str | None  #: the row's own ``doc_id``, shown escaped when it held lone surrogates
    row: int  #: JSONL: the line counted from 0; CSV, Parquet: the data row counted from 0
    offset: int | None  #: JSONL, CSV: byte offset of the line/record


@dataclass
class Scan:
    """What :func:`scan` found in a table file."""

    rows: list[TableRow] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    encoding: str | None = None  #: CSV: the codec its records are decoded with


def where(path: str | Path, fmt: str, row: int) -> str:
    """How a row is named in reports: ``file:line`` (JSONL) or ``file#row`` (CSV, Parquet).

    Args:
        path: The table file.
        fmt: ``jsonl``, ``csv`` or ``parquet``.
        row: :attr:`TableRow.row`.

    Returns:
        str: The location.
    """
    return f"{display_path(path)}:{row + 1}" if fmt == "jsonl" else f"{display_path(path)}#{row}"


# --------------------------------------------------------------------------
# Rows to Articles
# --------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, float) and math.isnan(value)


def _utf8_encodable(text: str) -> bool:
    """Whether ``text`` holds no surrogate code point (U+D800 to U+DFFF, what :data:`_LONE_SURROGATE`
    finds): strict UTF-8 encodes every other code point and refuses these."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _clean(value: Any, what: str, problems: list[str]) -> str:
    """A value as text; lone surrogates replaced by U+FFFD, and reported."""
    text = value if isinstance(value, str) else str(value)
    if _utf8_encodable(text):  # (the common case, found by the codec at C speed)
        return text
    found = _LONE_SURROGATE.findall(text)
    if found:
        shown = ", ".join(dict.fromkeys(c.encode("utf-8", "backslashreplace").decode() for c in found))
        problems.append(
            f"{what} holds {len(found)} lone surrogate{'s' if len(found) > 1 else ''} ({shown}, "
            "not characters): replaced by U+FFFD"
        )
        text = _LONE_SURROGATE.sub("\ufffd", text)
    return text


def _date(value: Any, problems: list[str]) -> str | None:
    if _missing(value):
        return None
    date = clean_date(value)
    if date is None:
        shown = _clean(value, "date", [])
        problems.append(
            f"date {shown!r} is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY or an ISO "
            "timestamp): kept without a date"
        )
    return date


def doc_id_of(given: Any) -> tuple[str | None, str | None]:
    """A row's own ``doc_id``, and a problem when it had to be escaped.

    Args:
        given: The ``doc_id`` value (None or blank: the row has none).

    Returns:
        tuple[str | None, str | None]: The identifier, and the problem or None.
    """
    if _missing(given):
        return None, None
    text = given if isinstance(given, str) else str(given)
    if not _LONE_SURROGATE.search(text):
        return text, None
    escaped = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return escaped, f"doc_id holds lone surrogates (not characters): shown escaped as {escaped!r}"


def _parts(record: dict[str, Any]) -> tuple[str, dict[str, Any], list[str]]:
    """A row's text and metadata, and what had to be done to them."""
    problems: list[str] = []
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RowError('no text (the "text" field is missing or empty)')
    text = _clean(text, "text", problems)
    meta: dict[str, Any] = {}
    for key in META_KEYS:
        value = record.get(key)
        if key == "date":
            meta["date"] = _date(value, problems)
            if meta["date"]:
                meta["date_source"] = "column"
            elif not _missing(value):
                meta["date_status"] = "unknown: the row's date is not a date"
        elif not _missing(value):
            meta[key] = _clean(value, key, problems)
    return text, meta, problems


def record_problems(record: dict[str, Any]) -> list[str]:
    """What :func:`record_article` will have to do to a row (the ``kept`` problems).

    Args:
        record: The row.

    Returns:
        list[str]: Reasons.

    Raises:
        RowError: The row cannot be analysed.
    """
    return _parts(record)[2]


def record_article(record: dict[str, Any], *, doc_id: str, source: str, fmt: str) -> Article:
    """One row as an Article (``meta["source"]`` says where it is).

    Args:
        record: The row's keys/columns.
        doc_id: Its identifier.
        source: Where it is (``file:line`` or ``file#row``).
        fmt: ``jsonl``, ``csv`` or ``parquet``.

    Returns:
        Article: The document.

    Raises:
        RowError: The row has no text.
    """
    text, meta, _ = _parts(record)
    meta.update(source=source, format=fmt)
    return Article.from_text(text, meta=meta, doc_id=doc_id)


# --------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------


def scan(path: Path, fmt: str) -> Scan:
    """Find the rows of a table file and the problems of each.

    Args:
        path: The file.
        fmt: ``jsonl``, ``csv`` or ``parquet``.

    Returns:
        Scan: The rows to analyse and the problems found.

    Raises:
        CorpusError: The file cannot be used at all (unreadable, no ``text`` column, not Parquet).
    """
    try:
        return {"jsonl": _scan_jsonl, "csv": _scan_csv, "parquet": _scan_parquet}[fmt](path)
    except OSError as exc:
        raise CorpusError(f"{display_path(path)}: cannot be read ({exc.strerror or exc})") from None


def _scan_jsonl(path: Path) -> Scan:
    out = Scan()
    with open(path, "rb") as fh:
        offset = 0
        for index, line in enumerate(fh):
            here, offset = offset, offset + len(line)
            if not line.strip():
                continue
            try:
                record = _json_line(line, here)
                problems = record_problems(record)
            except RowError as exc:
                out.problems.append((where(path, "jsonl", index), str(exc), "skipped"))
                continue
            given, id_problem = doc_id_of(record.get("doc_id"))
            problems += [id_problem] if id_problem else []
            if problems:
                out.problems.append((where(path, "jsonl", index), "; ".join(problems), "kept"))
            out.rows.append(TableRow(given, index, here))
    return out


def _json_line(line: bytes, offset: int) -> dict[str, Any]:
    """One JSONL line as an object (``offset``: where it starts in the file, for messages)."""
    if offset == 0 and line.startswith(_BOM):
        line, offset = line[len(_BOM) :], len(_BOM)
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        body = line.rstrip(b"\r\n")
        raise RowError(
            f"not valid UTF-8: byte {offset + exc.start} is 0x{line[exc.start]:02X}, in "
            f"{body[max(0, exc.start - 8) : exc.start + 8]!r}"
        ) from None
    try:
        record = json.loads(text)
    except ValueError as exc:
        raise RowError(f"not JSON ({str(exc).splitlines()[0]})") from None
    if not isinstance(record, dict):
        raise RowError(f"a JSON {type(record).__name__}, not an object")
    return record


def _csv_encoding(path: Path) -> tuple[str, int, str | None]:
    """A CSV's codec (the rule of :mod:`analysis.article`), where its records start, and a note or None."""
    valid = invalid = 0
    valid_at: list[int] = []
    latin1 = False
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            raise CorpusError(f"{display_path(path)}: a UTF-16/32 or binary file, not a UTF-8 or single-byte CSV")
        fh.seek(0)
        offset = 0
        for line in fh:
            if not line.isascii():
                v, i, v_at, _ = utf8_scan(line)
                valid, invalid = valid + v, invalid + i
                valid_at += [offset + o for o in v_at][: max(0, 3 - len(valid_at))]
                latin1 = latin1 or (i > 0 and single_byte_codec(line) == "latin-1")
            offset += len(line)
    start = len(_BOM) if head.startswith(_BOM) else 0
    if invalid == 0:
        return "utf-8", start, None
    if valid == 0 or invalid > valid:
        codec = "latin-1" if latin1 else "cp1252"
        note = (
            (
                f"decoded as {codec} ({invalid} bytes are not UTF-8), though {valid} byte sequences are also valid "
                f"UTF-8 (first at byte {', '.join(map(str, valid_at))}): if the file mixes encodings, the text "
                "there is mojibake"
            )
            if valid
            else None
        )
        return codec, start, note
    return "utf-8-broken", start, None


def _csv_records(fh: Any, encoding: str, *, lines_before: int = 0) -> Iterator[tuple[int, int, bytes, list[str] | str]]:
    """Records from the file's position: (byte offset, first line, raw bytes, fields or a parse error).

    ``lines_before``: how many lines of the file come before the position (for line numbers).
    """
    codec = "utf-8" if encoding == "utf-8-broken" else encoding
    state = {"pos": fh.tell(), "raw": [], "lines": lines_before}

    def lines() -> Iterator[str]:
        for raw in fh:
            state["pos"] += len(raw)
            state["raw"].append(raw)
            yield raw.decode(codec, "surrogateescape")

    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(lines())
    begin = state["pos"]
    while True:
        try:
            fields: list[str] | str = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            fields = f"not a CSV record ({exc})"
        raw = b"".join(state["raw"])
        first = state["lines"] + 1
        state["raw"], state["lines"] = [], lines_before + reader.line_num
        yield begin, first, raw, fields
        begin = state["pos"]


def _csv_header(fh: Any, path: Path, encoding: str, start: int) -> tuple[list[str], int]:
    """The header's fields, and how many lines it took (blank lines before it included)."""
    fh.seek(start)
    for _, line, raw, fields in _csv_records(fh, encoding):
        if isinstance(fields, str):
            raise CorpusError(f"{display_path(path)}: the header is {fields}")
        if fields:
            return fields, line - 1 + raw.count(b"\n")
    raise EmptyCorpusError(f"{display_path(path)}: no document (an empty file: no header, no row)")


def _csv_record_problem(fields: list[str], header: list[str], raw: bytes, offset: int, line: int) -> str | None:
    """Why a CSV record must be skipped, or None."""
    if len(fields) != len(header):
        return (
            f"{len(fields)} field{'s' if len(fields) != 1 else ''} where the header has {len(header)} "
            f"(line {line}): a ragged row, skipped rather than read into the wrong columns"
        )
    if any(_LONE_SURROGATE.search(f) for f in fields):
        _, _, _, bad = utf8_scan(raw)
        at = bad[0] if bad else 0
        return (
            f"not valid UTF-8 (line {line}): byte {offset + at} is 0x{raw[at]:02X}, in {raw[max(0, at - 8) : at + 8]!r}"
        )
    return None


def _scan_csv(path: Path) -> Scan:
    encoding, start, note = _csv_encoding(path)
    out = Scan(encoding=encoding)
    if note:
        out.problems.append((display_path(path), note, "kept"))
    with open(path, "rb") as fh:
        header, lines = _csv_header(fh, path, encoding, start)
        if "text" not in header:
            raise CorpusError(f"{display_path(path)}: no 'text' column (columns: {', '.join(header)})")
        row = 0
        for offset, line, raw, fields in _csv_records(fh, encoding, lines_before=lines):
            if fields == []:
                continue  # a blank line is not a record
            here = where(path, "csv", row)
            problem = fields if isinstance(fields, str) else _csv_record_problem(fields, header, raw, offset, line)
            if problem is None and not isinstance(fields, str):
                record = _csv_dict(header, fields)
                try:
                    kept = record_problems(record)
                except RowError as exc:
                    problem = str(exc)
                else:
                    given, id_problem = doc_id_of(record.get("doc_id"))
                    kept += [id_problem] if id_problem else []
                    if kept:
                        out.problems.append((here, "; ".join(kept), "kept"))
                    out.rows.append(TableRow(given, row, offset))
            if problem is not None:
                out.problems.append((here, problem, "skipped"))
            row += 1
    return out


def _csv_dict(header: list[str], fields: list[str]) -> dict[str, Any]:
    return {k: (v if v != "" else None) for k, v in zip(header, fields)}


def _scan_parquet(path: Path) -> Scan:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except OSError:
        raise
    except Exception as exc:
        raise CorpusError(f"{display_path(path)}: not a readable Parquet file ({exception_line(exc)})") from None
    names = pf.schema_arrow.names
    if "text" not in names:
        raise CorpusError(f"{display_path(path)}: no 'text' column (columns: {', '.join(names)})")
    columns = [c for c in ("doc_id", "date") if c in names]
    out = Scan()
    base = 0
    for group in range(pf.num_row_groups):
        n = pf.metadata.row_group(group).num_rows
        try:
            part = pf.read_row_group(group, columns=columns).to_pylist() if columns else [{}] * n
        except Exception as exc:  # one damaged row group loses its rows only
            out.problems += [
                (where(path, "parquet", r), _group_reason(group, base, n, exc), "skipped")
                for r in range(base, base + n)
            ]
        else:
            for i, values in enumerate(part):
                problems: list[str] = []
                _date(values.get("date"), problems)
                given, id_problem = doc_id_of(values.get("doc_id"))
                problems += [id_problem] if id_problem else []
                if problems:
                    out.problems.append((where(path, "parquet", base + i), "; ".join(problems), "kept"))
                out.rows.append(TableRow(given, base + i, None))
        base += n
    return out


def _group_reason(group: int, base: int, n: int, exc: Exception) -> str:
    return f"row group {group} (rows {base}-{base + n - 1}) cannot be read ({exception_line(exc)})"


def exception_line(exc: BaseException) -> str:
    """An exception as one line: its type and the first line of its message."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def read(
    path: str, fmt: str, rows: Sequence[TableRow], *, encoding: str | None = None
) -> Iterator[tuple[TableRow, dict[str, Any] | str]]:
    """Read rows found by :func:`scan` again: each row's record, or why it cannot be read.

    Args:
        path: The file.
        fmt: ``jsonl``, ``csv`` or ``parquet``.
        rows: The rows to read (any order; read in one pass over the file).
        encoding: CSV: :attr:`Scan.encoding`.

    Yields:
        tuple[TableRow, dict | str]: Each row with its record, or the reason (without where).
    """
    if fmt == "parquet":
        yield from _read_parquet(path, rows)
        return
    with open(path, "rb") as fh:
        if fmt == "jsonl":
            for row in rows:
                fh.seek(row.offset or 0)
                try:
                    yield row, _json_line(fh.readline(), row.offset or 0)
                except RowError as exc:
                    yield row, str(exc)
            return
        enc = encoding or _csv_encoding(Path(path))[0]
        header, _ = _csv_header(fh, Path(path), enc, len(_BOM) if fh.read(3) == _BOM else 0)
        for row in rows:
            fh.seek(row.offset or 0)
            for _, _, _, fields in _csv_records(fh, enc):
                if isinstance(fields, str):
                    yield row, fields
                elif len(fields) != len(header):
                    yield row, f"{len(fields)} fields where the header has {len(header)}"
                else:
                    yield row, _csv_dict(header, fields)
                break


def _read_parquet(path: str, rows: Sequence[TableRow]) -> Iterator[tuple[TableRow, dict[str, Any] | str]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    columns = [c for c in pf.schema_arrow.names if c == "text" or c in META_KEYS]
    wanted = {row.row: row for row in rows}
    base = 0
    for group in range(pf.num_row_groups):
        n = pf.metadata.row_group(group).num_rows
        here = [r for r in range(base, base + n) if r in wanted]
        if here:
            try:
                part = pf.read_row_group(group, columns=columns).to_pylist()
            except Exception as exc:  # one damaged row group loses its rows only
                reason = _group_reason(group, base, n, exc)
                for r in here:
                    yield wanted[r], reason
            else:
                for r in here:
                    yield wanted[r], part[r - base]
        base += n
