"""Term tables: counts honest about duplicates, n-grams inside sentences, keyness, KWIC, readability."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import terms
from analysis.terms import richness


@pytest.fixture(scope="module")
def tokens(tables):
    return tables.tokens


def _pullquote_occurrences(tables, lemma: str) -> int:
    """Occurrences of ``lemma`` in duplicate segments (the reprinted caption and pull-quote)."""
    dup = tables.segments.loc[tables.segments["duplicate_of"].notna(), "seg"]
    t = tables.tokens
    return int(((t["lemma"].str.lower() == lemma) & t["seg"].isin(dup)).sum())


def test_duplicates_do_not_inflate_counts(tables, tokens):
    counted = terms.frequencies(tokens, by="lemma").set_index("term")["count"]
    everything = terms.frequencies(tokens, by="lemma", uncounted=True).set_index("term")["count"]
    extra = _pullquote_occurrences(tables, "missile")
    assert extra > 0
    assert everything["missile"] - counted["missile"] == extra
    # only tokens of left-out segments make the difference, for every term
    t = tokens
    left_out = t[~t["counted"] & ~t["is_stop"] & ~t["is_punct"]]["lemma"].str.lower().value_counts()
    diff = everything.sub(counted, fill_value=0)
    diff = diff[diff != 0].groupby(lambda term: term.lower()).sum()
    assert diff.astype(int).sort_index().to_dict() == left_out.sort_index().to_dict()


@pytest.mark.parametrize("by", ["form", "norm", "lemma", "stem"])
def test_frequencies_units_and_rule(tokens, by):
    f = terms.frequencies(tokens, by=by)
    assert list(f.columns) == ["term", "count", "share", "per_1000"]
    assert math.isclose(f["share"].sum(), 1.0)
    assert f["count"].is_monotonic_decreasing
    assert "stopwords removed" in f.attrs["rule"] and "counted segments only" in f.attrs["rule"]
    assert not set(f["term"]) & {"le", "la", "de", ",", "."}


def test_symbols_are_not_terms_but_numbers_are():
    from analysis.text import tokens as tok
    from analysis.reading.article import Article
    from analysis.corpus import Corpus
    from analysis.corpus import stats as cs

    text = "La condi¬\ntion des ouvriers • 35 heures + 2 jours ¬ de grève à 10 €."
    f = terms.frequencies(tok.tokenize(text), by="norm")
    assert not set(f["term"]) & {"¬", "•", "+", "€"} and {"35", "10", "grève", "condi"} <= set(f["term"])
    assert "punctuation and symbols removed" in f.attrs["rule"]
    assert "¬" in set(terms.frequencies(tok.tokenize(text), by="norm", punct=True)["term"])
    corpus = cs.frequencies(Corpus.from_articles([Article.from_text(text, doc_id="ocr")]), by="norm", segments=False)
    assert set(corpus["term"]) == set(f["term"])
    assert tok.word_like(pd.Series(["¬", "a", "1", "_", "l'", "—"])).tolist() == [False, True, True, False, True, False]


def test_lemmas_merge_forms(tokens):
    forms = terms.frequencies(tokens, by="norm").set_index("term")["count"]
    lemmas = terms.frequencies(tokens, by="lemma").set_index("term")["count"]
    assert lemmas["drone"] == forms.get("drone", 0) + forms.get("drones", 0)
    assert lemmas["drone"] > forms["drones"]


def test_frequencies_by_doc_groups(tokens):
    two = pd.concat([tokens, tokens.assign(doc_id="copy")], ignore_index=True)
    f = terms.frequencies(two, by_doc=True)
    one = terms.frequencies(tokens)
    assert set(f["doc_id"]) == {"article", "copy"}
    got = f[f["doc_id"] == "copy"].set_index("term")["count"]
    assert got.to_dict() == one.set_index("term")["count"].to_dict()


def test_ngrams_stay_in_sentences_and_skip_punctuation():
    toks = pd.DataFrame(
        {
            "doc_id": "d",
            "seg": 0,
            "sent": [0, 0, 0, 0, 1, 1],
            "i": range(6),
            "start": range(0, 12, 2),
            "end": range(1, 13, 2),
            "text": ["drone", "russe", ",", "missile", "iranien", "drone"],
            "norm": ["drone", "russe", ",", "missile", "iranien", "drone"],
            "lemma": ["drone", "russe", ",", "missile", "iranien", "drone"],
            "is_stop": False,
            "is_punct": [False, False, True, False, False, False],
            "is_alpha": True,
            "counted": True,
        }
    )
    got = set(terms.ngrams(toks, n=2)["term"])
    assert got == {"drone russe", "iranien drone"}
    crossing = set(terms.ngrams(toks, n=2, cross_punct=True)["term"])
    assert crossing == {"drone russe", "russe missile", "iranien drone"}


def test_ngrams_on_article(tokens):
    bi = terms.ngrams(tokens, n=2, by="norm")
    assert bi.iloc[0]["term"] == "sol russe" and bi.iloc[0]["count"] == 3
    tri = terms.ngrams(tokens, n=3, by="norm")
    assert (tri["n"] == 3).all() and "conseil de sécurité" in set(tri["term"])
    assert "sentences" in bi.attrs["rule"]


def test_repeated_phrases_subsume(tables, tokens, raw_text):
    ph = terms.repeated_phrases(tokens)
    assert (ph["count"] >= 2).all()
    for row in ph.itertuples():
        assert raw_text[row.start : row.end].lower().replace("’", "'").replace(" ", "") == row.term.replace(" ", "")
    # "sur le sol russe" (3 times) is kept; its part "le sol russe" never occurs apart: subsumed
    terms_ = set(ph["term"])
    assert "sur le sol russe" in terms_ and "le sol russe" not in terms_
    # without subsumption the part is there
    assert "le sol russe" in set(terms.repeated_phrases(tokens, subsume=False)["term"])
    # the pull-quote is a repeat only when left-out segments are counted (cap raised to see it whole)
    longest_all = terms.repeated_phrases(tokens, uncounted=True, max_n=40)["n"].max()
    assert longest_all > terms.repeated_phrases(tokens, max_n=40)["n"].max()
    assert ph["n"].max() <= 8  # the default cap


def test_repeated_phrases_subsumption_is_by_count():
    text = "Le chat noir dort. Le chat noir dort. Le chat noir mange.\n\nUn chien noir dort. Le chien noir dort."
    import analysis

    ph = terms.repeated_phrases(analysis.analyse(text).tokens).set_index("term")["count"].to_dict()
    # "chat noir" occurs 3 times, "chat noir dort" twice: both kept; "le chat noir" (3) subsumes "chat noir"
    assert ph.get("le chat noir dort") == 2 and ph.get("le chat noir") == 3 and "chat noir" not in ph
    assert ph.get("chien noir dort") == 2  # in "un chien noir dort" and "le chien noir dort"


def test_collocations_french_filter(tokens):
    c = terms.collocations(tokens, min_count=2)
    assert {"pmi", "likelihood_ratio", "t_score"} <= set(c.columns)
    stop = set(tokens.loc[tokens["is_stop"], "lemma"])
    assert not (set(c["w1"]) | set(c["w2"])) & stop
    assert (c["count"] >= 2).all()
    assert c["likelihood_ratio"].is_monotonic_decreasing
    assert "sol russe" in set(c["term"].head(5))
    assert c.sort_values("pmi", ascending=False)["pmi"].iloc[0] >= c["pmi"].iloc[0]


def test_keyness_against_wordfreq(tokens):
    k = terms.keyness(tokens)
    assert "nominal reference size" in k.attrs["reference"] and "absent" in k.attrs["reference"]
    top = k.head(5)["term"].tolist()
    assert "drone" in top
    over, under = k[k["direction"] == "over"], k[k["direction"] == "under"]
    assert (over["log_likelihood"] > 0).all() and (under["log_likelihood"] < 0).all() and len(under)
    # a term the text uses more than general French has a positive log-ratio
    assert (over.loc[over["count"] > 0, "log_ratio"] > 0).all()
    # G² by hand for "drone"
    row = k.set_index("term").loc["drone"]
    c = row["count"] / row["per_1000"] * 1000
    a, n = row["count"], terms.REFERENCE_SIZE
    b = row["ref_per_1000"] / 1000 * n
    e1, e2 = c * (a + b) / (c + n), n * (a + b) / (c + n)
    assert math.isclose(row["log_likelihood"], 2 * (a * math.log(a / e1) + b * math.log(b / e2)), rel_tol=1e-6)


def test_keyness_absent_word_smoothed():
    toks = pd.DataFrame(
        {
            "doc_id": "d",
            "text": ["zzqxv"] * 3 + ["maison"] * 3,
            "norm": ["zzqxv"] * 3 + ["maison"] * 3,
            "lemma": ["zzqxv"] * 3 + ["maison"] * 3,
            "is_stop": False,
            "is_punct": False,
            "is_alpha": True,
            "counted": True,
        }
    )
    k = terms.keyness(toks, absent=0).set_index("term")
    assert not k.loc["zzqxv", "in_reference"] and k.loc["maison", "in_reference"]
    assert math.isclose(k.loc["zzqxv", "ref_per_1000"], terms.ABSENT_FREQUENCY * 1000)


def test_tfidf_paragraphs_and_documents(tokens):
    seg = terms.tfidf(tokens)
    assert "seg" in seg.columns and seg["idf"].min() >= 0
    n_units = seg[["doc_id", "seg"]].drop_duplicates().shape[0]
    row = seg.iloc[0]
    assert math.isclose(row["idf"], math.log(n_units / row["df"]))
    two = pd.concat([tokens, tokens[tokens["seg"] < 5].assign(doc_id="short")], ignore_index=True)
    docs = terms.tfidf(two)
    assert "seg" not in docs.columns and set(docs["doc_id"]) == {"article", "short"}
    # a word only in the long document has idf ln 2
    assert math.isclose(docs.set_index(["doc_id", "term"]).loc[("article", "Zelensky"), "idf"], math.log(2))


def test_kwic_offsets_and_forms(tables, tokens, raw_text):
    k = terms.kwic(tokens, "missile", text=raw_text)
    assert list(k.columns) == ["doc_id", "seg", "sent", "start", "end", "left", "node", "right"]
    assert len(k) == 4
    for row in k.itertuples():
        assert raw_text[row.start : row.end] == row.node
    assert set(k["node"]) == {"missiles"}
    assert len(terms.kwic(tokens, "missile", by="form")) == 0
    assert len(terms.kwic(tokens, "missile", text=raw_text, uncounted=True)) == 4 + _pullquote_occurrences(
        tables, "missile"
    )
    chars = terms.kwic(tokens, "sol russe", by="norm", text=raw_text, window=20, chars=True)
    assert len(chars) == 3 and all(len(x) <= 20 for x in chars["left"])


def test_dispersion_and_trends(tokens):
    d = terms.dispersion(tokens, ["drone", "accord"])
    assert d["position"].between(0, 1).all()
    assert (d["term"] == "drone").sum() == terms.frequencies(tokens).set_index("term").loc["drone", "count"]
    s = terms.dispersion_scores(tokens, ["drone", "accord"], parts=10).set_index("term")
    assert 0 <= s.loc["accord", "juilland_d"] < s.loc["drone", "juilland_d"] <= 1
    assert s.loc["accord", "gries_dp"] > s.loc["drone", "gries_dp"]
    tr = terms.trends(tokens, ["drone"], parts=5)
    assert len(tr) == 5 and tr["count"].sum() == (d["term"] == "drone").sum()
    assert tr["part_words"].max() - tr["part_words"].min() <= 1


def test_dispersion_scores_extremes():
    even = pd.DataFrame(
        {
            "doc_id": "d",
            "text": ["a", "b"] * 50,
            "norm": ["a", "b"] * 50,
            "lemma": ["a", "b"] * 50,
            "is_stop": False,
            "is_punct": False,
            "is_alpha": True,
            "counted": True,
        }
    )
    lumped = even.copy()
    lumped["lemma"] = ["a"] * 10 + ["b"] * 90
    e = terms.dispersion_scores(even, ["a"], parts=10).iloc[0]
    l_ = terms.dispersion_scores(lumped, ["a"], parts=10).iloc[0]
    assert math.isclose(e["juilland_d"], 1.0) and math.isclose(e["gries_dp"], 0.0, abs_tol=1e-12)
    assert math.isclose(l_["juilland_d"], 0.0, abs_tol=1e-12) and math.isclose(l_["gries_dp"], 0.9)


@pytest.mark.parametrize(
    "word, n",
    [
        ("table", 1),
        ("le", 1),
        ("été", 2),
        ("missiles", 2),
        ("Iran", 2),
        ("réunion", 3),
        ("aujourd'hui", 3),
        ("production", 3),
        ("quatre", 1),
        ("naïf", 2),
        ("drones", 1),
        ("oiseau", 2),
        ("4500", 1),
    ],
)
def test_count_syllables(word, n):
    assert terms.count_syllables(word) == n


def test_readability_formula():
    assert math.isclose(terms.readability(100, 5, 150), 207 - 1.015 * 20 - 73.6 * 1.5)
    assert math.isnan(terms.readability(0, 0, 0))
    assert "Kandel" in terms.KANDEL_MOLES and "207" in terms.KANDEL_MOLES


def test_vocabulary_summary(tokens):
    v = terms.vocabulary(tokens).iloc[0]
    assert v["types"] <= v["tokens"] and v["hapaxes"] <= v["types"]
    assert math.isclose(v["ttr"], v["types"] / v["tokens"])
    assert v["ttr"] < v["mattr"] <= 1
    assert math.isclose(v["kandel_moles"], terms.readability(v["tokens"], v["sentences"], v["syllables"]))
    assert "Kandel" in terms.vocabulary(tokens).attrs["formula"]


def test_mattr_window():
    assert richness._mattr(list("abab"), 2) == 1.0
    assert richness._mattr(list("aaaa"), 2) == 0.5
    assert richness._mattr(list("abc"), 50) == 1.0


def test_to_nltk_text(tokens):
    text = terms.to_nltk_text(tokens, by="lemma", punct=False)
    assert text.count("drone") == terms.frequencies(tokens).set_index("term").loc["drone", "count"]
    assert "Iran" in text.vocab()
