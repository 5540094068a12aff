"""Role descriptions and their holders: which names of a speaker phrase are the source, and what a
text shows of a person's gender for agreement.

Rules used by :class:`analysis.people.speakers.Resolver`, each from a general source:

* :func:`complement_persons`: a person named in the complement of a role noun (*l'avocat de Julian
  Assange*, *le porte-parole de M. Dupont*, *l'avocat du président Obama*) is the noun's complement,
  not the source: the head of the noun phrase is the role noun, and *de X* only restricts it
  (Grevisse, *Le Bon Usage*, § 348, the *complément du nom*; GUIDE A6 of the quote gold: "a noun
  phrase that names someone other than the source is not a name mention of the source"). A name set
  after a complement whose noun is no person (*le ministre de l'Intérieur Manuel Valls*, *le
  président de la commission Denis Baupin*) is in apposition to the whole phrase (Grevisse § 342: an
  apposition names the class of its referent, a person's name a person's noun) and stays the source.
* :func:`administration_of`: a body noun with a person's complement (*les services de Manuel Valls*)
  is that person's administration, an organisation (GUIDE A6), the one the article names nearest.
* :func:`apposed_gender`: a feminine role noun set beside a person (*la ministre X*, *X, présidente
  de …*) shows a woman (GUIDE 5, cue 4; Grevisse § 487), so a pronoun *il* does not take her up.
* :func:`fuller_names`: a person named by a surname alone (*Le Pen*, *Van Rompuy*) is the person
  whose fuller name ends with it (GUIDE 4.2, A8: the canonical speaker is the fullest name the
  article gives); when two persons share it, the one named last before (recency, Lappin & Leass
  1994).
* :func:`organisation_gender`: *il* and *elle* take up an institution by the gender of the class
  noun the text gives it (*l'agence Moody's* → *elle*; Grevisse § 655).
"""

from __future__ import annotations

import re
from typing import Any

from .detection import Segment
from .lexicon import first_name_gender, role_nouns
from .name_extent import TITLES
from .speaker_words import SENTENCE_END

__all__ = [
    "COMPLEMENT_PREPOSITIONS",
    "administration_of",
    "SURNAME_PARTICLES",
    "apposed_gender",
    "complement_persons",
    "former_role",
    "fuller_names",
    "given_name",
    "organisation_gender",
]

#: The prepositions (and contracted articles) that open a noun's complement (Grevisse § 348).
COMPLEMENT_PREPOSITIONS = frozenset({"de", "du", "des", "d'", "d’"})


def _person_noun(word: str) -> bool:
    role = role_nouns().get(word)
    return role is not None and role.type in ("person", "group")


def complement_persons(seg: Segment, lo: int, rows: list[int], mentions: Any) -> set[int]:
    """The person mentions of a speaker phrase that stand in the complement of a person's role noun.

    Args:
        seg (Segment): The segment of the phrase.
        lo (int): The phrase's first token.
        rows (list[int]): Mention rows inside the phrase.
        mentions (analysis.people.entities.MentionIndex): The article's mentions.

    Returns:
        set[int]: The rows of ``PER`` mentions that are a role noun's complement (*de X*, *du président
        X*), so not the source.
    """
    out: set[int] = set()
    for i in rows:
        if mentions.label[i] != "PER":
            continue
        first = seg.index_at(int(mentions.start[i]))
        if first < len(seg) and seg.pos[first] == "NOUN":
            continue  # a mention opening on a common noun (*d'Etat Brandt*): the noun is the complement
        k = first - 1
        while k >= lo and seg.low[k] in TITLES:
            k -= 1  # "de M. Dupont"
        while k >= lo and (seg.pos[k] == "ADJ" or _person_noun(seg.low[k])):
            k -= 1  # "du président américain X": the name is apposed to a person noun inside the complement
        if k <= lo or seg.low[k] not in COMPLEMENT_PREPOSITIONS:
            continue
        j = k - 1
        while j >= lo and seg.pos[j] == "ADJ":
            j -= 1
        if j >= lo and (_person_noun(seg.low[j]) or _body_noun(seg.low[j])):
            out.add(i)
    return out


