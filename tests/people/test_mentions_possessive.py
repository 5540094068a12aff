"""A firm's name ending in an English possessive 's is one mention (analysis.people.mentions), on an
invented sentence."""

from __future__ import annotations

import analysis
from analysis.people.entities import entities


def test_the_possessive_s_of_a_name_stays_in_the_mention():
    text = "Titre\n\nMardi, l'agence américaine Moody's a abaissé la note de l'Italie de deux crans.\n"
    m = entities(analysis.Article.from_text(text))
    names = set(m["text"])
    assert "Moody's" in names and "Moody'" not in names
    row = m[m["text"] == "Moody's"].iloc[0]
    assert text[row["start"] : row["end"]] == "Moody's"
