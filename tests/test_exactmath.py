"""The logarithms of ``analysis.exactmath`` give the same bits whatever SIMD loops numpy picks for the CPU,
and so do the term tables that use them (keyness, tf-idf)."""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys

import numpy as np

from analysis import exactmath

#: Every SIMD target numpy 2.x dispatches to beyond its x86-64 baseline (names it ignores are harmless).
NO_SIMD = {"NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR"}


def _values() -> np.ndarray:
    rng = np.random.default_rng(20221120)
    return np.concatenate([rng.random(20_000) * 100 + 1e-3, rng.integers(1, 5000, 5000) / 37.0])


def test_log_is_the_c_library_log_to_the_last_bit():
    x = _values()
    assert exactmath.log(x).tobytes() == np.array([math.log(v) for v in x.tolist()]).tobytes()
    assert exactmath.log2(x).tobytes() == np.array([math.log2(v) for v in x.tolist()]).tobytes()


def test_edge_cases_follow_numpy_without_a_warning():
    x = np.array([[0.0, -1.0], [np.nan, 1.0]])
    with np.errstate(all="raise"):
        got = exactmath.log(x)
    assert got.shape == (2, 2)
    assert got[0, 0] == -math.inf and math.isnan(got[0, 1]) and math.isnan(got[1, 0]) and got[1, 1] == 0.0
    assert exactmath.log2(8.0).shape == () and float(exactmath.log2(8.0)) == 3.0
    assert exactmath.log(np.array([])).shape == (0,)


_SCRIPT = """
import hashlib, json, sys
import numpy as np
from analysis import exactmath
x = np.array(json.loads(sys.stdin.read()))
print(hashlib.sha256(exactmath.log(x).tobytes() + exactmath.log2(x).tobytes()).hexdigest())
"""


def _run(env: dict[str, str], values: np.ndarray) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", _SCRIPT],
        input=json.dumps(values.tolist()),
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    return out.stdout.split()


def test_the_same_bits_with_numpy_simd_loops_disabled():
    x = _values()
    here = hashlib.sha256(exactmath.log(x).tobytes() + exactmath.log2(x).tobytes()).hexdigest()
    default, baseline = _run({}, x), _run(NO_SIMD, x)
    assert default == baseline == [here]


_TABLES = """
import hashlib
from pathlib import Path
import analysis
from analysis import terms
text = Path("data/article.txt").read_bytes().decode("utf-8")
tokens = analysis.analyse(analysis.Article.from_text(text, doc_id="article")).tokens
for table in (terms.keyness(tokens), terms.keyness(tokens, by="norm", min_count=1), terms.tfidf(tokens, across="segments")):
    print(hashlib.sha256(table.to_csv(index=False, lineterminator="\\n").encode()).hexdigest())
"""


def test_keyness_and_tfidf_are_the_same_bytes_with_numpy_simd_loops_disabled():
    from analysis.paths import ROOT

    def digests(env: dict[str, str]) -> list[str]:
        run = subprocess.run(
            [sys.executable, "-W", "ignore", "-c", _TABLES],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, **env},
            check=True,
        )
        return run.stdout.split()

    default = digests({})
    assert len(default) == 3
    assert digests(NO_SIMD) == default
