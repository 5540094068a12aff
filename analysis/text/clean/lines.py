"""Steps 1–2 of :mod:`analysis.text.clean`: lines, blocks, and where a block splits into segments
(widget lines, list items, captions, hard-wrapped prose), each line's facts found once.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .rules import (
    BREAK_CHARS,
    BULLET,
    BYLINE_MAX_WORDS,
    CAPTION_MAX_WORDS,
    ITEM_BAD_END,
    LIST_OPENERS,
    LONG_LINE,
    ListRule,
    WORDS_CAP,
    QUOTE_PAIRS,
    RULE_GROUPS,
    STRIPPED,
    TITLE_MAX_CHARS,
    WRAP_FULL_RATIO,
    WRAP_MAX_WIDTH,
    WRAP_MIN_WIDTH,
)
from .match import (
    caption_found,
    byline_found,
    count_words,
    match_byline,
    match_widget,
    may_be_name_outlet,
    may_fire,
    quiet_line,
    quiet_lines,
    rule_matches,
    tidied,
    tidied_lines,
    screened,
    word_list,
)


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def length(self) -> int:
        return len(self.text)


def _lines(text: str) -> list[_Line | None]:
    """Lines of the text with stripped offsets; ``None`` for blank lines.

    The breaks are those of :data:`LINE_BREAK`, which are ``str.splitlines``'s.

    Args:
        text (str): the raw text.

    Returns:
        list[_Line | None]: one entry per line.
    """
    out: list[_Line | None] = []
    pos = 0
    for piece in text.splitlines(keepends=True):
        size = len(piece)
        rest = piece.lstrip(STRIPPED)  # (every line break is white space: the break goes with the rest)
        if rest:
            kept = rest.rstrip(STRIPPED)
            start = pos + size - len(rest)
            out.append(_Line(start, start + len(kept), kept))
        else:
            out.append(None)
        pos += size
    if not text or text.endswith(tuple(BREAK_CHARS)):
        out.append(None)  # the empty line after a final break, as the regex split gives it
    return out


def _blocks(text: str) -> list[list[_Line]]:
    """Group non-blank lines into blocks separated by blank lines.

    Args:
        text (str): the raw text.

    Returns:
        list[list[_Line]]: blocks of lines.
    """
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in _lines(text):
        if line is None:
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


#: More words than this and a line is no standalone unit by vocabulary (:func:`_is_widget_line`):
#: the largest word limit of the widget and credit rules and of bylines.
UNIT_MAX_WORDS = max(BYLINE_MAX_WORDS, *(r.max_words for r in RULE_GROUPS["widget"]))


@dataclass(slots=True)  # (not frozen: a frozen dataclass is built three times slower, once a line)
class _Facts:
    """What the line-splitting rules ask about one line, found once per line (never changed after)."""

    tidy: str
    widget: bool  # a standalone unit by vocabulary (:func:`_is_widget_line`)
    caption_end: bool  # ends with a photo-credit marker
    opens: ListRule | None  # the list it opens when it is a list heading alone
    n_words: int | None = None  # count_words(tidy), when the rules needed it (a long line)
    quiet: bool = False  # proved by quiet_line(s): no widget, credit or byline rule fires, no photo credit


def _facts(s: str, *, tidy: str | None = None) -> _Facts:
    """The :class:`_Facts` of one stripped line (``tidy``: its tidied text, if already computed)."""
    t = tidied(s) if tidy is None else tidy
    if len(t) <= LONG_LINE:
        if quiet_line(t):
            return _Facts(t, False, False, None, quiet=True)  # most lines: no rule can make them a unit or a caption
    else:
        n = count_words(t)  # exact up to WORDS_CAP
        if n > WORDS_CAP:
            return _Facts(t, False, False, None, n)
        if n > UNIT_MAX_WORDS:  # too long for any widget, credit or byline rule: only a caption may end it
            return _Facts(t, False, n <= CAPTION_MAX_WORDS and caption_found(t), None, n)
    widget = _is_widget_line(s, tidy=t)
    caption = caption_found(t) and len(word_list(t)) <= CAPTION_MAX_WORDS
    rule = match_widget(t) if widget else None  # a list heading is a widget line
    return _Facts(t, widget, caption, LIST_OPENERS.get(rule.id) if rule is not None else None)


def _is_widget_line(s: str, *, tidy: str | None = None) -> bool:
    """Whether one line is a standalone unit by vocabulary.

    Args:
        s (str): a stripped line.
        tidy (str | None): ``tidied(s)``, if already computed.

    Returns:
        bool: True for widget, credit, byline and photo-credit lines.
    """
    t = tidied(s) if tidy is None else tidy
    words = word_list(t) if len(t) > LONG_LINE else None  # a long line: the word count rules most out
    n = len(words) if words is not None else 0  # 0: every rule stays a candidate
    both = screened("widget", n, t)  # the line and credit rules screened at once
    credit_rules = tuple(r for r in both if r.kind == "credit") if both else ()
    widget = n <= 12 and bool(both) and may_fire(tuple(r for r in both if r.kind != "credit"), t)
    credit = may_fire(credit_rules, t)
    if not (widget or credit or (n <= BYLINE_MAX_WORDS and (byline_found(t) or may_be_name_outlet(t)))):
        return False  # most lines: no rule can fire, no need to count words
    if words is None:
        words = word_list(t)
        n = len(words)
    if widget and n <= 12 and match_widget(t, n_words=n) is not None:
        return True
    if n <= BYLINE_MAX_WORDS and match_byline(t, first=False, words=words) is not None:
        return True
    for rule in credit_rules if credit else ():
        if n <= rule.max_words and rule_matches(rule, t):
            return True
    return False


def _wrap_width(lines: list[_Line]) -> int:
    """Estimated hard-wrap width of a block: its longest wrappable line.

    Args:
        lines (list[_Line]): the block's lines.

    Returns:
        int: width in characters (0 if no line is short enough to be wrapped).
    """
    widths = [ln.length for ln in lines if ln.length <= WRAP_MAX_WIDTH]
    return max(widths, default=0)


def _is_full(line: str, width: int) -> bool:
    """Whether a line reaches the wrap width of its block.

    Args:
        line (str): a stripped line.
        width (int): the block's wrap width.

    Returns:
        bool: True when at least ``WRAP_FULL_RATIO`` of the width.
    """
    return WRAP_FULL_RATIO * width <= len(line) <= WRAP_MAX_WIDTH


def _fills_width(prev: str, nxt: str, width: int, *, n_full: int) -> bool:
    """Whether ``prev`` ends where a wrapping editor would have broken it.

    A line is a wrap point when the block is hard-wrapped (width between
    ``WRAP_MIN_WIDTH`` and ``WRAP_MAX_WIDTH``), ``prev`` plus the next word
    would overflow about the width, and the text goes on as wrapped prose:
    the next line is full too, or the block has at least two full lines.
    (The longest line of any block is "full", so one full line proves
    nothing: "Chaque mardi, recevez …" then "S'inscrire" are two units.)

    Args:
        prev (str): previous line.
        nxt (str): next line.
        width (int): the block's wrap width.
        n_full (int): number of full lines in the block.

    Returns:
        bool: True when ``prev`` → ``nxt`` looks like a wrap.
    """
    if not (WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH) or len(prev) > WRAP_MAX_WIDTH:
        return False
    first_word = nxt.split(maxsplit=1)[0]
    if len(prev) + 1 + len(first_word) < WRAP_FULL_RATIO * width:
        return False
    return _is_full(nxt, width) or n_full >= 2


def _starts_sentence(s: str) -> bool:
    """Whether a line starts like a new sentence or unit.

    Args:
        s (str): a stripped line.

    Returns:
        bool: capital, digit or opening quotation mark first.
    """
    c = s[0]
    return c.isupper() or c.isdigit() or c in QUOTE_PAIRS or c in "‘'([—–-"


def _goes_on(nxt: str, before: _Facts, after: _Facts) -> bool:
    """Whether a line surely continues the one before: it goes on in lower case (no bullet, no new
    sentence, no list item can start so) and neither line is a unit by vocabulary. The first test of
    :func:`_breaks_between`, which the segment loop also asks before it, to skip the call."""
    return nxt[0].islower() and not (before.widget or after.widget)


def _breaks_between(
    prev: str, nxt: str, width: int, *, n_full: int = 0, facts: tuple[_Facts, _Facts] | None = None
) -> bool:
    """Decide whether two consecutive non-blank lines are separate segments.

    Args:
        prev (str): the previous stripped line.
        nxt (str): the next stripped line.
        width (int): the block's wrap width (see :func:`_wrap_width`).
        n_full (int): number of lines of the block that reach the width.
        facts (tuple[_Facts, _Facts] | None): the two lines' facts, if already found.

    Returns:
        bool: True to split between the lines, False to keep them together.
    """
    before, after = facts if facts is not None else (_facts(prev), _facts(nxt))
    if _goes_on(nxt, before, after):
        return False
    if before.widget or after.widget or BULLET.match(nxt):
        return True
    if before.caption_end and _starts_sentence(nxt):
        return True
    if not _starts_sentence(nxt):
        return False  # lower case, comma, closing mark…: the sentence goes on
    return not _fills_width(prev, nxt, width, n_full=n_full)


def segment_spans(text: str) -> list[tuple[int, int]]:
    """Segment spans of the raw text, stripped, in order.

    Args:
        text (str): the raw text.

    Returns:
        list[tuple[int, int]]: ``(start, end)`` of each segment.
    """
    return [(s, e) for s, e, _, _, _ in segment_pieces(text)]


def segment_pieces(text: str) -> list[tuple[int, int, int, str | None, _Facts | None]]:
    """The segments of the raw text, stripped, in order, with what was found of their lines.

    Args:
        text (str): the raw text.

    Returns:
        list[tuple[int, int, int, str | None, _Facts | None]]: ``(start, end, lines, tidy, line)``
        of each segment: its span, how many lines it holds, its tidied text (:func:`_joined`; None
        when it is to be tidied whole) and, for a one-line segment, what was found of its line
        (:class:`_Facts`, of the same tidied text: its word count if counted, whether it was proved
        quiet), else None.
    """
    spans: list[tuple[int, int, int, str | None, _Facts | None]] = []
    open_list: ListRule | None = None  # the list being read, across blocks
    blocks = _blocks(text)
    flat = tidied_lines([ln.text for block in blocks for ln in block])  # the whole page tidied at once
    quiet = quiet_lines(flat)  # and screened at once
    ends = list(itertools.accumulate(len(block) for block in blocks))
    tidies = [flat[end - len(block) : end] for block, end in zip(blocks, ends)]
    proved = iter(quiet or ())
    for block, block_tidies in zip(blocks, tidies):
        if quiet is None:
            facts = [_facts(ln.text, tidy=t) for ln, t in zip(block, block_tidies)]
        else:
            facts = [
                _Facts(t, False, False, None, quiet=True) if q else _facts(ln.text, tidy=t)
                for ln, t, q in zip(block, block_tidies, proved)
            ]
        last = len(block) - 1
        start, first = block[0].start, 0
        if last:  # (a one-line block has no line to split before)
            width = _wrap_width(block)
            low = WRAP_FULL_RATIO * width
            n_full = sum(1 for ln in block if low <= len(ln.text) <= WRAP_MAX_WIDTH)  # _is_full
        for k in range(last):
            prev, nxt = block[k], block[k + 1]
            line = facts[k]
            if _goes_on(nxt.text, line, facts[k + 1]):
                open_list = None  # no bullet, no new sentence, no break: _breaks_between says False
                continue
            open_list = line.opens if line.opens is not None or open_list is None else _list_after(line, open_list)
            # under a list heading each line is an item: the wrap rule would
            # join headlines of similar length
            if (open_list is not None and _starts_sentence(nxt.text)) or _breaks_between(
                prev.text, nxt.text, width, n_full=n_full, facts=(line, facts[k + 1])
            ):
                one = line if first == k else None
                spans.append((start, prev.end, k + 1 - first, _joined(text, block, block_tidies, first, k), one))
                start, first = nxt.start, k + 1
            else:
                open_list = None  # a line joined to the next is no item
        line = facts[-1]
        one = line if first == last else None
        spans.append((start, block[-1].end, last + 1 - first, _joined(text, block, block_tidies, first, last), one))
        open_list = line.opens if line.opens is not None or open_list is None else _list_after(line, open_list)
    return spans


def _joined(text: str, block: list[_Line], tidies: list[str], first: int, last: int) -> str | None:
    """The tidied text of the segment made of lines ``first`` to ``last`` of a block, from theirs:
    their tidied texts joined by a space, when only white space separates the lines (tidying
    collapses it to one space, and neither NFC nor the apostrophes act across it); None when an
    invisible character stands between two lines (it stays in the segment's tidied text)."""
    if first == last:
        return tidies[first]
    for k in range(first, last):
        if not text[block[k].end : block[k + 1].start].isspace():
            return None
    return " ".join(tidies[first : last + 1])


def is_item_shaped(tidy: str, n_words: int, n_lines: int, rule: ListRule) -> bool:
    """Whether a block has the shape of one item of a list (a headline, a tag).

    Args:
        tidy (str): tidied text.
        n_words (int): its words.
        n_lines (int): its lines.
        rule (ListRule): the list.

    Returns:
        bool: one line of 1 to ``rule.item_max_words`` words, at most
        ``TITLE_MAX_CHARS``, not ending like a sentence or a clause.
    """
    return (
        n_lines == 1
        and 1 <= n_words <= rule.item_max_words
        and len(tidy) <= TITLE_MAX_CHARS
        and not tidy.endswith(ITEM_BAD_END)
    )


def _list_after(line: _Facts, current: ListRule | None) -> ListRule | None:
    """The list still open after a line, as :func:`_mark_lists` will read it.

    Args:
        line (_Facts): a stripped line's facts.
        current (ListRule | None): the list open before it.

    Returns:
        ListRule | None: a list this line opens, the current list when the
        line is furniture or an item of it, else None.
    """
    opened = line.opens
    if opened is not None or current is None:
        return opened
    if line.widget:
        return current
    t = line.tidy
    return current if is_item_shaped(t, len(word_list(t)), 1, current) else None
