"""n-grams and repeated phrases (Voyant's *Phrases*): word sequences inside runs, counted over every
document at once by integer codes; strings are built only for the rows returned.

:func:`ngrams` and :func:`repeated_phrases` are re-exported by :mod:`analysis.terms.stats` and
``analysis.terms``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .units import RULE_SEGMENTS as _RULE_SEGMENTS, distinct_sorted, encoded, first_rows, runs as _runs, unit_codes

__all__ = ["grams", "ngrams", "repeated_phrases"]


def grams(units: np.ndarray, runs: np.ndarray, n: int) -> np.ndarray:
    """Start indices (into ``units``) of the n-grams that stay inside a run."""
    if len(units) < n:
        return np.zeros(0, dtype="int64")
    return np.flatnonzero(runs[: len(runs) - n + 1] == runs[n - 1 :])


def _join(units: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """The n words from each start, joined by spaces (an object array)."""
    if n == 1:
        return units[starts].astype(object)
    out = np.empty(len(starts), dtype=object)
    out[:] = [" ".join(words) for words in zip(*(units[starts + k].tolist() for k in range(n)))]
    return out


def ngrams(
    tokens: pd.DataFrame,
    *,
    n: int = 2,
    by: str = "lemma",
    stopwords: bool = False,
    cross_punct: bool = False,
    uncounted: bool = False,
    min_count: int = 1,
    by_doc: bool = False,
) -> pd.DataFrame:
    """Counts of n-grams that never cross a sentence boundary.

    Args:
        tokens (pandas.DataFrame): A tokens table with ``sent``.
        n (int): Length of the n-grams (2, 3, ...).
        by (str): Unit: ``form``, ``norm``, ``lemma`` or ``stem``.
        stopwords (bool): Keep n-grams that start or end with a stopword (stopwords
            inside an n-gram, as in "ministère de la Défense", are always kept).
        cross_punct (bool): Let n-grams run over punctuation (dropped from the n-gram).
        uncounted (bool): Keep tokens of left-out segments.
        min_count (int): Smallest count kept.
        by_doc (bool): Count per ``doc_id``.

    Returns:
        pandas.DataFrame: ``term`` (words joined by spaces), ``n``, ``count``, ``share``
        (of all n-grams kept) and ``per_1000``, most frequent first, with
        ``attrs["rule"]``.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    codes_all, names = unit_codes(tokens, by)  # the shared codes: strings only for distinct n-grams
    stop_all = tokens["is_stop"].to_numpy(dtype=bool)
    pos, runs = _runs(tokens, cross_punct=cross_punct, uncounted=uncounted)
    codes, stop = codes_all[pos], stop_all[pos]
    if "doc_id" in tokens.columns:
        doc_all, doc_names = encoded(tokens, "doc_id")
        docs = (doc_all[pos], doc_names)
    else:
        docs = (np.zeros(len(pos), dtype="int64"), np.array(["doc"], dtype=object))
    starts = grams(codes, runs, n)
    if not stopwords and len(starts):
        starts = starts[~stop[starts] & ~stop[starts + n - 1]]
    keys = ["doc_id", "term"] if by_doc else ["term"]
    out = _counted_grams(codes, names, docs, starts, n, keys)
    out["count"] = out["count"].astype("int64")
    total = out.groupby("doc_id")["count"].transform("sum") if by_doc else out["count"].sum()
    out["share"] = (out["count"] / total).astype(float) if len(out) else pd.Series(dtype=float)
    out["per_1000"] = out["share"] * 1000
    out = out[out["count"] >= min_count]
    out.insert(len(keys), "n", n)
    out = out.sort_values(
        (["doc_id"] if by_doc else []) + ["count", "term"],
        ascending=([True] if by_doc else []) + [False, True],
        kind="mergesort",
        ignore_index=True,
    )
    out.attrs["rule"] = (
        f"{n}-grams by {by} inside sentences; punctuation "
        f"{'skipped over' if cross_punct else 'breaks n-grams'}; n-grams "
        f"{'may' if stopwords else 'never'} start or end with a stopword; "
        f"{_RULE_SEGMENTS[uncounted]}; {len(starts)} n-grams in all; "
        f"count >= {min_count}"
    )
    return out


