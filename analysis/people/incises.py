"""Incises that the verb rules of :mod:`analysis.people.detection` leave short or miss.

Two constructions of the incise of reported speech (Grevisse, *Le Bon Usage*, §§ 378-379; Riegel,
Pellat & Rioul, *Grammaire méthodique du français*, 2009, ch. XXIII on discours rapporté: the incise
may stand after, inside or before the reported words, and may be introduced by *comme*):

* **An incise inside its clause** (Grevisse § 378: *La Bavière, dit-il, a résolu …*; *Il est,
  disent-ils, la langue de …*). The reported clause runs on after the incise, so the content is the
  whole clause, the incise inside it, as the quote gold's guide takes a direct quotation broken by an
  incise (``data/annotations/quotes/GUIDE.md``, GUIDE 3.2: « A, dit-il, B » is one content from A
  to B). When only a connective or an adverbial stands before the incise (*Par ailleurs, poursuit
  X, une langue …*), it stays out (GUIDE A3) and the content is the clause after the incise.
  (:func:`continued_clause`.)
* **The incise with comme** (Grevisse § 379: *comme dit X*, *comme le rappelle X*, *ainsi que l'a
  souligné X*; the neuter *le* takes up the reported clause). The clause the *comme* phrase is
  set beside is the content: the one after it when the phrase opens the sentence (*Comme l'explique
  le rapport, les prix …*), the one before it otherwise (*La crise est profonde, comme le rappelle
  X.*). A tagger often reads the verb after *le* as a noun or a name, so the verb is read from its
  lemma in the lexicon whatever its tag: after *comme le*, only a verb can stand.
  The article's own voice is no source (GUIDE 2: *on peut noter*): *comme nous l'avons dit*, *comme
  je l'écrivais* (the writer), and *comme on le pense bien*, *comme on le croit* (an opinion verb
  with *on*: the writer addressing the reader). A negated clause is left out: in *Elles n'étaient
  pas sœurs, comme on l'avait dit*, what was said is the contrary of the clause, and the text does
  not tell which one the source holds. (:func:`comme_incises`.)
"""

from __future__ import annotations

import re
from typing import Any

from .clauses import RELATIVES, clause_start, content_end, speaker_right
from .constructions import non_finite, opens_participial_cue, passive
from .lexicon import SpeechVerb, no_content_words, speech_verbs
from .verbforms import INFINITIVE, first_group, lookup

__all__ = [
    "COMME_HEADS",
    "NOT_THE_CLAUSE",
    "SUBJECT_PRONOUNS",
    "WRITER_PRONOUNS",
    "CommeIncise",
    "colon_verb",
    "comme_incises",
    "continued_clause",
    "incise_verb",
]

#: Words that open a *comme* incise: *comme*, and *ainsi* before *que* (Grevisse § 379).
COMME_HEADS = frozenset({"comme", "ainsi"})
#: Subject clitics that may stand before the neuter *le* (*comme il l'a dit*).
SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "je", "j'", "vous"})
#: Subjects that are the writer (*comme nous l'avons dit*) or, with an opinion verb, the writer and
#: the reader (*comme on le pense bien*): the article's own voice (GUIDE 2).
WRITER_PRONOUNS = frozenset({"nous", "je", "j'", "vous"})
_NEUTER = frozenset({"le", "l'"})
_AUXILIARIES = frozenset({"avoir", "être"})
_NEGATION = frozenset({"ne", "n'"})

#: Words after an incise that open an adverbial, a relative, a new frame or a quotation, not the rest
#: of the reported clause (*, dit-il, lors de la réunion*; *, dit-il, selon ses proches*).
NOT_THE_CLAUSE = frozenset({"qui", "que", "qu'", "«", "“", "lors", "selon", "d'après", "avant", "après", "pendant"})
#: Parts of speech that open an adverbial or a connective, not a clause's subject (GUIDE A3).
_ADVERBIAL_START = frozenset({"ADV", "CCONJ", "ADP", "SCONJ"})


