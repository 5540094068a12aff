"""Kinds of nouns before a name that tell what the name is, for :mod:`analysis.people.mentions`.

An office ("le président de la République", "le secrétaire général de la Francophonie") is a role
description, not a person's name (HIPE-2022 guidelines: a function is a component of a person mention
only beside a name). A name right after a common noun of a kind of organisation ("la secte islamiste X")
or in the complement of a group's members ("les membres d'X") is an organisation, right after a common
noun of a kind of place ("place X") a place (Quaero extended named entities guide). The word lists are
in ``data/words_fr.tsv`` (:mod:`analysis.people.gazetteer`).
"""

from __future__ import annotations

import re
from typing import Any

from .gazetteer import MEMBER_NOUNS, OFFICE_TITLES, ORG_CLASS_NOUNS, PLACE_CLASS_NOUNS

__all__ = ["OFFICE_PREPOSITIONS", "class_noun_before", "office_before", "office_name"]


_UPPER_START = re.compile(r"^[^\W\d_]*?[A-ZÀ-ÖØ-Þ]")


def _is_cap(tok: Any) -> bool:
    """A token that starts with a capital letter (as :mod:`analysis.people.mentions` reads one)."""
    return bool(_UPPER_START.match(tok.text)) and tok.text[:1].isalpha()


#: The contracted or article-bearing prepositions that open a noun's complement after an office title
#: ("président de la République", "ministre des Finances", "porte-parole du Hamas"); "de" alone before a
#: capital is left out: it is also the nobiliary particle ("le général de Gaulle").
OFFICE_PREPOSITIONS: tuple[tuple[str, ...], ...] = (("de", "la"), ("de", "l'"), ("du",), ("des",))


def office_name(doc: Any, i: int, j: int) -> int | None:
    """Where the name after an office opens, when tokens ``i..j`` open with one: a lowercase office title
    (:data:`~analysis.people.gazetteer.OFFICE_TITLES`), lowercase adjectives or titles, then
    :data:`OFFICE_PREPOSITIONS`, then a capitalised word ("secrétaire général de la Francophonie" → the
    index of "Francophonie"). None otherwise."""
    if not (doc[i].text[:1].islower() and doc[i].lower_ in OFFICE_TITLES):
        return None
    k = i + 1
    while k < j and doc[k].text[:1].islower() and (doc[k].pos_ == "ADJ" or doc[k].lower_ in OFFICE_TITLES):
        k += 1
    for prep in OFFICE_PREPOSITIONS:
        n = len(prep)
        if k + n < j and tuple(t.lower_ for t in doc[k : k + n]) == prep and _is_cap(doc[k + n]):
            return k + n
    return None


def office_before(doc: Any, i: int) -> bool:
    """Whether token ``i`` is the name right after an office ("le président de la République")."""
    for prep in OFFICE_PREPOSITIONS:
        n = len(prep)
        if i - n - 1 >= 0 and tuple(t.lower_ for t in doc[i - n : i]) == prep:
            k = i - n - 1
            while k > 0 and doc[k].text[:1].islower() and doc[k].pos_ == "ADJ" and doc[k].lower_ not in OFFICE_TITLES:
                k -= 1
            return doc[k].text[:1].islower() and doc[k].lower_ in OFFICE_TITLES
    return False


def class_noun_before(doc: Any, i: int) -> str | None:
    """The label a common noun of a kind right before token ``i`` gives it, through lowercase adjectives:
    ORG in the complement of :data:`~analysis.people.gazetteer.MEMBER_NOUNS` ("les membres d'X"), ORG after :data:`~analysis.people.gazetteer.ORG_CLASS_NOUNS` ("la secte islamiste X"), LOC after
    :data:`~analysis.people.gazetteer.PLACE_CLASS_NOUNS` ("place X"); None otherwise."""
    if i >= 2 and doc[i - 1].lower_ in ("de", "d'", "du") and doc[i - 2].lower_ in MEMBER_NOUNS:
        return "ORG"  # "les membres d'X": the group
    k = i - 1
    while k > 0 and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
        k -= 1
    if k < 0 or not doc[k].text[:1].islower():
        return None
    if doc[k].lower_ in ORG_CLASS_NOUNS:
        return "ORG"
    if doc[k].lower_ in PLACE_CLASS_NOUNS and k == i - 1:  # "place Tahrir"; not "la rue principale X"
        return "LOC"
    return None
