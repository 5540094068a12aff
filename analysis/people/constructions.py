"""Whether a reporting verb's form and construction can report speech, whatever its lemma.

A lemma of the speech-verb lexicon is a cue only in a construction that gives it a content
complement and a source (GUIDE 2 of the quote gold, ``data/annotations/quotes/GUIDE.md``). These
tests read the verb group of :mod:`analysis.people.detection` (auxiliaries, clitics) and say when the
construction rules the cue out, from French grammar:

* **A past participle used alone after a noun is an adjective** (participe passé employé sans
  auxiliaire, épithète du nom: Riegel, Pellat & Rioul, *Grammaire méthodique du français*, 2009,
  ch. XI § 4.2; Grevisse, *Le Bon Usage*, § 912): *la fermeture annoncée de l'usine*, *les enquêtes
  publiées sur l'Ohio* describe a thing; the noun is no source and its complement no message.
  (:func:`epithet_participle`.)
* **In the passive the object is the subject** (Riegel et al., ch. XIV § 7): *l'authenticité n'a pas
  été confirmée de source indépendante* has no noun-phrase object to carry a message, and its
  *de source* is the passive's agent phrase, not an according-to frame. (:func:`passive`.) Nor has a
  personal passive a clause of its own: what follows it is an adverbial (*n'a jamais pu être confirmé
  jusqu'à ce que …*), an attribute (*était considéré comme pauvre*, *a été reconnue sainte*) or an
  infinitive of obligation (*sont appelés à voter*). Only the impersonal passive, *il* + passive +
  *que*, reports a clause (*il a été annoncé que …*, GUIDE 2: cue and content, no source).
  (:func:`impersonal_subject`.) A passive is no incise either unless its subject is inverted (*…,
  était considéré comme pauvre* continues the clause; *…, a-t-il été précisé* is an incise).
* **An incise is a finite verb with its subject inverted** (Grevisse § 378; Danlos, Sagot & Stern
  2010): a present participle or gerund (*en demandant*, *affirmant*) or a bare past participle
  (*, ajoutée à*) after a comma has no subject of its own, so it never closes the clause before it
  as an incise. (:func:`non_finite`.)
* **A participial clause is a new predication** (Grevisse § 891, the participle's implicit subject
  is the main clause's): in *a réfuté l'idée d'un prêt affirmant : « … »* and *estime que « … »
  évoquant des « … »*, the content of the first verb ends before the participle that opens the second
  attribution. (:func:`opens_participial_cue`.)
* **A conjunctive locution opens an adverbial clause** (Riegel et al., ch. XVIII § 1.1: *parce que*,
  *bien que*, *avant que*, *jusqu'à ce que*, …; words in ``data/no_content_fr.tsv``): its *que* is
  not the complementiser of a reporting verb before it (*a précisé lundi avant que le conseil ne
  vote*). (:func:`conjunctive_que`.)
* **A verb of judgment may carry its proposition without a clause** (Riegel et al., ch. VIII § 4.4):
  an object and its attribute (*considère l'accord comme une erreur*) or a quantity (*estime à 3 000
  le nombre de …*). (:func:`opinion_content`.)

The forms are read from the spelling: the unambiguous past-participle endings of the three groups
(Bescherelle: *-é(e)(s)* of the first group, *-i* of the second, *-u(s)* of the third; endings
shared with present forms, such as *-it* of *dit*/*écrit*, *-ise* of *précise* or *-ue* of
*continue*, are left out so that a present-tense verb is never read as a participle), and *-ant* for
the present participle and the gerund.
"""

from __future__ import annotations

from typing import Any

from .lexicon import no_content_words

__all__ = [
    "MAX_OBJECT_TOKENS",
    "PARTICIPLE_ENDINGS",
    "PASSIVE_ENDINGS",
    "conjunctive_que",
    "epithet_participle",
    "impersonal_subject",
    "naming_participle",
    "non_finite",
    "opens_participial_cue",
    "opinion_content",
    "passive",
    "time_adjunct_end",
]

#: Past-participle endings no present, imperfect or simple-past form shares (module docstring).
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "u", "us", "i")
#: After *être*, the endings a present form shares with a past participle are the participle's (*a été
#: reconnue*, *est dite*, *ont été mises*): *être* + a present-tense verb is no French verb group.
PASSIVE_ENDINGS = ("ue", "ues", "ie", "ies", "is", "ise", "ises", "it", "its", "ite", "ites")
_AUXILIARIES = ("avoir", "être")
_REFLEXIVE = ("se", "s'", "me", "m'", "te", "t'")  # pronominal verbs of every person (je m'étais dit)


def _participle(form: str) -> bool:
    return form.endswith(PARTICIPLE_ENDINGS) and len(form) > 3