def incise_verb(seg: Any, k: int, *, subject_np: bool = False) -> tuple[SpeechVerb, int] | None:
    """A verb of any lexical class heading an incise at ``k`` (GUIDE 2), when no lexicon entry is there.

    Any verb can head a quotation incise (Danlos, Sagot & Stern 2010; GUIDE 2: *sourit-il*, *tente-t-il
    de corriger*): a form right before an inverted subject pronoun that closes the incise
    (*tranche-t-il.*, *appuie-t-il,*; not a question: *tarde-t-il ?*), or, with ``subject_np`` (after
    a closing mark and a comma), a finite verb whose inverted subject noun phrase ends the sentence
    (*», s'amuse la joueuse.*). Impersonal, modal and auxiliary verbs (``impersonal_verbs`` of
    ``data/no_content_fr.tsv``: *semble-t-il*, *faut-il*) are the writer's comment or a question.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        k (int): The candidate verb.
        subject_np (bool): Whether a noun-phrase subject may follow (right after ``», ``).

    Returns:
        tuple[SpeechVerb, int] | None: An entry with the look-up table's infinitive as lemma, else the
        regular first-group one (*tranche* → *trancher*), *se*/*s'* before it for a pronominal verb, no
        stance (it is no lexicon verb); and the token after the verb. None otherwise.
    """
    if not 0 <= k < len(seg) or seg.verb(k) is not None:
        return None
    if seg.pos[k] in ("PROPN", "DET", "ADP", "NUM", "CCONJ", "SCONJ", "PUNCT", "PRON") or not seg.low[k].isalpha():
        return None
    forms = (seg.lemma[k], lookup().get(seg.low[k], ""), *first_group(seg.low[k]))
    lemma = next((c for c in forms if INFINITIVE.search(c)), "")
    if not lemma or lemma in no_content_words()["impersonal_verbs"]:
        return None
    if k > 0 and seg.low[k - 1] in ("se", "s'"):
        lemma = ("s'" if lemma[0] in "aeéèêiîouhy" else "se ") + lemma  # s'amuse → s'amuser
    verb = SpeechVerb(lemma, "", "clause")
    if seg.inverted(k + 1):
        ends = k + 2 >= len(seg) or seg.is_punct(k + 2) and seg.low[k + 2] not in ("?", "-")
        return (verb, k + 1) if ends else None
    if not subject_np or seg.pos[k] != "VERB" or re.search(r"(er|ir|re|oir|ant)$", seg.low[k]):
        return None
    if k + 1 >= len(seg) or seg.pos[k + 1] not in ("DET", "PROPN"):
        return None
    j = k + 1
    while j < seg.sent_hi[k] and not seg.is_stop(j):
        j += 1
    return (verb, k + 1) if j >= seg.sent_hi[k] or seg.low[j] in (".", "!", "…") else None


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


#: One *comme* incise: content tokens, cue tokens, the verb's lemma and stance, speaker span, side.
CommeIncise = tuple[tuple[int, int], tuple[int, int], str, str, tuple[int, int], str]


