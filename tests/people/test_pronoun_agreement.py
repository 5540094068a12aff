"""Pronouns agree in gender with their antecedent (Grevisse, *Le Bon Usage*, § 655).

The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q

from .quote_rows import row_with

TEXT = (
    "Titre de test\n\n"
    "Lors du procès de 2009, l'avocat Jean Martin avait entrepris de démolir la Cour d'assises, où il s'était "
    "notamment pris au président : « Vous devriez partir, vous êtes indigne de présider ces débats ! »\n"
)


@pytest.fixture(scope="module")
def rows():
    return Q.quotes(analysis.Article.from_text(TEXT))


def test_il_skips_a_feminine_institution_of_its_sentence(rows):
    r = row_with(rows, "indigne de présider")
    assert r["speaker_text"] == "il" and r["resolution"] == "pronoun"
    assert r["speaker"] == "Jean Martin"


def test_a_cataphor_agrees_too():
    rows = Q.quotes(
        analysis.Article.from_text(
            "Titre de test\n\n"
            "Malgré les démarches, elle considère que l'économie connaîtra une faible croissance cette année.\n\n"
            "Pour la première fois, le président du Conseil Mario Rossi a reçu les syndicats.\n"
        )
    )
    r = row_with(rows, "faible croissance")
    assert r["speaker_text"] == "elle" and r["speaker"] != "Mario Rossi"


def test_the_subject_of_the_sentence_before_outranks_an_earlier_speaker():
    # centering: the subject of the sentence before, which came after the last attribution, is the centre
    rows = Q.quotes(
        analysis.Article.from_text(
            "Titre de test\n\n"
            "Bernard Petit lui avait alors rétorqué : « Je partirai quand vos amis cesseront le racket. »\n\n"
            "Autre avocat de l'accusé, Paul Lemoine a appris ce décès au volant de sa voiture. Très ému, il "
            "confie au journal que « nous aurions dû plaider l'un contre l'autre cet après-midi ».\n"
        )
    )
    r = row_with(rows, "plaider l'un contre l'autre")
    assert r["speaker_text"] == "il" and r["speaker"] == "Paul Lemoine"


def test_a_plural_pronoun_takes_up_the_unnamed_plural_source_before_it():
    # number agreement (Grevisse § 655): "ils" takes up "des analystes", not the firm quoted earlier
    rows = Q.quotes(
        analysis.Article.from_text(
            "Titre de test\n\n"
            "Le groupe Samsung a annoncé qu'il allait déposer un recours contre le verdict.\n\n"
            "Malgré tout, des analystes jugent dans la presse coréenne que le jugement pourrait être une chance "
            "pour Samsung. Ils estiment qu'il est temps pour le fabricant de se montrer beaucoup plus innovant.\n"
        )
    )
    r = row_with(rows, "beaucoup plus innovant")
    assert r["speaker_text"] == "ils" and r["speaker"] == "des analystes" and not r["named"]
