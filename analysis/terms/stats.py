"""Term tables from the tokens table: counts, n-grams, phrases, collocations, keyness, TF-IDF,
concordance, dispersion, trends and a vocabulary summary.

Every function takes a tokens table (``analysis.analyse(...).tokens``, or several
articles' tables concatenated: rows carry ``doc_id``) and returns a tidy
DataFrame. What is counted follows the house rules: stopwords, punctuation and
symbols (tokens without a letter or digit, such as OCR's line-end "¬") are left
out by default, and so are tokens of segments that are not counted
(duplicates, boilerplate, credits, bylines) unless ``uncounted=True``; each
count table says in ``attrs["rule"]`` what it kept.

Units: a term is a ``form`` (the text as written), a ``norm`` (lowercased,
apostrophes unified), a ``lemma`` or a ``stem`` (Snowball). In French, counting
lemmas merges *drone*/*drones* and *iranien*/*iraniennes*/*iranienne*, which
forms keep apart.

Key terms (what the text is about) are in :mod:`analysis.terms.keyterms`
(``analysis.terms.keyterms``). Which tokens are kept and what term each one is
come from :mod:`analysis.terms.units`, shared with key terms and textometry.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..ranking import sort_ranked
from .. import exactmath
from .phrases import ngrams, repeated_phrases  # noqa: F401 - re-exported (they live in phrases)
from .keyness import (  # noqa: F401 - re-exported (they live in keyness)
    ABSENT_FREQUENCY,
    REFERENCE_SIZE,
    keyness,
    log_likelihood,
    reference_frequency,
    seen_lower,
)
from .units import (
    RULE_SEGMENTS as _RULE_SEGMENTS,
    column as _column,
    count_rule as _rule,
    distinct_inverse,
    distinct_sorted,
    doc_ids as _doc_ids,
    encoded as _encoded,
    first_rows,
    keep as _keep,
    kept_codes as _kept_codes,
    runs as _runs,
    units as _units,
)
from .richness import KANDEL_MOLES, count_syllables, readability, vocabulary  # noqa: F401 - re-exported

__all__ = [
    "KANDEL_MOLES",
    "REFERENCE_SIZE",
    "ABSENT_FREQUENCY",
    "collocations",
    "count_syllables",
    "dispersion",
    "dispersion_scores",
    "frequencies",
    "keyness",
    "kwic",
    "log_likelihood",
    "pair_scores",
    "ngrams",
    "readability",
    "reference_frequency",
    "repeated_phrases",
    "tfidf",
    "to_nltk_text",
    "trends",
    "vocabulary",
]


# --------------------------------------------------------------------------
# Frequencies
# --------------------------------------------------------------------------


def frequencies(
    tokens: pd.DataFrame,
    *,
    by: str = "lemma",
    stopwords: bool = False,
    punct: bool = False,
    numbers: bool = True,
    uncounted: bool = False,
    by_doc: bool = False,
) -> pd.DataFrame:
    """Absolute and relative frequencies of terms.

    Args:
        tokens (pandas.DataFrame): A tokens table (``analysis.analyse(...).tokens``).
        by (str): What a term is: ``form`` (the text as written), ``norm``
            (lower-cased, apostrophes unified), ``lemma`` or ``stem``.
        stopwords (bool): Keep stopwords.
        punct (bool): Keep punctuation and symbols (tokens without a letter or digit).
        numbers (bool): Keep tokens that are not alphabetic but not punctuation
            either (numbers, "Ababil-2").
        uncounted (bool): Keep tokens of segments left out of counts.
        by_doc (bool): One count per ``doc_id`` and term (shares within each document).

    Returns:
        pandas.DataFrame: ``term``, ``count``, ``share`` (of the kept tokens)
        and ``per_1000``, most frequent first (ties in alphabetical order), with
        ``doc_id`` first when ``by_doc``, and ``attrs["rule"]`` saying what was kept.

    Raises:
        ValueError: ``by`` is not a known unit, or the column is missing.
    """
    keep = _keep(tokens, stopwords=stopwords, punct=punct, numbers=numbers, uncounted=uncounted)
    if keep.any():  # grouped on the shared integer codes, groups in order of first appearance
        term_code, term_names = _kept_codes(tokens, keep, by=by)
        if by_doc:
            doc_code, doc_names = _kept_codes(tokens, keep)
            group, pairs = pd.factorize(doc_code.astype("int64") * len(term_names) + term_code)
            pairs = np.asarray(pairs, dtype="int64")
            out = pd.DataFrame(
                {"doc_id": doc_names[pairs // len(term_names)], "term": term_names[pairs % len(term_names)]}
            )
        else:
            group = term_code
            out = pd.DataFrame({"term": term_names})
        out["count"] = np.bincount(group, minlength=len(out)).astype("int64")
    else:
        kept = pd.DataFrame({"doc_id": _doc_ids(tokens)[keep], "term": _units(tokens, by)[keep]})
        keys = ["doc_id", "term"] if by_doc else ["term"]
        out = kept.groupby(keys, sort=False).size().rename("count").reset_index()
        out["count"] = out["count"].astype("int64")
    out = out.sort_values(
        (["doc_id"] if by_doc else []) + ["count", "term"],
        ascending=([True] if by_doc else []) + [False, True],
        kind="mergesort",
        ignore_index=True,
    )
    totals = out.groupby("doc_id")["count"].transform("sum") if by_doc else out["count"].sum()
    out["share"] = (out["count"] / totals).astype(float) if len(out) else pd.Series(dtype=float)
    out["per_1000"] = out["share"] * 1000
    total = int(out["count"].sum())
    out.attrs["rule"] = (
        _rule(by, stopwords=stopwords, punct=punct, numbers=numbers, uncounted=uncounted)
        + f"; {total} tokens kept of {len(tokens)}"
    )
    return out


# --------------------------------------------------------------------------
# Collocations
# --------------------------------------------------------------------------


def collocations(
    tokens: pd.DataFrame,
    *,
    by: str = "lemma",
    min_count: int = 2,
    window: int = 2,
    sort_by: str = "likelihood_ratio",
    uncounted: bool = False,
    top: int | None = None,
) -> pd.DataFrame:
    """Word pairs that occur together more than chance, scored three ways (NLTK's measures).

    The counts and scores are NLTK's ``BigramCollocationFinder`` and ``BigramAssocMeasures``
    (pmi, likelihood_ratio, student_t), computed on integer-coded arrays of every document at once
    (:func:`pair_scores`; a test checks them against NLTK's finder): the words, one document per
    sentence run (punctuation breaks runs) followed by an empty slot, so adjacent pairs never cross
    a sentence (with ``window`` > 2, as in NLTK, a pair may span the slot). Pairs holding a French
    stopword, punctuation or a number are filtered out (NLTK's own ``collocation_list`` uses English
    stopwords).

    Args:
        tokens (pandas.DataFrame): A tokens table with ``sent``.
        by (str): Unit (``lemma`` by default).
        min_count (int): Smallest pair count.
        window (int): Window size (2 = adjacent words; larger lets words in between).
        sort_by (str): ``pmi``, ``likelihood_ratio`` or ``t_score``.
        uncounted (bool): Keep tokens of left-out segments.
        top (int | None): Keep the first ``top`` rows.

    Returns:
        pandas.DataFrame: ``w1``, ``w2``, ``term``, ``count``, ``pmi``, ``likelihood_ratio``,
        ``t_score``, best first, with ``attrs["rule"]``.
    """
    if sort_by not in ("pmi", "likelihood_ratio", "t_score"):
        raise ValueError(f"sort_by must be pmi, likelihood_ratio or t_score, not {sort_by!r}")
    units_all = _units(tokens, by)
    if window < 2:
        raise ValueError("Specify window_size at least 2")
    pos, runs = _runs(tokens, cross_punct=False, uncounted=uncounted)
    codes, distinct = pd.factorize(units_all)
    distinct = np.asarray(distinct, dtype=object)
    bad = np.zeros(len(distinct), dtype=bool)
    bad[codes[tokens["is_stop"].to_numpy(dtype=bool) | ~tokens["is_alpha"].to_numpy(dtype=bool)]] = True
    words = codes[pos].astype("int64")
    # the stream NLTK reads: each run's words, then an empty slot (-1)
    slot = np.r_[np.flatnonzero(np.diff(runs)) + 1, len(words)] if len(words) else np.zeros(0, "int64")
    stream = np.insert(words, slot, -1)
    cols = ["w1", "w2", "term", "count", "pmi", "likelihood_ratio", "t_score"]
    w1, w2, count = _pairs(stream, window, len(distinct))
    keep = ~bad[w1] & ~bad[w2] & (count >= min_count)
    w1, w2, count = w1[keep], w2[keep], count[keep]
    if len(count):
        word_count = np.bincount(words, minlength=len(distinct))
        scores = pair_scores(count / (window - 1.0), word_count[w1], word_count[w2], len(words))
        first, second = distinct[w1], distinct[w2]
        out = pd.DataFrame(
            {
                "w1": first,
                "w2": second,
                "term": np.array([f"{a} {b}" for a, b in zip(first, second)], dtype=object),
                "count": count.astype("int64"),
                **scores,
            },
            columns=cols,
        )
    else:
        out = pd.DataFrame([], columns=cols)
    out = sort_ranked(out, [sort_by, "term"], [False, True])
    if top is not None:
        out = out.head(top)
    out.attrs["rule"] = (
        f"pairs by {by} within a window of {window} inside sentences (punctuation breaks), "
        f"French stopwords, punctuation and numbers filtered; count >= {min_count}; "
        f"{_RULE_SEGMENTS[uncounted]}; {len(words)} words; scored by NLTK "
        f"BigramAssocMeasures (pmi, likelihood_ratio, student_t), sorted by {sort_by}"
    )
    return out


def _pairs(stream: np.ndarray, window: int, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair (word, a word up to ``window - 1`` slots after it) of the stream (-1: empty slot),
    counted: first words, second words and counts, in order of first occurrence (NLTK's order)."""
    n = len(stream)
    padded = np.r_[stream, np.full(window - 1, -1, dtype="int64")]
    # pair (p, p + d) at flat index p * (window - 1) + d - 1: position first, then distance
    ahead = np.stack([padded[d : d + n] for d in range(1, window)], axis=1).ravel()
    behind = np.repeat(stream, window - 1)
    ok = (behind >= 0) & (ahead >= 0)
    key = behind[ok] * np.int64(width + 1) + ahead[ok]
    code, distinct = pd.factorize(key)
    count = np.bincount(code, minlength=len(distinct)) if len(code) else np.zeros(0, "int64")
    distinct = np.asarray(distinct, dtype="int64")
    return distinct // (width + 1), distinct % (width + 1), count


def pair_scores(n_ii: np.ndarray, n_ix: np.ndarray, n_xi: np.ndarray, n_xx: int) -> dict[str, np.ndarray]:
    """NLTK's ``BigramAssocMeasures`` pmi, likelihood_ratio and student_t for arrays of marginals.

    The same IEEE operations in the same order as NLTK's, so the values are NLTK's to the last bit;
    logarithms and square roots are taken by Python's ``math`` (as NLTK does), not by numpy's SIMD
    loops, which may differ in the last bit from one CPU to another.

    Args:
        n_ii: The pairs' counts (divided by ``window - 1``, as NLTK's finder does), floats.
        n_ix: The first words' counts.
        n_xi: The second words' counts.
        n_xx: The number of words.

    Returns:
        dict[str, numpy.ndarray]: ``pmi``, ``likelihood_ratio``, ``t_score``.
    """
    small = 1e-20

    def each(fn: Any, values: np.ndarray) -> np.ndarray:
        return np.array([fn(v) for v in values.tolist()], dtype=float)

    n_ix, n_xi = n_ix.astype("int64"), n_xi.astype("int64")
    product = (n_ix * n_xi).astype(float)
    pmi = each(math.log2, n_ii * float(n_xx)) - each(math.log2, product)
    t_score = (n_ii - product / float(n_xx)) / each(lambda v: v**0.5, n_ii + small)
    n_oi = n_xi - n_ii
    n_io = n_ix - n_ii
    cont = (n_ii, n_oi, n_io, float(n_xx) - n_ii - n_oi - n_io)
    total = 0.0 + cont[0] + cont[1] + cont[2] + cont[3]
    lr = np.zeros(len(n_ii))
    for i in range(4):
        expected = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / total
        lr = lr + cont[i] * each(math.log, cont[i] / (expected + small) + small)
    return {"pmi": pmi, "likelihood_ratio": 2 * lr, "t_score": t_score}


# --------------------------------------------------------------------------
# TF-IDF
# --------------------------------------------------------------------------


def tfidf(
    tokens: pd.DataFrame,
    *,
    by: str = "lemma",
    across: str = "auto",
    uncounted: bool = False,
    numbers: bool = False,
    top: int | None = None,
) -> pd.DataFrame:
    """TF-IDF of terms across paragraphs (one article) or across documents (several).

    ``tf`` is the term's count divided by the unit's kept tokens; ``idf`` is
    ``ln(n_units / df)`` (a term in every unit scores 0).

    Args:
        tokens (pandas.DataFrame): A tokens table.
        by (str): Unit of terms.
        across (str): ``segments`` (each counted segment of each document is a unit),
            ``documents`` (each ``doc_id``), or ``auto`` (documents when there are several).
        uncounted (bool): Keep left-out segments (as units of their own).
        numbers (bool): Keep numbers.
        top (int | None): Keep the ``top`` best terms of each unit.

    Returns:
        pandas.DataFrame: ``doc_id`` (+ ``seg`` across segments), ``term``, ``count``, ``tf``,
        ``df``, ``idf``, ``tfidf``; best first within each unit; ``attrs["rule"]``.
    """
    _column(tokens, by)  # checks `by` and its column before any work
    docs = _doc_ids(tokens)
    if across == "auto":
        across = "documents" if len(set(docs)) > 1 else "segments"
    if across not in ("segments", "documents"):
        raise ValueError(f"across must be segments, documents or auto, not {across!r}")
    keep = _keep(tokens, numbers=numbers, uncounted=uncounted)
    keys = ["doc_id", "seg"] if across == "segments" else ["doc_id"]
    # by integer codes, every unit at once: (unit, term) pairs in order of first occurrence, as a
    # groupby without sorting gives them
    doc_code, doc_names = _kept_codes(tokens, keep)
    unit = doc_code.astype("int64")
    if across == "segments":
        seg = tokens.loc[keep, "seg"].to_numpy(dtype="int64")
        seg_code = pd.factorize(seg)[0].astype("int64")
        unit = pd.factorize(unit * np.int64(seg_code.max() + 1 if len(seg) else 1) + seg_code)[0].astype("int64")
    term_code, term_names = _kept_codes(tokens, keep, by=by)
    pair_code, pairs = pd.factorize(unit * np.int64(len(term_names) + 1) + term_code)
    first = first_rows(pair_code)
    count = np.bincount(pair_code, minlength=len(first)).astype("int64")
    unit_of, term_of = unit[first], term_code[first]
    counts = pd.DataFrame({"doc_id": np.asarray(doc_names, dtype=object)[doc_code[first]]})
    if across == "segments":
        counts["seg"] = seg[first]
    counts["term"] = np.asarray(term_names, dtype=object)[term_of]
    counts["count"] = count
    counts["tf"] = count / np.bincount(unit, minlength=int(unit.max()) + 1 if len(unit) else 0)[unit_of]
    n_units = len(distinct_sorted(unit_of))
    counts["df"] = np.bincount(term_of, minlength=len(term_names)).astype("int64")[term_of]
    counts["idf"] = exactmath.log(n_units / counts["df"].to_numpy()) if n_units else 0.0
    counts["tfidf"] = counts["tf"] * counts["idf"]
    out = sort_ranked(counts, keys + ["tfidf", "term"], [True] * len(keys) + [False, True])
    if top is not None:
        out = out.groupby(keys, sort=False).head(top).reset_index(drop=True)
    out = out[keys + ["term", "count", "tf", "df", "idf", "tfidf"]]
    out.attrs["rule"] = (
        _rule(by, stopwords=False, punct=False, numbers=numbers, uncounted=uncounted)
        + f"; units = {across} ({n_units}); tf = count / unit tokens; idf = ln(units / df)"
    )
    return out


# --------------------------------------------------------------------------
# Concordance, dispersion, trends
# --------------------------------------------------------------------------


def _match(tokens: pd.DataFrame, term: str, by: str, *, uncounted: bool) -> tuple[np.ndarray, int, np.ndarray]:
    """Rows (positions in ``tokens``) where ``term`` (one or more words) starts.

    Matching is case-insensitive on ``lemma``/``norm``/``stem``, exact on ``form``.
    Punctuation is skipped inside multi-word terms.

    Returns:
        tuple: start positions, number of words, and the positions of non-punctuation tokens.
    """
    from ..text.tokens import tokenize

    words = [t for t in tokenize(term)["text"] if t.strip()]
    column = _column(tokens, by)
    codes, distinct = _encoded(tokens, column)  # compared once per distinct value
    if by != "form":
        distinct = np.array([v.lower().replace("’", "'") for v in distinct], dtype=object)
        words = [w.lower().replace("’", "'") for w in words]
    if by == "stem":
        from ..text.stems import stemmer

        words = [stemmer().stem(w) for w in words]
    elif by == "lemma" and len(words) > 1:
        pass  # multi-word lemma queries are given as lemmas, word by word
    keep = ~tokens["is_punct"].to_numpy(dtype=bool)
    if not uncounted and "counted" in tokens.columns:
        keep &= tokens["counted"].to_numpy(dtype=bool)
    pos = np.flatnonzero(keep)
    vals = codes[pos]
    docs = _encoded(tokens, "doc_id")[0][pos] if "doc_id" in tokens.columns else np.zeros(len(pos), "int64")
    k = len(words)
    if k == 0 or len(vals) < k:
        return np.zeros(0, dtype="int64"), k, pos
    hit = np.ones(len(vals) - k + 1, dtype=bool)
    for j, w in enumerate(words):
        hit &= (distinct == w)[vals[j : len(vals) - k + 1 + j]]
        hit &= docs[j : len(vals) - k + 1 + j] == docs[: len(vals) - k + 1]
    return np.flatnonzero(hit), k, pos


def kwic(
    tokens: pd.DataFrame,
    term: str,
    *,
    text: str | Mapping[str, str] | None = None,
    by: str = "lemma",
    window: int = 8,
    chars: bool = False,
    uncounted: bool = False,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a term with what comes before and after.

    Args:
        tokens (pandas.DataFrame): A tokens table.
        term (str): The term (one or more words), matched by ``by``.
        text (str | Mapping[str, str] | None): The raw text (or texts by ``doc_id``); the context
            is cut from it. Without it, context is rebuilt from token texts joined by spaces.
        by (str): ``lemma`` (every form: "missile" finds "missiles"), ``form`` (exact),
            ``norm`` or ``stem``.
        window (int): Context size on each side, in tokens (or characters with ``chars``).
        chars (bool): Count the window in characters.
        uncounted (bool): Also search left-out segments.

    Returns:
        pandas.DataFrame: ``doc_id``, ``seg``, ``sent``, ``start``, ``end``, ``left``, ``node``,
        ``right``, in text order; ``start``/``end`` are the node's offsets in the raw text.
    """
    hits, k, pos = _match(tokens, term, by, uncounted=uncounted)
    cols = ["doc_id", "seg", "sent", "start", "end", "left", "node", "right"]
    starts = tokens["start"].to_numpy(dtype="int64")
    ends = tokens["end"].to_numpy(dtype="int64")
    text_code, text_names = _encoded(tokens, "text")
    texts = text_names[text_code]  # ``astype(str)``, from the column's shared codes
    # each document's first and last row, by the codes of its ``doc_id`` (no string hashed per row)
    if "doc_id" in tokens.columns:
        doc_code, doc_names = _encoded(tokens, "doc_id")
    else:
        doc_code, doc_names = np.zeros(len(tokens), dtype="int64"), np.array(["doc"], dtype=object)
    row = np.arange(len(doc_code), dtype="int64")
    low, high = np.full(len(doc_names), len(doc_code), dtype="int64"), np.full(len(doc_names), -1, dtype="int64")
    np.minimum.at(low, doc_code, row)
    np.maximum.at(high, doc_code, row)
    rows = []
    segs = tokens["seg"].to_numpy() if "seg" in tokens.columns else None
    sents = tokens["sent"].to_numpy() if "sent" in tokens.columns else None
    for h in hits:
        first, last = pos[h], pos[h + k - 1]
        doc = doc_names[doc_code[first]]
        raw = text.get(doc) if isinstance(text, Mapping) else text
        s, e = int(starts[first]), int(ends[last])
        lo_row, hi_row = int(low[doc_code[first]]), int(high[doc_code[first]])
        if raw is not None:
            node = raw[s:e]
            if chars:
                left, right = raw[max(0, s - window) : s], raw[e : e + window]
            else:
                a = max(lo_row, first - window)
                b = min(hi_row, last + window)
                left, right = raw[starts[a] : s], raw[e : ends[b]]
            left = " ".join(left.split())
            right = " ".join(right.split())
        else:
            node = " ".join(texts[first : last + 1])
            if chars:
                left = " ".join(texts[lo_row:first])[-window:]
                right = " ".join(texts[last + 1 : hi_row + 1])[:window]
            else:
                left = " ".join(texts[max(lo_row, first - window) : first])
                right = " ".join(texts[last + 1 : min(hi_row, last + window) + 1])
        seg = int(segs[first]) if segs is not None else -1
        sent = int(sents[first]) if sents is not None else -1
        rows.append((doc, seg, sent, s, e, left, node, right))
    out = pd.DataFrame(rows, columns=cols)
    out.attrs["rule"] = (
        f"{term!r} matched by {by}; window {window} {'characters' if chars else 'tokens'}; {_RULE_SEGMENTS[uncounted]}"
    )
    return out


def _lowered(tokens: pd.DataFrame, by: str, pos: np.ndarray) -> np.ndarray:
    """The values of unit ``by`` at rows ``pos``, lowercased (``str.lower``, once per distinct value)."""
    codes, distinct = _encoded(tokens, _column(tokens, by))
    needed, at = distinct_inverse(codes[pos])
    return np.array([v.lower() for v in distinct[needed]], dtype=object)[at.reshape(-1)]


def _lowered_codes(tokens: pd.DataFrame, by: str, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_lowered` as integer codes (equal where the lowercased values are) and the distinct
    lowercased values, without hashing a string per row."""
    codes, distinct = _encoded(tokens, _column(tokens, by))
    needed, at = distinct_inverse(codes[pos])
    lower_code, lower_names = pd.factorize(np.array([v.lower() for v in distinct[needed]], dtype=object))
    return lower_code[at.reshape(-1)].astype("int64"), np.asarray(lower_names, dtype=object)


def _ranked_words(tokens: pd.DataFrame, *, uncounted: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Kept word tokens (no punctuation), their doc ids, their rank among their document's words and
    their document's number of words (integer codes: no per-document grouping)."""
    keep = ~tokens["is_punct"].to_numpy(dtype=bool)
    if not uncounted and "counted" in tokens.columns:
        keep &= tokens["counted"].to_numpy(dtype=bool)
    pos = np.flatnonzero(keep)
    code, names = _kept_codes(tokens, pos)
    docs = names[code]
    code = code.astype("int64")
    counts = np.bincount(code)
    order = np.argsort(code, kind="stable")
    rank = np.empty(len(code), dtype="int64")
    rank[order] = np.arange(len(code)) - np.concatenate([[0], np.cumsum(counts)[:-1]])[code[order]]
    return pos, docs, rank, counts[code]


def _positions(tokens: pd.DataFrame, *, uncounted: bool) -> tuple[np.ndarray, np.ndarray]:
    """Kept word tokens (no punctuation) and their relative position 0-1 in their document."""
    pos, _, rank, size = _ranked_words(tokens, uncounted=uncounted)
    rel = np.where(size > 1, rank / np.maximum(size - 1, 1), 0.0)
    return pos, rel


def dispersion(
    tokens: pd.DataFrame, terms: Sequence[str], *, by: str = "lemma", uncounted: bool = False
) -> pd.DataFrame:
    """Where each term falls in the text: one row per occurrence, position normalised 0-1.

    Args:
        tokens (pandas.DataFrame): A tokens table.
        terms (Sequence[str]): Terms to place (single words, matched case-insensitively by ``by``).
        by (str): Unit.
        uncounted (bool): Keep left-out segments (positions then include them).

    Returns:
        pandas.DataFrame: ``doc_id``, ``term``, ``i``, ``start``, ``end``, ``position``
        (0 = first word of the document's kept words, 1 = last), in the order of ``terms``.
    """
    pos, rel = _positions(tokens, uncounted=uncounted)
    values = _lowered(tokens, by, pos)
    docs = _doc_ids(tokens)[pos]
    frames = []
    for term in terms:
        hit = np.flatnonzero(values == term.lower())
        rows = pos[hit]
        frames.append(
            pd.DataFrame(
                {
                    "doc_id": docs[hit],
                    "term": term,
                    "i": tokens["i"].to_numpy(dtype="int64")[rows],
                    "start": tokens["start"].to_numpy(dtype="int64")[rows],
                    "end": tokens["end"].to_numpy(dtype="int64")[rows],
                    "position": rel[hit],
                }
            )
        )
    out = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["doc_id", "term", "i", "start", "end", "position"])
    )
    out.attrs["rule"] = f"matched by {by}; position over words (punctuation left out); {_RULE_SEGMENTS[uncounted]}"
    return out


def _parts(tokens: pd.DataFrame, parts: int, uncounted: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Kept words, the equal part (0..parts-1, by word rank) each falls in, and their doc ids."""
    pos, docs, rank, size = _ranked_words(tokens, uncounted=uncounted)
    part = np.minimum(rank * parts // np.maximum(size, 1), parts - 1)
    return pos, part, docs


def dispersion_scores(
    tokens: pd.DataFrame,
    terms: Sequence[str] | None = None,
    *,
    by: str = "lemma",
    parts: int = 10,
    min_count: int = 2,
    uncounted: bool = False,
) -> pd.DataFrame:
    """How evenly each term is spread: Juilland's D and Gries' DP over N equal parts.

    With ``v_i`` the share of the term's occurrences in part ``i`` and ``s_i``
    the part's share of the words, Gries' DP = ½ Σ |v_i − s_i| (0 = even,
    → 1 = all in one place) and DP_norm = DP / (1 − min s_i). Juilland's D =
    1 − (σ/μ) / √(n − 1), on the term's relative frequency in each part
    (1 = even, 0 = all in one part).

    Args:
        tokens (pandas.DataFrame): A tokens table.
        terms (Sequence[str] | None): Terms to score; default every term (stopwords excluded)
            seen at least ``min_count`` times.
        by (str): Unit.
        parts (int): Number of equal parts of each document.
        min_count (int): Smallest count when ``terms`` is None.
        uncounted (bool): Keep left-out segments.

    Returns:
        pandas.DataFrame: ``doc_id``, ``term``, ``count``, ``juilland_d``, ``gries_dp``,
        ``gries_dp_norm``; most frequent first.
    """
    pos, part, docs = _parts(tokens, parts, uncounted)
    # the lowercased values as codes (their numbering never reaches the output: rows are ordered by
    # count and term)
    val_code, val_uniq = _lowered_codes(tokens, by, pos)
    stop = tokens["is_stop"].to_numpy(dtype=bool)[pos]
    doc_code, doc_names = pd.factorize(docs)  # documents in order of first appearance
    n_docs, width = len(doc_names), len(val_uniq) + 1
    lookup = {v: i for i, v in enumerate(val_uniq)}
    # the (document, term) rows asked for, in the order the per-document loop gave them
    if terms is None:
        kept = ~stop
        uniq, counts = np.unique(doc_code[kept].astype("int64") * width + val_code[kept], return_counts=True)
        often = counts >= min_count
        by_doc: dict[int, list[tuple[int, str]]] = {}
        for key, n in zip(uniq[often].tolist(), counts[often].tolist()):
            by_doc.setdefault(key // width, []).append((-n, val_uniq[key % width]))
        row_doc = [d for d in range(n_docs) for _ in by_doc.get(d, [])]
        row_term = [t for d in range(n_docs) for _, t in sorted(by_doc.get(d, []))]
    else:
        row_doc = [d for d in range(n_docs) for _ in terms]
        row_term = [t for _ in range(n_docs) for t in terms]
    rows: list[tuple] = []
    if row_doc:
        sizes = np.bincount(doc_code * parts + part, minlength=n_docs * parts).reshape(n_docs, parts).astype(float)
        token_key = doc_code.astype("int64") * width + val_code
        token_pair, keys = pd.factorize(token_key)  # the (document, term) of each token, as codes
        # each (document, term) row's count per part: whole numbers, counted exactly as floats
        f_all = np.bincount(token_pair * parts + part, minlength=len(keys) * parts)
        f_all = f_all.reshape(len(keys), parts).astype(float)
        row_key = np.array(
            [d * width + lookup.get(t.lower(), width - 1) for d, t in zip(row_doc, row_term)], dtype="int64"
        )
        at = pd.Index(keys).get_indexer(row_key)  # -1: the document never uses the term
        f = np.where((at >= 0)[:, None], f_all[np.maximum(at, 0)], 0.0)
        size = sizes[np.asarray(row_doc)]
        share = size / size.sum(axis=1, keepdims=True)
        total = f.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            dp = 0.5 * np.abs(f / total[:, None] - share).sum(axis=1)
            low = share.min(axis=1)
            dpn = np.where(low < 1, dp / (1 - low), np.nan)
            rel = np.divide(f, size, out=np.zeros_like(f), where=size > 0)
            mean = rel.mean(axis=1)
            d = np.where((mean > 0) & (parts > 1), 1 - (rel.std(axis=1) / mean) / math.sqrt(max(parts - 1, 1)), np.nan)
        for r, (doc_r, term) in enumerate(zip(row_doc, row_term)):
            if total[r] == 0:
                rows.append((doc_names[doc_r], term, 0, np.nan, np.nan, np.nan))
            else:
                rows.append((doc_names[doc_r], term, int(total[r]), float(d[r]), float(dp[r]), float(dpn[r])))
    out = pd.DataFrame(rows, columns=["doc_id", "term", "count", "juilland_d", "gries_dp", "gries_dp_norm"])
    out = out.sort_values(
        ["doc_id", "count", "term"], ascending=[True, False, True], kind="mergesort", ignore_index=True
    )
    out.attrs["rule"] = (
        f"by {by}; {parts} equal parts of each document's words; Juilland's D on relative "
        f"frequencies per part; Gries' DP (and DP/(1-min s)) with part sizes as expected shares; "
        f"{_RULE_SEGMENTS[uncounted]}"
    )
    return out


def trends(
    tokens: pd.DataFrame, terms: Sequence[str], *, by: str = "lemma", parts: int = 10, uncounted: bool = False
) -> pd.DataFrame:
    """Relative frequency of each term in N equal parts of each document (Voyant's *Trends*).

    Args:
        tokens (pandas.DataFrame): A tokens table.
        terms (Sequence[str]): Terms (matched case-insensitively by ``by``).
        by (str): Unit.
        parts (int): Number of equal parts (by word count).
        uncounted (bool): Keep left-out segments.

    Returns:
        pandas.DataFrame: ``doc_id``, ``term``, ``part`` (1..N), ``count``, ``part_words``,
        ``per_1000`` (count per 1,000 words of the part), ``start``/``end`` (offsets of the part).
    """
    pos, part, docs = _parts(tokens, parts, uncounted)
    values = _lowered(tokens, by, pos)
    starts = tokens["start"].to_numpy(dtype="int64")[pos]
    ends = tokens["end"].to_numpy(dtype="int64")[pos]
    cols = ["doc_id", "term", "part", "count", "part_words", "per_1000", "start", "end"]
    doc_code, doc_names = pd.factorize(docs)  # documents in order of first appearance
    n_docs, n_terms = len(doc_names), len(terms)
    if not n_docs or not n_terms:
        return _with_rule(pd.DataFrame([], columns=cols), by, parts, uncounted)
    cell = doc_code.astype("int64") * parts + part  # (document, part) of each word, all documents at once
    sizes = np.bincount(cell, minlength=n_docs * parts)
    first = np.full(n_docs * parts, len(cell), dtype="int64")
    last = np.full(n_docs * parts, -1, dtype="int64")
    np.minimum.at(first, cell, np.arange(len(cell)))
    np.maximum.at(last, cell, np.arange(len(cell)))
    empty = sizes == 0
    part_start = np.where(empty, -1, starts[np.minimum(first, len(cell) - 1)])
    part_end = np.where(empty, -1, ends[np.maximum(last, 0)])
    counts = np.stack([np.bincount(cell[values == t.lower()], minlength=n_docs * parts) for t in terms])
    counts = counts.reshape(n_terms, n_docs, parts).transpose(1, 0, 2).reshape(-1)  # document, term, part
    size_rows = np.tile(sizes.reshape(n_docs, 1, parts), (1, n_terms, 1)).reshape(-1)
    per_1000 = np.divide(1000 * counts, size_rows, out=np.zeros(len(counts)), where=size_rows > 0)
    out = pd.DataFrame(
        {
            "doc_id": np.repeat(np.asarray(doc_names, dtype=object), n_terms * parts),
            "term": np.tile(np.repeat(np.asarray(list(terms), dtype=object), parts), n_docs),
            "part": np.tile(np.arange(1, parts + 1, dtype="int64"), n_docs * n_terms),
            "count": counts.astype("int64"),
            "part_words": size_rows.astype("int64"),
            "per_1000": per_1000,
            "start": np.tile(part_start.reshape(n_docs, 1, parts), (1, n_terms, 1)).reshape(-1),
            "end": np.tile(part_end.reshape(n_docs, 1, parts), (1, n_terms, 1)).reshape(-1),
        }
    )
    return _with_rule(out, by, parts, uncounted)


def _with_rule(out: pd.DataFrame, by: str, parts: int, uncounted: bool) -> pd.DataFrame:
    """The trends table with the rule it follows in ``attrs["rule"]``."""
    out.attrs["rule"] = f"by {by}; {parts} equal parts by words (punctuation left out); {_RULE_SEGMENTS[uncounted]}"
    return out


# --------------------------------------------------------------------------
# NLTK bridge and key terms
# --------------------------------------------------------------------------


def to_nltk_text(
    tokens: pd.DataFrame, *, by: str = "form", punct: bool = True, uncounted: bool = False, name: str | None = None
):
    """Our tokens as an ``nltk.text.Text`` (concordance, similar, dispersion_plot...).

    Args:
        tokens (pandas.DataFrame): A tokens table.
        by (str): ``form``, ``norm``, ``lemma`` or ``stem``.
        punct (bool): Keep punctuation tokens.
        uncounted (bool): Keep tokens of left-out segments.
        name (str | None): The Text's name (default: the doc ids).

    Returns:
        nltk.text.Text: The text.
    """
    from nltk.text import Text

    keep = _keep(tokens, stopwords=True, punct=punct, uncounted=uncounted)
    words = tokens.loc[keep, _column(tokens, by)].astype(str).tolist()
    return Text(words, name=name or ", ".join(pd.unique(_doc_ids(tokens)).tolist()))
