"""Role nouns and their antecedents (analysis/people/speakers.py, antecedents.py), on invented texts."""

from __future__ import annotations

from tests.people.quote_rows import quotes_of, row_with


def test_a_bare_apposition_is_the_holder_a_complement_describes():
    # "le président Paul Martin" sets no restriction: "le président de la République" takes him up
    rows = quotes_of(
        "Hier, à Lille, le président Paul Martin a visité une école primaire du centre-ville.",
        "« Chaque enfant doit avoir une place à la cantine », a affirmé le président de la République.",
    )
    r = row_with(rows, "place à la cantine")
    assert r["speaker"] == "Paul Martin" and r["resolution"] == "role"


def test_a_restricted_apposition_is_not_another_complement():
    # "le président grec X" is restricted by its epithet: "le président de la Commission" is someone else
    rows = quotes_of(
        "Le président grec Nikos Andreou a rencontré les créanciers du pays à Athènes.",
        "« Le calendrier est tenable », a déclaré le président de la Commission.",
    )
    r = row_with(rows, "calendrier est tenable")
    assert r["speaker"] != "Nikos Andreou"


def test_the_services_of_a_person_are_the_organisation_named_beside():
    # GUIDE A6: "les services de X" names someone other than the source; the source is X's body
    rows = quotes_of(
        "Deux silos ont brûlé dans la nuit près de la ferme, indiquent les services de Julie Marchand. "
        "Selon un communiqué du ministère de l'Agriculture, l'incendie est maîtrisé depuis l'aube.",
    )
    r = row_with(rows, "silos ont brûlé")
    assert r["speaker"] != "Julie Marchand" and r["source_type"] == "organisation"
    assert r["speaker"] == "ministère de l'Agriculture" and r["resolution"] == "role"


def test_the_mentions_of_a_firm_add_up_under_its_short_name():
    # "Dupuis Industries" and "Dupuis" are one firm (GUIDE A8): its salience is the sum of both mentions
    rows = quotes_of(
        "Le titre de Dupuis Industries a reculé lundi à la bourse de Paris après la perte du contrat. "
        "L'amende infligée à Dupuis est très lourde, commente Marc Leroy, analyste chez Banque Vernet. "
        "Un représentant du groupe admet que la décision « représente un coup dur pour nous ».",
    )
    r = row_with(rows, "coup dur")
    assert r["speaker"] == "Dupuis" and r["named"]


def test_a_document_s_author_is_an_antecedent_of_its_body_noun():
    # "un communiqué de la police lyonnaise" names the police (GUIDE 4.2): "La police" takes it up
    rows = quotes_of(
        "Trois hommes ont été arrêtés dans la nuit, selon un communiqué de la police lyonnaise. "
        "Les suspects étaient recherchés depuis le mois de mars pour des vols de voitures. "
        "La police a précisé que deux d'entre eux étaient mineurs.",
    )
    r = row_with(rows, "étaient mineurs")
    assert r["speaker"] == "police lyonnaise" and r["named"]


def test_a_quote_paragraphs_away_from_the_last_attribution_continues_nobody():
    # GUIDE 3.4: a continuation follows the attribution it continues; two paragraphs of the article's
    # own voice between them leave the quote with no source
    rows = quotes_of(
        "Le maire Paul Roux a estimé que le marché couvert devait rouvrir au printemps.",
        "Le bâtiment date de 1902 et sa charpente métallique a été classée en 1987.",
        "Les travaux ont coûté deux millions d'euros, payés par la ville et la région.",
        "Le quartier compte désormais trois marchés : « le plus ancien reste le plus fréquenté ».",
    )
    r = row_with(rows, "le plus fréquenté")
    assert r["speaker"] != "Paul Roux" and not r["named"]
