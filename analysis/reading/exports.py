"""Files that hold many documents in a tool's own format: Europresse HTML exports, IRaMuTeQ text corpora.

:mod:`analysis.reading.corpus` asks :func:`export_format` about each ``.html`` and ``.txt`` file it
meets (given alone or in a folder) and, for an export, reads its documents with
:func:`read_documents`: one :class:`~analysis.reading.article.Article` per ``<article>`` or per
``****`` text, with ``doc_id`` ``<stem>/<n>`` (``n`` counted from 0, as rows of a table file) and
``meta["source"]`` ``<file>#<n>``. Such a file is parsed when the corpus is scanned (its documents
are counted then), and its documents are kept with their references. After a scan,
:func:`flag_duplicates` flags the Europresse dispatches printed by several outlets.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from . import europresse, iramuteq
from .article import Article, display_path

__all__ = ["FORMATS", "export_format", "flag_duplicates", "read_documents"]

#: The formats of files holding many documents.
FORMATS = ("europresse", "iramuteq")


def export_format(path: str | Path) -> str | None:
    """``europresse`` for a Europresse ``.html`` export, ``iramuteq`` for an IRaMuTeQ ``.txt`` corpus, else None.

    Args:
        path: A file.

    Returns:
        str | None: The format.
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm") and europresse.is_export(path):
        return "europresse"
    if suffix == ".txt" and iramuteq.is_corpus(path):
        return "iramuteq"
    return None


def read_documents(
    path: str | Path, fmt: str, *, stem: str
) -> tuple[list[tuple[int, Article]], list[tuple[str, str, str]]]:
    """The documents of an export and the problems of each.

    Args:
        path: The file.
        fmt: ``europresse`` or ``iramuteq``.
        stem: The ``doc_id`` prefix (the file's path in its folder, without extension).

    Returns:
        tuple: ``(n, Article)`` for each document that can be analysed, and ``(where, reason, outcome)``
        problems (``skipped``: an article without text; ``kept``: a variable or date that could not be read).

    Raises:
        EuropresseError | IramuteqError: The file holds no document at all.
        ArticleError: The file cannot be read.
    """
    where = display_path(path)
    docs: list[tuple[int, Article]] = []
    problems: list[tuple[str, str, str]] = []
    if fmt == "europresse":
        items = [
            (a.n, a.text, a.meta, [a.problem] if a.problem else [], a.problem is not None)
            for a in europresse.read_export(path)
        ]
    else:
        items = [(t.n, t.text, t.meta, t.problems, not t.text.strip()) for t in iramuteq.read_corpus(path)]
    for n, text, meta, notes, skip in items:
        location = f"{where}#{n}"
        if skip:
            problems.append((location, notes[0] if notes else "text without content", "skipped"))
            continue
        if notes:
            problems.append((location, "; ".join(notes), "kept"))
        meta = {k: v for k, v in meta.items() if v is not None}
        meta["source"] = location
        article = Article.from_text(text, meta=meta, doc_id=f"{stem}/{n}")
        docs.append((n, dataclasses.replace(article, path=Path(path))))
    return docs, problems


def flag_duplicates(articles: list[Article]) -> int:
    """Flag near-duplicate Europresse articles across the corpus (see :func:`europresse.flag_near_duplicates`).

    Args:
        articles: Every document of the corpus read from an export, in corpus order.

    Returns:
        int: How many were flagged.
    """
    return europresse.flag_near_duplicates([a for a in articles if a.meta.get("format") == "europresse"])
