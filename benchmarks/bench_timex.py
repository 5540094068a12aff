"""Temporal tagger throughput: ours vs dateparser's ``search_dates``, on the same text, in one run.

The text is the French TimeBank documents (``Data/*.tml``, markup stripped,
each with its creation date as reference), or ``data/article.txt`` repeated
when the eval folder is absent. Each tagger runs over every document (best of
``--runs``, ``time.perf_counter``); throughput is counted in tokens of our
tokeniser, so both taggers are measured on the same unit. Prints tokens per
second for each and the ratio ours / dateparser (goal: at least 10×), both
per document (per-call overhead included) and with all documents as one text.

Usage:
    .venv/bin/python benchmarks/bench_timex.py [--runs 3] [--repeat 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.evaluate_timex import dateparser_timexes, read_timebank  # noqa: E402
from analysis.paths import eval_dir  # noqa: E402
from analysis.timeline import timexes  # noqa: E402
from analysis.tokens import tokenize  # noqa: E402


def documents(repeat: int) -> tuple[list[tuple[str, dt.date | None]], str]:
    """Texts with their reference dates, and where they come from.

    Args:
        repeat: How many times to repeat the collection.

    Returns:
        tuple: ``(text, reference date)`` pairs and a description.
    """
    folder = eval_dir() / "timebank"
    if (folder / "Data").is_dir():
        docs = [(d.text, d.dct) for d in read_timebank(folder)]
        where = f"French TimeBank, {len(docs)} documents in {folder}"
    else:
        text = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
        docs = [(text, dt.date(2022, 11, 20))] * 20
        where = f"{folder} is absent: data/article.txt × 20"
    return docs * repeat, where + (f", repeated {repeat}×" if repeat > 1 else "")


def best_time(func: Callable[[], object], runs: int) -> float:
    """Best wall time of ``runs`` calls.

    Args:
        func: What to time.
        runs: How many runs.

    Returns:
        float: Seconds.
    """
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the documents N times (default 1)")
    args = parser.parse_args(argv)
    docs, where = documents(args.repeat)
    n_tokens = sum(len(tokenize(t)) for t, _ in docs)
    timexes("Hier, le 9 novembre 2022.", "2022-11-20")  # compile the regex once, outside the timing
    dateparser_timexes("hier", dt.date(2022, 11, 20))  # load dateparser's language data once
    print(f"text: {where}; {n_tokens:,} tokens; Python {platform.python_version()} on {platform.machine()}")
    whole = "\n\n".join(t for t, _ in docs)
    ref = next((d for _, d in docs if d is not None), None)
    settings = [
        ("each document with its own reference date", [(t, d) for t, d in docs]),
        ("all documents as one text", [(whole, ref)]),
    ]
    for title, batch in settings:
        ours = best_time(lambda: [timexes(t, d) for t, d in batch], args.runs)
        peer = best_time(lambda: [dateparser_timexes(t, d) for t, d in batch], max(1, min(args.runs, 2)))
        print(f"\n{title}:")
        print(f"{'tagger':<34}{'seconds':>10}{'tokens/s':>14}")
        print(f"{'ours (analysis.timeline.timexes)':<34}{ours:>10.3f}{n_tokens / ours:>14,.0f}")
        print(f"{'dateparser.search.search_dates':<34}{peer:>10.3f}{n_tokens / peer:>14,.0f}")
        print(f"ratio ours / dateparser: {peer / ours:.1f}× (goal ≥ 10×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
