"""Reference of definite descriptions: which earlier name a definite noun phrase may take up.

Rules used by :class:`analysis.people.speakers.Resolver`, each from a general source:

* :func:`faithful_antecedent`: a definite noun of a public body (*la police*, *le gouvernement*,
  *l'armée*; the ``institution_nouns`` of ``data/words_fr.tsv``) takes up only a name that holds the
  same noun (*la police londonienne*, *Police nationale*): the *anaphore fidèle* of F. Corblin (*Les
  formes de reprise dans le discours*, 1995), where a definite description repeating the head noun
  of its antecedent takes it up. Such a noun never reaches an unrelated organisation; without a
  faithful antecedent it designates the body itself, a collective source (GUIDE A8, 4.4).
* :func:`latest_mention_gender`: *ce dernier*, *celui-ci* take up the most recently named candidate,
  not the subject (Grevisse, *Le Bon Usage*, §§ 700–701: *celui-ci* designates the nearer, the last
  named); *cette dernière*, *celle-ci* a feminine one.
* :func:`coordinated_heads`: two noun phrases joined by *et* (*la reine et l'infante*) are several
  sources, agreeing in the plural (Grevisse, *Le Bon Usage*, § 445), so no single antecedent.
* :func:`salient_name`: the most salient of the names before a description (Lappin & Leass 1994:
  recency, subjecthood, frequency), for a definite organisation description nothing else resolves.
* :func:`phrase_gender`: the gender a role phrase shows (Grevisse, *Le Bon Usage*, §§ 486–487: an
  epicene noun shows its gender by its determiner, *la ministre*, *la porte-parole*); only the
  feminine is a constraint on the antecedent (GUIDE 5: the masculine was long used for women).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from .gazetteer import word_sets
from .speaker_words import GOVERNING, SENTENCE_END

__all__ = [
    "salient_name",
    "FEMININE_DETERMINERS",
    "INSTITUTION_NOUNS",
    "LATEST_MENTION_PRONOUNS",
    "coordinated_heads",
    "faithful_antecedent",
    "headed_antecedent",
    "joined_name",
    "latest_mention_gender",
    "phrase_gender",
]

#: Nouns of public bodies (``data/words_fr.tsv``, set ``institution_nouns``).
INSTITUTION_NOUNS: frozenset[str] = word_sets()["institution_nouns"]
#: Demonstratives that take up the last one named (``data/words_fr.tsv``, ``latest_mention_pronouns``).
LATEST_MENTION_PRONOUNS: frozenset[str] = word_sets()["latest_mention_pronouns"]
#: Determiners that show a feminine noun (Grevisse § 487; ``data/words_fr.tsv``, ``det_feminine``).
FEMININE_DETERMINERS: frozenset[str] = word_sets()["det_feminine"]


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s'’-]+", name.lower()) if w]


def faithful_antecedent(noun: str, names: Iterable[tuple[int, str]]) -> str | None:
    """The most recent name that holds ``noun`` as one of its words (anaphore fidèle).

    Args:
        noun (str): The description's head noun, lowercase (*police*).
        names (Iterable[tuple[int, str]]): Candidate names before the description, with their offsets.

    Returns:
        str | None: The name nearest before, or ``None`` when no name holds the noun.
    """
    best: tuple[int, str] | None = None
    for pos, name in names:
        if noun in _words(name) and (best is None or pos >= best[0]):
            best = (pos, name)
    return best[1] if best else None


def headed_antecedent(noun: str, names: Iterable[tuple[int, str]]) -> str | None:
    """The most recent organisation name whose head noun is ``noun`` (*le parti* → *Parti socialiste*,
    *le syndicat* → *Syndicat national des journalistes*).

    A definite description that repeats the head noun of an earlier name takes it up: the *direct
    anaphora* with the same head noun of Vieira & Poesio (2000, *An empirically based system for
    processing definite descriptions*), Corblin's *anaphore fidèle* (1995). French organisation names
    open on their head noun, capitalised (*le Parti socialiste*, *la Banque de France*; Imprimerie
    nationale, *Lexique des règles typographiques*: the first noun of an organisation's name takes the
    capital), so only the name's first word is compared.

    Args:
        noun (str): The description's head noun, lowercase (*parti*).
        names (Iterable[tuple[int, str]]): Candidate names before the description, with their offsets.

    Returns:
        str | None: The name nearest before, or ``None`` when no name opens on the noun.
    """
    best: tuple[int, str] | None = None
    for pos, name in names:
        words = _words(name)
        if words and words[0] == noun and len(words) > 1 and (best is None or pos >= best[0]):
            best = (pos, name)
    return best[1] if best else None


def phrase_gender(words: list[str], noun_gender: str) -> str:
    """``"f"`` when a role phrase is feminine by its noun or its determiner, else ``""``.

    Args:
        words (list[str]): The phrase's lowercase words, determiner first.
        noun_gender (str): The role noun's gender (``f``, ``m``, ``epicene``).

    Returns:
        str: ``"f"`` or ``""`` (a masculine phrase does not constrain the antecedent, GUIDE 5).
    """
    if noun_gender == "f":
        return "f"
    if noun_gender == "epicene" and words and words[0] in FEMININE_DETERMINERS:
        return "f"
    return ""


def latest_mention_gender(phrase: str) -> str | None:
    """The gender a demonstrative of the last one named asks for (``"f"`` or ``""``), ``None`` when the
    phrase is no such demonstrative.

    Args:
        phrase (str): The speaker phrase as the text gives it (*Ce dernier*, *celle-ci*).

    Returns:
        str | None: ``"f"`` for a feminine form, ``""`` for a masculine one, ``None`` otherwise.
    """
    key = " ".join(phrase.replace("’", "'").lower().split())
    if key not in LATEST_MENTION_PRONOUNS:
        return None
    return "f" if key.startswith(("cette", "celle")) else ""


#: Determiners that open a second coordinated noun phrase (``data/words_fr.tsv``: articles, demonstratives,
#: possessives).
_OPENERS: frozenset[str] = frozenset().union(
    *(word_sets()[k] for k in ("det_definite", "det_indefinite", "det_demonstrative", "det_possessive"))
)


def coordinated_heads(words: list[str]) -> bool:
    """Whether a phrase coordinates two noun phrases (*la reine et l'infante*), not two complements of one
    noun (*le ministre de l'Économie et des Finances*: the *et* comes after a *de*).

    Args:
        words (list[str]): The phrase's lowercase words.

    Returns:
        bool: ``True`` for ``det N … et det N`` with no *de* before the *et*.
    """
    for k, w in enumerate(words):
        if w in ("de", "du", "des", "d'"):
            return False
        if w == "et" and k > 0 and k + 1 < len(words) and words[k + 1] in _OPENERS:
            return True
    return False


def salient_name(full: str, names: list[tuple[int, str]], pos: int) -> str | None:
    """The most salient of the names mentioned before ``pos`` (each ``(start, name)``, in text order),
    for a definite organisation description that no apposition and no recent attribution resolves
    (*un représentant du groupe* after a sentence that names the firm and, last, an analyst's bank).

    Salience after Lappin & Leass (1994): each mention of an entity adds a weight that halves with
    every sentence between it and the description (recency), doubled when the mention is not a
    preposition's object (subject and head-noun emphasis rank above obliques; centering, Grosz,
    Joshi & Weinstein 1995); the entity's weights are summed over its mentions (frequency).
    Mentions inside quotation marks are the quoted speaker's words and count for nothing. A name
    that opens a longer one (*Samsung*, *Samsung Electronics*) is the same entity, counted under the
    shorter (:func:`_short_form`). Ties go to the nearest.

    Args:
        full (str): The article's text.
        names (list[tuple[int, str]]): The candidate mentions' starts and canonical names.
        pos (int): Where the description stands.

    Returns:
        str | None: The name, or ``None`` when no candidate counts.
    """
    ends = [m.end() for m in SENTENCE_END.finditer(full, 0, pos)]
    names = [(s, _short_form(name, names)) for s, name in names]
    scores: dict[str, float] = {}
    last: dict[str, int] = {}
    for s, name in names:
        lo = max((e for e in ends if e <= s), default=0)
        if full.count("«", lo, s) > full.count("»", lo, s):
            continue
        distance = len(ends) - bisect.bisect_right(ends, s)
        before = full[max(0, s - 12) : s].replace("’", "'").lower().split()
        if before and before[-1] in ("le", "la", "les", "l'"):
            before = before[:-1]  # "de la NASA": the article between the preposition and the name
        governed = bool(before) and before[-1] in GOVERNING
        scores[name] = scores.get(name, 0.0) + 0.5**distance * (1.0 if governed else 2.0)
        last[name] = s
    if not scores:
        return None
    return max(scores, key=lambda n: (scores[n], last[n]))


def _short_form(name: str, names: list[tuple[int, str]]) -> str:
    """The shortest of ``names`` whose words open ``name`` (*Samsung Electronics* → *Samsung*), else
    ``name``: an organisation's short name is its alias (GUIDE A8), one entity whose mentions add up
    (the frequency of Lappin & Leass 1994 counts an entity, not a spelling)."""
    words = name.split()
    shorter = [n for _, n in names if n.split() == words[: len(n.split())]]
    return min(shorter, key=len) if shorter else name


def joined_name(full: str, mentions: Any, starts: list[int], order: list[int], i: int) -> str:
    """An organisation's name the entity model split in two mentions separated by one space only
    (*Europe Écologie* + *Les Verts*): the two are one name (a name is the whole run of capitalised
    words, HIPE guidelines), given whole; ``""`` when no mention touches it on the left.

    Args:
        full (str): The article's text.
        mentions (analysis.people.entities.MentionIndex): Its mentions.
        starts (list[int]): The mentions' starts, sorted; ``order`` the rows in that order.
        i (int): The mention's row.
    """
    start = int(mentions.start[i])
    if mentions.label[i] != "ORG":
        return ""
    k = bisect.bisect_left(starts, start) - 1
    while k >= 0 and int(mentions.end[order[k]]) > start:
        k -= 1
    if k < 0:
        return ""
    j = order[k]
    gap = full[int(mentions.end[j]) : start]
    if gap != " " or not str(mentions.text[j])[:1].isupper():
        return ""
    return full[int(mentions.start[j]) : int(mentions.end[i])]
