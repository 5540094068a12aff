"""Command line: ``python -m analysis COMMAND ...``.

Every command that prints tables takes ``--json``: one table prints as a JSON
array of row objects (pandas ``orient="records"``), several tables as an
object of such arrays keyed by table name. Bad input (missing, empty, binary
or undecodable file, malformed sidecar) prints one line ``error: ...`` on
standard error and exits with code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .article import ArticleError, load_article
from .output import print_table as _print_table, print_tables as _print_tables

EXIT_BAD_INPUT = 2


class InputError(Exception):
    """Bad input found by the CLI itself; printed as one line."""


def _fmt(args: argparse.Namespace) -> str:
    return "json" if getattr(args, "json", False) else "csv" if getattr(args, "csv", False) else "text"


def _load(args: argparse.Namespace):
    return load_article(args.path)


def cmd_info(args: argparse.Namespace) -> int:
    art = _load(args)
    info = {"path": str(art.path), "doc_id": art.doc_id, "encoding": art.encoding, "sha256": art.sha256,
            "characters": len(art.text), **art.meta}
    print(json.dumps(info, ensure_ascii=False, indent=None if args.json else 2, default=str))
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from .clean import segments

    art = _load(args)
    segs = segments(art.text, doc_id=art.doc_id, include_duplicates=args.include_duplicates,
                    include_boilerplate=args.include_boilerplate)
    _print_table(segs, fmt=_fmt(args))
    return 0


def cmd_tokens(args: argparse.Namespace) -> int:
    from .pipeline import analyse

    art = _load(args)
    tables = analyse(art, lemmas=not args.fast, stems=not args.fast)
    _print_table(tables.tokens, fmt=_fmt(args))
    return 0


def cmd_sentences(args: argparse.Namespace) -> int:
    from .pipeline import analyse

    art = _load(args)
    tables = analyse(art, lemmas=False, stems=False)
    _print_table(tables.sentences, fmt=_fmt(args))
    return 0


#: ``eval WHAT``: module, scoring function, errors that mean bad gold data, and the title.
_EVALUATIONS = {
    "tokens": ("evaluate", "eval_tokens", (), "Tokens: exact surface-token spans, {name}"),
    "sentences": ("evaluate", "eval_sentences", (), "Sentences: exact sentence spans, {name}"),
    "timex": ("evaluate_timex", "evaluate", ("TimeBankError",), "Temporal expressions (TempEval-3 style), {path}"),
    "ner": ("evaluate_ner", "eval_ner", (), "Named entities: exact spans and labels, {name}"),
    "keyterms": ("evaluate_keyterms", "evaluate", (), "Key terms against reader keyphrases, {name}"),
}


def cmd_eval(args: argparse.Namespace) -> int:
    import importlib

    path = Path(args.path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    module_name, func, error_names, title = _EVALUATIONS[args.what]
    module = importlib.import_module(f".{module_name}", __package__)
    errors = (FileNotFoundError, *(getattr(module, e) for e in error_names))
    try:
        scores = getattr(module, func)(path)
    except errors as exc:
        raise InputError(str(exc)) from None
    if args.json:
        _print_table(scores, fmt="json")
    else:
        print(module.format_scores(scores, title=title.format(name=path.name, path=path)))
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from .timeline import ReferenceDateError, events, timexes

    if _is_corpus(args):
        return _corpus_command(args, "timeline")
    art = _load(args)
    date = args.date
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise InputError(f"--date {date!r}: expected YYYY-MM-DD")
    try:
        tx = timexes(art, date)
    except ReferenceDateError as exc:
        raise InputError(f"--date {date!r}: {exc}") from None
    ev = events(art, date, timex_table=None)
    _print_tables({"timexes": tx, "events": ev}, fmt=_fmt(args))
    return 0


def _term_tables(args: argparse.Namespace):
    from .pipeline import analyse

    return analyse(_load(args))


def cmd_terms(args: argparse.Namespace) -> int:
    from .terms import frequencies

    if _is_corpus(args):
        return _corpus_command(args, "terms")
    freq = frequencies(_term_tables(args).tokens, by=args.by, uncounted=args.uncounted)
    _print_table(freq.head(args.top), fmt=_fmt(args))
    return 0


def cmd_ngrams(args: argparse.Namespace) -> int:
    from .terms import ngrams

    grams = ngrams(_term_tables(args).tokens, n=args.n, by=args.by, min_count=args.min_count)
    _print_table(grams.head(args.top), fmt=_fmt(args))
    return 0


def cmd_collocations(args: argparse.Namespace) -> int:
    from .terms import collocations

    colls = collocations(_term_tables(args).tokens, by=args.by, min_count=args.min_count, sort_by=args.measure)
    _print_table(colls.head(args.top), fmt=_fmt(args))
    return 0


def cmd_keyness(args: argparse.Namespace) -> int:
    from .terms import keyness

    key = keyness(_term_tables(args).tokens, by=args.by, min_count=args.min_count)
    table = pd.concat([key.head(args.top), key[key["direction"] == "under"].tail(args.top).iloc[::-1]])
    _print_table(table.drop_duplicates(), fmt=_fmt(args))
    if _fmt(args) == "text":
        print(f"\nreference: {key.attrs['reference']}")
    return 0


def cmd_keyterms(args: argparse.Namespace) -> int:
    from .terms import keyterms

    if _is_corpus(args):
        return _corpus_command(args, "keyterms")
    _print_table(keyterms(_term_tables(args), top=args.top), fmt=_fmt(args))
    return 0


def cmd_kwic(args: argparse.Namespace) -> int:
    from .terms import kwic

    tables = _term_tables(args)
    conc = kwic(tables.tokens, args.term, text=tables.article.text, by=args.by, window=args.window,
                chars=args.chars, uncounted=args.uncounted)
    _print_table(conc, fmt=_fmt(args))
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    from .entities import entities, summary

    mentions = entities(_load(args))
    _print_tables({"mentions": mentions, "entities": summary(mentions)}, fmt=_fmt(args))
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    from .quotes import quotes, sources

    found = quotes(_load(args))
    _print_tables({"quotes": found, "sources": sources(found)}, fmt=_fmt(args))
    return 0


def _is_corpus(args: argparse.Namespace) -> bool:
    """A folder or a JSONL/CSV/Parquet file: a corpus rather than one article."""
    from .corpus import TABLE_SUFFIXES

    path = Path(args.path)
    return path.is_dir() or path.suffix.lower() in TABLE_SUFFIXES


def _corpus_command(args: argparse.Namespace, what: str) -> int:
    """``corpus``, and ``terms``/``keyterms``/``timeline`` given a corpus path."""
    from . import corpus_stats as cs
    from .corpus import Corpus, ref_location
    from .execution import write_table

    if not _is_corpus(args):
        load_article(args.path)  # one article file: fail early with the same one-line error as elsewhere
    corpus = Corpus.from_path(args.path)
    opts = {"scheduler": getattr(args, "scheduler", None), "progress": sys.stderr.isatty()}
    try:
        if what == "corpus":
            tables = {"documents": cs.summary(corpus, **opts)}
        elif what == "terms":
            tables = {"terms": cs.frequencies(corpus, by=args.by if args.by != "stem" else "lemma",
                                              segments=not args.uncounted, **opts).head(args.top)}
        elif what == "keyterms":
            tables = {"keyterms": cs.top_terms(cs.doc_term_matrix(corpus, **opts), top=args.top)}
        else:
            events = cs.timelines(corpus, **opts)
            tables = {"events": events, "groups": cs.group_events(events)}
    except ValueError as exc:
        raise InputError(str(exc)) from None
    errors = corpus.errors
    failed = set(errors["file"])
    if corpus.refs and all(ref_location(ref) in failed for ref in corpus.refs):
        first = errors.iloc[0]
        raise InputError(f"{args.path}: no document could be read ({len(errors)} skipped; first: "
                         f"{first['file']}: {first['reason']})")
    if getattr(args, "out", None):
        write_table(tables[next(iter(tables))], args.out)
    tables["errors"] = errors
    _print_tables(tables, fmt=_fmt(args))
    return 0


def cmd_corpus(args: argparse.Namespace) -> int:
    return _corpus_command(args, "corpus")


def cmd_figures(args: argparse.Namespace) -> int:
    from .figures import FigureRunError, run_figures

    article = Path(args.article)
    load_article(article)  # fail early, with one line, on a bad article
    try:
        runs = run_figures(out_dir=args.out, article=article, only=args.only or None,
                           executed_dir=args.executed,
                           extra_parameters={"corpus_path": str(Path(args.corpus).resolve())} if args.corpus else None)
    except FigureRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for run in runs:
        for f in run.figures:
            print(f)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .figures import FigureRunError
    from .report import build_report

    load_article(args.article)  # fail early, with one line, on a bad article
    try:
        print(build_report(out_dir=args.out, article=args.article))
    except FigureRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``.

    Returns:
        argparse.ArgumentParser: The parser.
    """
    from .paths import ARTICLE, FIGURES_DIR

    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Close, honest reading of French news text.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_: str, *, path: bool = True, formats: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        if path:
            p.add_argument("path", help="article file (.txt; a <stem>.meta.json sidecar is read if present)")
        if formats:
            g = p.add_mutually_exclusive_group()
            g.add_argument("--json", action="store_true", help="print JSON (records)")
            g.add_argument("--csv", action="store_true", help="print CSV")
        p.set_defaults(func=func)
        return p

    p = add("info", cmd_info, "print the article's metadata", formats=False)
    p.add_argument("--json", action="store_true", help="compact JSON")
    p = add("clean", cmd_clean, "print the segments table (kinds, duplicates, what is counted)")
    p.add_argument("--include-duplicates", action="store_true", help="count duplicate segments too")
    p.add_argument("--include-boilerplate", action="store_true", help="count boilerplate, credits, bylines")
    p = add("tokens", cmd_tokens, "print the tokens table (with lemmas, POS and stems)")
    p.add_argument("--fast", action="store_true", help="no lemmas, POS or stems (no spaCy)")
    add("sentences", cmd_sentences, "print the sentences table")
    p = add("timeline", cmd_timeline, "print temporal expressions (normalised TIMEX3) and dated events")
    p.add_argument("--scheduler", default=None, help="pandas (in-process), processes, or tcp://host:port (dask)")
    p.add_argument("--date", default=None, help="reference date YYYY-MM-DD (default: the article's metadata)")
    add("entities", cmd_entities, "print entity mentions (corrected, aliases merged) and the entities summary")
    add("quotes", cmd_quotes, "print quotes, reported speech and attributions, and the sources summary")
    units = ["lemma", "form", "stem", "norm"]
    p = add("terms", cmd_terms, "print term frequencies (stopwords, punctuation and left-out segments excluded)")
    p.add_argument("--scheduler", default=None, help="pandas (in-process), processes, or tcp://host:port (dask)")
    p.add_argument("--by", choices=units, default="lemma", help="what a term is (default: lemma)")
    p.add_argument("--top", type=int, default=30, help="how many terms (default: 30)")
    p.add_argument("--uncounted", action="store_true", help="count left-out segments (duplicates, boilerplate) too")
    p = add("ngrams", cmd_ngrams, "print the most frequent n-grams (inside sentences, not over punctuation)")
    p.add_argument("-n", type=int, default=2, help="n-gram length (default: 2)")
    p.add_argument("--by", choices=units, default="lemma", help="unit (default: lemma)")
    p.add_argument("--top", type=int, default=30, help="how many n-grams (default: 30)")
    p.add_argument("--min-count", type=int, default=1, help="smallest count (default: 1)")
    p = add("collocations", cmd_collocations, "print collocations scored by PMI, log-likelihood and t-score")
    p.add_argument("--by", choices=units, default="lemma", help="unit (default: lemma)")
    p.add_argument("--top", type=int, default=30, help="how many pairs (default: 30)")
    p.add_argument("--min-count", type=int, default=2, help="smallest pair count (default: 2)")
    p.add_argument("--measure", choices=["likelihood_ratio", "pmi", "t_score"], default="likelihood_ratio")
    p = add("keyness", cmd_keyness, "print keyness against general French (wordfreq): G² and log-ratio")
    p.add_argument("--by", choices=["lemma", "form", "norm"], default="lemma", help="unit (default: lemma)")
    p.add_argument("--top", type=int, default=20, help="how many over- and under-represented terms (default: 20)")
    p.add_argument("--min-count", type=int, default=2, help="smallest count in the text (default: 2)")
    p = add("keyterms", cmd_keyterms, "print the key terms (single and multi-word, lemmatised), best first")
    p.add_argument("--scheduler", default=None, help="pandas (in-process), processes, or tcp://host:port (dask)")
    p.add_argument("--top", type=int, default=10, help="how many terms (default: 10)")
    p = add("corpus", cmd_corpus, "print a corpus's per-document summary (folder, .jsonl, .csv or .parquet)")
    p.add_argument("--scheduler", default=None, help="pandas (in-process), processes, or tcp://host:port (dask)")
    p.add_argument("--out", default=None, help="also write the summary here, atomically (.csv, .parquet, .jsonl)")
    p = add("kwic", cmd_kwic, "print a keyword-in-context concordance of TERM")
    p.add_argument("term", help="the term (one or more words), e.g. missile")
    p.add_argument("--by", choices=units, default="lemma", help="match by (default: lemma, every form)")
    p.add_argument("--window", type=int, default=8, help="context on each side (default: 8 tokens)")
    p.add_argument("--chars", action="store_true", help="count the window in characters")
    p.add_argument("--uncounted", action="store_true", help="search left-out segments too")
    p = add("eval", cmd_eval, "score tokens, sentences, dates, entities or key terms against gold data",
            path=False, formats=False)
    p.add_argument("what", choices=["tokens", "sentences", "ner", "keyterms", "timex"])
    p.add_argument("path", help="gold data: a CoNLL-U file (tokens, sentences, ner), the TimeBank folder "
                                "(timex) or the Wikinews folder (keyterms)")
    p.add_argument("--json", action="store_true", help="print JSON (records)")
    p = add("figures", cmd_figures, "execute the notebooks headless and write every figure",
            path=False, formats=False)
    p.add_argument("--out", default=str(FIGURES_DIR), help="output folder (default: figures/)")
    p.add_argument("--article", default=str(ARTICLE), help="article to analyse (default: data/article.txt)")
    p.add_argument("--only", nargs="*", help="notebook prefixes to run, e.g. 01 02")
    p.add_argument("--executed", default=None, help="keep the executed notebooks in this folder")
    p.add_argument("--corpus", default=None, help="corpus for notebook 05 (folder, .jsonl, .csv, .parquet)")
    p = add("report", cmd_report, "execute the notebooks and write one self-contained HTML report",
            path=False, formats=False)
    p.add_argument("--out", default="reports", help="output folder (default: reports/)")
    p.add_argument("--article", default=str(ARTICLE), help="article to analyse (default: data/article.txt)")
    return parser


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        int: The exit code (0 ok, 1 failure, 2 bad input).
    """
    args = build_parser().parse_args(argv)
    warnings.showwarning = _one_line_warning
    try:
        return args.func(args)
    except (ArticleError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
