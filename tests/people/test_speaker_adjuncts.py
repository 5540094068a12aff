"""The circumstantial adjuncts at the end of a speaker phrase are the clause's, not the speaker's
(:func:`analysis.people.phrases.without_adjuncts`); each sentence is made up for the test."""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q


def _speaker_text(sentence: str, verb: str) -> str:
    found = Q.quotes(analysis.Article.from_text("Titre d'essai sur la vie locale\n\n" + sentence + "\n"))
    rows = found[found["verb"] == verb]
    assert len(rows) == 1, found[["verb", "speaker_text"]]
    return str(rows.iloc[0]["speaker_text"])


@pytest.mark.parametrize(
    "sentence, verb, speaker",
    [
        # a phrase opened by a preposition of time
        (
            "Les syndicats pendant toute la grève ont affirmé que les salaires baissaient.",
            "affirmer",
            "Les syndicats",
        ),
        # a noun phrase of time, with its determiner and adjectives
        (
            "D'autres habitants ces derniers mois ont raconté que l'eau manquait au village.",
            "raconter",
            "D'autres habitants",
        ),
        # an adverb
        ("Les commerçants aussi ont dénoncé que la rue restait fermée.", "dénoncer", "Les commerçants"),
    ],
)
def test_adjuncts_at_the_end_of_the_subject_are_left_out(sentence: str, verb: str, speaker: str) -> None:
    assert _speaker_text(sentence, verb) == speaker


@pytest.mark.parametrize(
    "sentence, verb, speaker",
    [
        # a time noun that is a noun's complement stays
        (
            "Un habitant de quarante ans a raconté que l'eau manquait au village.",
            "raconter",
            "Un habitant de quarante ans",
        ),
        # no adjunct: the phrase is unchanged
        (
            "Les pêcheurs du port ont affirmé que les prix baissaient.",
            "affirmer",
            "Les pêcheurs du port",
        ),
    ],
)
def test_complements_of_the_noun_stay(sentence: str, verb: str, speaker: str) -> None:
    assert _speaker_text(sentence, verb) == speaker