def _body_noun(word: str) -> bool:
    role = role_nouns().get(word)
    return role is not None and role.type == "organisation"


def administration_of(full: str, mentions: Any, canonical: Any, pos: int) -> str | None:
    """The organisation a body noun with a person's complement designates (*les services de X*, *le
    cabinet de X*: X's administration; GUIDE A6, *les services de Manuel Valls* is a role mention of
    the ministry): the organisation named nearest to ``pos`` outside quotation marks, in the
    phrase's sentence, the one before or the one after (GUIDE 4.2: the article may name it earlier
    or later; recency, Lappin & Leass 1994).

    Args:
        full (str): The article's text.
        mentions (analysis.people.entities.MentionIndex): The article's mentions.
        canonical (Callable[[int], str]): The canonical name of a mention row.
        pos (int): Where the phrase stands.

    Returns:
        str | None: The name, or ``None`` when no organisation is named so near.
    """
    ends = [0] + [m.end() for m in SENTENCE_END.finditer(full)] + [len(full)]
    k = max(n for n, e in enumerate(ends) if e <= pos)
    lo, hi = ends[max(0, k - 1)], ends[min(len(ends) - 1, k + 2)]
    best: tuple[int, str] | None = None
    for i in range(len(mentions.start)):
        s = int(mentions.start[i])
        if mentions.label[i] != "ORG":
            continue
        cut = max((e for e in ends if e <= s), default=0)
        if not lo <= s < hi or full.count("«", cut, s) > full.count("»", cut, s):
            continue
        if best is None or abs(s - pos) < best[0]:
            best = (abs(s - pos), canonical(i))
    return best[1] if best else None


#: Determiners that show an epicene noun feminine (Grevisse § 487).
_FEMININE_DET = frozenset({"la", "une", "cette", "sa"})
#: Characters that close an apposition's clause.
_STOP = re.compile(r"[.;:!?«»“”\"\n]")


def apposed_gender(text: str, appositions: list[Any], name: str) -> str:
    """``"f"`` when the text sets a feminine role noun beside the person ``name`` (*la ministre X*, *X,
    présidente de …*, *X, la porte-parole*), else ``""``.

    A feminine noun, or an epicene one after a feminine determiner, is never said of a man, so it shows
    a woman (GUIDE 5, cue 4; Grevisse § 487); a masculine noun shows nothing (the masculine was long
    used for women in office).

    Args:
        text (str): The article's raw text.
        appositions (list[analysis.people.antecedents.Apposed]): The article's role-noun appositions.
        name (str): A person's canonical name.

    Returns:
        str: ``"f"`` or ``""``.
    """
    for a in appositions:
        if a.name != name or a.label != "PER":
            continue
        role = role_nouns().get(a.noun)
        if role is None:
            continue
        if role.gender == "f":
            return "f"
        if role.gender != "epicene":
            continue
        left = text[max(0, a.start - 90) : a.start]
        left = left[max((m.end() for m in _STOP.finditer(left)), default=0) :]
        right = text[a.end : a.end + 90]
        right = right[: min((m.start() for m in _STOP.finditer(right)), default=len(right))]
        noun = re.escape(a.noun)
        det = "|".join(_FEMININE_DET)
        before = re.search(rf"(?i)\b(?:{det})\s+(?:[\w-]+\s+)?{noun}\b[^,]{{0,60}},?\s*$", left)
        after = re.match(rf"(?i)^\s*(?:\([^)]*\)\s*)?,\s*(?:{det})\s+(?:[\w-]+\s+)?{noun}\b", right)
        if before or after:
            return "f"
    return ""


