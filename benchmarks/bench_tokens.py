"""Tokeniser throughput: ours vs spacy.blank("fr") vs NLTK, in one run.

Builds at least ``--mb`` megabytes of French text from the shared eval data
(the ``# text =`` lines of the UD treebanks, the Wikinews and HIPE plain
texts), or from ``data/article.txt`` repeated when the eval folder is
absent, then times each tokeniser (best of ``--runs`` interleaved rounds,
``time.perf_counter``)
and prints tokens per second (best wall-clock run; CPU time shown too) and the ratios ours/spaCy and ours/NLTK.

Usage:
    .venv/bin/python benchmarks/bench_tokens.py [--mb 10] [--runs 5]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.paths import eval_dir  # noqa: E402
from analysis.text.tokens import tokenize  # noqa: E402


def source_texts(folder: Path) -> tuple[list[str], str]:
    """Collect French texts from the eval folder, or the project article.

    Args:
        folder (Path): The shared eval folder.

    Returns:
        tuple[list[str], str]: Texts and a description of where they come from.
    """
    texts: list[str] = []
    for conllu in sorted((folder / "ud").glob("*.conllu")):
        lines = conllu.read_text(encoding="utf-8").splitlines()
        texts.append(" ".join(x[len("# text = ") :] for x in lines if x.startswith("# text = ")))
    for pattern in ("news/wikinews-fr-100/txt/*.txt", "news/hipe-fr-plaintext/*.txt"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob(pattern))]
    if texts:
        return texts, f"eval data in {folder} ({len(texts)} files)"
    article = ROOT / "data" / "article.txt"
    return [article.read_text(encoding="utf-8")], (
        f"{folder} is absent: falling back to {article} repeated (repeated text lets "
        "spaCy's tokenizer cache answer every chunk, so ratios are not comparable)"
    )


def build_corpus(texts: list[str], megabytes: float) -> str:
    """Concatenate the texts (repeating them) up to ``megabytes`` of UTF-8.

    Args:
        texts (list[str]): Source texts.
        megabytes (float): Target size in MB (10**6 bytes).

    Returns:
        str: The corpus, paragraphs separated by blank lines.
    """
    target = int(megabytes * 1_000_000)
    block = "\n\n".join(texts)
    block_bytes = len(block.encode("utf-8"))
    reps = max(1, -(-target // block_bytes))
    return "\n\n".join([block] * reps)


def time_all(systems: dict[str, Callable[[], int]], runs: int) -> dict[str, tuple[float, float, int]]:
    """Time every system ``runs`` times, interleaved so that a load spike on
    the machine does not hit one system only; keep the best run of each.

    Args:
        systems (dict[str, Callable[[], int]]): Name -> function returning
            the number of tokens produced.
        runs (int): Number of rounds.

    Returns:
        dict[str, tuple[float, float, int]]: Name -> (best wall seconds,
        best CPU seconds, token count).
    """
    best = {name: (float("inf"), float("inf"), 0) for name in systems}
    for _ in range(runs):
        for name, fn in systems.items():
            wall0, cpu0 = time.perf_counter(), time.process_time()
            count = fn()
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            old = best[name]
            best[name] = (min(old[0], wall), min(old[1], cpu), count)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the results.

    Args:
        argv (list[str] | None): Command-line arguments.

    Returns:
        int: Exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--runs", type=int, default=5, help="best of N runs (default 5)")
    args = parser.parse_args(argv)

    import nltk
    import spacy
    from nltk.tokenize import NLTKWordTokenizer

    texts, origin = source_texts(eval_dir())
    corpus = build_corpus(texts, args.mb)
    paragraphs = [p for p in corpus.split("\n\n") if p.strip()]
    size_mb = len(corpus.encode("utf-8")) / 1e6
    print(f"Python {platform.python_version()}, spaCy {spacy.__version__}, NLTK {nltk.__version__}")
    print(
        f"input: {origin}; {size_mb:.2f} MB, {len(corpus):,} characters, "
        f"{len(paragraphs):,} paragraphs; best of {args.runs} runs"
    )

    nlp = spacy.blank("fr")
    nltk_tok = NLTKWordTokenizer()
    systems: dict[str, Callable[[], int]] = {
        "ours (tokenize, whole text)": lambda: len(tokenize(corpus)),
        'spaCy (spacy.blank("fr").tokenizer.pipe, per paragraph)': lambda: sum(
            len(d) for d in nlp.tokenizer.pipe(paragraphs, batch_size=1000)
        ),
        "NLTK (NLTKWordTokenizer.span_tokenize, per paragraph)": lambda: sum(
            sum(1 for _ in nltk_tok.span_tokenize(p)) for p in paragraphs
        ),
    }
    rates, cpu_rates = {}, {}
    for name, (wall, cpu, count) in time_all(systems, args.runs).items():
        rates[name], cpu_rates[name] = count / wall, count / cpu
        print(f"{name:58s} {count:>11,} tokens  {wall:7.3f} s wall ({cpu:7.3f} s CPU)  {rates[name]:>12,.0f} tokens/s")
    ours, spacy_rate, nltk_rate = rates.values()
    print(
        f"ratio ours/spaCy: {ours / spacy_rate:.1f}x   ratio ours/NLTK: {ours / nltk_rate:.1f}x"
        "   (tokens/s, best wall-clock run of each)"
    )
    ours, spacy_rate, nltk_rate = cpu_rates.values()
    print(
        f"ratio ours/spaCy: {ours / spacy_rate:.1f}x   ratio ours/NLTK: {ours / nltk_rate:.1f}x"
        "   (tokens per CPU second, best run of each)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
