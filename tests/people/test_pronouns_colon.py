"""A cue-less quotation after a colon takes the subject of the clause that introduces it (GUIDE A16b).

The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q

from .quote_rows import row_with

TEXT = (
    "Titre de test\n\n"
    "Le port a été inondé dans la nuit de lundi. Paul Durand, un vieux pêcheur du village, se souvient très "
    "bien de cette nuit-là : « Nous avons vu la mer monter jusqu'aux maisons et tout emporter sur son "
    "passage. »\n\n"
    "Lors de la réunion, Marie Lefèvre a demandé la parole. Elle a longuement parlé devant les élus du "
    "conseil municipal : « Nous ne pouvons plus attendre que la prochaine tempête détruise encore le "
    "quartier. »\n\n"
    "Pierre Lamy a dit que les digues seraient renforcées avant l'hiver. La discussion portait ensuite "
    "sur le rapport de Jean Dupuis : « Les travaux dureront deux ans et coûteront beaucoup plus que "
    "prévu. »\n"
)


@pytest.fixture(scope="module")
def rows():
    return Q.quotes(analysis.Article.from_text(TEXT))


def test_the_subject_before_the_colon_is_the_speaker(rows):
    r = row_with(rows, "la mer monter")
    assert r["speaker"] == "Paul Durand" and r["resolution"] == "name" and r["named"]
    assert TEXT[r["speaker_start"] : r["speaker_end"]] == "Paul Durand"


def test_a_leading_pronoun_before_the_colon_is_resolved(rows):
    r = row_with(rows, "prochaine tempête")
    assert r["speaker_text"] == "Elle" and r["resolution"] == "pronoun"
    assert r["speaker"] == "Marie Lefèvre"


def test_a_person_named_after_a_preposition_is_not_the_subject(rows):
    r = row_with(rows, "Les travaux dureront")
    assert r["speaker"] != "Jean Dupuis"
