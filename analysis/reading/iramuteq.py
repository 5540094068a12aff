"""IRaMuTeQ (and Alceste) text corpora: read and written.

The format (IRaMuTeQ's documentation, "Formatage des corpus texte"): a plain-text file in which each
text starts with a line of four asterisks followed by its starred variables, ``**** *journal_lemonde
*date_2022-11-21``; the text follows, up to the next ``****`` line. A variable is ``*name_value``: the
name is what comes before the first underscore, the value may hold more underscores, and neither holds a
space. Lines starting with ``-*`` inside a text open a thematic section (``-*theme_sport``).

**Reading** (:func:`read_corpus`): one document per ``****`` line. Its raw text is the lines that follow
its header, exactly as in the file, without the thematic lines (their count is in
``meta["thematic_lines"]`` and their variables in ``meta["thematics"]``), and without the blank lines
that end it. Every variable becomes a metadata field (``meta["journal"] = "lemonde"``); the usual names
also fill the project's fields: ``date``/``annee``… → ``date`` (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``, else left out and said), ``journal``/``outlet``/``source``/``media`` → ``outlet``,
``auteur``/``author`` → ``author``, ``titre``/``title`` → ``title``. A starred line that is not a header
(text before the first ``****``) is reported.

**Writing** (:func:`write_corpus`): each document gets a header with its ``doc_id`` and chosen metadata
fields as variables (spaces and underscores in names, spaces and asterisks in values replaced, as
IRaMuTeQ requires); in the text, asterisks are removed (IRaMuTeQ reads them as markup: without them
no line of a text can read as a header or a thematic line). What was changed is returned, document by
document: nothing is altered silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .article import Article, CorpusError, display_path
from .files import read_decoded, write_text

__all__ = ["DEFAULT_VARIABLES", "IramuteqError", "IramuteqText", "is_corpus", "read_corpus", "write_corpus"]

_HEADER = re.compile(r"^\*{4}(?=\s|$)")
_VARIABLE = re.compile(r"^\*([^\s_*]+)_(\S+)$")
_THEMATIC = re.compile(r"^-\*(\S+)")
_FIELDS = {
    "date": ("date", "annee", "année", "year", "jour", "day", "mois", "month"),
    "outlet": ("journal", "outlet", "source", "media", "média", "titre_journal"),
    "author": ("auteur", "author"),
    "title": ("titre", "title"),
}
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

#: The metadata fields written as variables by default.
DEFAULT_VARIABLES = ("date", "outlet", "author", "section")


class IramuteqError(CorpusError):
    """An IRaMuTeQ corpus that cannot be used (no ``****`` line). The message is one line."""


@dataclass
class IramuteqText:
    """One text of an IRaMuTeQ corpus.

    Attributes:
        n: Its position in the file (from 0).
        line: The line of its header (from 1).
        text: Its raw text.
        meta: Its variables and the fields filled from them.
        problems: What could not be read as asked (a malformed variable, a date that is not one).
    """

    n: int
    line: int
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def is_corpus(path: str | Path) -> bool:
    """Whether a ``.txt`` file is an IRaMuTeQ corpus (its first line that is not blank starts with ``****``).

    Args:
        path: The file.

    Returns:
        bool: True for an IRaMuTeQ corpus.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"****") and (len(head) == 4 or head[4:5] in (b" ", b"\t", b"\r", b"\n"))


