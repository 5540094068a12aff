"""Analyses over the documents of a :class:`~analysis.corpus.Corpus`: tables in, tables out.

Two kinds of function:

* **passes over the corpus** (they read the documents, partition by partition,
  with :func:`analysis.execution.run`, and take ``scheduler=``/``progress=``):
  :func:`documents` (the documents' metadata), :func:`summary` (one row per document), :func:`frequencies` (corpus term
  counts, reduced from per-partition counters), :func:`doc_term_matrix`
  (sparse, ``scipy.sparse``), :func:`timelines` (every document's temporal
  expressions and events);
* **the article tables of every document** (the same functions as for one
  article, run per document through :func:`analysis.execution.run`; every row
  has ``doc_id`` and ``start``/``end`` into that document's raw text):
  :func:`segments`, :func:`sentences`, :func:`tokens`, :func:`entities`,
  :func:`quotes`, :func:`timeline`, :func:`kwic`, and :func:`keyterms` (each
  document's key terms plus a corpus-level table built from them);
* **corpus-level term tables** counted across documents, never across a
  document boundary, with the article functions' rules and spaCy lemmas:
  :func:`ngrams`, :func:`collocations`, :func:`reference_keyness` (against
  general French);
* **table verbs** on their results: :func:`tfidf`, :func:`keyness` (a document
  or sub-corpus against the rest: G², log-ratio), :func:`log_odds` (two
  sub-corpora: log-odds ratio with an informative Dirichlet prior, Monroe,
  Colaresi & Quinn 2008), :func:`coverage` (articles per day/week/month),
  :func:`term_share` (share of the period's articles that mention a term, as
  GDELT normalises by volume), :func:`group_events` (events merged across
  documents), :func:`top_terms` (corpus key terms by summed TF-IDF).

The passes over the corpus and the verbs on the matrix live in :mod:`analysis.corpus.counting`,
the key terms and the corpus-level term tables in :mod:`analysis.corpus.phrases` (both re-exported here). The counting path (:func:`frequencies`, :func:`doc_term_matrix`) tokenises
with the tokeniser's regex, lemmatises each distinct form once with
:mod:`analysis.lemmas_fast` (not spaCy: see its docstring for the agreement
with spaCy), and counts per distinct type. What is kept follows
:func:`analysis.terms.frequencies`: stopwords, punctuation and symbols out, numbers in,
and, with ``segments=True`` (the default), only tokens of counted segments
(:func:`analysis.clean.segments`: duplicates, boilerplate, credits and
bylines left out). ``segments=False`` counts every token and is several times
faster (segmentation dominates the cost). Lemmas differing only in case are
merged, shown in their most frequent casing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..text import tokens as tok
from ..reading.article import Article
from ..reading.corpus import DATELINE_CHARS, META_COLUMNS, Corpus  # noqa: F401 - META_COLUMNS: for analysis.corpus_stats
from .execution import run
from ..ranking import sort_ranked
from .counting import (  # noqa: F401 - re-exported: analysis.corpus.stats keeps every name
    DocTermMatrix,
    SUMMARY_COLUMNS,
    doc_counts,
    doc_term_matrix,
    documents,
    frequencies,
    keyness,
    log_odds,
    summary,
    tfidf,
    top_terms,
)
from .phrases import (  # noqa: F401 - re-exported: analysis.corpus.stats keeps every name
    CORPUS_KEYTERM_COLUMNS,
    KEYTERM_COLUMNS,
    collocations,
    corpus_keyterms,
    keyterms,
    ngrams,
    reference_keyness,
)

__all__ = [
    "DocTermMatrix",
    "SUMMARY_COLUMNS",
    "collocations",
    "corpus_keyterms",
    "coverage",
    "doc_counts",
    "doc_term_matrix",
    "documents",
    "entities",
    "frequencies",
    "group_events",
    "keyness",
    "keyterms",
    "kwic",
    "log_odds",
    "ngrams",
    "quotes",
    "reference_keyness",
    "segments",
    "sentences",
    "summary",
    "term_share",
    "tfidf",
    "timeline",
    "timelines",
    "tokens",
    "top_terms",
]


# --------------------------------------------------------------------------
# Over time
# --------------------------------------------------------------------------

# pandas names a weekly period by its last day: "W-SUN" weeks run Monday to Sunday
_FREQS = {"day": "D", "week": "W-SUN", "month": "M", "year": "Y", "D": "D", "W": "W-SUN", "M": "M", "Y": "Y"}


def _periods(dates: pd.Series, freq: str) -> pd.Series:
    if freq not in _FREQS:
        raise ValueError(f"freq must be day, week, month or year, not {freq!r}")
    return pd.to_datetime(dates).dt.to_period(_FREQS[freq]).dt.start_time


def coverage(documents: pd.DataFrame, *, freq: str = "day") -> pd.DataFrame:
    """Articles per period (every period between the first and the last, empty ones at 0).

    Args:
        documents: A table with ``doc_id`` and ``date`` (:func:`summary` or
            :meth:`~analysis.corpus.Corpus.documents`).
        freq: ``day``, ``week`` (starting Monday), ``month`` or ``year``.

    Returns:
        pandas.DataFrame: ``period`` (its first day), ``articles``; ``attrs["undated"]``
        counts the documents without a date (left out).
    """
    dated = documents[documents["date"].notna()]
    out = pd.DataFrame(columns=["period", "articles"])
    if len(dated):
        per = _periods(dated["date"], freq)
        counts = per.value_counts()
        full = pd.period_range(per.min(), per.max(), freq=_FREQS[freq]).start_time
        out = pd.DataFrame({"period": full, "articles": counts.reindex(full, fill_value=0).to_numpy(dtype=np.int64)})
    out.attrs["undated"] = int(len(documents) - len(dated))
    out.attrs["rule"] = f"articles per {freq}; {out.attrs['undated']} undated documents left out"
    return out


def term_share(
    dtm: DocTermMatrix, documents: pd.DataFrame, terms: str | Sequence[str], *, freq: str = "month"
) -> pd.DataFrame:
    """A term's share of coverage over time, normalised by volume (as GDELT does).

    ``share`` is the share of the period's articles that use the term at least
    once (GDELT's "percent of all coverage"), so a busy news day does not look
    like more interest; ``per_1000`` is the term's count per 1,000 kept tokens
    of the period.

    Args:
        dtm: The matrix.
        documents: ``doc_id`` and ``date`` per document.
        terms: One term or several.
        freq: ``day``, ``week``, ``month`` or ``year``.

    Returns:
        pandas.DataFrame: ``period``, ``term``, ``articles``, ``articles_with_term``,
        ``share``, ``count``, ``tokens``, ``per_1000``; every period between the first
        and the last dated document.
    """
    terms = [terms] if isinstance(terms, str) else list(terms)
    dates = documents.set_index("doc_id")["date"].reindex(dtm.doc_ids)
    dated = dates.notna().to_numpy()
    per = _periods(dates[dated], freq).to_numpy()
    full = pd.period_range(per.min(), per.max(), freq=_FREQS[freq]).start_time if len(per) else pd.DatetimeIndex([])
    tokens_doc = np.asarray(dtm.matrix.sum(axis=1)).ravel()[dated]
    base = pd.DataFrame({"period": per, "tokens": tokens_doc})
    vol = base.groupby("period").agg(articles=("tokens", "size"), tokens=("tokens", "sum")).reindex(full, fill_value=0)
    col_of = {t: i for i, t in enumerate(dtm.terms)}
    lower = {t.lower(): i for i, t in enumerate(dtm.terms)}
    frames = []
    for term in terms:
        j = col_of.get(term, lower.get(term.lower()))
        counts = (
            np.asarray(dtm.matrix[:, j].todense()).ravel()[dated]
            if j is not None
            else np.zeros(int(dated.sum()), dtype=np.int64)
        )
        g = (
            pd.DataFrame({"period": per, "count": counts, "with": counts > 0})
            .groupby("period")
            .agg(count=("count", "sum"), articles_with_term=("with", "sum"))
            .reindex(full, fill_value=0)
        )
        part = vol.join(g).reset_index(names="period")
        part.insert(1, "term", term)
        frames.append(part)
    out = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["period", "term", "articles", "tokens", "count", "articles_with_term"])
    )
    out["articles_with_term"] = out["articles_with_term"].astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(out["articles"] > 0, out["articles_with_term"] / out["articles"].clip(lower=1), 0.0)
        out["per_1000"] = np.where(out["tokens"] > 0, out["count"] / out["tokens"].clip(lower=1) * 1000, 0.0)
    out = out[["period", "term", "articles", "articles_with_term", "share", "count", "tokens", "per_1000"]]
    out.attrs["rule"] = (
        f"per {freq}; share = articles using the term / articles of the period (GDELT's "
        f"normalisation by volume); per_1000 = count / kept tokens × 1000; {dtm.rule}"
    )
    return out


# --------------------------------------------------------------------------
# Timelines merged
# --------------------------------------------------------------------------


def _without_dateline(table: pd.DataFrame, article: Article) -> pd.DataFrame:
    """Rows of an events or timexes table that are not the dateline (the publication date restated near the top)."""
    date = article.meta.get("date")
    at = "timex_start" if "timex_start" in table.columns else "start"
    if date and len(table):
        table = table[~((table[at] < DATELINE_CHARS) & (table["value"].astype(str) == str(date)))]
    return table


def _doc_timeline(article: Article, *, events: bool) -> pd.DataFrame:
    from .. import timeline

    if events and hasattr(timeline, "events"):
        table = timeline.events(article)
        kind = "event"
    else:
        table = timeline.timexes(article)
        kind = "timex"
    table = _without_dateline(table.copy(), article)
    table.insert(1, "kind", kind)
    if "label" not in table.columns:
        table["label"] = table["text"]
    return table


def timelines(
    corpus: Corpus, *, events: bool = True, scheduler: str | None = None, progress: bool = False
) -> pd.DataFrame:
    """Every document's dated events (or temporal expressions), in one table.

    Uses :func:`analysis.timeline.events` per document (spaCy's parser: about
    0.1-0.5 s per article; each document's result is kept in the on-disk cache,
    :mod:`analysis.corpus.cache`, and read back on the next run), or :func:`analysis.timeline.timexes` with
    ``events=False`` (regex only, fast). Each document's publication date is
    its reference date. A dateline (the publication date restated in the
    first :data:`analysis.corpus.DATELINE_CHARS` characters) is not an event
    and is left out.

    Args:
        corpus: The corpus.
        events: Events (clause labels) rather than bare temporal expressions.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: The rows of every document (``doc_id`` first, then ``kind``),
        with ``start``/``end`` into each document's raw text and a ``label``.
    """
    work: Callable[[Article], pd.DataFrame] = functools.partial(_doc_timeline, events=events)
    if events:  # spaCy's parser: each document's events go through the on-disk cache
        from .cache import per_document

        work = per_document(work)
    return run(
        corpus,
        work,
        combine="concat",
        scheduler=scheduler,
        progress=progress,
        columns=["doc_id", "kind", "value", "begin", "end_date", "label"],
    )


_WORD = re.compile(r"[^\W\d_]{3,}")


def _content_words(label: str) -> frozenset[str]:
    stop = tok.stopwords()
    return frozenset(w for w in (m.lower() for m in _WORD.findall(str(label or ""))) if w not in stop)


def group_events(table: pd.DataFrame, *, min_similarity: float = 0.2) -> pd.DataFrame:
    """Group events across documents: the same normalised value and a similar label.

    Within each ``value``, an event joins the first group whose first label
    shares content words with its own (Jaccard similarity of content-word sets
    ≥ ``min_similarity``; stopwords and words under 3 letters ignored);
    otherwise it starts a group. Groups are numbered in date order.

    Args:
        table: :func:`timelines` output (``doc_id``, ``value``, ``label``, ``begin``, ``end_date``).
        min_similarity: Jaccard threshold.

    Returns:
        pandas.DataFrame: One row per group: ``group``, ``value``, ``begin``, ``end_date``,
        ``label`` (the first mention's), ``documents`` (how many), ``mentions``, ``doc_ids``
        (sorted, ``;``-joined); most documents first within a date.
    """
    cols = ["group", "value", "begin", "end_date", "label", "documents", "mentions", "doc_ids"]
    if not len(table):
        return pd.DataFrame(columns=cols)
    rows = table.reset_index(drop=True)
    groups: list[dict[str, Any]] = []
    by_value: dict[str, list[int]] = {}
    for r in rows.itertuples(index=False):
        words = _content_words(r.label)
        found = None
        for gi in by_value.get(str(r.value), []):
            first = groups[gi]["words"]
            union = words | first
            if union and len(words & first) / len(union) >= min_similarity:
                found = gi
                break
        if found is None:
            by_value.setdefault(str(r.value), []).append(len(groups))
            groups.append(
                {
                    "value": r.value,
                    "begin": r.begin,
                    "end_date": r.end_date,
                    "label": r.label,
                    "words": words,
                    "docs": {r.doc_id},
                    "mentions": 1,
                }
            )
        else:
            groups[found]["docs"].add(r.doc_id)
            groups[found]["mentions"] += 1
    out = pd.DataFrame(
        [
            {
                "value": g["value"],
                "begin": g["begin"],
                "end_date": g["end_date"],
                "label": g["label"],
                "documents": len(g["docs"]),
                "mentions": g["mentions"],
                "doc_ids": ";".join(sorted(map(str, g["docs"]))),
            }
            for g in groups
        ]
    )
    out["_b"] = pd.to_datetime(out["begin"], errors="coerce")
    out = sort_ranked(out, ["_b", "documents", "value", "label"], [True, False, True, True]).drop(columns="_b")
    out.insert(0, "group", np.arange(len(out), dtype=np.int64))
    out.attrs["rule"] = (
        f"same value and Jaccard similarity of label content words >= {min_similarity} with the group's first label"
    )
    return out[cols]


# --------------------------------------------------------------------------
# The article tables of every document
# --------------------------------------------------------------------------
#
# The same functions as for one article, per document, through execution.run (any scheduler);
# each row keeps its doc_id and its start/end into that document's raw text.


def _doc_segments(article: Article, *, include_duplicates: bool, include_boilerplate: bool) -> pd.DataFrame:
    from ..text.clean import segments as find_segments

    return find_segments(
        article.text,
        doc_id=article.doc_id,
        include_duplicates=include_duplicates,
        include_boilerplate=include_boilerplate,
    )


def _doc_pipeline(article: Article, *, table: str, lemmas: bool, stems: bool) -> pd.DataFrame:
    from .cache import analyse_costly

    return getattr(analyse_costly(article, lemmas=lemmas, stems=stems), table)


def segments(
    corpus: Corpus,
    *,
    include_duplicates: bool = False,
    include_boilerplate: bool = False,
    scheduler: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Every document's segments (:func:`analysis.clean.segments`).

    Args:
        corpus: The corpus.
        include_duplicates: Count duplicate segments too.
        include_boilerplate: Count boilerplate, credits and bylines too.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: The segments of every document that loads, in corpus order.
    """
    work = functools.partial(
        _doc_segments, include_duplicates=include_duplicates, include_boilerplate=include_boilerplate
    )
    return run(corpus, work, scheduler=scheduler, progress=progress)


def sentences(corpus: Corpus, *, scheduler: str | None = None, progress: bool = False) -> pd.DataFrame:
    """Every document's sentences (split per segment, as :func:`analysis.pipeline.analyse` does).

    Args:
        corpus: The corpus.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: ``doc_id, sent, seg, start, end, text``.
    """
    work = functools.partial(_doc_pipeline, table="sentences", lemmas=False, stems=False)
    return run(
        corpus, work, scheduler=scheduler, progress=progress, columns=["doc_id", "sent", "seg", "start", "end", "text"]
    )


def tokens(
    corpus: Corpus, *, lemmas: bool = True, stems: bool = True, scheduler: str | None = None, progress: bool = False
) -> pd.DataFrame:
    """Every document's tokens (:func:`analysis.pipeline.analyse`).

    Args:
        corpus: The corpus.
        lemmas: Add ``lemma`` and ``pos`` (spaCy).
        stems: Add ``stem`` (Snowball).
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: The tokens table of every document, in corpus order.
    """
    work = functools.partial(_doc_pipeline, table="tokens", lemmas=lemmas, stems=stems)
    return run(corpus, work, scheduler=scheduler, progress=progress)


def _with_doc_id(table: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    table = table.copy()
    table.insert(0, "doc_id", pd.Series([doc_id] * len(table), dtype=object, index=table.index))
    return table


def _named_tables(
    corpus: Corpus, func, scheduler: str | None, progress: bool, **columns: Sequence[str]
) -> dict[str, pd.DataFrame]:
    """Run a per-document function returning named tables; a table no document gave is empty, with its columns."""
    out = run(corpus, func, combine="tables", scheduler=scheduler, progress=progress)
    return {name: out.get(name, pd.DataFrame(columns=list(cols))) for name, cols in columns.items()}


def _doc_entities(article: Article) -> dict[str, pd.DataFrame]:
    from ..people import entities as ent

    mentions = ent.entities(article)
    return {"mentions": mentions, "entities": _with_doc_id(ent.summary(mentions), article.doc_id)}


def entities(corpus: Corpus, *, scheduler: str | None = None, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every document's entity mentions and entities (aliases merged within each document).

    Args:
        corpus: The corpus.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        dict[str, pandas.DataFrame]: ``mentions`` (:func:`analysis.entities.entities` of each
        document) and ``entities`` (:func:`analysis.entities.summary` of each, with ``doc_id``).
    """
    from ..people.entities import MENTION_COLUMNS
    from .cache import per_document

    return _named_tables(
        corpus,
        per_document(_doc_entities),  # spaCy's entity recogniser: through the on-disk cache
        scheduler,
        progress,
        mentions=MENTION_COLUMNS,
        entities=["doc_id", "canonical", "label", "mentions", "mentions_all", "variants", "first"],
    )


def _doc_quotes(article: Article) -> dict[str, pd.DataFrame]:
    from ..people import quotes as q

    found = q.quotes(article)
    return {"quotes": found, "sources": _with_doc_id(q.sources(found), article.doc_id)}


def quotes(corpus: Corpus, *, scheduler: str | None = None, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every document's quotations and attributions, and its sources.

    Args:
        corpus: The corpus.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        dict[str, pandas.DataFrame]: ``quotes`` (:func:`analysis.quotes.quotes` of each document)
        and ``sources`` (:func:`analysis.quotes.sources` of each, with ``doc_id``).
    """
    from ..people.quotes import COLUMNS, SOURCE_COLUMNS

    return _named_tables(corpus, _doc_quotes, scheduler, progress, quotes=COLUMNS, sources=["doc_id", *SOURCE_COLUMNS])


def _doc_timeline_tables(article: Article) -> dict[str, pd.DataFrame]:
    from .. import timeline as tl

    tx = tl.timexes(article)
    ev = tl.events(article, timex_table=tx)
    return {"timexes": tx, "events": ev, "grouped": _without_dateline(ev, article)}


def timeline(corpus: Corpus, *, scheduler: str | None = None, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every document's temporal expressions and dated events, and the events grouped across documents.

    Each document's publication date is its reference date.

    Args:
        corpus: The corpus.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        dict[str, pandas.DataFrame]: ``timexes`` and ``events`` of each document (as
        :func:`analysis.timeline.timexes` and :func:`analysis.timeline.events` give them for one
        article), and ``groups`` (:func:`group_events` of the events, datelines left out).
    """
    from ..timeline import EVENT_COLUMNS, TIMEX_COLUMNS

    out = _named_tables(
        corpus,
        _doc_timeline_tables,
        scheduler,
        progress,
        timexes=TIMEX_COLUMNS,
        events=EVENT_COLUMNS,
        grouped=EVENT_COLUMNS,
    )
    return {"timexes": out["timexes"], "events": out["events"], "groups": group_events(out["grouped"])}


def _doc_kwic(article: Article, *, term: str, by: str, window: int, chars: bool, uncounted: bool) -> pd.DataFrame:
    from ..text.pipeline import analyse
    from ..terms.stats import kwic as find

    tables = analyse(article, lemmas=by == "lemma", stems=by == "stem")
    return find(tables.tokens, term, text=article.text, by=by, window=window, chars=chars, uncounted=uncounted)


def kwic(
    corpus: Corpus,
    term: str,
    *,
    by: str = "lemma",
    window: int = 8,
    chars: bool = False,
    uncounted: bool = False,
    scheduler: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """A concordance of ``term`` in every document (:func:`analysis.terms.kwic`, per document).

    Args:
        corpus: The corpus.
        term: The term (one or more words).
        by: ``lemma``, ``form``, ``norm`` or ``stem``.
        window: Context on each side (tokens, or characters with ``chars``).
        chars: Count the window in characters.
        uncounted: Also search left-out segments.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: ``doc_id, seg, sent, start, end, left, node, right``; ``start``/``end`` are
        the node's offsets in its document's raw text.
    """
    work = functools.partial(_doc_kwic, term=term, by=by, window=window, chars=chars, uncounted=uncounted)
    out = run(
        corpus,
        work,
        scheduler=scheduler,
        progress=progress,
        columns=["doc_id", "seg", "sent", "start", "end", "left", "node", "right"],
    )
    out.attrs["rule"] = (
        f"{term!r} matched by {by} in each document; window {window} "
        f"{'characters' if chars else 'tokens'}; {_SEGMENTS_RULE[uncounted]}"
    )
    return out


_SEGMENTS_RULE = {
    True: "all segments",
    False: "counted segments only (duplicates, boilerplate, credits and bylines left out)",
}
