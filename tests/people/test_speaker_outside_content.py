"""The controlling subject of a subject-less cue is never taken inside the attribution's content
(GUIDE 3.2), and *en* before a finite verb is the clitic pronoun, not a gerund's *en*
(:mod:`analysis.people.phrases`), and a capitalised particle opens a surname; each sentence is made up
for the test."""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q


def _speaker_text(text: str, verb: str) -> str:
    found = Q.quotes(analysis.Article.from_text("Titre d'essai sur la vie locale\n\n" + text + "\n"))
    rows = found[found["verb"] == verb]
    assert len(rows) == 1, found[["verb", "speaker_text"]]
    return str(rows.iloc[0]["speaker_text"])


@pytest.mark.parametrize(
    "text, verb, speaker",
    [
        # a participle opening the sentence: its controller is the main clause's subject, not the
        # subject of the verb inside the quotation
        (
            "Le maire Paul Girard a parlé hier soir. Jugeant que « le marché couvert est trop petit », "
            "il a voté contre le budget.",
            "juger",
            "il",
        ),
        # no subject outside the quotation: no speaker rather than the quotation's first noun phrase
        (
            "Girard a parlé. Et puis a raconté : « La route du col reste fermée tout l'hiver. »",
            "raconter",
            "",
        ),
    ],
)
def test_no_speaker_from_the_content(text: str, verb: str, speaker: str) -> None:
    assert _speaker_text(text, verb) == speaker


def test_clitic_en_is_no_gerund() -> None:
    text = "Les géologues en ont conclu que les roches, ou du moins les plus anciennes, avaient fondu."
    assert _speaker_text(text, "conclure") == "Les géologues"


def test_gerund_keeps_its_controller() -> None:
    text = "La directrice Anne Morel a répondu en se disant prête à rouvrir l'atelier."
    assert _speaker_text(text, "se dire") == "Anne Morel"


@pytest.mark.parametrize(
    "text, verb, speaker",
    [
        # a capitalised particle and a surname right before the verb: the subject, not a PP
        ("Le club a perdu. De Vitto conclut que l'équipe manque de rigueur.", "conclure", "De Vitto"),
        # after a comma, "De X" stays a prepositional phrase
        ("Le club a perdu. De Lyon, elle a dit que l'équipe manque de rigueur.", "dire", "elle"),
    ],
)
def test_a_surname_with_its_particle_is_the_subject(text: str, verb: str, speaker: str) -> None:
    assert _speaker_text(text, verb).endswith(speaker.split()[-1])
    assert _speaker_text(text, verb) in (speaker, speaker.split()[-1])


def test_a_capitalised_word_inside_a_name_is_no_verb() -> None:
    text = "La série continue. D'après The Daily Reporter, le tournage reprendra au printemps à Québec."
    assert _speaker_text(text, "d'après") == "The Daily Reporter"
