"""The antecedent of a subject *qui* of a reporting verb (analysis.people.phrases.source_complement), on
invented sentences: a head noun that names an act or a thing gives way to its complement's role noun."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q


def _mentions(text: str) -> list[str]:
    return Q.quotes(analysis.Article.from_text(text))["speaker_text"].tolist()


def test_the_complement_role_noun_is_the_antecedent_of_qui():
    text = (
        "Titre\n\nLes usines ont fermé lundi. Ces licenciements sont la conséquence d'une décision de "
        "l'association, qui dénonce « un plan brutal ».\n"
    )
    assert _mentions(text) == ["l'association"]


def test_a_role_noun_head_keeps_its_whole_phrase():
    text = "Titre\n\nLes usines ont fermé lundi. Le porte-parole du syndicat, qui dénonce « un plan brutal », attend.\n"
    assert _mentions(text) == ["Le porte-parole du syndicat"]
