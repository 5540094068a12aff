"""The vectorised term tables equal plain, obviously right computations of the same definitions."""

from __future__ import annotations

import importlib
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.terms import repeated_phrases

keyterms_module = importlib.import_module("analysis.terms.keyterms")

WORDS = ["le", "chat", "noir", "de", "la", "rue", "a b", "mange"]  # "a b": a unit holding a space
STOP = {"le", "de", "la"}


def token_rows(max_size: int):
    """Rows (doc, sentence, word, punct) for :func:`tokens_table`."""
    return st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, 2), st.sampled_from(WORDS), st.booleans()), max_size=max_size
    )


def tokens_table(rows: list[tuple[int, int, str, bool]]) -> pd.DataFrame:
    """A tokens table of (doc, sentence, norm, punct) rows, offsets one token apart."""
    return pd.DataFrame(
        {
            "doc_id": [f"d{d}" for d, _, _, _ in rows],
            "sent": [s for _, s, _, _ in rows],
            "norm": [w for _, _, w, _ in rows],
            "lemma": [w for _, _, w, _ in rows],
            "text": [w for _, _, w, _ in rows],
            "is_stop": [w in STOP for _, _, w, _ in rows],
            "is_punct": [p for _, _, _, p in rows],
            "counted": True,
            "start": [10 * i for i in range(len(rows))],
            "end": [10 * i + 5 for i in range(len(rows))],
        }
    )


def reference(tokens: pd.DataFrame, *, min_count: int, min_n: int, max_n: int, subsume: bool) -> pd.DataFrame:
    """Every phrase by brute force: all n-grams inside runs, joined by spaces, counted as strings."""
    runs, current = [], []
    for i, row in enumerate(tokens.itertuples()):
        if current and (
            row.doc_id != tokens["doc_id"].iloc[current[-1]] or row.sent != tokens["sent"].iloc[current[-1]]
        ):
            runs.append(current)
            current = []
        if row.is_punct:
            runs.append(current)
            current = []
        else:
            current.append(i)
    runs.append(current)
    occ: dict[tuple[int, str], list[int]] = {}
    for run in runs:
        for n in range(min_n, max_n + 1):
            for k in range(len(run) - n + 1):
                idx = run[k : k + n]
                occ.setdefault((n, " ".join(tokens["norm"].iloc[j] for j in idx)), []).append(idx[0])
    counts = Counter({key: len(v) for key, v in occ.items()})
    rows = []
    for (n, term), starts in occ.items():
        if len(starts) < min_count or all(w in STOP for w in term.split(" ") if w):
            continue
        rows.append((term, n, len(starts), min(starts)))
    # stop flags come from tokens: a phrase is all-stopwords when each of its tokens is a stopword
    out = pd.DataFrame(rows, columns=["term", "n", "count", "first"])
    if subsume and len(out):
        keep = []
        for term, n, count, _ in out.itertuples(index=False):
            longer = [
                t
                for (m, t), c in counts.items()
                if m == n + 1
                and c == count
                and counts[(m, t)] >= min_count
                and (t.startswith(term + " ") or t.endswith(" " + term))
            ]
            keep.append(not longer)
        out = out[keep]
    return out


@settings(max_examples=150, deadline=None)
@given(
    token_rows(60),
    st.integers(2, 3),
    st.integers(1, 2),
    st.integers(2, 5),
    st.booleans(),
)
def test_repeated_phrases_equal_brute_force(rows, min_count, min_n, extra, subsume) -> None:
    rows = sorted(rows, key=lambda r: (r[0], r[1]))
    tokens = tokens_table(rows)
    max_n = min_n + extra
    got = repeated_phrases(tokens, min_count=min_count, min_n=min_n, max_n=max_n, subsume=subsume)
    want = reference(tokens, min_count=min_count, min_n=min_n, max_n=max_n, subsume=subsume)
    assert sorted(zip(got["term"], got["n"], got["count"])) == sorted(zip(want["term"], want["n"], want["count"]))
    firsts = dict(zip(zip(want["term"], want["n"]), want["first"]))
    assert all(10 * firsts[(t, n)] == s for t, n, s in zip(got["term"], got["n"], got["start"]))  # start = 10 × row


