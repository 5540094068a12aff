"""Any verb introducing a quotation after a colon is a cue (GUIDE A16b), on invented sentences.

The sentences are made up for the tests, never taken from the gold or from the corpus texts.
"""

from __future__ import annotations

from .quote_rows import quotes_of


def test_a_verb_far_before_the_colon_introduces_the_quotation():
    found = quotes_of(
        "Le maire s'est appuyé sur un argument simple lors du conseil : "
        "« Vous bétonnez nos côtes sans jamais consulter les habitants du quartier. »"
    )
    row = found[found["kind"] == "direct"].iloc[0]
    assert row["verb"] == "s'appuyer"
    assert "maire" in row["speaker_text"]


def test_a_verb_inside_a_relative_clause_before_the_colon_is_not_taken():
    # Riegel et al. ch. XVI: the relative clause's verb belongs to the antecedent
    found = quotes_of(
        "Le bulletin municipal reproduit la lettre d'une habitante qui habite le quartier depuis vingt ans : "
        "« Nous ne voulons plus de ces camions dans nos rues étroites. »"
    )
    assert not (found["verb"] == "habiter").any()
