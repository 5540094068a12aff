"""Speakers, media, continuations and gender from the text, on short texts built for each rule (GUIDE)."""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q

TEXT = (
    "Titre de test\n\n"
    "« Nous réagissons sans inquiétude aux propos du ministre » déclare à l'AFP Jean-Philippe Magnen, "
    "le porte-parole du parti. « Le président a annoncé un grand débat national » a-t-il précisé.\n\n"
    "La directrice de l'usine, Mme Claire Martin, s'est réjouie de la décision. « Nous allons embaucher "
    "cinquante personnes dès le mois prochain », estime-t-elle.\n\n"
    "« Cette embauche est une excellente nouvelle pour toute la vallée et ses habitants. »\n\n"
    "Selon le syndicat CGT, les salaires resteront bas. D'après un responsable local, la mairie a "
    "aussi promis des aides.\n\n"
    "La Poste a nié toute responsabilité en affirmant que le geste était privé.\n"
)


@pytest.fixture(scope="module")
def rows():
    return Q.quotes(analysis.Article.from_text(TEXT))


def _row(rows, fragment):
    hit = rows[rows["text"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, (fragment, rows[["text", "speaker"]].to_string())
    return hit.iloc[0]


def test_the_medium_is_not_the_speaker(rows):
    r = _row(rows, "Nous réagissons")
    assert r["speaker"] == "Jean-Philippe Magnen" and r["medium"] == "à l'AFP" and r["resolution"] == "name"
    assert TEXT[r["medium_start"] : r["medium_end"]] == "à l'AFP"
    assert TEXT[r["speaker_start"] : r["speaker_end"]] == "Jean-Philippe Magnen"


def test_inverted_pronoun_resolves_to_the_previous_speaker(rows):
    r = _row(rows, "grand débat")
    assert r["speaker_text"] == "il" and r["resolution"] == "pronoun" and r["speaker"] == "Jean-Philippe Magnen"
    assert r["verb"] == "préciser" and "-t-il" not in r["speaker"]


def test_present_tense_inversion_and_feminine_pronoun(rows):
    r = _row(rows, "cinquante personnes")
    assert r["verb"] == "estimer" and r["stance"] == "doubt" and r["speaker_text"] == "elle"
    assert r["speaker"] == "Claire Martin" and r["named"]


def test_continuation_paragraph_takes_the_previous_speaker(rows):
    r = _row(rows, "excellente nouvelle")
    assert r["kind"] == "direct" and r["verb"] == "" and r["resolution"] == "previous"
    assert r["speaker"] == "Claire Martin" and r["speaker_start"] == -1


def test_according_to_forms_and_anonymous_sources(rows):
    cgt = _row(rows, "les salaires resteront bas")
    assert cgt["kind"] == "according-to" and cgt["verb"] == "selon" and cgt["named"]
    local = _row(rows, "la mairie a aussi promis")
    assert local["verb"] == "d'après" and not local["named"] and local["speaker"] == "un responsable local"
    assert local["gender"] == "unknown"  # anonymous sources stay unknown


def test_noun_phrase_content_and_gerund_take_the_subject(rows):
    denial = _row(rows, "toute responsabilité")
    assert denial["verb"] == "nier" and denial["stance"] == "denial" and denial["speaker"].endswith("Poste")
    gerund = _row(rows, "le geste était privé")
    assert gerund["verb"] == "affirmer" and gerund["speaker"].endswith("Poste")  # the controlling subject
    assert gerund["gender"] == "unknown"  # an institution has no gender


def test_gender_from_the_text_with_its_cue(rows):
    magnen = _row(rows, "Nous réagissons")
    assert magnen["gender"] == "m" and magnen["gender_cue_type"] in ("pronoun", "first_name")
    assert TEXT[magnen["gender_cue_start"] : magnen["gender_cue_end"]] == magnen["gender_cue"]
    martin = _row(rows, "cinquante personnes")
    assert martin["gender"] == "f" and martin["gender_cue"] == "Mme" and martin["gender_cue_type"] == "title"


def test_a_speaker_is_never_a_verb_fragment():
    text = (
        "Titre\n\nLa porte-parole Myriam Martinet a elle relevé que les chiffres étaient faux. "
        "Le gouvernement malien, impuissant, a de son côté dénoncé « la furie destructrice des milices ».\n"
    )
    q = Q.quotes(text)
    r = q[q["text"].str.contains("chiffres")].iloc[0]
    assert r["speaker"] == "Myriam Martinet" and r["gender"] == "f"
    g = q[q["text"].str.contains("furie")].iloc[0]
    assert g["speaker_text"].lower().startswith("le gouvernement") and "côté" not in g["speaker_text"]
    for s in q["speaker_text"]:
        assert not s.startswith(("a ", "-t-", "avant"))


def test_no_attribution_gives_typed_empty_tables():
    q = Q.quotes("Titre\n\nLe ciel est bleu. Il pleut sur la ville depuis ce matin.\n")
    assert q.empty and list(q.columns) == list(Q.COLUMNS)
    assert q["start"].dtype == "int64" and q["named"].dtype == bool
    src = Q.sources(q)
    assert src.empty and list(src.columns) == list(Q.SOURCE_COLUMNS) and src["claims"].dtype == "int64"