def _counted_grams(
    codes: np.ndarray,
    names: np.ndarray,
    docs: tuple[np.ndarray, np.ndarray],
    starts: np.ndarray,
    n: int,
    keys: list[str],
) -> pd.DataFrame:
    """The count of each distinct n-gram (and document, when ``keys`` holds ``doc_id``) starting at
    ``starts``: ``keys`` and ``count``, in order of first occurrence. ``names[codes]`` are the
    units and ``docs`` the documents' codes and their ``doc_id``.

    The n-grams are counted by integer codes (one ``factorize`` per word), and their strings built
    once per distinct n-gram; when a unit holds a space ("a b" + "c" reads as "a" + "b c"), the
    distinct n-grams are counted again by their strings.
    """
    has_space = any(" " in u for u in names[np.bincount(codes, minlength=len(names)) > 0]) if len(codes) else False
    doc_code, doc_names = docs
    if not len(starts) or has_space:
        units = names[codes]
        df = pd.DataFrame({"doc_id": doc_names[doc_code[starts]], "term": _join(units, starts, n)})
        return df.groupby(keys, sort=False).size().rename("count").reset_index()
    width = np.int64(int(codes.max()) + 1)
    gram = pd.factorize(codes[starts].astype("int64"))[0].astype("int64")
    for k in range(1, n):
        gram = pd.factorize(gram * width + codes[starts + k])[0].astype("int64")
    if "doc_id" in keys:
        gram = pd.factorize(doc_code[starts] * np.int64(gram.max() + 1) + gram)[0].astype("int64")
    first = first_rows(gram)
    at = starts[first]
    if n == 1:
        term = names[codes[at]].astype(object)
    else:
        term = np.empty(len(at), dtype=object)
        term[:] = [" ".join(words) for words in zip(*(names[codes[at + k]].tolist() for k in range(n)))]
    columns = {"doc_id": doc_names[doc_code[at]], "term": term}
    out = pd.DataFrame({k: columns[k] for k in keys})
    out["count"] = np.bincount(gram).astype("int64")
    return out


def repeated_phrases(
    tokens: pd.DataFrame,
    *,
    by: str = "norm",
    min_count: int = 2,
    min_n: int = 2,
    max_n: int = 8,
    uncounted: bool = False,
    subsume: bool = True,
) -> pd.DataFrame:
    """Repeated phrases (Voyant's *Phrases*): word sequences that occur at least twice.

    Phrases stay inside a sentence and between punctuation marks; they may
    contain stopwords but not only stopwords. With ``subsume``, a phrase is
    dropped when it occurs only inside a longer repeated phrase (every one of
    its occurrences is part of that longer phrase: same count); a sub-phrase
    that also stands on its own (higher count) is kept.

    Args:
        tokens (pandas.DataFrame): A tokens table with ``sent``.
        by (str): Unit (``norm`` by default: phrases as written, case folded).
        min_count (int): Smallest number of occurrences.
        min_n (int): Shortest phrase, in words.
        max_n (int): Longest phrase, in words (8 by default: in a corpus holding the same text
            twice, whole sentences would otherwise become phrases).
        uncounted (bool): Keep tokens of left-out segments (then the duplicated
            pull-quote repeats itself).
        subsume (bool): Drop sub-phrases that never occur apart.

    Returns:
        pandas.DataFrame: ``term``, ``n``, ``count``, ``start``, ``end`` (offsets of the
        first occurrence), longest and most frequent first, with ``attrs["rule"]``.
    """
    codes_all, names = unit_codes(tokens, by)  # the shared codes: no string per token is built
    stop_all = tokens["is_stop"].to_numpy(dtype=bool)
    pos, runs = _runs(tokens, cross_punct=False, uncounted=uncounted)
    codes, stop = codes_all[pos], stop_all[pos]
    units = names[codes]
    starts_raw = tokens["start"].to_numpy(dtype="int64")[pos]
    ends_raw = tokens["end"].to_numpy(dtype="int64")[pos]
    parts: dict[str, list[np.ndarray]] = {
        c: [] for c in ("first", "n", "count", "start", "end", "id", "prefix", "suffix")
    }
    grams_of = _repeated_grams(units, runs, stop, min_n=min_n, max_n=max_n, min_count=min_count, coded=(codes, names))
    for n, first_s, count, ids in grams_of:
        parts["first"].append(first_s)  # the phrase's strings are built once it is kept (below)
        parts["n"].append(np.full(len(first_s), n, dtype="int64"))
        parts["count"].append(count)
        parts["start"].append(starts_raw[first_s])
        parts["end"].append(ends_raw[first_s + n - 1])
        # codes of the phrase and of its two (n-1)-word parts, for subsumption
        for name, code in zip(("id", "prefix", "suffix"), ids):
            parts[name].append(np.asarray(code, dtype="int64"))
    cols = ["term", "n", "count", "start", "end"]
    empty = pd.DataFrame({c: pd.Series(dtype=object if c == "term" else "int64") for c in cols})
    if parts["n"]:
        out = pd.DataFrame({c: np.concatenate(v).astype("int64") for c, v in parts.items()})
        if subsume and len(out):
            out = out[~_subsumed(out)]
        n_of, first_of = out["n"].to_numpy(dtype="int64"), out["first"].to_numpy(dtype="int64")
        term = np.empty(len(out), dtype=object)
        for k in np.unique(n_of).tolist():
            term[n_of == k] = _join(units, first_of[n_of == k], k)
        out = out.assign(term=term)[cols]
    else:
        out = empty
    out = out.sort_values(["n", "count", "term"], ascending=[False, False, True], kind="mergesort", ignore_index=True)
    out.attrs["rule"] = (
        f"phrases by {by}, {min_n}-{max_n} words inside sentences and between punctuation, "
        f"count >= {min_count}; "
        f"{'sub-phrases never occurring apart subsumed' if subsume else 'no subsumption'}; "
        f"{_RULE_SEGMENTS[uncounted]}"
    )
    return out


