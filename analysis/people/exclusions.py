"""Cues that attribute nothing: a reporting verb in the article's own voice, or with no message.

The quote gold's guide (``data/annotations/quotes/GUIDE.md``) sets these apart from attributions,
whatever the verb (word lists in ``data/no_content_fr.tsv``):

* **The article's own voice** (GUIDE 2: *il semble que*, *on peut noter* are the writer's): a
  verb in the first person plural imperative that opens its sentence (*Rappelons que …*, the
  writer addressing the reader, Grevisse § 404), and an infinitive governed by an impersonal frame
  (*il est bon de rappeler que*, *il faut noter que*, *on peut souligner que*).
* **A feeling without a claim** (GUIDE A9: *faisait part de son étonnement*): the object is a
  possessive and an emotion noun, with its complements about an event.
* **An income, not a message** (TLFi, *rapporter* B): a verb that also means "to yield" with an
  amount of money as its object (*l'impôt rapporterait 2,3 milliards d'euros*, *le film a rapporté 7
  millions d'euros*; *le journal rapporte 300 arrestations* stays a report).
* **An evaluation of an act** (GUIDE 2: *a salué la décision*, *a critiqué la suggestion de X*): a
  verb of criticism or emotion whose noun-phrase object is an act or an event and holds no quoted
  words.
"""

from __future__ import annotations

from typing import Any

from .lexicon import SpeechVerb, no_content_words

__all__ = ["attributes_nothing"]

_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos"})
_DETERMINERS = frozenset({"la", "le", "les", "l'", "cette", "ce", "cet", "ces", "sa", "son", "ses", "leur", "leurs"})
_QUOTES = ("«", "»", "“", "”", '"')


def attributes_nothing(seg: Any, lo: int, nxt: int, comp: tuple[int, int], verb: SpeechVerb) -> bool:
    """Whether the verb group ``[lo, nxt)`` with content tokens ``comp`` is no attribution.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        lo (int): First token of the verb group.
        nxt (int): Token after it.
        comp (tuple[int, int]): The content's token span.
        verb (SpeechVerb): The cue's entry in the lexicon.

    Returns:
        bool: True for the article's own voice, a feeling without a claim, an income, or an evaluation
        of an act (module docstring).
    """
    words = no_content_words()
    head = verb.lemma.split()[-1]
    if head in words["article_voice_verbs"]:
        first = seg.sent_lo[lo]
        if lo == first and seg.low[lo].endswith("ons"):
            return True  # Rappelons que …
        before = [seg.low[x] for x in range(max(first, lo - 4), lo)]
        if (
            before
            and before[-1] in ("de", "d'", "à", "peut", "faut")
            and ("il" in before or "on" in before)
            and words["impersonal_heads"] & set(before)
        ):
            return True  # il est bon de rappeler que, il faut noter que, on peut souligner que
    # the words after the verb: the object may stand before a "de + infinitive" content (critiquer la
    # suggestion de X de …), an adverbial before the feeling (faisait part dimanche de son étonnement)
    c_hi = comp[1]
    if nxt >= c_hi or any(seg.low[x] in _QUOTES for x in range(nxt, c_hi)):
        return False
    after = seg.low[nxt : min(c_hi, nxt + 5)]
    if head in words["revenue_verbs"]:
        j = comp[0]
        while j < c_hi and (seg.low[j] in words["amount_openers"] or seg.low[j] in ("de", "d'", "moins")):
            j += 1
        number = j < c_hi and (seg.pos[j] == "NUM" or seg.low[j][:1].isdigit())
        if number and any(seg.low[x] in words["currency_words"] for x in range(j + 1, min(c_hi, j + 5))):
            return True  # l'impôt rapporterait 2,3 milliards d'euros (not: le journal rapporte 300 arrestations)
    for x in range(len(after) - 1):
        if after[x] in _POSSESSIVES and after[x + 1] in words["emotion_nouns"]:
            return x == 0 or after[x - 1] in ("de", "d'")
    if verb.stance in words["evaluative_stances"] and after[0] in _DETERMINERS:
        return len(after) > 1 and after[1] in words["act_nouns"]
    return False
