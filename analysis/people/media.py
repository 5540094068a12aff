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
medium is never the speaker (the speaker phrase is left out of the search). A channel noun may stand
anywhere in the sentence (A5: *Dans une interview à Radio Sawa, le chef du Conseil a critiqué …*),
but a name heads a medium only as a complement of the reporting verb, right after its group (*a
déclaré au Sénat*, *a confié au Figaro*, *déclare à l'AFP X*; the addressee is the verb's indirect
object, Riegel et al., ch. VI § 4.3), or right before a participial cue (*ce matin sur Europe 1, en
affirmant*); *devant* + a body names the audience wherever it stands (*devant le congrès de la
Mutualité, le président a demandé*). Elsewhere an *à* + name is a place or an affiliation (*analyste
à Hi Investment*, *à la IVe République*, *au Conseil fédéral* as the object of another verb).
"""

from __future__ import annotations

from typing import Any

from .channels import medium_phrase_end
from .detection import MEDIUM_PREPOSITIONS, RawAttribution, Segment

__all__ = ["find_medium"]


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
        span = medium_phrase_end(seg, k, hi_s, mentions)
        if span is None or (
            seg.low[k] != "devant"
            and not _beside_cue(seg, k, span, raw.cue)
            and medium_phrase_end(seg, k, hi_s, None) is None
        ):
            continue  # a name heads a medium only as the verb's complement (module docstring)
        a, b = seg.start[k], seg.end[span - 1]
        if any(a < e and s < b for s, e in blocked):
            continue
        found.append((abs(k - cue), a, b))
    # a phrase inside a longer one is part of it ("à Radio Sawa" in "dans une interview à Radio Sawa")
    outer = [f for f in found if not any(g[1] <= f[1] and f[2] <= g[2] and g != f for g in found)]
    if not outer:
        return _clitic_addressee(seg, raw.cue[0], raw.cue[1])
    _, a, b = min(outer)
    return a, b


def _beside_cue(seg: Segment, k: int, end: int, cue: tuple[int, int]) -> bool:
    """Whether the phrase ``[k, end)`` is the reporting verb's complement: right after its group, past
    adverbs and an inverted pronoun only (*a déclaré au Sénat*, *a confié hier au Figaro*), or right
    before a participial cue (*ce matin sur Europe 1, en affirmant que*)."""
    if end == cue[0] or end == cue[0] - 1 and seg.low[end] == ",":
        return True
    return k >= cue[1] and all(seg.pos[x] == "ADV" or seg.inverted(x) for x in range(cue[1], k))


#: Dative clitics that are never a subject (Riegel et al., ch. VII § 5.2: *lui*, *leur*, *me*, *te*).
_DATIVES = frozenset({"lui", "leur", "me", "m'", "te", "t'"})
#: Clitics that are a subject at the head of a verb group and an addressee after a subject.
_DATIVES_AFTER_SUBJECT = frozenset({"nous", "vous"})


def _clitic_addressee(seg: Segment, lo: int, hi: int) -> tuple[int, int] | None:
    """The addressee as a clitic pronoun in the verb group ``[lo, hi)`` (GUIDE A5: *lui avait dit*, *nous a affirmé*).

    A clitic stands before the verb it depends on, the auxiliary included; *nous* and *vous* are
    addressees only after a noun or third-person subject (*Le BEA nous a affirmé*), at the head of
    the group they are the subject (*nous avons dit*).
    """
    for k in range(lo, hi):
        w = seg.low[k]
        if seg.pos[k] != "PRON" and w not in _DATIVES or k > lo and seg.lemma[k - 1] in ("avoir", "être"):
            continue  # after the auxiliary, "lui" is a stressed subject pronoun (a lui écrit, GUIDE A13)
        subject_before = k > 0 and (
            seg.pos[k - 1] in ("NOUN", "PROPN") or seg.low[k - 1] in ("il", "elle", "ils", "elles", "on")
        )
        if w in _DATIVES and k + 1 < hi or w in _DATIVES_AFTER_SUBJECT and k == lo and subject_before:
            return seg.start[k], seg.end[k]
    return None
