"""Load one article: raw text exactly as decoded, plus its metadata sidecar.

An :class:`Article` holds the raw text and what is known about it, nothing
computed. Every offset the library produces indexes ``Article.text``, which is
the file's bytes decoded with the detected encoding (a byte-order mark is not
part of the text; line endings are kept as they are).

Encoding detection, in order:

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 or UTF-16 (LE/BE);
2. NUL bytes or many control characters without a BOM: a binary file, refused;
3. strict UTF-8;
4. Windows-1252 when every byte is defined there, else ISO-8859-1 (Latin-1),
   which decodes any byte.

The sidecar is a JSON object in ``<stem>.meta.json`` beside the text (for
``article.txt``: ``article.meta.json``). Without one, the first non-blank line
is the title and the date is unknown, and the metadata says so.

Problems raise a subclass of :class:`ArticleError` whose message is one line
naming the file and the problem; the CLI prints it and exits with code 2.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Article",
    "ArticleError",
    "ArticleNotFoundError",
    "BinaryFileError",
    "EmptyArticleError",
    "EncodingError",
    "MetadataError",
    "NotFrenchWarning",
    "decode_bytes",
    "french_score",
    "load_article",
    "parse_date",
    "sidecar_path",
]


class ArticleError(Exception):
    """A file cannot be read as an article. The message is one line."""


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """The path does not exist or is not a regular file."""


class EmptyArticleError(ArticleError):
    """The file is empty or holds only white space."""


class BinaryFileError(ArticleError):
    """The file holds binary data, not text."""


class EncodingError(ArticleError):
    """The bytes cannot be decoded with the encoding they declare."""


class MetadataError(ArticleError):
    """The metadata sidecar is malformed (bad JSON, wrong types, bad date)."""


class NotFrenchWarning(UserWarning):
    """The text does not look French; French-specific rules may misbehave."""


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

#: Sidecar keys whose values must be strings when present.
_STRING_KEYS = ("title", "language", "outlet", "author", "url", "date_source", "date_certainty")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: Very frequent French function words, for :func:`french_score`.
_FRENCH_MARKERS = frozenset(
    "le la les de des du un une et est à au aux en dans pour par sur que qui "
    "ne pas plus il elle ils elles nous vous ce cette ces son sa ses leur leurs "
    "avec été être a ont sont mais ou où selon après avant entre".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Article:
    """One article: the raw text and what is known about it.

    Attributes:
        text: The raw text as decoded; every offset in the library indexes it.
        meta: Metadata from the sidecar, completed with what was derived
            (``title`` from the first line when absent, ``date_status``).
        path: Where the text was read from, if anywhere.
        encoding: The encoding that was detected and used.
        sha256: Hex digest of the file's bytes (before decoding).
        doc_id: Identifier of the document within a corpus.
    """

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    encoding: str = "utf-8"
    sha256: str = ""
    doc_id: str = "doc"

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
        return cls(text=text, meta=meta, encoding="str", doc_id=doc_id,
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def sidecar_path(path: str | Path) -> Path:
    """The metadata sidecar of a text file: ``<stem>.meta.json`` beside it.

    Args:
        path: The article's text file.

    Returns:
        Path: The sidecar path (which may not exist).
    """
    path = Path(path)
    return path.with_name(f"{path.stem}.meta.json")


def load_article(path: str | Path, *, meta_path: str | Path | None = None,
                 doc_id: str | None = None, check_language: bool = True) -> Article:
    """Read an article file and its optional metadata sidecar.

    Args:
        path: The text file (any of the supported encodings).
        meta_path: The sidecar; defaults to :func:`sidecar_path` of ``path``
            and is optional unless given explicitly.
        doc_id: Identifier within a corpus; defaults to the file's stem.
        check_language: Warn with :class:`NotFrenchWarning` when the text does
            not look French.

    Returns:
        Article: The raw text and its metadata.

    Raises:
        ArticleNotFoundError: No such file.
        EmptyArticleError: Empty or whitespace-only file.
        BinaryFileError: Binary content.
        EncodingError: Bytes invalid for the encoding their BOM declares.
        MetadataError: Malformed sidecar.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleNotFoundError(f"{path}: no such file")
    if not path.is_file():
        raise ArticleNotFoundError(f"{path}: not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    text, encoding = decode_bytes(data, name=str(path))
    explicit = meta_path is not None
    meta_file = Path(meta_path) if explicit else sidecar_path(path)
    meta = _read_sidecar(meta_file, required=explicit)
    meta = _complete_meta(meta, text)
    if check_language:
        _warn_if_not_french(text, name=str(path))
    return Article(text=text, meta=meta, path=path, encoding=encoding,
                   sha256=hashlib.sha256(data).hexdigest(), doc_id=doc_id or path.stem)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes, detecting the encoding.

    Args:
        data: The raw bytes.
        name: How to name the source in error messages.

    Returns:
        tuple[str, str]: The text (without BOM) and the encoding used.

    Raises:
        EmptyArticleError: Nothing but white space.
        BinaryFileError: Binary content.
        EncodingError: Bytes invalid for the declared (BOM) encoding.
    """
    if not data:
        raise EmptyArticleError(f"{name}: file is empty (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{name}: starts with a {encoding.upper()} byte-order mark but byte {exc.start} "
                    f"is invalid {encoding.upper()} ({exc.reason})") from None
            text = text.lstrip("\ufeff")
            _check_text(text, name=name)
            return text, encoding
    if b"\x00" in data:
        raise BinaryFileError(f"{name}: binary file (NUL bytes and no UTF-16/32 byte-order mark), not text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _CP1252_UNDEFINED.isdisjoint(data):
            text, encoding = data.decode("cp1252"), "cp1252"
        else:
            text, encoding = data.decode("latin-1"), "latin-1"
    _check_text(text, name=name)
    return text, encoding


def _check_text(text: str, *, name: str) -> None:
    """Refuse empty and binary-looking decoded text."""
    if not text.strip():
        raise EmptyArticleError(f"{name}: file holds only white space ({len(text)} characters)")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if controls > max(1, _MAX_CONTROL_SHARE * len(text)):
        raise BinaryFileError(
            f"{name}: binary file ({controls} control characters in {len(text)}), not text")


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
    if not path.exists():
        if required:
            raise MetadataError(f"{path}: metadata file not found")
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise MetadataError(f"{path}: metadata is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise MetadataError(f"{path}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if not isinstance(meta, dict):
        raise MetadataError(f"{path}: metadata must be a JSON object, not {type(meta).__name__}")
    for key in _STRING_KEYS:
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            raise MetadataError(f"{path}: metadata field {key!r} must be a string, not {type(meta[key]).__name__}")
    if meta.get("date") is not None:
        _, precision = parse_date(meta["date"], name=str(path))
        meta.setdefault("date_precision", precision)
    meta["sidecar"] = path.name
    return meta


def _complete_meta(meta: dict[str, Any], text: str) -> dict[str, Any]:
    """Fill what can be derived, and say so."""
    if not meta.get("title"):
        meta["title"] = _first_line(text)
        meta["title_source"] = "first line of the text (no title in metadata)"
    if meta.get("date"):
        meta.setdefault("date_status", "known")
    else:
        meta["date"] = None
        meta["date_status"] = "unknown: no publication date in metadata"
    meta.setdefault("language", None)
    return meta


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def french_score(text: str, *, sample: int = 5000) -> float:
    """Share of words, among the first ``sample``, that are frequent French function words.

    Running French prose scores about 0.3–0.5; English or German text scores
    below 0.1 (they share few of these forms).

    Args:
        text: Any text.
        sample: How many words to look at.

    Returns:
        float: The share, from 0 to 1 (0 when there are no words).
    """
    words = [w.lower() for w in _WORD_RE.findall(text[: sample * 12])][:sample]
    if not words:
        return 0.0
    return sum(w in _FRENCH_MARKERS for w in words) / len(words)


def _warn_if_not_french(text: str, *, name: str, threshold: float = 0.12) -> None:
    words = _WORD_RE.findall(text[:60000])
    if len(words) < 20:
        return
    score = french_score(text)
    if score < threshold:
        warnings.warn(
            f"{name}: this text does not look French ({score:.0%} of its words are common French "
            f"function words; French prose has about 30-50%): French rules may give poor results",
            NotFrenchWarning, stacklevel=3)
