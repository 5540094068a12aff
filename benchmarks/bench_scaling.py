"""Scaling of the text pipeline: time and peak memory at growing sizes, for pathological and normal text.

Run: ``.venv/bin/python benchmarks/bench_scaling.py`` (all shapes and stages; takes long), or pick:
``--shapes guillemets dots --stages entities quotes --sizes 50000 200000 800000 --timeout 300``.

Each (shape, stage, size) runs in a fresh child process: the child imports the package and runs the
stage once on a small text first (models loaded, regexes compiled, caches warm), notes its resident
memory, then builds the text and runs the stage once. Printed per run: seconds, and the peak
resident memory above that baseline (the child's ``VmHWM`` minus its ``VmRSS`` before the run, MiB),
per MB of input. Per shape and stage, the growth exponent ``k`` of time ~ size^k fitted by least
squares on log-log (≈ 1 is linear, ≈ 2 quadratic; sizes whose time is under 0.05 s are too noisy and
are left out of the fit), and the same for memory (peaks under 1 MiB left out). A run over ``--timeout`` seconds is killed and
printed as such (the fit then uses the sizes that finished, and says the rest timed out).

Shapes (``SHAPES``): runs with no space (one character repeated: « a 7 - ' .), runs that end in a
character that stops them ("....x"), «a» repeated, alternating quotation marks, spaces and line
breaks, one huge hyphenated word, a chain of clitics, a long thousands-grouped number that ends wrong,
one paragraph of normal French without sentence-final punctuation or line breaks, and normal French
(``../shared/eval/news/wikinews-fr-100/txt`` repeated; the project's article when it is absent).

Stages (``STAGES``): ``sentences`` (tokens.sentences), ``tokens`` (tokens.tokenize, no spaCy),
``analyse`` (pipeline.analyse, lemmas and POS from spaCy), ``entities``, ``quotes``, ``timeline``
(timexes and events, reference date 2022-11-20), ``print`` (the ``tokens --fast --json`` command's
table written by ``analysis.app.output``).

Timings are only meaningful on a quiet machine; the exponent is less sensitive to a shared one.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Shape name → Python expression of the text of about ``n`` characters (``french(n)`` is provided).
SHAPES: dict[str, str] = {
    "guillemets": "'«' * n",
    "letter": "'a' * n",
    "digits": "'7' * n",
    "hyphens": "'-' * n",
    "apostrophes": '"\'" * n',
    "dots": "'.' * n",
    "dots-then-letter": "'.' * n + 'x'",
    "bangs-closers": "'!»' * (n // 2) + 'x'",
    "quoted-a": "'«a»' * (n // 3)",
    "alternating-quotes": "'«»“”\"' * (n // 5)",
    "spaces-newlines": "'a' + ' \\n ' * (n // 3) + 'b'",
    "blank-lines": "('Le texte.' + '\\n\\n') * (n // 11)",
    "hyphenated-word": "'Anti-' * (n // 5) + 'x'",
    "clitics": "'donne' + '-le' * (n // 3)",
    "thousands": "'123 ' * (n // 4) + '4567'",
    "sentences-one-line": "'Il a dit. ' * (n // 10)",
    "quotes-one-line": "'« Nous ne céderons pas », a déclaré le ministre. ' * (n // 49)",
    "french-no-stop": "french_no_stop(n)",
    "french": "french(n)",
}

#: Stage name → Python statement run on ``text`` (an ``Article`` is ``art``).
STAGES: dict[str, str] = {
    "sentences": "tokens.sentences(text)",
    "tokens": "tokens.tokenize(text)",
    "analyse": "pipeline.analyse(art)",
    "entities": "entities.entities(art)",
    "quotes": "quotes.quotes(art)",
    "timeline": "timeline.events(art, '2022-11-20')",
    "print": "output.print_table(pipeline.analyse(art, lemmas=False, stems=False).tokens, fmt='json', file=sink)",
}

SIZES = (50_000, 200_000, 800_000, 3_200_000)

_CHILD = """
import io, os, sys, time
sys.path.insert(0, {root!r})
from analysis import timeline
from analysis.app import output
from analysis.people import entities, quotes
from analysis.text import pipeline, tokens
from analysis.reading.article import Article
from analysis.paths import ARTICLE, eval_dir

