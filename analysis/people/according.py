"""According-to phrases: where one opens (*selon X*, *d'après X*, *de source …*, a sentence-initial *Pour X,*)
and the clause it scopes over (GUIDE 2, item 2, and 3.2), for :mod:`analysis.people.detection`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .clauses import CLAUSE_CONJUNCTIONS, clause_start, content_end
from .constructions import passive
from .lexicon import role_nouns

__all__ = ["MAX_POUR_TOKENS", "according_length", "according_scope", "elided", "names_a_holder"]

#: Longest noun phrase of a sentence-initial *Pour X,* framing a view, in tokens.
MAX_POUR_TOKENS = 10


def according_length(seg: Any, k: int, forms: tuple[tuple[tuple[str, ...], str], ...]) -> int:
    """Length in tokens of the according-to form at ``k`` (0: none).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        k (int): A token.
        forms (tuple): The ``according`` forms of ``data/sources_fr.tsv`` (words, class).

    Returns:
        int: How many tokens the form takes, 0 when none opens at ``k``.
    """
    for form, _ in forms:
        words = elided(form)
        if tuple(seg.low[k : k + len(words)]) == words:
            if (
                words[0] == "de"
                and k > seg.sent_lo[k]
                and seg.low[k - 1] != ","
                and not (
                    seg.lemma[k - 1] == "apprendre"
                    or seg.verb(k - 1)
                    and not passive(seg, seg.group_start(k - 1), k - 1)
                )
            ):
                continue  # "confirmée de source indépendante" is no attribution of a claim
            return len(words)
    # "d'après" may be one token or two
    if seg.low[k] == "d'" and k + 1 < len(seg) and seg.low[k + 1] == "après":
        return 2
    # sentence-initial "Pour X," framing a view (not pour + infinitive, not a beneficiary later on)
    if seg.low[k] == "pour" and k == seg.sent_lo[k] and k + 1 < len(seg) and seg.pos[k + 1] not in ("VERB", "AUX"):
        j = k + 1
        while j < seg.sent_hi[k] and not seg.is_punct(j) and j - k <= MAX_POUR_TOKENS:
            j += 1
        if j < seg.sent_hi[k] and seg.low[j] in (",", ":") and names_a_holder(seg, k + 1, j):
            return 1
    return 0


@functools.cache
def elided(words: tuple[str, ...]) -> tuple[str, ...]:
    """A form's words as the tokenizer cuts them: an elided article is a token of its own (*l'avis* → *l'*, *avis*)."""
    out: list[str] = []
    for w in words:
        m = re.fullmatch(r"([a-z]')(\w.*)", w)
        out.extend(m.groups() if m and w not in ("d'après",) else (w,))
    return tuple(out)


def names_a_holder(seg: Any, lo: int, hi: int) -> bool:
    """Whether tokens ``[lo, hi)`` after a sentence-initial *Pour* name who holds a view.

    A name (a mention), or a determiner and a role noun of the lexicon (*Pour l'organisation …,*,
    *Pour le ministre,*): *pour* + a person or a body frames the clause as that holder's view
    (Grevisse § 1040, *pour* "selon l'opinion de"; GUIDE 2), whereas *Pour la première fois,* or *Pour
    cette raison,* name no one.
    """
    if seg.mentions.within(seg.start[lo], seg.end[hi - 1]):
        return True
    return seg.pos[lo] == "DET" and lo + 1 < hi and seg.low[lo + 1] in role_nouns()


def according_scope(seg: Any, k: int, p_hi: int, lo_s: int, hi_s: int) -> tuple[int, int]:
    """Tokens of the clause an according-to phrase (``k`` to ``p_hi``) scopes over (GUIDE 3.2).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        k (int): The phrase's first token.
        p_hi (int): The token after the phrase.
        lo_s (int): The sentence's first token.
        hi_s (int): The token after the sentence.

    Returns:
        tuple[int, int]: The content's token span.
    """
    before = k > lo_s and not all(seg.is_punct(x) for x in range(lo_s, k))
    if seg.low[k] == "de" and p_hi < hi_s and seg.low[p_hi] in ("que", "qu'"):  # "a appris de source sûre que …"
        return p_hi + 1, content_end(seg, p_hi + 1, hi_s)
    if before and seg.low[k - 1] in CLAUSE_CONJUNCTIONS:
        before = False  # "…, mais selon Y, Z aurait …": the phrase opens its clause, it scopes over what follows
    if before:  # "[content], selon X" / "[content], selon X, [more]"
        c_lo = clause_start(seg, k - 1, lo_s)
        c_hi = k - 1 if seg.low[k - 1] == "," else k
        if p_hi < hi_s and seg.low[p_hi] == "," and p_hi + 1 < hi_s:
            c_hi = content_end(seg, p_hi + 1, hi_s)
        return c_lo, c_hi
    c_lo = p_hi + 1 if p_hi < hi_s and seg.low[p_hi] in (",", ":") else p_hi
    return c_lo, content_end(seg, c_lo, hi_s)
