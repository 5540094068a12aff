"""Rules of :mod:`analysis.people.incises`, each on an invented sentence (never one of the gold's)."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q


def _quotes(*paragraphs: str):
    text = "Titre d'essai sur la vie locale\n\n" + "\n\n".join(paragraphs) + "\n"
    return Q.quotes(analysis.Article.from_text(text))


def _row(found, verb: str):
    rows = found[found["verb"] == verb]
    assert len(rows) == 1, found[["verb", "text"]]
    return rows.iloc[0]


def test_incise_inside_its_clause_takes_the_whole_clause():
    # Grevisse § 378: "Il est, disent-ils, la langue de ..."; GUIDE 3.2: « A, dit-il, B » is one content
    row = _row(_quotes("Le projet est, estime-t-elle, une erreur grave pour la région."), "estimer")
    assert row["text"] == "Le projet est, estime-t-elle, une erreur grave pour la région"
    assert row["speaker_text"] == "elle"


def test_connective_before_an_incise_stays_out_of_the_content():
    # GUIDE A3: sentence-initial connectives of the article stay out of the content of an incise
    row = _row(_quotes("Par ailleurs, poursuit le maire de Lyon, une ville n'a pas d'avenir sans école."), "poursuivre")
    assert row["text"] == "une ville n'a pas d'avenir sans école"


def test_incise_closing_its_clause_keeps_the_clause_before():
    found = _quotes(
        "Le budget sera voté en juin, affirme Jean Dupont, le maire de Lyon.",
        "La séance sera longue, dit-il, lors de la réunion du conseil.",
    )
    assert _row(found, "affirmer")["text"] == "Le budget sera voté en juin"  # an apposition is no clause
    assert _row(found, "dire")["text"] == "La séance sera longue"  # a medium or adverbial after the incise


def test_comme_incise_attributes_the_clause_beside_it():
    # Grevisse § 379: "comme le rappelle X", "ainsi que l'a souligné X"; the tagger may read the verb as a name
    found = _quotes(
        "La crise est profonde, comme le rappelle Jean Martin, professeur à Lyon.",
        "Comme l'explique le rapport, les prix ont augmenté de dix pour cent.",
        "Le texte, comme l'a souligné la ministre, reste fragile.",
    )
    assert _row(found, "rappeler")["text"] == "La crise est profonde"
    assert _row(found, "rappeler")["speaker_text"] == "Jean Martin"
    assert _row(found, "expliquer")["text"] == "les prix ont augmenté de dix pour cent"
    assert _row(found, "souligner")["text"] == "Le texte, comme l'a souligné la ministre, reste fragile"


def test_comme_incise_in_the_article_voice_or_after_a_negation_is_no_attribution():
    # GUIDE 2: the article's own voice is no source; after a negation what was said is not told
    found = _quotes(
        "Le plan, comme on le pense bien, a déplu au conseil municipal.",
        "La mairie a fermé la piscine, comme nous l'avons écrit hier.",
        "Les deux garçons n'étaient pas frères, comme on l'avait dit au village.",
    )
    assert not found["verb"].isin(["penser", "écrire", "dire"]).any()
