"""Helpers shared by the quote tests: the quotes of an invented text, one row by a fragment of its text."""

from __future__ import annotations

import pandas as pd

import analysis
from analysis.people import quotes as Q


def speakers(text: str) -> list[tuple[str, str, str, bool]]:
    """``(speaker_text, speaker, resolution, named)`` of each attribution of ``text``, in order."""
    rows = Q.quotes(analysis.Article.from_text(text))
    return list(zip(rows["speaker_text"], rows["speaker"], rows["resolution"], rows["named"]))


def row_with(rows: pd.DataFrame, fragment: str) -> pd.Series:
    """The one attribution whose text holds ``fragment`` (fails, showing the rows, if not exactly one)."""
    hit = rows[rows["text"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, (fragment, rows[["text", "speaker"]].to_string())
    return hit.iloc[0]


def quotes_of(*paragraphs: str) -> pd.DataFrame:
    """The quotes of an invented article: a title, then ``paragraphs`` separated by blank lines."""
    text = "Titre d'essai sur la vie locale\n\n" + "\n\n".join(paragraphs) + "\n"
    return Q.quotes(analysis.Article.from_text(text))
