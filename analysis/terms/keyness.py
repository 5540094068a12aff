"""Keyness against general French: wordfreq reference frequencies, Rayson & Garside's
log-likelihood G² and Hardie's log-ratio, per document.

:func:`keyness`, :func:`log_likelihood`, :func:`reference_frequency`, :func:`seen_lower` and the
reference constants are re-exported by :mod:`analysis.terms.stats`, where they used to live.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from ..ranking import sort_ranked
from .. import exactmath
from .units import count_rule, distinct_inverse, first_rows, kept_codes
from .units import keep as keep_mask

__all__ = ["ABSENT_FREQUENCY", "REFERENCE_SIZE", "keyness", "log_likelihood", "reference_frequency", "seen_lower"]

#: Nominal size (tokens) assumed for the wordfreq reference. wordfreq gives relative frequencies
#: built from several large sources, not counts; G² needs a count, so this size is an assumption,
#: stated in every keyness table. Log-ratio does not depend on it.
REFERENCE_SIZE = 1_000_000_000

#: Relative frequency given to a word wordfreq does not list: half of the smallest frequency
#: its French list reports (1e-8, Zipf 1), i.e. Hardie's 0.5 adjustment of zero counts.
ABSENT_FREQUENCY = 0.5e-8


def seen_lower(index: Iterable[str]) -> set[str]:
    """The lowercased terms of an index."""
    return {str(t).lower() for t in index}


@functools.lru_cache(maxsize=8)
def _common_words(n: int) -> tuple[str, ...]:
    """wordfreq's ``n`` most frequent French words that are words and not stopwords."""
    from wordfreq import top_n_list

    from ..text.tokens import stopwords

    stop = stopwords()
    return tuple(w for w in top_n_list("fr", n) if w.isalpha() and len(w) > 1 and w not in stop and f"{w}'" not in stop)


@functools.lru_cache(maxsize=200_000)
def reference_frequency(word: str) -> float:
    """Relative frequency of a word in general French (wordfreq's ``fr`` list).

    Args:
        word (str): A word (any case).

    Returns:
        float: Its frequency, or 0.0 when wordfreq does not list it.
    """
    from wordfreq import word_frequency

    return float(word_frequency(word.lower(), "fr"))


def log_likelihood(a: np.ndarray, b: np.ndarray, c: np.ndarray | float, d: float) -> np.ndarray:
    """Rayson & Garside's log-likelihood G² for counts ``a`` (of ``c`` tokens) and ``b`` (of ``d`` tokens).

    Args:
        a: Counts in the target.
        b: Counts in the reference.
        c: Size of the target (one for every term, or one per term: its document's).
        d: Size of the reference.

    Returns:
        numpy.ndarray: G² for each term (unsigned).
    """
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * exactmath.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * exactmath.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def _on_terms(names: np.ndarray, fn: Callable[[str], float], codes: np.ndarray) -> np.ndarray:
    """``fn(names[code])`` for each code, computed once per distinct code."""
    needed, inverse = distinct_inverse(codes)
    return np.array([fn(t) for t in names[needed]], dtype=float)[inverse].reshape(-1)


