"""Time every term table for the article and for 1,000 articles' worth of tokens, with each step's share.

Run: ``.venv/bin/python benchmarks/bench_terms.py [--articles 1000]``. The large corpus reuses the shared
evaluation texts (Wikinews ``txt/`` and HIPE plaintext), analysed once and repeated (with new ``doc_id``s)
up to the article's token count × N; without them the article itself is repeated. Analysis (tokenising,
tagging) is not timed here: it has its own benchmark; this times the tables of ``analysis.terms`` and
``analysis.keyterms``, after one untimed warm-up call of each on the first document (lazy loads of
wordfreq and NLTK). Key terms are given the tokens table (no segments: the headline's topic and figures
are not looked for); their part-of-speech classes come from the tokens' tags (no tagger runs). The
texts repeat, so distinct words and phrases are fewer than in as many different articles: the tables
that compute per distinct value (wordfreq look-ups, phrase strings) gain from it. Each table's wall
time and CPU time of this process are printed: on a shared machine the CPU time is the steadier one.
``--profile STEP`` (repeatable, e.g. ``--profile keyterms``) runs that step of the large corpus under
cProfile and prints its 25 costliest functions by own time; its printed time then includes the
profiler's overhead (marked ``profiled``). Nothing else changes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

import pandas as pd

import analysis
from analysis import terms
from analysis.paths import ARTICLE, eval_dir


def _steps(tokens: pd.DataFrame, text: str | None, *, keyterms: bool = True) -> dict[str, callable]:
    watch = terms.frequencies(tokens).head(5)["term"].tolist()
    steps = {
        "frequencies": lambda: terms.frequencies(tokens),
        "ngrams 2": lambda: terms.ngrams(tokens, n=2),
        "ngrams 3": lambda: terms.ngrams(tokens, n=3),
        "repeated phrases": lambda: terms.repeated_phrases(tokens),
        "collocations": lambda: terms.collocations(tokens),
        "keyness": lambda: terms.keyness(tokens),
        "tfidf": lambda: terms.tfidf(tokens),
        "kwic": lambda: terms.kwic(tokens, watch[0], text=text),
        "dispersion": lambda: terms.dispersion(tokens, watch),
        "dispersion scores": lambda: terms.dispersion_scores(tokens, watch),
        "trends": lambda: terms.trends(tokens, watch),
        "vocabulary": lambda: terms.vocabulary(tokens),
    }
    if keyterms:
        steps["keyterms"] = lambda: terms.keyterms(tokens, top=10)
    return steps


def _run(label: str, tokens: pd.DataFrame, text: str | None, *, profile: tuple[str, ...] = ()) -> None:
    first_doc = tokens[tokens["doc_id"] == tokens["doc_id"].iloc[0]]
    for fn in _steps(first_doc, text).values():  # warm-up, not timed: wordfreq and NLTK load lazily
        fn()
    times, cpu, profiles = {}, {}, {}
    for name, fn in _steps(tokens, text).items():
        profiler = cProfile.Profile() if name in profile else None
        t0, c0 = time.perf_counter(), time.process_time()
        if profiler is not None:
            profiler.runcall(fn)
            profiles[name] = profiler
        else:
            fn()
        times[name], cpu[name] = time.perf_counter() - t0, time.process_time() - c0
    total = sum(times.values())
    print(
        f"\n{label}: {len(tokens):,} tokens, {tokens['doc_id'].nunique():,} documents, all tables in {total:.2f} s "
        f"(CPU {sum(cpu.values()):.2f} s)"
    )
    for name, t in sorted(times.items(), key=lambda kv: -kv[1]):
        mark = "   (profiled)" if name in profiles else ""
        print(f"  {name:<18} {t:8.3f} s  {100 * t / total:5.1f} %   CPU {cpu[name]:7.3f} s{mark}")
    for name, profiler in profiles.items():
        print(f"\n{label}, {name}: the 25 costliest functions by own time (cProfile)")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def _corpus_tokens(target: int, article_tokens: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    folder = eval_dir() / "news"
    paths = sorted((folder / "wikinews-fr-100" / "txt").glob("*.txt")) + sorted(
        (folder / "hipe-fr-plaintext").glob("*.txt")
    )
    frames, n = [], 0
    for p in paths:  # analyse only as many texts as the target needs
        frames.append(analysis.analyse(analysis.Article.from_text(p.read_text(encoding="utf-8"), doc_id=p.stem)).tokens)
        n += len(frames[-1])
        if n >= target:
            break
    if frames:
        source = f"{len(frames)} eval texts (wikinews + hipe) repeated"
    else:
        frames, source = [article_tokens], "the article repeated (eval data absent)"
    out, n, k = [], 0, 0  # noqa: F841
    while n < target:
        f = frames[k % len(frames)]
        out.append(f.assign(doc_id=f"{f['doc_id'].iloc[0]}#{k}"))
        n += len(f)
        k += 1
    return pd.concat(out, ignore_index=True), source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="corpus size in articles' worth of tokens")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="STEP",
        help="profile this step of the large corpus with cProfile (repeatable; its time then includes the profiler's)",
    )
    args = parser.parse_args()
    art = analysis.load_article(ARTICLE)
    tables = analysis.analyse(art)
    unknown = sorted(set(args.profile) - set(_steps(tables.tokens, art.text)))
    if unknown:
        parser.error(f"--profile: no step {', '.join(unknown)} (steps: {', '.join(_steps(tables.tokens, art.text))})")
    _run("article", tables.tokens, art.text)
    t0 = time.perf_counter()
    big, source = _corpus_tokens(args.articles * len(tables.tokens), tables.tokens)
    print(f"\n(corpus built from {source} in {time.perf_counter() - t0:.1f} s, not counted)")
    _run(f"{args.articles:,} articles' worth", big, None, profile=tuple(args.profile))


if __name__ == "__main__":
    main()
