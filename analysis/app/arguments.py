"""What the command line's modules share about their arguments: types that check each value as it is parsed
(in one line), the output format asked for, and whether a path is a corpus."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

__all__ = ["at_least", "is_corpus_path", "non_negative", "output_format"]


def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``.

    Args:
        minimum: The smallest value accepted.

    Returns:
        Callable[[str], int]: The parser (its errors are argparse's one line).
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value

    return parse


def non_negative(text: str) -> float:
    """An argparse type: a number of 0 or more.

    Args:
        text: The argument.

    Returns:
        float: The number.
    """
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text!r}")
    return value


def output_format(args: argparse.Namespace) -> str:
    """The format a command prints in: ``json`` (``--json``), ``csv`` (``--csv``) or ``text``.

    Args:
        args: The parsed arguments (commands without ``--json``/``--csv`` print text).

    Returns:
        str: ``json``, ``csv`` or ``text``.
    """
    return "json" if getattr(args, "json", False) else "csv" if getattr(args, "csv", False) else "text"


def is_corpus_path(path: str | Path) -> bool:
    """A folder or a JSONL/CSV/Parquet file: a corpus rather than one article.

    Args:
        path: The command's input.

    Returns:
        bool: True for a corpus.
    """
    from ..reading.corpus import TABLE_SUFFIXES

    p = Path(path)
    return p.is_dir() or p.suffix.lower() in TABLE_SUFFIXES
