"""Verb forms a tagger may misread: the look-up table's lemma, the regular -er conjugation, verbhood.

Shared by :mod:`analysis.people.detection` and :mod:`analysis.people.incises`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["FIRST_GROUP_ENDINGS", "INFINITIVE", "first_group", "lookup", "verbal"]

#: Endings of the regular first-group (-er) conjugation that a tagger may read as a noun or an
#: adjective: present (e, es, ent), past participle (é, ée, és, ées), gerund (ant), imperfect
#: (ait, aient), conditional (erait, eraient) and simple past (a, èrent) (Bescherelle, 1st group).
FIRST_GROUP_ENDINGS = ("eraient", "erait", "aient", "èrent", "ées", "ent", "ant", "ait", "ée", "és", "es", "e", "é")
#: The endings of French infinitives (Riegel et al., ch. IX: the three groups).
INFINITIVE = re.compile(r"(er|ir|re|oir)$")


@functools.cache
def lookup() -> dict[str, str]:
    """The lemma look-up table of :mod:`analysis.text.lemmas_fast` (form → lemma)."""
    from ..text.lemmas_fast import tables

    return tables()[1]


def first_group(form: str) -> list[str]:
    """Infinitives a form may belong to by the regular -er conjugation (*dénonce* → *dénoncer*).

    Args:
        form (str): A lowercase word form.

    Returns:
        list[str]: The candidate infinitives, longest ending first.
    """
    return [form[: -len(e)] + "er" for e in FIRST_GROUP_ENDINGS if form.endswith(e) and len(form) - len(e) >= 2]


def verbal(seg: Any, k: int) -> bool:
    """Whether token ``k`` is a verb: so tagged, or a form the look-up table gives a verb's lemma.

    Args:
        seg (analysis.people.detection.Segment): The paragraph's tokens.
        k (int): The token.

    Returns:
        bool: True for a VERB or AUX tag, or a form such as *baisseraient* read as an adverb whose
        lemma is an infinitive other than the form itself; nouns, names and function words are not.
    """
    if seg.pos[k] in ("VERB", "AUX"):
        return True
    if seg.pos[k] in ("NOUN", "PROPN", "DET", "ADP", "PUNCT", "NUM", "PRON", "CCONJ", "SCONJ"):
        return False
    lemma = lookup().get(seg.low[k], "")
    return lemma != seg.low[k] and bool(INFINITIVE.search(lemma))