def test_aggregate_equals_groupby() -> None:
    rng = np.random.default_rng(0)
    n = 400
    cands = pd.DataFrame(
        {
            "doc_id": rng.choice(["a", "b", "c"], n),
            "key": rng.choice(["drone", "drone iranien", "moscou"], n),
            "pattern": rng.choice(["N", "A", "NA"], n),
            "n_words": 1,
            "start": rng.integers(0, 500, n),
            "form": rng.choice(["Drone", "drone", "DRONES", "Moscou"], n),
        }
    )
    cands["term"] = cands["key"]
    cands["words"] = [(k,) for k in cands["key"]]
    cands["end"] = cands["start"] + 3
    got = keyterms_module._aggregate(cands)
    want = (
        cands.assign(adjective=(cands["pattern"] == "A").astype(float))
        .groupby(["doc_id", "key"], sort=False)
        .agg(
            term=("term", "first"),
            count=("key", "size"),
            words=("words", "first"),
            n_words=("n_words", "first"),
            pattern=("pattern", "first"),
            adjective=("adjective", "mean"),
            start=("start", "first"),
            end=("end", "first"),
        )
        .reset_index()
    )
    for col, values in (("form", cands["form"].str.lower()), ("shown", cands["form"])):
        f = pd.DataFrame({"doc_id": cands["doc_id"], "key": cands["key"], col: values, "first": cands["start"]})
        best = (
            f.groupby(["doc_id", "key", col], sort=False)
            .agg(n=("first", "size"), first=("first", "min"))
            .reset_index()
            .sort_values(["n", "first"], ascending=[False, True], kind="mergesort")
            .drop_duplicates(["doc_id", "key"])
        )
        want = want.merge(best[["doc_id", "key", col]], on=["doc_id", "key"], how="left")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want, check_dtype=False)


def test_keyterms_of_many_documents_equal_each_document_alone() -> None:
    """One pass over a corpus (segments, headlines, names and surnames included) ranks each document
    exactly as it is ranked alone."""
    import analysis
    from analysis.text.pipeline import Tables

    texts = {
        "a": "Grèce : 39 morts dans un séisme\n\nLe séisme a fait 39 morts en Grèce. Antonis Samaras a parlé. "
        "Samaras a visité les ruines du séisme. Le séisme de Grèce inquiète.",
        "b": "Drones iraniens en Russie\n\nL'Iran et la Russie vont construire des drones iraniens. "
        "Les drones iraniens seront faits en Russie. Mitt Romney a réagi. Romney critique les drones.",
    }
    parts = [analysis.analyse(analysis.Article.from_text(t, doc_id=d)) for d, t in texts.items()]
    alone = pd.concat([keyterms_module.keyterms(p, top=5) for p in parts], ignore_index=True)
    both = Tables(
        article=parts[0].article,
        **{
            f: pd.concat([getattr(p, f) for p in parts], ignore_index=True) for f in ("segments", "sentences", "tokens")
        },
    )
    together = keyterms_module.keyterms(both, top=5)
    assert set(together["doc_id"]) == {"a", "b"} and len(together) > 4
    pd.testing.assert_frame_equal(together, alone)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 4)), max_size=60), st.integers(1, 8))
def test_mattr_windows_equal_the_sliding_window(rows, window) -> None:
    """MATTR without sliding equals MATTR by sliding the window, document by document (documents interleaved)."""
    from analysis.terms import richness

    if not rows:
        return
    doc = np.array([d for d, _ in rows], dtype="int64")
    pair = doc * 10 + np.array([v for _, v in rows], dtype="int64")
    size = np.bincount(doc, minlength=3)
    total = richness._mattr_windows(doc, pair, size, window)
    for d in range(3):
        values = [v for dd, v in rows if dd == d]
        if len(values) > window:
            assert int(total[d]) / (len(values) - window + 1) / window == richness._mattr(values, window)


