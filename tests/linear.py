"""Helpers for the tests that the text pipeline stays linear on pathological input.

Speed is never timed in tests: a pathological input must simply *finish* under a generous guard
(:func:`within`), far above what a linear run needs and far below what a quadratic one takes.
``benchmarks/bench_scaling.py`` measures the growth itself.
"""

from __future__ import annotations

import contextlib
import re
import signal
from collections.abc import Iterator

from analysis.paths import ARTICLE

#: Pathological shapes: name → function of a length n giving a text of about n characters.
SHAPES = {
    "guillemets": lambda n: "«" * n,
    "letter": lambda n: "a" * n,
    "digits": lambda n: "7" * n,
    "hyphens": lambda n: "-" * n,
    "apostrophes": lambda n: "'" * n,
    "dots": lambda n: "." * n,
    "dots-then-letter": lambda n: "." * n + "x",
    "quoted-a": lambda n: "«a»" * (n // 3),
    "alternating-quotes": lambda n: '«»“”"' * (n // 5),
    "spaces-newlines": lambda n: "a" + " \n " * (n // 3) + "b",
    "hyphenated-word": lambda n: "Anti-" * (n // 5) + "x",
    "clitics": lambda n: "donne" + "-le" * (n // 3),
    "thousands": lambda n: "123 " * (n // 4) + "4567",
}


def french(n: int) -> str:
    """About ``n`` characters of normal French (the project's article repeated)."""
    src = ARTICLE.read_text(encoding="utf-8")
    return (src * (n // len(src) + 1))[:n]


def french_without_stops(n: int) -> str:
    """One paragraph of normal French with no sentence-final punctuation and no line break."""
    return re.sub(r"\s+", " ", re.sub(r"[.!?…]", "", french(n + n // 10)))[:n]


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail with TimeoutError when the block runs longer than ``seconds`` (a hang guard, not a timing)."""

    def expire(signum, frame):  # noqa: ARG001
        raise TimeoutError(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["SHAPES", "french", "french_without_stops", "within"]
