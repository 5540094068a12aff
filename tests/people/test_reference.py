"""Reference of definite descriptions (analysis/people/reference.py), on invented sentences."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q
from analysis.people.reference import faithful_antecedent, phrase_gender


def _speaker(text: str, fragment: str):
    rows = Q.quotes(analysis.Article.from_text(text))
    hit = rows[rows["text"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, rows[["text", "speaker", "resolution"]].to_string()
    return hit.iloc[0]


def test_faithful_antecedent_needs_the_same_noun():
    names = [(0, "Greenpeace"), (40, "Police nationale"), (90, "Croix-Rouge")]
    assert faithful_antecedent("police", names) == "Police nationale"
    assert faithful_antecedent("armée", names) is None


def test_phrase_gender_from_the_noun_or_the_determiner():
    assert phrase_gender(["la", "ministre"], "epicene") == "f"
    assert phrase_gender(["le", "ministre"], "epicene") == ""
    assert phrase_gender(["la", "directrice"], "f") == "f"
    assert phrase_gender(["le", "directeur"], "m") == ""


def test_a_public_body_is_not_the_last_organisation_quoted():
    text = (
        "Titre\n\nLe groupe Greenpeace a affirmé que le port était pollué depuis des années. "
        "La police a indiqué que trois militants avaient été interpellés dans la matinée.\n"
    )
    r = _speaker(text, "trois militants")
    assert r["speaker"] != "Greenpeace" and not r["named"] and r["resolution"] == "role"


def test_a_public_body_takes_up_its_own_name():
    text = (
        "Titre\n\nLa Police nationale a annoncé que la route serait fermée toute la nuit. "
        "Le groupe Greenpeace a affirmé que le port était pollué depuis des années. "
        "La police a ensuite indiqué que trois militants avaient été interpellés.\n"
    )
    r = _speaker(text, "trois militants")
    assert r["speaker"] == "Police nationale" and r["named"]


def test_a_feminine_role_noun_skips_a_man_named_since():
    text = (
        "Titre\n\nMme Claire Petit a visité l'usine de Lens hier matin. "
        "Le maire Paul Durand a déclaré que l'usine fermerait en mars. "
        "La ministre a précisé que l'État aiderait tous les salariés.\n"
    )
    r = _speaker(text, "aiderait")
    assert r["speaker"] == "Claire Petit" and r["resolution"] == "role"
