"""Bad or unusual inputs against every command, as one table: input, command, exit code, message.

Each case builds its inputs in a fresh temporary folder, runs ``python -m analysis`` as a user would
(a real process, so tracebacks, exit codes and hangs are seen as a user sees them), and checks:

- the exit code;
- a regular expression that standard error must match (``search``, so it may be a fragment);
- for exit code 2: standard error is one line starting with ``error: `` (warnings before it allowed);
- never a ``Traceback``.

Add cases to the section of your area. ``files`` maps a file name (relative to the temporary folder) to
its bytes, or to a callable taking the folder and writing it; ``{tmp}`` in ``argv`` is that folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from analysis.paths import ROOT

#: A short French text that passes the language check.
FRENCH = ("Titre de l’article\n\nLe gouvernement a annoncé lundi une réforme des retraites, "
          "que les syndicats jugent injuste et contre laquelle ils appellent à manifester.\n").encode()


@dataclass(frozen=True)
class Case:
    """One row of the table."""

    id: str
    argv: tuple[str, ...]
    code: int
    message: str = ""
    files: dict[str, bytes | Callable[[Path], None]] = field(default_factory=dict)
    timeout: float = 120
    env: dict[str, str] = field(default_factory=dict)


CASES: list[Case] = [
    # --- loading (one article) -------------------------------------------------------------------
    Case("missing file", ("clean", "{tmp}/missing.txt"), 2, r"missing\.txt: no such file"),
    Case("empty file", ("tokens", "{tmp}/a.txt"), 2, r"a\.txt: file is empty", files={"a.txt": b""}),
    Case("binary file", ("sentences", "{tmp}/a.txt"), 2, r"a\.txt: binary file",
         files={"a.txt": b"\x00\x01\x02binary\x00"}),
    Case("malformed sidecar", ("info", "{tmp}/a.txt"), 2, r"a\.meta\.json: malformed JSON",
         files={"a.txt": FRENCH, "a.meta.json": b"{nope"}),
    Case("good article", ("info", "{tmp}/a.txt", "--json"), 0, files={"a.txt": FRENCH}),
    # --- reading (html, md, encodings, corpus files and rows) ------------------------------------
    # --- text pipeline (long runs, long lines, memory, dates) ------------------------------------
    # --- command line (options, corpora, eval, schedulers, output paths, signals) ----------------
    Case("eval: missing gold", ("eval", "tokens", "{tmp}/nope.conllu"), 2, r"no such file"),
]


def _materialise(case: Case, tmp: Path) -> None:
    for name, content in case.files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(tmp)
        else:
            path.write_bytes(content)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    _materialise(case, tmp_path)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in case.argv]
    env = {**os.environ, "PYTHONPATH": str(ROOT), **case.env}
    res = subprocess.run([sys.executable, "-m", "analysis", *argv], capture_output=True, text=True,
                         timeout=case.timeout, env=env, cwd=tmp_path)
    assert "Traceback" not in res.stderr, res.stderr[-2000:]
    assert res.returncode == case.code, (res.returncode, res.stderr[-1000:])
    if case.message:
        assert re.search(case.message, res.stderr), res.stderr[-1000:]
    if case.code == 2:
        lines = [ln for ln in res.stderr.strip().splitlines() if not ln.startswith("warning: ")]
        assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr[-1000:]