def _repeated_grams(
    units: np.ndarray,
    runs: np.ndarray,
    stop: np.ndarray,
    *,
    min_n: int,
    max_n: int,
    min_count: int,
    coded: tuple[np.ndarray, np.ndarray] | None = None,
) -> Iterable[tuple[int, np.ndarray, np.ndarray, tuple[np.ndarray, ...]]]:
    """The repeated n-grams of each length, as integer codes: no string is built but the phrases'.

    An n-gram's code is found from the code of its first ``n - 1`` words and the code of its last
    word (one ``factorize`` per length, over every document at once), and only the n-grams whose
    first ``n - 1`` words are repeated are extended: the others cannot be.

    ``coded`` gives the units as integer codes and their distinct values (``names[codes]`` is
    ``units``); without it, the units are factorized. Only which codes are equal matters.

    Yields:
        tuple: ``n``; the first occurrence (position in ``units``) of each repeated n-gram that
        holds a content word, in order of first occurrence; its count; and three code arrays:
        the n-gram's among the n-grams, its first and its last ``n - 1`` words' among the
        (n-1)-grams (-1 for ``n == 1``).
    """
    if coded is None:
        codes, distinct = pd.factorize(units)
    else:
        codes, names = coded
        distinct = names[np.bincount(codes, minlength=len(names)) > 0] if len(codes) else names[:0]
    if (codes < 0).any() or any(" " in u for u in distinct):
        # a unit holding a space ("a b" + "c" reads as "a" + "b c") or a missing one: by strings
        yield from _repeated_grams_by_string(units, runs, stop, min_n=min_n, max_n=max_n, min_count=min_count)
        return
    width = np.int64(max(len(distinct), int(codes.max(initial=0)) + 1) + 1)  # above every code
    starts = grams(units, runs, min_n)
    # codes in order of first occurrence among these positions (``first_rows`` needs it): a unit's
    # first token may be left out of every run (a punctuation token), so the column's codes are not
    ids = pd.factorize(codes[starts].astype("int64"))[0].astype("int64")
    for k in range(1, min_n):
        ids = pd.factorize(ids * width + codes[starts + k])[0].astype("int64")
    shorter = np.full(len(units) + 1, -1, dtype="int64")  # code of the (n-1)-gram starting at each position
    for n in range(min_n, max_n + 1):
        if n > min_n:
            keep = starts + n - 1 < len(units)
            starts, ids = starts[keep], ids[keep]
            keep = runs[starts] == runs[starts + n - 1]
            starts, ids = starts[keep], ids[keep]
            ids = pd.factorize(ids * width + codes[starts + n - 1])[0].astype("int64")
        starts, ids, counts = _repeated(starts, ids, min_count)
        if not len(starts):
            return
        first = _first_kept(ids, starts, stop, n)
        at = starts[first]
        parts = (shorter[at], shorter[at + 1]) if n > 1 else (np.full(len(at), -1), np.full(len(at), -1))
        yield n, at, counts[ids[first]].astype("int64"), (ids[first], *parts)
        shorter[:] = -1
        shorter[starts] = ids


