"""A quotation that is the attribute of a verb's object after *comme* or *de* (*décrire X comme « … »*,
*qualifier X de « … »*) is attributed to that verb's subject, however long the object
(:func:`analysis.people.incises.attribute_verb`); each sentence is made up for the test."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q


def _rows(text: str):
    return Q.quotes(analysis.Article.from_text("Titre d'essai sur la vie locale\n\n" + text + "\n"))


def test_a_quoted_attribute_after_comme_far_from_its_verb() -> None:
    rows = _rows("Les pompiers ont décrit l'incendie de la scierie comme étant le « plus violent depuis vingt ans ».")
    assert list(zip(rows["verb"], rows["speaker_text"])) == [("décrire", "Les pompiers")]


def test_a_quoted_attribute_after_de_far_from_its_verb() -> None:
    rows = _rows("Le maire a qualifié la décision du conseil régional de « gâchis pour toute la vallée ».")
    assert list(zip(rows["verb"], rows["speaker_text"])) == [("qualifier", "Le maire")]


def test_no_attribute_verb_no_attribution() -> None:
    rows = _rows("La mairie a vendu la vieille maison de la place comme étant un « bien patrimonial ».")
    assert rows.empty
