"""French sentence splitting with exact character offsets (:func:`sentences`, :func:`sentence_spans`).

Sentences are split line by line (a line break always
ends a sentence, a heading or a byline never glues onto the next line),
then after ``. ! ? …`` (plus closing quotes/brackets, spaced or not)
followed by whitespace, unless the period ends a title abbreviation ("M.",
"Mme.", "p.") or an initial ("J.", "J.-P."), or the next word starts in
lowercase or with ``, ; :`` -- except a lowercase "à" (for "À") and list
enumerators ("a)", "iii)"), which do start a sentence.

The abbreviations and lowercase starters are data (:mod:`analysis.text.rules`).
:mod:`analysis.text.tokens` re-exports both functions.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from .rules import (
    CLOSERS,
    LOWERCASE_STARTERS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_FINAL,
    TITLE_ABBREVIATIONS,
    UPPER_LETTERS,
    alternation,
)

__all__ = ["sentence_spans", "sentences"]


@functools.lru_cache(maxsize=1)
def _sentence_regexes() -> tuple[re.Pattern[str], ...]:
    """Compile the line, boundary-candidate, abbreviation and starter regexes.

    Returns:
        tuple: (line pattern, candidate-run pattern, no-break-before pattern,
        lowercase-starter pattern, abbreviation-before-a-number pattern,
        blank-line-separated paragraph pattern).
    """
    lines = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
    closers = re.escape(CLOSERS)
    final = re.escape(SENTENCE_FINAL)
    # A run of final punctuation and closers, taken whole (possessive); it is a candidate when
    # whitespace or the end follows (checked apart: a lookahead here would make every position
    # inside a long run such as "....x" rescan the rest of it).
    candidate = re.compile(rf"[{final}](?:[ \u00a0\u202f\u2009]*[{final}»”)\]]|[{closers}])*+")
    titles = alternation(TITLE_ABBREVIATIONS)
    no_break = re.compile(
        rf"(?:(?<![\w.])(?:{titles})|(?<![^\s(\[«\"“'’])[{UPPER_LETTERS}]"
        rf"|(?:[{UPPER_LETTERS}]\.-?)+[{UPPER_LETTERS}])\.$"
    )
    starters = re.compile("|".join(LOWERCASE_STARTERS))
    before_number = re.compile(rf"(?<![\w.])(?:{alternation(NUMBER_ABBREVIATIONS)})$")
    paragraphs = re.compile(r"\S(?:[^\n\r\u2028\u2029]|\r?\n(?![ \t\f\v]*(?:\r?\n|$)))*")
    return lines, candidate, no_break, starters, before_number, paragraphs


#: Any non-space character (to peek at the next word without copying the line).
_NON_SPACE = re.compile(r"\S")
#: How far before a period an abbreviation or initial can start (the longest is a few letters).
_ABBREVIATION_WINDOW = 64


def _continues(line: str, after: int) -> bool:
    """True when the text after a candidate boundary continues the sentence.

    Args:
        line (str): The line.
        after (int): Index just after the candidate punctuation.

    Returns:
        bool: Whether the next word starts in lowercase (except the
        :data:`LOWERCASE_STARTERS`) or with , ; :
    """
    nxt = _NON_SPACE.search(line, after)  # no copy of the rest of the line: linear on long lines
    if nxt is None:
        return False
    first = nxt.group()
    if first in ",;:":
        return True
    return first.islower() and not _sentence_regexes()[3].match(line, nxt.start())


def _line_breaks(line: str) -> list[int]:
    """Sentence boundary positions (exclusive ends) inside one line.

    Linear in the line's length: each candidate run is read once, the window searched for an
    abbreviation before a period is bounded, and quotes are counted from the previous boundary on.

    Args:
        line (str): One line of text (or one paragraph of wrapped text).

    Returns:
        list[int]: Indices where a sentence ends.
    """
    _, candidate, no_break, _, before_number, _ = _sentence_regexes()
    cuts = []
    quotes = _QuoteCount(line)
    for m in candidate.finditer(line):
        if not _SPACE_OR_END.match(line, m.end()) or _continues(line, m.end()):
            continue
        # Abbreviations and initials end within a few characters of the period: search a
        # window (lookbehinds still see before it), not the whole line before every period.
        lo = max(0, m.start() - _ABBREVIATION_WINDOW)
        if m.group().rstrip(CLOSERS + " \u00a0\u202f\u2009") == "." and (
            no_break.search(line, lo, m.start() + 1)
            or (
                before_number.search(line, lo, m.start())
                and (nxt := _NON_SPACE.search(line, m.start() + 1)) is not None
                and nxt.group().isdigit()
            )
        ):
            continue
        cuts.append(_detached_quote_end(line, m.end(), quotes))
    return cuts


#: Whitespace or the end of the line (what must follow a candidate run).
_SPACE_OR_END = re.compile(r"\s|$")
#: Spaces then an ASCII double quote (a closing quote set off after the period: ``savoir. "``).
_SPACED_QUOTE = re.compile('[ \u00a0\u202f\u2009]*"')


class _QuoteCount:
    """How many ``"`` precede a position of a line, counted incrementally (positions only grow)."""

    __slots__ = ("line", "pos", "count")

    def __init__(self, line: str) -> None:
        self.line, self.pos, self.count = line, 0, 0

    def before(self, end: int) -> int:
        self.count += self.line.count('"', self.pos, end)
        self.pos = end
        return self.count


