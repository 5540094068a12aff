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
    assert set(rules.BREAK_CHARS) <= every  # lines._lines strips a line's break with its white space


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


def _rule_fires_on_pattern(rule: rules.Rule, tidy: str) -> bool:
    """Whether a rule's alternation matches, as :func:`match.rule_matches` tries it first."""
    if rule.whole:
        return rule.combined.fullmatch(match._widget_key(tidy)) is not None
    return rule.combined.search(tidy) is not None


def _sample_lines() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    paths = [root / "data" / "article.txt", *sorted((root / "tests" / "fixtures" / "pages").glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    from analysis.reading.corpus import Corpus

    texts += [doc.text for doc in Corpus.from_path(root / "data" / "wikinews-fr-100")]
    out = [match.tidied(ln.text) for t in texts for block in lines._blocks(t) for ln in block]
    # every rule's own examples: the first alternative of each pattern, written out by hand above
    return out + [
        "Lire aussi",
        "Lire aussi : la suite",
        "3 commentaires",
        "© 2022 Le Monde",
        "Tous droits réservés",
        "Accueil > Monde > Europe",
        "Reuters a contribué à ce rapport.",
        "Source : AFP",
        "(Avec AFP)",
        "Traduit de l'anglais par X",
        "Partager sur Facebook",
        "Le président à Moscou (Crédit photo : REUTERS)",
        "Une rue de Kiev © AFP",
        "Le port d'Odessa / AFP",
        "Par Jean Dupont",
        "Propos recueillis par Anne Martin",
        "De notre correspondant à Moscou",
        "Publié le 20 novembre 2022",
    ]


odd = st.lists(
    st.sampled_from(
        [
            *"\u017f\u0131\u0130\u212a\u0307",
            "Lire",
            "aussi",
            "S'abonner",
            "lire",
            "Suivez-nous",
            "tags :",
            "Tous droits réservés",
            "Reproduction interdite",
            "Accueil",
            ">",
            "reuters a contribué à cet article",
            ":",
            " ",
            "»",
            "-",
            "©",
            "2022",
            "AFP",
            "(",
        ]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


def _assert_screen_keeps(tidy: str) -> None:
    if rules.CAPTION_ANY.search(tidy):
        assert match.caption_found(tidy), tidy
    if any(p.search(tidy) for _, _, p in rules.BYLINE_PATTERNS):
        assert match.byline_found(tidy), tidy
    n_words = len(match.word_list(tidy))
    for group, members in rules.RULE_GROUPS.items():
        for n in (0, n_words):
            kept = match.screened(group, n, tidy)
            for rule in members:
                if n <= rule.max_words and _rule_fires_on_pattern(rule, tidy):
                    assert rule in kept, (group, n, rule.id, tidy)


def test_screen_never_leaves_out_a_rule_that_matches_a_real_line() -> None:
    lines_ = _sample_lines()
    assert len(lines_) > 500
    # the characters the regex engine folds otherwise than str.lower (long s, dotless i, Kelvin sign, İ)
    odd = str.maketrans({"s": "\u017f", "i": "\u0131", "k": "\u212a", "I": "\u0130"})
    lines_ += [t.translate(odd) for t in lines_[-18:]] + [t.upper() for t in lines_[-18:]]
    hits = 0
    for tidy in lines_:
        _assert_screen_keeps(tidy)
        hits += (
            any(_rule_fires_on_pattern(r, tidy) for g in rules.RULE_GROUPS.values() for r in g)
            or bool(rules.CAPTION_ANY.search(tidy))
            or any(p.search(tidy) for _, _, p in rules.BYLINE_PATTERNS)
        )
    assert hits >= 18  # the hand-written examples at least: the check is not vacuous


@settings(max_examples=300, deadline=None)
@given(odd)
def test_screen_follows_the_regex_engine_case_folding(text: str) -> None:
    _assert_screen_keeps(match.tidied(text))


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_segment_pieces_give_what_the_chunk_gives(text: str) -> None:
    for s, e, n_lines, tidy, line in lines.segment_pieces(text):
        chunk = text[s:e]
        assert n_lines == len(rules.LINE_BREAK.findall(chunk)) + 1
        assert tidy is None or tidy == match.tidied(chunk)
        assert line is None or (n_lines == 1 and line.tidy == tidy)
        assert line is None or line.n_words is None or line.n_words == match.count_words(tidy)
        assert line is None or not line.quiet or match.quiet_line(tidy)
        assert tidy is not None or n_lines > 1
        if tidy is None:  # only an invisible character between two lines prevents the join
            kept = [ln for ln in lines._lines(chunk) if ln is not None]
            assert not all(chunk[a.end : b.start].isspace() for a, b in zip(kept, kept[1:]))


def _texts_of(pieces: list[str]) -> st.SearchStrategy[list[str]]:
    """Lists of up to 8 texts of up to 12 of these pieces."""
    return st.lists(st.lists(st.sampled_from(pieces), max_size=12).map("".join), max_size=8)


# Lines (no line feed) with composing and combining characters, every kind of white space, the
# apostrophes, and characters whose case or normal form depends on their neighbours.
page_lines = _texts_of(
    ["mot", "é", "e", "\u0301", "\u0327", " ", "  ", "\u00a0", "\u202f", "\u2009", "\u3000", "\t", "\r"]
    + ["\u2028", "\x85", "\ufeff", "\u200b", "’", "‘", "ʼ", "'", "`", "«", "\u1100", "\u1161", "Σ"]
)


@settings(max_examples=500, deadline=None)
@given(page_lines)
def test_a_page_is_tidied_as_its_lines_are(lines_: list[str]) -> None:
    assert match.tidied_lines(lines_) == [match.tidied(s) for s in lines_]


# Raw segment texts: line breaks, invisible characters, quotes, and characters whose case folding
# differs from lower().
raw_texts = _texts_of(
    ["Mot", "é", "E", "\u0301", " ", "\n", "\r\n", "\u00a0", "\u2009", "\t", "\u2028", "\ufeff", "\u200b"]
    + ["\u00ad", "’", "`", "«", "»", "“", "ß", "Σ", "İ", "ﬁ"]
)


@settings(max_examples=500, deadline=None)
@given(raw_texts)
def test_matching_keys_of_tidied_texts_are_those_of_the_raw_texts(texts: list[str]) -> None:
    tidies = [match.tidied(s) for s in texts]
    assert match.matching_keys(tidies) == [match.normalize_for_matching(s) for s in texts]


def test_the_shipped_screens_are_those_the_rules_give() -> None:
    from tests.text import screens_build

    from analysis.text.clean.screen import SCREENS_PATH

    assert SCREENS_PATH.read_text(encoding="utf-8") == screens_build.text(), (
        "stale analysis/text/data/clean_screens.json: run .venv/bin/python tests/text/screens_build.py --write"
    )


def _full_facts(s: str) -> tuple[bool, bool, object]:
    """What :func:`lines._facts` finds on a line rule by rule, without the quiet-line shortcuts."""
    t = match.tidied(s)
    widget = lines._is_widget_line(s, tidy=t)
    caption = match.caption_found(t) and len(match.word_list(t)) <= rules.CAPTION_MAX_WORDS
    rule = match.match_widget(t) if widget else None
    return widget, caption, rules.LIST_OPENERS.get(rule.id) if rule is not None else None


def test_a_quiet_line_is_one_no_rule_fires_on() -> None:
    lines_ = _sample_lines()
    lines_ += [t.upper() for t in lines_[-18:]] + [t + " " + "mot " * 90 for t in lines_[-18:]]
    quiet = long_ = 0
    for tidy in lines_:
        facts = lines._facts(tidy)
        assert (facts.widget, facts.caption_end, facts.opens) == _full_facts(tidy), tidy
        if len(tidy) <= rules.LONG_LINE and match.quiet_line(tidy):
            quiet += 1
            assert _full_facts(tidy) == (False, False, None), tidy
        long_ += len(tidy) > rules.LONG_LINE and match.count_words(tidy) > rules.WORDS_CAP
    # both shortcuts are taken, and lines on which rules fire are there too: the check is not vacuous
    assert quiet >= 50 and long_ >= 50 and sum(any(_full_facts(t)) for t in lines_) >= 18


@settings(max_examples=400, deadline=None)
@given(odd)
def test_a_quiet_made_up_line_is_one_no_rule_fires_on(text: str) -> None:
    tidy = match.tidied(text)
    if tidy and len(tidy) <= rules.LONG_LINE and match.quiet_line(tidy):
        assert _full_facts(tidy) == (False, False, None), tidy


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["mot", "l'été", "a-b", "—", "2022", " ", "_", "x"]), max_size=400).map(" ".join))
def test_words_are_counted_exactly_up_to_the_cap(text: str) -> None:
    n = len(match.word_list(text))
    got = match.count_words(text)
    assert got == n if n <= rules.WORDS_CAP else rules.WORDS_CAP < got <= n


word_texts = st.lists(
    st.sampled_from(
        ["mot", "l'été", "a-b", "-", "'", "_", "x_y", "é", "2022", "1,5", "Œuvre", "ß", "—", " ", "\u00a0"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(word_texts)
def test_the_fast_word_patterns_find_the_words_of_the_definition(text: str) -> None:
    # the definition: letters or digits, with inner ' and - (backtracking, no shortcut by "_")
    assert match.word_list(text) == re.findall(r"[^\W_]+(?:['\-][^\W_]+)*", text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "a", "A", "é", "1", "  ", "\nx", ":"]), max_size=40).map("".join))
def test_the_possessive_line_pattern_finds_what_the_backtracking_one_found(text: str) -> None:
    doc = "\n" + text + "\n"
    before = re.compile(r"\n(?![a-z])(?:[^ \n]| (?![a-z]))*(?=\n)")
    assert [m.span() for m in match._NO_LOWER_WORD.finditer(doc)] == [m.span() for m in before.finditer(doc)]


def _assert_document_screen_agrees(tidies: list[str]) -> int:
    """A line :func:`match.quiet_lines` proves quiet is one :func:`match.quiet_line` says is quiet;
    returns how many lines it proved quiet."""
    proved = match.quiet_lines(tidies)
    if proved is None:
        return 0
    assert len(proved) == len(tidies)
    for tidy, quiet in zip(tidies, proved):
        if quiet:  # (a long line, which lines._facts does not ask quiet_line about, is never proved)
            assert len(tidy) <= rules.LONG_LINE and match.quiet_line(tidy), tidy
    return sum(proved)


def test_the_document_screen_proves_quiet_only_quiet_lines() -> None:
    from pathlib import Path

    from analysis.reading.corpus import Corpus

    root = Path(__file__).resolve().parents[2]
    paths = [root / "data" / "article.txt", *sorted((root / "tests" / "fixtures" / "pages").glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts += [doc.text for doc in Corpus.from_path(root / "data" / "wikinews-fr-100")]
    proved = quiet = 0
    for text in texts:
        tidies = [match.tidied(ln.text) for block in lines._blocks(text) for ln in block]
        proved += _assert_document_screen_agrees(tidies)
        quiet += sum(1 for t in tidies if len(t) <= rules.LONG_LINE and match.quiet_line(t))
    # the sample rules' own examples, each made a document with a line of prose before and after
    for example in _sample_lines()[-18:]:
        doc = ["Le président est arrivé à Moscou.", example, "il a dit non"]
        assert _assert_document_screen_agrees(doc) <= 2 and not match.quiet_lines(doc)[1], example
    assert proved >= 0.8 * quiet  # not vacuous: most quiet lines are proved so without their own work


made_up_line = st.one_of(
    odd,
    st.sampled_from(["Le président est arrivé à Moscou.", "il a dit", "Par Jean Dupont", "De notre envoyé"]),
    st.sampled_from(["Publié le 2 mai", "JEAN DUPONT / AFP", "Une rue © AFP", "œuvre", "\u03a3", "ß", "x"]),
    st.just("Mot " * 40),  # a long line
)


@settings(max_examples=400, deadline=None)
@given(st.lists(made_up_line, min_size=1, max_size=8))
def test_the_document_screen_agrees_on_made_up_documents(texts: list[str]) -> None:
    tidies = [t for t in (match.tidied(x) for x in texts) if t]
    if tidies:
        _assert_document_screen_agrees(tidies)


@settings(max_examples=200, deadline=None)
@given(st.lists(made_up_line, min_size=1, max_size=8).map("\n".join))
def test_segments_are_the_same_without_the_document_screen(text: str) -> None:
    from unittest import mock

    with mock.patch.object(lines, "quiet_lines", lambda tidies: None):
        before = clean.segments(text)
    assert clean.segments(text).equals(before)
