"""An office noun in a clause opened by *Chez X* speaks for X (GUIDE A7; analysis.people.speakers), on
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
