"""Partitions: any metadata field, dates by period, a mapping; clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.textometry import PartitionError, assign_parts, parse_partition

from .helpers import toy_documents, toy_tokens


@pytest.fixture(scope="module")
def tokens():
    return toy_tokens({"b": "Le chat dort. Le chien mange.", "a": "Un drone vole.", "c": "La pluie tombe."})


@pytest.fixture(scope="module")
def documents():
    return toy_documents(
        [
            {"doc_id": "a", "date": "2022-11-20", "outlet": "Zeta", "author": "Ana"},
            {"doc_id": "b", "date": "2022-11-29", "outlet": "Alpha", "author": None},
            {"doc_id": "c", "date": "2022-12-01", "outlet": "Zeta", "author": "Ana"},
        ]
    )


def _sizes(out: pd.DataFrame) -> dict:
    return out.groupby("part").size().to_dict()


def test_doc_id_parts_in_reading_order(tokens):
    out = assign_parts(tokens)
    assert out.attrs["parts"] == ["b", "a", "c"]
    assert _sizes(out) == {"a": 4, "b": 8, "c": 4}
    assert out.drop(columns="part").equals(tokens)  # the tokens themselves are untouched


def test_field_parts_sorted(tokens, documents):
    out = assign_parts(tokens, documents, partition="outlet")
    assert out.attrs["parts"] == ["Alpha", "Zeta"]
    assert _sizes(out) == {"Alpha": 8, "Zeta": 8}


@pytest.mark.parametrize(
    ("spec", "parts"),
    [
        ("date:day", ["2022-11-20", "2022-11-29", "2022-12-01"]),
        ("date:week", ["2022-W46", "2022-W48"]),
        ("date:month", ["2022-11", "2022-12"]),
        ("date:year", ["2022"]),
    ],
)
def test_date_parts_chronological(tokens, documents, spec, parts):
    out = assign_parts(tokens, documents, partition=spec)
    assert out.attrs["parts"] == parts
    assert out.loc[out["doc_id"] == "a", "part"].iloc[0] == parts[0]


def test_mapping_and_series(tokens):
    mapping = {"a": "machines", "b": "animaux", "c": "animaux"}
    out = assign_parts(tokens, partition=mapping)
    assert out.attrs["parts"] == ["machines", "animaux"]
    assert _sizes(out) == {"animaux": 12, "machines": 4}
    same = assign_parts(tokens, partition=pd.Series(mapping))
    assert same["part"].tolist() == out["part"].tolist()


def test_a_column_the_user_adds(tokens, documents):
    docs = documents.assign(camp=["nord", "sud", "nord"])
    out = assign_parts(tokens, docs, partition="camp")
    assert _sizes(out) == {"nord": 8, "sud": 8}
    tok = tokens.assign(kind=["titre"] * 3 + ["corps"] * (len(tokens) - 3))
    assert assign_parts(tok, partition="kind").attrs["parts"] == ["titre", "corps"]


def test_missing_values_are_a_part_dropped_or_refused(tokens, documents):
    out = assign_parts(tokens, documents, partition="author")
    assert out.attrs["parts"] == ["Ana", "(sans author)"]
    assert _sizes(out)["(sans author)"] == 8
    dropped = assign_parts(tokens, documents, partition="author", missing="drop")
    assert dropped["part"].isna().sum() == 8 and dropped.attrs["dropped"] == 8
    assert "1 documents without a value left out" in dropped.attrs["rule"]
    with pytest.raises(PartitionError, match="no value"):
        assign_parts(tokens, documents, partition="author", missing="error")


def test_unknown_field_is_one_line_naming_it(tokens, documents):
    with pytest.raises(PartitionError) as err:
        assign_parts(tokens, documents, partition="journal")
    message = str(err.value)
    assert "'journal' does not exist" in message and "outlet" in message and "\n" not in message
    with pytest.raises(PartitionError, match="no documents table"):
        assign_parts(tokens, partition="outlet")


def test_part_without_counted_tokens_is_an_error(tokens, documents):
    muted = tokens.assign(counted=tokens["doc_id"] != "a")
    with pytest.raises(PartitionError, match=r"part 'a' has no counted tokens \(documents: a\)"):
        assign_parts(muted)
    with pytest.raises(PartitionError, match="part 'ailleurs' has no counted tokens"):
        assign_parts(tokens, partition={"a": "x", "b": "x", "c": "x", "zz": "ailleurs"})
    assert assign_parts(muted, uncounted=True).attrs["parts"] == ["b", "a", "c"]


def test_bad_specs():
    with pytest.raises(PartitionError, match="unknown period 'decade'"):
        parse_partition("date:decade")
    with pytest.raises(PartitionError, match="empty"):
        parse_partition({})
    assert parse_partition("date:week").freq == "week"
