"""The shortcuts of the fast segmentation path agree with what they replace, on every input."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import clean
from analysis.text.clean import lines, match, rules

BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def test_white_space_is_what_str_isspace_accepts() -> None:
    every = {chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()}
    assert set(clean.WHITE_SPACE) == every
    assert {c for c in every if re.fullmatch(r"\s", c)} == every  # \s is str.isspace too


pieces = st.lists(
    st.sampled_from(["mot", "Mot", " ", "\u00a0", "\u202f", "\ufeff", "’", "«", "a.", "\t", *BREAKS]), max_size=40
).map("".join)


def lines_by_regex(text: str) -> list[tuple[int, int, str] | None]:
    """What the line splitter gave when it cut on ``_LINE_BREAK`` and stripped character by character."""
    invisible = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
    out, pos = [], 0
    cuts = [(m.start(), m.end()) for m in rules.LINE_BREAK.finditer(text)] + [(len(text), len(text))]
    for cut_start, cut_end in cuts:
        s, e = pos, cut_start
        while s < e and (text[s].isspace() or text[s] in invisible):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in invisible):
            e -= 1
        out.append((s, e, text[s:e]) if s < e else None)
        pos = cut_end
    return out


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_lines_are_cut_as_by_the_line_break_regex(text: str) -> None:
    got = [None if ln is None else (ln.start, ln.end, ln.text) for ln in lines._lines(text)]
    assert got == lines_by_regex(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aA ’'`\u00a0\t\u2009«»\"e\u0301é\ufeff") + BREAKS), max_size=30).map("".join))
def test_tidy_and_matching_key_are_unchanged(text: str) -> None:
    import unicodedata

    nfc = unicodedata.normalize("NFC", text)
    assert match.tidied(text) == re.sub(r"\s+", " ", nfc.translate(match._APOSTROPHE_TABLE)).strip()
    assert (
        clean.normalize_for_matching(text) == re.sub(r"\s+", " ", nfc.translate(match._MATCH_TABLE)).strip().casefold()
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Par", "JEAN", "DUPONT", "/", "AFP", "le", "é", "1", "x", ".", "«", "-", "ʼ"]), max_size=8
    ).map(" ".join)
)
def test_name_outlet_screen_never_hides_a_byline(text: str) -> None:
    tidy = match.tidied(text)
    if tidy and match._is_name_outlet(tidy, match.word_list(tidy)):
        assert match.may_be_name_outlet(tidy)
