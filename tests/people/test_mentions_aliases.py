"""Alias merging (aliases.canonicalise) on invented mention tables."""

from __future__ import annotations

import pandas as pd

from analysis.people.aliases import canonicalise


def _table(rows: list[tuple[str, str]]) -> pd.DataFrame:
    start, out = 0, []
    for text, label in rows:
        out.append({"start": start, "end": start + len(text), "text": text, "label": label, "counted": True})
        start += len(text) + 10
    return pd.DataFrame(out)


def test_a_place_is_not_the_surname_of_an_organisation():
    out = canonicalise(_table([("Radio France", "ORG"), ("France", "LOC"), ("Radio France", "ORG")]))
    by_text = dict(zip(out["text"], zip(out["canonical"], out["label"])))
    assert by_text["Radio France"] == ("Radio France", "ORG")
    assert by_text["France"] == ("France", "LOC")


def test_a_surname_still_takes_the_full_name():
    out = canonicalise(_table([("Paul Durand", "PER"), ("Durand", "PER")]))
    assert out["canonical"].tolist() == ["Paul Durand", "Paul Durand"]
