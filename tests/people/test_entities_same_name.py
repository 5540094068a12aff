"""One sense per discourse: a person's full name, or an organisation's name no common word can be, found
once names the same entity at its other places."""

from __future__ import annotations

import pandas as pd

from analysis.people.entities import _same_name_rows


def _row(text: str, name: str, label: str = "PER") -> dict:
    start = text.index(name)
    return {"start": start, "end": start + len(name), "text": name, "label": label}


def _content(text: str) -> pd.DataFrame:
    return pd.DataFrame({"seg": [0], "start": [0], "end": [len(text)], "counted": [True]})


def test_the_other_occurrences_of_a_full_name_are_added():
    text = "Asile pour Anna Berg. Hier, Anna Berg a parlé. Le juge a écouté Anna Berg."
    rows = [_row(text, "Anna Berg")]
    rows[0]["start"] = text.index("Anna Berg", 15)
    rows[0]["end"] = rows[0]["start"] + len("Anna Berg")
    added = _same_name_rows(text, _content(text), rows, doc_id="x")
    assert sorted(r["start"] for r in added) == [11, text.rindex("Anna Berg")]
    assert all(r["label"] == "PER" and r["fixes"] == "same-name-add" for r in added)
    assert all(text[r["start"] : r["end"]] == "Anna Berg" for r in added)


def test_a_longer_name_or_a_covered_place_is_not_taken():
    text = "Anna Berg a parlé. La fondation Anna Berg Stiftung aussi. Anna Berg."
    first = _row(text, "Anna Berg")
    last = dict(first, start=text.rindex("Anna Berg"), end=text.rindex("Anna Berg") + 9)
    assert _same_name_rows(text, _content(text), [first, last], doc_id="x") == []


def test_a_single_word_is_not_propagated():
    text = "Berg a parlé. Berg encore. Conseil aussi. Le Conseil."
    rows = [_row(text, "Berg"), _row(text, "Conseil", "ORG")]
    assert _same_name_rows(text, _content(text), rows, doc_id="x") == []


def test_an_organisation_name_is_propagated_with_its_label():
    text = "La note fixée par Dalton’s baisse. Dalton's explique que la dette pèse. La FNTR et Radio Berg aussi. FNTR, Radio Berg."
    rows = [_row(text, "Dalton’s", "ORG"), _row(text, "FNTR", "ORG"), _row(text, "Radio Berg", "ORG")]
    added = _same_name_rows(text, _content(text), rows, doc_id="x")
    assert sorted(text[r["start"] : r["end"]] for r in added) == ["Dalton's", "FNTR", "Radio Berg"]
    assert all(r["label"] == "ORG" and r["fixes"] == "same-name-add" for r in added)
