"""Incises that the verb rules of :mod:`analysis.people.detection` leave short or miss.

A construction of the incise of reported speech (Grevisse, *Le Bon Usage*, §§ 378-379; Riegel,
Pellat & Rioul, *Grammaire méthodique du français*, 2009, ch. XXIII on discours rapporté: the incise
may stand after, inside or before the reported words, and may be introduced by *comme*):

* **An incise inside its clause** (Grevisse § 378: *La Bavière, dit-il, a résolu …*; *Il est,
  disent-ils, la langue de …*). The reported clause runs on after the incise, so the content is the
  whole clause, the incise inside it, as the quote gold's guide takes a direct quotation broken by an
  incise (``data/annotations/quotes/GUIDE.md``, GUIDE 3.2: « A, dit-il, B » is one content from A
  to B). When only a connective or an adverbial stands before the incise (*Par ailleurs, poursuit
  X, une langue …*), it stays out (GUIDE A3) and the content is the clause after the incise.
  (:func:`continued_clause`.)
"""

from __future__ import annotations

from typing import Any

from .clauses import RELATIVES, content_end
from .constructions import opens_participial_cue

__all__ = ["NOT_THE_CLAUSE", "continued_clause"]

#: Words after an incise that open an adverbial, a relative, a new frame or a quotation, not the rest
#: of the reported clause (*, dit-il, lors de la réunion*; *, dit-il, selon ses proches*).
NOT_THE_CLAUSE = frozenset({"qui", "que", "qu'", "«", "“", "lors", "selon", "d'après", "avant", "après", "pendant"})
#: Parts of speech that open an adverbial or a connective, not a clause's subject (GUIDE A3).
_ADVERBIAL_START = frozenset({"ADV", "CCONJ", "ADP", "SCONJ"})


def continued_clause(
    seg: Any, c_lo: int, lo: int, spk: tuple[int, int], pronoun: bool, hi: int
) -> tuple[int, int] | None:
    """The content of an incise standing inside its clause, or None when the incise closes the clause.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        c_lo (int): First token of the clause before the incise.
        lo (int): First token of the incise's verb group (after its comma).
        spk (tuple[int, int]): The incise's inverted subject.
        pronoun (bool): Whether the subject is an inverted pronoun (*dit-il*); a noun phrase may be
            followed by its apposition (*, affirme Jean Dupont, le maire*), so the clause runs on after
            it only when a connective alone stands before the incise and a verb follows.
        hi (int): End of the sentence window.

    Returns:
        tuple[int, int] | None: The content's tokens (module docstring).
    """
    after = spk[1]
    nxt = after + 1
    if nxt >= hi or seg.low[after] != "," or seg.low[lo - 1] != ",":
        return None
    if (
        seg.is_punct(nxt)
        or seg.pos[nxt] in ("ADP", "SCONJ")
        or seg.low[nxt] in RELATIVES
        or seg.low[nxt] in NOT_THE_CLAUSE
        or opens_participial_cue(seg, nxt, hi)
    ):
        return None  # a medium, a participle or a relative clause after the incise: not the clause going on
    end = content_end(seg, nxt, hi)
    if end <= nxt:
        return None
    if seg.pos[c_lo] in _ADVERBIAL_START and not any(seg.pos[x] in ("VERB", "AUX") for x in range(c_lo, lo)):
        if any(seg.pos[x] in ("VERB", "AUX") for x in range(nxt, end)):
            return nxt, end  # Par ailleurs, poursuit X, une langue n'a pas …
        return None
    return (c_lo, end) if pronoun else None