def _two_documents(tables) -> pd.DataFrame:
    """The article twice, as two documents, the second cut short (parts of unequal sizes)."""
    one = tables.tokens.assign(doc_id="a")
    return pd.concat([one, one.iloc[: len(one) // 3].assign(doc_id="b")], ignore_index=True)


def test_dispersion_scores_and_trends_equal_a_loop_over_documents(tables) -> None:
    """The vectorised tables equal the plain definitions computed document by document, term by term."""
    import math

    from analysis.terms import dispersion_scores, trends

    tokens = _two_documents(tables)
    keep = ~tokens["is_punct"].to_numpy(dtype=bool) & tokens["counted"].to_numpy(dtype=bool)
    words = tokens[keep]
    terms = ["drone", "iran", "russie", "absent"]
    expected, trend_rows = [], []
    for doc, part in words.groupby("doc_id", sort=False):
        vals = part["lemma"].astype(str).str.lower().to_numpy(dtype=object)
        prt = np.minimum(np.arange(len(vals)) * 10 // len(vals), 9)
        sizes = np.bincount(prt, minlength=10).astype(float)
        s = sizes / sizes.sum()
        for term in terms:
            f = np.bincount(prt[vals == term], minlength=10).astype(float)
            for p in range(10):
                idx = np.flatnonzero(prt == p)
                trend_rows.append(
                    (
                        doc,
                        term,
                        p + 1,
                        int(f[p]),
                        int(sizes[p]),
                        1000 * f[p] / sizes[p] if sizes[p] else 0.0,
                        int(part["start"].iloc[idx[0]]),
                        int(part["end"].iloc[idx[-1]]),
                    )
                )
            if f.sum() == 0:
                expected.append((doc, term, 0, np.nan, np.nan, np.nan))
                continue
            dp = 0.5 * np.abs(f / f.sum() - s).sum()
            rel = f / sizes
            d = 1 - (rel.std() / rel.mean()) / math.sqrt(9)
            expected.append((doc, term, int(f.sum()), float(d), float(dp), float(dp / (1 - s.min()))))
    got = dispersion_scores(tokens, terms)
    want = pd.DataFrame(expected, columns=list(got.columns)).sort_values(
        ["doc_id", "count", "term"], ascending=[True, False, True], kind="mergesort", ignore_index=True
    )
    assert (got["count"] > 0).sum() == 6
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    got_trends = trends(tokens, terms)
    pd.testing.assert_frame_equal(
        got_trends, pd.DataFrame(trend_rows, columns=list(got_trends.columns)), check_dtype=False
    )


def nltk_collocations(tokens: pd.DataFrame, *, min_count: int, window: int, by: str = "lemma") -> dict:
    """The reference peer: NLTK's own finder and measures fed as the library fed them before issue 16."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    from analysis.terms.units import runs, units

    units_all = units(tokens, by)
    pos, run = runs(tokens, cross_punct=False, uncounted=False)
    words = units_all[pos]
    bad = set(units_all[tokens["is_stop"].to_numpy(dtype=bool) | ~tokens["is_alpha"].to_numpy(dtype=bool)])
    docs = [list(g) for g in np.split(words, np.flatnonzero(np.diff(run)) + 1) if len(g)]
    finder = (
        BigramCollocationFinder.from_documents(docs)
        if window == 2
        else BigramCollocationFinder.from_words([w for d in docs for w in d + [None]], window_size=window)
    )
    finder.apply_word_filter(lambda w: w in bad)
    finder.apply_freq_filter(min_count)
    m = BigramAssocMeasures()
    scores = {
        name: dict(finder.score_ngrams(getattr(m, fn)))
        for name, fn in (("pmi", "pmi"), ("likelihood_ratio", "likelihood_ratio"), ("t_score", "student_t"))
    }
    return {pair: (c, *(scores[s][pair] for s in scores)) for pair, c in finder.ngram_fd.items()}


def assert_same_as_nltk(tokens: pd.DataFrame, *, min_count: int, window: int) -> int:
    from analysis.terms import collocations

    try:
        want = nltk_collocations(tokens, min_count=min_count, window=window)
    except ValueError:  # NLTK's likelihood ratio takes the log of a negative cell in tiny texts ("chat chat")
        with pytest.raises(ValueError, match="math domain error"):
            collocations(tokens, min_count=min_count, window=window)
        return 0
    got = collocations(tokens, min_count=min_count, window=window)
    have = {
        (a, b): (c, p, lr, t)
        for a, b, c, p, lr, t in zip(
            got["w1"], got["w2"], got["count"], got["pmi"], got["likelihood_ratio"], got["t_score"]
        )
    }
    assert have == want  # to the last bit: the same operations as NLTK's
    return len(have)


def test_collocations_equal_nltk_on_the_article(tables) -> None:
    for window in (2, 3, 5):
        assert assert_same_as_nltk(tables.tokens, min_count=2, window=window) > 5
    assert assert_same_as_nltk(tables.tokens, min_count=1, window=2) > 100


@settings(max_examples=100, deadline=None)
@given(
    token_rows(80),
    st.integers(1, 3),
    st.integers(2, 4),
)
def test_collocations_equal_nltk(rows, min_count, window) -> None:
    rows = sorted(rows, key=lambda r: (r[0], r[1]))
    tokens = tokens_table(rows).assign(is_alpha=lambda t: ~t["is_punct"])
    assert_same_as_nltk(tokens, min_count=min_count, window=window)


def test_shared_codes_follow_a_changed_column() -> None:
    """The codes of a string column are shared between tables, read-only, and never outlive a change."""
    from analysis.terms import frequencies
    from analysis.terms.units import encoded

    tokens = tokens_table([(0, 0, "chat", False), (0, 0, "noir", False), (1, 0, "chat", False)])
    tokens = tokens.astype({c: "string[pyarrow]" for c in ("doc_id", "norm", "lemma", "text")})
    codes, distinct = encoded(tokens, "lemma")
    again = encoded(tokens, "lemma")
    assert again[0] is codes and again[1] is distinct  # shared, not encoded twice
    assert list(distinct[codes]) == ["chat", "noir", "chat"]
    with pytest.raises(ValueError):
        codes[0] = 1  # read-only: no table can change another's codes
    before = frequencies(tokens, by="lemma")
    tokens.loc[2, "lemma"] = "rue"
    codes, distinct = encoded(tokens, "lemma")
    assert list(distinct[codes]) == ["chat", "noir", "rue"]
    after = frequencies(tokens, by="lemma")
    assert before.set_index("term")["count"].to_dict() == {"chat": 2, "noir": 1}
    assert after.set_index("term")["count"].to_dict() == {"chat": 1, "noir": 1, "rue": 1}
    copy = tokens.copy()
    copy.loc[0, "lemma"] = "rue"  # a copy changed: the original's codes stay its own
    assert list(encoded(tokens, "lemma")[1][encoded(tokens, "lemma")[0]]) == ["chat", "noir", "rue"]
    assert list(encoded(copy, "lemma")[1][encoded(copy, "lemma")[0]]) == ["rue", "noir", "rue"]


def test_zipf_of_plain_words_equals_wordfreq() -> None:
    """The direct look-up of plain words gives wordfreq's ``zipf_frequency`` exactly: on 20,000 of
    its French words (every 18th), words it lacks, and words its tokeniser changes or splits."""
    from wordfreq import get_frequency_dict, zipf_frequency

    from analysis.terms import candidates

    listed = sorted(get_frequency_dict("fr", "best"))[::18]
    others = ["zzqxw", "éléphantesquissime", "œuvre", "ÿ", "aujourd'hui", "États-Unis", "Paris", "2022", "l'état"]
    others += ["porte-avions", "ﬁn", "cafe\u0301", "straße", "ǆ", "a", ""]
    plain = 0
    for word in listed + others:
        plain += bool(candidates.PLAIN_WORD.fullmatch(word))
        assert candidates.zipf.__wrapped__(word) == float(zipf_frequency(word, "fr")), word
    assert plain > 10_000  # the direct look-up is what was compared
    assert candidates.zipfs(listed + others) == [candidates.zipf(w) for w in listed + others]


SPEC_WORDS = ["drone", "drones", "iranien", "iraniens", "zzqxw", "aujourd'hui", "états-unis", "moscou", "jeu", "jeux"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 2), st.sampled_from(SPEC_WORDS)), min_size=1, max_size=12, unique=True),
    st.lists(st.tuples(st.integers(0, 2), st.sampled_from(SPEC_WORDS), st.sampled_from(SPEC_WORDS)), max_size=30),
)
def test_specificities_equal_the_specificity_of_each_pair(pairs, forms) -> None:
    """The specificities of (document, word) pairs, all at once, equal :func:`specificity` of each
    pair's word and set of forms, bit for bit (forms of words or documents not weighed are ignored)."""
    from analysis.terms import weights

    w = keyterms_module.WEIGHTS
    doc_names, word_names = np.array(["d0", "d1", "d2"], dtype=object), np.array(SPEC_WORDS[::-1], dtype=object)
    width = np.int64(len(word_names) + 1)
    word_at = {x: k for k, x in enumerate(word_names)}
    codes = np.array([d * width + word_at[x] for d, x in pairs], dtype="int64")
    norm_names = np.array(sorted(SPEC_WORDS), dtype=object)
    form_table = {
        "doc": np.array([d for d, _, _ in forms], dtype="int64"),
        "doc_names": np.array(["d2", "d1", "d0"], dtype=object),  # other codes than the pairs'
        "word": np.array([SPEC_WORDS.index(x) for _, x, _ in forms], dtype="int64"),
        "word_names": np.array(SPEC_WORDS, dtype=object),
        "norm": np.array([list(norm_names).index(f) for _, _, f in forms], dtype="int64"),
        "norm_names": norm_names,
    }
    got = weights.specificities(codes, width, doc_names, word_names, form_table, w)
    want = [
        weights.specificity(x, {f for e, y, f in forms if ("d2", "d1", "d0")[e] == f"d{d}" and y == x}, w)
        for d, x in pairs
    ]
    assert got.tolist() == want


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3), st.sampled_from(["N", "A", "D"]), st.booleans(), st.sampled_from(["x", "y", None])
        ),
        max_size=40,
    ),
    st.sampled_from([1, 2**40]),
)
def test_row_codes_equal_pairwise_factorizing(rows, scale) -> None:
    """Packed row codes are the former ones (one ``factorize`` per column and pair, first-occurrence
    order), also when large integers make the packing factorize on the way."""
    from analysis.terms.candidates import row_codes

    ints = np.array([r[0] * scale for r in rows], dtype="int64")
    cls = np.array([r[1] for r in rows], dtype="<U1")
    space = np.array([r[2] for r in rows], dtype=bool)
    objs = pd.Series([r[3] for r in rows], dtype=object)
    columns = (ints, cls, ints, space, objs, ints)
    former = np.zeros(len(rows), dtype="int64")
    for col in columns:
        c, uniq = pd.factorize(col)
        former = pd.factorize(former * (len(uniq) + 1) + c)[0].astype("int64")
    assert row_codes(*columns).tolist() == former.tolist()


