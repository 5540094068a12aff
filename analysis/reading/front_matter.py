"""Markdown front matter: the metadata block at the top of a ``.md`` file.

Two forms, as static site generators write them (Jekyll, Hugo, Pandoc):

* YAML between ``---`` lines (read with ``yaml.safe_load``);
* TOML between ``+++`` lines (read with the standard library's ``tomllib``).

The block must open on the file's first line and be closed by the same fence
on a line of its own; the document's text is what follows the closing line.
Values come back as JSON-friendly types: dates and timestamps as ISO strings
(``2023-03-06``, ``2023-03-06T10:00:00``), everything else as YAML/TOML gave it.
A file without front matter has empty metadata and its text starts at 0.

Problems (a block never closed, YAML or TOML that does not parse, a block
that is not a mapping) raise :class:`FrontMatterError` with a short reason;
:mod:`analysis.article` names the file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = ["FrontMatterError", "split"]

_FENCES = {"---": "YAML", "+++": "TOML"}


class FrontMatterError(ValueError):
    """The front matter cannot be read (the message is a short reason, without the file)."""


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def split(text: str) -> tuple[dict[str, Any], int]:
    """Parse the front matter at the start of a text.

    Args:
        text: The file's decoded text.

    Returns:
        tuple[dict[str, Any], int]: The metadata, and the character offset where the document's text starts.

    Raises:
        FrontMatterError: The block is not closed, does not parse, or is not a mapping.
    """
    for fence, language in _FENCES.items():
        if not re.match(rf"{re.escape(fence)}[ \t]*\r?\n", text):
            continue
        m = re.compile(
            rf"\A{re.escape(fence)}[ \t]*\r?\n(.*?)^{re.escape(fence)}[ \t]*(?:\r?\n|\Z)", re.S | re.M
        ).match(text)
        if not m:
            raise FrontMatterError(f"front matter opened with {fence} on line 1 is never closed")
        block = m.group(1)
        if language == "YAML":
            import yaml

            try:
                meta = yaml.safe_load(block)
            except yaml.YAMLError as exc:
                where = getattr(exc, "problem_mark", None)
                line = f" at line {where.line + 2}" if where is not None else ""
                reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
                raise FrontMatterError(f"malformed YAML front matter{line}: {reason}") from None
        else:
            import tomllib

            try:
                meta = tomllib.loads(block)
            except tomllib.TOMLDecodeError as exc:
                raise FrontMatterError(f"malformed TOML front matter: {str(exc).splitlines()[0]}") from None
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            raise FrontMatterError(f"front matter is a {type(meta).__name__}, not a mapping of keys to values")
        return _jsonable(meta), m.end()
    return {}, 0
