"""The extent of a name inside a speaker phrase, where the entity model cut it short.

Split from :mod:`analysis.people.speakers` (one job: where a name begins and ends). A person's name
runs over its capitalised words and the particles glued to it (:func:`name_start`,
:func:`name_end`); an organisation's over a complement naming a place or body, or the words its
acronym spells (:func:`org_name_end`). :func:`is_gentile`, :func:`is_epithet` and
:func:`strip_article` tell a unique institutional designation (*le gouvernement malien*) and give
it without its article (GUIDE 4.2, 4.4).
"""

from __future__ import annotations

import bisect
import re

from .detection import Segment
from .gazetteer import word_sets
from .lexicon import role_nouns

__all__ = [
    "ACRONYM",
    "GENTILES",
    "GENTILE_SUFFIXES",
    "TITLES",
    "is_epithet",
    "is_gentile",
    "name_end",
    "name_start",
    "org_name_end",
    "strip_article",
]

#: Articles: a capitalised word right after one is a noun, not the first word of a person's name.
ARTICLES_BEFORE: frozenset[str] = frozenset({"l’"}).union(
    *(word_sets()[k] for k in ("det_definite", "det_indefinite", "det_contracted"))
)  # ``data/words_fr.tsv`` (and the typographic apostrophe of l’)
#: Titles before a name: never part of the canonical name (GUIDE 4.2), a gender cue (gender.py).
TITLES = frozenset(
    {"m", "m.", "mme", "mlle", "mm", "mm.", "dr", "me", "mgr", "monsieur", "madame", "mademoiselle", "mr", "mrs"}
)

#: An acronym: two to six capitals (*BEA*, *HRW*, *EELV*).
ACRONYM = re.compile(r"[A-ZÉÈ]{2,6}")
#: Words of a name left out of its acronym (Schwartz & Hearst 2003 match initials of content words).
_FUNCTION = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "à", "au", "aux", "sur"})
#: A complement "du Mali", "de l'ONU", "des Nations unies" that continues an institution's name.
_NAME_COMPLEMENT = re.compile(r"\s+(?:du|des|de\s+la|de\s+l['’]|d['’])\s*[A-ZÉÈÀÂÎÔ][\w-]*(?:\s+[A-ZÉÈÀÂÎÔ][\w-]*)*")


def org_name_end(text: str, end: int, limit: int, acronyms: frozenset[str]) -> int:
    """The end of an organisation's name the entity model cut short, within ``limit``.

    Two general forms of French institutional names: a name continued by a complement naming a place
    or a body (*Association des leaders religieux* + *du Mali*, *Conseil des droits de l'Homme* + *de
    l'ONU*), and a name whose acronym the article gives (*Bureau d'enquêtes* + *et d'analyses*, whose
    content words' initials spell *BEA*: the acronym-definition rule of A. Schwartz and M. Hearst,
    2003). The name is cut before a comma (an apposition follows, GUIDE 4.1).

    Args:
        text (str): The article's text.
        end (int): The mention's end.
        limit (int): The end of the speaker phrase.
        acronyms (frozenset[str]): The acronyms the article uses.

    Returns:
        int: The name's end (``end`` when nothing continues it).
    """
    head = text[max(0, end - 80) : end]
    for n, word in enumerate(re.finditer(r"[\w-]+", text[end:limit])):
        if n >= 4 or "," in text[end : end + word.start()]:
            break
        stretch = text[max(0, end - 80) : end + word.end()]
        for acro in acronyms:
            n_words = len(acro)
            if (
                _initials(stretch, n_words) == acro
                and _initials(head, n_words) != acro
                and _starts_name(stretch, n_words)
            ):
                return end + word.end()
    complement = _NAME_COMPLEMENT.match(text, end, limit)
    return complement.end() if complement else end


def _initials(text: str, n: int) -> str:
    """The initials of the last ``n`` content words of ``text``, upper-cased."""
    words = [w for w in re.split(r"[\s'’-]+", text) if w and w.lower() not in _FUNCTION]
    return "".join(w[0].upper() for w in words[-n:] if w[0].isalpha())