def organisation_gender(text: str, appositions: list[Any], name: str, phrase: str = "") -> str:
    """The grammatical gender of an organisation, from the class noun the text sets beside its name
    (*l'agence Moody's* → ``f``, *le parti X* → ``m``) or the role noun of the phrase that named it
    (*l'agence*): *il* and *elle* take up an institution by the gender of its class noun (Grevisse,
    *Le Bon Usage*, § 655). ``""`` when the text gives no class noun.

    Args:
        text (str): The article's raw text.
        appositions (list[analysis.people.antecedents.Apposed]): The article's role-noun appositions.
        name (str): The organisation's canonical name.
        phrase (str): The speaker phrase that designated it, if any.

    Returns:
        str: ``"f"``, ``"m"`` or ``""``.
    """
    nouns = role_nouns()
    for a in appositions:
        if a.name == name and a.label == "ORG" and a.noun in nouns and nouns[a.noun].gender in ("f", "m"):
            return nouns[a.noun].gender
    for w in re.findall(r"[\w-]+", phrase.replace("’", "'").lower()):
        role = nouns.get(w)
        if role is not None and role.type in ("organisation", "media") and role.gender in ("f", "m"):
            return role.gender
    return ""


#: Lowercase particles that may open a surname (*de Gaulle*, *le Pen* in running text is rare, *van*,
#: *von*, *da*, *di*, *del*, *al-*, *ben*, *bin*; Grevisse § 1005, particles of names).
SURNAME_PARTICLES = frozenset(
    {"de", "du", "d'", "des", "van", "von", "der", "den", "da", "di", "del", "dos", "al", "el", "ben", "bin"}
)


def fuller_names(mentions: Any, canonical: Any) -> dict[tuple[str, ...], list[tuple[int, str]]]:
    """Person names by their trailing words: for every person mention of two words or more, each of its
    shorter endings that opens on a capitalised word or a particle (*Le Pen* and *Pen* of *Marine Le
    Pen*), with the mention's offset and canonical name, in text order.

    Only names whose added words are given names or initials count (:func:`given_name`): *J. M.
    Levy-Leblond*, *Marine Le Pen*, never a place or a word the entity model took in (*Suisse Chirac*).

    Args:
        mentions (analysis.people.entities.MentionIndex): The article's mentions.
        canonical (Callable[[int], str]): The canonical name of a mention row.

    Returns:
        dict[tuple[str, ...], list[tuple[int, str]]]: Ending words → (offset, fuller name) pairs.
    """
    out: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for i in sorted(range(len(mentions.start)), key=lambda i: int(mentions.start[i])):
        if mentions.label[i] != "PER":
            continue
        name = canonical(i)
        words = name.split()
        for k in range(1, len(words)):
            end = tuple(words[k:])
            if (end[0][:1].isupper() or end[0] in SURNAME_PARTICLES) and all(map(given_name, words[:k])):
                out.setdefault(end, []).append((int(mentions.start[i]), name))
    return out


def given_name(word: str) -> bool:
    """Whether a word before a surname is a given name: an unambiguous first name (GUIDE 5, A14) or an
    initial (*J.*, *J.-M.*), never a title (*M.*, GUIDE 4.2: titles are no part of the name)."""
    if re.fullmatch(r"[A-ZÉ]\.(?:-?[A-ZÉ]\.)?", word):
        return word not in ("M.", "MM.")
    return bool(first_name_gender(word.split("-")[0])) and word[:1].isupper()


#: The prefixes of a former office written with a hyphen (*l'ex-maire*, *l'ex-président*).
FORMER_PREFIXES = ("ex-", "ex\u2010", "ex\u2013")  # hyphen-minus, hyphen, en dash


def former_role(word: str) -> str:
    """The role noun inside a former office's word (*ex-maire* → *maire*), else the word itself.

    The prefix *ex-* ("qui a été", TLFi *ex-*; a prefix keeps its base's class) makes a compound of the
    same class as its base: *l'ex-maire de Nantes* designates a person as *l'ancien maire de Nantes*
    does, so it is read as that role noun (GUIDE 4.2, a description resolved to the person the article
    gave that role). Words whose rest is no role noun (*l'ex-Yougoslavie*) are left whole.

    Args:
        word (str): A lowercase token.

    Returns:
        str: The role noun, or ``word`` unchanged.
    """
    for prefix in FORMER_PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in role_nouns():
            return word[len(prefix) :]
    return word