def _detached_quote_end(line: str, end: int, quotes: _QuoteCount) -> int:
    """Extend a boundary over a spaced closing ASCII quote (``savoir. "``).

    The quote closes when an odd number of ``"`` precede it on the line
    and only whitespace or the end of line follows it.

    Args:
        line (str): The line.
        end (int): Candidate boundary (boundaries come in increasing order).
        quotes (_QuoteCount): The line's quote counter.

    Returns:
        int: The boundary, after the quote if it is a closing one.
    """
    m = _SPACED_QUOTE.match(line, end)
    if m is None or quotes.before(end) % 2 == 0:
        return end
    after = m.end()
    return after if after == len(line) or line[after].isspace() else end


def sentence_spans(text: str, *, wrapped: bool = False) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentences of :func:`sentences`, without building its table.

    Args:
        text (str): Raw text.
        wrapped (bool): As for :func:`sentences`.

    Returns:
        tuple[list[int], list[int]]: Start and end offsets into ``text``, in order.
    """
    lines = _sentence_regexes()[5 if wrapped else 0]
    starts: list[int] = []
    ends: list[int] = []
    for lm in lines.finditer(text):
        line, base = lm.group(), lm.start()
        prev = 0
        for cut in _line_breaks(line) + [len(line)]:
            _append_trimmed(line, prev, cut, base, starts, ends)
            prev = cut
    return starts, ends


def sentences(text: str, *, offset: int = 0, wrapped: bool = False) -> pd.DataFrame:
    """Split French text into sentences with exact character offsets.

    A line break always ends a sentence (headings, captions, bylines and
    list items stand alone); inside a line, sentences end after ``. ! ? …``
    and any closing quotes/brackets, followed by whitespace, unless the
    period belongs to an abbreviation ("M.", "Mme.") or an initial ("J."),
    or the next word begins in lowercase or with ``, ; :``.

    Args:
        text (str): Raw text.
        offset (int): Added to ``start``/``end``.
        wrapped (bool): For hard-wrapped text (OCR, e-mail): a single line
            break is then only whitespace and only a blank line always ends
            a sentence. Off by default.

    Returns:
        pd.DataFrame: Columns ``sent`` (0-based), ``start``, ``end``,
        ``text`` with ``text == raw[start - offset:end - offset]``, trimmed
        of surrounding whitespace.
    """
    starts, ends = sentence_spans(text, wrapped=wrapped)
    return pd.DataFrame(
        {
            "sent": np.arange(len(starts), dtype=np.int64),
            "start": np.asarray(starts, dtype=np.int64) + offset,
            "end": np.asarray(ends, dtype=np.int64) + offset,
            "text": [text[s:e] for s, e in zip(starts, ends)],
        },
        columns=["sent", "start", "end", "text"],
    )


def _append_trimmed(line: str, lo: int, hi: int, base: int, starts: list[int], ends: list[int]) -> None:
    """Append the whitespace-trimmed span ``line[lo:hi]`` if not empty.

    Args:
        line (str): The line.
        lo (int): Span start in the line.
        hi (int): Span end in the line.
        base (int): Offset of the line in the text.
        starts (list[int]): Receives the start.
        ends (list[int]): Receives the end.
    """
    chunk = line[lo:hi]
    stripped = chunk.strip()
    if not stripped:
        return
    left = lo + len(chunk) - len(chunk.lstrip())
    starts.append(base + left)
    ends.append(base + left + len(stripped))
