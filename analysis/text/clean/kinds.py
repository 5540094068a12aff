"""Steps 3–4 of :mod:`analysis.text.clean`: the kind of each segment (vocabulary, caption, title, quote,
lede, heading, paragraph; list items) and the positional rules (comment section, trailer).
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import (
    ATTRIBUTION_MAX_WORDS,
    CAPTION_MARKERS,
    CAPTION_MAX_WORDS,
    COMMENT_SECTION_START,
    HEADING_MAX_CHARS,
    HEADING_MAX_WORDS,
    LIST_OPENERS,
    PROSE_MIN_WORDS,
    QUOTE_MIN_SHARE,
    QUOTE_PAIRS,
    RULE_DESCRIPTIONS,
    SENTENCE_BREAK,
    SIDE,
    TERMINAL,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    TRAILER_MAX_WORDS,
)
from .match import (
    caption_found,
    match_byline,
    match_widget,
    may_fire,
    rule_matches,
    trim_widget,
    screened,
    word_list,
)
from .lines import is_item_shaped


@dataclass(slots=True)
class Seg:
    start: int
    end: int
    text: str
    tidy: str
    n_words: int
    n_lines: int
    kind: str = ""
    rule: str = ""
    reason: str = ""
    duplicate_of: int | None = None
    quiet: bool = False  # one line proved quiet (lines.quiet_line): only a notice rule may classify it

    def set(self, kind: str, rule: str, reason: str | None = None) -> None:
        self.kind, self.rule = kind, rule
        self.reason = reason if reason is not None else RULE_DESCRIPTIONS.get(rule, kind)


def _vocabulary_kind(seg: Seg, *, first: bool) -> tuple[str, str] | None:
    """Kinds decided by vocabulary: boilerplate, credit, byline.

    Args:
        seg (Seg): the segment.
        first (bool): whether it is the first segment of the page.

    Returns:
        tuple[str, str] | None: ``(kind, rule_id)`` or None.
    """
    if seg.quiet:  # no widget, credit or byline rule fires on its one line, no photo credit is in it
        notices = screened("notice", seg.n_words, seg.tidy)
        for notice in notices if may_fire(notices, seg.tidy) else ():
            if rule_matches(notice, seg.tidy):
                return notice.kind, notice.id
        return None
    rule = match_widget(seg.tidy, n_words=seg.n_words)
    if rule is not None:
        return rule.kind, rule.id
    side = screened("side", seg.n_words, seg.tidy)
    for rule in side if may_fire(side, seg.tidy) else ():
        if rule_matches(rule, seg.tidy):
            return rule.kind, rule.id
    byline = match_byline(seg.tidy, first=first, n_words=seg.n_words)
    if byline is not None:
        return "byline", byline
    return None


def _caption_kind(seg: Seg) -> tuple[str, str] | None:
    """Caption, or standalone photo credit when the marker is the whole block.

    Args:
        seg (Seg): the segment.

    Returns:
        tuple[str, str] | None: ``(kind, rule_id)`` or None.
    """
    if seg.n_words > CAPTION_MAX_WORDS or seg.n_lines > 3 or not caption_found(seg.tidy):
        return None
    for p in CAPTION_MARKERS:
        m = p.search(seg.tidy)
        if m:
            head = seg.tidy[: m.start()].strip(" .([")
            if len(word_list(head)) <= 1:
                return "credit", "credit.photo"
            return "caption", "caption.credit_marker"
    return None


def quotation(text: str) -> tuple[str, int] | None:
    """The quotation a block opens with: content and end offset.

    Args:
        text (str): stripped segment text.

    Returns:
        tuple[str, int] | None: ``(inner text, index after the closing mark)``
        or None if the text does not open with a closed quotation.
    """
    if not text or text[0] not in QUOTE_PAIRS:
        return None
    opening, closing = text[0], QUOTE_PAIRS[text[0]]
    if opening == closing:
        j = text.find(closing, 1)
        return (text[1:j], j + 1) if j > 0 else None
    depth = 0
    for i, c in enumerate(text):
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return text[1:i], i + 1
    return None


def _is_attribution_tail(tail: str) -> bool:
    """Whether what follows a quotation is only its attribution.

    Args:
        tail (str): text after the closing quotation mark.

    Returns:
        bool: True for "", ", a déclaré X." or "— X", one short clause.
    """
    tail = tail.strip()
    if not tail:
        return True
    return tail[0] in ",.;:-–—(" and len(word_list(tail)) <= ATTRIBUTION_MAX_WORDS and not SENTENCE_BREAK.search(tail)


def is_quote(seg: Seg) -> bool:
    """Whether a block is mainly a quotation (with an optional attribution).

    It opens with a closed quotation which is at least half of the block, or
    is followed only by a one-clause attribution ("…», a lancé X, devant Y.").

    Args:
        seg (Seg): the segment.

    Returns:
        bool: True for quote blocks.
    """
    q = quotation(seg.text)
    if q is None:
        return False
    return q[1] >= QUOTE_MIN_SHARE * len(seg.text) or _is_attribution_tail(seg.text[q[1] :])


def _is_prose(seg: Seg) -> bool:
    """Prose shape: long enough, or a finished sentence.

    Args:
        seg (Seg): the segment.

    Returns:
        bool: True for paragraph-like blocks.
    """
    return seg.n_words >= 15 or (seg.n_words >= PROSE_MIN_WORDS and seg.tidy.endswith(TERMINAL))


def _is_heading_shaped(seg: Seg) -> bool:
    """Short single line without sentence-final punctuation (``?`` allowed).

    Args:
        seg (Seg): the segment.

    Returns:
        bool: True when shaped like a heading.
    """
    return _one_short_line(
        seg, max_words=HEADING_MAX_WORDS, max_chars=HEADING_MAX_CHARS, not_ending=(".", ",", ";", ":", "…", ")", "]")
    )


def _is_title_shaped(seg: Seg) -> bool:
    """One line, not too long, no final period.

    Args:
        seg (Seg): the segment.

    Returns:
        bool: True when shaped like a title.
    """
    return _one_short_line(seg, max_words=TITLE_MAX_WORDS, max_chars=TITLE_MAX_CHARS, not_ending=(".", ",", ";", ":"))


def _one_short_line(seg: Seg, *, max_words: int, max_chars: int, not_ending: tuple[str, ...]) -> bool:
    """One line of 1 to ``max_words`` words and at most ``max_chars``, not ending in ``not_ending``."""
    return (
        seg.n_lines == 1
        and 1 <= seg.n_words <= max_words
        and len(seg.tidy) <= max_chars
        and not seg.tidy.endswith(not_ending)
    )


def classify(segs: list[Seg]) -> None:
    """Assign kinds in place (steps 3 of the module docstring).

    Args:
        segs (list[Seg]): segments in text order.
    """
    for i, seg in enumerate(segs):
        found = _vocabulary_kind(seg, first=(i == 0)) or (None if seg.quiet else _caption_kind(seg))
        if found:
            seg.set(*found)
    _mark_lists(segs)
    _mark_title_lede(segs)
    _mark_headings(segs)
    for seg in segs:
        if not seg.kind:
            seg.set("paragraph", "paragraph.default")


def _mark_lists(segs: list[Seg]) -> None:
    """Items under a list heading (see :class:`ListRule`) → boilerplate.

    Runs before titles are chosen, so that a list printed above the article
    does not give it its title.

    Args:
        segs (list[Seg]): segments after the vocabulary pass.
    """
    i = 0
    while i < len(segs):
        rule = LIST_OPENERS.get(segs[i].rule)
        heading = i
        i += 1
        if rule is None:
            continue
        while i < len(segs):
            seg = segs[i]
            if seg.kind in SIDE:
                if seg.rule in LIST_OPENERS:
                    break  # another list starts
                i += 1
                continue
            if seg.kind or not is_item_shaped(seg.tidy, seg.n_words, seg.n_lines, rule) or _byline_follows(segs, i):
                break
            seg.set("boilerplate", rule.id, f"{rule.reason} (after seg {heading})")
            i += 1


def _byline_follows(segs: list[Seg], i: int) -> bool:
    """Whether the next segment after ``i`` that is not boilerplate is a byline (``i`` is a title)."""
    for j in range(i + 1, len(segs)):
        if segs[j].kind != "boilerplate":
            return segs[j].kind == "byline"
    return False


def _mark_title_lede(segs: list[Seg]) -> None:
    """Title (first content block), quotes, and the lede right after the title.

    Bylines, credits and boilerplate between the title and the lede are
    skipped; a caption, quote or any other block closes the lede window.

    Args:
        segs (list[Seg]): segments after the vocabulary pass.
    """
    title_done = lede_open = False
    for seg in segs:
        if seg.kind in SIDE:
            continue
        if seg.kind:  # a caption
            lede_open = False
            continue
        if not title_done:
            title_done = True
            if _is_title_shaped(seg) and not is_quote(seg):
                seg.set("title", "title.first_line")
                lede_open = True
                continue
        if is_quote(seg):
            seg.set("quote", "quote.opening_mark")
        elif lede_open and _is_prose(seg):
            seg.set("lede", "lede.first_prose")
        lede_open = False


def _mark_headings(segs: list[Seg]) -> None:
    """Heading: heading-shaped, with content before and prose after.

    Args:
        segs (list[Seg]): segments, partly classified.
    """
    content = [i for i, s in enumerate(segs) if s.kind not in SIDE]
    for pos, i in enumerate(content):
        seg = segs[i]
        if seg.kind or pos == 0 or pos + 1 >= len(content):
            continue
        nxt = segs[content[pos + 1]]
        if _is_heading_shaped(seg) and _is_prose(nxt) and nxt.kind in ("", "lede"):
            seg.set("heading", "heading.short_line")


def apply_comment_section(segs: list[Seg]) -> None:
    """Everything after a comment-section marker in the page's second half.

    Args:
        segs (list[Seg]): classified segments.
    """
    total = sum(len(s.text) for s in segs if s.kind not in SIDE)
    before = 0
    for i, seg in enumerate(segs):
        if (
            seg.kind == "boilerplate"
            and any(p.fullmatch(trim_widget(seg.tidy.casefold())) for p in COMMENT_SECTION_START)
            and before >= total - before
        ):
            for later in segs[i + 1 :]:
                if later.kind != "boilerplate":
                    later.set(
                        "boilerplate",
                        "boilerplate.comment_section",
                        f"boilerplate: reader comment area (after seg {i})",
                    )
            return
        if seg.kind not in SIDE:
            before += len(seg.text)


def apply_trailer(segs: list[Seg]) -> None:
    """Short lines after the start of the page's final boilerplate run.

    Args:
        segs (list[Seg]): classified segments.
    """
    first = len(segs)
    for i in range(len(segs) - 1, -1, -1):
        seg = segs[i]
        if seg.kind in SIDE or seg.n_words <= TRAILER_MAX_WORDS:
            first = i
        else:
            break
    run = segs[first:]
    start = next((k for k, s in enumerate(run) if s.kind == "boilerplate"), None)
    if start is None:
        return
    for seg in run[start + 1 :]:
        if seg.kind not in SIDE:
            seg.set("boilerplate", "boilerplate.trailer")
