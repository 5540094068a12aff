"""The medium or addressee of an attribution, anywhere in its clause (GUIDE 3.5 and A5).

The quote gold's guide calls medium "the outlet, person or channel to which or through which the
source spoke, when the text gives it in the attribution's clause" (*à l'AFP*, *sur Twitter*, *dans un
communiqué*, *en conférence de presse*, *au Figaro*), the whole prepositional phrase; A5 lets it stand
anywhere in the sentence of the same speech event (*Dans une interview à Radio Sawa, le chef du
Conseil a critiqué …*). :mod:`analysis.people.speakers` already reads one between an inverted verb
and its subject; :func:`find_medium` reads the others: a phrase opened by a preposition of
:data:`analysis.people.detection.MEDIUM_PREPOSITIONS` whose head is a channel noun or an outlet word
(``data/sources_fr.tsv``, kinds ``channel`` and ``outlet``) or the name of an organisation or a work
(an ORG or MISC mention: *au Sénat*, *sur Europe 1*), in the sentence of the cue, outside the content,
the speaker phrase and any quotation. A place (*à Paris*, *dans le Wisconsin*) is no medium. The
medium is never the speaker (the speaker phrase is left out of the search).
"""

from __future__ import annotations

import functools
from typing import Any

from .detection import MEDIUM_PREPOSITIONS, RawAttribution, Segment
from .lexicon import source_forms

__all__ = ["find_medium"]

#: Determiners, possessives and adjectives that may stand between the preposition and the head.
_BEFORE_HEAD = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette"}
)
#: Words that end a medium phrase.
_END = frozenset({",", ".", ";", ":", "!", "?", "«", "»", "que", "qu'", "(", ")", "—", "–"})
#: Longest medium phrase, in tokens (*dans une interview à Radio Sawa*).
MAX_MEDIUM_TOKENS = 8


@functools.cache
def _channel_words() -> frozenset[str]:
    return frozenset(w[0] for kind in ("channel", "outlet") for w, _ in source_forms(kind) if len(w) == 1)


def find_medium(
    seg: Segment, raw: RawAttribution, avoid: list[tuple[int, int]], mentions: Any
) -> tuple[int, int] | None:
    """The character span of the medium phrase of one attribution, or ``None``.

    Args:
        seg (Segment): The paragraph's tokens.
        raw (RawAttribution): The attribution (its cue and content).
        avoid (list[tuple[int, int]]): Character spans the medium may not overlap (the speaker phrase).
        mentions (analysis.people.entities.MentionIndex): The article's mentions.

    Returns:
        tuple[int, int] | None: The phrase nearest the cue (module docstring).
    """
    if raw.cue is None:
        return None
    cue = raw.cue[0]
    lo_s, hi_s = seg.sent_lo[cue], seg.sent_hi[cue]
    blocked = [(raw.start, raw.end), *avoid, *raw.quotes]
    found: list[tuple[int, int, int]] = []
    for k in range(lo_s, hi_s):
        if seg.low[k] not in MEDIUM_PREPOSITIONS or raw.cue[0] <= k < raw.cue[1]:
            continue
        span = _phrase(seg, k, hi_s, mentions)
        if span is None:
            continue
        a, b = seg.start[k], seg.end[span - 1]
        if any(a < e and s < b for s, e in blocked):
            continue
        found.append((abs(k - cue), a, b))
    # a phrase inside a longer one is part of it ("à Radio Sawa" in "dans une interview à Radio Sawa")
    outer = [f for f in found if not any(g[1] <= f[1] and f[2] <= g[2] and g != f for g in found)]
    if not outer:
        return None
    _, a, b = min(outer)
    return a, b


def _phrase(seg: Segment, k: int, hi: int, mentions: Any) -> int | None:
    """The end token (exclusive) of a medium phrase opened at ``k``, or ``None``."""
    j = k + 1
    if seg.low[k] == "auprès" and j < hi and seg.low[j] in ("de", "du", "des", "d'"):
        j += 1
    while j < hi and (seg.low[j] in _BEFORE_HEAD or seg.pos[j] == "ADJ"):
        j += 1
    if j >= hi or seg.low[j] in _END:
        return None
    head_end = _head(seg, j, hi, mentions)
    if head_end is None:
        return None
    end = head_end
    # a nested addressee or outlet: "dans une interview à Radio Sawa", "dans les colonnes du Times"
    if end < hi and seg.low[end] in ("à", "au", "du", "de", "d'") and end - k < MAX_MEDIUM_TOKENS:
        m = end + 1
        while m < hi and seg.low[m] in _BEFORE_HEAD:
            m += 1
        nested = _head(seg, m, hi, mentions) if m < hi else None
        if nested is not None and nested - k <= MAX_MEDIUM_TOKENS:
            end = nested
    return end


def _head(seg: Segment, j: int, hi: int, mentions: Any) -> int | None:
    """The end of the head at ``j``: a channel or outlet noun, or an ORG/MISC mention starting there."""
    if seg.low[j] in _channel_words():
        end = j + 1
        if end < hi and seg.low[end] in ("de",) and end + 1 < hi and seg.low[end + 1] == "presse":
            end += 2  # conférence de presse
        while end < hi and seg.text[end][:1].isupper() and seg.pos[end] in ("PROPN", "NOUN", "X", "NUM"):
            end += 1  # the channel's name: "Radio Sawa", "la chaîne France 2"
        return end
    for i in mentions.within(seg.start[j], seg.stop_char):
        if int(mentions.start[i]) == seg.start[j] and mentions.label[i] in ("ORG", "MISC"):
            return min(seg.index_at(int(mentions.end[i])), hi)
    return None
