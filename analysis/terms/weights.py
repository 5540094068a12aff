"""Key terms, step 2: the weight of each content word of every document (see
:mod:`analysis.terms.keyterms`), for all documents at once.

A word weighs ``tf × specificity × boost``: its frequency in the document (occurrences inside names
count too), how much rarer it is in general French than a common word (wordfreq's Zipf scale, over
the lemma and its forms seen in the document) and the boost of the title, the lede and the first
sentence it is seen in. Only the specificity (wordfreq) and ``tf ** tf_power`` are computed in
Python, once per distinct value; the rest are integer codes.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import numpy as np
import pandas as pd

from .candidates import row_codes as _codes
from .candidates import zipf as _zipf
from .candidates import zipfs as _zipfs
from .units import distinct_inverse, distinct_sorted, encoded, first_rows

__all__ = ["NOT_ALONE", "doc_context", "object_column", "specificities", "specificity", "word_weights"]


#: Nouns of time and measure that say when or how much, never what a text is about: never a key
#: term alone (they stay inside longer terms, "5 juillet 1962").
NOT_ALONE: frozenset[str] = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche an année mois semaine jour journée heure minute "
    "seconde matin soir nuit midi veille lendemain hier fois euro dollar centime million milliard millier "
    "centaine dizaine pourcent % km kilomètre mètre kg tonne dernier prochain".split()
)


def specificity(lemma: str, forms: set[str], weights: dict[str, float]) -> float:
    """How much rarer than a common word a lemma is in general French (Zipf scale, lemma + its forms).

    The frequencies are summed in sorted order of the words: a set's order changes with Python's
    hash randomisation, and floating-point addition is not associative.
    """
    freq = sum(10 ** (_zipf(w) - 9) for w in sorted({lemma, *forms}) if _zipf(w) > 0)
    zipf = math.log10(freq * 1e9) if freq > 0 else 0.0
    return max(weights["spec_floor"], weights["zipf_common"] - zipf) ** weights["spec_power"]


def object_column(values: np.ndarray) -> pd.Series | np.ndarray:
    """An object array as a column kept as Python objects (pandas would build a string array of it)."""
    return pd.Series(values, dtype=object) if values.dtype == object else values


def doc_context(tokens: pd.DataFrame, cands: pd.DataFrame, segments: pd.DataFrame | None, words: pd.DataFrame | None):
    """Per document (built once for all documents): the forms of each lemma (the distinct
    (document, word, norm), as codes: ``doc``, ``word``, ``norm``, and the strings they stand for:
    ``doc_names``, ``word_names``, ``norm_names``), the title's sentences, the content words with
    their sentences, the sentences of candidates."""
    # the distinct (document, lowercased lemma, norm), in order of first occurrence, by integer codes
    doc_code, doc_names = encoded(tokens, "doc_id")
    lemma_code, lemma_names = encoded(tokens, "lemma")
    # lowercased as the string dtype does it (``Series.str.lower``), as before
    lower = pd.Series(lemma_names, dtype=object).astype(str).str.lower().to_numpy(dtype=object)
    lower_code, lower_names = pd.factorize(lower)
    norm_code, norm_names = encoded(tokens, "norm")
    # only the lemmas of candidates' words are weighed (and need their forms): the tokens of those
    one = first_rows(cands["span_code"].to_numpy(dtype="int64")) if "span_code" in cands.columns else slice(None)
    needed = {w for words_of in set(cands["words"].to_numpy(dtype=object)[one].tolist()) for w in words_of}
    wanted = np.array([x in needed for x in lower_names], dtype=bool)
    rows = np.flatnonzero(wanted[lower_code[lemma_code]])
    first = rows[first_rows(_codes(doc_code[rows], lower_code[lemma_code[rows]], norm_code[rows]))]
    forms = {
        "doc": doc_code[first],
        "doc_names": doc_names,
        "word": lower_code[lemma_code[first]].astype("int64"),
        "word_names": np.asarray(lower_names, dtype=object),
        "norm": norm_code[first],
        "norm_names": norm_names,
    }
    title_sents: dict[str, set[int]] = defaultdict(set)
    if segments is not None and len(segments) and "sent" in tokens.columns:
        # the sentences of every title segment's tokens, all documents at once
        titles = segments[(segments["kind"] == "title").to_numpy()]
        title_doc = pd.Index(doc_names, dtype=object).get_indexer(titles["doc_id"].astype(str).to_numpy(dtype=object))
        title_seg = titles["seg"].to_numpy(dtype="int64")[title_doc >= 0]
        seg, sent = tokens["seg"].to_numpy(dtype="int64"), tokens["sent"].to_numpy(dtype="int64")
        width = np.int64(max(int(seg.max(initial=0)), int(title_seg.max(initial=0))) + 1)
        hit = np.isin(doc_code * width + seg, title_doc[title_doc >= 0] * width + title_seg)
        sent_width = np.int64(int(sent.max(initial=0)) + 1)
        pair = distinct_sorted(doc_code[hit] * sent_width + sent[hit])  # (document, sentence) of titles
        for d, s in zip((pair // sent_width).tolist(), (pair % sent_width).tolist()):
            title_sents[doc_names[d]].add(s)
    if words is None:  # the one-word candidates
        one = (cands["n_words"] == 1).to_numpy()
        words = pd.DataFrame(
            {
                "doc_id": object_column(cands["doc_id"].to_numpy(dtype=object)[one]),
                "word": object_column(cands["key"].to_numpy(dtype=object)[one]),
                "sent": cands["sent"].to_numpy(dtype="int64")[one],
            }
        )
        if "doc" in cands.columns:
            words["doc"] = cands["doc"].to_numpy(dtype="int64")[one]
    return forms, title_sents, words


def word_weights(
    agg: pd.DataFrame,
    cands: pd.DataFrame,
    words: pd.DataFrame,
    title_sents: dict[str, set[int]],
    forms: dict[str, np.ndarray],
    w: dict[str, float],
    doc_strings: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The mean weight of the words of every aggregated candidate (step 2), all documents at once,
    and whether its words are only words of time or measure (:data:`NOT_ALONE`) and numbers.

    Documents are read by their codes (a ``doc`` column in ``agg``, ``words`` and ``cands``) when
    all three have them and ``doc_strings`` gives their ``doc_id`` by code, else by their ``doc_id``.

    A word's frequency, first sentence and title flag come from the content words (``words``), the
    lede and the sentence ranks from the candidates' sentences outside the title; only the
    specificity (wordfreq) and ``tf ** tf_power`` are computed in Python, once per distinct value.
    A candidate's word weights are added one word after the other, in the order of its words (as
    Python's ``sum`` of a list does on 3.11), then divided by their number.
    """
    n_per, flat_words, word_at = _candidate_words(agg, cands)
    if doc_strings is not None and all("doc" in t.columns for t in (agg, words, cands)):
        need_doc = np.repeat(agg["doc"].to_numpy(dtype="int64"), n_per)
        doc_code, doc_of = pd.factorize(
            np.r_[need_doc, words["doc"].to_numpy(dtype="int64"), cands["doc"].to_numpy(dtype="int64")]
        )
        doc_names = np.asarray(doc_strings, dtype=object)[doc_of]  # as factorizing the doc_id gives them
    else:
        need_doc = np.repeat(agg["doc_id"].to_numpy(dtype=object), n_per)
        doc_code, doc_names = pd.factorize(
            np.r_[need_doc, words["doc_id"].to_numpy(dtype=object), cands["doc_id"].to_numpy(dtype=object)]
        )
    word_code, word_names = pd.factorize(np.r_[flat_words, words["word"].to_numpy(dtype=object)])
    word_code = np.r_[word_code[: len(flat_words)][word_at], word_code[len(flat_words) :]]
    n_need, n_words = len(word_at), len(words)
    width = np.int64(len(word_names) + 1)
    pair = doc_code[: n_need + n_words].astype("int64") * width + word_code
    need_pair, pairs = pd.factorize(pair[:n_need])  # the (document, word) to weigh, and each needed word's
    pairs = np.asarray(pairs, dtype="int64")
    at = pd.Index(pairs).get_indexer(pair[n_need:])  # each content word's pair (-1: not weighed)
    seen = at >= 0
    tf = np.bincount(at[seen], minlength=len(pairs))
    sent_w = words["sent"].to_numpy(dtype="int64")
    first = np.full(len(pairs), np.iinfo("int64").max)
    np.minimum.at(first, at[seen], sent_w[seen])
    first = np.where(tf > 0, first, -1)
    # the title's sentences and the body (candidates' sentences outside the title), by (document, sentence)
    title_keys = [(d, s) for d, ss in title_sents.items() for s in ss]
    sent_width = np.int64(
        max(
            [int(np.max(sent_w, initial=0)), int(cands["sent"].max()) if len(cands) else 0] + [s for _, s in title_keys]
        )
        + 2
    )
    doc_index = {d: k for k, d in enumerate(doc_names)}
    title_key = np.array([doc_index[d] * sent_width + s + 1 for d, s in title_keys if d in doc_index], dtype="int64")
    word_doc = doc_code[n_need : n_need + n_words].astype("int64")
    in_title = np.zeros(len(pairs), dtype=bool)
    titled = seen & np.isin(word_doc * sent_width + sent_w + 1, title_key)
    in_title[at[titled]] = True
    cand_doc = doc_code[n_need + n_words :].astype("int64")
    body_key = distinct_sorted(cand_doc * sent_width + cands["sent"].to_numpy(dtype="int64") + 1)
    body_key = body_key[~np.isin(body_key, title_key)]  # sorted: by document, then sentence
    body_doc = body_key // sent_width
    body_start = np.searchsorted(body_doc, np.arange(len(doc_names)))
    body_size = np.bincount(body_doc, minlength=len(doc_names))
    pair_doc = pairs // width
    key = pair_doc * sent_width + first + 1
    found = np.minimum(np.searchsorted(body_key, key), max(len(body_key) - 1, 0))
    in_body = (body_key[found] == key) if len(body_key) else np.zeros(len(pairs), dtype=bool)
    rank = np.where(in_body, found - body_start[pair_doc], body_size[pair_doc])
    lede = in_body & (rank < int(w["lede_sentences"]))
    boost = np.where(in_title, 1.0 + w["title_boost"], np.where(lede, 1.0 + w["lede_boost"], 1.0))
    boost = boost * (1 + w["position"] / (1 + rank))
    tf = np.where(tf > 0, tf, 1)
    powers = {t: float(t) ** w["tf_power"] for t in distinct_sorted(tf).tolist()}
    specificity = specificities(pairs, width, doc_names, word_names, forms, w)
    weight = (np.array([powers[t] for t in tf.tolist()]) * specificity * boost)[need_pair]
    offset = np.cumsum(n_per) - n_per
    # only words of time or measure and numbers ("juin", "millions d'euros"): once per distinct word
    timely = np.array([x in NOT_ALONE or x.isdigit() for x in word_names], dtype=bool)[word_code[:n_need]]
    never = np.ones(len(n_per), dtype=bool)  # all() of no words is true
    if n_need:
        never[n_per > 0] = np.logical_and.reduceat(timely, offset[n_per > 0])
    total = np.zeros(len(n_per))
    for j in range(int(n_per.max(initial=0))):  # word j of every candidate having one
        has = np.flatnonzero(n_per > j)
        total[has] = total[has] + weight[offset[has] + j]
    return total / np.maximum(n_per, 1), never


