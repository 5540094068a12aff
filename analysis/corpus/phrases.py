"""Corpus-level term tables: each document's key terms and the corpus's built from them, and the
corpus's n-grams, collocations and keyness against general French (re-exported by :mod:`analysis.corpus.stats`).

Counted across documents, never across a document boundary, with the article functions' rules and
spaCy lemmas.
"""

from __future__ import annotations

import functools

import pandas as pd

from ..reading.article import Article
from ..reading.corpus import Corpus
from .execution import run

__all__ = [
    "CORPUS_KEYTERM_COLUMNS",
    "KEYTERM_COLUMNS",
    "collocations",
    "corpus_keyterms",
    "keyterms",
    "ngrams",
    "reference_keyness",
]

# --------------------------------------------------------------------------
# Key terms: each document's, and the corpus's built from them
# --------------------------------------------------------------------------

KEYTERM_COLUMNS = ["doc_id", "rank", "term", "score", "count", "n_words", "start", "end", "form"]
CORPUS_KEYTERM_COLUMNS = ["term", "documents", "share", "mean_rank", "best_rank", "count", "doc_ids"]


def _doc_keyterms(article: Article, *, top: int) -> pd.DataFrame:
    from ..terms.keyterms import keyterms as find

    return find(article, top=top)


def corpus_keyterms(per_document: pd.DataFrame, *, documents: int, top: int) -> pd.DataFrame:
    """The corpus's key terms, from each document's: in how many documents a term is key, and how high.

    A term is key in a document when it is among that document's ``top`` key terms
    (:func:`analysis.keyterms.keyterms`); terms are the same when their case-folded text is.

    Args:
        per_document: Key terms of each document (``doc_id``, ``rank``, ``term``, ``count``).
        documents: How many documents were analysed (those with no key term included).
        top: The per-document cut-off the table was made with.

    Returns:
        pandas.DataFrame: ``term`` (its most frequent spelling), ``documents`` (in how many it is
        key), ``share`` (of the documents analysed), ``mean_rank`` and ``best_rank`` (1 = first, in
        the documents where it is key), ``count`` (its occurrences in those documents), ``doc_ids``
        (``;``-joined, corpus order); most documents first, then best mean rank, then term;
        ``attrs["rule"]`` says so.
    """
    rule = (
        f"a term is key in a document when it is among that document's top {top} key terms "
        "(analysis.keyterms.keyterms, the method used for one article); terms compared case-folded; "
        f"documents = in how many of the {documents} documents analysed it is key, share = documents / "
        f"{documents}; mean_rank and best_rank over those documents (1 = first); count = its "
        "occurrences there; sorted by documents (most first), mean rank (best first), then term"
    )
    if not len(per_document):
        out = pd.DataFrame(columns=CORPUS_KEYTERM_COLUMNS)
        out.attrs["rule"] = rule
        return out
    t = per_document[["doc_id", "rank", "term", "count"]].copy()
    t["key"] = t["term"].astype(str).str.lower()
    spelling = (
        t.groupby(["key", "term"], sort=False)
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["key", "n", "term"], ascending=[True, False, True], kind="mergesort")
        .drop_duplicates("key")
        .set_index("key")["term"]
    )
    out = t.groupby("key", sort=False).agg(
        documents=("doc_id", "nunique"),
        mean_rank=("rank", "mean"),
        best_rank=("rank", "min"),
        count=("count", "sum"),
        doc_ids=("doc_id", lambda d: ";".join(dict.fromkeys(map(str, d)))),
    )
    out.insert(0, "term", spelling.reindex(out.index).to_numpy(dtype=object))
    out.insert(2, "share", out["documents"] / documents if documents else 0.0)
    out["mean_rank"] = out["mean_rank"].astype(float).round(6)  # no float noise in a file
    out = out.reset_index(drop=True).astype({"documents": "int64", "best_rank": "int64", "count": "int64"})
    out = out.sort_values(
        ["documents", "mean_rank", "term"], ascending=[False, True, True], kind="mergesort", ignore_index=True
    )
    out.attrs["rule"] = rule
    return out[CORPUS_KEYTERM_COLUMNS]


def keyterms(
    corpus: Corpus, *, top: int = 10, scheduler: str | None = None, progress: bool = False
) -> dict[str, pd.DataFrame]:
    """Each document's key terms, and the corpus's key terms made from them.

    Args:
        corpus: The corpus.
        top: Key terms per document.
        scheduler: See :func:`analysis.execution.run`.
        progress: Show a progress bar.

    Returns:
        dict[str, pandas.DataFrame]: ``keyterms`` (:func:`analysis.keyterms.keyterms` of each
        document, ``doc_id`` first, ``start``/``end`` into that document's raw text) and
        ``corpus_keyterms`` (:func:`corpus_keyterms`: in how many documents each term is key, its
        mean rank there); both with ``attrs["rule"]``.
    """
    per_doc = run(
        corpus,
        functools.partial(_doc_keyterms, top=top),
        scheduler=scheduler,
        progress=progress,
        columns=KEYTERM_COLUMNS,
    )
    analysed = _loaded(corpus)
    per_doc.attrs["rule"] = f"per document, top {top}: analysis.keyterms.keyterms on each of {analysed} documents"
    return {"keyterms": per_doc, "corpus_keyterms": corpus_keyterms(per_doc, documents=analysed, top=top)}


