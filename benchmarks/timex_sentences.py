"""Score the temporal tagger on the project's own TIMEX3 test sentences, beside dateparser.

The sentences (``tests/timeline/data/timex_sentences.tsv``, 447 sentences, 469 rows) were written for
this project from the French TimeML annotation guide (its catalogue of expressions and its example
sentences) and HeidelTime's French resources, not copied from any gold corpus; each row names its
source. 76 of them must give no TIMEX3 (money, counts, scores, ages, *les 35 heures* …).
The test set is not weighted like a corpus: rare forms have as many rows as frequent ones, so the
figures say which classes are broken, not what a corpus would score.

Prints strict / relaxed / value P-R-F1 (TempEval-3, as ``eval timex``) overall and by family, for our
tagger and dateparser in the same run, and writes every missed, spurious, wrong-value and
wrong-extent item to a TSV. With ``--known-failures`` it rewrites the ledger the test suite reads
(``tests/timeline/data/timex_sentences_known_failures.tsv``: the sentences that fail today, each an
expected failure until fixed).

Usage:
    .venv/bin/python benchmarks/timex_sentences.py [--errors reports/eval/timex_sentences_errors.tsv]
        [--known-failures] [--tsv tests/timeline/data/timex_sentences_heldout.tsv]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis.eval import timex as E  # noqa: E402
from analysis.eval.scoring import write_tsv  # noqa: E402

KNOWN_FAILURES = ROOT / "tests" / "timeline" / "data" / "timex_sentences_known_failures.tsv"


def sentence_failures(errs: pd.DataFrame) -> pd.DataFrame:
    """The sentences our tagger gets wrong: a gold row not found with its value and type, or a spurious one.

    Args:
        errs: ``attrs["errors"]`` of :func:`analysis.eval.timex.evaluate_sentences`.

    Returns:
        pandas.DataFrame: ``id`` (sentence), ``family``, ``why`` (the outcomes, ``;``-joined).
    """
    ours = errs[errs["system"] == "ours"]
    bad = ours[
        (ours["outcome"].isin(["missed", "spurious", "wrong value"]))
        | (ours["outcome"].isin(["ok", "extent"]) & (ours["gold_type"] != ours["sys_type"]))
    ]
    why = bad.assign(why=bad["outcome"].where(bad["outcome"].isin(["missed", "spurious", "wrong value"]), "type"))
    out = (
        why.groupby(["doc_id", "family"], sort=True)["why"]
        .agg(lambda w: ";".join(sorted(set(w))))
        .reset_index()
        .rename(columns={"doc_id": "id"})
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", default=str(ROOT / "reports" / "eval" / "timex_sentences_errors.tsv"))
    parser.add_argument("--known-failures", action="store_true", help=f"rewrite {KNOWN_FAILURES.name}")
    parser.add_argument(
        "--tsv",
        default=str(E.SENTENCES_FILE),
        help="the sentences (default: the suite; tests/timeline/data/timex_sentences_heldout.tsv "
        "is the set written after the rules)",
    )
    args = parser.parse_args(argv)
    if args.known_failures and Path(args.tsv).resolve() != E.SENTENCES_FILE.resolve():
        parser.error("--known-failures rewrites the suite's ledger: use it with the default --tsv")
    table = E.evaluate_sentences(args.tsv, systems=("ours", "dateparser"), errors_path=args.errors)
    cols = [
        "system",
        "family",
        "sentences",
        "n_gold",
        "n_system",
        "strict_p",
        "strict_r",
        "strict_f1",
        "relaxed_p",
        "relaxed_r",
        "relaxed_f1",
        "type_accuracy",
        "value_p",
        "value_r",
        "value_f1",
        "spurious",
    ]
    print(f"TIMEX3 test sentences ({args.tsv}), TempEval-3 scoring as `eval timex`")
    with pd.option_context("display.width", 250, "display.max_rows", 100):
        print(table[table["family"] == "all"][cols].round(2).to_string(index=False))
        print()
        print(table[cols].round(2).to_string(index=False))
    fails = sentence_failures(table.attrs["errors"])
    print(f"\nsentences wrong (ours): {len(fails)} of {table.iloc[0]['sentences']}; items written to {args.errors}")
    if args.known_failures:
        write_tsv(fails, KNOWN_FAILURES)
        print(f"ledger rewritten: {KNOWN_FAILURES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
