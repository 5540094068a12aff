"""What the command line's modules share about their arguments: types that check each value as it is parsed
(in one line), the output format asked for, and whether a path is a corpus."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

__all__ = ["at_least", "byte_size", "is_corpus_path", "non_negative", "output_format"]


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


#: Units of :func:`byte_size` (powers of 1024, as ``du -h`` prints them; the ``B`` after them is optional).
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def byte_size(text: str) -> int:
    """An argparse type: a size in bytes, such as ``500M``, ``1.5G``, ``2GB`` or ``4096`` (K, M, G, T = 1024^n).

    Args:
        text: The argument.

    Returns:
        int: The size in bytes (rounded down).
    """
    word = text.strip().upper().removesuffix("IB").removesuffix("B")
    number, unit = (word[:-1], word[-1]) if word[-1:] in _UNITS and word[-1:] else (word, "")
    try:
        value = float(number)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size such as 500M or 2G, not {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a size of 0 or more, not {text!r}")
    return int(value * _UNITS[unit])


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
