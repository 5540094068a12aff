"""Command line: ``python -m analysis COMMAND ...``.

Every analysis command takes one article (``.txt``, ``.md``, ``.html``) or a
corpus (a folder, or a ``.jsonl``, ``.csv`` or ``.parquet`` file). On a corpus,
per-document tables (segments, tokens, sentences, entities, quotes, timexes,
events, key terms, concordance lines) keep each row's ``doc_id`` and offsets
into that document's raw text, and run through :func:`analysis.execution.run`
(``--scheduler``); corpus-level tables (terms, n-grams, collocations, keyness,
corpus key terms) count across documents, never across a document boundary.
A corpus run also prints the ``errors`` table (files or rows skipped, and why).

Every command that prints tables takes ``--json``: one table prints as a JSON
array of row objects (pandas ``orient="records"``), several tables as an
object of such arrays keyed by table name.

Exit codes: 0 success; 1 a failure that is not the input's (a notebook that
fails, a full disk); 2 bad input (a file, an option, a gold file, a scheduler
or an output path), with one line ``error: ...`` on standard error and never
a traceback; 130 interrupted by SIGINT (Ctrl-C), 143 by SIGTERM: one line
``interrupted``, staging folders and partial outputs removed, workers and
kernels stopped.

Output: where the terminal's encoding cannot show a character (``LC_ALL=C``,
``PYTHONIOENCODING=ascii``), it is written as a ``\\uXXXX`` escape: lossless
and valid inside ``--json`` strings; with text or CSV output a warning says
how many characters were escaped.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..reading.article import ArticleError, display_path, load_article
from . import commands_textometry
from .arguments import at_least as _at_least, is_corpus_path, output_format
from .output import print_table as _print_table, print_tables as _print_tables
from .process import (
    Escapes,
    Terminated,
    discard_stdout,
    flush_quietly,
    interrupted,
    log_warnings_as_lines,
    main_thread,
    on_signal,
    one_line_warning,
    setup_output,
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXITbad_input = 2
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


class InputError(Exception):
    """Bad input found by the CLI itself; printed as one line."""


# --------------------------------------------------------------------------
# Inputs: one article or a corpus, and the options that apply to each
# --------------------------------------------------------------------------

#: Options that apply to one article only: dest → why.
_ARTICLE_ONLY = {"date": "each document's own publication date is its reference date"}
#: Options that apply to a corpus only.
#: Options that apply to a corpus only (a command may name more: ``set_defaults(corpus_only=...)``).
_CORPUS_ONLY = ("scheduler",)


def _option(dest: str) -> str:
    return "--" + dest.replace("_", "-")


def _check_options(args: argparse.Namespace) -> None:
    """Options that do not apply to the input are errors, never silently ignored."""
    path = getattr(args, "path", None)
    if path is None or not getattr(args, "takes_corpus", False):
        return
    if is_corpus_path(path):
        for dest, why in _ARTICLE_ONLY.items():
            if getattr(args, dest, None) is not None:
                raise InputError(f"{_option(dest)} applies to one article, not to a corpus ({path}): {why}")
    else:
        for dest in getattr(args, "corpus_only", _CORPUS_ONLY):
            if getattr(args, dest, None) is not None:
                raise InputError(
                    f"{_option(dest)} applies to a corpus (a folder, or a .jsonl, .csv or .parquet "
                    f"file), not to one article ({path})"
                )


def _load(args: argparse.Namespace):
    return load_article(args.path)


def _analyse(
    args: argparse.Namespace,
    on_article: Callable[[Any], Any] | None,
    on_corpus: Callable[[Any, dict[str, Any]], dict[str, pd.DataFrame]],
    *,
    corpus_level: Sequence[str] = (),
) -> int:
    """Run a command on one article or on a corpus and print its tables.

    Args:
        args: The parsed arguments (``path``).
        on_article: Article → a table, or tables by name.
        on_corpus: Corpus and the run options (``scheduler``, ``progress``) → tables by name.
        corpus_level: Names of the corpus-level tables, whose rule is printed in text output.

    Returns:
        int: The exit code.
    """
    if not is_corpus_path(args.path):
        if on_article is None:
            raise InputError(f"{args.path}: this command reads a corpus (a folder or a table file)")
        out = on_article(_load(args))
        _print_any(out, args)
        return EXIT_OK
    tables = _on_corpus(args, on_corpus)
    _print_any(tables, args)
    if output_format(args) == "text":
        for name in corpus_level:
            if tables[name].attrs.get("rule"):
                print(f"rule ({name}): {tables[name].attrs['rule']}")
    return EXIT_OK


def _on_corpus(args: argparse.Namespace, on_corpus) -> dict[str, pd.DataFrame]:
    """Read the corpus, run the command over it, check something was read, add the errors table."""
    from ..reading.corpus import Corpus, ref_location
    from ..corpus.execution import SchedulerError

    corpus = Corpus.from_path(args.path)
    opts = {"scheduler": getattr(args, "scheduler", None), "progress": sys.stderr.isatty()}
    try:
        tables = on_corpus(corpus, opts)
    except SchedulerError:
        raise
    except ValueError as exc:  # an option the library refuses for this corpus
        raise InputError(str(exc).splitlines()[0]) from None
    errors = corpus.errors
    failed = corpus.skipped
    if len(errors) and all(ref_location(ref) in failed for ref in corpus.refs):
        first = errors.iloc[0]
        raise InputError(
            f"{args.path}: no document could be read ({len(errors)} skipped; first: {first['file']}: {first['reason']})"
        )
    if getattr(args, "out", None):
        from ..corpus.execution import write_table

        write_table(tables[next(iter(tables))], args.out)
    return {**tables, "errors": errors}


def _print_any(out: Any, args: argparse.Namespace) -> None:
    fmt = output_format(args)
    if isinstance(out, dict):
        _print_tables(out, fmt=fmt)
    else:
        _print_table(out, fmt=fmt)
    if fmt == "text":
        for table in out.values() if isinstance(out, dict) else [out]:
            if table.attrs.get("reference"):
                print(f"\nreference: {table.attrs['reference']}")


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def cmd_info(args: argparse.Namespace) -> int:
    if is_corpus_path(args.path):
        from ..corpus import stats as cs

        return _analyse(args, None, lambda c, o: {"documents": cs.documents(c, **o)})
    art = _load(args)
    info = {
        "path": display_path(art.path),
        "doc_id": art.doc_id,
        "encoding": art.encoding,
        "sha256": art.sha256,
        "characters": len(art.text),
        **art.meta,
    }
    print(json.dumps(info, ensure_ascii=False, indent=None if args.json else 2, default=str))
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..text.clean import segments

    opts = {"include_duplicates": args.include_duplicates, "include_boilerplate": args.include_boilerplate}
    return _analyse(
        args,
        lambda art: segments(art.text, doc_id=art.doc_id, **opts),
        lambda c, o: {"segments": cs.segments(c, **opts, **o)},
    )


def cmd_tokens(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..corpus.cache import analyse  # the on-disk cache of analysed tables

    full = not args.fast
    return _analyse(
        args,
        lambda art: analyse(art, lemmas=full, stems=full).tokens,
        lambda c, o: {"tokens": cs.tokens(c, lemmas=full, stems=full, **o)},
    )


def cmd_sentences(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..corpus.cache import analyse  # the on-disk cache of analysed tables

    return _analyse(
        args,
        lambda art: analyse(art, lemmas=False, stems=False).sentences,
        lambda c, o: {"sentences": cs.sentences(c, **o)},
    )


def cmd_timeline(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..timeline import ReferenceDateError, events, timexes

    def on_article(art):
        try:
            tx = timexes(art, args.date)
        except ReferenceDateError as exc:
            raise InputError(f"--date {args.date!r}: {exc}") from None
        return {"timexes": tx, "events": events(art, args.date, timex_table=None)}

    return _analyse(args, on_article, lambda c, o: cs.timeline(c, **o))


def cmd_terms(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs

    def on_article(art):
        from ..corpus.cache import analyse  # the on-disk cache of analysed tables (not on the corpus path)
        from ..terms.stats import frequencies

        return frequencies(analyse(art).tokens, by=args.by, uncounted=args.uncounted).head(args.top)

    def on_corpus(c, o):
        freq = cs.frequencies(c, by=args.by, segments=not args.uncounted, **o)
        freq.attrs["rule"] += f"; counted over {freq.attrs['documents']} documents (the corpus counting path)"
        return {"terms": _head(freq, args.top)}

    return _analyse(args, on_article, on_corpus, corpus_level=["terms"])


def _head(table: pd.DataFrame, n: int) -> pd.DataFrame:
    out = table.head(n)
    out.attrs = dict(table.attrs)
    return out


def cmd_ngrams(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..corpus.cache import analyse  # the on-disk cache of analysed tables
    from ..terms.stats import ngrams

    opts = {"n": args.n, "by": args.by, "min_count": args.min_count}
    return _analyse(
        args,
        lambda art: ngrams(analyse(art).tokens, **opts).head(args.top),
        lambda c, o: {"ngrams": _head(cs.ngrams(c, **opts, **o), args.top)},
        corpus_level=["ngrams"],
    )


def cmd_collocations(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..corpus.cache import analyse  # the on-disk cache of analysed tables
    from ..terms.stats import collocations

    opts = {"by": args.by, "min_count": args.min_count, "sort_by": args.measure}
    return _analyse(
        args,
        lambda art: collocations(analyse(art).tokens, **opts).head(args.top),
        lambda c, o: {"collocations": _head(cs.collocations(c, **opts, **o), args.top)},
        corpus_level=["collocations"],
    )


def _over_and_under(key: pd.DataFrame, top: int) -> pd.DataFrame:
    """The ``top`` most over-represented terms, then the ``top`` most under-represented."""
    out = pd.concat([key.head(top), key[key["direction"] == "under"].tail(top).iloc[::-1]]).drop_duplicates()
    out.attrs = dict(key.attrs)
    return out


def cmd_keyness(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..corpus.cache import analyse  # the on-disk cache of analysed tables
    from ..terms.stats import keyness

    opts = {"by": args.by, "min_count": args.min_count}
    return _analyse(
        args,
        lambda art: _over_and_under(keyness(analyse(art).tokens, **opts), args.top),
        lambda c, o: {"keyness": _over_and_under(cs.reference_keyness(c, **opts, **o), args.top)},
        corpus_level=["keyness"],
    )


def cmd_keyterms(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..corpus.cache import analyse  # the on-disk cache of analysed tables
    from ..terms.keyterms import keyterms

    def on_corpus(c, o):
        tables = cs.keyterms(c, top=args.top, **o)
        return {"keyterms": tables["keyterms"], "corpus_keyterms": _head(tables["corpus_keyterms"], args.top)}

    return _analyse(args, lambda art: keyterms(analyse(art), top=args.top), on_corpus, corpus_level=["corpus_keyterms"])


def cmd_kwic(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..corpus.cache import analyse  # the on-disk cache of analysed tables
    from ..terms.stats import kwic

    opts = {"by": args.by, "window": args.window, "chars": args.chars, "uncounted": args.uncounted}

    def on_article(art):
        return kwic(analyse(art).tokens, args.term, text=art.text, **opts)

    return _analyse(args, on_article, lambda c, o: {"kwic": cs.kwic(c, args.term, **opts, **o)})


def cmd_entities(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..people.entities import entities, summary

    def on_article(art):
        mentions = entities(art)
        return {"mentions": mentions, "entities": summary(mentions)}

    return _analyse(args, on_article, lambda c, o: cs.entities(c, **o))


def cmd_quotes(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs
    from ..people.quotes import quotes, sources

    def on_article(art):
        found = quotes(art)
        return {"quotes": found, "sources": sources(found)}

    return _analyse(args, on_article, lambda c, o: cs.quotes(c, **o))


def cmd_corpus(args: argparse.Namespace) -> int:
    from ..corpus import stats as cs

    if not is_corpus_path(args.path):
        load_article(args.path)  # one article file: fail early with the same one-line error as elsewhere
    _print_any(_on_corpus(args, lambda c, o: {"documents": cs.summary(c, **o)}), args)
    return EXIT_OK


#: ``eval WHAT``: module of :mod:`analysis.eval`, scoring function, and the title.
_EVALUATIONS = {
    "tokens": ("conllu", "eval_tokens", "Tokens: exact surface-token spans, {name}"),
    "sentences": ("conllu", "eval_sentences", "Sentences: exact sentence spans, {name}"),
    "timex": ("timex", "evaluate", "Temporal expressions (TempEval-3 style), {path}"),
    "ner": ("ner", "eval_ner", "Named entities: exact and overlapping spans with labels, {name}"),
    "keyterms": ("keyterms", "evaluate", "Key terms against reader keyphrases, {name}"),
    "quotes": ("quotes", "evaluate", "Quotes, speakers, gender and claim status (body zone), {name}"),
}


#: The evaluations that write their missed and spurious items to a TSV file (``--errors``).
_ERROR_FILES = frozenset({"keyterms", "ner", "quotes", "sentences", "timex", "tokens"})


def _slug(name: str) -> str:
    """A file-name-safe form of a gold set's name (letters, digits, ``-``; ``_`` for the rest)."""
    return re.sub(r"[^0-9A-Za-z-]+", "_", name).strip("_").lower() or "gold"


