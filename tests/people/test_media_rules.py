"""Rules of :mod:`analysis.people.media` and :mod:`analysis.people.channels`, on invented sentences."""

from __future__ import annotations

import analysis
from analysis.people import quotes as Q


def _media(*paragraphs: str) -> dict[str, str]:
    text = "Titre d'essai sur la vie locale\n\n" + "\n\n".join(paragraphs) + "\n"
    found = Q.quotes(analysis.Article.from_text(text))
    return dict(zip(found["verb"], found["medium"]))


def test_a_name_heads_a_medium_only_beside_the_reporting_verb():
    # GUIDE 3.5; Riegel et al. ch. VI § 4.3: the addressee is the verb's indirect object
    media = _media(
        "Le ministre Paul Durand a déclaré au Sénat que la réforme serait votée.",
        "« Le marché va reculer cette année », commente Marc Petit, analyste à la Banque de Lyon.",
    )
    assert media["déclarer"] == "au Sénat"
    assert media["commenter"] == ""  # an affiliation in the speaker's apposition, not an addressee


def test_devant_a_body_is_the_audience_wherever_it_stands():
    media = _media(
        "Devant l'Assemblée nationale, le Premier ministre Jean Durand a affirmé que la croissance serait faible."
    )
    assert media["affirmer"] == "Devant l'Assemblée nationale"


def test_lors_de_an_occasion_of_speech_is_a_medium():
    # GUIDE 3.5: "en conférence de presse"; "lors de" + the occasion is the same channel phrase
    media = _media("Le Premier ministre a indiqué lors d'une conférence de presse que les impôts baisseraient.")
    assert media["indiquer"] == "lors d'une conférence de presse"
