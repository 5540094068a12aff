"""Lone surrogates in a table file's row are found whether or not the text is ASCII elsewhere, and only then."""

from __future__ import annotations

import pytest

from analysis.reading import table_files


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("plain ascii", 0),
        ("Été à Paris — « oui » 😀", 0),
        ("a\ud800b", 1),
        ("Été\udfff et \ud83d", 2),
        ("\ud83d\ude00", 2),  # two surrogate code points in a str (json.loads would join an escaped pair)
    ],
)
def test_lone_surrogates_are_reported_and_replaced(text: str, count: int) -> None:
    record = {"text": text}  # (as json.loads gives it: a JSON escape of a lone surrogate makes one)
    problems = table_files.record_problems(record)
    art = table_files.record_article(record, doc_id="d", source="f.jsonl:1", fmt="jsonl")
    assert bool(problems) == bool(count)
    if count:
        assert f"{count} lone surrogate" in problems[0]
        assert art.text == table_files._LONE_SURROGATE.sub("\ufffd", text)
    else:
        assert art.text == text