@settings(max_examples=60, deadline=None)
@given(token_rows(30), st.booleans(), st.booleans())
def test_frequencies_equal_counting_strings(rows, by_doc, stopwords) -> None:
    """Counts on codes are the counts of the kept strings (by document too), in the table's order:
    most frequent first, ties alphabetical."""
    from analysis.terms import frequencies

    tokens = tokens_table(rows).assign(is_alpha=True)
    got = frequencies(tokens, by="norm", by_doc=by_doc, stopwords=stopwords)
    kept = [r for r in rows if not r[3] and (stopwords or r[2] not in STOP)]
    counts = Counter((f"d{d}", w) if by_doc else w for d, _, w, _ in kept)
    want = sorted(
        counts.items(), key=lambda kv: ((kv[0][0],) if by_doc else ()) + (-kv[1], kv[0][-1] if by_doc else kv[0])
    )
    assert list(zip(got["doc_id"], got["term"]) if by_doc else got["term"]) == [k for k, _ in want]
    assert got["count"].tolist() == [c for _, c in want]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=200), st.lists(st.booleans(), min_size=41, max_size=41))
def test_linear_time_helpers_equal_numpy_unique(values, dropped) -> None:
    """first_rows, distinct_sorted and distinct_inverse give what np.unique gives (they replace it: numpy
    2.4's unique hashes integers, many times slower on large arrays)."""
    from analysis.terms.units import distinct_inverse, distinct_sorted, first_rows

    a = np.array(values, dtype="int64")
    assert np.array_equal(distinct_sorted(a), np.unique(a))
    distinct, inverse = distinct_inverse(a)
    want_distinct, want_inverse = np.unique(a, return_inverse=True)
    assert np.array_equal(distinct, want_distinct) and np.array_equal(inverse, want_inverse.reshape(-1))
    codes = pd.factorize(a)[0].astype("int64")  # in order of first appearance
    assert np.array_equal(first_rows(codes), np.unique(codes, return_index=True)[1])
    kept = codes[~np.array(dropped)[codes]]  # some codes' rows all left out: still in order of first appearance
    assert np.array_equal(first_rows(kept), np.unique(kept, return_index=True)[1])


