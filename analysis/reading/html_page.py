"""An HTML page reduced to its article: the text and what the page says about it (offline).

:func:`extract` runs ``trafilatura.bare_extraction`` (no comments, no tables)
on the decoded page and returns a :class:`Page`: the article's text, which
becomes ``Article.text`` (every offset indexes it), and its title, author,
outlet (the site name, else the host name) and URL.

The publication date, the first of:

1. the page's **publication-date markup**, the publisher's own statement:
   a ``<meta>`` whose ``property``, ``name`` or ``itemprop`` is one of
   :data:`PUBLISHED_META` (``article:published_time``, ``datePublished``,
   ``DC.date.issued`` …), else ``datePublished`` in JSON-LD; an ISO timestamp is
   cut to its date, in the page's own time zone ("2023-03-07T23:30-05:00" is
   2023-03-07, the day the reader saw);
2. the **dateline** the extracted text prints in its first
   :data:`DATELINE_CHARS` characters ("22 mai 2012. -", "1er août 2012",
   :func:`dateline`): the article's own statement;
3. ``htmldate``'s search of the whole page, as trafilatura runs it
   (``extensive_search``: other markup, the URL, the title, dates in the
   text), with fixed bounds
   1995-01-01 … 2099-12-31 so that the result never depends on the machine's
   clock. It comes last because it guesses: it reads "sera canonisée le 21
   octobre 2012" in a title as the publication date, and "1er août 2012" as
   the year alone.

``date_source`` names which (the ``<meta>`` tag, the dateline, or htmldate).

:func:`declared_charset` reads the encoding a page declares (``<meta
charset>``, ``http-equiv``, an XML declaration) for :mod:`analysis.article`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["DATELINE_CHARS", "PUBLISHED_META", "Page", "dateline", "declared_charset", "extract"]

#: How far into the text a dateline is looked for.
DATELINE_CHARS = 200
#: ``<meta>`` names (``property``, ``name`` or ``itemprop``, compared in lower case) that state
#: the publication date: Open Graph / Facebook, schema.org, Dublin Core, Google News, Parse.ly,
#: Sailthru and common CMS tags.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "citation_publication_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "date",
)
#: Bounds given to htmldate, so its answer does not depend on today's date.
HTMLDATE_BOUNDS = ("1995-01-01", "2099-12-31")

_MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
#: A French full date near the start of a text: "22 mai 2012. -", "1er août 2012", "Mardi 3 juillet 2012".
_DATELINE = re.compile(
    r"(?<!\w)(1er|[12]?\d|3[01])\s+(" + "|".join(_MONTHS_FR) + r")\s+(1[5-9]\d\d|20\d\d)(?!\d)", re.IGNORECASE
)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    """What :func:`extract` found in a page.

    Attributes:
        text: The article's text (paragraphs one per line).
        meta: ``title``, ``author``, ``outlet``, ``url``, ``date`` (``YYYY-MM-DD``), each only when found.
        date_source: Where the date comes from, or None.
        extractor: The extractor and its version.
    """

    text: str
    meta: dict[str, str]
    date_source: str | None
    extractor: str


def dateline(text: str, *, chars: int = DATELINE_CHARS) -> str | None:
    """The first French full date in the first ``chars`` characters of a text (a news dateline).

    Args:
        text: The article's text.
        chars: How far to look.

    Returns:
        str | None: ``YYYY-MM-DD``, or None.
    """
    m = _DATELINE.search(text[:chars])
    if not m:
        return None
    day = 1 if m.group(1).lower() == "1er" else int(m.group(1))
    try:
        return dt.date(int(m.group(3)), _MONTHS_FR.index(m.group(2).lower()) + 1, day).isoformat()
    except ValueError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The character encoding a page declares in its first 4 KB, as written (``iso-8859-1``), or None.

    Args:
        data: The page's bytes.

    Returns:
        str | None: The declared label, lower case.
    """
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").lower()


def _iso_date(value: Any) -> str | None:
    m = _ISO_DATE.match(str(value)) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _json_ld_dates(node: Any) -> list[Any]:
    """Every ``datePublished`` value in a JSON-LD structure, depth first."""
    if isinstance(node, dict):
        found = [node["datePublished"]] if "datePublished" in node else []
        return found + [d for v in node.values() if isinstance(v, (dict, list)) for d in _json_ld_dates(v)]
    if isinstance(node, list):
        return [d for v in node for d in _json_ld_dates(v)]
    return []


def published_date(tree: Any) -> tuple[str, str] | None:
    """The publication date the page's markup states (step 1 of the module docstring).

    Args:
        tree: The page parsed by lxml.

    Returns:
        tuple[str, str] | None: ``YYYY-MM-DD`` and the markup it was read from.
    """
    for meta in tree.iter("meta"):
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key in PUBLISHED_META:
                date = _iso_date(meta.get("content") or meta.get("datetime"))
                if date:
                    return date, f'<meta {attr}="{meta.get(attr).strip()}">'
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for value in _json_ld_dates(data):
            date = _iso_date(value)
            if date:
                return date, "JSON-LD datePublished"
    return None


def extract(html: str) -> Page | None:
    """Reduce a decoded HTML page to its article's text and metadata.

    Args:
        html: The page, decoded.

    Returns:
        Page | None: The article, or None when trafilatura finds no text in the page.
    """
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    marked = published_date(tree)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
        date_extraction_params={
            "extensive_search": True,
            "original_date": True,
            "outputformat": "%Y-%m-%d",
            "min_date": HTMLDATE_BOUNDS[0],
            "max_date": HTMLDATE_BOUNDS[1],
        },
    )
    if doc is None:
        return None
    found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = found.get("text") or ""
    if not text.strip():
        return None
    fields = {
        "title": found.get("title"),
        "author": found.get("author"),
        "outlet": found.get("sitename") or found.get("hostname"),
        "url": found.get("url"),
    }
    meta = {k: str(v).strip() for k, v in fields.items() if v and str(v).strip()}
    printed = dateline(text)
    date: str | None
    source: str | None
    if marked:
        date, source = marked[0], f"page markup ({marked[1]})"
    elif printed:
        date, source = printed, "dateline in the text"
    else:  # htmldate, run by trafilatura
        date = found.get("date")
        source = "htmldate (search of the page)" if date else None
    if date:
        meta["date"] = date
    return Page(text=text, meta=meta, date_source=source, extractor=f"trafilatura {trafilatura.__version__}")
