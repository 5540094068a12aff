"""A year of news at scale: a deterministic synthetic French corpus of 1 GB through the counting path
on 2 local dask workers, streamed; time, tokens/s, peak memory, and the time projected for N workers.

Run: ``.venv/bin/python benchmarks/bench_scale.py [--gb 1] [--workers 2] [--keep DIR]``.

The corpus is built, never committed, in a temporary folder (or ``--keep DIR``): JSON lines whose
documents are drawn with a fixed seed from the paragraphs of the evaluation corpora
(``../shared/eval/news``: the HIPE OCR plaintexts and the Wikinews texts; the project's article when
they are absent): a headline line, then 3 to 12 paragraphs, so every run builds the same bytes.

Each partition (``--partition`` documents, byte offsets into the file) goes to a worker, which loads
its documents, cleans them (``clean.segments``: only counted segments), tokenises, lemmatises
(``lemmas_fast``) and counts (``analysis.corpus.stats.doc_counts``), writes its rows of the
document-term matrix (``doc_id``, ``term``, ``count``) to a Parquet file beside the corpus, and returns
only small partials: document frequency and summed term frequency per term, tokens and its own time.
The client folds the partials as they arrive. Key terms are the corpus key terms of
``analysis.corpus.stats.top_terms`` (TF-IDF summed over documents), computed from the folded partials:
``idf`` is one number per term, so the sum over documents is ``idf × Σ tf``. Nothing held in memory
grows with the number of documents; the vocabulary grows (slowly: Heaps' law).

Printed: build time and size; wall time of the run; tokens/s; peak memory (resident set of this
process and every child, workers included, sampled every 0.2 s; goal < 2 GB); the measured cost of a
partition and the projected time for N workers: start-up + ceil(partitions / N) × mean partition
time + fold. The machine's load changes the numbers.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 20_261_201


def paragraphs() -> list[str]:
    """The pool: every paragraph (blank-line separated block) of the evaluation texts."""
    from analysis.paths import ARTICLE, eval_dir

    news = eval_dir() / "news"
    files = sorted((news / "hipe-fr-plaintext").glob("*.txt")) + sorted(
        (news / "wikinews-fr-100" / "txt").glob("*.txt")
    )
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files] or [ARTICLE.read_text(encoding="utf-8")]
    pool = [b.strip() for t in texts for b in t.replace("\r\n", "\n").split("\n\n") if len(b.strip()) > 40]
    return sorted(set(pool))  # sorted: independent of the file system's order


def build(path: Path, size: int) -> tuple[int, list[tuple[int, int]]]:
    """Write the synthetic corpus; return its documents and the byte span of every line."""
    pool = paragraphs()
    rng = np.random.default_rng(SEED)
    spans, pos, k = [], 0, 0
    with open(path, "wb") as fh:
        while pos < size:
            picks = rng.integers(0, len(pool), size=int(rng.integers(3, 13)))
            head = pool[picks[0]].split("\n", 1)[0][:120]
            text = head + "\n\n" + "\n\n".join(pool[i] for i in picks[1:]) + "\n"
            line = (
                json.dumps(
                    {"doc_id": f"syn-{k:07d}", "date": f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}", "text": text},
                    ensure_ascii=False,
                )
                + "\n"
            ).encode("utf-8")
            fh.write(line)
            spans.append((pos, len(line)))
            pos += len(line)
            k += 1
    return k, spans


def partition(path: str, spans: list[tuple[int, int]], out: str) -> dict:
    """Run in a worker: load, clean, tokenise, lemmatise, count one partition; write its matrix rows."""
    import pandas as pd

    from analysis.corpus.stats import doc_counts
    from analysis.reading.article import Article

    t0, c0 = time.perf_counter(), time.process_time()
    df: Counter = Counter()
    tf: dict[str, float] = {}
    docs, terms, counts = [], [], []
    tokens = 0
    with open(path, "rb") as fh:
        fh.seek(spans[0][0])
        for _ in spans:
            row = json.loads(fh.readline())
            counted = doc_counts(Article.from_text(row["text"], doc_id=row["doc_id"]))
            total = sum(counted.values())
            tokens += total
            df.update(counted.keys())
            for term, c in counted.items():
                tf[term] = tf.get(term, 0.0) + c / total
            docs += [row["doc_id"]] * len(counted)
            terms += list(counted)
            counts += list(counted.values())
    pd.DataFrame({"doc_id": docs, "term": terms, "count": np.asarray(counts, dtype=np.int64)}).to_parquet(out)
    return {
        "df": df,
        "tf": tf,
        "tokens": tokens,
        "docs": len(spans),
        "wall": time.perf_counter() - t0,
        "cpu": time.process_time() - c0,
    }


def warm() -> None:
    """Run in each worker before timing: imports and the lemma tables."""
    from analysis.text.lemmas_fast import tables

    tables()


class PeakMemory:
    """Peak of the summed resident sets of this process and all its children, sampled every 0.2 s."""

    def __init__(self) -> None:
        import psutil

        self.me, self.peak, self._stop = psutil.Process(), 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(0.2):
            total = 0
            for p in [self.me, *self.me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=1.0, help="corpus size in GB (10^9 bytes)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition", type=int, default=512, help="documents per partition")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the corpus here instead of a temporary folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "synthetic.jsonl"
    try:
        t0 = time.perf_counter()
        n_docs, spans = build(path, int(args.gb * 1e9))
        print(
            f"built {path} : {path.stat().st_size / 1e9:.2f} GB, {n_docs:,} documents, seed {SEED}, "
            f"in {time.perf_counter() - t0:.0f} s (not counted)"
        )
        run(path, spans, folder, args.workers, args.partition)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def run(path: Path, spans: list[tuple[int, int]], folder: Path, workers: int, size: int) -> None:
    import logging

    from distributed import Client, LocalCluster, as_completed

    parts = [spans[i : i + size] for i in range(0, len(spans), size)]
    matrix = folder / "matrix"
    matrix.mkdir(exist_ok=True)
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            ) as lc,
            Client(lc) as client,
        ):
            client.run(warm)
            started = time.perf_counter() - t0
            df: Counter = Counter()
            tf: dict[str, float] = {}
            tokens = docs = 0
            walls = []
            pending = iter(enumerate(parts))
            futures = as_completed()
            for _ in range(2 * workers):  # a bounded window of partitions in flight: the client streams
                k, part = next(pending, (None, None))
                if part is not None:
                    futures.add(client.submit(partition, str(path), part, str(matrix / f"{k:06d}.parquet"), pure=False))
            t_fold = 0.0
            for fut in futures:
                out = fut.result()
                f0 = time.perf_counter()
                df.update(out["df"])
                for term, v in out["tf"].items():
                    tf[term] = tf.get(term, 0.0) + v
                tokens += out["tokens"]
                docs += out["docs"]
                walls.append(out["wall"])
                t_fold += time.perf_counter() - f0
                fut.release()
                k, part = next(pending, (None, None))
                if part is not None:
                    futures.add(client.submit(partition, str(path), part, str(matrix / f"{k:06d}.parquet"), pure=False))
            f0 = time.perf_counter()
            idf = {t: math.log(docs / d) for t, d in df.items()}
            key = sorted(((idf[t] * v, t) for t, v in tf.items()), key=lambda x: (-x[0], x[1]))[:10]
            t_fold += time.perf_counter() - f0
        elapsed = time.perf_counter() - t0
    mean = float(np.mean(walls))
    print(
        f"{len(parts)} partitions of {size} documents on {workers} local workers: {elapsed:.0f} s "
        f"(cluster start {started:.1f} s); {docs:,} documents, {tokens:,} counted tokens, {len(df):,} terms"
    )
    print(f"throughput: {tokens / elapsed:,.0f} counted tokens/s ({tokens / elapsed / workers:,.0f} per worker)")
    print(
        f"peak memory (this process + workers, resident): {mem.peak / 2**30:.2f} GiB "
        f"(goal < 2 GB: {'met' if mem.peak < 2e9 else 'NOT met'})"
    )
    print(f"document-term matrix: {sum(p.stat().st_size for p in matrix.iterdir()) / 1e6:.0f} MB of Parquet on disk")
    print("key terms (TF-IDF summed over documents): " + ", ".join(t for _, t in key))
    print(f"a partition costs {mean:.2f} s of worker time (min {min(walls):.2f}, max {max(walls):.2f}); projected:")
    for n in (1, 2, 4, 8, 16, 32, 64):
        projected = started + math.ceil(len(parts) / n) * mean + t_fold
        print(f"  {n:>3} workers: {projected:,.0f} s")


if __name__ == "__main__":
    main()
