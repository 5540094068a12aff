"""What every term table shares: which tokens a count keeps, what term each token is, and n-gram runs.

:mod:`analysis.terms.stats`, :mod:`analysis.terms.keyterms` and :mod:`analysis.textometry` count
with these, so that every table follows the same rule: stopwords, punctuation and symbols out by
default, tokens of segments left out of counts (duplicates, boilerplate) out unless ``uncounted``,
lemmas differing only in case merged, n-grams never across a sentence, a document or punctuation.
"""

from __future__ import annotations

import functools
import weakref
from typing import Any

import numpy as np
import pandas as pd

from ..text.tokens import word_like

__all__ = [
    "RULE_SEGMENTS",
    "UNITS",
    "column",
    "count_rule",
    "doc_ids",
    "distinct_inverse",
    "distinct_sorted",
    "encoded",
    "first_rows",
    "keep",
    "kept_codes",
    "on_codes",
    "on_distinct",
    "runs",
    "unit_codes",
    "units",
]


#: What a term can be: the text as written, its norm, its lemma or its stem.
UNITS = ("form", "norm", "lemma", "stem")


#: What a count's rule says about segments, by ``uncounted``.
RULE_SEGMENTS = {
    True: "all segments",
    False: "counted segments only (duplicates, boilerplate, credits and bylines left out)",
}


def count_rule(by: str, *, stopwords: bool, punct: bool, numbers: bool, uncounted: bool) -> str:
    """What a count table kept, as its ``attrs["rule"]`` says it."""
    return (
        f"by {by}; stopwords {'kept' if stopwords else 'removed'}; punctuation and symbols "
        f"{'kept' if punct else 'removed'}; numbers {'kept' if numbers else 'removed'}; "
        f"{RULE_SEGMENTS[uncounted]}"
    )


def column(tokens: pd.DataFrame, by: str) -> str:
    """The tokens column holding unit ``by``.

    Args:
        tokens (pandas.DataFrame): A tokens table.
        by (str): ``form``, ``norm``, ``lemma`` or ``stem``.

    Returns:
        str: The column name.

    Raises:
        ValueError: Unknown unit or missing column.
    """
    if by not in UNITS:
        raise ValueError(f"by must be one of {', '.join(UNITS)}, not {by!r}")
    name = "text" if by == "form" else by
    if name not in tokens.columns:
        raise ValueError(f"the tokens table has no {name!r} column (tokenise with lemmas/stems)")
    return name


def keep(
    tokens: pd.DataFrame, *, stopwords: bool = False, punct: bool = False, numbers: bool = True, uncounted: bool = False
) -> np.ndarray:
    """Boolean mask of the tokens kept by the usual options.

    Args:
        tokens (pandas.DataFrame): A tokens table.
        stopwords (bool): Keep stopwords.
        punct (bool): Keep punctuation and symbols (tokens without a letter or digit).
        numbers (bool): Keep non-alphabetic, non-punctuation tokens.
        uncounted (bool): Keep tokens of segments left out of counts.

    Returns:
        numpy.ndarray: The mask.
    """
    mask = np.ones(len(tokens), dtype=bool)
    if not stopwords:
        mask &= ~tokens["is_stop"].to_numpy(dtype=bool)
    if not punct:
        codes, distinct = encoded(tokens, "text")  # the shared codes: each distinct text tested once
        mask &= ~tokens["is_punct"].to_numpy(dtype=bool) & (word_like(distinct)[codes] if len(codes) else False)
    if not numbers:
        mask &= tokens["is_alpha"].to_numpy(dtype=bool)
    if not uncounted and "counted" in tokens.columns:
        mask &= tokens["counted"].to_numpy(dtype=bool)
    return mask


def _arrow_strings(column: pd.Series) -> Any:
    """The column's Arrow chunked array when it is a string column held by Arrow without nulls, else None."""
    arrow = getattr(column.array, "__arrow_array__", None)
    chunks = arrow() if arrow is not None else None
    if chunks is not None and chunks.null_count == 0 and str(chunks.type) in ("string", "large_string"):
        return chunks
    return None


#: Codes of Arrow string columns already encoded, by ``id`` of the (immutable) Arrow array; an entry
#: goes when its array is freed (weak reference), so an id is never taken for another array's.
_CODED: dict[int, tuple[weakref.ref, np.ndarray, np.ndarray]] = {}


def _coded(chunks: Any) -> tuple[np.ndarray, np.ndarray]:
    """Dictionary-encode an Arrow string array once: read-only ``codes`` (int64) and ``distinct`` (object).

    Arrow arrays are immutable, and pandas replaces a column's array when a value is set, so the
    codes of one array object stay true while it lives: the term tables of one tokens table share them.
    """
    key = id(chunks)
    hit = _CODED.get(key)
    if hit is not None and hit[0]() is chunks:
        return hit[1], hit[2]
    coded = chunks.combine_chunks().dictionary_encode()
    codes = coded.indices.to_numpy(zero_copy_only=False).astype("int64")
    distinct = coded.dictionary.to_numpy(zero_copy_only=False).astype(object)
    codes.flags.writeable = False
    distinct.flags.writeable = False
    _CODED[key] = (weakref.ref(chunks, functools.partial(_forget, key)), codes, distinct)
    return codes, distinct


