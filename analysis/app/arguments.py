"""Argument types shared by the command line's modules: each value checked as it is parsed, in one line."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["at_least", "non_negative"]


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