def comme_incises(seg: Any, taken: list[bool]) -> list[CommeIncise]:
    """Every *comme* incise of one segment whose verb no earlier rule took (module docstring).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        taken (list[bool]): Tokens already part of a cue, a speaker phrase or a quotation; the
            incise's cue and speaker are marked in it.

    Returns:
        list[CommeIncise]: ``(content, cue, lemma, stance, speaker, side)`` per incise.
    """
    out = []
    n = len(seg)
    for h in range(n):
        if seg.low[h] not in COMME_HEADS or taken[h]:
            continue
        j = h + 1
        if seg.low[h] == "ainsi":
            if j >= n or seg.low[j] not in ("que", "qu'"):
                continue
            j += 1
        lo_s, hi_s = seg.sent_lo[h], seg.sent_hi[h]
        found = _verb_after(seg, j, hi_s)
        if found is None:
            continue
        pron, lo, k, v = found
        if taken[k] or non_finite(seg, lo, k):
            continue
        if pron is not None and (seg.low[pron] in WRITER_PRONOUNS or seg.low[pron] == "on" and v.frame == "opinion"):
            continue  # comme nous l'avons dit, comme on le pense bien: the article's own voice
        nxt = k + 1
        spk = (pron, pron + 1) if pron is not None else speaker_right(seg, nxt, hi_s)
        side = "left" if pron is not None else "right"
        if spk is None:
            continue
        end = max(nxt, spk[1])
        content = _comme_content(seg, h, end, lo_s, hi_s)
        if content is None or not any(seg.pos[x] in ("VERB", "AUX") for x in range(*content)):
            continue  # the content is a proposition, a clause with its verb (GUIDE 2)
        for x in range(min(lo, spk[0]), end):
            taken[x] = True
        out.append((content, (lo, nxt), v.lemma, v.stance, spk, side))
    return out


def _verb_after(seg: Any, j: int, hi: int) -> tuple[int | None, int, int, Any] | None:
    """After *comme*: ``[subject pronoun] le|l' [auxiliaries] VERB`` or a bare finite ``VERB`` (*comme dit X*).

    Returns the subject pronoun's token (or None), the verb group's first token, the verb's token and
    its lexicon entry.
    """
    pron = None
    if j < hi and seg.low[j] in SUBJECT_PRONOUNS:
        pron, j = j, j + 1
    lo = j
    neuter = j < hi and seg.low[j] in _NEUTER
    if neuter:
        j += 1
    while j < hi and seg.lemma[j] in _AUXILIARIES and seg.pos[j] in ("AUX", "VERB"):
        j += 1
    if j >= hi or j > lo + 3:
        return None
    if not neuter and (pron is not None or seg.pos[j] not in ("VERB", "AUX")):
        return None  # "comme il dit" without le is rare; "comme dit X" needs the tagger's verb
    from ..text.lemmas_fast import tables  # the look-up table, loaded once (cached) when first needed

    lexicon = speech_verbs()
    v = lexicon.get(seg.lemma[j]) or lexicon.get(tables()[1].get(seg.low[j], ""))
    if v is None or v.frame in ("pronominal", "locution"):
        return None
    return pron, lo, j, v


def _comme_content(seg: Any, h: int, end: int, lo_s: int, hi_s: int) -> tuple[int, int] | None:
    """The clause a *comme* phrase from ``h`` to ``end`` is set beside (module docstring)."""
    opens = all(seg.is_punct(x) for x in range(lo_s, h))
    comma_after = end < hi_s and seg.low[end] == ","
    if opens:
        if not comma_after or end + 1 >= hi_s:
            return None
        c_hi = content_end(seg, end + 1, hi_s)
        return (end + 1, c_hi) if c_hi > end + 1 else None
    if seg.low[h - 1] != ",":
        return None
    c_lo = clause_start(seg, h - 1, lo_s)
    c_hi = h - 1
    if c_hi <= c_lo or any(seg.low[x] in _NEGATION for x in range(c_lo, c_hi)):
        return None  # elles n'étaient pas sœurs, comme on l'avait dit: which one was said is not told
    if comma_after and not any(seg.pos[x] in ("VERB", "AUX") for x in range(c_lo, c_hi)):
        extended = content_end(seg, end + 1, hi_s)  # Le texte, comme l'a souligné X, reste fragile
        if extended > end + 1:
            return c_lo, extended
    return c_lo, c_hi


