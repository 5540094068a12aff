"""Temporal tagger throughput: ours vs dateparser's ``search_dates``, on the same text, in one run.

The text is the French TimeBank documents (``Data/*.tml``, markup stripped,
each with its creation date as reference), or ``data/article.txt`` repeated
when the eval folder is absent. Each tagger runs over every document (best of
``--runs``, ``time.perf_counter``); throughput is counted in tokens of our
tokeniser, so both taggers are measured on the same unit. Prints tokens per
second for each and the ratio ours / dateparser (goal: at least 10×), both
per document (per-call overhead included) and with all documents as one text.

dateparser is timed as a user calls it (``search_dates``, French, relative to
the reference date), which returns a list; ours is timed the same way, as the
tagger returning records (``timeline.tag``: the goal is judged on it), and
also as the DataFrame (``timexes(..., sentences=False)``) and as the full table
with sentence ids, so the cost of building tables is visible. The systems take
turns in each round, so all see the same machine load; the load is printed
before and after.

Usage:
    .venv/bin/python benchmarks/bench_timex.py [--runs 5] [--repeat 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
import warnings
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from analysis.eval.timex import read_timebank  # noqa: E402
from analysis.paths import eval_dir  # noqa: E402
from analysis.timeline.tagger import tag, timexes  # noqa: E402
from analysis.text.tokens import tokenize  # noqa: E402


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


def best_times(funcs: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Best wall time of each function over ``runs`` rounds, the functions taking turns.

    Taking turns (round-robin) exposes every system to the same machine load,
    so the ratios stay meaningful on a shared, noisy machine.

    Args:
        funcs: What to time, by name.
        runs: How many rounds.

    Returns:
        dict[str, float]: Best seconds, by name.
    """
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(runs):
        for name, func in funcs.items():
            t0 = time.perf_counter()
            func()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def search_dates_raw(text: str, reference_date: dt.date | None) -> list:
    """dateparser's ``search_dates`` as a user calls it: French, relative to the reference date."""
    settings = {"PREFER_DATES_FROM": "past"}
    if reference_date is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference_date, dt.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return search_dates(text, languages=["fr"], settings=settings) or []


def load() -> str:
    """The machine's load averages (1, 5, 15 min) and CPU count."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="best of N runs, N >= 3 (default 5)")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the documents N times (default 1)")
    args = parser.parse_args(argv)
    runs = max(3, args.runs)
    docs, where = documents(args.repeat)
    n_tokens = sum(len(tokenize(t)) for t, _ in docs)
    whole = "\n\n".join(t for t, _ in docs)
    ref = next((d for _, d in docs if d is not None), None)
    settings = [
        ("each document with its own reference date", [(t, d) for t, d in docs]),
        ("all documents as one text", [(whole, ref)]),
    ]
    # Warm-up, outside the timing: compile our patterns, load dateparser's language data.
    for t, d in settings[0][1]:
        timexes(t, d)
        search_dates_raw(t, d)
    print(f"text: {where}; {n_tokens:,} tokens; Python {platform.python_version()} on {platform.machine()}")
    print(f"best of {runs} runs, systems taking turns; {load()} before")
    print("ours, tagger: analysis.timeline.tag(text, date): records, as search_dates returns a list")
    print("ours, table:  analysis.timeline.timexes(text, date, sentences=False): the same as a DataFrame")
    print("ours, full table: analysis.timeline.timexes(text, date), with sentence ids (the default)")
    print("dateparser: dateparser.search.search_dates(text, languages=['fr'], settings={RELATIVE_BASE: date})")
    ratios = []
    rows = (
        ("tagger", "ours, tagger (records)"),
        ("table", "ours, table (no sentence ids)"),
        ("full", "ours, full table (sentence ids)"),
        ("dateparser", "dateparser.search.search_dates"),
    )
    for title, batch in settings:
        best = best_times(
            {
                "tagger": lambda: [tag(t, d) for t, d in batch],
                "table": lambda: [timexes(t, d, sentences=False) for t, d in batch],
                "full": lambda: [timexes(t, d) for t, d in batch],
                "dateparser": lambda: [search_dates_raw(t, d) for t, d in batch],
            },
            runs,
        )
        print(f"\n{title} ({len(batch)} call{'s' if len(batch) > 1 else ''}):")
        print(f"{'system':<52}{'seconds':>9}{'tokens/s':>12}{'× dateparser':>14}")
        for name, label in rows:
            ratio = best["dateparser"] / best[name]
            print(f"{label:<52}{best[name]:>9.3f}{n_tokens / best[name]:>12,.0f}{ratio:>13.1f}×")
        ratios.append(best["dateparser"] / best["tagger"])
    print(f"\n{load()} after")
    worst = min(ratios)
    print(
        f"ours (tagger) / dateparser, smallest of the two settings: {worst:.1f}× "
        f"(goal ≥ 10×: {'met' if worst >= 10 else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
