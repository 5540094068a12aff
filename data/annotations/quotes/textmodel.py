"""Shared text model for the quote gold: paragraphs, zones, datelines, sentences.

Used by build.py (to compile the hand annotations) and by validate.py (to check them).
Standard library only. The rules implemented here are those of GUIDE.md sections 1 and 6.1.
"""
from __future__ import annotations

import html as html_lib
import os
import re
from dataclasses import dataclass

DEFAULT_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             "..", "..", "..", "..", "shared", "eval", "news", "wikinews-fr-100"))

OPEN_MARKS = "«“\"("
CLOSE_MARKS = "»”\")]"
QUOTE_CHARS = "«»“”\""
ABBREVIATIONS = {"M", "Mme", "Mlle", "MM", "Dr", "Me", "St", "Ste", "etc", "cf", "p", "av", "J.-C", "Mgr"}
DATELINE = re.compile(r"^\d{1,2}(?:er)? [^\W\d_]+ \d{4}(?:, [^.\n]{1,40})?\. - ")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    zone: str          # title, lead, heading, body
    body_start: int    # start after the dateline (== start when there is none)


@dataclass(frozen=True)
class Sentence:
    index: int         # in the document, all zones, from 0
    start: int
    end: int
    paragraph: int
    zone: str


def root_dir(root: str | None = None) -> str:
    return root or os.environ.get("WIKINEWS_FR_100", DEFAULT_ROOT)


def read_txt(doc_id: str, root: str | None = None) -> str:
    with open(os.path.join(root_dir(root), "txt", f"{doc_id}.txt"), encoding="utf-8") as fh:
        return fh.read()


def html_blocks(doc_id: str, root: str | None = None) -> list[str]:
    """Tags of the block elements of the page, in order (h1, h2, p, ...)."""
    with open(os.path.join(root_dir(root), "html", f"{doc_id}.html"), encoding="utf-8") as fh:
        page = fh.read()
    return re.findall(r"<(h[1-6]|p|li|blockquote)\b", page)


def paragraphs(text: str, tags: list[str]) -> list[Paragraph]:
    """Split the txt file into its blocks (separated by blank lines) and give each its zone."""
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        spans.append((m.start(), m.end()))
    if len(spans) != len(tags):
        raise ValueError(f"{len(spans)} paragraphs in txt but {len(tags)} blocks in html")
    out = []
    seen_p = False
    for i, ((s, e), tag) in enumerate(zip(spans, tags)):
        if tag == "h1":
            zone = "title"
        elif tag.startswith("h"):
            zone = "heading" if seen_p else "lead"
        else:
            zone = "body"
            seen_p = True
        body_start = s
        if zone == "body":
            m = DATELINE.match(text[s:e])
            if m:
                body_start = s + m.end()
        out.append(Paragraph(i, s, e, zone, body_start))
    return out


def _is_abbreviation(text: str, dot: int, par_start: int) -> bool:
    """Is the full stop at `dot` the end of an abbreviation or an initial?"""
    j = dot
    while j > par_start and (text[j - 1].isalpha() or text[j - 1] in ".-"):
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # single capital initial (A. Montebourg) or hyphenated initials (J.-M.)
    if re.fullmatch(r"(?:[A-ZÉ]\.?-)*[A-ZÉ]", word):
        return True
    return False


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut text[start:end] (one paragraph, dateline removed) into sentences (GUIDE 6.1)."""
    spans = []
    i = start
    cur = start
    n = end
    while i < n:
        ch = text[i]
        if ch in ".…" and i > start and text[i - 1] in "[(":
            # editorial ellipsis [...] or (...): never a sentence end
            while i < n and text[i] in ".…":
                i += 1
            continue
        if ch in ".!?…":
            j = i
            while j < n and text[j] in ".!?…":
                j += 1
            # closing marks, possibly after a (narrow) no-break or plain space before »
            k = j
            while True:
                m = k
                while m < n and text[m] in " \u00a0\u202f" and m + 1 < n and text[m + 1] in "»”":
                    m += 1
                if m < n and text[m] in CLOSE_MARKS:
                    k = m + 1
                    continue
                break
            # next non-space char
            m = k
            while m < n and text[m].isspace():
                m += 1
            if m >= n:
                i = k
                continue
            nxt = text[m]
            boundary = m > k and (nxt.isupper() or nxt.isdigit() or nxt in OPEN_MARKS + "[")
            if boundary and ch == "." and j == i + 1 and _is_abbreviation(text, i, start):
                boundary = False
            if boundary:
                spans.append((cur, k))
                cur = m
                i = m
                continue
            i = k
            continue
        i += 1
    # trailing text
    tail_end = n
    while tail_end > cur and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > cur:
        spans.append((cur, tail_end))
    return spans


def sentences(text: str, paras: list[Paragraph]) -> list[Sentence]:
    out = []
    for p in paras:
        for s, e in sentence_spans(text, p.body_start, p.end):
            out.append(Sentence(len(out), s, e, p.index, p.zone))
    return out


def zone_at(paras: list[Paragraph], pos: int) -> str:
    for p in paras:
        if p.start <= pos < p.end:
            return p.zone
    raise ValueError(f"offset {pos} is outside every paragraph")


def paragraph_at(paras: list[Paragraph], pos: int) -> Paragraph:
    for p in paras:
        if p.start <= pos < p.end:
            return p
    raise ValueError(f"offset {pos} is outside every paragraph")


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) match of needle in text."""
    out = []
    i = text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def normalise(s: str) -> str:
    """GUIDE section 1: drop soft hyphens, any white space -> one space."""
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s)


def unescape(s: str) -> str:
    return html_lib.unescape(s)
