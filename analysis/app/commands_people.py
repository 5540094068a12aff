"""The CLI commands of the people area: ``claims`` and ``audit`` (``quotes`` and ``entities`` live in ``cli``).

- ``claims PATH``: the status of every sentence or clause (asserted, attributed, conditional,
  hypothetical, denied), its cue with offsets and its source (:func:`analysis.people.quotes.claims`);
  a corpus gives every document's rows.
- ``audit PATH``: the sourcing audit (:func:`analysis.people.quotes.audit`): named against anonymous
  sources, the typology of anonymous sources, the gender of named persons, the stance of reporting
  verbs by speaker, the claim statuses and the outlets cited; a corpus gives one part per document,
  or per ``--by outlet`` / ``--by month``, and the quotations reused across its documents (``reuse``);
  the corpus tables come from :mod:`analysis.corpus.sourcing`.

Both print tables in text, ``--json`` or ``--csv``; bad input is one line and exit code 2 (the rules
of :mod:`analysis.app.cli`, which calls :func:`register`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import pandas as pd

from ..reading.article import load_article
from .arguments import is_corpus_path, output_format
from .output import print_tables

__all__ = ["register"]


def _corpus_tables(args: argparse.Namespace) -> dict[str, pd.DataFrame]:
    from ..corpus.sourcing import people_tables
    from ..reading.corpus import Corpus

    return people_tables(
        Corpus.from_path(args.path), scheduler=getattr(args, "scheduler", None), progress=sys.stderr.isatty()
    )


def cmd_claims(args: argparse.Namespace) -> int:
    from ..people import quotes as q

    if is_corpus_path(args.path):
        tables = _corpus_tables(args)
        print_tables({"claims": tables["claims"], "errors": tables["errors"]}, fmt=output_format(args))
    else:
        print_tables({"claims": q.claims(load_article(args.path))}, fmt=output_format(args))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from ..corpus.sourcing import audit
    from ..people import quotes as q

    out: dict[str, Any]
    if is_corpus_path(args.path):
        out = audit(_corpus_tables(args), by=args.by or "doc_id")
    else:
        art = load_article(args.path)
        found = q.quotes(art)
        out = q.audit(found, q.claims(art, quotes_df=found))
    print_tables(out, fmt=output_format(args))
    if output_format(args) == "text":
        for name, table in out.items():
            if table.attrs.get("rule"):
                print(f"rule ({name}): {table.attrs['rule']}")
    return 0


def register(sub: Any, add: Any) -> None:
    """Add ``claims`` and ``audit`` to the CLI's sub-parsers, through the CLI's own ``add`` helper.

    Args:
        sub: The sub-parsers action (unused: every command goes through ``add``).
        add: ``build_parser``'s helper (name, function, help) → the sub-parser.
    """
    add(
        "claims",
        cmd_claims,
        "print the status of every sentence or clause (asserted, attributed, conditional, "
        "hypothetical, denied) with its cue and source",
    )
    p = add(
        "audit",
        cmd_audit,
        "print the sourcing audit: named and anonymous sources, their kinds, the gender of "
        "named persons, the stance of reporting verbs, claim statuses, outlets cited",
    )
    p.add_argument(
        "--by",
        choices=["outlet", "month", "doc_id"],
        default=None,
        help="corpus only: the part each row of the audit sums (default: doc_id)",
    )
    p.set_defaults(corpus_only=("scheduler", "by"))  # cli checks them: an error on one article
