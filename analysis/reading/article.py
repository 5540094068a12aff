"""Load one article file (``.txt``, ``.md`` or ``.html``): its raw text, metadata and encoding.

An :class:`Article` holds the raw text and what is known about it, nothing
computed. Every offset the library produces indexes ``Article.text``, which is:

* for a ``.txt`` file (and any suffix not below): the file's bytes decoded with
  the detected encoding (a byte-order mark is not part of the text; line
  endings are kept as they are);
* for a ``.md``/``.markdown`` file: the decoded text after the front matter
  (:mod:`analysis.front_matter`), whose keys become metadata; the whole
  decoded file is kept in ``Article.markup`` and ``meta["text_offset"]`` says
  where the text starts in it (``markup[text_offset:] == text``);
* for an ``.html``/``.htm`` page: the article's text as extracted by
  trafilatura (:mod:`analysis.html_page`); the page's title, date, author,
  site name and URL become metadata, and the decoded page is kept in
  ``Article.markup`` for the record (never in ``text``).

``sha256`` is always the digest of the file's bytes. The corpus readers
(:mod:`analysis.corpus`) read files with :func:`load_article` too, so a file
gives the same Article alone or in a folder (the corpus adds ``doc_id`` and
``meta["source"]``).

Encoding detection, in order:

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 or UTF-16 (LE/BE);
2. NUL bytes or many control characters without a BOM: a binary file, refused;
3. strict UTF-8;
4. bytes that are not UTF-8. Every byte from 0x80 up is either part of a valid
   UTF-8 multi-byte sequence or invalid, and the two counts decide:

   * no valid multi-byte sequence at all: single-byte text. An HTML page's
     declared ``charset`` is used when it names one (``iso-8859-15``); else
     Windows-1252 when every byte is defined there, else ISO-8859-1 (Latin-1),
     which decodes any byte. ``encoding`` says which;
   * more invalid bytes than valid sequences: single-byte text too, in which a
     few byte pairs happen to form UTF-8 ("déjà" before a no-break space and
     "»" is ``E0 A0 BB`` in Windows-1252, a valid UTF-8 sequence). It decodes
     as above, with a :class:`DecodingWarning` giving those offsets, because a
     file that mixes two encodings looks the same;
   * otherwise the file is **broken UTF-8** (UTF-8 with some invalid bytes: a
     truncated, mis-edited or badly concatenated file). Decoding it as
     Windows-1252 would turn every accent into mojibake ("Ã©"), so it raises
     :class:`EncodingError` naming the file, the byte offset (and line) of the
     first invalid byte, and the bytes around it. With ``errors="replace"``
     it loads instead, each invalid byte replaced by U+FFFD, with a
     :class:`DecodingWarning` listing the offsets (also in ``meta["decoding"]``).

   ``encoding="cp1252"`` (any Python codec) skips detection and decodes strictly.

Metadata, field by field; the first source that gives a value wins:

1. the **sidecar**, a JSON object beside the file: ``<name>.meta.json``
   (``page.html.meta.json``) when it exists, else ``<stem>.meta.json``
   (``article.meta.json`` for ``article.txt``, and for ``article.html``). It is
   the user's own statement about the file, so it wins over what the file says;
2. what the **file** says: an ``.md`` file's front matter, an HTML page's
   metadata (its date by the rules of :mod:`analysis.html_page`);
3. what is **derived**: the title is the first non-blank line of the text
   (``title_source`` says so); the date comes from the file name
   (:func:`date_from_filename`: ``le-temps_1921-07-14.txt``).

``meta["date_source"]`` says where the date came from (the sidecar's own
``date_source``, else ``sidecar``, ``front matter``, the page's markup, the
dateline, htmldate, ``file name``), ``date_precision`` how precise it is and
``date_status`` whether it is known; ``meta["format"]`` is ``txt``, ``md`` or
``html``.

Problems raise a subclass of :class:`ArticleError` whose message is one line
naming the file and the problem; the CLI prints it and exits with code 2.
File names that are not valid UTF-8 are shown with ``\\xNN`` escapes
(:func:`display_path`), so a message can always be printed.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .language import NotFrenchWarning, french_score, warn_if_not_french

__all__ = [
    "Article",
    "ArticleError",
    "ArticleNotFoundError",
    "BinaryFileError",
    "CorpusError",
    "DecodingWarning",
    "EmptyArticleError",
    "EmptyCorpusError",
    "EncodingError",
    "FORMATS",
    "MetadataError",
    "NotFrenchWarning",
    "clean_date",
    "complete_meta",
    "date_from_filename",
    "decode_bytes",
    "display_path",
    "french_score",
    "load_article",
    "parse_date",
    "sidecar_path",
    "single_byte_codec",
    "utf8_scan",
]


class ArticleError(Exception):
    """A file cannot be read as an article. The message is one line."""


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """The path does not exist or is not a regular file."""


class EmptyArticleError(ArticleError):
    """The file is empty or holds only white space (or an HTML page without article text)."""


class BinaryFileError(ArticleError):
    """The file holds binary data, not text."""


class EncodingError(ArticleError):
    """The bytes cannot be decoded: invalid for their byte-order mark, or broken UTF-8."""


class MetadataError(ArticleError):
    """The metadata is malformed: the sidecar (bad JSON, wrong types, bad date) or an .md front matter."""


class CorpusError(ArticleError):
    """A corpus source cannot be used (no such path, unknown format, a table file without a text column)."""


class EmptyCorpusError(CorpusError):
    """A corpus source holds no document: an empty JSONL, a CSV with a header only, a folder without article."""


class DecodingWarning(UserWarning):
    """The bytes were decoded, but some of them are suspect (replaced, or possibly of another encoding)."""


#: File suffixes (lower case) and their format; any other suffix is read as ``txt``.
FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.01
#: A valid UTF-8 multi-byte sequence (RFC 3629: no overlong forms, no surrogates, up to U+10FFFF),
#: else one byte from 0x80 up that is not part of one (group 1).
_UTF8_OR_INVALID = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}|([\x80-\xff])"
)
#: How many offsets a message or warning lists.
_SHOWN = 10
#: Labels that mean Windows-1252 in a page (WHATWG Encoding: browsers decode them so).
_WINDOWS_1252_LABELS = {
    "iso-8859-1",
    "iso8859-1",
    "latin1",
    "latin-1",
    "l1",
    "us-ascii",
    "ascii",
    "cp819",
    "ibm819",
    "iso_8859-1",
    "windows-1252",
    "cp1252",
    "x-cp1252",
}
_MULTIBYTE_CODECS = {"utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"}

#: Sidecar keys whose values must be strings when present.
_STRING_KEYS = ("title", "language", "outlet", "author", "url", "date_source", "date_certainty")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ].*)?$")
_FILENAME_DATE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)([-_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(frozen=True)
class Article:
    """One article: the raw text and what is known about it.

    Attributes:
        text: The raw text as decoded (for an HTML page, the extracted text;
            for Markdown, the text after the front matter); every offset in
            the library indexes it.
        meta: Metadata from the sidecar and the file, completed with what was
            derived (see the module docstring).
        path: Where the text was read from, if anywhere.
        encoding: The Python codec the bytes were decoded with (``utf-8``,
            ``utf-8-sig``, ``utf-16``, ``cp1252``, ``latin-1``, a page's declared
            charset …; ``str`` for :meth:`from_text`).
        sha256: Hex digest of the file's bytes (before decoding).
        doc_id: Identifier of the document within a corpus.
        markup: The decoded file when ``text`` is not all of it (an HTML page,
            a Markdown file with its front matter), kept for the record; None
            for plain text.
    """

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    encoding: str = "utf-8"
    sha256: str = ""
    doc_id: str = "doc"
    markup: str | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        """The title from the metadata, or the first non-blank line."""
        return self.meta.get("title") or _first_line(self.text)

    @property
    def date(self) -> dt.date | None:
        """The publication date (first day of the period if only a month or year is known)."""
        value = self.meta.get("date")
        return parse_date(value)[0] if value else None

    @property
    def date_known(self) -> bool:
        """Whether a publication date is known at all."""
        return bool(self.meta.get("date"))

    @classmethod
    def from_text(cls, text: str, *, meta: dict[str, Any] | None = None, doc_id: str = "doc") -> "Article":
        """Make an article from a string (no file); the title defaults to the first line.

        Args:
            text: The raw text.
            meta: Optional metadata (same keys as a sidecar).
            doc_id: Identifier within a corpus.

        Returns:
            Article: The article.
        """
        meta = _complete_meta(dict(meta or {}), text)
        return cls(
            text=text,
            meta=meta,
            encoding="str",
            doc_id=doc_id,
            sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        )


def display_path(path: str | os.PathLike) -> str:
    """A path as it can always be printed: bytes that are not UTF-8 shown as ``\\xNN``.

    On Linux a file name is bytes; Python gives the ones that are not UTF-8 as
    lone surrogates, which cannot be written to a UTF-8 terminal or file.

    Args:
        path: A path.

    Returns:
        str: The path, unchanged when it is valid UTF-8.
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # lone surrogates that are not escaped bytes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def sidecar_path(path: str | Path) -> Path:
    """The metadata sidecar of a file: ``<name>.meta.json`` if it exists, else ``<stem>.meta.json``.

    Args:
        path: The article's file.

    Returns:
        Path: The sidecar path (which may not exist).
    """
    path = Path(path)
    full = path.with_name(f"{path.name}.meta.json")
    return full if full.exists() else path.with_name(f"{path.stem}.meta.json")


