"""Whole text files for the multi-document formats: read and decoded by the project's rules, written atomically.

:func:`read_decoded` reads a file's bytes and decodes them as :func:`analysis.reading.article.load_article`
does (byte-order marks, UTF-8 or a single-byte codec, an HTML page's declared charset); a file that
cannot be read is one :class:`~analysis.reading.article.ArticleError` line. :func:`write_text` writes a
whole text through a temporary file in the same folder and a rename, so that a reader never sees half a
file and an interrupted write leaves the old one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .article import ArticleError, decode_bytes, display_path

__all__ = ["read_decoded", "write_text"]


def read_decoded(path: str | Path, *, html: bool = False) -> str:
    """A file's text.

    Args:
        path: The file.
        html: Honour the charset an HTML page declares.

    Returns:
        str: The decoded text.

    Raises:
        ArticleError: The file cannot be read, is empty, binary, or not valid in its encoding.
    """
    name = display_path(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    declared = None
    if html:
        from .html_page import declared_charset

        declared = declared_charset(data)
    text, _ = decode_bytes(data, name=name, declared=declared)
    return text


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically.

    Args:
        path: The file (its folder must exist).
        text: The text.

    Returns:
        pathlib.Path: The path written.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