def cmd_eval(args: argparse.Namespace) -> int:
    import importlib

    from ..eval.conllu import GoldDataError

    path = Path(args.path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    module_name, func, title = _EVALUATIONS[args.what]
    module = importlib.import_module(f"..eval.{module_name}", __package__)
    options: dict[str, Any] = {}
    if args.errors and args.what not in _ERROR_FILES:
        raise InputError(f"--errors applies to eval {', '.join(sorted(_ERROR_FILES))}, not to eval {args.what}")
    if args.what in _ERROR_FILES:  # missed and spurious items (reports/ by default)
        from ..corpus.execution import check_output
        from ..paths import ROOT

        # eval ner reads two gold sets (Sequoia, HIPE): each its own default file, named after the gold
        stem = f"ner_{_slug(path.stem or path.name)}" if args.what == "ner" else args.what
        default = ROOT / "reports" / "eval" / f"{stem}_errors.tsv"
        options["errors_path"] = check_output(args.errors, formats=(".tsv",)) if args.errors else default
    if args.what in ("tokens", "sentences"):  # tune, check and all, split by blocks of sentences
        options["by_half"] = True
    try:
        scores = getattr(module, func)(path, **options)
    except GoldDataError as exc:
        raise InputError(str(exc)) from None
    if args.json:
        _print_table(scores, fmt="json")
    else:
        print(module.format_scores(scores, title=title.format(name=path.name, path=path)))
    return EXIT_OK


def _figure_options(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """Check what ``figures`` and ``report`` are given before any notebook runs."""
    from ..corpus.execution import check_output_dir

    check_output_dir(args.out)
    if getattr(args, "executed", None):
        check_output_dir(args.executed)
    article = Path(args.article)
    load_article(article)  # fail early, with one line, on a bad article
    corpus = None
    if getattr(args, "corpus", None):
        corpus = Path(args.corpus)
        if not corpus.exists():
            raise InputError(f"{corpus}: no such file or folder (--corpus)")
    return article, corpus


def cmd_figures(args: argparse.Namespace) -> int:
    from ..paths import DEMO_CORPUS
    from .notebooks import FigureRunError, notebooks, run_figures

    article, corpus = _figure_options(args)
    if args.only:
        names = [nb.name for nb in notebooks()]
        unknown = [p for p in args.only if not any(n.startswith(p) for n in names)]
        if unknown:
            raise InputError(
                f"--only {' '.join(unknown)}: no notebook name starts with "
                f"{' or '.join(map(repr, unknown))} (notebooks: {', '.join(n[:2] for n in names)})"
            )
    try:
        runs = run_figures(
            out_dir=args.out,
            article=article,
            corpus=corpus or DEMO_CORPUS,
            only=args.only or None,
            executed_dir=args.executed,
        )
    except FigureRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    for run in runs:
        for f in run.figures:
            print(f)
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .notebooks import FigureRunError
    from .report import build_report

    _figure_options(args)
    try:
        print(build_report(out_dir=args.out, article=args.article))
    except FigureRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


# --------------------------------------------------------------------------
# The parser: values checked as they are parsed, every error one line
# --------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse with its errors as one line ``error: ...`` (no usage block), exit code 2."""

    def error(self, message: str):  # noqa: D102 (argparse's hook)
        hint = f" (see {self.prog} --help)"
        self.exit(EXITbad_input, f"error: {' '.join(message.split())}{hint}\n")


def _search_term(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the term to search for is empty")
    if not re.search(r"\w", text):
        raise argparse.ArgumentTypeError(f"{text!r} has no word to search for (only punctuation or symbols)")
    return text


def _iso_date(text: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, not {text!r}")
    return text


_PATH_HELP = (
    "an article (.txt, .md, .html; a <stem>.meta.json sidecar is read if present) or a corpus "
    "(a folder, or a .jsonl, .csv or .parquet file)"
)
_SCHEDULER_HELP = (
    "corpus only: pandas (in-process, also 'none'), processes, threads, or tcp://host:port "
    "(a dask.distributed scheduler; checked first, within a few seconds)"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``.

    Returns:
        argparse.ArgumentParser: The parser.
    """
    from ..paths import ARTICLE, DEMO_CORPUS, FIGURES_DIR
    from . import commands_cache, commands_people

    parser = _Parser(prog="python -m analysis", description="Close, honest reading of French news text.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    top, count, window = _at_least(1), _at_least(1), _at_least(0)

    def add(
        name: str, func, help_: str, *, path: bool = True, formats: bool = True, corpus: bool = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        if path:
            p.add_argument("path", help=_PATH_HELP if corpus else "article file")
        if formats:
            g = p.add_mutually_exclusive_group()
            g.add_argument("--json", action="store_true", help="print JSON (records)")
            g.add_argument("--csv", action="store_true", help="print CSV")
        if path and corpus:
            p.add_argument("--scheduler", default=None, help=_SCHEDULER_HELP)
        p.set_defaults(func=func, takes_corpus=path and corpus)
        return p

    p = add("info", cmd_info, "print the article's metadata (a corpus: every document's)", formats=False)
    p.add_argument("--json", action="store_true", help="compact JSON")
    p = add("clean", cmd_clean, "print the segments table (kinds, duplicates, what is counted)")
    p.add_argument("--include-duplicates", action="store_true", help="count duplicate segments too")
    p.add_argument("--include-boilerplate", action="store_true", help="count boilerplate, credits, bylines")
    p = add("tokens", cmd_tokens, "print the tokens table (with lemmas, POS and stems)")
    p.add_argument("--fast", action="store_true", help="no lemmas, POS or stems (no spaCy)")
    add("sentences", cmd_sentences, "print the sentences table")
    p = add("timeline", cmd_timeline, "print temporal expressions (normalised TIMEX3) and dated events")
    p.add_argument(
        "--date",
        default=None,
        type=_iso_date,
        help="one article only: reference date YYYY-MM-DD (default: the article's metadata)",
    )
    add("entities", cmd_entities, "print entity mentions (corrected, aliases merged) and the entities summary")
    add("quotes", cmd_quotes, "print quotes, reported speech and attributions, and the sources summary")
    commands_people.register(sub, add)  # claims, audit
    units = ["lemma", "form", "stem", "norm"]
    p = add("terms", cmd_terms, "print term frequencies (stopwords, punctuation and left-out segments excluded)")
    p.add_argument("--by", choices=units, default="lemma", help="what a term is (default: lemma)")
    p.add_argument("--top", type=top, default=30, help="how many terms (default: 30)")
    p.add_argument("--uncounted", action="store_true", help="count left-out segments (duplicates, boilerplate) too")
    p = add("ngrams", cmd_ngrams, "print the most frequent n-grams (inside sentences, not over punctuation)")
    p.add_argument("-n", type=count, default=2, help="n-gram length (default: 2)")
    p.add_argument("--by", choices=units, default="lemma", help="unit (default: lemma)")
    p.add_argument("--top", type=top, default=30, help="how many n-grams (default: 30)")
    p.add_argument("--min-count", type=count, default=1, help="smallest count (default: 1)")
    p = add("collocations", cmd_collocations, "print collocations scored by PMI, log-likelihood and t-score")
    p.add_argument("--by", choices=units, default="lemma", help="unit (default: lemma)")
    p.add_argument("--top", type=top, default=30, help="how many pairs (default: 30)")
    p.add_argument("--min-count", type=count, default=2, help="smallest pair count (default: 2)")
    p.add_argument("--measure", choices=["likelihood_ratio", "pmi", "t_score"], default="likelihood_ratio")
    p = add("keyness", cmd_keyness, "print keyness against general French (wordfreq): G² and log-ratio")
    p.add_argument("--by", choices=["lemma", "form", "norm"], default="lemma", help="unit (default: lemma)")
    p.add_argument("--top", type=top, default=20, help="how many over- and under-represented terms (default: 20)")
    p.add_argument("--min-count", type=count, default=2, help="smallest count in the text (default: 2)")
    p = add(
        "keyterms",
        cmd_keyterms,
        "print the key terms (single and multi-word, lemmatised), best first; "
        "a corpus: each document's, and the corpus's made from them",
    )
    p.add_argument("--top", type=top, default=10, help="how many terms (per document; default: 10)")
    p = add(
        "corpus",
        cmd_corpus,
        "print a corpus's per-document summary (folder, .jsonl, .csv or .parquet; one article file is a corpus of one)",
    )
    p.set_defaults(takes_corpus=False)  # whatever it is given is a corpus: --scheduler always applies
    p.add_argument(
        "--out",
        default=None,
        help="also write the summary here, atomically (.csv, .parquet, .jsonl, .json); checked before any work",
    )
    p = add("kwic", cmd_kwic, "print a keyword-in-context concordance of TERM")
    p.add_argument("term", type=_search_term, help="the term (one or more words), e.g. missile")
    p.add_argument("--by", choices=units, default="lemma", help="match by (default: lemma, every form)")
    p.add_argument("--window", type=window, default=8, help="context on each side (default: 8 tokens)")
    p.add_argument("--chars", action="store_true", help="count the window in characters")
    p.add_argument("--uncounted", action="store_true", help="search left-out segments too")
    p = add(
        "eval",
        cmd_eval,
        "score tokens, sentences, dates, entities or key terms against gold data",
        path=False,
        formats=False,
    )
    p.add_argument("what", choices=["tokens", "sentences", "ner", "keyterms", "timex", "quotes"])
    p.add_argument(
        "path",
        help="gold data: a CoNLL-U file (tokens, sentences, ner), HIPE-2022 TSV (ner), the TimeBank "
        "folder (timex), the Wikinews folder (keyterms) or data/annotations/quotes (quotes)",
    )
    p.add_argument("--json", action="store_true", help="print JSON (records)")
    p.add_argument(
        "--errors",
        default=None,
        help="every eval: write missed and spurious (timex: and wrong-value) "
        "items to this TSV (default: reports/eval/WHAT_errors.tsv; eval ner: ner_GOLD_errors.tsv)",
    )
    p = add("figures", cmd_figures, "execute the notebooks headless and write every figure", path=False, formats=False)
    p.add_argument("--out", default=str(FIGURES_DIR), help="output folder (default: figures/)")
    p.add_argument("--article", default=str(ARTICLE), help="article to analyse (default: data/article.txt)")
    p.add_argument("--only", nargs="*", help="notebook prefixes to run, e.g. 01 02")
    p.add_argument("--executed", default=None, help="keep the executed notebooks in this folder")
    p.add_argument(
        "--corpus",
        default=str(DEMO_CORPUS),
        help="corpus for notebook 05: folder, .jsonl, .csv, .parquet (default: data/wikinews-fr-100)",
    )
    p = add(
        "report",
        cmd_report,
        "execute the notebooks and write one self-contained HTML report",
        path=False,
        formats=False,
    )
    p.add_argument("--out", default="reports", help="output folder (default: reports/)")
    p.add_argument("--article", default=str(ARTICLE), help="article to analyse (default: data/article.txt)")
    commands_textometry.register(sub, add)
    commands_cache.register(sub, add)  # cache
    return parser


# --------------------------------------------------------------------------
# Running: early checks, one-line errors (signals and the terminal: process.py)
# --------------------------------------------------------------------------


def _check_early(args: argparse.Namespace) -> None:
    """Everything that can be checked before any work: options for the input, output paths, the scheduler."""
    from ..corpus.execution import check_output, check_scheduler

    _check_options(args)
    if args.command == "corpus" and args.out:
        check_output(args.out)
    if getattr(args, "scheduler", None) is not None:
        args.scheduler = check_scheduler(args.scheduler)


def _gold_data_error() -> tuple[type[BaseException], ...]:
    """``GoldDataError`` if the eval package was imported (only an ``eval`` command raises it): the
    other commands do not import the scorers at start-up."""
    conllu = sys.modules.get(f"{__package__.rsplit('.', 1)[0]}.eval.conllu")
    return (conllu.GoldDataError,) if conllu is not None else ()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        int: The exit code (0 ok, 1 failure, 2 bad input, 130 SIGINT, 143 SIGTERM).
    """
    from ..corpus.execution import OutputError, OutputPathError, SchedulerError

    bad_input: tuple[type[BaseException], ...] = (ArticleError, InputError, SchedulerError, OutputPathError)
    args = build_parser().parse_args(argv)
    warnings.showwarning = one_line_warning
    log_warnings_as_lines()
    escapes = Escapes()
    outer = sys.stdout
    setup_output(escapes)
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)} if main_thread() else {}
    try:
        _check_early(args)
        code = args.func(args)
        sys.stdout.flush()
    except bad_input + _gold_data_error() as exc:
        flush_quietly()
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        code = EXITbad_input
    except OutputError as exc:
        discard_stdout()
        print(f"error: {exc}", file=sys.stderr)
        code = EXIT_FAILURE
    except BrokenPipeError:
        discard_stdout()
        code = EXIT_OK
    except Terminated:
        code = interrupted(EXIT_SIGTERM)
    except KeyboardInterrupt:
        code = interrupted(EXIT_SIGINT)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sys.stdout = outer
    if escapes.count and output_format(args) != "json" and args.command != "info":
        enc = getattr(outer, "encoding", "?")
        print(
            f"warning: standard output ({enc}) cannot show {escapes.count} character(s): written as \\uXXXX "
            "escapes (use --json, or set PYTHONIOENCODING=utf-8)",
            file=sys.stderr,
        )
    return code


if __name__ == "__main__":
    sys.exit(main())