def load_article(
    path: str | Path,
    *,
    meta_path: str | Path | None = None,
    doc_id: str | None = None,
    check_language: bool = True,
    errors: str = "strict",
    encoding: str | None = None,
) -> Article:
    """Read an article file (``.txt``, ``.md`` or ``.html``) and its optional metadata sidecar.

    Args:
        path: The file (any of the supported encodings).
        meta_path: The sidecar; defaults to :func:`sidecar_path` of ``path``
            and is optional unless given explicitly.
        doc_id: Identifier within a corpus; defaults to the file's stem (``\\xNN``-escaped where it is not UTF-8).
        check_language: Warn with :class:`NotFrenchWarning` when the text does
            not look French.
        errors: ``"strict"``: broken UTF-8 is an :class:`EncodingError`;
            ``"replace"``: it loads, invalid bytes replaced by U+FFFD, with a
            :class:`DecodingWarning` listing their offsets.
        encoding: A codec to decode with instead of detecting one (strictly).

    Returns:
        Article: The raw text and its metadata.

    Raises:
        ArticleNotFoundError: No such file.
        EmptyArticleError: Empty or whitespace-only file; an HTML page without article text;
            nothing after an .md front matter.
        BinaryFileError: Binary content.
        EncodingError: Bytes invalid for the encoding their BOM declares (or ``encoding``), or broken UTF-8.
        MetadataError: Malformed sidecar or front matter.
        ValueError: ``errors`` or ``encoding`` is not a known value.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    path = Path(path)
    name = display_path(path)
    if not path.exists():
        raise ArticleNotFoundError(f"{name}: no such file")
    if not path.is_file():
        raise ArticleNotFoundError(f"{name}: not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    fmt = FORMATS.get(path.suffix.lower(), "txt")
    declared = None
    if fmt == "html":
        from .html_page import declared_charset

        declared = declared_charset(data)
    decoded, used, note = _decode(data, name=name, errors=errors, declared=declared, encoding=encoding)
    if fmt == "html":
        text, own, date_source, extra = _read_html(decoded, name=name)
    elif fmt == "md":
        text, own, date_source, extra = _read_md(decoded, name=name)
    else:
        text, own, date_source, extra = decoded, {}, None, {}
    explicit = meta_path is not None
    sidecar = _read_sidecar(Path(meta_path) if meta_path is not None else sidecar_path(path), required=explicit)
    meta = _merge_meta(sidecar, own, date_source=date_source, filename=path.name)
    meta.update(format=fmt, **extra)
    if note:
        meta["decoding"] = note
    meta = _complete_meta(meta, text)
    if check_language:
        warn_if_not_french(text, name=name)
    return Article(
        text=text,
        meta=meta,
        path=path,
        encoding=used,
        sha256=hashlib.sha256(data).hexdigest(),
        doc_id=doc_id or display_path(path.stem),
        markup=None if fmt == "txt" else decoded,
    )


def _read_md(decoded: str, *, name: str) -> tuple[str, dict[str, Any], str | None, dict[str, Any]]:
    """A Markdown file: its text after the front matter, and the front matter as metadata."""
    from .front_matter import FrontMatterError, split

    try:
        own, start = split(decoded)
    except FrontMatterError as exc:
        raise MetadataError(f"{name}: {exc}") from None
    text = decoded[start:]
    if not text.strip():
        raise EmptyArticleError(f"{name}: no text after the front matter")
    for key in _STRING_KEYS:
        value = own.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            own[key] = str(value)  # YAML reads "title: 1984" as a number
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            own[key] = ", ".join(value)  # "author: [A, B]"
        elif value is not None and not isinstance(value, str):
            raise MetadataError(f"{name}: front matter field {key!r} must be a string, not {type(value).__name__}")
    if own.get("date") is not None:
        date = clean_date(own["date"])
        if date is None:
            raise MetadataError(
                f"{name}: front matter date {own['date']!r} is not a date "
                "(expected YYYY-MM-DD, YYYY-MM, YYYY or an ISO timestamp)"
            )
        own["date"] = date
    return text, own, "front matter" if own.get("date") else None, {"text_offset": start}


def _read_html(decoded: str, *, name: str) -> tuple[str, dict[str, Any], str | None, dict[str, Any]]:
    """An HTML page: the article's text and what the page says about it."""
    from .html_page import extract

    try:
        page = extract(decoded)
    except Exception as exc:  # a third-party parser on any page a user drops: one line, never a traceback
        raise ArticleError(
            f"{name}: the page cannot be read ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
        ) from None
    if page is None:
        raise EmptyArticleError(f"{name}: trafilatura found no article text in the page")
    return page.text, dict(page.meta), page.date_source, {"extractor": page.extractor}