def keyness(
    tokens: pd.DataFrame,
    *,
    by: str = "lemma",
    min_count: int = 2,
    uncounted: bool = False,
    reference_size: float = REFERENCE_SIZE,
    absent_frequency: float = ABSENT_FREQUENCY,
    numbers: bool = False,
    absent: int = 300,
) -> pd.DataFrame:
    """Keyness of each term against general French (wordfreq), per document.

    For a term seen ``a`` times in ``c`` kept tokens, the reference count is
    ``b = f × N``, with ``f`` its wordfreq frequency and ``N`` the nominal
    reference size. Log-likelihood G² follows Rayson & Garside (2000); the
    effect size is Hardie's (2014) log-ratio, ``log2((a/c) / (b/N))``. A
    lemma's reference frequency is the sum of the wordfreq frequencies of the
    lemma and of every distinct form of it seen in the text (wordfreq lists
    forms, not lemmas). Words wordfreq does not list get ``absent_frequency``.

    Args:
        tokens (pandas.DataFrame): A tokens table.
        by (str): ``lemma`` (default), ``norm`` or ``form`` (``stem`` has no reference).
        min_count (int): Smallest count in the text.
        uncounted (bool): Keep tokens of left-out segments.
        reference_size (float): Nominal size N of the reference, in tokens.
        absent_frequency (float): Frequency given to words absent from wordfreq.
        numbers (bool): Keep numbers (wordfreq folds digits, so they are left out by default).
        absent (int): Also score the words among wordfreq's ``absent`` most frequent French
            words (stopwords and non-words left out) that the text never uses: count 0, where
            under-representation shows in a short text. Their log-ratio uses Hardie's 0.5 for the
            zero count.

    Returns:
        pandas.DataFrame: ``doc_id``, ``term``, ``count``, ``per_1000``, ``ref_per_1000``,
        ``log_likelihood`` (signed: negative when under-represented), ``log_ratio``,
        ``direction`` (``over``/``under``), ``in_reference``; most over-represented
        first; ``attrs["rule"]`` and ``attrs["reference"]`` state the reference and its size.
    """
    if by == "stem":
        raise ValueError("keyness needs words wordfreq lists: use by='lemma', 'norm' or 'form'")
    keep = keep_mask(tokens, numbers=numbers, uncounted=uncounted)
    # all documents at once, by integer codes: counts per (document, term) in order of first
    # occurrence, then each distinct term's reference frequency
    doc_code, doc_names = kept_codes(tokens, keep)
    term_code, term_names = kept_codes(tokens, keep, by=by)
    term_names = np.asarray(term_names, dtype=object)
    lower_names = np.array([t.lower() for t in term_names], dtype=object)
    width = np.int64(len(term_names) + 1)
    pair_code, pairs = pd.factorize(doc_code.astype("int64") * width + term_code)
    pairs = np.asarray(pairs, dtype="int64")
    counts = np.bincount(pair_code, minlength=len(pairs)).astype("int64")
    sizes = np.bincount(doc_code, minlength=len(doc_names))
    often = np.flatnonzero(counts >= min_count)
    row_doc, row_term = pairs[often] // width, pairs[often] % width
    table = pd.DataFrame(
        {
            "doc_id": np.asarray(doc_names, dtype=object)[row_doc],
            "term": term_names[row_term],
            "count": counts[often],
        }
    )
    ref = _on_terms(lower_names, reference_frequency, row_term)
    if by == "lemma" and len(table):
        # plus every distinct form of the lemma seen in the document (other than the lemma itself)
        norm_code, norm_names = kept_codes(tokens, keep, by="norm")
        # the distinct (document, term, norm), in order of first occurrence
        first = first_rows(pd.factorize(pair_code.astype("int64") * (len(norm_names) + 1) + norm_code)[0])
        wanted = np.zeros(len(pairs), dtype=bool)
        wanted[often] = True
        first = first[wanted[pair_code[first]]]  # of the pairs kept
        first = first[norm_names[norm_code[first]] != lower_names[term_code[first]]]
        f = pd.Series(_on_terms(norm_names, reference_frequency, norm_code[first]))
        extra = np.full(len(pairs), np.nan)
        sums = f.groupby(pair_code[first], sort=False).sum()
        extra[sums.index.to_numpy(dtype="int64")] = sums.to_numpy(dtype=float)
        ref = ref + np.nan_to_num(extra[often])
    table["ref"] = ref
    if absent and len(sizes):
        common = np.asarray(_common_words(absent), dtype=object)
        lower_code, lower_distinct = pd.factorize(lower_names)
        at = {w: k for k, w in enumerate(lower_distinct)}
        common_code = np.array([at.get(w, -1) for w in common], dtype="int64")
        # which common words each document uses: a (document × common word) grid of flags, set from
        # the kept tokens (a distinct word is at most one common word: they are distinct strings)
        common_of = np.full(len(lower_distinct), -1, dtype="int64")
        common_of[common_code[common_code >= 0]] = np.flatnonzero(common_code >= 0)
        token_common = common_of[lower_code[term_code]]
        used = token_common >= 0
        present = np.zeros((len(doc_names), len(common)), dtype=bool)
        present[doc_code[used], token_common[used]] = True
        grid_doc = np.repeat(np.arange(len(doc_names), dtype="int64"), len(common))
        grid_word = np.tile(np.arange(len(common)), len(doc_names))
        new = (common_code[grid_word] < 0) | ~present.ravel()
        grid = pd.DataFrame(
            {
                "doc_id": np.asarray(doc_names, dtype=object)[grid_doc[new]],
                "term": common[grid_word[new]],
                "count": 0,
                "ref": np.array([reference_frequency(w) for w in common], dtype=float)[grid_word[new]],
            }
        )
        table = pd.concat([table, grid], ignore_index=True)
        row_doc = np.r_[row_doc, grid_doc[new]]
    ref_f = table.pop("ref").to_numpy(dtype=float)
    in_ref = ref_f > 0
    ref_f = np.where(in_ref, ref_f, absent_frequency)
    a = table["count"].to_numpy(dtype=float)
    c = sizes[row_doc].astype(float)
    b = ref_f * reference_size
    g2 = log_likelihood(a, b, c, float(reference_size))
    over = a / c > ref_f
    table["per_1000"] = a / c * 1000
    table["ref_per_1000"] = ref_f * 1000
    table["log_likelihood"] = np.where(over, g2, -g2)
    table["log_ratio"] = exactmath.log2((np.maximum(a, 0.5) / c) / ref_f)
    table["direction"] = np.where(over, "over", "under")
    table["in_reference"] = in_ref
    frames = [table] if len(table) else []
    cols = [
        "doc_id",
        "term",
        "count",
        "per_1000",
        "ref_per_1000",
        "log_likelihood",
        "log_ratio",
        "direction",
        "in_reference",
    ]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    out = sort_ranked(out, ["doc_id", "log_likelihood", "term"], [True, False, True])
    reference = (
        f"wordfreq 'fr' relative frequencies, nominal reference size N = {reference_size:,.0f} tokens "
        f"(an assumption: wordfreq gives frequencies, not counts; log-ratio does not depend on N); "
        f"words absent from wordfreq given frequency {absent_frequency:g} (half its smallest listed "
        f"frequency); words among its {absent} most frequent (stopwords left out) that the text never "
        f"uses are scored with count 0 (log-ratio with 0.5 for the zero count)"
    )
    out.attrs["reference"] = reference
    out.attrs["rule"] = (
        count_rule(by, stopwords=False, punct=False, numbers=numbers, uncounted=uncounted)
        + f"; count >= {min_count}; G² (Rayson & Garside) signed by direction, "
        f"log-ratio (Hardie) = log2(text share / reference share); {reference}"
    )
    return out
