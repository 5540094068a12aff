"""The words and patterns speaker resolution reads the text with (:mod:`analysis.people.speakers`).

Determiners and subject pronouns (GUIDE 4.1–4.2; ``data/words_fr.tsv``), the office nouns of GUIDE A7,
the end of a sentence, the prepositions that govern an oblique, *chez*, a leading article before an
acronym, and the according-to opener built from ``data/sources_fr.tsv``. Each names its source.
"""

from __future__ import annotations

import functools
import re

from .gazetteer import word_sets
from .lexicon import source_forms

__all__ = [
    "ACRONYM_ARTICLE",
    "CHEZ",
    "CONTRACTED",
    "DEFINITE",
    "GOVERNING",
    "OFFICE_NOUNS",
    "PLURAL_DETERMINERS",
    "PRONOUNS",
    "SENTENCE_END",
    "according_re",
]

#: Definite determiners (articles, demonstratives, possessives; ``data/words_fr.tsv``): a role noun after
#: one designates one known source (GUIDE 4.2).
DEFINITE: frozenset[str] = frozenset().union(
    *(word_sets()[k] for k in ("det_definite", "det_demonstrative", "det_possessive"))
)
#: Determiners of a plural noun phrase (``data/words_fr.tsv``, ``det_plural``).
PLURAL_DETERMINERS: frozenset[str] = word_sets()["det_plural"]
#: Subject pronouns (GUIDE 4.1), as they read in a speaker phrase.
PRONOUNS = {
    "il": ("m", "sg"),
    "elle": ("f", "sg"),
    "ils": ("m", "pl"),
    "elles": ("f", "pl"),
    "on": ("", "sg"),
    "lui": ("m", "sg"),
    "eux": ("m", "pl"),
}
#: Office nouns whose holder, for a named institution, is the institution (GUIDE A7).
OFFICE_NOUNS = frozenset(
    {"porte-parole", "direction", "responsable", "représentant", "représentante", "service", "services"}
)

#: Contracted articles and the definite article they hold (Riegel et al., ch. VII: de + le → du, de +
#: les → des; ``data/words_fr.tsv``, ``det_contracted``).
CONTRACTED = {"du": "le", "des": "les", "au": "le", "aux": "les"}
#: A leading article before an acronym (*Le PP*, *la CGT*, *L'ONU*): GUIDE 4.1 takes organisation names
#: without it unless it is part of the name (*La Poste*, *Le Figaro*), and an acronym's letters never
#: spell the article (Schwartz & Hearst 2003).
ACRONYM_ARTICLE = re.compile(r"(?:Le|La|Les|le|la|les)\s+(?=[A-ZÉÈ]{2,6}\b)|(?:L|l)['’](?=[A-ZÉÈ]{2,6}\b)")
#: *chez* right before a name, with an optional article (*chez Renault*, *Chez la SNCF*).
CHEZ = re.compile(r"(?:^|\s)[Cc]hez\s+(?:(?:la|le|les|l'|l’)\s*)?$")
#: A sentence's end: its final punctuation (or a closing quotation mark) before a capital, spaced or not
#: (OCR drops spaces), or a line break; never the period of an initial or a title (*B. Obama*, *M. Durand*).
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMM)[.!?»]\s*(?=[A-ZÉÈÀÂÎÔ«])|\n")
#: Prepositions (and contracted articles) whose object is an oblique, never the subject (Grevisse § 1036).
GOVERNING = frozenset(
    "de du des avec par à au aux pour contre chez sur entre sans vers selon après avant envers auprès dans "
    "sous face malgré parmi d'".split()
)


@functools.cache
def according_re() -> re.Pattern[str]:
    """An according-to phrase opening a clause: the ``according`` forms of ``data/sources_fr.tsv``
    (GUIDE 2, item 2: *selon X*, *d'après X*, *de l'avis de X*, …) and *pour X* (Grevisse § 1040)."""
    forms = [" ".join(words) for words, _ in source_forms("according")] + ["pour"]
    alternatives = "|".join(re.escape(f).replace("'", "['’]").replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"\s*(?:{alternatives})\s", re.IGNORECASE)