def _merge_meta(
    sidecar: dict[str, Any], own: dict[str, Any], *, date_source: str | None, filename: str | None
) -> dict[str, Any]:
    """Sidecar over the file's own metadata over the file-name date (see the module docstring)."""
    meta = {k: v for k, v in own.items() if v not in (None, "")}
    meta.update({k: v for k, v in sidecar.items() if v is not None and k != "date_source"})
    if sidecar.get("date"):
        source = sidecar.get("date_source") or f"sidecar ({sidecar.get('sidecar')})"
    elif own.get("date"):
        source = date_source
    else:
        meta.pop("date", None)
        meta.pop("date_precision", None)
        found = date_from_filename(filename) if filename else None
        source = "file name" if found else None
        if found:
            meta["date"] = found
    if meta.get("date"):
        meta["date_source"] = source
    elif sidecar.get("date_source"):
        meta["date_source"] = sidecar["date_source"]
    return meta


def clean_date(value: Any) -> str | None:
    """A metadata date as ``YYYY[-MM[-DD]]`` (an ISO timestamp is cut to its date), or None when it is not one.

    Args:
        value: A string, ``datetime.date``/``datetime`` or pandas Timestamp.

    Returns:
        str | None: The date.
    """
    if isinstance(value, (dt.date, dt.datetime)):  # pandas Timestamps are datetimes
        return value.isoformat()[:10]
    m = _ISO_PREFIX.match(str(value).strip())
    if not m:
        return None
    try:
        parse_date(m.group(1))
    except MetadataError:
        return None
    return m.group(1)


