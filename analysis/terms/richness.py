"""A vocabulary summary per document: types, hapaxes, TTR and MATTR, sentences, syllables and French
readability (Kandel & Moles). Re-exported by :mod:`analysis.terms.stats`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .units import RULE_SEGMENTS as _RULE_SEGMENTS, column as _column, distinct_inverse, encoded, kept_codes

__all__ = ["KANDEL_MOLES", "count_syllables", "readability", "vocabulary"]

#: Kandel & Moles (1958), the French adaptation of Flesch's reading ease.
KANDEL_MOLES = "207 - 1.015 × (mots / phrases) - 73.6 × (syllabes / mots)  [Kandel & Moles 1958]"


_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
_VOWEL_GROUP = re.compile(f"[{_VOWELS}]+")
#: Vowel pairs that are two syllables (hiatus) although written together.
_HIATUS = re.compile("é(?=[aeiouàâèêîôû])")
_DIAERESIS = re.compile("(?=[ïüë])")
_GU_QU = re.compile("(?<=[gq])u(?=[aeiouyéèêëîïôâ])")


def count_syllables(word: str) -> int:
    """Spoken syllables of a French word, by rule (vowel groups, silent final e).

    Rules: each group of consecutive vowels (a e i o u y and accented forms,
    œ, æ) is a syllable, except that ``é`` followed by a vowel and a diaeresis
    vowel start a new syllable (*réunion* 3, *naïf* 2); ``u`` after ``g``/``q``
    before a vowel is not a vowel (*quatre*); a final ``e`` or ``es`` after a
    consonant is silent when the word has another syllable (*table* 1, *missiles*
    2, but *le* 1, *été* 2); the verb ending ``-ent`` is not detected (counted as
    a syllable, as in *moment*). Words without vowels (numbers, acronyms) count 1.

    Args:
        word (str): A word.

    Returns:
        int: Its number of syllables (at least 1).
    """
    w = word.lower().replace("’", "'")
    w = _GU_QU.sub("", w)
    w = _HIATUS.sub(lambda m: m.group() + "|", w)
    w = _DIAERESIS.sub("|", w)
    groups = [g for part in w.split("|") for g in _VOWEL_GROUP.findall(part)]
    n = len(groups)
    if n > 1 and re.search(f"[^{_VOWELS}]es?$", w):
        n -= 1
    return max(n, 1)


def readability(words: int, sentences: int, syllables: int) -> float:
    """Kandel & Moles (1958) reading ease, Flesch adapted to French.

    ``207 − 1.015 × (words / sentences) − 73.6 × (syllables / words)``
    (L. Kandel and A. Moles, "Application de l'indice de Flesch à la langue
    française", *Cahiers Études de Radio-Télévision* 19, 1958). Higher is
    easier; about 60-70 is plain text, under 30 very hard.

    Args:
        words (int): Number of words.
        sentences (int): Number of sentences.
        syllables (int): Number of syllables.

    Returns:
        float: The score (NaN without words or sentences).
    """
    if not words or not sentences:
        return float("nan")
    return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)


def _mattr(values: Sequence[Any], window: int) -> float:
    """MATTR of one sequence by sliding the window (the plain definition; :func:`_mattr_windows` is the
    vectorised one that :func:`vocabulary` uses, tested equal)."""
    n = len(values)
    if n == 0:
        return float("nan")
    if n <= window:
        return len(set(values)) / n
    counts = Counter(values[:window])
    total = len(counts)
    for k in range(window, n):
        out_, in_ = values[k - window], values[k]
        counts[out_] -= 1
        if counts[out_] == 0:
            del counts[out_]
        counts[in_] += 1
        total += len(counts)
    return total / (n - window + 1) / window


def _mattr_windows(doc: np.ndarray, pair: np.ndarray, size: np.ndarray, window: int) -> np.ndarray:
    """For each document, the sum over its windows of ``window`` tokens of the distinct values in each
    (MATTR's numerator), without sliding: a token is the first of its value in the windows that start
    after the value's previous occurrence and no later than the token itself.

    Args:
        doc (numpy.ndarray): The document code of each token (tokens of a document in text order).
        pair (numpy.ndarray): One code per (document, value).
        size (numpy.ndarray): Tokens per document.
        window (int): The window.

    Returns:
        numpy.ndarray: One total per document (0 where a document is not longer than the window).
    """
    n = len(doc)
    by_doc = np.argsort(doc, kind="stable")
    starts = np.concatenate([[0], np.cumsum(size)[:-1]])
    local = np.empty(n, dtype="int64")
    local[by_doc] = np.arange(n) - starts[doc[by_doc]]
    by_pair = np.argsort(pair, kind="stable")
    prev = np.full(n, -1, dtype="int64")
    same = pair[by_pair][1:] == pair[by_pair][:-1]
    prev[by_pair[1:][same]] = local[by_pair[:-1][same]]
    lo = np.maximum(prev + 1, local - window + 1)
    hi = np.minimum(local, size[doc] - window)
    total = np.zeros(len(size), dtype="int64")
    np.add.at(total, doc, np.maximum(hi - lo + 1, 0))
    return total


def vocabulary(tokens: pd.DataFrame, *, by: str = "norm", window: int = 50, uncounted: bool = False) -> pd.DataFrame:
    """Vocabulary summary and French readability, one row per document.

    Words are the non-punctuation tokens of counted segments, stopwords
    included. Types and hapaxes are counted by ``by``; sentences are those
    holding at least one kept word.

    Args:
        tokens (pandas.DataFrame): A tokens table with ``sent``.
        by (str): Unit for types (``norm`` by default, ``lemma`` for lemma types).
        window (int): MATTR window (Covington & McFall's moving-average TTR).
        uncounted (bool): Keep left-out segments.

    Returns:
        pandas.DataFrame: ``doc_id``, ``tokens``, ``types``, ``hapaxes``, ``ttr``, ``mattr``,
        ``sentences``, ``mean_sentence_length``, ``syllables``, ``syllables_per_word``,
        ``kandel_moles``; ``attrs["formula"]`` cites the readability formula.
    """
    column = _column(tokens, by)
    keep = ~tokens["is_punct"].to_numpy(dtype=bool)
    if not uncounted and "counted" in tokens.columns:
        keep &= tokens["counted"].to_numpy(dtype=bool)
    doc_code, doc_names = kept_codes(tokens, keep)  # documents in order of first appearance
    n_docs = len(doc_names)
    # types: the values lowercased as the string dtype does it (``Series.str.lower``), once per distinct value
    codes, distinct = encoded(tokens, column)
    lower = pd.Series(distinct, dtype=object).astype(str).str.lower().to_numpy(dtype=object)
    val_code = pd.factorize(lower)[0].astype("int64")[codes[keep]]
    text_code, text_uniq = encoded(tokens, "text")
    needed, at = distinct_inverse(text_code[keep])
    syllables = np.array([count_syllables(t) for t in text_uniq[needed]], dtype="int64")[at.reshape(-1)]
    syll = np.zeros(n_docs, dtype="int64")
    np.add.at(syll, doc_code, syllables)
    size = np.bincount(doc_code, minlength=n_docs)
    width = int(val_code.max()) + 1 if len(val_code) else 1
    pair = doc_code.astype("int64") * width + val_code
    uniq, counts = np.unique(pair, return_counts=True)
    types = np.bincount(uniq // width, minlength=n_docs)
    hapaxes = np.bincount(uniq[counts == 1] // width, minlength=n_docs)
    if "sent" in tokens.columns:
        n_sents = pd.Series(tokens["sent"].to_numpy()[keep]).groupby(doc_code, sort=True).nunique().to_numpy()
    else:
        n_sents = np.ones(n_docs, dtype="int64")
    windows = _mattr_windows(doc_code, pair, size, window)
    rows = []
    for d in range(n_docs):
        n, n_sent, sy, ty = int(size[d]), int(n_sents[d]), int(syll[d]), int(types[d])
        mattr = ty / n if n <= window else int(windows[d]) / (n - window + 1) / window
        rows.append(
            (
                doc_names[d],
                n,
                ty,
                int(hapaxes[d]),
                ty / n,
                mattr,
                n_sent,
                n / n_sent if n_sent else float("nan"),
                sy,
                sy / n,
                readability(n, n_sent, sy),
            )
        )
    out = pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "tokens",
            "types",
            "hapaxes",
            "ttr",
            "mattr",
            "sentences",
            "mean_sentence_length",
            "syllables",
            "syllables_per_word",
            "kandel_moles",
        ],
    )
    out.attrs["formula"] = KANDEL_MOLES
    out.attrs["rule"] = (
        f"words = non-punctuation tokens (stopwords kept); types by {by}; MATTR window {window}; "
        f"syllables by rule (count_syllables); {_RULE_SEGMENTS[uncounted]}; "
        f"readability {KANDEL_MOLES}"
    )
    return out
