"""Antecedents of role nouns: the names an article sets beside a role noun, in apposition.

A definite role noun (*le ministre*, *l'ONG*, *le syndicat*) that repeats the noun the article
first set beside a name refers to that name: the *anaphore fidèle* (F. Corblin, *Les formes de
reprise dans le discours*, 1995: a definite noun phrase that repeats the noun of its antecedent
takes it up). Where the article sets noun and name side by side is the apposition and the
*épithète de nature* (Grevisse, *Le Bon Usage*, §§ 342–345): *le président russe Vladimir
Poutine*, *l'ONG Human Rights Watch*, *le président de La Poste, Jean-Paul Bailly* (the noun
before the name), *Arnaud Montebourg, le ministre du redressement productif* and *Christian Jacob,
président du groupe UMP* (the noun after the name and its comma). GUIDE 4.2 of the quote gold
asks exactly this: "a description that picks out one person or body is resolved to the name the
article gives it".

:func:`apposed_names` finds those pairs in an article's text; an organisation's name the entity
model missed is taken from the capitalised words right after an organisation noun (*l'ONG Human
Rights Watch*, *le syndicat SUD*, and after a contracted article, *du site RealClearPolitics*: *du* is
*de* + *le*), since French writes a name in apposition after its class noun.

:func:`apposed_persons` finds the persons the entity model labelled as organisations: a name opening
with an unambiguous first name and set beside a person's role noun (*Ana Pastor García, une
journaliste*; *le député Antoni Pastor*) is a person's, by the apposition (which names the class of
its referent, Grevisse § 342) and the first name (GUIDE 5, A14). A surname alone labelled an organisation or a place is a
person's when it opens its clause and a person's role noun with its complement is apposed to it
(*Barroso, le président de la Commission*); after a preposition it is a place (*À Paris, le maire*).

:func:`restrictive_complement` gives the complement of a role noun (*le président de la Commission
européenne*): such a description takes up only a name set beside the same complement, or a name
set beside the bare noun (*le président François Hollande*, ``Apposed.bare``): with no epithet and no
complement, the apposition presents *the* holder of the noun in the article, whom a later complement
only describes (the definite article's uniqueness in the situation of utterance, Hawkins 1978).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .lexicon import first_name_gender, role_nouns

__all__ = ["Apposed", "apposed_names", "apposed_persons", "nearest_apposed", "restrictive_complement", "set_beside"]

#: Characters that close the window around a name: the apposition stays inside its clause.
_STOP = re.compile(r"[.;:!?«»“”\"\n]")
#: Words between a role noun and a name that show a clause, not an apposition (a finite verb).
_FINITE = frozenset({"a", "ont", "est", "sont", "avait", "avaient", "était", "étaient", "fut", "sera", "aurait"})
#: Determiners and pre-nominal words before a role noun set after a name.
_PRE = r"(?:(?:le|la|les|l'|un|une|son|sa|leur|cet|cette|ce|ancien|ancienne|nouveau|nouvelle|actuel|actuelle)\s*)*"


@dataclass(frozen=True)
class Apposed:
    """One name set beside a role noun.

    Attributes:
        noun (str): The role noun, lowercase (a key of :func:`analysis.people.lexicon.role_nouns`).
        start, end (int): The name's offsets in the text.
        name (str): The name as the text or the alias merge gives it.
        label (str): ``PER`` or ``ORG``.
        bare (bool): The noun stands beside the name with no epithet and no complement (*le président
            François Hollande*, *X, le président,*): the name is *the* holder of the noun in the
            article, which no restriction narrows (:func:`set_beside`).
    """

    noun: str
    start: int
    end: int
    name: str
    label: str
    bare: bool = False


@functools.cache
def _noun_pattern() -> str:
    nouns = sorted(role_nouns(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in nouns)


@functools.cache
def _before_re() -> re.Pattern[str]:
    # a role noun, one optional adjective, an optional complement (de …), an optional comma, then the name
    return re.compile(
        rf"(?:^|[\s'(])(?P<noun>{_noun_pattern()})"
        r"(?P<adj>\s+(?!(?:de|du|des)\b)[a-zàâäçéèêëîïôöûüœ-]+)?"  # "l'avocat de X": X is the complement
        r"(?P<compl>\s+(?:(?:de|du|des)\b|d')\s*[^,\s][^,]{0,59}?)?"
        r"\s*,?\s*$",
        re.IGNORECASE,
    )


@functools.cache
def _after_re() -> re.Pattern[str]:
    # the noun then its complement or the apposition's closing comma: "X, le ministre de …", "X, président
    # du groupe", never the subject of the next clause ("Obama, le républicain poursuit")
    return re.compile(
        rf"^\s*(?:\([^)]*\)\s*)?,\s*{_PRE}(?P<noun>{_noun_pattern()})(?=\s+(?:de|du|des|d')\b|\s+d'|\s*,)",
        re.IGNORECASE,
    )


@functools.cache
def _org_name_re() -> re.Pattern[str]:
    orgs = sorted((n for n, r in role_nouns().items() if r.type in ("organisation", "media")), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in orgs)
    word = r"[A-ZÀÂÉÈÊÎÔÛÇ][\w&’'-]*"
    return re.compile(rf"(?i:\b(?:l'|l’|le|la|les|du|des)\s*(?P<noun>{alts}))\s+(?P<name>{word}(?:\s+{word})*)")


def _canonical(mentions: Any, i: int) -> str:
    return str(mentions.canonical[i]) if mentions.canonical is not None else str(mentions.text[i])


def apposed_names(text: str, mentions: Any) -> list[Apposed]:
    """The names of ``text`` set beside a role noun, in text order.

    Args:
        text (str): The article's raw text.
        mentions (analysis.people.entities.MentionIndex): Its entity mentions.

    Returns:
        list[Apposed]: One row per (role noun, name) pair, sorted by the name's start.
    """
    nouns = role_nouns()
    out: list[Apposed] = []
    covered: list[tuple[int, int]] = []
    for i in range(len(mentions.start)):
        label = mentions.label[i]
        if label not in ("PER", "ORG"):
            continue
        s, e = int(mentions.start[i]), int(mentions.end[i])
        covered.append((s, e))
        left = text[max(0, s - 90) : s]
        cut = max((m.end() for m in _STOP.finditer(left)), default=0)
        left = left[cut:]
        m = _before_re().search(left)
        between = f"{m.group('adj') or ''} {m.group('compl') or ''}".lower().split() if m else []
        if m and not _FINITE & set(between):
            noun = m.group("noun").lower()
            if noun in nouns and _fits(nouns[noun].type, label):
                out.append(Apposed(noun, s, e, _canonical(mentions, i), label, not between))
        right = text[e : e + 90]
        m = _after_re().match(right)
        if m:
            noun = m.group("noun").lower()
            if noun in nouns and _fits(nouns[noun].type, label):
                bare = re.fullmatch(r"\s*,\s*(?:le|la|l'|l’)\s*", right[: m.start("noun")]) is not None
                bare = bare and re.match(r"\s*,", right[m.end() :]) is not None
                out.append(Apposed(noun, s, e, _canonical(mentions, i), label, bare))
    for m in _org_name_re().finditer(text):
        s, e = m.start("name"), m.end("name")
        if any(a <= s < b for a, b in covered):
            continue  # a mention already names it (and was paired above)
        out.append(Apposed(m.group("noun").lower(), s, e, m.group("name"), "ORG"))
    return sorted(set(out), key=lambda a: (a.start, a.noun))


def _fits(role_type: str, label: str) -> bool:
    """A person noun takes a person's name; an institution or outlet noun an organisation's."""
    return (role_type == "person") == (label == "PER") and role_type not in ("document", "group")


def nearest_apposed(appositions: list[Apposed], noun: str, pos: int) -> Apposed | None:
    """The name apposed to ``noun`` nearest before ``pos`` (else the first one after it, GUIDE 4.2:
    the name may come later in the text).

    Args:
        appositions (list[Apposed]): From :func:`apposed_names`.
        noun (str): The role noun, lowercase.
        pos (int): The offset of the role noun's phrase.

    Returns:
        Apposed | None: The antecedent, or ``None`` when the article never sets a name beside the noun.
    """
    same = [a for a in appositions if a.noun == noun]
    before = [a for a in same if a.start < pos]
    if before:
        return before[-1]
    return same[0] if same else None


#: Function words left out of a complement's content words.
_COMPLEMENT_FUNCTION = frozenset({"de", "du", "des", "la", "le", "les", "l'", "d'", "et", "pour", "en", "aux", "sur"})


def restrictive_complement(words: list[str], noun: str) -> list[str]:
    """The content words of the complement *de/du/des …* right after a role noun (*le président de la
    Commission européenne* → ``["commission", "européenne"]``), ``[]`` when there is none: a
    restrictive post-modifier that identifies the holder (Vieira & Poesio 2000, *An empirically
    based system for processing definite descriptions*: such descriptions are mostly first mentions).

    Args:
        words (list[str]): The phrase's lowercase tokens.
        noun (str): Its role noun.

    Returns:
        list[str]: The complement's content words, in order.
    """
    if noun not in words:
        return []
    k = words.index(noun) + 1
    if k >= len(words) or words[k] not in ("de", "du", "des", "d'"):
        return []
    return [w for w in words[k + 1 :] if len(w) > 2 and w not in _COMPLEMENT_FUNCTION]


@functools.cache
def _person_after_re() -> re.Pattern[str]:
    nouns = sorted((n for n, r in role_nouns().items() if r.type == "person"), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"^\s*,\s*{_PRE}(?:[a-zàâäçéèêëîïôöûüœ-]+\s+)?(?:{alts})\b", re.IGNORECASE)


@functools.cache
def _person_before_re() -> re.Pattern[str]:
    nouns = sorted((n for n, r in role_nouns().items() if r.type == "person"), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in nouns)
    return re.compile(
        rf"(?:^|[\s'(])(?:{alts})(?:\s+(?!(?:de|du|des|la|le|les|et)\s)[a-zàâäçéèêëîïôöûüœ-]+)?\s+$", re.IGNORECASE
    )


def apposed_persons(text: str, mentions: Any) -> list[int]:
    """The rows of organisation or other mentions that name a person: two words or more, the first an
    unambiguous first name, and a person's role noun in apposition right after the name and its comma
    (*X, une journaliste*, *X, député-maire*) or right before it (*le député X*; no complement
    between, which would make the name the noun's complement: *le président de Michelin*).

    Args:
        text (str): The article's raw text.
        mentions (analysis.people.entities.MentionIndex): Its entity mentions.

    Returns:
        list[int]: Row positions, in the index's order.
    """
    out = []
    for i in range(len(mentions.start)):
        if mentions.label[i] not in ("ORG", "MISC", "LOC"):
            continue
        s, e = int(mentions.start[i]), int(mentions.end[i])
        words = text[s:e].split()
        if len(words) == 1 and _lone_name(text, s, e, words[0]):
            out.append(i)  # "Barroso, le président de la Commission": a surname alone, apposed to a person noun
            continue
        if mentions.label[i] == "LOC" or len(words) < 2 or any(ch.isdigit() for ch in text[s:e]):
            continue
        if not first_name_gender(words[0]):
            continue
        if _person_after_re().match(text[e : e + 60]) or _person_before_re().search(text[max(0, s - 40) : s]):
            out.append(i)
    return out


#: Words before a name that make it a complement or an adverbial (*à Paris, le maire*), not a subject.
_GOVERNED = re.compile(
    r"(?:^|\s)(?:à|au|aux|en|de|du|des|d'|d’|dans|pour|par|sur|chez|vers|depuis|le|la|les|l'|l’)\s*$", re.I
)


def _lone_name(text: str, s: int, e: int, word: str) -> bool:
    """Whether a one-word mention is a person's name by its apposition: a capitalised word, no acronym,
    opening its clause (no preposition or article before it: *à Paris, le maire* is a place), and
    followed by a comma and a person's role noun with its complement or closing comma (*Barroso, le
    président de la Commission*, Grevisse § 342: the apposition names the class of its referent); or,
    wherever it stands, followed by an indefinite apposition of a noun of persons closed by punctuation
    (*Hassan, un autre manifestant,*)."""
    if not word[:1].isupper() or word.isupper() or not word.isalpha():
        return False
    if _GOVERNED.search(text[max(0, s - 12) : s]):
        return False
    after = text[e : e + 60]
    if _indefinite_person_re().match(after):
        # an indefinite apposition that classes the name among human beings, wherever the name stands
        # (*ajoute Hassan, un autre manifestant.*): Grevisse § 342, Riegel, Pellat & Rioul (the
        # indefinite apposition says what kind of being the referent is); a place or a firm is no
        # *manifestant*; a governed name (*à Paris, un passant a dit*) was excluded above
        return True
    if not re.search(r"(?:^|[.;:!?«»\n]|\s[–—-])\s*$", text[max(0, s - 3) : s] or "\n"):
        return False
    return bool(_person_after_re().match(after)) and bool(
        re.match(r"^\s*,\s*(?:le|la|l'|l’)\s*[\w-]+(?:\s+[\w-]+)?\s+(?:de|du|des|d'|d’)", after)
    )


@functools.cache
def _indefinite_person_re() -> re.Pattern[str]:
    """*, un/une [adjective] person-noun* closed by punctuation: the whole apposition is the class noun."""
    nouns = sorted((n for n, r in role_nouns().items() if r.type == "person"), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"^\s*,\s*(?:un|une)\s+(?:[a-zàâäçéèêëîïôöûüœ-]+\s+)?(?:{alts})\s*[,.;:!?»)]", re.IGNORECASE)


def set_beside(full: str, apposed: Apposed, complement: list[str]) -> bool:
    """Whether the words of a role noun's complement are set beside an apposed name: within the
    apposition's clause, 90 characters at most either side (the window of :func:`apposed_names`).

    Args:
        full (str): The article's text.
        apposed (Apposed): The name set beside the role noun.
        complement (list[str]): The complement's words, lowercase.

    Returns:
        bool: True when every word of the complement is in the window.
    """
    left = re.split(r"[.;:!?«»“”\n]", full[max(0, apposed.start - 90) : apposed.start])[-1]
    right = re.split(r"[.;:!?«»“”\n]", full[apposed.end : apposed.end + 90])[0]
    window = f"{left} {right}".replace("’", "'").lower()
    return all(w in window for w in complement)
