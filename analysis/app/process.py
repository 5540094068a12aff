"""The command line's process: signals (SIGINT, SIGTERM), standard output and its encoding, warnings as lines.

What :func:`analysis.app.cli.main` sets up around a command and undoes after it: warnings and the library's
log warnings as one ``warning: ...`` line each, characters the terminal's encoding lacks written as
``\\uXXXX`` escapes (:class:`Escapes`, counted), write failures of standard output as one
:class:`analysis.execution.OutputError`, and SIGTERM raised as :class:`Terminated` so that cleanup runs as
for Ctrl-C; after an interruption, one ``interrupted`` line and nothing from the libraries winding down.
"""

from __future__ import annotations

import codecs
import os
import signal
import sys
import warnings
from typing import Any

__all__ = [
    "Escapes",
    "Terminated",
    "discard_stdout",
    "flush_quietly",
    "interrupted",
    "log_warnings_as_lines",
    "main_thread",
    "on_signal",
    "one_line_warning",
    "setup_output",
]


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that cleanup runs as for Ctrl-C."""


def one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {' '.join(str(message).split())}", file=sys.stderr)


def log_warnings_as_lines() -> None:
    """The library's log warnings (a corpus's skipped files) as ``warning: ...`` lines on standard error."""
    import logging

    logger = logging.getLogger("analysis")
    for old in [h for h in logger.handlers if getattr(h, "analysis_cli", False)]:
        logger.removeHandler(old)
    handler: Any = logging.StreamHandler(sys.stderr)  # Any: it carries our marker attribute
    handler.setFormatter(logging.Formatter("warning: %(message)s"))
    handler.analysis_cli = True
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False


class Escapes:
    """An encoding error handler: characters the output's encoding lacks become ``\\uXXXX`` escapes, counted."""

    name = "analysis.escape"

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        parts = []
        for ch in exc.object[exc.start : exc.end]:
            cp = ord(ch)
            if cp > 0xFFFF:  # a surrogate pair, as JSON writes it
                cp -= 0x10000
                parts.append(f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}")
            else:
                parts.append(f"\\u{cp:04x}")
        self.count += exc.end - exc.start
        return "".join(parts), exc.end


class _Stdout:
    """Standard output whose write failures (a full disk) are one :class:`analysis.execution.OutputError`."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def _guard(self, method: str, *args):
        from ..corpus.execution import OutputError

        try:
            return getattr(self._stream, method)(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            reason = exc.strerror or str(exc) or type(exc).__name__
            raise OutputError(f"standard output: cannot write ({reason})") from None

    def write(self, text: str) -> int:
        return self._guard("write", text)

    def flush(self) -> None:
        self._guard("flush")

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def discard_stdout() -> None:
    """After a failed or closed standard output: discard what is still buffered (no error at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]  # None: AttributeError, caught
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def setup_output(escapes: Escapes) -> None:
    codecs.register_error(escapes.name, escapes)
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors=escapes.name)
    sys.stdout = _Stdout(stream)


def _hush() -> None:
    """From an interruption on, the libraries' log lines and warnings as they wind down are not shown."""
    import logging

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


def on_signal(signum, frame) -> None:
    _hush()
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def interrupted(code: int) -> int:
    """One line, and nothing more from the libraries winding down."""
    _hush()
    print("interrupted", file=sys.stderr)
    return code


def main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except OSError:
        discard_stdout()