def _present_participle(form: str) -> bool:
    return form.endswith("ant") and len(form) > 4


def _has_auxiliary(seg: Any, lo: int, k: int) -> bool:
    return any(seg.lemma[j] in _AUXILIARIES and seg.pos[j] in ("AUX", "VERB") for j in range(lo, k))


def epithet_participle(seg: Any, lo: int, k: int) -> bool:
    """Whether the cue word ``k`` (group from ``lo``) is a past participle used as an adjective after a noun.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        lo (int): First token of the verb group.
        k (int): The verb's (last) token.

    Returns:
        bool: True for *la fermeture annoncée de …*: no auxiliary, no clitic, a noun (or an adjective
        after one) right before.
    """
    if lo != k or k == 0 or not _participle(seg.low[k]):
        return False
    before = k - 1
    if seg.pos[before] == "ADJ" and before > 0:
        before -= 1
    return seg.pos[before] == "NOUN"


def passive(seg: Any, lo: int, k: int) -> bool:
    """Whether the verb group ``[lo, k]`` is a passive: *être* + a past participle, no reflexive clitic.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        lo (int): First token of the verb group.
        k (int): The verb's (last) token.

    Returns:
        bool: True for *a été confirmée*, *sont pointées*, *n'a été officiellement annoncé* (an adverb
        may stand between the auxiliary and the participle, Riegel et al., ch. XIII § 3); False for
        *s'est réjoui* (pronominal).
    """
    form = seg.low[k]
    if not (_participle(form) or form.endswith(PASSIVE_ENDINGS) and len(form) > 2):
        return False
    while lo > seg.sent_lo[lo] and seg.pos[lo - 1] == "ADV" and seg.low[lo - 1] not in ("ne", "n'"):
        lo -= 1  # an adverb between the auxiliary and the participle (n'a été officiellement annoncé)
    if lo > 0 and seg.lemma[lo - 1] in _AUXILIARIES and seg.pos[lo - 1] in ("AUX", "VERB"):
        lo = seg.group_start(lo - 1)
    group = range(lo, k)
    if any(seg.low[j] in _REFLEXIVE for j in group):
        return False
    return any(seg.lemma[j] == "être" and seg.pos[j] in ("AUX", "VERB") for j in group)


def conjunctive_que(seg: Any, q: int, after_verb: int) -> bool:
    """Whether the *que* at ``q`` closes a conjunctive locution (*parce que*, *jusqu'à ce que*).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        q (int): The *que* token.
        after_verb (int): The token right after the reporting verb's group: *bien*, *alors* or *tant*
            standing there is the verb's adverb (*on pense bien que*), not a locution's head.

    Returns:
        bool: True when the word before it is a head of ``conjunctive_heads`` or the three words before
        it are *jusqu'à ce* (module docstring).
    """
    if q == 0:
        return False
    words = no_content_words()
    if seg.low[q - 1] in words["conjunctive_heads"]:
        return not (q - 1 == after_verb and seg.low[q - 1] in words["verb_adverbs"])
    return q >= 3 and seg.low[q - 1] == "ce" and seg.low[q - 2] == "à" and seg.low[q - 3].startswith("jusqu")


def impersonal_subject(seg: Any, lo: int) -> bool:
    """Whether the verb group starting at ``lo`` has the impersonal subject *il* right before it.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        lo (int): First token of the verb group.

    Returns:
        bool: True for *il a été annoncé que*, *il est précisé que* (module docstring).
    """
    return lo > seg.sent_lo[lo] and seg.low[lo - 1] == "il"


def non_finite(seg: Any, lo: int, k: int) -> bool:
    """Whether the verb group ``[lo, k]`` is a present participle, a gerund or a bare past participle.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        lo (int): First token of the verb group.
        k (int): The verb's (last) token.

    Returns:
        bool: True when the group cannot be an incise (module docstring).
    """
    form = seg.low[k]
    if _present_participle(form) and seg.pos[k] in ("VERB", "AUX", "ADJ", "NOUN"):
        return True
    return _participle(form) and not _has_auxiliary(seg, lo, k)


def opens_participial_cue(seg: Any, k: int, hi: int) -> bool:
    """Whether token ``k`` opens a participial clause with a reporting verb (*affirmant :*, *en évoquant*).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        k (int): The token to test (the participle, or *en* before it).
        hi (int): End of the sentence window.

    Returns:
        bool: True when a present participle of the lexicon (optionally after *en*) stands at ``k``.
    """
    j = k + 1 if seg.low[k] == "en" else k
    if j >= hi or not _present_participle(seg.low[j]):
        return False
    return seg.verb(j) is not None


#: Longest object noun phrase before its attribute (*considère l'accord du port comme …*), in tokens.
MAX_OBJECT_TOKENS = 6