def _repeated(starts: np.ndarray, ids: np.ndarray, min_count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The occurrences of the codes seen at least ``min_count`` times, and the count of every code."""
    counts = np.bincount(ids) if len(ids) else np.zeros(0, dtype="int64")
    rep = counts[ids] >= min_count
    return starts[rep], ids[rep], counts


def _first_kept(codes: np.ndarray, starts: np.ndarray, stop: np.ndarray, n: int) -> np.ndarray:
    """Index of each code's first occurrence, in order, for the n-grams holding a content word."""
    first = first_rows(codes)  # codes of whole n-grams, in order of first occurrence
    content = np.zeros(len(first), dtype=bool)
    for k in range(n):
        content |= ~stop[starts[first] + k]
    return first[content]


def _repeated_grams_by_string(
    units: np.ndarray, runs: np.ndarray, stop: np.ndarray, *, min_n: int, max_n: int, min_count: int
) -> Iterable[tuple[int, np.ndarray, np.ndarray, tuple[np.ndarray, ...]]]:
    """:func:`_repeated_grams` by the joined strings (units holding a space, or missing)."""
    table: dict[str, int] = {}  # one code per string, for every length

    def code(strings: Iterable[str]) -> np.ndarray:
        return np.array([table.setdefault(x, len(table)) for x in strings], dtype="int64")

    starts = grams(units, runs, min_n)
    for n in range(min_n, max_n + 1):
        if n > min_n:
            starts = starts[(starts + n - 1 < len(units))]
            starts = starts[runs[starts] == runs[starts + n - 1]]
        starts, ids, counts = _repeated(starts, pd.factorize(_join(units, starts, n))[0], min_count)
        if not len(starts):
            return
        first = _first_kept(ids, starts, stop, n)
        at = starts[first]
        none = np.full(len(at), -1)
        yield (
            n,
            at,
            counts[ids[first]].astype("int64"),
            (
                code(_join(units, at, n)),
                code(_join(units, at, n - 1)) if n > 1 else none,
                code(_join(units, at + 1, n - 1)) if n > 1 else none,
            ),
        )


def _subsumed(out: pd.DataFrame) -> np.ndarray:
    """Phrases contained in a longer phrase with the same count (linear time).

    If a phrase of n words with count c lies inside a longer repeated phrase with count c,
    it lies inside one of n + 1 words with count c too (that phrase's count is squeezed
    between the two), as its first or last n words. So a phrase is dropped when it is the prefix
    or suffix of a phrase one word longer with the same count; phrases are compared by their codes
    (``id``, ``prefix``, ``suffix`` of :func:`_repeated_grams`: non-negative, unique per length),
    looked up in arrays indexed by code, one length at a time.
    """
    n, count = out["n"].to_numpy(dtype="int64"), out["count"].to_numpy(dtype="int64")
    ids = out[["id", "prefix", "suffix"]].to_numpy(dtype="int64")
    drop = np.zeros(len(out), dtype=bool)
    for level in distinct_sorted(n).tolist():
        rows, longer = np.flatnonzero(n == level), np.flatnonzero(n == level + 1)
        if not len(longer):
            continue
        size = int(max(ids[rows, 0].max(), ids[longer, 1:].max())) + 1
        count_of = np.full(size, -1, dtype="int64")  # the count of each code's phrase of this length
        count_of[ids[rows, 0]] = count[rows]
        inside = np.zeros(size, dtype=bool)
        for part in (ids[longer, 1], ids[longer, 2]):
            known = part >= 0
            part, same = part[known], count[longer][known]
            inside[part[count_of[part] == same]] = True
        drop[rows] = inside[ids[rows, 0]]
    return drop
