"""Commands that need no spaCy never import it (issue 16: the CLI answers fast)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis.paths import ARTICLE, ROOT

_CHILD = """
import contextlib, io, sys
from analysis.app.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
assert code == 0, code
print(",".join(m for m in ("spacy", "thinc") if m in sys.modules))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ("info", str(ARTICLE)),
        ("clean", str(ARTICLE)),
        ("sentences", str(ARTICLE)),
        ("tokens", str(ARTICLE), "--fast"),
        ("tokens", str(ARTICLE), "--fast", "--json"),
    ],
    ids=lambda a: " ".join(a[:1] + a[2:]),
)
def test_commands_without_a_model_do_not_import_spacy(argv):
    res = subprocess.run([sys.executable, "-c", _CHILD, *argv], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "", f"{argv[0]} imported {res.stdout.strip()}"