def opinion_content(seg: Any, j: int, hi: int) -> int | None:
    """The first token of an opinion verb's content without *que* at ``j``, or None.

    Two constructions of the verbs of judgment carry a proposition without a clause (Riegel et al.,
    ch. VIII § 4.4, the object's attribute; Dicovalence's frame *N0 estimer N1 à N2*):

    * a quantity estimate, *à* + a number: *La police estime à 3 000 le nombre de manifestants*
      (the content starts at *à*);
    * an object and its attribute introduced by *comme*: *considère l'accord comme une erreur*: a
      determiner, a noun phrase of at most :data:`MAX_OBJECT_TOKENS` tokens, then *comme*. A bare
      adjective attribute (*juge la situation préoccupante*) is left out: it cannot be told from an
      adjective inside the noun phrase (*trouver un avenir à la langue française*, read on
      unannotated pages).

    A pronominal verb is no opinion here (*se trouve à 5 000 années-lumière*: a place).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        j (int): The token after the verb group.
        hi (int): End of the sentence window.

    Returns:
        int | None: ``j`` when one of the constructions starts there, else None.
    """
    if j > 1 and seg.low[j - 2] in ("se", "s'"):
        return None
    if j + 1 < hi and seg.low[j] == "à" and seg.pos[j + 1] == "NUM":
        return j
    if j >= hi or seg.pos[j] != "DET":
        return None
    k = j + 1
    if k >= hi or seg.pos[k] not in ("NOUN", "PROPN"):
        return None
    for x in range(k + 1, min(k + 1 + MAX_OBJECT_TOKENS, hi)):
        if seg.low[x] == "comme":
            return j
        if seg.is_punct(x) or seg.pos[x] in ("VERB", "AUX", "SCONJ", "CCONJ"):
            return None
    return None


def time_adjunct_end(seg: Any, j: int, hi: int) -> int | None:
    """The token after a time adjunct standing at ``j`` (*ce matin*, *lundi soir*, *hier*), or None.

    A time phrase after the verb is a circumstantial complement, mobile and outside the verb's frame
    (Riegel et al., ch. VI § 4.1, *compléments circonstanciels*), never the object that carries the
    message: in *a annoncé ce matin, vers 7h30, son abandon* the content is *son abandon* (GUIDE 3.2).
    Words in ``data/no_content_fr.tsv`` (``time_nouns``, ``time_modifiers``).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        j (int): The token after the verb group.
        hi (int): End of the sentence window.

    Returns:
        int | None: The first token after the phrase (and its modifiers), or None when none opens at ``j``.
    """
    words = no_content_words()
    nouns, mods = words["time_nouns"], words["time_modifiers"]
    k = j
    if k < hi and seg.low[k] in ("ce", "cet", "cette", "le", "la", "l'"):
        k += 1
        if k >= hi or seg.low[k] not in nouns:
            return None
    if k >= hi or seg.low[k] not in nouns:
        return None
    k += 1
    while k < hi and (seg.low[k] in mods or seg.low[k] in nouns):
        k += 1
    return k


def naming_participle(seg: Any, lo: int, k: int) -> bool:
    """Whether the cue word ``k`` (group from ``lo``) is a bare participle naming the noun before it.

    A past participle without auxiliary after a noun is an epithet (Riegel et al., ch. XI § 4.2);
    before a quotation it names the thing (*la loi dite « Sur l'information »*, *une pièce intitulée
    « … »*: TLFi *dit, dite*, "qu'on appelle, surnommé"): the quotation marks mark the name in autonymy,
    not reported words (GUIDE 2: *baptisée « Europe »*; Augustyn 2015). The forms are the unambiguous
    participles of :data:`PARTICIPLE_ENDINGS` and the participle-only forms of ``naming_forms``
    (``data/no_content_fr.tsv``: *dite*, *dits*, whereas *dit* may be a present tense, *le ministre dit
    « … »*).

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        lo (int): First token of the verb group.
        k (int): The verb's (last) token.

    Returns:
        bool: True when no auxiliary or clitic precedes the form and a noun (or a noun and its
        adjective) stands right before it.
    """
    if lo != k or k == 0:
        return False
    form = seg.low[k]
    if not (_participle(form) or form in no_content_words()["naming_forms"]):
        return False
    if any(seg.lemma[j] in _AUXILIARIES and seg.pos[j] == "AUX" for j in range(max(seg.sent_lo[k], k - 5), k)):
        return False  # an adverbial between the auxiliary and the participle (a de son côté dénoncé « … »)
    before = k - 1
    if seg.pos[before] == "ADJ" and before > 0:
        before -= 1
        if seg.pos[before] == "DET":
            return True  # a word after a determiner is a noun, whatever its tag (la réforme dite)
    return seg.pos[before] == "NOUN"
