"""The medium phrase: a preposition and a channel or outlet head (*à la presse*, *dans un communiqué*).

Shared by :mod:`analysis.people.detection` (a message ends before its medium) and
:mod:`analysis.people.media` (which medium an attribution has); GUIDE 3.5 of the quote gold
(``data/annotations/quotes/GUIDE.md``) defines the medium as "the outlet, person or channel to which
or through which the source spoke", the whole prepositional phrase. The head is a channel noun or an
outlet word (``data/sources_fr.tsv``, kinds ``channel`` and ``outlet``), or the name of an
organisation or a work (an ORG or MISC mention) when the caller gives the mentions.
"""

from __future__ import annotations

import functools
from typing import Any

from .gazetteer import word_sets
from .lexicon import source_forms

__all__ = ["MAX_MEDIUM_TOKENS", "medium_phrase_end"]

#: Determiners that may stand between the preposition and the head (adjectives may too, by their tag):
#: articles, demonstratives and possessives (``data/words_fr.tsv``).
_BEFORE_HEAD: frozenset[str] = frozenset().union(
    *(word_sets()[k] for k in ("det_definite", "det_indefinite", "det_demonstrative", "det_possessive"))
)
#: Words that end a medium phrase.
_END = frozenset({",", ".", ";", ":", "!", "?", "«", "»", "que", "qu'", "(", ")", "—", "–"})
#: Longest medium phrase, in tokens (*dans une interview à Radio Sawa*).
MAX_MEDIUM_TOKENS = 8


@functools.cache
def _channel_words() -> frozenset[str]:
    return frozenset(w[0] for kind in ("channel", "outlet") for w, _ in source_forms(kind) if len(w) == 1)


def medium_phrase_end(seg: Any, k: int, hi: int, mentions: Any) -> int | None:
    """The end token (exclusive) of a medium phrase opened by the preposition at ``k``, or ``None``.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        k (int): The preposition's token.
        hi (int): End of the sentence window.
        mentions (analysis.people.entities.MentionIndex | None): The article's mentions (None: only a
            channel or outlet word heads the phrase, never an organisation's name).

    Returns:
        int | None: The token after the phrase (module docstring).
    """
    j = k + 1
    if seg.low[k] in ("auprès", "lors") and j < hi and seg.low[j] in ("de", "du", "des", "d'"):
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


def _head(seg: Any, j: int, hi: int, mentions: Any) -> int | None:
    """The end of the head at ``j``: a channel or outlet noun, or an ORG/MISC mention starting there."""
    if seg.low[j] in _channel_words():
        end = j + 1
        if end < hi and seg.low[end] in ("de",) and end + 1 < hi and seg.low[end + 1] == "presse":
            end += 2  # conférence de presse
        while end < hi and seg.text[end][:1].isupper() and seg.pos[end] in ("PROPN", "NOUN", "X", "NUM"):
            end += 1  # the channel's name: "Radio Sawa", "la chaîne France 2"
        return end
    for i in mentions.within(seg.start[j], seg.stop_char) if mentions is not None else ():
        if int(mentions.start[i]) == seg.start[j] and mentions.label[i] in ("ORG", "MISC"):
            return min(seg.index_at(int(mentions.end[i])), hi)
    return None
