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


def _writer(text: str, name: str = "a.txt") -> Callable[[Path], None]:
    """Write ``text`` (UTF-8) as ``name`` in the case's folder when the case runs (big inputs stay unbuilt)."""
    return lambda tmp: (tmp / name).write_text(text, encoding="utf-8")


#: A sentence with two names (text pipeline cases).
_NAMED = "Le président Emmanuel Macron est arrivé à Paris lundi. "
#: Relative dates of every kind, to resolve from the ends of the calendar.
_RELATIVE = ("Titre\n\nHier, le ministre a annoncé que la réforme entrera en vigueur demain, puis la semaine "
             "prochaine, le mois prochain et l'année prochaine. Il y a 4 500 ans, lundi dernier, le 29 février, "
             "à Noël et dans deux siècles : tout cela sera discuté vendredi à 14 h, le lendemain et l'hiver "
             "prochain, depuis trois ans.\n")


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
    # Each of these hung, crashed or ran out of memory; the timeouts are generous (a hang guard).
    *[Case(f"200 KB of « through {c}", (c, "{tmp}/a.txt"), 0, files={"a.txt": _writer("«" * 200_000)},
           timeout=600) for c in ("entities", "quotes", "timeline")],
    Case("«a» repeated through quotes", ("quotes", "{tmp}/a.txt"), 0, files={"a.txt": _writer("«a»" * 60_000)},
         timeout=600),
    Case("a capital then 60 KB of « through entities", ("entities", "{tmp}/a.txt"), 0,
         files={"a.txt": _writer("A" + "«" * 60_000)}, timeout=600),
    Case("one huge hyphenated word through entities", ("entities", "{tmp}/a.txt", "--json"), 0,
         files={"a.txt": _writer("Anti-" * 40_000 + "x")}, timeout=600),
    Case("digits and apostrophes through timeline", ("timeline", "{tmp}/a.txt", "--date", "2022-11-20"), 0,
         files={"a.txt": _writer("7" * 100_000 + " " + "'" * 100_000 + " " + "123 " * 25_000)}, timeout=600),
    Case("200 KB of dots then a letter through entities", ("entities", "{tmp}/a.txt"), 0,
         files={"a.txt": _writer("." * 200_000 + "x")}, timeout=600),
    Case("spaces and line breaks through quotes", ("quotes", "{tmp}/a.txt"), 0,
         files={"a.txt": _writer("Il a dit. " + " \n " * 60_000 + "b")}, timeout=600),
    Case("1.2 MB segment through entities", ("entities", "{tmp}/a.txt", "--json"), 0,
         files={"a.txt": _writer(_NAMED + "le chat dort sur le canapé " * 45_000 + ". " + _NAMED)}, timeout=600),
    Case("10 MB on one line through sentences", ("sentences", "{tmp}/a.txt", "--csv"), 0,
         files={"a.txt": _writer("Le ministre a parlé. Il a dit non. " * 285_000)}, timeout=600),
    Case("10 MB of French through tokens --fast --json", ("tokens", "{tmp}/a.txt", "--fast", "--json"), 0,
         files={"a.txt": _writer(FRENCH.decode() * 60_000)}, timeout=600),
    *[Case(f"timeline --date {d}", ("timeline", "{tmp}/a.txt", "--date", d, "--json"), 0,
           files={"a.txt": _writer(_RELATIVE)}) for d in ("9999-12-31", "0001-01-01")],
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