def _loaded(corpus: Corpus) -> int:
    """How many documents of the corpus loaded (after a pass over it)."""
    from ..reading.corpus import ref_location

    failed = set(corpus.errors["file"])
    return sum(ref_location(r) not in failed for r in corpus.refs)


# --------------------------------------------------------------------------
# Corpus-level term tables: counted across documents, never across a document boundary
# --------------------------------------------------------------------------

_TERM_TOKEN_COLUMNS = ["doc_id", "seg", "sent", "start", "text", "norm", "is_stop", "is_punct", "is_alpha", "counted"]


def _doc_term_tokens(article: Article, *, by: str) -> pd.DataFrame:
    """The columns of a document's tokens that the term tables use (spaCy lemmas or stems if asked)."""
    from ..text.pipeline import analyse

    toks = analyse(article, lemmas=by == "lemma", stems=by == "stem").tokens
    return toks[_TERM_TOKEN_COLUMNS + ([by] if by in ("lemma", "stem") else [])]


def _term_tokens(corpus: Corpus, by: str, scheduler: str | None, progress: bool) -> pd.DataFrame:
    return run(
        corpus,
        functools.partial(_doc_term_tokens, by=by),
        scheduler=scheduler,
        progress=progress,
        columns=_TERM_TOKEN_COLUMNS + [by],
    )


def _corpus_rule(rule: str, corpus: Corpus) -> str:
    return f"{rule}; counted over {_loaded(corpus)} documents, never across a document boundary"


def ngrams(
    corpus: Corpus,
    *,
    n: int = 2,
    by: str = "lemma",
    min_count: int = 1,
    scheduler: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """The corpus's n-grams (:func:`analysis.terms.ngrams` over every document's tokens at once).

    n-grams stay inside a sentence of one document, so none crosses documents;
    lemmas are spaCy's, as for one article.

    Args:
        corpus: The corpus.
        n: n-gram length.
        by: ``lemma``, ``form``, ``norm`` or ``stem``.
        min_count: Smallest count in the corpus.
        scheduler: See :func:`analysis.execution.run` (for the per-document tokens).
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: ``term``, ``n``, ``count``, ``share``, ``per_1000`` (of the corpus's
        n-grams), most frequent first; ``attrs["rule"]``.
    """
    from ..terms.stats import ngrams as count

    out = count(_term_tokens(corpus, by, scheduler, progress), n=n, by=by, min_count=min_count)
    out.attrs["rule"] = _corpus_rule(out.attrs["rule"], corpus)
    return out


def collocations(
    corpus: Corpus,
    *,
    by: str = "lemma",
    min_count: int = 2,
    sort_by: str = "likelihood_ratio",
    scheduler: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """The corpus's collocations (:func:`analysis.terms.collocations` over every document's tokens).

    Pairs stay inside a sentence of one document; the association measures use the corpus's counts.

    Args:
        corpus: The corpus.
        by: ``lemma``, ``form``, ``norm`` or ``stem``.
        min_count: Smallest pair count in the corpus.
        sort_by: ``likelihood_ratio``, ``pmi`` or ``t_score``.
        scheduler: See :func:`analysis.execution.run` (for the per-document tokens).
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: ``w1``, ``w2``, ``term``, ``count``, ``pmi``, ``likelihood_ratio``,
        ``t_score``, best first; ``attrs["rule"]``.
    """
    from ..terms.stats import collocations as find

    out = find(_term_tokens(corpus, by, scheduler, progress), by=by, min_count=min_count, sort_by=sort_by)
    out.attrs["rule"] = _corpus_rule(out.attrs["rule"], corpus)
    return out


def reference_keyness(
    corpus: Corpus, *, by: str = "lemma", min_count: int = 2, scheduler: str | None = None, progress: bool = False
) -> pd.DataFrame:
    """Keyness of the whole corpus against general French (:func:`analysis.terms.keyness`, wordfreq).

    The corpus's tokens are counted as one text: a term's count is its count
    in all documents, and the text size the corpus's kept tokens. (For a
    document or sub-corpus against the rest of the corpus, see :func:`keyness`.)

    Args:
        corpus: The corpus.
        by: ``lemma``, ``form`` or ``norm``.
        min_count: Smallest count in the corpus.
        scheduler: See :func:`analysis.execution.run` (for the per-document tokens).
        progress: Show a progress bar.

    Returns:
        pandas.DataFrame: The columns of :func:`analysis.terms.keyness` without ``doc_id``;
        ``attrs["rule"]`` and ``attrs["reference"]``.

    Raises:
        ValueError: ``by="stem"`` (wordfreq lists words, not stems).
    """
    from ..terms.stats import keyness as score

    if by == "stem":
        raise ValueError("keyness needs words wordfreq lists: use by='lemma', 'norm' or 'form'")
    toks = _term_tokens(corpus, by, scheduler, progress)
    toks = toks.assign(doc_id=pd.Series(["corpus"] * len(toks), dtype=object, index=toks.index))
    out = score(toks, by=by, min_count=min_count)
    rule, reference = out.attrs["rule"], out.attrs["reference"]
    out = out.drop(columns="doc_id")
    out.attrs.update(rule=f"the corpus's {_loaded(corpus)} documents counted as one text; {rule}", reference=reference)
    return out
