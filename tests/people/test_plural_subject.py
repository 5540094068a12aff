"""A plural pronoun with no plural source before takes up the plural-named subject of its sentence or
the one before (:func:`analysis.people.groups.plural_subject`); each text is made up for the test."""

from __future__ import annotations

from tests.people.quote_rows import quotes_of, row_with


def test_selon_eux_takes_up_the_plural_named_subject() -> None:
    rows = quotes_of(
        "Les Verts ont quitté la coalition hier, car selon eux, le budget sacrifie les transports publics."
    )
    row = row_with(rows, "le budget sacrifie")
    assert row["resolution"] == "pronoun" and row["named"]
    assert row["speaker"] in ("Verts", "Les Verts")


def test_a_name_without_plural_article_is_no_antecedent() -> None:
    rows = quotes_of(
        "Paul Girard a quitté la coalition hier, car selon eux, le budget sacrifie les transports publics."
    )
    row = row_with(rows, "le budget sacrifie")
    assert row["speaker"] == "eux" and not row["named"]
