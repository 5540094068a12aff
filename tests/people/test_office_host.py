"""Office nouns: in a clause opened by *Chez X* they speak for X (GUIDE A7; analysis.people.speakers); a former
office with *ex-* is read as its role noun (analysis.people.roles.former_role); on
invented sentences."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q


def _speakers(text: str) -> list[str]:
    return Q.quotes(analysis.Article.from_text(text))["speaker"].tolist()


def test_chez_x_the_management_is_x():
    text = (
        "Titre\n\nLa Confédération générale du travail a dénoncé « un plan brutal » lundi. Chez Bouygues "
        "Telecom, la direction a confirmé mardi que 500 postes seraient supprimés.\n"
    )
    assert _speakers(text)[-1] == "Bouygues Telecom"


def test_chez_in_another_sentence_does_not_decide():
    # the rule reads the role phrase's own sentence only
    text = (
        "Titre\n\nChez Bouygues Telecom, les ventes ont baissé. La Confédération générale du travail a "
        "dénoncé « un plan brutal » lundi. La direction a confirmé mardi que 500 postes seraient supprimés.\n"
    )
    assert _speakers(text)[-1] != "Bouygues Telecom"


def test_a_former_office_with_ex_is_read_as_its_role_noun():
    # roles.former_role: "l'ex-maire" is "l'ancien maire" (TLFi ex-)
    text = (
        "Titre\n\nJean-Marc Ayrault, le maire de Nantes, a déclaré que « la ville restera ouverte ». Le débat "
        "a duré deux heures. L'ex-maire de Nantes a ajouté que le projet était « indispensable ».\n"
    )
    rows = Q.quotes(analysis.Article.from_text(text))
    assert rows["speaker"].tolist() == ["Jean-Marc Ayrault", "Jean-Marc Ayrault"]
    assert rows["source_type"].tolist()[-1] == "person"


def test_ex_before_a_word_that_is_no_role_noun_is_left_whole():
    from analysis.people.roles import former_role

    assert former_role("ex-maire") == "maire"
    assert former_role("ex-yougoslavie") == "ex-yougoslavie"
