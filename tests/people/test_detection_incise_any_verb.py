"""Detection rules of the round "generalise" (issue 15), each on an invented sentence.

The sentences are made up for the tests, never taken from the gold or from the corpus texts.
"""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q


def _quotes(*paragraphs: str):
    text = "Titre d'essai sur la vie locale\n\n" + "\n\n".join(paragraphs) + "\n"
    return Q.quotes(analysis.Article.from_text(text))


def test_any_verb_with_an_inverted_pronoun_heads_a_quotation_incise():
    # GUIDE 2, Danlos, Sagot & Stern 2010: any verb of an incise is a reporting verb
    found = _quotes("« Le club a besoin de temps pour reconstruire une équipe », tranche-t-il.")
    assert len(found) == 1
    row = found.iloc[0]
    assert row["verb"] == "trancher" and row["speaker_text"] == "il" and row["stance"] == ""
    assert row["text"].strip().startswith("Le club a besoin")


def test_any_verb_with_an_inverted_noun_phrase_after_a_quotation():
    found = _quotes("« On verra bien ce que donnera la saison prochaine », s'amuse la joueuse Léa Martin.")
    assert list(found["verb"]) == ["s'amuser"]
    assert found.iloc[0]["speaker"] == "Léa Martin"


def test_impersonal_inversion_is_the_writers_comment_not_an_incise():
    # Riegel et al. ch. VI: semble-t-il is impersonal; GUIDE 2: il semble que is the article's voice
    found = _quotes("Le stade sera prêt, semble-t-il, pour le début de la saison prochaine.")
    assert found.empty


def test_a_question_inversion_is_no_incise():
    found = _quotes("Les travaux sont finis, mais pourquoi tarde-t-il ? Personne ne le sait en mairie.")
    assert not (found["verb"] == "tarder").any()


def test_de_l_avis_de_is_an_according_to_phrase():
    found = _quotes("De l'avis de l'économiste Paul Durand, la croissance va reprendre en mai.")
    assert list(found["kind"]) == ["according-to"]
    assert found.iloc[0]["text"] == "la croissance va reprendre en mai"


def test_pour_x_before_a_colon_frames_the_quotation():
    # Grevisse § 1040: pour = selon l'opinion de; the colon opens the content like the comma
    found = _quotes("Pour le syndicat des enseignants : « Cette réforme est une erreur grave pour les élèves. »")
    assert list(found["kind"]) == ["according-to"]
    assert found.iloc[0]["text"].startswith("« Cette réforme")


def test_the_addressee_may_stand_before_the_message():
    found = _quotes("Le maire a annoncé aux habitants une baisse des impôts locaux.")
    assert list(found["text"]) == ["une baisse des impôts locaux"]


def test_subject_and_apposition_before_the_verb_are_no_incise_clause():
    # Grevisse § 378: an incise follows a clause; a noun phrase and its apposition are the subject
    found = _quotes("Le maire Jean Dupont, le président du syndicat, a reconnu l'importance de cette réforme.")
    assert list(found["text"]) == ["l'importance de cette réforme"]
    assert found.iloc[0]["speaker"] == "Jean Dupont"


def test_a_connective_before_the_incise_still_lets_the_clause_run_on():
    found = _quotes("Par ailleurs, poursuit le maire Jean Dupont, une ville n'a pas d'avenir sans ses écoles.")
    assert list(found["verb"]) == ["poursuivre"]
    assert found.iloc[0]["text"].startswith("une ville n'a pas")


def test_a_noun_phrase_message_going_on_after_a_colon_with_a_quotation_is_one_attribution():
    # GUIDE A2: a reporting clause with its own content continued after a colon by a quotation
    found = _quotes(
        "La directrice Anne Roy a insisté sur les retards du chantier : « Les travaux auraient dû finir en mai. »"
    )
    assert len(found) == 1
    row = found.iloc[0]
    assert row["kind"] == "mixed" and row["verb"] == "insister"
    assert row["text"].startswith("les retards du chantier") and row["text"].endswith("»")
