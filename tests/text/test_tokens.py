"""Behaviour of analysis.text.tokens.tokenize (UD French GSD conventions) and of analysis.tokenize's spaCy path."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.text.tokens import stopwords, tokenize

COLUMNS = ["i", "start", "end", "text", "norm", "is_punct", "is_stop", "is_alpha"]
NUMBER_SEPARATORS = " \u00a0\u202f\u2009"


def toks(text: str) -> list[str]:
    return tokenize(text)["text"].tolist()


def check_invariants(text: str, offset: int = 0) -> pd.DataFrame:
    """Assert every structural guarantee of tokenize on ``text``."""
    df = tokenize(text, offset=offset)
    assert list(df.columns) == COLUMNS
    assert df["i"].tolist() == list(range(len(df)))
    covered = [False] * len(text)
    prev_end = 0
    for row in df.itertuples(index=False):
        start, end = row.start - offset, row.end - offset
        assert text[start:end] == row.text
        assert prev_end <= start < end, "tokens are non-empty, in order, disjoint"
        prev_end = end
        inner_space = [ch for ch in row.text if ch.isspace()]
        if inner_space:
            assert set(inner_space) <= set(NUMBER_SEPARATORS), row.text
            assert row.text[0].isdigit() and row.text[-1].isdigit(), row.text
        for k in range(start, end):
            covered[k] = True
    for k, ch in enumerate(text):
        assert covered[k] or ch.isspace(), f"non-space {ch!r} at {k} not covered"
    return df


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

FRENCH_PIECES = st.sampled_from(
    [
        "l'",
        "l’",
        "d'",
        "d’",
        "qu'",
        "qu’",
        "jusqu'",
        "Lorsqu’",
        "aujourd’hui",
        "Iran",
        "guerre",
        "président",
        "a-t-il",
        "dit-il",
        "Est-ce",
        "celle-ci",
        "jour-là",
        "russo-iranienne",
        "Ababil-2",
        "4",
        "500",
        "4\u00a0500",
        "1\u202f200",
        "000",
        "3,5",
        "2015",
        "45",
        "%",
        "€",
        "«",
        "»",
        "\u00a0",
        "\u202f",
        " ",
        "  ",
        "\n",
        "\n\n",
        "'",
        "’",
        "-",
        "--",
        "...",
        "…",
        ".",
        ",",
        "!",
        "?",
        "(",
        ")",
        "OCS",
        "M.",
        "Mme",
        "J.",
        "J.-C.",
        "U.S.A.",
        "https://ex.fr/a?b=1",
        "www.lemonde.fr",
        "a@b.fr",
        "@afp",
        "#guerre",
        "14h30",
        "19/11/2022",
        "n°",
        "AUTRE(S)",
        ";)",
        "e\u0301",
        "\t",
        "\u2028",
        "ÉTÉ",
        "İ",
        "ß",
        "ﬁ",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_invariants_on_arbitrary_unicode(text: str) -> None:
    check_invariants(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(categories=["Cs"]) | st.characters(exclude_categories=[])))
def test_invariants_with_lone_surrogates_and_all_categories(text: str) -> None:
    check_invariants(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRENCH_PIECES, max_size=40).map("".join))
def test_invariants_on_french_like_text(text: str) -> None:
    check_invariants(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(FRENCH_PIECES, max_size=30).map("".join), st.integers(0, 10_000))
def test_offset_is_added(text: str, offset: int) -> None:
    check_invariants(text, offset=offset)


@settings(max_examples=100, deadline=None)
@given(st.lists(FRENCH_PIECES, max_size=30).map("".join))
def test_norm_is_lowercase_with_straight_apostrophe(text: str) -> None:
    df = tokenize(text)
    for row in df.itertuples(index=False):
        assert "’" not in row.norm
        assert row.norm == row.norm.lower()
        assert not any(ch in NUMBER_SEPARATORS for ch in row.norm)


# --------------------------------------------------------------------------
# French conventions
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’Iran", ["l’", "Iran"]),
        ("l'Iran", ["l'", "Iran"]),
        (
            "d’abord qu’il jusqu’à lorsqu’on puisqu’elle quoiqu’il",
            ["d’", "abord", "qu’", "il", "jusqu’", "à", "lorsqu’", "on", "puisqu’", "elle", "quoiqu’", "il"],
        ),
        ("s’est n’a c’est j’ai m’a t’as", ["s’", "est", "n’", "a", "c’", "est", "j’", "ai", "m’", "a", "t’", "as"]),
        ("L’ONU, D'Alembert", ["L’", "ONU", ",", "D'", "Alembert"]),
        ("qu'« indigènes »", ["qu'", "«", "indigènes", "»"]),
    ],
)
def test_elisions_split_with_both_apostrophes(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


@pytest.mark.parametrize(
    "word",
    [
        "aujourd’hui",
        "aujourd'hui",
        "prud’homme",
        "prud'hommes",
        "presqu’île",
        "quelqu'un",
        "O'Hara",
        "Moody's",
        "l'on",
        "c'est-à-dire",
        "Saint-Nicolas-d'Acy",
    ],
)
def test_apostrophe_words_kept_whole(word: str) -> None:
    assert toks(word) == [word]


@pytest.mark.parametrize(
    "word",
    [
        "russo-iranienne",
        "sol-sol",
        "Tel-Aviv",
        "Ababil-2",
        "pare-balles",
        "anti-occidentales",
        "peut-être",
        "Peut-être",
        "celle-ci",
        "Celui-là",
        "ceux-ci",
        "elle-même",
        "nous-mêmes",
        "rendez-vous",
        "vis-à-vis",
        "États-Unis",
        "Bar-le-Duc",
        "Signy-le-Petit",
        "porte-parole",
        "après-midi",
    ],
)
def test_hyphenated_words_kept_whole(word: str) -> None:
    assert toks(word) == [word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a-t-il", ["a", "-t-il"]),
        ("maintiendra-t-elle", ["maintiendra", "-t-elle"]),
        ("peut-on", ["peut", "-on"]),
        ("dit-il", ["dit", "-il"]),
        ("Faut-il", ["Faut", "-il"]),
        ("Est-ce", ["Est", "-ce"]),
        ("Qu'est-ce", ["Qu'", "est", "-ce"]),
        ("donnez-moi", ["donnez", "-moi"]),
        ("allez-y", ["allez", "-y"]),
        ("s'étaient-ils", ["s'", "étaient", "-ils"]),
        ("ce jour-là", ["ce", "jour", "-là"]),
        ("cette fois-ci", ["cette", "fois", "-ci"]),
        ("donne-le-moi", ["donne", "-le", "-moi"]),
        ("allez-vous-en", ["allez", "-vous", "-en"]),
        ("va-t-en-guerre", ["va-t-en-guerre"]),
    ],
)
def test_inverted_pronouns_split_like_ud(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 500 morts", ["4 500", "morts"]),
        ("4\u00a0500", ["4\u00a0500"]),
        ("1\u202f200 000 euros", ["1\u202f200 000", "euros"]),
        ("3,5 %", ["3,5", "%"]),
        ("15%", ["15", "%"]),
        ("en 2015 45 personnes", ["en", "2015", "45", "personnes"]),
        ("les 12 1234", ["les", "12", "1234"]),
        ("0.27", ["0.27"]),
        ("19/11/2022", ["19/11/2022"]),
        ("2:00.531", ["2:00.531"]),
        ("45-36", ["45-36"]),
        ("l'an 2000", ["l'", "an", "2000"]),
        ("14h30", ["14", "h", "30"]),
        ("à 9h,", ["à", "9", "h", ","]),
        ("le 1er mai, XIIe siècle, 200m", ["le", "1er", "mai", ",", "XIIe", "siècle", ",", "200m"]),
        ("145 € et 2 $", ["145", "€", "et", "2", "$"]),
        ("n° 33", ["n°", "33"]),
    ],
)
def test_numbers(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«\u00a0Non\u00a0»", ["«", "Non", "»"]),
        ("«Non»", ["«", "Non", "»"]),
        ("(OCS)", ["(", "OCS", ")"]),
        ("quoi... Rien… fin", ["quoi", "...", "Rien", "…", "fin"]),
        ("argument--, dit", ["argument", "--", ",", "dit"]),
        ("vrai ?!", ["vrai", "?", "!"]),
        ("AUTRE(S)", ["AUTRE(S)"]),
        ("super ;) merci", ["super", ";)", "merci"]),
    ],
)
def test_punctuation(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("voir https://www.lemonde.fr/a/b?x=1.", ["voir", "https://www.lemonde.fr/a/b?x=1", "."]),
        ("sur www.afp.com, hier", ["sur", "www.afp.com", ",", "hier"]),
        ("écrire à jean.dupont@afp.fr.", ["écrire", "à", "jean.dupont@afp.fr", "."]),
        ("@AFP et #Iran", ["@AFP", "et", "#Iran"]),
        ("lemonde.fr", ["lemonde.fr"]),
    ],
)
def test_urls_emails_handles(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M. Dupont", ["M.", "Dupont"]),
        ("MM. Farinet et Verneau", ["MM.", "Farinet", "et", "Verneau"]),
        ("Mme Haïder", ["Mme", "Haïder"]),
        ("Dr. House", ["Dr.", "House"]),
        ("en 52 av. J.-C.", ["en", "52", "av.", "J.-C."]),
        ("J. K. Rowling", ["J.", "K.", "Rowling"]),
        ("aux U.S.A. hier", ["aux", "U.S.A.", "hier"]),
        ("les pays, etc.)", ["les", "pays", ",", "etc", ".", ")"]),
        ("25 °C. Les", ["25", "°", "C", ".", "Les"]),
        ("voir art. 5, p. 12", ["voir", "art.", "5", ",", "p.", "12"]),
        ("le marché de l'art. Il", ["le", "marché", "de", "l'", "art", ".", "Il"]),
        ("c.-à-d. rien", ["c.-à-d.", "rien"]),
        ("la fin. Le début", ["la", "fin", ".", "Le", "début"]),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


# --------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------


def test_columns_and_flags() -> None:
    df = tokenize("L’Iran et la guerre : 4\u202f500 morts.")
    assert list(df.columns) == COLUMNS
    row = df.set_index("text")
    assert row.loc["L’", "norm"] == "l'"
    assert row.loc["4\u202f500", "norm"] == "4500"
    assert bool(row.loc["L’", "is_stop"]) and bool(row.loc["et", "is_stop"])
    assert not row.loc["guerre", "is_stop"] and not row.loc["Iran", "is_stop"]
    assert bool(row.loc[":", "is_punct"]) and bool(row.loc[".", "is_punct"])
    assert not row.loc["morts", "is_punct"]
    assert bool(row.loc["guerre", "is_alpha"]) and not row.loc["4\u202f500", "is_alpha"]


def test_both_apostrophes_are_stopwords() -> None:
    df = tokenize("l'arme l’arme d'Iran d’Iran qu'il qu’il")
    elided = df[df["text"].str.len() <= 3]
    assert elided["is_stop"].all()


def test_stopword_list_is_curated() -> None:
    words = stopwords()
    for content in ["guerre", "président", "pays", "gouvernement", "armée", "mort", "trois"]:
        assert content not in words
    for function in ["le", "la", "de", "et", "qui", "que", "l'", "d'", "qu'", "jusqu'"]:
        assert function in words


def test_empty_and_whitespace() -> None:
    assert tokenize("").empty and list(tokenize("").columns) == COLUMNS
    assert tokenize(" \n\u00a0\t ").empty


def test_offset_maps_slice_back_to_raw() -> None:
    raw = "Titre\n\nL’Iran a-t-il tiré ? Oui."
    start = raw.index("L’")
    df = tokenize(raw[start:], offset=start)
    for row in df.itertuples(index=False):
        assert raw[row.start : row.end] == row.text


def test_stems() -> None:
    df = tokenize("Les missiles iraniens", stems=True)
    assert df["stem"].tolist() == ["le", "missil", "iranien"]


def test_fast_path_does_not_import_spacy() -> None:
    code = (
        "import sys; from analysis.text.tokens import tokenize, sentences; "
        "tokenize('L’Iran a-t-il 4 500 missiles ?', stems=True); sentences('A. B.'); "
        "assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------
# spaCy path
# --------------------------------------------------------------------------


def test_lemmas_and_pos_align_with_our_tokens() -> None:
    from analysis import tokenize as tagged  # the tokeniser's table with spaCy's tags (text.pipeline)

    text = "L’Iran a-t-il tiré 4\u00a0500 missiles ? Les États-Unis l’ont dit, « hier »."
    df = tagged(text, lemmas=True, pos=True)
    plain = tokenize(text)
    assert df["text"].tolist() == plain["text"].tolist()
    assert df[["start", "end"]].equals(plain[["start", "end"]])
    row = df.set_index("text")
    assert row.loc["missiles", "lemma"] == "missile"
    assert row.loc["tiré", "lemma"] == "tirer"
    assert row.loc["L’", "lemma"] == "le"
    assert row.loc["Iran", "pos"] == "PROPN" and row.loc["Iran", "lemma"] == "Iran"
    for punct in ["?", ",", "«", "»", "."]:
        assert row.loc[punct, "lemma"] == punct
    for r in df.itertuples(index=False):
        if r.pos != "PROPN":
            assert r.lemma == r.lemma.lower()


def test_lemmas_on_long_text_are_chunked_and_aligned() -> None:
    from analysis import tokenize as tagged

    text = "\n\n".join(["Le président a parlé. Les soldats sont partis hier soir."] * 300)
    df = tagged(text, lemmas=True)
    assert len(df) == len(tokenize(text))
    assert (df.loc[df["text"] == "soldats", "lemma"] == "soldat").all()


def test_lemmas_keep_names_spacy_takes_for_common_nouns():
    from analysis import tokenize

    text = "Selon la République islamique, Israël a réagi. L'OCS se réunit. Les drones arrivent.\nGuerre en vue"
    t = tokenize(text, lemmas=True).set_index("text")
    assert t.loc["République", "lemma"] == "République"  # capitalised inside a sentence: a name
    assert t.loc["Israël", "lemma"] == "Israël"
    assert t.loc["OCS", "lemma"] == "OCS"  # an acronym is its own lemma
    assert t.loc["Les", "lemma"] == "le"  # capital at a sentence start: not a name
    assert t.loc["drones", "lemma"] == "drone"
    assert t.loc["Guerre", "lemma"] == "guerre"  # capital at a line start: not a name


def test_invisible_characters_inside_a_word_do_not_split_it():
    from analysis.text.lemmas_fast import lemmatize
    from analysis.text.tokens import word_form

    text = "du pre\u00admier étage du lan\u00adceur, 1\u00ad000 fois. Un \u00ad seul."
    t = tokenize(text)
    assert t["text"].tolist()[:6] == ["du", "pre\u00admier", "étage", "du", "lan\u00adceur", ","]
    assert all(text[s:e] == x for s, e, x in zip(t["start"], t["end"], t["text"]))  # offsets into the raw text
    row = t.set_index("text").loc["lan\u00adceur"]
    assert row["norm"] == "lanceur" and row["is_alpha"] and not row["is_punct"]
    assert "1000" in set(t["norm"])
    lone = t[t["text"] == "\u00ad"].iloc[0]  # a lone soft hyphen stays a token of its own, norm itself
    assert lone["norm"] == "\u00ad"
    assert word_form("lan\u00adceur") == "lanceur" and word_form("\u00ad") == "\u00ad"
    assert lemmatize(["lan\u00adceurs"])[0] == "lanceur"


# --- linear in the input ---------------------------------------------------------------------------

LONG_RUNS = {
    "trailing whitespace": "a" + " " * 400_000,
    "clitic chain": "donne" + "-le" * 200_000,
    "dotted letters": "a." * 200_000,
    "e-mail-like run": "a@" * 200_000,
    "dotted domain-like run": "a.b" * 130_000 + ".fr",
}


@pytest.mark.parametrize("text", list(LONG_RUNS.values()), ids=list(LONG_RUNS))
def test_long_runs_tokenise_in_linear_time(text: str) -> None:
    """Each of these took minutes to hours at this size (every position re-read the rest of the run)."""
    from ..linear import within

    with within(60):
        df = tokenize(text)
    assert "".join(df["text"]) == "".join(text.split())


@pytest.mark.parametrize(
    "shape",
    [
        "guillemets",
        "letter",
        "digits",
        "hyphens",
        "apostrophes",
        "dots",
        "dots-then-letter",
        "quoted-a",
        "alternating-quotes",
        "spaces-newlines",
        "hyphenated-word",
        "clitics",
        "thousands",
    ],
)
def test_pathological_shapes_keep_the_invariants(shape: str) -> None:
    from ..linear import SHAPES, within

    text = SHAPES[shape](20_000)
    with within(60):
        check_invariants(text)


def test_clitic_chains_split_up_to_their_longest_length() -> None:
    from analysis.text.tokens import MAX_CLITIC_CHAIN

    chain = "donne" + "-le" * (MAX_CLITIC_CHAIN + 1)
    assert toks(chain) == ["donne"] + ["-le"] * (MAX_CLITIC_CHAIN + 1)
    assert toks("donne-le-moi") == ["donne", "-le", "-moi"]
    longer = "donne" + "-le" * (MAX_CLITIC_CHAIN + 4)  # beyond it: the first hyphens are joints
    assert toks(longer)[-MAX_CLITIC_CHAIN - 1 :] == ["-le"] * (MAX_CLITIC_CHAIN + 1)


def test_email_local_part_at_most_64_characters() -> None:
    assert toks("a" * 64 + "@b.fr") == ["a" * 64 + "@b.fr"]
    assert toks("a" * 65 + "@b.fr") == ["a" * 65, "@", "b.fr"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        FRENCH_PIECES
        | st.sampled_from(
            ["art. ", "5 ", "J. ", "Dupont ", "1 000 ", " \n", "\n\n", "a-t-il ", "x@y.fr ", "l’", "aujourd'hui "]
        ),
        max_size=60,
    ).map("".join)
)
def test_scanning_in_pieces_gives_the_tokens_of_the_whole_text(text: str) -> None:
    import analysis.text.tokens as T

    whole = T.type_spans(text)
    saved = T.SCAN_CHARS
    try:
        for size in (1, 3, 10):
            T.SCAN_CHARS = size
            pieces = T.type_spans(text)
            assert pieces.tokens().tolist() == whole.tokens().tolist()
            assert pieces.starts.tolist() == whole.starts.tolist() and pieces.ends.tolist() == whole.ends.tolist()
            assert pieces.types.tolist() == whole.types.tolist()
    finally:
        T.SCAN_CHARS = saved