def date_from_filename(name: str) -> str | None:
    """The file-name date rule: the last ``YYYY-MM-DD``, ``YYYY_MM_DD`` or ``YYYYMMDD`` in a file name.

    Years 1500-2099; it must be a real calendar date and not part of a longer
    run of digits (``...EXP-1888-08-03-a-i0030.txt`` → 1888-08-03).

    Args:
        name: A file name or path (only the last component is looked at).

    Returns:
        str | None: ``YYYY-MM-DD``, or None when the name holds no valid date.
    """
    found = None
    for m in _FILENAME_DATE.finditer(Path(name).name):
        try:
            found = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:
            continue
    return found


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------


def decode_bytes(
    data: bytes, *, name: str = "<bytes>", errors: str = "strict", declared: str | None = None
) -> tuple[str, str]:
    """Decode a file's bytes, detecting the encoding (see the module docstring).

    Args:
        data: The raw bytes.
        name: How to name the source in error messages.
        errors: ``"strict"`` or ``"replace"`` (broken UTF-8 loads with U+FFFD and a warning).
        declared: The encoding the file declares (an HTML page's charset), if any.

    Returns:
        tuple[str, str]: The text (without BOM) and the encoding used.

    Raises:
        EmptyArticleError: Nothing but white space.
        BinaryFileError: Binary content.
        EncodingError: Bytes invalid for the declared (BOM) encoding, or broken UTF-8.
    """
    text, encoding, _ = _decode(data, name=name, errors=errors, declared=declared)
    return text, encoding