def test_first_rows_refuses_codes_out_of_order() -> None:
    """A code first seen after a greater one (a subset of a column's codes) is an error, not a lost row."""
    from analysis.terms.units import first_rows

    with pytest.raises(ValueError, match="order of first appearance"):
        first_rows(np.array([1, 1, 0, 0]))


def test_headline_figures_of_many_documents_equal_each_document_alone() -> None:
    """Headline figures and topics found for a corpus at once are each document's own."""
    import analysis
    from analysis.terms.headlines import headline_figures, title_topics
    from analysis.text.pipeline import Tables

    texts = {
        "a": "Grèce : 39 morts dans un séisme\n\nLe séisme a fait 39 morts en Grèce. On compte 39 morts.",
        "b": "Emploi : 8 000 emplois et 2 % de hausse\n\nLes 8 000 emplois promis. Une hausse de 2 % est prévue.",
        "c": "Un titre sans chiffre\n\nIl y eut 39 morts ailleurs.",
    }
    parts = [analysis.analyse(analysis.Article.from_text(t, doc_id=d)) for d, t in texts.items()]
    both = Tables(
        article=parts[0].article,
        **{
            f: pd.concat([getattr(p, f) for p in parts], ignore_index=True) for f in ("segments", "sentences", "tokens")
        },
    )
    together = headline_figures(both.tokens, both.segments)
    offsets = np.cumsum([0] + [len(p.tokens) for p in parts])
    alone = pd.concat(
        [
            headline_figures(p.tokens, p.segments).assign(first=lambda f, o=o: f["first"] + o)
            for p, o in zip(parts, offsets)
        ],
        ignore_index=True,
    )
    assert set(together["doc_id"]) == {"a", "b"} and (together["key"] == "39 mort").sum() >= 2
    pd.testing.assert_frame_equal(together, alone, check_dtype=False)
    from analysis.terms.candidates import topic_labels

    def topics(t):  # as keyterms finds them: the topic label read as nouns
        labels = topic_labels(t.tokens, t.segments, max_words=4)
        return title_topics(keyterms_module.candidates(t.tokens, labels=labels), t.tokens, t.segments)

    each: dict[str, str] = {}
    for p in parts:
        each.update(topics(p))
    assert topics(both) == each and each == {"a": "grèce", "b": "emploi"}


