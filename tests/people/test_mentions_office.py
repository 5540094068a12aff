"""An office ("le président de la République") is a role description, not a person's name."""

from __future__ import annotations

from analysis.people.gazetteer import OFFICE_TITLES
from analysis.people.mentions import find_mentions


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in find_mentions(text)]


def test_an_office_is_never_a_person_mention():
    text = "Le président de la République a reçu hier les syndicats à Paris."
    found = _mentions(text)
    assert all(label != "PER" for _, label in found)
    assert all(not t[:1].islower() for t, _ in found)


def test_the_name_beside_the_office_stays_a_person():
    text = "Selon le président de la République, Paul Durand, la réforme sera votée."
    found = dict(_mentions(text))
    assert found.get("Paul Durand") == "PER"
    assert "République" not in found or found["République"] != "PER"


def test_the_nobiliary_particle_still_opens_a_name():
    text = "Le général de Gaulle a prononcé un discours à Londres."
    found = dict(_mentions(text))
    assert found.get("Gaulle") == "PER"


def test_forms_of_address_do_not_open_an_office():
    assert "m." not in OFFICE_TITLES and "monsieur" not in OFFICE_TITLES
    assert {"président", "ministre", "secrétaire"} <= OFFICE_TITLES


def test_a_name_after_a_kind_of_organisation_is_an_organisation():
    text = "Les attentats ont été revendiqués par la secte islamiste Boko Haram, selon la police."
    found = dict(_mentions(text))
    assert found.get("Boko Haram") == "ORG"


def test_a_name_after_a_kind_of_place_is_a_place():
    text = "Des milliers de manifestants se sont rassemblés place Tahrir hier soir."
    found = dict(_mentions(text))
    assert found.get("Tahrir", "LOC") == "LOC"


def test_a_name_in_the_complement_of_members_is_the_group():
    text = "Les membres d'Ansar Eddine ont justifié la destruction de la porte."
    found = dict(_mentions(text))
    assert found.get("Ansar Eddine", "ORG") == "ORG"
    text = "Les partisans de Mohamed Morsi ont manifesté au Caire."
    assert dict(_mentions(text)).get("Mohamed Morsi") == "PER"
