"""Nouns of persons (manifestant, témoin, victime, ...) in role_nouns_fr.tsv, and the indefinite
apposition that classes a lone name among human beings (analysis.people.antecedents), on invented
sentences."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q
from analysis.people.lexicon import role_nouns


def test_nouns_of_persons_are_person_role_nouns():
    nouns = role_nouns()
    for noun in ("manifestant", "manifestante", "passant", "victime", "otage", "riverain", "policière"):
        assert nouns[noun].type == "person", noun
    assert nouns["manifestante"].gender == "f" and nouns["victime"].gender == "epicene"


def test_a_lone_name_with_an_indefinite_person_apposition_is_a_person():
    text = (
        "Titre\n\nDes milliers de personnes ont défilé samedi dans le centre de Téhéran. « Nous ne partirons "
        "pas tant que les résultats ne seront pas publiés », ajoute Hassan, un autre manifestant.\n"
    )
    rows = Q.quotes(analysis.Article.from_text(text))
    assert rows["speaker"].tolist() == ["Hassan"]
    assert rows["source_type"].tolist() == ["person"]


def test_a_governed_place_stays_a_place():
    # "à Paris, un passant": the name is a preposition's object, the apposition is the subject
    text = "Titre\n\nLa manifestation a eu lieu à Paris, un passant a affirmé que « la police était absente ».\n"
    rows = Q.quotes(analysis.Article.from_text(text))
    assert "Paris" not in rows["speaker"].tolist()
