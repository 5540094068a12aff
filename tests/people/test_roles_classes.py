"""Role-noun and description speakers, on invented sentences: the classes of the speakers helper's round
(apposed names after a description, offices of institutions, organisation descriptions)."""

from __future__ import annotations

from .quote_rows import speakers


def test_a_name_apposed_after_an_inverted_description_is_the_speaker():
    text = (
        "Titre\n\nLes prix ont monté en juin. « Le marché reste tendu », explique le président de la "
        "Fédération des meuniers de Bretagne (FMB), Yannick Le Goff.\n"
    )
    (row,) = speakers(text)
    assert row[:3] == ("Yannick Le Goff", "Yannick Le Goff", "name") and row[3]


def test_a_name_apposed_after_selon_and_its_description_is_the_speaker():
    text = "Titre\n\nSelon son éditeur, Bernard Lefèvre, le roman paraîtra en octobre.\n"
    (row,) = speakers(text)
    assert row[:3] == ("Bernard Lefèvre", "Bernard Lefèvre", "name")


def test_a_name_with_its_own_verb_after_selon_is_not_an_apposition():
    text = "Titre\n\nSelon la gendarmerie, Bernard Lefèvre a quitté la ville dimanche.\n"
    rows = speakers(text)
    assert rows and rows[0][0] == "la gendarmerie" and rows[0][2] == "role"


def test_an_indefinite_spokesperson_of_a_described_firm_is_the_firm():
    text = (
        "Titre\n\nLe groupe Fromageries Durand a fermé son usine de Vire lundi. "
        "Un porte-parole du groupe a indiqué que les salariés seraient reclassés.\n"
    )
    rows = speakers(text)
    assert rows[-1][1:] == ("Fromageries Durand", "role", True)


def test_a_spokesperson_of_an_undescribed_body_stays_the_description():
    text = "Titre\n\nUn porte-parole de la préfecture a indiqué que la route restait fermée.\n"
    (row,) = speakers(text)
    assert row[:3] == ("Un porte-parole de la préfecture", "Un porte-parole de la préfecture", "role")
    assert not row[3]


def test_an_organisation_description_takes_up_the_salient_firm_not_the_last_oblique():
    text = (
        "Titre\n\nLes Fromageries Durand ont perdu leur procès. Le jugement condamne les Fromageries Durand "
        "à payer une amende, commente Paul Martin, analyste chez Crédit Normand. "
        "Un représentant du groupe admet que le verdict est grave.\n"
    )
    rows = speakers(text)
    assert rows[-1][1:] == ("Fromageries Durand", "role", True)


def test_a_definite_business_noun_with_a_gentile_takes_up_the_firm():
    # "le géant japonais" is an epithet of the firm named before, not a unique designation like
    # "le gouvernement malien" (institution nouns only)
    text = (
        "Titre\n\nLa société Kestrel Systems a présenté mardi sa nouvelle console de jeu à Lyon. "
        "Le géant américain promet une autonomie accrue de sa machine.\n"
    )
    rows = speakers(text)
    assert rows and rows[-1][1] == "Kestrel Systems" and rows[-1][2] == "role"
