"""Behaviour of analysis.text.tokens.sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text.tokens import sentences


def sents(text: str) -> list[str]:
    return sentences(text)["text"].tolist()


def check_invariants(text: str, offset: int = 0) -> None:
    df = sentences(text, offset=offset)
    assert list(df.columns) == ["sent", "start", "end", "text"]
    assert df["sent"].tolist() == list(range(len(df)))
    prev = 0
    covered = [False] * len(text)
    for row in df.itertuples(index=False):
        start, end = row.start - offset, row.end - offset
        assert text[start:end] == row.text
        assert row.text == row.text.strip() and row.text
        assert prev <= start < end
        prev = end
        for k in range(start, end):
            covered[k] = True
    assert all(c or ch.isspace() for c, ch in zip(covered, text))


PIECES = st.sampled_from(
    [
        "Le président",
        " a dit",
        ".",
        " ",
        "\n",
        "\n\n",
        "M.",
        " Dupont",
        "!",
        "?",
        "…",
        "...",
        "«\u00a0",
        "\u00a0»",
        "”",
        ")",
        " il",
        " Il",
        "J.",
        "3.5",
        "www.a.fr",
        ",",
        "Titre",
        "\r\n",
        "\u2028",
        "à",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_invariants_on_arbitrary_unicode(text: str) -> None:
    check_invariants(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.integers(0, 1000))
def test_invariants_on_french_like_text(text: str, offset: int) -> None:
    check_invariants(text, offset=offset)


def test_basic_split() -> None:
    assert sents("Il pleut. Il vente ! Viendra-t-il ? Oui… Enfin.") == [
        "Il pleut.",
        "Il vente !",
        "Viendra-t-il ?",
        "Oui…",
        "Enfin.",
    ]


def test_headings_and_bylines_stand_alone() -> None:
    text = "Guerre en Ukraine\nPar Jean Dupont\n\nKiev a été frappée. Trois morts.\n- premier point\n- second point"
    assert sents(text) == [
        "Guerre en Ukraine",
        "Par Jean Dupont",
        "Kiev a été frappée.",
        "Trois morts.",
        "- premier point",
        "- second point",
    ]


def test_blank_line_always_ends_a_sentence() -> None:
    assert sents("Il a dit que\n\nla guerre") == ["Il a dit que", "la guerre"]


def test_abbreviations_and_initials_do_not_split() -> None:
    assert sents("M. Dupont et Mme. Durand sont venus. MM. Farinet et J. K. Rowling aussi.") == [
        "M. Dupont et Mme. Durand sont venus.",
        "MM. Farinet et J. K. Rowling aussi.",
    ]
    assert sents("Créée par J.-P. Bruneau, elle compte 17 membres.") == [
        "Créée par J.-P. Bruneau, elle compte 17 membres.",
    ]


def test_abbreviations_before_numbers() -> None:
    assert sents("Voir art. 5 du code. Puis p. 12. Le marché de l'art. Il monte.") == [
        "Voir art. 5 du code.",
        "Puis p. 12.",
        "Le marché de l'art.",
        "Il monte.",
    ]


def test_numbers_urls_and_lowercase_continuations() -> None:
    assert sents("Il gagne 3.5 % sur www.bourse.fr. Puis il baisse… mais remonte.") == [
        "Il gagne 3.5 % sur www.bourse.fr.",
        "Puis il baisse… mais remonte.",
    ]


def test_quotes() -> None:
    text = "« Nous viendrons. », a déclaré le ministre. « C’est fini. » Il est parti."
    assert sents(text) == [
        "« Nous viendrons. », a déclaré le ministre.",
        "« C’est fini. »",
        "Il est parti.",
    ]
    assert sents("Il a dit « non. » puis il est parti.") == ["Il a dit « non. » puis il est parti."]
    assert sents('Il a dit : "Stop." Puis il est parti.') == [
        'Il a dit : "Stop."',
        "Puis il est parti.",
    ]


def test_closing_bracket_after_final_punctuation() -> None:
    assert sents("(Il est parti.) Nous restons.") == ["(Il est parti.)", "Nous restons."]


def test_lowercase_a_grave_starts_a_sentence() -> None:
    assert sents("Hélas ce n'est pas satisfaisant. à ce jour, rien.") == [
        "Hélas ce n'est pas satisfaisant.",
        "à ce jour, rien.",
    ]


def test_unit_letter_is_not_an_initial() -> None:
    assert sents("Conserver à 25 °C. Nature du produit.") == [
        "Conserver à 25 °C.",
        "Nature du produit.",
    ]


def test_offset() -> None:
    raw = "Titre\n\nPremière phrase. Deuxième phrase."
    start = raw.index("Première")
    df = sentences(raw[start:], offset=start)
    assert [raw[s:e] for s, e in zip(df["start"], df["end"])] == df["text"].tolist()
    assert df["start"].iloc[0] == start


def test_empty() -> None:
    df = sentences("  \n ")
    assert df.empty and list(df.columns) == ["sent", "start", "end", "text"]


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_invariants_wrapped(text: str) -> None:
    df = sentences(text, wrapped=True)
    for row in df.itertuples(index=False):
        assert text[row.start : row.end] == row.text and row.text == row.text.strip()
    covered = set()
    for row in df.itertuples(index=False):
        covered.update(range(row.start, row.end))
    assert all(k in covered or ch.isspace() for k, ch in enumerate(text))


def test_wrapped_text_joins_single_line_breaks() -> None:
    text = "FAITS DIVERS\n\nLa panique des éléphants au grand\ncortège de Munich. Quatre\ndromadaires.\n\nFin"
    assert sents(text) == [
        "FAITS DIVERS",
        "La panique des éléphants au grand",
        "cortège de Munich.",
        "Quatre",
        "dromadaires.",
        "Fin",
    ]
    assert sentences(text, wrapped=True)["text"].tolist() == [
        "FAITS DIVERS",
        "La panique des éléphants au grand\ncortège de Munich.",
        "Quatre\ndromadaires.",
        "Fin",
    ]


# --- linear in the line's length -------------------------------------------------------------------


def _reference_line_breaks(line: str) -> list[int]:
    """The splitter as it was before it was made linear (lookahead in the candidate regex, the rest
    of the line copied at each boundary): the reference the linear one must agree with."""
    import re

    from analysis.text import sentence_bounds as T

    candidate = re.compile(
        rf"[{re.escape(T.SENTENCE_FINAL)}](?:[ \u00a0\u202f\u2009]*"
        rf"[{re.escape(T.SENTENCE_FINAL)}»”)\]]|[{re.escape(T.CLOSERS)}])*+(?=\s|$)"
    )
    _, _, no_break, _, before_number, _ = T._sentence_regexes()
    cuts = []
    for m in candidate.finditer(line):
        if T._continues(line, m.end()):
            continue
        lo = max(0, m.start() - T._ABBREVIATION_WINDOW)
        if m.group().rstrip(T.CLOSERS + " \u00a0\u202f\u2009") == "." and (
            no_break.search(line, lo, m.start() + 1)
            or (
                before_number.search(line, lo, m.start())
                and (nxt := T._NON_SPACE.search(line, m.start() + 1)) is not None
                and nxt.group().isdigit()
            )
        ):
            continue
        end = m.end()
        rest = line[end:]
        stripped = rest.lstrip(" \u00a0\u202f\u2009")
        if stripped.startswith('"') and line.count('"', 0, end) % 2 == 1:
            after = end + len(rest) - len(stripped) + 1
            end = after if after == len(line) or line[after].isspace() else end
        cuts.append(end)
    return cuts


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list('.!?…»”")]’\' \u00a0aA.M"x5\t«'), max_size=40))
def test_linear_splitter_agrees_with_the_reference(line: str) -> None:
    from analysis.text.sentence_bounds import _line_breaks

    line = line.replace("\n", " ")
    assert _line_breaks(line) == _reference_line_breaks(line)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Il a dit. " * 400_000, id="4 MB, 400,000 sentences on one line"),
        pytest.param('« Il a dit. " ' * 150_000, id="boundaries before spaced quotes"),
        pytest.param("." * 2_000_000 + "x", id="2 MB of dots then a letter"),
        pytest.param("!»" * 1_000_000 + "x", id="2 MB of ! and » then a letter"),
        pytest.param("A. " * 300_000, id="initials"),
    ],
)
def test_long_lines_split_in_linear_time(text: str) -> None:
    from ..linear import within

    with within(60):  # linear: about a second; the quadratic splitter took hours
        df = sentences(text)
    assert df["end"].max() <= len(text)
    assert (df["start"].to_numpy()[1:] >= df["end"].to_numpy()[:-1]).all()


def test_sentence_spans_are_the_table_s() -> None:
    from analysis.text.tokens import sentence_spans

    text = 'Titre\n\nM. Dupont a dit. Puis « il est parti. » Fin.\nA. B. Cde. "savoir. " Et 3.'
    for wrapped in (False, True):
        table = sentences(text, wrapped=wrapped)
        assert sentence_spans(text, wrapped=wrapped) == (table["start"].tolist(), table["end"].tolist())