def _starts_name(stretch: str, n_words: int) -> bool:
    """Whether the content word whose initial opens the acronym is capitalised (the name's start)."""
    words = [w for w in re.split(r"[\s'’-]+", stretch) if w and w.lower() not in _FUNCTION]
    return len(words) >= n_words and words[-n_words][:1].isupper()


def name_start(seg: Segment, start: int, limit: int) -> int:
    """The start of a person's name the mention cut short on the left (*Rami* of *Rami Abd al-Rahman*):
    capitalised words that are names (not a determiner, preposition or verb), within ``limit``. A word
    after an article is a noun with its determiner (*le président de l'Assemblée Claude Bartolone*):
    French does not put the article before a person's name (Grevisse, *Le Bon Usage*, § 588)."""
    k = seg.index_at(start) - 1
    while (
        k >= 0
        and seg.start[k] >= limit
        and seg.text[k][:1].isupper()
        and seg.text[k].isalpha()
        and seg.pos[k] in ("PROPN", "NOUN", "X")
        and seg.low[k] not in ("selon", "pour", "le", "la", "les")
        and seg.low[k] not in TITLES
        and not (k > 0 and seg.low[k - 1] in ARTICLES_BEFORE)
    ):
        start = seg.start[k]
        k -= 1
    return start


def name_end(seg: Segment, end: int, limit: int) -> int:
    """The end of a person's name that the mention cut short: capitalised words and the particles of
    French and Arabic names glued to it (*Bruno Le Roux*, *Rami Abd al-Rahman*), within ``limit``."""
    k = bisect.bisect_left(seg.end, end)
    if k < len(seg) and seg.start[k] < end < seg.end[k] and seg.end[k] <= limit:
        end = seg.end[k]  # the mention ends inside a token (al-Rahman)
    k = seg.index_at(end)
    while k < len(seg) and seg.end[k] <= limit:
        t = seg.text[k]
        glued = seg.start[k] == end
        if t[:1].isupper() and t.isalpha() or glued and t in ("-",) or glued and end > 0 and re.match(r"\w", t):
            end = seg.end[k]
            k += 1
        elif t in ("al", "el", "ben", "ibn") and k + 1 < len(seg) and seg.text[k + 1] == "-":
            end = seg.end[k]
            k += 1
        else:
            break
    return end


#: Suffixes of French gentilés (adjectives of nationality: malien, ukrainien, français, américain,
#: québécois, espagnol; Grevisse, *Le Bon Usage*, § 169) and gentilés without one of them.
GENTILE_SUFFIXES = ("ien", "ienne", "ais", "aise", "ain", "aine", "ois", "oise", "ol", "ole", "éen", "éenne")
GENTILES = frozenset(
    {
        "russe",
        "belge",
        "suisse",
        "allemand",
        "allemande",
        "turc",
        "turque",
        "grec",
        "grecque",
        "chinois",
        "arabe",
        "européen",
        "européenne",
        "onusien",
        "fédéral",
        "fédérale",
        "national",
        "nationale",
    }
)


def is_epithet(seg: Segment, k: int) -> bool:
    """Whether the word at ``k`` is an adjective set after a noun that is no role noun (*l'opposition
    socialiste*): French puts the epithet after its noun (Grevisse § 326), so it is not the head."""
    return k > 0 and seg.pos[k] == "ADJ" and seg.pos[k - 1] == "NOUN" and seg.low[k - 1] not in role_nouns()


def is_gentile(word: str) -> bool:
    """Whether a word is an adjective of nationality or of a state's level (a unique designation)."""
    return word in GENTILES or len(word) > 4 and word.endswith(GENTILE_SUFFIXES)


def strip_article(text: str) -> str:
    low = text.replace("’", "'")
    for art in ("le ", "la ", "les ", "l'"):
        if low.lower().startswith(art):
            return text[len(art) :]
    return text
