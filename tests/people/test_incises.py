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