def colon_verb(seg: Any, colon: int, taken: list[bool]) -> tuple[int, int, SpeechVerb, int] | None:
    """The finite verb of the clause before a colon that introduces a quotation (GUIDE A16b), any lexical class.

    A verb that introduces a quotation after a colon is a cue whatever its lexical class (GUIDE A16b:
    *se souvient : « … »*; *s'en est pris au ministre lors d'un discours : « … »*), as the verb of an
    incise is (Danlos, Sagot & Stern 2010). The verb is the clause's main verb: the last finite verb
    before the colon in the same clause, outside a relative clause (Riegel et al., ch. XVI) and not an
    infinitive, a participle without auxiliary or a passive (no subject to speak: constructions); the
    impersonal and light verbs of ``impersonal_verbs`` report nothing. A lexicon verb is left to
    the content rules of :mod:`analysis.people.detection` (GUIDE A2: *X a insisté sur P : « Q »* is one
    mixed attribution).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        colon (int): The colon right before the quotation.
        taken (list[bool]): Tokens already part of a cue or speaker phrase.

    Returns:
        tuple[int, int, SpeechVerb, int] | None: The verb group's first token, the verb, an entry with
        no stance, and the token after the verb; None when the clause has none.
    """
    lo_s = seg.sent_lo[colon]
    q = colon - 1
    while q >= lo_s and seg.low[q] not in (";", ":") and seg.text[q] not in ("»", "”", "«", "“"):
        if seg.pos[q] == "VERB" and not taken[q] and seg.low[q].isalpha():
            if seg.verb(q) is not None:
                return None  # a lexicon verb: its own content rules apply (X a insisté sur P : « Q », GUIDE A2)
            lo = seg.group_start(q)
            before = seg.low[lo - 1] if lo > lo_s else ""
            if before in ("qui", "que", "qu'", "dont", "où"):
                return None  # a relative clause's verb: its quotation is the antecedent's, not the clause's
            if (
                seg.pos[lo - 1 if lo > lo_s else lo] != "ADP"
                and not re.search(r"(er|ir|re|oir)$", seg.low[q])
                and not non_finite(seg, lo, q)
                and not passive(seg, lo, q)
            ):
                forms = (seg.lemma[q], lookup().get(seg.low[q], ""), *first_group(seg.low[q]))
                lemma = next((c for c in forms if INFINITIVE.search(c)), "")
                if not lemma or lemma in no_content_words()["impersonal_verbs"]:
                    return None
                if any(seg.low[x] in ("se", "s'") for x in range(lo, q)):
                    lemma = ("s'" if lemma[0] in "aeéèêiîouhy" else "se ") + lemma
                return lo, q, SpeechVerb(lemma, "", "clause"), q + 1
        q -= 1
    return None


def attribute_verb(seg: Any, first: int, taken: list[bool]) -> tuple[int, int] | None:
    """The verb whose object a quotation qualifies after *comme* or *de* (*a décrit l'avalanche comme
    étant la « plus meurtrière … »*, *a qualifié la décision du conseil de « scandale »*).

    The quotation is then the attribute of the verb's object (Grevisse, *Le Bon Usage*, § 301-302:
    *qualifier de*, *traiter de*, *décrire comme*, *présenter comme*), a cue of GUIDE 2 (*traiter X
    de*, *qualifier X de*, *décrire X comme*); a whole object noun phrase may stand between the verb
    and the quotation. The verb must be one of ``attribute_verbs`` (``data/no_content_fr.tsv``) in
    the lexicon, in the quotation's clause (no punctuation but an apostrophe between), untaken.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        first (int): The quotation's opening mark.
        taken (list[bool]): Tokens already part of a cue or speaker phrase.

    Returns:
        tuple[int, int] | None: The verb's token and the token after its group; None when there is none.
    """
    lo_s = seg.sent_lo[first]
    words = no_content_words()
    p = first - 1
    while p > lo_s and seg.low[p] in words["attribute_fillers"]:
        p -= 1  # comme étant la « … », de « … »
    if p <= lo_s or seg.low[p] not in ("comme", "de", "d'"):
        return None
    for q in range(p - 1, lo_s - 1, -1):
        if seg.is_punct(q) and seg.text[q] not in ("'", "’", "-"):
            return None
        found = seg.verb(q)
        if found is not None and not taken[q]:
            return (q, found[1]) if found[0].lemma in words["attribute_verbs"] else None
    return None