def test_keyness_common_words_each_document_never_uses():
    """The zero-count rows of a document are the common words it never uses (lowercased), per document."""
    from analysis import terms

    def table(docs: dict[str, list[str]]) -> pd.DataFrame:
        rows = [(d, w) for d, words in docs.items() for w in words]
        return pd.DataFrame(
            {
                "doc_id": [d for d, _ in rows],
                "text": [w for _, w in rows],
                "norm": [w.lower() for _, w in rows],
                "lemma": [w for _, w in rows],
                "is_stop": False,
                "is_punct": False,
                "is_alpha": True,
                "counted": True,
            }
        )

    def zeros(k: pd.DataFrame, doc: str) -> list[str]:
        return k[(k["doc_id"] == doc) & (k["count"] == 0)]["term"].tolist()

    common = zeros(terms.keyness(table({"a": ["zzqxv"] * 2}), absent=300), "a")
    assert len(common) > 6
    used = common[:2] + [common[2].capitalize()]  # a capitalised lemma uses its lowercased common word
    k = terms.keyness(table({"a": ["zzqxv"] * 2, "b": used + ["zzqxv"], "c": ["zzqxv"] + common[5:6]}), absent=300)
    assert zeros(k, "a") == common
    assert sorted(zeros(k, "b")) == sorted(common[3:])
    assert sorted(zeros(k, "c")) == sorted(common[:5] + common[6:])
