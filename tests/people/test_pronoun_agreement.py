"""Pronouns agree in gender with their antecedent (Grevisse, *Le Bon Usage*, § 655).

The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q

from .quote_rows import row_with

TEXT = (
    "Titre de test\n\n"
    "Lors du procès de 2009, l'avocat Jean Martin avait entrepris de démolir la Cour d'assises, où il s'était "
    "notamment pris au président : « Vous devriez partir, vous êtes indigne de présider ces débats ! »\n"
)


@pytest.fixture(scope="module")
def rows():
    return Q.quotes(analysis.Article.from_text(TEXT))


def test_il_skips_a_feminine_institution_of_its_sentence(rows):
    r = row_with(rows, "indigne de présider")
    assert r["speaker_text"] == "il" and r["resolution"] == "pronoun"
    assert r["speaker"] == "Jean Martin"
