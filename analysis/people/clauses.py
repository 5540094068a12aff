"""Where a reported clause begins and ends, and the inverted subject after a verb (the clause layer).

Shared by :mod:`analysis.people.detection` and :mod:`analysis.people.incises`. The boundaries follow
the quote gold's guide (``data/annotations/quotes/GUIDE.md``, GUIDE 3.2: the content is the reported
clause, without the final full stop, up to an according-to phrase or an incise that closes it) and
French grammar: a coordinating conjunction opens a new clause (Grevisse, *Le Bon Usage*, § 1081), a
relative or subordinate clause lies outside a noun phrase (Riegel, Pellat & Rioul, *Grammaire
méthodique du français*, ch. XVI).
"""

from __future__ import annotations

from typing import Any

from .constructions import opens_participial_cue

__all__ = ["CLAUSE_CONJUNCTIONS", "RELATIVES", "clause_start", "content_end", "inside_quote", "speaker_right"]

#: Coordinating conjunctions that open a new clause (Grevisse, *Le Bon Usage*, § 1081).
CLAUSE_CONJUNCTIONS = frozenset({"mais", "et", "or", "car", "puis", "donc", "ou"})
#: Relative pronouns and adverbs that open a clause outside a noun phrase (*où*, *dont*, *lequel*).
RELATIVES = frozenset({"où", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "duquel"})


def content_end(seg: Any, j: int, hi: int) -> int:
    """Token index where a reported clause starting at ``j`` ends: before ``, selon``, an incise or the final mark."""
    k, depth = j, 0
    while k < hi:
        if seg.text[k] in ("«", "“"):
            depth += 1
        elif seg.text[k] in ("»", "”") and depth > 0:
            depth -= 1
        if k > j and depth == 0 and opens_participial_cue(seg, k, hi):
            break  # "… l'idée d'un prêt affirmant : « … »": the participle opens a new attribution
        if seg.low[k] in (",", ";") and k + 1 < hi:
            nxt = seg.low[k + 1]
            if nxt in ("selon", "d'après") or seg.verb(k + 1) and seg.inverted(k + 2):
                break
            if nxt in CLAUSE_CONJUNCTIONS and k + 2 < hi and seg.low[k + 2] in ("selon", "d'après"):
                break  # "…, mais selon Y, …": a new clause on another's word
            if nxt in ("mais", "et", "puis") and _subjectless_predicate(seg, k + 2, hi):
                break  # "…, mais a cependant réitéré …": a second predicate of the reporting clause's subject
        if seg.low[k] == ";":
            break
        k += 1
    while k > j and seg.text[k - 1] in (".", ",", ";", ":", "!", "?", "…") and not inside_quote(seg, k - 1):
        k -= 1
    return k


def inside_quote(seg: Any, k: int) -> bool:
    """Whether the mark at ``k`` stands right before a closing quotation mark (it is the quotation's own)."""
    return k + 1 < len(seg) and seg.text[k + 1] in ("»", "”")


def speaker_right(seg: Any, nxt: int, hi: int) -> tuple[int, int] | None:
    """The inverted subject after a verb group: a pronoun (*-t-il*) or the phrase up to the next stop."""
    if nxt < hi and seg.inverted(nxt):
        return nxt, nxt + 1
    k = nxt
    while k < hi and not seg.is_stop(k) and not (k > nxt and (seg.low[k] in RELATIVES or seg.pos[k] == "SCONJ")):
        k += 1  # a relative or subordinate clause is outside the noun phrase (Riegel et al., ch. XVI)
    return (nxt, k) if k > nxt else None


def clause_start(seg: Any, k: int, lo_s: int) -> int:
    """First token of the clause ending at ``k``: after a ``;`` or ``:``, or the sentence start."""
    j = k
    while j > lo_s and seg.low[j - 1] not in (";", ":"):
        j -= 1
    while j < k and seg.is_punct(j) and seg.text[j] not in ("«", "“", '"'):
        j += 1
    return j


def _subjectless_predicate(seg: Any, j: int, hi: int) -> bool:
    """Whether a finite verb group with no subject of its own opens at ``j`` (after *, mais* / *, et*).

    After a comma and a coordinating conjunction, a finite auxiliary with no subject before it
    (*…, mais a cependant réitéré*, *…, et a ajouté*) coordinates a second predicate to the sentence's
    subject (Grevisse, *Le Bon Usage*, § 1081 and § 267, the coordinated predicates share one subject;
    Riegel et al., ch. XIX): the reported clause ends before it. Only an auxiliary of a compound tense
    counts (*a*, *avait*, *est*), so that a coordinated noun phrase or adjective stays in the content.
    """
    k = j
    while k < hi and seg.low[k] in ("ne", "n'", "y", "en", "lui", "leur", "l'", "se", "s'"):
        k += 1
    if k >= hi or seg.pos[k] != "AUX" or seg.lemma[k] not in ("avoir", "être"):
        return False
    x = k + 1
    while x < hi and seg.pos[x] == "ADV":
        x += 1
    return x < hi and seg.pos[x] == "VERB"