def _forget(key: int, _ref: weakref.ref) -> None:
    """Drop the codes of an Arrow array that was freed."""
    _CODED.pop(key, None)


def encoded(tokens: pd.DataFrame, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A column as integer codes, in order of first appearance, and its distinct values as strings.

    ``distinct[codes]`` is ``tokens[name].astype(str)`` as an object array. A column held by
    Arrow (pandas' string dtype) is dictionary-encoded by Arrow, without building a Python string
    per row, once per column array (the tables of one tokens table share the codes: they are
    read-only).

    Args:
        tokens (pandas.DataFrame): A tokens table.
        name (str): A column of it.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: ``codes`` (int64, one per row) and ``distinct`` (object).
    """
    column = tokens[name]
    chunks = _arrow_strings(column)
    if chunks is not None:
        return _coded(chunks)
    codes, distinct = pd.factorize(column.astype(str).to_numpy(dtype=object))
    return codes.astype("int64"), np.asarray(distinct, dtype=object)


def _strings(tokens: pd.DataFrame, name: str) -> np.ndarray:
    """``tokens[name].astype(str)`` as an object array; from the shared codes when Arrow holds the column."""
    column = tokens[name]
    chunks = _arrow_strings(column)
    if chunks is not None:
        codes, distinct = _coded(chunks)
        return distinct[codes]
    return column.astype(str).to_numpy(dtype=object)


def doc_ids(tokens: pd.DataFrame) -> np.ndarray:
    """The document of each token: its ``doc_id`` as a string, or ``"doc"`` when the table has none.

    Args:
        tokens (pandas.DataFrame): A tokens table.

    Returns:
        numpy.ndarray: One ``doc_id`` (object array) per token.
    """
    if "doc_id" in tokens.columns:
        return _strings(tokens, "doc_id")
    return np.full(len(tokens), "doc", dtype=object)


def units(tokens: pd.DataFrame, by: str) -> np.ndarray:
    """The unit of each token; lemmas differing only in case are merged.

    spaCy lemmatises a proper noun as written ("Moscou") but the same word
    tagged NOUN in lowercase ("moscou"): both count as one term, shown in its
    most frequent casing.

    Args:
        tokens (pandas.DataFrame): A tokens table.
        by (str): ``form``, ``norm``, ``lemma`` or ``stem``.

    Returns:
        numpy.ndarray: One term (object array) per token.
    """
    codes, names = unit_codes(tokens, by)
    return names[codes]


def unit_codes(tokens: pd.DataFrame, by: str) -> tuple[np.ndarray, np.ndarray]:
    """The unit of each token as integer codes and the distinct units: ``names[codes]`` is :func:`units`.

    Codes follow the first appearance of each value of the column (a merged lemma: of its first casing).

    Args:
        tokens (pandas.DataFrame): A tokens table.
        by (str): ``form``, ``norm``, ``lemma`` or ``stem``.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: ``codes`` (int64, one per token) and ``names`` (object, distinct).
    """
    codes, distinct = encoded(tokens, column(tokens, by))
    if by != "lemma" or not len(codes):
        return codes, distinct
    # by distinct lemma: its lowercase, its count, and the most frequent casing of each lowercase
    lower_codes, lower_distinct = pd.factorize(np.array([v.lower() for v in distinct], dtype=object))
    if len(lower_distinct) == len(distinct):
        return codes, distinct
    best = (
        pd.DataFrame({"c": lower_codes, "v": np.asarray(distinct, dtype=object), "n": np.bincount(codes)})
        .sort_values(["c", "n", "v"], ascending=[True, False, True])
        .drop_duplicates("c")
        .set_index("c")["v"]
    )
    return lower_codes[codes].astype("int64"), best.reindex(np.arange(len(lower_distinct))).to_numpy(dtype=object)


def kept_codes(tokens: pd.DataFrame, keep: np.ndarray, *, by: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The kept tokens' documents (``by=None``) or units as codes in order of first appearance among them.

    The same as ``pd.factorize(doc_ids(tokens)[keep])`` (or of ``units(tokens, by)[keep]``), from
    the column's codes (integers factorized, not strings).

    Args:
        tokens (pandas.DataFrame): A tokens table.
        keep (numpy.ndarray): Boolean mask (or row positions) of the tokens kept.
        by (str | None): A unit (``form``, ``norm``, ``lemma``, ``stem``), or None for the ``doc_id``.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: ``codes`` (one per kept token) and ``names`` (object).
    """
    if by is None and "doc_id" not in tokens.columns:
        codes, names = pd.factorize(doc_ids(tokens)[keep])
        return codes, np.asarray(names, dtype=object)
    all_codes, distinct = encoded(tokens, "doc_id") if by is None else unit_codes(tokens, by)
    codes, seen = pd.factorize(all_codes[keep])
    return codes, distinct[seen]


def runs(tokens: pd.DataFrame, *, cross_punct: bool, uncounted: bool) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the tokens that can be in an n-gram, and the run each belongs to.

    A run is a stretch of tokens inside one sentence of one document, broken by
    punctuation (unless ``cross_punct``) and by left-out segments.

    Args:
        tokens (pandas.DataFrame): A tokens table.
        cross_punct (bool): Let n-grams run over punctuation (which is dropped).
        uncounted (bool): Keep tokens of left-out segments.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: Row positions of the kept tokens and their run ids.
    """
    n = len(tokens)
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    counted = (
        tokens["counted"].to_numpy(dtype=bool)
        if "counted" in tokens.columns and not uncounted
        else np.ones(n, dtype=bool)
    )
    doc = encoded(tokens, "doc_id")[0] if "doc_id" in tokens.columns else np.zeros(n, dtype="int64")
    sent = tokens["sent"].to_numpy(dtype="int64") if "sent" in tokens.columns else np.zeros(n, dtype="int64")
    brk = np.ones(n, dtype=bool)
    if n:
        brk[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1]) | (counted[1:] != counted[:-1])
    if not cross_punct:
        brk |= punct
        # the token after a punctuation mark starts a new run too
        brk[1:] |= punct[:-1]
    run = np.cumsum(brk)
    pos = np.flatnonzero(~punct & counted)
    return pos, run[pos]


def first_rows(codes: np.ndarray) -> np.ndarray:
    """The row where each code first appears, for codes numbered in order of first appearance (as
    ``pd.factorize`` gives them, or such codes with some codes' rows all left out), in that order.

    The same as ``np.unique(codes, return_index=True)[1]`` for such codes, in linear time: a code
    appears for the first time exactly where it exceeds every code before it.

    Args:
        codes (numpy.ndarray): Integer codes in order of first appearance.

    Returns:
        numpy.ndarray: Row positions (int64), one per distinct code, increasing.

    Raises:
        ValueError: When the codes are not in order of first appearance (a code first seen after a
            greater one): the rows would silently miss it.
    """
    codes = np.asarray(codes)
    if not len(codes):
        return np.zeros(0, dtype="int64")
    before = np.maximum.accumulate(codes)
    first = np.flatnonzero(np.r_[True, codes[1:] > before[:-1]]).astype("int64")
    if len(first) != np.count_nonzero(np.bincount(codes)):
        raise ValueError("first_rows: codes are not in order of first appearance")
    return first


def distinct_sorted(values: np.ndarray) -> np.ndarray:
    """The distinct values of an integer array, sorted: ``np.unique(values)`` by one sort (numpy's
    ``unique`` hashes integers, many times slower on large arrays).

    Args:
        values (numpy.ndarray): Integers.

    Returns:
        numpy.ndarray: The sorted distinct values.
    """
    out = np.sort(np.asarray(values).ravel())
    return out[np.r_[True, out[1:] != out[:-1]]] if len(out) else out


def distinct_inverse(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of non-negative integer codes, sorted, and where each code is among them:
    ``np.unique(codes, return_inverse=True)`` by one ``bincount`` (linear time).

    Args:
        codes (numpy.ndarray): Non-negative integers.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: ``distinct`` and ``inverse`` (``distinct[inverse]`` is ``codes``).
    """
    codes = np.asarray(codes).ravel()
    if not len(codes):
        return codes.astype("int64"), np.zeros(0, dtype="int64")
    present = np.bincount(codes) > 0
    return np.flatnonzero(present), (np.cumsum(present) - 1)[codes]


def on_codes(codes: np.ndarray, distinct: Any, fn: Any, dtype: Any = bool) -> np.ndarray:
    """``fn`` of each value given as ``distinct[codes]``, computed once per distinct value.

    Args:
        codes (numpy.ndarray): Integer codes into ``distinct``.
        distinct (Any): The distinct values (an array or index).
        fn (Any): A function of one value.
        dtype (Any): The result's dtype.

    Returns:
        numpy.ndarray: ``fn(distinct[c])`` for each code ``c``.
    """
    return np.array([fn(v) for v in distinct], dtype=dtype)[codes] if len(codes) else np.zeros(0, dtype=dtype)


def on_distinct(values: Any, fn: Any, dtype: Any = bool) -> np.ndarray:
    """``fn`` of each value, computed once per distinct value (strings, factorized).

    Args:
        values (Any): An object array (or Series) of hashable values.
        fn (Any): A function of one value.
        dtype (Any): The result's dtype.

    Returns:
        numpy.ndarray: ``fn(v)`` for each value ``v``.
    """
    codes, distinct = pd.factorize(values)
    return on_codes(codes, distinct, fn, dtype)
