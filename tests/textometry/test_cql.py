"""CQL queries: the subset's syntax, matching within sentences, raw offsets, errors with a position."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import textometry as tx
from analysis.textometry.cql import QueryError, compile_query

from .helpers import toy_tokens

_POS = {
    "drone": "NOUN",
    "iranien": "ADJ",
    "russe": "ADJ",
    "nouveau": "ADJ",
    "et": "CCONJ",
    "vole": "VERB",
    "armée": "NOUN",
    "livre": "VERB",
    "le": "DET",
    "les": "DET",
    "des": "DET",
    "nouveaux": "ADJ",
    "a": "AUX",
    "état": "NOUN",
    "été": "AUX",
}
TEXT = (
    "Le drone iranien vole. L'armée livre des drones russes et des nouveaux drones iraniens. "
    "Les drones. Iranien : l'État a été prévenu."
)


@pytest.fixture(scope="module")
def tokens() -> pd.DataFrame:
    t = toy_tokens({"d": TEXT}, pos=_POS)
    # lemmas by hand (toy tokens have lemma = norm): plural nouns and adjectives to their singular
    lemmas = {"drones": "drone", "russes": "russe", "iraniens": "iranien", "nouveaux": "nouveau"}
    t["lemma"] = [lemmas.get(n, n) for n in t["norm"]]
    t["pos"] = [_POS.get(lemma, p) if p != "PUNCT" else p for lemma, p in zip(t["lemma"], t["pos"])]
    return t


def _nodes(tokens, q, **kw) -> list[str]:
    return tx.query(tokens, q, text=TEXT, **kw)["node"].tolist()


def test_a_sequence_of_lemma_and_pos(tokens):
    assert _nodes(tokens, '[lemma="drone"] [pos="ADJ"]') == ["drone iranien", "drones russes", "drones iraniens"]


def test_rows_carry_raw_offsets_and_contexts(tokens):
    hits = tx.query(tokens, '[lemma="drone"] [pos="ADJ"]', text=TEXT, window=2)
    for row in hits.itertuples():
        assert TEXT[row.start : row.end] == row.node
    assert hits.loc[1, "left"] == "livre des" and hits.loc[1, "right"] == "et des"
    assert hits["tokens"].tolist() == [2, 2, 2] and hits["match"].tolist() == [0, 1, 2]


def test_regex_values_match_the_whole_attribute(tokens):
    assert _nodes(tokens, '[lemma="iran.*"]') == ["iranien", "iraniens", "Iranien"]
    assert _nodes(tokens, '[lemma="ira"]') == []  # a whole-value match, not a substring
    assert _nodes(tokens, '[lemma="russe|armée"]') == ["armée", "russes"]


def test_not_equal_and_or_and_any_token(tokens):
    assert _nodes(tokens, '[lemma="drone" & word!="drones"]') == ["drone"]
    assert _nodes(tokens, '[pos="ADJ" | lemma="armée"]') == [
        "iranien",
        "armée",
        "russes",
        "nouveaux",
        "iraniens",
        "Iranien",
    ]
    assert _nodes(tokens, '[!pos="NOUN" & lemma="drone"]') == []
    assert _nodes(tokens, '[lemma="des"] [] [lemma="drone"]') == ["des nouveaux drones"]


def test_gaps_and_repetition(tokens):
    assert _nodes(tokens, '[lemma="des"] []{0,1} [lemma="drone"]') == ["des drones", "des nouveaux drones"]
    assert _nodes(tokens, '[lemma="des"] []{2} [lemma="drone"]') == []
    assert _nodes(tokens, '[lemma="drone"] [pos="ADJ"]?') == [
        "drone iranien",
        "drones russes",
        "drones iraniens",
        "drones",
    ]
    assert _nodes(tokens, '[lemma="drone"] [pos="ADJ"]?', strategy="shortest") == [
        "drone",
        "drones",
        "drones",
        "drones",
    ]
    assert _nodes(tokens, '([pos="ADJ"] | [pos="DET"])+ [lemma="drone"]') == [
        "Le drone",
        "des drones",
        "des nouveaux drones",
        "Les drones",
    ]


def test_a_match_never_crosses_a_sentence(tokens):
    # "drones." ends a sentence; "Iranien" opens the next one
    assert _nodes(tokens, '[lemma="drone"] [word="\\."]? [lemma="iranien"]') == ["drone iranien", "drones iraniens"]
    assert _nodes(tokens, '[lemma="drone"] [] [lemma="iranien"] within text') == ["drones. Iranien"]


def test_flags_ignore_case_and_diacritics(tokens):
    assert _nodes(tokens, '[word="etat"%cd]') == ["État"]
    assert _nodes(tokens, '[word="état"]') == []
    assert _nodes(tokens, '"Iranien"') == ["Iranien"]


def test_left_out_segments_are_not_searched(tokens):
    t = tokens.copy()
    t.loc[t["start"] < 23, "counted"] = False  # the first sentence, as if it were a duplicate
    assert tx.query(t, '[lemma="drone"] [pos="ADJ"]', text=TEXT)["node"].tolist() == [
        "drones russes",
        "drones iraniens",
    ]
    assert len(tx.query(t, '[lemma="drone"] [pos="ADJ"]', text=TEXT, uncounted=True)) == 3


@pytest.mark.parametrize(
    "bad, where",
    [
        ('[lemma="drone"', "position 15: expected ']' to close the token"),
        ('[lemma="drone"] [pos=ADJ]', "position 22: expected a quoted value"),
        ('[lemme="x"]', "position 2: unknown attribute 'lemme'"),
        ('[lemma="(x"]', "bad regular expression '(x'"),
        ("[]{3,1}", "the maximum is below the minimum"),
        ('[lemma="a"] within p', "expected 's' or 'text' after 'within'"),
        ('[lemma="a"]]', "position 12"),
        ('[lemma="a" & ]', "position 14: expected an attribute"),
        ('[lemma="a"', "position 11"),
        ('[lemma="a]', "is not closed"),
    ],
)
def test_a_query_that_does_not_parse_says_where(bad, where):
    with pytest.raises(QueryError) as info:
        compile_query(bad)
    assert str(info.value).startswith(f"query {bad!r} does not parse: ")
    assert where in str(info.value) and "\n" not in str(info.value)


def test_an_attribute_the_tokens_lack_is_an_error(tokens):
    with pytest.raises(QueryError, match="the tokens have no 'lemma'"):
        tx.query(tokens.drop(columns=["lemma"]), '[lemma="drone"]')
