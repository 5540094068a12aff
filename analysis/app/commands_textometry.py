"""Textometry commands: ``specificities``, ``ca``, ``reinert``, ``progression``, ``similarity``, ``query``,
``export``.

Each takes a corpus (a folder, a JSONL/CSV/Parquet file, a Europresse HTML export, an IRaMuTeQ text
corpus) or one article (a corpus of one document), reads it once with
:func:`analysis.corpus.textometry.corpus_tables` (``--scheduler`` runs that on dask), and prints the
analysis's tables (``--json``: an object of arrays keyed by table name; ``--csv``; text) followed by
the ``errors`` table (files or articles skipped, and why). Every analysis takes the same
``--partition`` (``doc_id``, ``outlet``, ``author``, ``date:month``, any metadata field) and ``--by``.
A partition field that does not exist, a part without tokens, more classes than the segments allow or
a query that does not parse is one line ``error: ...`` and exit code 2.

Registered by :func:`register` from :func:`analysis.app.cli.build_parser`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ..reading.article import CorpusError
from .arguments import at_least, non_negative, output_format
from .output import print_tables

__all__ = ["CommandInputError", "register"]

EXIT_OK = 0


class CommandInputError(CorpusError):
    """Bad input to a textometry command (the command line prints it as one line and exits with 2).

    A :class:`~analysis.reading.article.CorpusError`, which the command line already reports, so that this
    module need not import :mod:`analysis.app.cli` (which imports it).
    """


_UNITS = ["lemma", "form", "norm", "stem"]
_PATH_HELP = (
    "a corpus (a folder; a .jsonl, .csv or .parquet file; a Europresse .html export; an IRaMuTeQ "
    ".txt corpus) or one article (.txt, .md, .html)"
)


def _corpus(path: str):
    """The input as a corpus; one article file fails as every article command fails (the same one line)."""
    from ..reading.article import load_article
    from ..reading.corpus import TEXT_SUFFIXES, Corpus
    from ..reading.exports import export_format

    p = Path(path)
    if p.suffix.lower() in TEXT_SUFFIXES and not p.is_dir() and (not p.exists() or export_format(p) is None):
        load_article(p, check_language=False)  # raises the article's own one-line error
    return Corpus.from_path(p)


def _read(args: argparse.Namespace, *, lemmas: bool = True, texts: bool = False):
    """The corpus and its tables; every document failing is one error line."""
    from ..reading.corpus import ref_location
    from ..corpus.textometry import corpus_tables

    corpus = _corpus(args.path)
    tables = corpus_tables(corpus, lemmas=lemmas, texts=texts, scheduler=args.scheduler, progress=sys.stderr.isatty())
    errors = corpus.errors
    failed = corpus.skipped
    if not len(tables.documents) or (len(errors) and all(ref_location(r) in failed for r in corpus.refs)):
        first = errors.iloc[0] if len(errors) else None
        why = f" ({len(errors)} skipped; first: {first['file']}: {first['reason']})" if first is not None else ""
        raise CommandInputError(f"{args.path}: no document could be read{why}")
    return corpus, tables


def _partition(args: argparse.Namespace) -> Any:
    """``--partition FIELD``, or the ``doc_id → part`` mapping of ``--mapping FILE`` (CSV or TSV)."""
    if args.mapping is None:
        return args.partition
    path = Path(args.mapping)
    try:
        table = pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise CommandInputError(
            f"{args.mapping}: cannot be read as a CSV or TSV table "
            f"({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
        ) from None
    missing = [c for c in ("doc_id", "part") if c not in table.columns]
    if missing:
        raise CommandInputError(
            f"{args.mapping}: no {' or '.join(repr(c) for c in missing)} column (a mapping has "
            f"doc_id and part; it has {', '.join(map(repr, table.columns))})"
        )
    if table["doc_id"].duplicated().any():
        first = table.loc[table["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise CommandInputError(f"{args.mapping}: doc_id {first!r} is given more than one part")
    return {d: (p if p != "" else None) for d, p in zip(table["doc_id"], table["part"])}


def _run(
    args: argparse.Namespace,
    analysis: Callable[[Any], dict[str, pd.DataFrame]],
    *,
    lemmas: bool = True,
    texts: bool = False,
) -> int:
    corpus, tables = _read(args, lemmas=lemmas, texts=texts)
    try:
        out = analysis(tables)
    except ValueError as exc:  # TextometryError, PartitionError, ReinertError, QueryError: the input's fault
        raise CommandInputError(f"{args.path}: {str(exc).splitlines()[0]}") from None
    out = {**out, "errors": corpus.errors}
    fmt = output_format(args)
    print_tables(out, fmt=fmt)
    if fmt == "text":
        rules = dict.fromkeys(t.attrs["rule"] for t in out.values() if t.attrs.get("rule"))
        for rule in rules:
            print(f"rule: {rule}")
    return EXIT_OK


def _with_attrs(frame: pd.DataFrame, rule: str) -> pd.DataFrame:
    frame.attrs["rule"] = rule
    return frame


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def cmd_specificities(args: argparse.Namespace) -> int:
    from ..textometry import specificities

    def analysis(t):
        spec = specificities(
            t.tokens,
            t.documents,
            partition=_partition(args),
            by=args.by,
            top=args.top,
            min_f=args.min_f,
            threshold=args.threshold,
            stopwords=args.stopwords,
            missing=args.missing,
        )
        return {"specificities": spec}

    return _run(args, analysis, lemmas=args.by == "lemma")


def cmd_ca(args: argparse.Namespace) -> int:
    from ..textometry import ca, contingency, ward

    def analysis(t):
        table = contingency(
            t.tokens,
            t.documents,
            partition=_partition(args),
            by=args.by,
            top=args.top,
            min_f=args.min_f,
            missing=args.missing,
        )
        result = ca(
            table, n_components=args.dims, supplementary_columns=args.sup_parts, supplementary_rows=args.sup_terms
        )
        out = result.as_dict()
        n_parts = int((~result.columns["supplementary"]).sum())
        k = args.clusters if args.clusters is not None else None
        if k is not None and k > n_parts:
            raise CommandInputError(f"{args.path}: --clusters {k}: the partition has only {n_parts} parts")
        if n_parts >= 2:
            tree = ward(result, on="columns", k=k)
            out["clusters"] = _with_attrs(
                tree.clusters, "Ward clustering of the parts' CA coordinates (weighted by mass)"
            )
            out["ward_tree"] = tree.tree
        return out

    return _run(args, analysis, lemmas=args.by == "lemma")


def cmd_reinert(args: argparse.Namespace) -> int:
    from ..textometry import reinert

    def analysis(t):
        res = reinert(
            t.tokens,
            t.documents,
            k=args.classes,
            partition=_partition(args),
            by=args.by,
            size=args.size,
            min_freq=args.min_freq,
            double=tuple(args.double) if args.double else None,
            seed=args.seed,
            typical=args.typical,
            missing=args.missing,
        )
        return res.as_dict()

    return _run(args, analysis)


def cmd_progression(args: argparse.Namespace) -> int:
    from ..textometry import density, progression

    def analysis(t):
        prog = progression(
            t.tokens,
            args.terms,
            t.documents,
            partition=_partition(args),
            by=args.by,
            order=args.order,
            regex=args.regex,
            missing=args.missing,
        )
        if args.absent_error and prog.attrs["absent"]:
            raise CommandInputError(f"{args.path}: never found: {', '.join(prog.attrs['absent'])}")
        out = {"progression": prog}
        if args.density:
            out["density"] = density(prog, window=args.window)
        return out

    return _run(args, analysis, lemmas=args.by == "lemma")


def cmd_similarity(args: argparse.Namespace) -> int:
    from ..textometry import similarity

    def analysis(t):
        sim = similarity(
            t.tokens,
            t.documents,
            partition=_partition(args),
            part=args.part,
            by=args.by,
            top=args.top,
            index=args.index,
            size=args.size,
            min_freq=args.min_freq,
            seed=args.seed,
            missing=args.missing,
        )
        return sim.as_dict()

    return _run(args, analysis)


def cmd_query(args: argparse.Namespace) -> int:
    from ..corpus.textometry import query
    from ..textometry.cql import QueryError, compile_query

    corpus = _corpus(args.path)  # an unreadable input is one line first, as for every command
    try:
        compile_query(args.cql)  # a query that does not parse fails before any document is analysed
    except QueryError as exc:
        raise CommandInputError(str(exc)) from None
    hits = query(
        corpus,
        args.cql,
        window=args.window,
        strategy="shortest" if args.shortest else "longest",
        uncounted=args.uncounted,
        scheduler=args.scheduler,
        progress=sys.stderr.isatty(),
    )
    if not len(corpus.refs) or (len(corpus.errors) and len(corpus.skipped) >= len(corpus.refs)):
        raise CommandInputError(f"{args.path}: no document could be read")
    out = {"kwic": hits, "errors": corpus.errors}
    print_tables(out, fmt=output_format(args))
    if output_format(args) == "text":
        print(f"rule: {hits.attrs['rule']}")
    return EXIT_OK


_EXPORT_SUFFIXES = {".txt": "iramuteq", ".xml": "txm"}


def cmd_export(args: argparse.Namespace) -> int:
    from ..reading.iramuteq import write_corpus
    from ..reading.txm import write_txm

    corpus = _corpus(args.path)
    out = Path(args.out)
    to = args.to or _EXPORT_SUFFIXES.get(out.suffix.lower())
    if to is None:
        raise CommandInputError(
            f"{args.out}: cannot tell the format from {out.suffix or 'no extension'!r}: name a "
            ".txt (IRaMuTeQ) or .xml (TXM) file, or give --to"
        )
    if out.is_dir() or not out.parent.is_dir():
        raise CommandInputError(
            f"{args.out}: {'a folder' if out.is_dir() else 'no such folder: ' + str(out.parent)}"
            " (the output must be a file in an existing folder)"
        )
    if to == "iramuteq":
        report = write_corpus(corpus, out, variables=args.variables)
    else:
        _, tables = _read(args)
        report = write_txm(tables.tokens, tables.documents, out)
    errors = corpus.errors
    tables_out = {"written": report, "errors": errors}
    print_tables(tables_out, fmt=output_format(args))
    if output_format(args) == "text":
        print(f"rule: {report.attrs['rule']}\nwrote {out}")
    return EXIT_OK


# --------------------------------------------------------------------------
# Registration
# --------------------------------------------------------------------------


def _common(p: argparse.ArgumentParser, *, partition: str | None = "doc_id", by: bool = True) -> None:
    p.set_defaults(takes_corpus=False)  # the input is always read as a corpus: --scheduler always applies
    p.add_argument(
        "--partition",
        default=partition,
        metavar="FIELD",
        help="the parts: doc_id, outlet, author, date:day|week|month|year, or any metadata field"
        + (f" (default: {partition})" if partition else " (default: none)"),
    )
    p.add_argument(
        "--mapping",
        default=None,
        metavar="FILE",
        help="instead of a field: a CSV or TSV of doc_id,part (documents it does not list: see --missing)",
    )
    p.add_argument(
        "--missing",
        choices=["part", "drop", "error"],
        default="part",
        help="documents without a value for the field: a part of their own (default), left out, or an error",
    )
    if by:
        p.add_argument("--by", choices=_UNITS, default="lemma", help="what a term is (default: lemma)")


def register(sub: argparse._SubParsersAction, add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the textometry commands to the parser.

    Args:
        sub: The subparsers of :func:`analysis.app.cli.build_parser` (unused: ``add`` wraps it).
        add: ``build_parser``'s helper (``add(name, func, help)`` → the new subparser, with ``path``,
            ``--json``/``--csv`` and ``--scheduler``).
    """
    del sub
    top, count = at_least(1), at_least(1)
    p = add(
        "specificities",
        cmd_specificities,
        "print Lafon's specificities (exact hypergeometric, as TXM) of "
        "every term in every part: term, part, f, F, t, T, score",
    )
    _common(p)
    p.add_argument("--top", type=top, default=20, help="per part: the N highest and N lowest scores (default: 20)")
    p.add_argument("--min-f", type=count, default=2, help="terms with at least this many occurrences (default: 2)")
    p.add_argument("--threshold", type=non_negative, default=2.0, help="banality threshold on |score| (default: 2)")
    p.add_argument("--stopwords", action="store_true", help="score stopwords too")

    p = add(
        "ca",
        cmd_ca,
        "print a correspondence analysis of the term × part table: contingency, eigenvalues, "
        "terms, parts (coordinates, contributions, cos²) and a Ward clustering of the parts",
    )
    _common(p)
    p.add_argument("--top", type=top, default=100, help="the N most frequent terms (default: 100)")
    p.add_argument("--min-f", type=count, default=1, help="terms with at least this many occurrences (default: 1)")
    p.add_argument("--dims", type=count, default=None, help="axes to keep (default: all)")
    p.add_argument("--clusters", type=count, default=None, help="cut the Ward tree of the parts into K clusters")
    p.add_argument("--sup-parts", nargs="+", default=(), metavar="PART", help="parts projected, not fitted")
    p.add_argument("--sup-terms", nargs="+", default=(), metavar="TERM", help="terms projected, not fitted")

    p = add(
        "reinert",
        cmd_reinert,
        "print a Reinert classification (IRaMuTeQ's CHD, after rainette): segments, "
        "class profiles, typical segments, dendrogram",
    )
    _common(p, partition=None, by=False)
    p.add_argument("--by", choices=["lemma", "norm", "form"], default="lemma", help="what a term is (default: lemma)")
    p.add_argument("--classes", "-k", type=at_least(2), default=6, help="number of classes (default: 6)")
    p.add_argument("--size", type=count, default=40, help="segment length in words (default: 40, IRaMuTeQ's)")
    p.add_argument("--min-freq", type=count, default=3, help="active lemmas in at least N segments (default: 3)")
    p.add_argument(
        "--double",
        type=at_least(0),
        nargs=2,
        metavar=("S1", "S2"),
        default=None,
        help="double classification with these two minimum segment sizes (rainette2)",
    )
    p.add_argument("--seed", type=at_least(0), default=0, help="seed of the iterative CA on large tables (default: 0)")
    p.add_argument("--typical", type=at_least(0), default=5, help="typical segments per class (default: 5)")

    p = add(
        "progression",
        cmd_progression,
        "print where TERMs occur along the corpus (TXM's progression: cumulative counts, and densities with --density)",
    )
    _common(p, partition=None)
    p.add_argument("terms", nargs="+", metavar="TERM", help="terms to follow (in the --by unit)")
    p.add_argument("--order", choices=["reading", "date"], default="reading", help="corpus order (default: reading)")
    p.add_argument("--regex", action="store_true", help="terms are regular expressions (whole term, any case)")
    p.add_argument("--density", action="store_true", help="also print occurrences per window of positions")
    p.add_argument("--window", type=count, default=None, help="density window in tokens (default: 1/20 of the corpus)")
    p.add_argument("--absent-error", action="store_true", help="a term that never occurs is an error")

    p = add(
        "similarity",
        cmd_similarity,
        "print a similarity analysis (IRaMuTeQ): lemmas' co-occurrence in "
        "segments, its maximum spanning tree and communities",
    )
    _common(p, partition=None, by=False)
    p.add_argument("--by", choices=["lemma", "norm", "form"], default="lemma", help="what a term is (default: lemma)")
    p.add_argument("--part", default=None, help="only the segments of this part of --partition")
    p.add_argument("--top", type=top, default=60, help="the N lemmas in most segments (default: 60)")
    p.add_argument("--index", choices=["cooccurrence", "jaccard"], default="cooccurrence")
    p.add_argument("--size", type=count, default=40, help="segment length in words (default: 40)")
    p.add_argument("--min-freq", type=count, default=3, help="lemmas in at least N segments (default: 3)")
    p.add_argument("--seed", type=at_least(0), default=0, help="seed of the community detection (default: 0)")

    p = add(
        "query",
        cmd_query,
        "print the concordance (KWIC, with raw offsets) of a CQL query, TXM's syntax: "
        '[lemma="drone"] [pos="ADJ"], regexes, != & |, []{m,n}, within s',
    )
    p.set_defaults(takes_corpus=False)
    p.add_argument("cql", metavar="CQL", help='the query, e.g. \'[lemma="président"] [pos="PROPN"]+\'')
    p.add_argument("--window", type=at_least(0), default=8, help="context on each side, in tokens (default: 8)")
    p.add_argument("--shortest", action="store_true", help="the shortest match from each position (default: longest)")
    p.add_argument("--uncounted", action="store_true", help="search duplicate and boilerplate segments too")

    p = add(
        "export",
        cmd_export,
        "write a corpus for IRaMuTeQ (a '**** *var_value' text corpus) or TXM (XML with "
        "<text> metadata and <w> words: lemma, pos, offsets); prints what was written",
    )
    p.set_defaults(takes_corpus=False)
    p.add_argument("out", metavar="OUT", help="the file to write, atomically (.txt: IRaMuTeQ, .xml: TXM)")
    p.add_argument("--to", choices=["iramuteq", "txm"], default=None, help="the format (default: from OUT's extension)")
    p.add_argument(
        "--variables",
        nargs="+",
        default=["date", "outlet", "author", "section"],
        metavar="FIELD",
        help="IRaMuTeQ: metadata fields written as starred variables (default: date outlet author section)",
    )
