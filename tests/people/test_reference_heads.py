"""Definite organisation descriptions with the head noun of an earlier name (analysis.people.reference), on
invented sentences."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q
from analysis.people.reference import headed_antecedent


def test_headed_antecedent_compares_the_name_s_first_word_only():
    names = [(10, "Parti socialiste"), (40, "Groupe Durand"), (60, "Fédération du parti vert")]
    assert headed_antecedent("parti", names) == "Parti socialiste"
    assert headed_antecedent("groupe", names) == "Groupe Durand"
    assert headed_antecedent("syndicat", names) is None
    assert headed_antecedent("parti", [(5, "Parti")]) is None  # the bare noun is no name


def test_a_party_description_takes_up_the_party_named_with_its_noun_not_the_last_source():
    text = (
        "Titre\n\nLe syndicat agricole FNSEA a rejeté ce bilan. La FNSEA estime que les aides sont "
        "insuffisantes. Le Parti socialiste a tenu son congrès à Rodez. "
        "Le parti a annoncé qu'il présenterait un candidat.\n"
    )
    rows = Q.quotes(analysis.Article.from_text(text))
    last = rows.iloc[-1]
    assert (last["speaker_text"], last["speaker"], last["resolution"], bool(last["named"])) == (
        "Le parti",
        "Parti socialiste",
        "role",
        True,
    )


def test_an_indefinite_collective_is_an_organisation_source():
    text = "Titre\n\nSelon un collectif de riverains, le chantier durera deux ans.\n"
    rows = Q.quotes(analysis.Article.from_text(text))
    assert rows["source_type"].tolist() == ["organisation"] and not rows["named"].any()
