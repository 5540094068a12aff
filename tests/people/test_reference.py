"""Reference of definite descriptions (analysis/people/reference.py), on invented sentences."""

from __future__ import annotations

import pandas as pd

import analysis
from analysis.people import quotes as Q
from analysis.people.antecedents import apposed_persons
from analysis.people.entities import MentionIndex
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


def test_a_title_glued_to_the_name_is_a_title():
    text = (
        "Titre\n\nLes loyers ont encore augmenté cette année, selon M.Lambert. "
        "Les prix baisseraient en mai, a déclaré M.Rocher.\n"
    )
    rows = Q.quotes(analysis.Article.from_text(text))
    first = rows[rows["text"].str.contains("loyers")].iloc[0]
    assert first["speaker"] == "Lambert" and first["resolution"] == "name"
    assert first["gender"] == "m" and first["gender_cue"] == "M."
    second = rows[rows["text"].str.contains("baisseraient")].iloc[0]
    assert second["speaker"] == "Rocher" and second["gender"] == "m" and second["resolution"] == "name"


def test_a_person_labelled_organisation_is_a_person_by_apposition():
    text = (
        "Titre\n\nLe club a limogé Marco Bellini Rossa, un journaliste réputé. Le président de Michelin France a parlé."
    )
    mentions = MentionIndex(
        pd.DataFrame(
            {
                "start": [text.index("Marco"), text.index("Michelin")],
                "end": [text.index(", un"), text.index(" a parlé")],
                "label": ["ORG", "ORG"],
                "text": ["Marco Bellini Rossa", "Michelin France"],
                "canonical": ["Marco Bellini Rossa", "Michelin France"],
            }
        )
    )
    assert apposed_persons(text, mentions) == [0]  # "Michelin" is the complement of "président de"


def test_a_capitalised_noun_after_an_article_opens_no_name():
    text = (
        "Titre\n\nLe texte a été adopté par 302 voix contre 225, a annoncé le président de l'Assemblée "
        "Paul Verdier. Le vote était attendu depuis des mois.\n"
    )
    r = _speaker(text, "302 voix")
    assert r["speaker"] == "Paul Verdier" and r["speaker_text"] == "Paul Verdier"


def test_ce_dernier_takes_up_the_last_one_named():
    text = (
        "Titre\n\nLe ministre Paul Durand a rencontré le syndicaliste Marc Lefèvre lundi. "
        "Ce dernier a affirmé que la grève continuerait.\n\n"
        "Mme Claire Petit a reçu Paul Durand mardi ; celle-ci a déclaré que l'accord était proche.\n"
    )
    first = _speaker(text, "grève")
    assert first["speaker"] == "Marc Lefèvre" and first["named"]  # the last named, not the subject
    second = _speaker(text, "accord")
    assert second["speaker"] == "Claire Petit"  # the feminine form skips the man named since


def test_an_acronym_is_named_without_its_article():
    text = "Titre\n\nLe texte a été rejeté hier soir. Le PS a affirmé que la grève serait reconduite lundi.\n"
    s = text.index("Le PS")
    mentions = pd.DataFrame(  # the entity model took the sentence's article into the name
        {"start": [s], "end": [s + 5], "label": ["ORG"], "text": ["Le PS"], "canonical": ["Le PS"]}
    )
    rows = Q.quotes(analysis.Article.from_text(text), mentions=mentions)
    r = rows[rows["text"].str.contains("reconduite")].iloc[0]
    assert r["speaker"] == "PS" and r["speaker_text"] == "PS" and r["resolution"] == "name"


def test_the_english_title_mr_is_a_title():
    text = (
        "Titre\n\nLe président du club, John Carter, a présenté le bilan. "
        "Mr Carter a aussi annoncé que trois joueurs reviendraient en mars.\n"
    )
    r = _speaker(text, "trois joueurs")
    assert r["speaker"] == "John Carter" and r["gender"] == "m" and r["gender_cue"] == "Mr"


def test_a_feminine_determiner_across_an_anteposed_adjective_is_a_gender_cue():
    text = (
        "Titre\n\nLe port a rouvert hier. "
        "La nouvelle ministre Camille Roche a affirmé que les quais seraient rénovés avant l'été.\n"
    )
    rows = Q.quotes(analysis.Article.from_text(text))
    r = rows[rows["text"].str.contains("quais")].iloc[0]
    assert r["speaker"] == "Camille Roche" and r["gender"] == "f" and r["gender_cue_type"] == "role_noun"
    assert r["gender_cue"] == "La nouvelle ministre"


def test_coordinated_role_nouns_are_several_sources():
    from analysis.people.reference import coordinated_heads

    assert coordinated_heads(["la", "reine", "et", "l'", "infante"])
    assert not coordinated_heads(["le", "ministre", "de", "l'", "économie", "et", "des", "finances"])
    text = (
        "Titre\n\nLe chef Paul Morel a quitté la salle à midi. "
        "La juge et la procureure ont affirmé que le procès reprendrait lundi.\n"
    )
    r = _speaker(text, "procès")
    assert r["speaker"] != "Paul Morel" and not r["named"] and r["source_type"] == "group"
