"""Europresse HTML exports: one document per ``<article>``, with outlet, date, title, author, section, words.

An export (the "HTML" download of Europresse's result list) is one file holding many
``<article>`` elements. Two page layouts are documented by public converters and both are read
(the class names and field order are data: ``data/europresse.json``):

* ``rdp`` (PirehP1/EuropresseToLexico, 2019): ``span.DocPublicationName`` (the outlet, followed by
  its issue number after a comma or a line break), ``span.DocHeader`` (``lundi 21 novembre 2022 850
  mots, p. 4``), ``p.titreArticleVisu``, ``div.docAuthors``, ``div.docOcurrContainer`` (the text);
* ``sm-margin`` (mtriclot/Europresse_to_iramuteq's later version): the outlet and then the date line in
  the ``div.sm-margin-bottom`` under ``header``, the author in ``p.sm-margin-bottomNews``, the text in
  ``div.DocText``.

Both end with ``div.publiC-lblNodoc`` (``news·20221121·LM·…``), whose second field is the date:
used when the header has no readable date (``date_source`` says which).

**The raw text** of a document is its title, a blank line, then the paragraphs of its body (``<p>``,
or the body's text when it has none) separated by blank lines, white space inside a paragraph
collapsed: offsets point into that text. Lines of the body that are Europresse's own (``Cet article
est paru dans …``, ``©``) are kept and left to the cleaning step, which flags boilerplate.

**Near-duplicates across documents**: the same dispatch printed by several outlets (an AFP story) is
flagged, never dropped: a document sharing at least :data:`NEAR_DUPLICATE` of its word 5-grams with an
earlier one of the same corpus gets ``near_duplicate_of`` (the earlier ``doc_id``) and
``near_duplicate_share``, which the documents table shows (a partition field like any other).

An export without any ``<article>`` raises :class:`EuropresseError`; an article without text is
reported (skipped) with the reason.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .article import Article, CorpusError, display_path
from .files import read_decoded

__all__ = ["EuropresseArticle", "EuropresseError", "NEAR_DUPLICATE", "flag_near_duplicates", "is_export", "read_export"]

_DATA = json.loads((Path(__file__).parent / "data" / "europresse.json").read_text(encoding="utf-8"))
_MONTHS: dict[str, int] = _DATA["months"]
_DATE_RE = re.compile(
    r"\b(\d{1,2})(?:er)?\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\s+(\d{4})\b", re.IGNORECASE
)
_EN_DATE_RE = re.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\s+(\d{1,2}),?\s+(\d{4})\b", re.IGNORECASE
)
_WORDS_RE = re.compile(_DATA["word_count"], re.IGNORECASE)
_PAGE_RE = re.compile(_DATA["page"])
_ID_DATE_RE = re.compile(r"·(\d{4})(\d{2})(\d{2})·")
_SNIFF_BYTES = 200_000

#: Share of a document's word 5-grams found in an earlier document above which it is a near-duplicate.
NEAR_DUPLICATE = 0.8
_SHINGLE = 5


class EuropresseError(CorpusError):
    """A Europresse export that cannot be used (no ``<article>``, not HTML). The message is one line."""


@dataclass
class EuropresseArticle:
    """One article of an export, before it becomes an :class:`~analysis.reading.article.Article`.

    Attributes:
        n: Its position in the export (from 0).
        text: The raw text (title, blank line, paragraphs).
        meta: ``title, date, date_source, outlet, author, section, words, page, europresse_id, layout``.
        problem: Why it cannot be analysed (no text), or ``None``.
    """

    n: int
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None


def is_export(path: str | Path) -> bool:
    """Whether an ``.html`` file is a Europresse export (its markup names Europresse's classes).

    Args:
        path: The file.

    Returns:
        bool: True for an export (even one without ``<article>``: reading it then says so).
    """
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError:
        return False
    head_text = head.decode("utf-8", errors="replace")
    return sum(marker in head_text for marker in _DATA["markers"]) >= 2


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def _class_xpath(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _select(article: Any, selector: str) -> Any | None:
    """The element a data-file selector names (``NAME``, ``header>NAME``, ``NAME#2``), or None."""
    parent, _, rest = selector.rpartition(">")
    name, _, nth = rest.partition("#")
    path = f"./{parent}/*[{_class_xpath(name)}]" if parent else f".//*[{_class_xpath(name)}]"
    found = article.xpath(path)
    index = int(nth) - 1 if nth else 0
    return found[index] if len(found) > index else None


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _first(article: Any, selectors: list[str]) -> tuple[str, Any | None]:
    for selector in selectors:
        el = _select(article, selector)
        if el is not None:
            text = _clean(el.text_content())
            if text:
                return text, el
    return "", None


def _paragraphs(body: Any) -> list[str]:
    paras = [_clean(p.text_content()) for p in body.iter("p")]
    paras = [p for p in paras if p]
    if paras:
        return paras
    lines = [_clean(line) for line in body.text_content().splitlines()]
    return [line for line in lines if line]


def _date(header: str, ident: str) -> tuple[str | None, str | None, int]:
    """The date (ISO), where it was read, and where the header's date ends (0 without one)."""
    m = _DATE_RE.search(header)
    if m:
        day, month, year = int(m[1]), _MONTHS[m[2].lower()], int(m[3])
        return f"{year:04d}-{month:02d}-{day:02d}", "europresse header", m.end()
    m = _EN_DATE_RE.search(header)
    if m:
        month, day, year = _MONTHS[m[1].lower()], int(m[2]), int(m[3])
        return f"{year:04d}-{month:02d}-{day:02d}", "europresse header", m.end()
    m = _ID_DATE_RE.search(ident)
    if m:
        return f"{m[1]}-{m[2]}-{m[3]}", "europresse id", 0
    return None, None, 0


def _valid(date: str | None) -> str | None:
    import datetime as dt

    if date is None:
        return None
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return None
    return date


def _outlet(raw: str) -> str:
    """``Le Monde, no. 24210`` or ``Le Monde\\n lundi …`` → ``Le Monde``."""
    return re.split(r",|\s{3,}|\n", raw, maxsplit=1)[0].strip()


def _layout(article: Any) -> str:
    for name, layout in _DATA["layouts"].items():
        if any(_select(article, cls) is not None for cls in layout["detect"]):
            return name
    return "rdp"


def _parse_article(n: int, article: Any) -> EuropresseArticle:
    layout_name = _layout(article)
    layout = _DATA["layouts"][layout_name]
    outlet_raw = ""
    for selector in layout["outlet"]:
        el = _select(article, selector)
        if el is not None:
            outlet_raw = el.text_content().strip()
            break
    header, _ = _first(article, layout["header"])
    title, _ = _first(article, layout["title"])
    subtitle, _ = _first(article, layout["subtitle"])
    author, _ = _first(article, layout["author"])
    section, _ = _first(article, layout["section"])
    ident, _ = _first(article, layout["id"])
    body = None
    for selector in layout["body"]:
        body = _select(article, selector)
        if body is not None:
            break
    paras = _paragraphs(body) if body is not None else []
    if paras and title and paras[0] == title:
        paras = paras[1:]
    date, date_source, after = _date(header, ident)
    date = _valid(date)
    words = _WORDS_RE.search(header, after)  # after the date: its year is not a word count
    page = _PAGE_RE.search(header, after)
    meta: dict[str, Any] = {
        "title": title or None,
        "date": date,
        "date_source": date_source if date else None,
        "outlet": _outlet(outlet_raw) or None,
        "author": author or None,
        "section": section or None,
        "words": int(re.sub(r"\D", "", words[1])) if words else None,
        "page": page[1] if page else None,
        "europresse_id": ident or None,
        "layout": layout_name,
        "format": "europresse",
    }
    if subtitle:
        meta["subtitle"] = subtitle
    head = [p for p in (title, subtitle) if p]
    problem = None if paras else "Europresse article without text (no paragraph in its body)"
    return EuropresseArticle(n=n, text="\n\n".join([*head, *paras]) + "\n", meta=meta, problem=problem)


def read_export(path: str | Path) -> list[EuropresseArticle]:
    """Every ``<article>`` of a Europresse export, in order.

    Args:
        path: The ``.html`` export.

    Returns:
        list[EuropresseArticle]: The articles (those without text carry their ``problem``).

    Raises:
        EuropresseError: The file holds no ``<article>`` element, or cannot be parsed as HTML.
        ArticleError: The file cannot be read (missing, binary, broken encoding).
    """
    import lxml.etree
    import lxml.html

    name = display_path(path)
    text = read_decoded(path, html=True)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise EuropresseError(f"{name}: not an HTML page ({exc})") from None
    articles = root.xpath("//article")
    if not articles:
        raise EuropresseError(f"{name}: Europresse export with no article (no <article> element)")
    return [_parse_article(n, a) for n, a in enumerate(articles)]


# --------------------------------------------------------------------------
# Near-duplicates across documents
# --------------------------------------------------------------------------


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + _SHINGLE])) for i in range(max(0, len(words) - _SHINGLE + 1))}


