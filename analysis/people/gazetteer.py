"""French language knowledge of the entity rules, read from ``analysis/people/data/``.

- ``words_fr.tsv``: the word lists the rules use (elisions, articles, titles, head nouns of products,
  events and organisations, ...), one set a row with its use and source; exported as constants
  (:data:`TITLES`, :data:`ORG_HEADS`, ...).
- ``gazetteer_fr.tsv``: states, capitals, regions and cities with their variants, periphrases and
  demonyms (:func:`gazetteer`; matching key :func:`place_key`).
- ``not_names_fr.tsv``: capitalised words that are no name alone (months, weekdays, number words,
  "État"; :func:`not_names`).

Everything is loaded once (the word lists at import, the tables on first use, cached).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pandas as pd

from ..paths import PEOPLE_DATA

__all__ = [
    "ACRONYM_SKIP",
    "ARTICLES",
    "ELISIONS",
    "EVENT_HEADS",
    "MEDICINE_NOUNS",
    "Gazetteer",
    "INSTITUTION_HEADS",
    "LEADING_FUNCTION_WORDS",
    "ORG_HEADS",
    "PERSON_TITLES",
    "MEMBER_NOUNS",
    "OFFICE_TITLES",
    "ORG_CLASS_NOUNS",
    "PLACE_CLASS_NOUNS",
    "PLACE_WORDS",
    "PRODUCT_NOUNS",
    "TITLES",
    "TRAILING_FUNCTION_WORDS",
    "gazetteer",
    "not_names",
    "place_key",
    "word_sets",
]


@functools.lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """The word lists of ``data/words_fr.tsv``, by set name (cached).

    Returns:
        dict[str, frozenset[str]]: Set name → lowercase words.
    """
    table = pd.read_csv(PEOPLE_DATA / "words_fr.tsv", sep="\t", comment="#", dtype=str, keep_default_na=False)
    return {row.set: frozenset(w for w in row.words.split("|") if w) for row in table.itertuples(index=False)}


#: Elided clitics (with ASCII apostrophe: the text is normalised first).
ELISIONS: frozenset[str] = word_sets()["elisions"]
#: Lowercase words stripped from the start of a mention.
LEADING_FUNCTION_WORDS: frozenset[str] = word_sets()["leading_function_words"]
#: Lowercase words dropped from the end of a mention.
TRAILING_FUNCTION_WORDS: frozenset[str] = LEADING_FUNCTION_WORDS | word_sets()["trailing_function_words"]
#: Capitalised articles that open a sentence, not a name, when a lowercase word or an organisation follows.
ARTICLES: frozenset[str] = word_sets()["articles"]
#: Titles and forms of address: stripped before a name (which is then a person) and kept in the title
#: column; a mention made only of them is dropped.
TITLES: frozenset[str] = word_sets()["titles"]
#: Title nouns after which a following capitalised name is a person
#: ("le président russe Vladimir Poutine"); adjectives may stand between.
PERSON_TITLES: frozenset[str] = TITLES - word_sets()["not_person_titles"]
#: Title nouns of an office (titles that are not forms of address): "président", "ministre", "secrétaire
#: général". Followed by "de la/de l'/du/des" and a capitalised name they make an office ("le président
#: de la République", "le ministre des Finances"): a role description, not a person's name (HIPE-2022
#: guidelines: a function is a component of a person mention only beside a name; Quaero: the body named
#: in it is an organisation).
OFFICE_TITLES: frozenset[str] = frozenset(
    w for w in PERSON_TITLES - word_sets()["forms_of_address"] if w.isalpha() or "-" in w
)
#: Common nouns of kinds of organisations: a name right after one is that organisation, ORG.
ORG_CLASS_NOUNS: frozenset[str] = word_sets()["org_class_nouns"]
#: Plural nouns of a group's members: a name in their complement ("les membres d'X") is the group, ORG.
MEMBER_NOUNS: frozenset[str] = word_sets()["member_nouns"]
#: Common nouns of kinds of places (streets, natural features): a name right after one is a place, LOC.
PLACE_CLASS_NOUNS: frozenset[str] = word_sets()["place_class_nouns"]
#: Common nouns of made things: a capitalised name right after one is a product or model, MISC.
PRODUCT_NOUNS: frozenset[str] = word_sets()["product_nouns"]
#: Nouns of medicines and doses: a name after one (through de/d'/par, adjectives) is a product, MISC.
MEDICINE_NOUNS: frozenset[str] = word_sets()["medicine_nouns"]
#: Head nouns that make a name an event or a treaty when they open it (PARSEME-FR EVE/PROD), MISC.
EVENT_HEADS: frozenset[str] = word_sets()["event_heads"]
#: Head nouns of organisations (capitalised first noun of an organisation's name), ORG.
ORG_HEADS: frozenset[str] = word_sets()["org_heads"]
#: Head nouns of government bodies: "ministère (adjectives) de la/de l'/des/du" + name is one ORG.
INSTITUTION_HEADS: frozenset[str] = word_sets()["institution_heads"]
#: Words left out of acronym initials.
ACRONYM_SKIP: frozenset[str] = word_sets()["acronym_skip"]
#: Words before which a name that is also a demonym is the place ("la Suisse"; "les Suisses": people).
PLACE_WORDS: frozenset[str] = word_sets()["place_words"]


@dataclass(frozen=True)
class Gazetteer:
    """Place names and demonyms.

    Attributes:
        places (dict[str, str]): Matching key (:func:`place_key`) → name as written.
        same_as (dict[str, str]): Matching key of a name or variant → the first name of its row
            ("République islamique" → "Iran"; capitals are not variants).
        demonyms (frozenset[str]): Lowercased demonym forms (all genders and numbers).
        pattern (re.Pattern): Finds any place name in a text (longest first).
    """

    places: dict[str, str]
    demonyms: frozenset[str]
    pattern: re.Pattern
    same_as: dict[str, str] = field(default_factory=dict)


def place_key(name: str) -> str:
    """Matching key of a place name: apostrophes and hyphens/spaces unified, casefolded."""
    return re.sub(r"[\s-]+", "-", name.replace("’", "'")).casefold()


def _demonym_forms(word: str) -> set[str]:
    """Masculine singular demonym → its four forms (rule: -ien → -ienne, else +e; +s)."""
    word = word.lower()
    if word.endswith("ien"):
        fem = word + "ne"
    elif word.endswith("e"):
        fem = word
    elif word.endswith("c"):
        fem = word[:-1] + "que"
    else:
        fem = word + "e"
    forms = {word, fem, fem + "s"}
    forms.add(word if word.endswith(("s", "x")) else word + "s")
    return forms


@functools.lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Lowercased words that are no name when they make a mention alone (``data/not_names_fr.tsv``:
    months, weekdays, number words, "État").

    Returns:
        frozenset[str]: The words.
    """
    table = pd.read_csv(PEOPLE_DATA / "not_names_fr.tsv", sep="\t", comment="#", dtype=str, keep_default_na=False)
    return frozenset(w for words in table["words"] for w in words.split("|") if w)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load ``analysis/people/data/gazetteer_fr.tsv`` (cached).

    Returns:
        Gazetteer: Place names and demonym forms.
    """
    table = pd.read_csv(PEOPLE_DATA / "gazetteer_fr.tsv", sep="\t", comment="#", dtype=str, keep_default_na=False)
    places: dict[str, str] = {}
    same_as: dict[str, str] = {}
    demonyms: set[str] = set()
    for row in table.itertuples(index=False):
        names = row.names.split("|")
        for name in [*names, *[c for c in row.capital.split("|") if c]]:
            places[place_key(name)] = name
        for name in names:
            same_as[place_key(name)] = names[0]
        for d in filter(None, row.demonyms.split("|")):
            demonyms |= _demonym_forms(d)
    # as written, and in capitals (datelines and headings: "BRUXELLES", "LE HAVRE")
    names = sorted({*places.values(), *(n.upper() for n in places.values())}, key=len, reverse=True)
    for name in list(places.values()):
        places.setdefault(place_key(name.upper()), name)
    alternatives = "|".join(re.escape(n).replace(r"\-", "[-\\s]").replace(r"\ ", "[-\\s]") for n in names)
    # not inside a word, but right after an elided article or preposition: "l'Italie", "d'Allemagne"
    elided = "|".join(rf"(?<=\b{re.escape(form)})" for e in sorted(ELISIONS) for form in (e, e.capitalize()))
    pattern = re.compile(rf"(?:(?<![\w'-])|{elided})(?:{alternatives})(?![\w-])")
    return Gazetteer(places=places, demonyms=frozenset(demonyms), pattern=pattern, same_as=same_as)
