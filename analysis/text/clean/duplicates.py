"""Step 5 of :mod:`analysis.text.clean`: repeated content (same text, same quotation, contained whole)."""

from __future__ import annotations

from .rules import CONTAINED_MIN_CHARS, CONTAINED_MIN_WORDS, CONTENT_KINDS, QUOTE_MIN_CHARS
from .match import matching_keys, normalize_for_matching
from .kinds import Seg, is_quote, quotation


def _quotation_key(seg: Seg) -> str | None:
    """Matching key of the quotation a quote block opens with.

    Args:
        seg (Seg): the segment.

    Returns:
        str | None: normalised quotation content, or None.
    """
    q = quotation(seg.text)
    if q is None or not is_quote(seg):
        return None
    key = normalize_for_matching(q[0])
    return key if len(key) >= QUOTE_MIN_CHARS else None


def _contained(needle: str, haystack: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` at word boundaries.

    Args:
        needle (str): normalised shorter text.
        haystack (str): normalised longer text.

    Returns:
        bool: True if contained whole.
    """
    # str.find (C speed) then a boundary check: no regex compiled per pair,
    # which made long OCR pages quadratic in compilations.
    size = len(needle)
    at = haystack.find(needle)
    while at != -1:
        end = at + size
        if (at == 0 or not _is_word_char(haystack[at - 1])) and (
            end == len(haystack) or not _is_word_char(haystack[end])
        ):
            return True
        at = haystack.find(needle, at + 1)
    return False


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or an underscore."""
    return ch.isalnum() or ch == "_"


def mark_duplicates(segs: list[Seg]) -> None:
    """Flag repeated content: exact, same quotation, contained whole.

    Args:
        segs (list[Seg]): classified segments.
    """
    exact: dict[str, int] = {}
    quotes: dict[str, int] = {}
    originals: list[tuple[int, str]] = []
    content = [i for i, seg in enumerate(segs) if seg.kind in CONTENT_KINDS]
    # normalize_for_matching(seg.text) of each, made from their tidied texts at once (the same keys)
    for i, key in zip(content, matching_keys([segs[i].tidy for i in content])):
        seg = segs[i]
        qkey = _quotation_key(seg)
        if key in exact:
            _flag(seg, exact[key], "dup.exact", "same text after normalising apostrophes, quotes and spaces")
        elif qkey is not None and qkey in quotes:
            _flag(seg, quotes[qkey], "dup.quotation", "same quotation, different attribution")
        else:
            host = _containing(key, seg, originals)
            if host is not None:
                _flag(seg, host, "dup.contained", "contained whole in it after normalising")
                continue
            exact[key] = i
            if qkey is not None:
                quotes.setdefault(qkey, i)
            originals.append((i, key))


def _containing(key: str, seg: Seg, originals: list[tuple[int, str]]) -> int | None:
    """Earlier original block containing this one whole, if it is long.

    Args:
        key (str): normalised text of the segment.
        seg (Seg): the segment.
        originals (list[tuple[int, str]]): earlier originals ``(seg, key)``.

    Returns:
        int | None: the earlier segment's number.
    """
    if len(key) < CONTAINED_MIN_CHARS or seg.n_words < CONTAINED_MIN_WORDS:
        return None
    for j, other in originals:
        if len(other) > len(key) and _contained(key, other):
            return j
    return None


def _flag(seg: Seg, first: int, rule: str, why: str) -> None:
    """Mark a segment as a duplicate of ``first``.

    Args:
        seg (Seg): the duplicate.
        first (int): segment number of the first occurrence.
        rule (str): duplicate rule id.
        why (str): short explanation.
    """
    seg.duplicate_of = first
    seg.rule = rule
    seg.reason = f"duplicate of seg {first} ({why})"
