"""Progression: positions over words, running counts, reading or date order, density per window."""

from __future__ import annotations

import pytest

from analysis.textometry import TextometryError, density, progression

from .helpers import toy_documents, toy_tokens


@pytest.fixture(scope="module")
def tokens():
    return toy_tokens(
        {
            "a": "drone drone, missile. Le chat dort.",
            "b": "chat chat chien. Le drone dort.",
            "c": "pluie pluie drone chat.",
        }
    )


@pytest.fixture(scope="module")
def documents():
    return toy_documents(
        [{"doc_id": "a", "date": "2022-11-20"}, {"doc_id": "b", "date": "2022-11-01"}, {"doc_id": "c", "date": None}]
    )


def test_positions_and_running_counts(tokens):
    prog = progression(tokens, ["drone", "chat"])
    drone = prog[prog["term"] == "drone"]
    # positions count words only (the comma and the full stops are not positions); stopwords are positions
    assert drone["position"].tolist() == [0, 1, 10, 14]
    assert drone["count"].tolist() == [1, 2, 3, 4]
    assert prog.attrs["total"] == 16
    assert prog.attrs["boundaries"] == [(0, "a"), (6, "b"), (12, "c")]
    first = drone.iloc[0]
    assert (first["start"], first["end"]) == (0, 5)  # raw offsets of the occurrence


def test_date_order_and_absent_terms(tokens, documents):
    prog = progression(tokens, ["drone", "inconnu"], documents, order="date")
    assert prog["doc_id"].tolist() == ["b", "a", "a", "c"]  # b (1 Nov) before a (20 Nov); undated c last
    assert prog["count"].tolist() == [1, 2, 3, 4]
    assert prog.attrs["absent"] == ["inconnu"]
    with pytest.raises(TextometryError, match="needs a documents table"):
        progression(tokens, "drone", order="date")


def test_regex_and_partition_boundaries(tokens, documents):
    prog = progression(tokens, ["pl.*"], regex=True, partition={"a": "x", "b": "x", "c": "y"})
    assert prog["count"].tolist() == [1, 2]
    assert prog.attrs["boundaries"] == [(0, "x"), (12, "y")]
    with pytest.raises(TextometryError, match="bad regular expression"):
        progression(tokens, ["("], regex=True)


def test_density_counts_every_occurrence_once_per_window(tokens):
    prog = progression(tokens, ["drone", "chat"])
    dens = density(prog, window=4, step=4)
    assert dens.groupby("term")["count"].sum().to_dict() == {"chat": 4, "drone": 4}
    first = dens[(dens["term"] == "drone")].iloc[0]
    assert (first["window_start"], first["window_end"], first["count"], first["per_1000"]) == (0, 4, 2, 500.0)
    assert dens["window_end"].max() == prog.attrs["total"]