def _decode(
    data: bytes, *, name: str, errors: str = "strict", declared: str | None = None, encoding: str | None = None
) -> tuple[str, str, str | None]:
    """:func:`decode_bytes`, also returning a note on replaced bytes for the metadata."""
    if not data:
        raise EmptyArticleError(f"{name}: file is empty (0 bytes)")
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"{name}: byte {exc.start} is invalid {encoding} ({exc.reason}): {_context(data, exc.start)}"
            ) from None
        text = text.lstrip("\ufeff")
        _check_text(text, name=name)
        return text, encoding, None
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                text, note = data.decode(bom_encoding), None
            except UnicodeDecodeError as exc:
                if errors != "replace":
                    raise EncodingError(
                        f"{name}: starts with a {bom_encoding.upper()} byte-order mark but byte {exc.start} "
                        f"is invalid {bom_encoding.upper()} ({exc.reason})"
                    ) from None
                text = data.decode(bom_encoding, "replace")
                note = _replaced(name, bom_encoding, [exc.start], None)
            text = text.lstrip("\ufeff")
            _check_text(text, name=name)
            return text, bom_encoding, note
    if b"\x00" in data:
        raise BinaryFileError(f"{name}: binary file (NUL bytes and no UTF-16/32 byte-order mark), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding, note = _decode_not_utf8(data, name=name, errors=errors, declared=declared)
        _check_text(text, name=name)
        return text, encoding, note
    _check_text(text, name=name)
    return text, "utf-8", None


def utf8_scan(data: bytes) -> tuple[int, int, list[int], list[int]]:
    """Classify every byte from 0x80 up: part of a valid UTF-8 multi-byte sequence, or invalid.

    Args:
        data: Bytes.

    Returns:
        tuple[int, int, list[int], list[int]]: How many valid multi-byte sequences and how many
        invalid bytes, and the offsets of the first few of each.
    """
    valid = invalid = 0
    valid_at: list[int] = []
    invalid_at: list[int] = []
    for m in _UTF8_OR_INVALID.finditer(data):
        if m.group(1) is None:
            valid += 1
            if len(valid_at) < _SHOWN:
                valid_at.append(m.start())
        else:
            invalid += 1
            if len(invalid_at) < _SHOWN:
                invalid_at.append(m.start())
    return valid, invalid, valid_at, invalid_at


def single_byte_codec(data: bytes, declared: str | None = None) -> str:
    """The single-byte encoding of bytes that are not UTF-8: a declared one, else cp1252, else latin-1.

    Args:
        data: Bytes.
        declared: An encoding label the file declares (an HTML charset).

    Returns:
        str: The codec name.
    """
    if declared and declared not in _WINDOWS_1252_LABELS:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec and codec not in _MULTIBYTE_CODECS:
            try:
                data.decode(codec)
                return declared
            except UnicodeDecodeError:
                pass
    return "cp1252" if _CP1252_UNDEFINED.isdisjoint(data) else "latin-1"


def _decode_not_utf8(data: bytes, *, name: str, errors: str, declared: str | None) -> tuple[str, str, str | None]:
    valid, invalid, valid_at, invalid_at = utf8_scan(data)
    if valid == 0 or invalid > valid:
        codec = single_byte_codec(data, declared)
        text = data.decode(codec)
        if not valid:
            return text, codec, None
        shown = ", ".join(f"byte {o} ({data[o : o + _utf8_len(data[o])].hex(' ')})" for o in valid_at[:3])
        note = (
            f"{codec} ({invalid} bytes are not UTF-8), though {valid} byte sequence"
            f"{'s are' if valid > 1 else ' is'} also valid UTF-8 ({shown}{', ...' if valid > 3 else ''})"
        )
        warnings.warn(
            f"{name}: decoded as {note}; if the file mixes encodings, the text there is mojibake",
            DecodingWarning,
            stacklevel=4,
        )
        return text, codec, note
    first = invalid_at[0]
    line = data.count(b"\n", 0, first) + 1
    if errors != "replace":
        raise EncodingError(
            f"{name}: broken UTF-8: byte {first} (line {line}) is 0x{data[first]:02X}, invalid in UTF-8, in "
            f"{_context(data, first)} ({invalid} invalid byte{'s' if invalid > 1 else ''} among {valid} valid "
            "UTF-8 multi-byte sequences); load with errors='replace' to read it anyway"
        )
    return data.decode("utf-8", "replace"), "utf-8", _replaced(name, "utf-8", invalid_at, invalid)


def _replaced(name: str, codec: str, offsets: list[int], count: int | None) -> str:
    """Warn about replaced bytes; returns the note kept in ``meta["decoding"]``."""
    count = count or len(offsets)
    where = ", ".join(map(str, offsets[:_SHOWN])) + (", ..." if count > len(offsets[:_SHOWN]) else "")
    note = f"{codec}, {count} invalid byte{'s' if count > 1 else ''} replaced by U+FFFD (at byte {where})"
    warnings.warn(f"{name}: decoded as {note}", DecodingWarning, stacklevel=5)
    return note


def _utf8_len(lead: int) -> int:
    return 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _context(data: bytes, at: int, *, width: int = 8) -> str:
    """The bytes around an offset, as a Python bytes literal."""
    return repr(data[max(0, at - width) : at + width])


def _check_text(text: str, *, name: str) -> None:
    """Refuse empty and binary-looking decoded text."""
    if not text.strip():
        raise EmptyArticleError(f"{name}: file holds only white space ({len(text)} characters)")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if controls > max(1, _MAX_CONTROL_SHARE * len(text)):
        raise BinaryFileError(f"{name}: binary file ({controls} control characters in {len(text)}), not text")


# --------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------


def parse_date(value: Any, *, name: str = "<meta>") -> tuple[dt.date, str]:
    """Parse a sidecar date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    Args:
        value: The date as written in the sidecar.
        name: How to name the source in error messages.

    Returns:
        tuple[datetime.date, str]: The first day of the period, and its
        precision (``"day"``, ``"month"`` or ``"year"``).

    Raises:
        MetadataError: The value is not such a date.
    """
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise MetadataError(f"{name}: malformed date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = [int(p) for p in value.split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    try:
        return dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), precision
    except ValueError as exc:
        raise MetadataError(f"{name}: malformed date {value!r} ({exc})") from None


def _read_sidecar(path: Path, *, required: bool) -> dict[str, Any]:
    """Read and validate a sidecar; absent and not required gives ``{}``."""
    name = display_path(path)
    if not path.exists():
        if required:
            raise MetadataError(f"{name}: metadata file not found")
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise MetadataError(f"{name}: metadata is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise MetadataError(f"{name}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except OSError as exc:
        raise MetadataError(f"{name}: metadata cannot be read ({exc.strerror or exc})") from None
    if not isinstance(meta, dict):
        raise MetadataError(f"{name}: metadata must be a JSON object, not {type(meta).__name__}")
    for key in _STRING_KEYS:
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            raise MetadataError(f"{name}: metadata field {key!r} must be a string, not {type(meta[key]).__name__}")
    if meta.get("date") is not None:
        _, precision = parse_date(meta["date"], name=name)
        meta.setdefault("date_precision", precision)
    meta["sidecar"] = display_path(path.name)
    return meta


def complete_meta(meta: dict[str, Any], text: str) -> dict[str, Any]:
    """Fill what can be derived from the text (title, date status and precision), and say so.

    Args:
        meta: Metadata (changed in place), with ``date`` as ``YYYY[-MM[-DD]]`` or None.
        text: The article's text.

    Returns:
        dict[str, Any]: The same dictionary.
    """
    return _complete_meta(meta, text)


def _complete_meta(meta: dict[str, Any], text: str) -> dict[str, Any]:
    if not meta.get("title"):
        meta["title"] = _first_line(text)
        meta["title_source"] = "first line of the text (no title in metadata)"
    if meta.get("date"):
        meta.setdefault("date_status", "known")
        meta.setdefault("date_precision", parse_date(meta["date"])[1])
    else:
        meta["date"] = None
        meta.setdefault("date_status", "unknown: no publication date in metadata or file name")
    meta.setdefault("language", None)
    return meta


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""
