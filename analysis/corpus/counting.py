"""The counting path over a :class:`~analysis.corpus.Corpus`, and the document–term matrix with its verbs.

* **per-document work** (runs in the workers): :func:`doc_counts`, a document's kept-term counts;
* **passes over the corpus** (partition by partition, with :func:`analysis.corpus.execution.run`;
  ``scheduler=``/``progress=``): :func:`documents` (the documents' metadata), :func:`summary` (one row
  per document), :func:`frequencies` (corpus term counts, reduced from per-partition counters),
  :func:`doc_term_matrix` (sparse, ``scipy.sparse``);
* **verbs on the matrix**: :func:`tfidf`, :func:`top_terms`, :func:`keyness`, :func:`log_odds`.

The counting path tokenises with the tokeniser's regex, lemmatises each distinct form once with
:mod:`analysis.text.lemmas_fast`, and counts per distinct type; what is kept follows
:func:`analysis.terms.frequencies` (see :mod:`analysis.corpus.stats`). Everything here is
re-exported by :mod:`analysis.corpus.stats`.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..text import tokens as tok
from ..reading.article import Article
from ..reading.corpus import META_COLUMNS, Corpus, meta_row
from .execution import CONCAT, Reducer, run
from ..ranking import sort_ranked
from .. import exactmath
from ..spans import containing

__all__ = [
    "DocTermMatrix",
    "SUMMARY_COLUMNS",
    "doc_counts",
    "doc_term_matrix",
    "documents",
    "frequencies",
    "keyness",
    "log_odds",
    "summary",
    "tfidf",
    "top_terms",
]

SUMMARY_COLUMNS = ["doc_id", "title", "date", "tokens", "types", "sentences", "counted_share"]
_UNITS = ("lemma", "norm", "form", "stem")


# --------------------------------------------------------------------------
# Per-document work (runs in the workers)
# --------------------------------------------------------------------------


def _counted_mask(text: str, starts: np.ndarray) -> np.ndarray:
    """Tokens (by start offset) inside counted segments."""
    from ..text.clean import counted_spans

    spans = counted_spans(text)
    if not len(spans) or not len(starts):
        return np.zeros(len(starts), dtype=bool)
    return containing(spans[:, 0], spans[:, 1], starts) >= 0  # spans in text order, not overlapping


def _units(types: np.ndarray, norms: np.ndarray, by: str) -> np.ndarray:
    if by == "lemma":
        from ..text.lemmas_fast import lemmatize_types

        return np.asarray(lemmatize_types(list(types)), dtype=object)
    if by == "norm":
        return norms
    if by == "stem":  # Snowball French on the norm, as analysis.tokens.tokenize(stems=True)
        from ..text.stems import stemmer

        stem = stemmer().stem
        return np.asarray([stem(n) for n in norms], dtype=object)
    return types


@functools.lru_cache(maxsize=len(_UNITS))
def unit_memo(by: str) -> tuple[dict[str, int], list[str], dict[str, int]]:
    """Token forms already seen in this process → the code of their term by ``by``.

    Returns ``(codes, terms, term_codes)``: ``codes`` maps a form to the index of its term in
    ``terms`` (-1: not kept); ``term_codes`` is ``terms`` inverted, so that forms sharing a term
    share its code. Part of the cached tables, as :func:`analysis.text.lemmas_fast.lemmatize_types`'s
    forms: it grows with the vocabulary, not the corpus. ``unit_memo.cache_clear()`` forgets it.
    """
    return {}, [], {}


_NEW = -2  # a form not seen yet in this process


def _type_codes(types: np.ndarray, by: str) -> np.ndarray:
    """The term code of each distinct type (-1 when not kept: stopword, punctuation, no letter or
    digit), into ``unit_memo(by)[1]``.

    Each form is looked at once per process (:func:`unit_memo`): the new forms of a document go
    through :func:`analysis.text.tokens.type_features` and :func:`_units` together, in order, as
    they did when every document computed all of its types.
    """
    codes, terms, term_codes = unit_memo(by)
    forms = types.tolist()
    out = np.fromiter(map(codes.get, forms, itertools.repeat(_NEW)), np.intp, len(forms))
    missing = np.flatnonzero(out == _NEW)
    if len(missing):
        fresh = types[missing]
        feats = tok.type_features(fresh)
        kept = np.flatnonzero(~feats["is_stop"] & ~feats["is_punct"] & feats["is_word"])
        found = [-1] * len(fresh)
        if len(kept):
            add = term_codes.setdefault
            for i, unit in zip(kept.tolist(), _units(fresh[kept], feats["norm"][kept], by).tolist()):
                code = add(unit, len(terms))
                if code == len(terms):
                    terms.append(unit)
                found[i] = code
        codes.update(zip(fresh.tolist(), found))
        out[missing] = found
    return out


def _doc_codes(article: Article, *, by: str, segments: bool) -> tuple[np.ndarray, np.ndarray]:
    """Kept-term counts of one document as term codes (into ``unit_memo(by)[1]``) and counts (int64).

    Terms come in the order of the first type (by first appearance) counted under each.
    """
    if by not in _UNITS:
        raise ValueError(f"by must be one of {', '.join(_UNITS)}, not {by!r}")
    sp = tok.type_spans(article.text)
    if not len(sp.codes):
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.int64)
    type_codes = _type_codes(sp.types, by)
    keep = type_codes[sp.codes] >= 0
    if segments:
        keep &= _counted_mask(article.text, sp.starts)
    per_type = np.bincount(sp.codes[keep], minlength=len(sp.types))
    used = np.flatnonzero(per_type)
    codes, distinct = pd.factorize(type_codes[used])  # two forms can share a lemma (or a norm): one row each term
    if len(distinct) == len(used):
        return distinct, per_type[used].astype(np.int64)
    return distinct, np.bincount(codes, weights=per_type[used]).astype(np.int64)


@functools.lru_cache(maxsize=len(_UNITS))
def term_array(by: str) -> dict[str, Any]:
    """``unit_memo(by)[1]`` as an object array, for indexing by codes in one step.

    Holds ``terms`` (the list it was built for: a new list, after ``unit_memo.cache_clear()``,
    starts it again), ``array`` (grown by doubling, so that each term is written once) and
    ``filled`` (how many terms it holds). ``term_array.cache_clear()`` forgets it.
    """
    return {}


def _units_of(codes: np.ndarray, by: str) -> np.ndarray:
    """The terms (object array) of term codes."""
    state, terms = term_array(by), unit_memo(by)[1]
    if state.get("terms") is not terms:
        state.update(terms=terms, array=np.empty(1024, dtype=object), filled=0)
    filled = state["filled"]
    if filled < len(terms):
        array = state["array"]
        if len(terms) > len(array):  # grown by doubling, as _first_casings grows group_of
            state["array"] = array = np.resize(array, max(len(terms), 2 * len(array)))
        array[filled : len(terms)] = terms[filled:]
        state["filled"] = len(terms)
    return state["array"][codes]


def _doc_units(article: Article, *, by: str, segments: bool) -> tuple[np.ndarray, np.ndarray]:
    """Kept-term counts of one document as two arrays: distinct terms (object) and counts (int64)."""
    codes, counts = _doc_codes(article, by=by, segments=segments)
    return _units_of(codes, by), counts


@functools.lru_cache(maxsize=1)
def case_memo() -> dict[str, Any]:
    """Lemma term codes → the code of their lowercase (``Histoire`` and ``histoire`` share one).

    Holds ``terms`` (the list of ``unit_memo("lemma")`` it was built for: a new list, after
    ``unit_memo.cache_clear()``, starts it again), ``groups`` (a lowercase lemma → its code),
    ``group_of`` (an array: term code → its lowercase's code) and ``filled`` (how many codes it holds). Grows with the
    vocabulary, like :func:`unit_memo`; ``case_memo.cache_clear()`` forgets it.
    """
    return {}


def _first_casings(codes: np.ndarray) -> np.ndarray:
    """1 for each lemma code of a document that is the first of its lowercase there, else 0 (int64).

    The lemmas' casings are merged in the corpus tables (:func:`frequencies`): summing these over a
    merged lemma's casings counts each document once, however many of its casings it uses.
    """
    state, terms = case_memo(), unit_memo("lemma")[1]
    if state.get("terms") is not terms:
        state.update(terms=terms, groups={}, group_of=np.zeros(1024, dtype=np.intp), filled=0)
    filled = state["filled"]
    if filled < len(terms):
        group_of = state["group_of"]
        if len(terms) > len(group_of):  # grown by doubling: each code is written once
            group_of = np.resize(group_of, max(len(terms), 2 * len(group_of)))
            state["group_of"] = group_of
        add = state["groups"].setdefault
        groups = state["groups"]
        group_of[filled : len(terms)] = [add(t.lower(), len(groups)) for t in terms[filled:]]
        state["filled"] = len(terms)
    out = np.zeros(len(codes), dtype=np.int64)
    if len(codes):
        out[np.unique(state["group_of"][codes], return_index=True)[1]] = 1
    return out


def doc_counts(article: Article, *, by: str = "lemma", segments: bool = True) -> dict[str, int]:
    """Kept-term counts of one document (the counting path).

    Args:
        article: The document.
        by: ``lemma`` (fast look-up lemmas), ``norm``, ``form`` or ``stem`` (Snowball, on the norm).
        segments: Count only tokens of counted segments.

    Returns:
        dict[str, int]: term → count.
    """
    units, counts = _doc_units(article, by=by, segments=segments)
    return dict(zip(units.tolist(), counts.tolist()))


def _doc_rows(article: Article, *, by: str, segments: bool) -> tuple[str, np.ndarray, np.ndarray]:
    return (article.doc_id, *_doc_units(article, by=by, segments=segments))


def _doc_total_rows(article: Article, *, by: str, segments: bool) -> tuple[str, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_doc_rows` and what the document adds to each term's ``docs`` (1, or for lemmas 1 for the
    first casing of a lowercase only, :func:`_first_casings`)."""
    codes, counts = _doc_codes(article, by=by, segments=segments)
    docs = _first_casings(codes) if by == "lemma" else np.ones(len(codes), dtype=np.int64)
    return article.doc_id, _units_of(codes, by), counts, docs


#: A partial of the term totals: each distinct term → its code (in order of first appearance), and
#: the counts and the documents of the codes (int64).
Totals = tuple[dict[str, int], np.ndarray, np.ndarray]


def _added(totals: Totals, terms: np.ndarray, counts: np.ndarray, docs: np.ndarray) -> Totals:
    """``totals`` plus the ``counts`` and ``docs`` of ``terms`` (repeats allowed), as new totals.

    The terms are looked up in the totals' index (a dict: a term already there costs one look-up,
    only a new one is added), and added with one ``bincount``: no table, no string column, and the
    totals so far are not factorised again at each partition.
    """
    index = dict(totals[0])
    codes = np.fromiter(map(index.get, terms.tolist(), itertools.repeat(-1)), np.intp, len(terms))
    new = np.flatnonzero(codes < 0)
    if len(new):
        add = index.setdefault
        codes[new] = [add(t, len(index)) for t in terms[new].tolist()]
    n = len(index)
    out = []
    for before, values in ((totals[1], counts), (totals[2], docs)):
        total = np.bincount(codes, weights=values, minlength=n).astype(np.int64)
        total[: len(before)] += before
        out.append(total)
    return index, out[0], out[1]


_NO_TOTALS: Totals = ({}, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


def _partition_totals(outs: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]) -> tuple[Totals, int]:
    """A partition's term totals, and how many documents it read.

    Terms are distinct within a document; each adds its document's ``docs`` weight
    (:func:`_doc_total_rows`) to the ``docs`` of its term.
    """
    if not outs:
        return _NO_TOTALS, 0
    codes, distinct = pd.factorize(np.concatenate([u for _, u, _, _ in outs]))
    n = len(distinct)
    counts = np.bincount(codes, weights=np.concatenate([c for _, _, c, _ in outs]), minlength=n).astype(np.int64)
    docs = np.bincount(codes, weights=np.concatenate([d for _, _, _, d in outs]), minlength=n).astype(np.int64)
    return (dict(zip(distinct.tolist(), range(n))), counts, docs), len(outs)


def _merge_totals(partials: list[tuple[Totals, int]]) -> tuple[Totals, int]:
    if len(partials) == 1:
        return partials[0]
    parts = sorted((t for t, _ in partials), key=lambda t: -len(t[0]))  # the others added to the largest
    out = parts[0]
    for index, counts, docs in parts[1:]:
        out = _added(out, np.fromiter(index, object, len(index)), counts, docs)
    return out, sum(n for _, n in partials)


def _totals_table(totals: Totals) -> pd.DataFrame:
    """The totals as the table ``term``, ``count``, ``docs``."""
    index, counts, docs = totals
    return pd.DataFrame({"term": np.fromiter(index, object, len(index)), "count": counts, "docs": docs})


def _empty_totals() -> tuple[Totals, int]:
    return _partition_totals([])


#: Corpus term totals: per partition in the worker, then summed in the reduction tree (all vectorised).
TERM_TOTALS = Reducer(partition=_partition_totals, merge=_merge_totals, empty=_empty_totals, eager=True)


def _partition_tidy(outs: list[tuple[str, np.ndarray, np.ndarray]]) -> pd.DataFrame | None:
    """A partition's tidy document–term rows: ``doc_id``, ``term``, ``count``."""
    outs = [o for o in outs if len(o[1])]
    if not outs:
        return None
    doc_ids = np.array([d for d, _, _ in outs], dtype=object)
    return pd.DataFrame(
        {
            "doc_id": np.repeat(doc_ids, [len(u) for _, u, _ in outs]),
            "term": np.concatenate([u for _, u, _ in outs]),
            "count": np.concatenate([c for _, _, c in outs]),
        }
    )


#: Tidy document–term rows, built per partition and concatenated in corpus order.
TIDY_ROWS = Reducer(partition=_partition_tidy, merge=CONCAT.merge, empty=CONCAT.empty)


def _meta_rows(article: Article) -> pd.DataFrame:
    return pd.DataFrame([meta_row(article)], columns=META_COLUMNS)


def _summary_row(article: Article) -> pd.DataFrame:
    from ..text.clean import segments

    text = article.text
    sp = tok.type_spans(text)
    feats = tok.type_features(sp.types)
    words = ~feats["is_punct"][sp.codes]
    segs = segments(text, doc_id=article.doc_id)
    counted = _counted_mask(text, sp.starts) if len(sp.codes) else np.zeros(0, dtype=bool)
    n_sent = sum(len(tok.sentences(text[s:e])) for s, e in segs[["start", "end"]].itertuples(index=False))
    meta = meta_row(article)
    n_words = int(words.sum())
    return pd.DataFrame(
        [
            {
                "doc_id": article.doc_id,
                "title": meta["title"],
                "date": meta["date"],
                "tokens": n_words,
                "types": int(len(set(feats["norm"][np.unique(sp.codes[words])]))) if n_words else 0,
                "sentences": int(n_sent),
                "counted_share": float((counted & words).sum() / n_words) if n_words else 0.0,
            }
        ],
        columns=SUMMARY_COLUMNS,
    )


# --------------------------------------------------------------------------
# Passes over the corpus
# --------------------------------------------------------------------------


def documents(corpus: Corpus, *, scheduler: str | None = None, progress: bool = False) -> pd.DataFrame:
    """The documents' metadata (reads every document once; failures go to ``corpus.errors``).

    Args:
        corpus: The corpus.
        scheduler: See :func:`analysis.corpus.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: One row per document that loads, columns
        :data:`analysis.reading.corpus.META_COLUMNS` (``date`` as ``datetime64``, NaT when unknown).
    """
    return run(corpus, _meta_rows, combine="concat", scheduler=scheduler, progress=progress, columns=META_COLUMNS)


def summary(corpus: Corpus, *, scheduler: str | None = None, progress: bool = False) -> pd.DataFrame:
    """One row per document: identity, size, and how much of it is counted.

    Args:
        corpus: The corpus.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: :data:`SUMMARY_COLUMNS`: ``tokens`` (words and numbers,
        punctuation left out), ``types`` (distinct norms of those), ``sentences``
        (split per segment, as :func:`analysis.pipeline.analyse` does),
        ``counted_share`` (share of those tokens in counted segments).
    """
    return run(corpus, _summary_row, combine="concat", scheduler=scheduler, progress=progress, columns=SUMMARY_COLUMNS)


def _merge_case(terms: pd.Series, counts: pd.Series) -> pd.Series:
    """Map each lemma to its case-merged form: the most frequent casing of its lowercase (ties: the
    first in code-point order). One pass over the terms, a dict per lowercase: no sort of the table."""
    values = terms.tolist()
    lows = [t.lower() for t in values]
    best: dict[str, tuple[int, str]] = {}
    get = best.get
    for term, low, n in zip(values, lows, counts.tolist()):
        seen = get(low)
        if seen is None or n > seen[0] or (n == seen[0] and term < seen[1]):
            best[low] = (n, term)
    return pd.Series([best[low][1] for low in lows])


def frequencies(
    corpus: Corpus, *, by: str = "lemma", segments: bool = True, scheduler: str | None = None, progress: bool = False
) -> pd.DataFrame:
    """Corpus term frequencies, reduced from per-partition counters (memory bounded by the vocabulary).

    Args:
        corpus: The corpus.
        by: ``lemma`` (fast look-up lemmas), ``norm``, ``form`` or ``stem`` (Snowball, on the norm).
        segments: Count only counted segments (see the module docstring).
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: ``term``, ``count``, ``docs`` (documents using it), ``share``
        (of kept tokens), ``per_1000``; most frequent first, ties alphabetical;
        ``attrs["rule"]``, ``attrs["documents"]``, ``attrs["tokens"]``.
    """
    work = functools.partial(_doc_total_rows, by=by, segments=segments)
    totals, n_docs = run(corpus, work, combine=TERM_TOTALS, scheduler=scheduler, progress=progress)
    out = _totals_table(totals)
    if by == "lemma" and len(out):  # a document counted once per lowercase (_first_casings): docs are summed
        out["term"] = _merge_case(out["term"], out["count"])
        out = out.groupby("term", as_index=False, sort=False).agg(count=("count", "sum"), docs=("docs", "sum"))
    out = out.sort_values(["count", "term"], ascending=[False, True], kind="mergesort", ignore_index=True)
    kept = int(out["count"].sum())
    out["share"] = out["count"] / kept if kept else 0.0
    out["per_1000"] = out["share"] * 1000
    out.attrs.update(rule=_rule(by, segments), documents=int(n_docs), tokens=kept)
    return out


def _rule(by: str, segments: bool) -> str:
    lem = (
        " (fast look-up lemmas, analysis.lemmas_fast)"
        if by == "lemma"
        else " (Snowball French stems of the norms)"
        if by == "stem"
        else ""
    )
    seg = (
        "counted segments only (duplicates, boilerplate, credits and bylines left out)" if segments else "all segments"
    )
    return f"by {by}{lem}; stopwords removed; punctuation and symbols removed; numbers kept; {seg}"


@dataclass(frozen=True)
class DocTermMatrix:
    """A sparse document–term count matrix.

    Attributes:
        matrix: ``scipy.sparse.csr_matrix`` of int64 counts, documents × terms.
        doc_ids: Row labels (corpus order).
        terms: Column labels (sorted).
        rule: What was counted.
    """

    matrix: Any
    doc_ids: np.ndarray
    terms: np.ndarray
    rule: str = ""

    @property
    def shape(self) -> tuple[int, int]:
        """(documents, terms)."""
        return self.matrix.shape

    def rows(self, docs: str | Iterable[str] | np.ndarray) -> np.ndarray:
        """Boolean mask of the rows of some documents.

        Args:
            docs: A doc_id, several, or a boolean mask already.

        Returns:
            numpy.ndarray: The mask.

        Raises:
            KeyError: A doc_id not in the matrix.
        """
        if isinstance(docs, np.ndarray) and docs.dtype == bool:
            return docs
        wanted = {docs} if isinstance(docs, str) else set(docs)
        missing = wanted - set(self.doc_ids)
        if missing:
            raise KeyError(f"not in the corpus: {', '.join(sorted(missing)[:5])}")
        return np.isin(self.doc_ids, list(wanted))

    def counts(self, docs: Any = None) -> np.ndarray:
        """Term totals over some documents (all by default).

        Args:
            docs: See :meth:`rows`.

        Returns:
            numpy.ndarray: One count per term.
        """
        m = self.matrix if docs is None else self.matrix[self.rows(docs)]
        return np.asarray(m.sum(axis=0)).ravel().astype(np.int64)

    def to_frame(self) -> pd.DataFrame:
        """The tidy form: one row per (document, term) with a count.

        Returns:
            pandas.DataFrame: ``doc_id``, ``term``, ``count``.
        """
        coo = self.matrix.tocoo()
        return pd.DataFrame(
            {"doc_id": self.doc_ids[coo.row], "term": self.terms[coo.col], "count": coo.data.astype(np.int64)}
        )


def doc_term_matrix(
    corpus: Corpus,
    *,
    by: str = "lemma",
    segments: bool = True,
    min_df: int = 1,
    scheduler: str | None = None,
    progress: bool = False,
) -> DocTermMatrix:
    """Count every document's terms into a sparse matrix.

    Args:
        corpus: The corpus.
        by: ``lemma``, ``norm``, ``form`` or ``stem``.
        segments: Count only counted segments.
        min_df: Keep terms used by at least this many documents.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        DocTermMatrix: Documents that load (corpus order) × terms (sorted).
    """
    from scipy import sparse

    work = functools.partial(_doc_rows, by=by, segments=segments)
    tidy = run(corpus, work, combine=TIDY_ROWS, scheduler=scheduler, progress=progress)
    if tidy is None:
        tidy = pd.DataFrame(
            {"doc_id": pd.Series(dtype=object), "term": pd.Series(dtype=object), "count": pd.Series(dtype="int64")}
        )
    loaded = set(tidy["doc_id"]) if len(tidy) else set()
    doc_ids = np.array([d for d in corpus.doc_ids if d in loaded], dtype=object)
    if by == "lemma" and len(tidy):
        totals = tidy.groupby("term", sort=False)["count"].sum()
        merged = _merge_case(pd.Series(totals.index, dtype=object), totals.reset_index(drop=True))
        tidy["term"] = tidy["term"].map(dict(zip(totals.index, merged)))
        tidy = tidy.groupby(["doc_id", "term"], as_index=False, sort=False)["count"].sum()
    if min_df > 1 and len(tidy):
        df = tidy.groupby("term")["doc_id"].transform("size")
        tidy = tidy[df >= min_df]
    terms = np.array(sorted(set(tidy["term"])), dtype=object)
    row = pd.Index(doc_ids).get_indexer(tidy["doc_id"])
    col = pd.Index(terms).get_indexer(tidy["term"])
    matrix = sparse.csr_matrix(
        (tidy["count"].to_numpy(dtype=np.int64), (row, col)), shape=(len(doc_ids), len(terms)), dtype=np.int64
    )
    return DocTermMatrix(
        matrix=matrix,
        doc_ids=doc_ids,
        terms=terms,
        rule=_rule(by, segments) + (f"; terms in >= {min_df} documents" if min_df > 1 else ""),
    )


# --------------------------------------------------------------------------
# Verbs on the matrix
# --------------------------------------------------------------------------


def tfidf(dtm: DocTermMatrix, *, top: int | None = None) -> pd.DataFrame:
    """TF-IDF of each document's terms (as :func:`analysis.terms.tfidf` across documents).

    ``tf`` = count / the document's kept tokens; ``idf`` = ln(documents / df).

    Args:
        dtm: The matrix.
        top: Keep each document's ``top`` best terms.

    Returns:
        pandas.DataFrame: ``doc_id``, ``term``, ``count``, ``tf``, ``df``, ``idf``,
        ``tfidf``; best first within each document (corpus order).
    """
    m = dtm.matrix.tocoo()
    n_docs = dtm.shape[0]
    doc_tokens = np.asarray(dtm.matrix.sum(axis=1)).ravel()
    df = np.diff(dtm.matrix.tocsc().indptr)
    out = pd.DataFrame(
        {"row": m.row, "doc_id": dtm.doc_ids[m.row], "term": dtm.terms[m.col], "count": m.data.astype(np.int64)}
    )
    out["tf"] = out["count"] / doc_tokens[m.row]
    out["df"] = df[m.col].astype(np.int64)
    out["idf"] = exactmath.log(n_docs / out["df"].to_numpy()) if n_docs else 0.0
    out["tfidf"] = out["tf"] * out["idf"]
    out = sort_ranked(out, ["row", "tfidf", "term"], [True, False, True])
    if top is not None:
        out = out.groupby("row", sort=False).head(top).reset_index(drop=True)
    out = out.drop(columns="row")
    out.attrs["rule"] = (
        dtm.rule + f"; units = documents ({n_docs}); tf = count / document tokens; idf = ln(documents / df)"
    )
    return out


def top_terms(dtm: DocTermMatrix, *, top: int = 20) -> pd.DataFrame:
    """Corpus key terms: TF-IDF summed over documents (frequent in some documents, not in all).

    Args:
        dtm: The matrix.
        top: How many terms.

    Returns:
        pandas.DataFrame: ``term``, ``score`` (summed TF-IDF), ``count``, ``docs``; best first.
    """
    table = tfidf(dtm)
    out = sort_ranked(
        table.groupby("term", as_index=False).agg(
            score=("tfidf", "sum"), count=("count", "sum"), docs=("doc_id", "size")
        ),
        ["score", "term"],
        [False, True],
    )
    out = out.head(top)
    out.attrs["rule"] = dtm.rule + "; score = sum over documents of tf × ln(documents / df)"
    return out


def keyness(dtm: DocTermMatrix, target: Any, *, reference: Any = None, min_count: int = 2) -> pd.DataFrame:
    """Keyness of a document or sub-corpus against the rest of the corpus (or a given reference).

    G² (Rayson & Garside 2000), signed negative when under-represented, and
    Hardie's (2014) log-ratio ``log2((a/c) / (b/d))`` with 0.5 for a zero count.

    Args:
        dtm: The matrix.
        target: A doc_id, several, or a boolean row mask.
        reference: The reference documents (default: every other document).
        min_count: Keep terms seen at least this often in target and reference together.

    Returns:
        pandas.DataFrame: ``term``, ``count``, ``count_ref``, ``per_1000``, ``per_1000_ref``,
        ``log_likelihood``, ``log_ratio``, ``direction`` (over/under); most over-represented first.

    Raises:
        ValueError: The target or the reference is empty.
    """
    rows_a = dtm.rows(target)
    rows_b = ~rows_a if reference is None else dtm.rows(reference)
    a = dtm.counts(rows_a).astype(float)
    b = dtm.counts(rows_b).astype(float)
    c, d = a.sum(), b.sum()
    if not c or not d:
        raise ValueError("keyness needs tokens in both the target and the reference")
    keep = (a + b) >= min_count
    a, b, terms = a[keep], b[keep], dtm.terms[keep]
    from ..terms.stats import log_likelihood  # (not imported by the counting path)

    g2 = log_likelihood(a, b, c, d)
    over = a / c > b / d
    out = pd.DataFrame(
        {
            "term": terms,
            "count": a.astype(np.int64),
            "count_ref": b.astype(np.int64),
            "per_1000": a / c * 1000,
            "per_1000_ref": b / d * 1000,
            "log_likelihood": np.where(over, g2, -g2),
            "log_ratio": exactmath.log2((np.maximum(a, 0.5) / c) / (np.maximum(b, 0.5) / d)),
            "direction": np.where(over, "over", "under"),
        }
    )
    out = sort_ranked(out, ["log_likelihood", "term"], [False, True])
    out.attrs["rule"] = (
        dtm.rule + f"; target {int(rows_a.sum())} documents ({int(c)} tokens) vs reference "
        f"{int(rows_b.sum())} documents ({int(d)} tokens); G² signed by direction; "
        "log-ratio with 0.5 for zero counts"
    )
    return out


def log_odds(
    dtm: DocTermMatrix,
    a: Any,
    b: Any = None,
    *,
    prior: pd.Series | None = None,
    prior_scale: float = 1.0,
    min_count: int = 1,
) -> pd.DataFrame:
    """Compare two sub-corpora: log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008).

    With counts ``y_a``, ``y_b`` (totals ``n_a``, ``n_b``) and prior counts
    ``α_w`` (``α_0`` their sum)::

        δ_w = ln((y_a + α_w) / (n_a + α_0 − y_a − α_w)) − ln((y_b + α_w) / (n_b + α_0 − y_b − α_w))
        σ²_w ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)        z_w = δ_w / σ_w

    The prior defaults to the whole matrix's counts (every document, A, B and
    the rest) times ``prior_scale``: frequent words are shrunk towards no
    difference, rare ones do not dominate.

    Args:
        dtm: The matrix.
        a: Documents of sub-corpus A (doc_id(s) or a boolean mask).
        b: Documents of sub-corpus B (default: every document not in A).
        prior: Prior counts per term (a Series indexed by term); default: corpus counts.
        prior_scale: Multiplies the prior counts.
        min_count: Keep terms seen at least this often in A and B together.

    Returns:
        pandas.DataFrame: ``term``, ``count_a``, ``count_b``, ``rank_a``, ``rank_b`` (frequency
        ranks, 1 = most frequent; ties share the lowest), ``frequency`` (A + B), ``delta``,
        ``variance``, ``z``; most A-leaning first (positive z: A; negative: B).
    """
    rows_a = dtm.rows(a)
    rows_b = ~rows_a if b is None else dtm.rows(b)
    ya = dtm.counts(rows_a).astype(float)
    yb = dtm.counts(rows_b).astype(float)
    if prior is None:
        alpha = dtm.counts().astype(float)
    else:
        alpha = prior.reindex(dtm.terms).fillna(0).to_numpy(dtype=float)
    alpha = alpha * prior_scale
    alpha = np.where(alpha > 0, alpha, 0.01)
    keep = (ya + yb) >= min_count
    ya, yb, alpha, terms = ya[keep], yb[keep], alpha[keep], dtm.terms[keep]
    na, nb, a0 = ya.sum(), yb.sum(), alpha.sum()
    delta = exactmath.log((ya + alpha) / (na + a0 - ya - alpha)) - exactmath.log((yb + alpha) / (nb + a0 - yb - alpha))
    var = 1 / (ya + alpha) + 1 / (yb + alpha)
    out = pd.DataFrame({"term": terms, "count_a": ya.astype(np.int64), "count_b": yb.astype(np.int64)})
    out["rank_a"] = out["count_a"].rank(method="min", ascending=False).astype(np.int64)
    out["rank_b"] = out["count_b"].rank(method="min", ascending=False).astype(np.int64)
    out["frequency"] = out["count_a"] + out["count_b"]
    out["delta"] = delta
    out["variance"] = var
    out["z"] = delta / np.sqrt(var)
    out = sort_ranked(out, ["z", "term"], [False, True])
    out.attrs["rule"] = (
        dtm.rule + f"; A = {int(rows_a.sum())} documents ({int(na)} tokens), B = "
        f"{int(rows_b.sum())} documents ({int(nb)} tokens); informative Dirichlet prior "
        f"(Monroe et al. 2008) = {'corpus counts' if prior is None else 'given counts'} × {prior_scale:g}"
    )
    return out
