"""Who speaks across a corpus: every document's attributions and claim rows, and the sourcing audit per part.

:func:`people_tables` runs :func:`doc_people` over a corpus (pandas, dask processes or a cluster,
through :func:`analysis.corpus.execution.run`): the attributions
(:func:`analysis.people.attributions.quotes`), the claim rows (:func:`analysis.people.claims.claims`)
and one metadata row (``doc_id``, ``outlet``, ``date``) per document, every row with its ``doc_id``.
:func:`audit` sums them per part of the corpus (:func:`analysis.people.audit.corpus_audit`:
``outlet``, ``month`` or ``doc_id``) and adds the quotations reused across documents
(:func:`analysis.people.reuse.quote_reuse`) and the files that could not be read. The ``audit`` and
``claims`` commands of the CLI and notebook 05 call these.
"""

from __future__ import annotations

import pandas as pd

from ..reading.article import Article, CorpusError
from ..reading.corpus import ERROR_COLUMNS, Corpus, meta_row, ref_location
from .cache import per_document
from .execution import run

__all__ = ["META_COLUMNS", "PARTS", "audit", "doc_people", "people_tables", "suggest_part"]

#: What a part of the corpus audit can be (:func:`analysis.people.audit.corpus_audit`'s ``by``).
PARTS = ("doc_id", "outlet", "month")

#: The metadata columns of :func:`doc_people`'s ``meta`` table (what :func:`analysis.people.audit.corpus_audit` reads).
META_COLUMNS = ["doc_id", "outlet", "date"]


def suggest_part(meta: pd.DataFrame) -> tuple[str, str]:
    """The part a corpus's audit is best summed by, given its metadata, and why.

    ``outlet`` when every document names its outlet and there are at least two; otherwise
    ``month`` when every document is dated and the dates span at least two months; otherwise
    ``doc_id``.

    Args:
        meta (pandas.DataFrame): One row per document, with ``outlet`` and ``date`` (the ``meta``
            table of :func:`people_tables`, or :func:`analysis.corpus.stats.documents`).

    Returns:
        tuple[str, str]: The part (one of :data:`PARTS`) and the reason, in a sentence.
    """
    n = len(meta)
    outlets = [str(o) for o in meta.get("outlet", pd.Series(dtype=object)) if isinstance(o, str) and o.strip()]
    if n and len(outlets) == n and len(set(outlets)) >= 2:
        return "outlet", f"every document names its outlet ({len(set(outlets))} outlets)"
    dates = pd.to_datetime(meta.get("date", pd.Series(dtype=object)), errors="coerce")
    months = {d.strftime("%Y-%m") for d in dates if pd.notna(d)}
    why = (
        f"{n - len(outlets)} of {n} documents name no outlet"
        if len(outlets) < n
        else f"{len(set(outlets))} outlet only"
    )
    if n and int(dates.notna().sum()) == n and len(months) >= 2:
        return "month", f"{why}; every document is dated, over {len(months)} months"
    return "doc_id", f"{why}; {int(dates.notna().sum())} of {n} documents dated, over {len(months)} month(s)"


def doc_people(article: Article) -> dict[str, pd.DataFrame]:
    """One document's attributions, claim rows and metadata row (a picklable per-document function).

    Args:
        article (Article): The document.

    Returns:
        dict[str, pandas.DataFrame]: ``quotes``, ``claims`` and ``meta`` (one row: ``doc_id``,
        ``outlet``, ``date`` as YYYY-MM-DD or empty).
    """
    from ..people import quotes as q

    found = q.quotes(article)
    meta = meta_row(article)
    return {
        "quotes": found,
        "claims": q.claims(article, quotes_df=found),
        "meta": pd.DataFrame(
            [
                {
                    "doc_id": meta["doc_id"],
                    "outlet": meta["outlet"],
                    "date": "" if pd.isna(meta["date"]) else meta["date"].strftime("%Y-%m-%d"),
                }
            ],
            columns=META_COLUMNS,
        ),
    }


def people_tables(corpus: Corpus, *, scheduler: str | None = None, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every document's attributions, claim rows and metadata, and the files skipped.

    Args:
        corpus (Corpus): The corpus.
        scheduler (str | None): See :func:`analysis.corpus.execution.run`.
        progress (bool): Show a progress bar.

    Returns:
        dict[str, pandas.DataFrame]: ``quotes``, ``claims``, ``meta`` (:func:`doc_people` of every
        document; a table no document gave is empty, with its columns) and ``errors``
        (``corpus.errors``: the files skipped and why).

    Raises:
        CorpusError: No document of the corpus could be read.
    """
    from ..people.attributions import COLUMNS
    from ..people.claims import CLAIM_COLUMNS

    # spaCy's entities and parses: each document's attributions go through the on-disk cache
    out = run(corpus, per_document(doc_people), combine="tables", scheduler=scheduler, progress=progress)
    empty = {"quotes": list(COLUMNS), "claims": list(CLAIM_COLUMNS), "meta": META_COLUMNS}
    tables = {name: out.get(name, pd.DataFrame(columns=cols)) for name, cols in empty.items()}
    errors = corpus.errors
    if len(errors) and all(ref_location(ref) in corpus.skipped for ref in corpus.refs):
        first = errors.iloc[0]
        raise CorpusError(
            f"{corpus.source}: no document could be read ({len(errors)} skipped; first: "
            f"{first['file']}: {first['reason']})"
        )
    tables["errors"] = errors
    return tables


def audit(
    corpus: Corpus | dict[str, pd.DataFrame],
    *,
    by: str = "doc_id",
    scheduler: str | None = None,
    progress: bool = False,
) -> dict[str, pd.DataFrame]:
    """The sourcing audit of a corpus, one part per value of ``by``.

    Args:
        corpus (Corpus | dict[str, pandas.DataFrame]): The corpus, or the tables
            :func:`people_tables` already gave for it (not computed twice).
        by (str): ``doc_id``, ``outlet`` or ``month`` (YYYY-MM of the date; ``unknown`` when undated).
        scheduler (str | None): See :func:`analysis.corpus.execution.run`.
        progress (bool): Show a progress bar.

    Returns:
        dict[str, pandas.DataFrame]: The tables of :data:`analysis.people.audit.AUDIT_TABLES`
        (``part`` the value of ``by``), ``reuse`` (quotations found in several documents) and
        ``errors`` (the files skipped).

    Raises:
        ValueError: ``by`` is not a known part.
        CorpusError: No document of the corpus could be read.
    """
    from ..people.audit import corpus_audit
    from ..people.reuse import quote_reuse

    if by not in PARTS:
        raise ValueError(f"--by {by}: expected {', '.join(PARTS)}")
    tables = corpus if isinstance(corpus, dict) else people_tables(corpus, scheduler=scheduler, progress=progress)
    out = corpus_audit(tables["quotes"], tables["claims"], tables["meta"], by=by)
    out["reuse"] = quote_reuse(tables["quotes"])
    out["errors"] = tables.get("errors", pd.DataFrame(columns=ERROR_COLUMNS))
    return out
