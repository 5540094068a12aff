"""The language knowledge of attributions, read from ``people/data/`` (no rule lives here).

- :func:`speech_verbs`: reporting verbs with their stance class and frame
  (``speech_verbs_fr.tsv``);
- :func:`role_nouns`: nouns that designate a source without naming it, with gender and type
  (``role_nouns_fr.tsv``);
- :func:`source_forms`: according-to forms and the typology of anonymous sources
  (``sources_fr.tsv``);
- :func:`first_name_gender`: ``f``/``m`` for a first name that the ``gender-guesser`` package's
  dictionary (Jörg Michael's ``nam_dict``, shipped in the package, GPLv3 / GFDL) gives as
  unambiguously female or male, else ``""`` (GUIDE 5, A14: epicene names are no cue).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from ..paths import PEOPLE_DATA

__all__ = ["RoleNoun", "SpeechVerb", "first_name_gender", "locutions", "pronominals", "role_nouns", "source_forms",
           "speech_verbs"]


@dataclass(frozen=True)
class SpeechVerb:
    """One reporting verb: its lemma (``"se réjouir"``, ``"faire savoir"``), stance and frame."""

    lemma: str
    stance: str
    frame: str

    @property
    def words(self) -> tuple[str, ...]:
        """The lemma's words without the reflexive clitic (``("réjouir",)``, ``("faire", "savoir")``)."""
        w = self.lemma.replace("’", "'").split()
        if w and w[0] in ("se", "s'"):
            w = w[1:]
        elif w and w[0].startswith("s'"):
            w = [w[0][2:], *w[1:]]
        return tuple(w)


@dataclass(frozen=True)
class RoleNoun:
    """A role noun: lowercase singular form, grammatical gender (f, m, epicene) and type."""

    noun: str
    gender: str
    type: str


def _rows(name: str) -> list[dict[str, str]]:
    path: Path = PEOPLE_DATA / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@functools.cache
def speech_verbs() -> dict[str, SpeechVerb]:
    """Reporting verbs by their head lemma (the last word for a locution is not the key: the first is).

    Returns:
        dict[str, SpeechVerb]: Keyed by the first word of :attr:`SpeechVerb.words` (``"réjouir"``,
        ``"faire"`` for the locutions, which are listed under ``locutions()``).
    """
    out: dict[str, SpeechVerb] = {}
    for v in sorted((v for v in _verbs() if len(v.words) == 1), key=lambda v: v.frame == "pronominal"):
        out.setdefault(v.words[0], v)  # "dire" is the key of dire, "se dire" is found by pronominals()
    return out


@functools.cache
def pronominals() -> dict[str, SpeechVerb]:
    """Pronominal reporting verbs (*se dire*, *se réjouir*) by the lemma of their verb."""
    return {v.words[0]: v for v in _verbs() if v.frame == "pronominal" and len(v.words) == 1}


@functools.cache
def locutions() -> tuple[SpeechVerb, ...]:
    """Multi-word reporting verbs (``faire savoir``, ``mettre en garde``), longest first."""
    return tuple(sorted((v for v in _verbs() if len(v.words) > 1), key=lambda v: -len(v.words)))


@functools.cache
def _verbs() -> tuple[SpeechVerb, ...]:
    return tuple(SpeechVerb(r["lemma"], r["stance"], r["frame"]) for r in _rows("speech_verbs_fr.tsv"))


@functools.cache
def role_nouns() -> dict[str, RoleNoun]:
    """Role nouns by lowercase form."""
    return {r["noun"]: RoleNoun(r["noun"], r["gender"], r["type"]) for r in _rows("role_nouns_fr.tsv")}


@functools.cache
def source_forms(kind: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Forms of one kind (``according`` or ``anonymous``) as word tuples with their class, longest first."""
    forms = [(tuple(r["form"].split()), r["class"]) for r in _rows("sources_fr.tsv") if r["kind"] == kind]
    return tuple(sorted(forms, key=lambda f: -len(f[0])))


@functools.cache
def _detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str:
    """``f`` or ``m`` when the first name is unambiguously female or male in the dictionary, else ``""``.

    A compound first name (``Jean-Philippe``) takes the gender of its first element, as French
    compound first names do (``Jean-Marie``, ``Marie-Claude``).

    Args:
        name (str): A first name.

    Returns:
        str: ``"f"``, ``"m"`` or ``""`` (epicene, mostly one gender, or not in the dictionary).
    """
    first = name.split("-")[0].strip()
    if len(first) < 2 or not first[0].isupper():
        return ""
    found = _detector().get_gender(first)
    return {"female": "f", "male": "m"}.get(found, "")