def _variables(words: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    found: dict[str, str] = {}
    bad = []
    for word in words:
        m = _VARIABLE.match(word)
        if m:
            found[m[1]] = m[2]
        else:
            bad.append(word)
    return found, bad


def _meta(variables: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    meta: dict[str, Any] = dict(variables)
    problems = []
    lowered = {k.lower(): v for k, v in variables.items()}
    for target, names in _FIELDS.items():
        for name in names:
            if name in lowered:
                value = lowered[name]
                if target == "date":
                    if not _DATE.match(value):
                        problems.append(
                            f"*{name}_{value}: not a date (YYYY-MM-DD, YYYY-MM or YYYY): kept as "
                            f"'{name}_value', no date"
                        )
                        raw = next(k for k in variables if k.lower() == name)
                        meta[f"{raw}_value"] = meta.pop(raw)
                        break
                elif target in ("outlet", "author", "title"):
                    value = value.replace("_", " ")
                meta[target] = value
                break
    return meta, problems


def read_corpus(path: str | Path) -> list[IramuteqText]:
    """Every text of an IRaMuTeQ corpus file, in order.

    Args:
        path: The ``.txt`` file.

    Returns:
        list[IramuteqText]: The texts.

    Raises:
        IramuteqError: No ``****`` line in the file.
        ArticleError: The file cannot be read (missing, binary, broken encoding).
    """
    name = display_path(path)
    decoded = read_decoded(path)
    lines = decoded.splitlines(keepends=True)
    texts: list[IramuteqText] = []
    current: IramuteqText | None = None
    body: list[str] = []
    preamble = 0

    def close() -> None:
        if current is not None:
            current.text = "".join(body).rstrip("\r\n \t")
            texts.append(current)

    for i, line in enumerate(lines, start=1):
        if _HEADER.match(line):
            close()
            variables, bad = _variables(line[4:].split())
            meta, problems = _meta(variables)
            problems += [f"line {i}: {w!r} is not a variable (*name_value)" for w in bad]
            current = IramuteqText(n=len(texts), line=i, text="", meta=meta, problems=problems)
            current.meta.update(format="iramuteq", iramuteq_line=i)
            body = []
        elif current is None:
            preamble += bool(line.strip())
        elif _THEMATIC.match(line):
            current.meta["thematic_lines"] = current.meta.get("thematic_lines", 0) + 1
            current.meta.setdefault("thematics", []).append(line.strip()[2:])
        else:
            body.append(line)
    close()
    if not texts:
        raise IramuteqError(f"{name}: IRaMuTeQ corpus with no text (no line starting with '****')")
    if preamble:
        texts[0].problems.append(f"{preamble} line(s) of text before the first '****' line: not in any text")
    return texts


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def _name(key: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", key) or "var"


def _value(value: Any) -> str:
    if isinstance(value, pd.Timestamp):
        value = value.strftime("%Y-%m-%d")
    return re.sub(r"[\s*]+", "_", str(value)).strip("_")


def write_corpus(
    articles: Iterable[Article], path: str | Path, *, variables: Sequence[str] = DEFAULT_VARIABLES
) -> pd.DataFrame:
    """Write documents as an IRaMuTeQ corpus (UTF-8), atomically.

    Args:
        articles: The documents (a :class:`~analysis.reading.corpus.Corpus` iterates over them).
        path: The ``.txt`` file to write.
        variables: Metadata fields written as starred variables (when the document has them), after
            ``*doc_<doc_id>``.

    Returns:
        pandas.DataFrame: One row per document: ``doc_id``, ``header`` (the line written),
        ``asterisks_removed`` (from the text), ``values_changed`` (variables whose value lost spaces or
        asterisks).
    """
    rows = []
    chunks = []
    for art in articles:
        values = {"doc": art.doc_id, **{v: art.meta.get(v) for v in variables}}
        header = ["****"]
        changed = 0
        for key, value in values.items():
            if value is None or (isinstance(value, float) and value != value) or value == "":
                continue
            written = _value(value)
            changed += written != str(value)
            header.append(f"*{_name(key)}_{written}")
        stars = art.text.count("*")
        text = art.text.replace("*", "").replace("\r\n", "\n").rstrip("\n")
        chunks.append(" ".join(header) + "\n" + text + "\n\n")
        rows.append(
            {"doc_id": art.doc_id, "header": " ".join(header), "asterisks_removed": stars, "values_changed": changed}
        )
    write_text(path, "".join(chunks))
    out = pd.DataFrame(rows, columns=["doc_id", "header", "asterisks_removed", "values_changed"])
    out.attrs["rule"] = (
        "IRaMuTeQ text corpus: '**** *doc_ID *var_value …' then the text; asterisks removed from "
        "texts (so that no line of a text reads as a header or a thematic line); spaces and asterisks "
        "in values replaced by '_'"
    )
    return out
