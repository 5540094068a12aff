"""Role descriptions and their holders (analysis.people.roles), on invented sentences: assertions on the
resolved speaker."""

from __future__ import annotations

from .quote_rows import speakers


def test_a_person_in_the_complement_of_a_role_noun_is_not_the_source():
    text = (
        "Titre\n\nL'avocat de Julian Assange a déclaré que son client ne se rendrait pas. "
        "Le porte-parole du président Barack Obama a indiqué que la Maison Blanche ne commenterait pas.\n"
    )
    first, second = speakers(text)
    assert first == ("L'avocat de Julian Assange", "L'avocat de Julian Assange", "role", False)
    assert second[1] == "Le porte-parole du président Barack Obama" and not second[3]


def test_a_name_apposed_after_the_complement_is_the_source():
    text = (
        "Titre\n\nLe ministre de l'Intérieur Manuel Valls a affirmé que la sécurité serait renforcée. "
        "Le président de la commission Denis Baupin a estimé que le vote était valable.\n"
    )
    first, second = speakers(text)
    assert first[:3] == ("Manuel Valls", "Manuel Valls", "name")
    assert second[:3] == ("Denis Baupin", "Denis Baupin", "name")


def test_the_lawyer_named_in_apposition_is_the_holder_of_the_role():
    text = (
        "Titre\n\nMe Pierre Lambert, l'avocat de Julian Assange, est arrivé lundi à Londres. "
        "L'avocat de Julian Assange a déclaré que son client ne se rendrait pas.\n"
    )
    (row,) = speakers(text)
    assert row[1] == "Pierre Lambert" and row[2] == "role" and row[3]


def test_a_pronoun_il_skips_a_woman_shown_by_her_feminine_role_noun():
    text = (
        "Titre\n\nLa ministre de la Culture, Dominique Martin, a visité le musée avec Camille Durand. "
        "« Nous restaurerons la façade avant l'été », a-t-il assuré.\n"
    )
    (row,) = speakers(text)
    assert row[:3] == ("il", "Camille Durand", "pronoun")


def test_a_feminine_role_description_takes_up_the_woman():
    text = (
        "Titre\n\nCamille Durand, directeur du musée, a reçu Dominique Martin, la ministre de la Culture. "
        "« Nous restaurerons la façade avant l'été », a assuré Camille Durand.\n\n"
        "« Le budget est bouclé », a précisé la ministre.\n"
    )
    rows = speakers(text)
    assert rows[-1][1:] == ("Dominique Martin", "role", True)


def test_a_pronoun_takes_up_the_organisation_quoted_just_before():
    text = (
        "Titre\n\nLe président du Conseil Mario Monti a affirmé que les réformes porteraient leurs fruits. "
        "L'agence Fitch Ratings a ensuite abaissé la note du pays.\n\n"
        "Fitch Ratings explique dans un communiqué que « la confiance des marchés est de plus en plus fragile ». "
        "Malgré les réformes, elle considère que la croissance restera faible.\n"
    )
    rows = speakers(text)
    assert rows[-1][:3] == ("elle", "Fitch Ratings", "pronoun") and rows[-1][3]


def test_a_pronoun_of_the_other_gender_than_the_class_noun_skips_the_organisation():
    text = (
        "Titre\n\nJean Dupont a affirmé que les réformes porteraient leurs fruits. "
        "Le syndicat Force Ouvrière a répondu que « les salariés paieront la note ». "
        "Elle a ajouté que la grève continuerait.\n"
    )
    rows = speakers(text)
    assert rows[-1][1] != "Force Ouvrière"


def test_a_lone_surname_apposed_to_a_person_noun_is_a_person():
    text = (
        "Titre\n\nLes dirigeants européens étaient réunis lundi. "
        "Barroso, le président de la Commission européenne, se dit « particulièrement rassuré ». "
        "À Bruxelles, le porte-parole de la Commission a précisé que le calendrier restait inchangé.\n"
    )
    first, last = speakers(text)
    assert first[:3] == ("Barroso", "Barroso", "name")
    assert last[1] != "Bruxelles"


def test_a_shared_surname_takes_the_person_named_last_before_it():
    text = (
        "Titre\n\nLe député Jean-Pierre Van Damme a critiqué le budget. Sa sœur, la sénatrice Marie-Claire "
        "Van Damme, a répondu que le texte « exagérait ». Van Damme a ajouté qu'elle ne changerait rien.\n\n"
        "Le député Jean-Pierre Van Damme est revenu sur ses propos. Van Damme a affirmé qu'il maintenait tout.\n"
    )
    rows = speakers(text)
    assert [r[1] for r in rows[-2:]] == ["Marie-Claire Van Damme", "Jean-Pierre Van Damme"]
    assert rows[-1][2] == "name"


def test_a_bare_surname_the_entity_model_missed_is_the_person_bearing_it():
    text = (
        "Titre\n\nLa journaliste Ana Pastor a été licenciée vendredi dernier. "
        "Pastor l'avait annoncé sur le réseau social : « J'ai été virée parce que je faisais du journalisme. »\n"
    )
    rows = speakers(text)
    assert ("Ana Pastor", "name") in [(r[1], r[2]) for r in rows]
    assert all(r[1] != "Pastor" for r in rows)