def _french_source():
    folder = eval_dir() / "news" / "wikinews-fr-100" / "txt"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    return "\\n\\n".join(p.read_text(encoding="utf-8") for p in files) if files else ARTICLE.read_text(encoding="utf-8")

def french(n):
    src = _french_source()
    return (src * (n // len(src) + 1))[:n]

def french_no_stop(n):
    import re
    return re.sub(r"\\s+", " ", re.sub(r"[.!?…]", "", french(n + n // 10)))[:n]

class Sink(io.TextIOBase):
    def write(self, s):
        return len(s)

def status(key):
    with open("/proc/self/status") as fh:
        return int(next(l for l in fh if l.startswith(key)).split()[1]) * 1024

sink = Sink()
n = 2000
text = {shape}
art = Article.from_text(text)
{stage}
n = {size}
text = {shape}
base = status("VmRSS")
art = Article.from_text(text)
t0 = time.perf_counter()
{stage}
dt = time.perf_counter() - t0
print(len(text), dt, status("VmHWM") - base)
"""


def run_one(shape: str, stage: str, size: int, timeout: float) -> tuple[int, float, float] | None:
    """Run one stage on one shape in a fresh child; ``(chars, seconds, peak bytes)`` or None on timeout."""
    code = _CHILD.format(root=str(ROOT), shape=SHAPES[shape], stage=STAGES[stage], size=size)
    try:
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if res.returncode != 0:
        raise RuntimeError(f"{shape}/{stage}/{size}: {res.stderr[-2000:]}")
    chars, seconds, peak = res.stdout.split()[-3:]
    return int(chars), float(seconds), float(peak)


def exponent(xs: list[float], ys: list[float]) -> float | None:
    """Least-squares slope of log y on log x (None with fewer than two points)."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--stages", nargs="*", default=list(STAGES), choices=list(STAGES))
    parser.add_argument("--sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run (default 300)")
    parser.add_argument("--json", action="store_true", help="also print every run as one JSON line")
    args = parser.parse_args(argv)
    print(f"{'shape':<20} {'stage':<10} {'chars':>10} {'seconds':>9} {'peak MiB':>9} {'MiB/MB':>7}")
    for shape in args.shapes:
        for stage in args.stages:
            sizes, times, peaks, timed_out = [], [], [], []
            failed = False
            for size in args.sizes:
                if timed_out:  # a larger size would only time out too
                    timed_out.append(size)
                    continue
                try:
                    got = run_one(shape, stage, size, args.timeout)
                except RuntimeError as exc:  # a failing run is reported, the others still run
                    print(f"{shape:<20} {stage:<10} {size:>10} error: {str(exc).splitlines()[-1]}")
                    failed = True
                    break
                if got is None:
                    timed_out.append(size)
                    print(f"{shape:<20} {stage:<10} {size:>10} {'> ' + str(int(args.timeout)):>9}")
                    continue
                chars, seconds, peak = got
                sizes.append(chars)
                times.append(seconds)
                peaks.append(peak)
                print(
                    f"{shape:<20} {stage:<10} {chars:>10} {seconds:>9.3f} {peak / 2**20:>9.1f} "
                    f"{peak / 2**20 / (chars / 1e6):>7.1f}",
                    flush=True,
                )
                if args.json:
                    print(
                        json.dumps({"shape": shape, "stage": stage, "chars": chars, "seconds": seconds, "peak": peak})
                    )
            fit = [(x, t) for x, t in zip(sizes, times) if t >= 0.05]
            k_time = exponent([x for x, _ in fit], [t for _, t in fit])
            mem = [(x, p) for x, p in zip(sizes, peaks) if p >= 2**20]  # under 1 MiB: allocator noise
            k_mem = exponent([x for x, _ in mem], [p for _, p in mem])
            note = f"; timed out at {', '.join(map(str, timed_out))}" if timed_out else ""
            note += "; a run failed" if failed else ""
            print(
                f"{shape:<20} {stage:<10} growth exponent: time "
                f"{'n/a' if k_time is None else f'{k_time:.2f}'}, memory "
                f"{'n/a' if k_mem is None else f'{k_mem:.2f}'}{note}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