def flag_near_duplicates(articles: list[Article], *, threshold: float = NEAR_DUPLICATE) -> int:
    """Flag each document whose word 5-grams are mostly in an earlier one (``meta["near_duplicate_of"]``).

    The share is the part of the document's distinct 5-grams found in the earlier document (its
    containment), so a dispatch printed in full by one outlet and cut by another is flagged in the cut
    copy. Compared in corpus order: the first printing is the original. Nothing is removed.

    Args:
        articles: The documents, in corpus order (their ``meta`` is updated in place).
        threshold: The share above which a document is flagged.

    Returns:
        int: How many documents were flagged.
    """
    index: dict[int, list[int]] = {}
    sets = [_shingles(a.text) for a in articles]
    flagged = 0
    for i, shingles in enumerate(sets):
        if not shingles:
            continue
        shared: dict[int, int] = {}
        for s in shingles:
            for j in index.get(s, ()):
                shared[j] = shared.get(j, 0) + 1
        if shared:
            j, count = max(shared.items(), key=lambda kv: (kv[1], -kv[0]))
            share = count / len(shingles)
            if share >= threshold:
                articles[i].meta["near_duplicate_of"] = articles[j].doc_id
                articles[i].meta["near_duplicate_share"] = round(share, 3)
                flagged += 1
        for s in shingles:
            index.setdefault(s, []).append(i)
    return flagged