def _candidate_words(agg: pd.DataFrame, cands: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How many content words each aggregated candidate has, and all of them in a row, as
    ``words[at]``: ``(n_per, words, at)``.

    With the candidates' ``span_code`` (:func:`~analysis.terms.candidates.candidate_rows`: equal
    codes, equal words), ``words`` are those of each distinct sequence of tokens, read once."""
    if "span_code" not in agg.columns or "span_code" not in cands.columns:
        n_per = np.array([len(x) for x in agg["words"].tolist()], dtype="int64")
        flat = np.array([x for ws in agg["words"].tolist() for x in ws], dtype=object)
        return n_per, flat, np.arange(len(flat))
    spans = cands["span_code"].to_numpy(dtype="int64")  # in order of first appearance
    words_of = cands["words"].to_numpy(dtype=object)[first_rows(spans)].tolist()
    size = np.array([len(x) for x in words_of], dtype="int64")
    flat = np.array([x for ws in words_of for x in ws], dtype=object)
    code = agg["span_code"].to_numpy(dtype="int64")
    n_per = size[code]
    offset = (np.cumsum(size) - size)[code]
    within = np.arange(int(n_per.sum())) - np.repeat(np.cumsum(n_per) - n_per, n_per)
    return n_per, flat, np.repeat(offset, n_per) + within


def specificities(
    pairs: np.ndarray,
    width: np.int64,
    doc_names: Any,
    word_names: Any,
    forms: dict[str, np.ndarray],
    w: dict[str, float],
) -> np.ndarray:
    """The specificity (:func:`specificity`) of each (document, word) pair (``document code × width +
    word code``), every pair at once.

    A pair's forms are the norms ``forms`` (:func:`doc_context`) gives its document and word. Each
    pair's strings (its word and its forms, without repeats) are put in sorted order; the Zipf
    frequency (wordfreq) is looked up once per distinct string, and the frequencies are added string
    after string, one position at a time for all pairs (the additions of :func:`specificity`'s
    ``sum``, in its order); the logarithm and the power run once per distinct sum. Documents and words
    are matched once per distinct string.
    """
    doc_at = pd.Index(doc_names, dtype=object).get_indexer(np.asarray(forms["doc_names"], dtype=object))[forms["doc"]]
    word_at = pd.Index(word_names, dtype=object).get_indexer(forms["word_names"])[forms["word"]]
    norm_code, norm_names = forms["norm"], forms["norm_names"]
    known = (doc_at >= 0) & (word_at >= 0)
    at = np.full(len(norm_code), -1, dtype="int64")
    at[known] = pd.Index(pairs).get_indexer(doc_at[known].astype("int64") * width + word_at[known])
    pair_of, norm_of = at[at >= 0], norm_code[at >= 0].astype("int64")
    word = (pairs % width).astype("int64")
    # the strings: every pair's word, then its forms; ranked in sorted order (as ``sorted`` orders str)
    used_word, word_inverse = distinct_inverse(word)
    used_norm, norm_inverse = distinct_inverse(norm_of)
    strings = np.r_[np.asarray(word_names, dtype=object)[used_word], np.asarray(norm_names, dtype=object)[used_norm]]
    ranked, rank = np.unique(strings, return_inverse=True)
    element_pair = np.r_[np.arange(len(pairs), dtype="int64"), pair_of]
    element_rank = np.r_[rank[word_inverse], rank[len(used_word) + norm_inverse]].astype("int64")
    zipf = np.array(_zipfs(ranked.tolist()), dtype=float)
    # the set of each pair's strings, sorted; only strings wordfreq knows (zipf > 0) are added
    element = distinct_sorted(element_pair * np.int64(len(ranked)) + element_rank)
    element_pair, element_rank = element // len(ranked), element % len(ranked)
    listed = zipf[element_rank] > 0
    element_pair, element_rank = element_pair[listed], element_rank[listed]
    value = np.array([10 ** (z - 9) for z in zipf.tolist()], dtype=float)[element_rank]
    size = np.bincount(element_pair, minlength=len(pairs))
    start = np.cumsum(size) - size
    freq = np.zeros(len(pairs))
    for j in range(int(size.max(initial=0))):  # the j-th string of every pair having one
        has = np.flatnonzero(size > j)
        freq[has] = freq[has] + value[start[has] + j]
    sums, inverse = np.unique(freq, return_inverse=True)
    spec = []
    for total in sums.tolist():
        z = math.log10(total * 1e9) if total > 0 else 0.0
        spec.append(max(w["spec_floor"], w["zipf_common"] - z) ** w["spec_power"])
    return np.array(spec, dtype=float)[inverse]
