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


# --- reading: inputs ------------------------------------------------------------------------------
#: A news page: its date in markup, a weekday and a day in its text.
PAGE = ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>La grève reconduite | Le Journal</title>"
        "<meta property='article:published_time' content='2018-06-20T09:00:00+02:00'></head><body>"
        "<nav><a href='/'>Accueil</a></nav><article><h1>La grève reconduite</h1>"
        "<p>Dimanche 17 juin, les cheminots ont voté la reconduction de la grève contre la réforme, a annoncé le "
        "syndicat, et la circulation des trains restera très perturbée pendant toute la semaine.</p>"
        "<p>Le gouvernement appelle au dialogue et promet de recevoir les syndicats avant la fin du mois.</p>"
        "</article><footer>Tous droits réservés.</footer></body></html>").encode()
ROW = '{"doc_id": %s, "text": "Le conseil municipal a voté lundi le budget de la ville, après un long débat.", ' \
      '"date": %s}\n'
#: UTF-8 French with one Windows-1252 "é" in it (broken UTF-8).
BROKEN_UTF8 = FRENCH.replace("réforme".encode(), b"r\xe9forme")
#: Windows-1252 French in which "déjà" + no-break space + "»" happens to form valid UTF-8 (E0 A0 BB).
CHANCE_UTF8 = (FRENCH.decode() + "« C’est déjà\u00a0», a dit le maire, à Besançon.\n").encode("cp1252")


def _csv(rows: list[str]) -> bytes:
    return ("text,title\n" + "".join(rows)).encode()


def _parquet_with_a_corrupt_row_group(tmp: Path) -> None:
    """c.parquet: 9 rows in row groups of 3; row group 1's text column chunk overwritten with 0xFF bytes."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp / "c.parquet"
    text = FRENCH.decode()
    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(9)], "text": [f"{text} Numéro {i}." for i in range(9)]})
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=3)
    chunk = pq.ParquetFile(path).metadata.row_group(1).column(1)
    start = chunk.dictionary_page_offset or chunk.data_page_offset
    data = bytearray(path.read_bytes())
    data[start:start + chunk.total_compressed_size] = b"\xff" * chunk.total_compressed_size
    path.write_bytes(bytes(data))


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
    Case("html page: info", ("info", "{tmp}/page.html", "--json"), 0, r"\A\Z", files={"page.html": PAGE}),
    Case("html page: timeline", ("timeline", "{tmp}/page.html"), 0, r"\A\Z", files={"page.html": PAGE}),
    Case("html page: sentences", ("sentences", "{tmp}/page.html", "--json"), 0, r"\A\Z", files={"page.html": PAGE}),
    Case("html page in a corpus", ("corpus", "{tmp}/c", "--json"), 0, r"\A\Z", files={"c/page.html": PAGE}),
    Case("html page without text", ("info", "{tmp}/vide.html"), 2, r"vide\.html: trafilatura found no article text",
         files={"vide.html": b"<html><head><title>Rien</title></head><body></body></html>"}),
    Case("md front matter: info", ("info", "{tmp}/a.md"), 0, r"\A\Z",
         files={"a.md": b"---\ntitle: Le budget\ndate: 2023-03-06\n---\n" + FRENCH}),
    Case("md malformed YAML", ("info", "{tmp}/a.md"), 2, r"a\.md: malformed YAML front matter at line 2",
         files={"a.md": b"---\ntitle: a: b\n---\n" + FRENCH}),
    Case("md front matter never closed", ("tokens", "{tmp}/a.md", "--fast"), 2,
         r"a\.md: front matter opened with --- on line 1 is never closed", files={"a.md": b"---\ntitle: x\n" + FRENCH}),
    Case("md bad front-matter date", ("sentences", "{tmp}/a.md"), 2, r"a\.md: front matter date '20 mars' is not",
         files={"a.md": b"---\ndate: 20 mars\n---\n" + FRENCH}),
    Case("md nothing after front matter", ("clean", "{tmp}/a.md"), 2, r"a\.md: no text after the front matter",
         files={"a.md": b"---\ntitle: x\n---\n\n"}),
    Case("md broken front matter in a corpus", ("corpus", "{tmp}/c", "--json"), 0,
         r"skipped .*bad\.md: front matter opened", files={"c/bad.md": b"---\nx: 1\n" + FRENCH, "c/a.txt": FRENCH}),
    Case("broken UTF-8", ("clean", "{tmp}/a.txt"), 2,
         r"a\.txt: broken UTF-8: byte \d+ \(line 3\) is 0xE9, invalid in UTF-8, in b'.*r\\xe9forme",
         files={"a.txt": BROKEN_UTF8}),
    Case("broken UTF-8 html", ("info", "{tmp}/a.html"), 2, r"a\.html: broken UTF-8: byte \d+",
         files={"a.html": PAGE.replace("grève".encode(), b"gr\xe8ve", 1)}),
    Case("single-byte text with a chance UTF-8 sequence", ("tokens", "{tmp}/a.txt", "--fast"), 0,
         r"warning: .*a\.txt: decoded as cp1252 .*also valid UTF-8 \(byte \d+ \(e0 a0 bb\)\)",
         files={"a.txt": CHANCE_UTF8}),
    Case("non-UTF-8 file name: info", ("info", "{tmp}/caf\udce9.txt"), 0, r"\A\Z", files={"caf\udce9.txt": FRENCH},
         env={"PYTHONIOENCODING": "utf-8:strict"}),
    Case("non-UTF-8 file name: missing", ("tokens", "{tmp}/th\udce9.txt"), 2, r"th\\xe9\.txt: no such file",
         env={"PYTHONIOENCODING": "utf-8:strict"}),
    Case("non-UTF-8 file name in a corpus", ("corpus", "{tmp}/c", "--json"), 0,
         r"kept .*c/caf\\xe9\.txt: file name is not valid UTF-8: kept as doc_id 'caf\\xe9'",
         files={"c/caf\udce9.txt": FRENCH, "c/b.txt": FRENCH}, env={"PYTHONIOENCODING": "utf-8:strict"}),
    Case("non-UTF-8 folder name: keyterms", ("keyterms", "{tmp}/c", "--json"), 0, r"kept .*r\\xe9gion/a\.txt",
         files={"c/r\udce9gion/a.txt": FRENCH}, env={"PYTHONIOENCODING": "utf-8:strict"}),
    Case("JSONL lone surrogate doc_id", ("keyterms", "{tmp}/c.jsonl", "--json"), 0,
         r"kept .*c\.jsonl:1: doc_id holds lone surrogates \(not characters\): shown escaped as '\\\\ud800'",
         files={"c.jsonl": (ROW % ('"\\ud800"', "null") + ROW % ('"b"', "null")).encode()},
         env={"PYTHONIOENCODING": "utf-8:strict"}),
    Case("JSONL invalid date", ("corpus", "{tmp}/c.jsonl", "--json"), 0,
         r"kept .*c\.jsonl:2: date '2023-13-45' is not a date .*kept without a date",
         files={"c.jsonl": (ROW % ('"a"', '"2023-03-01"') + ROW % ('"b"', '"2023-13-45"')).encode()}),
    Case("JSONL invalid UTF-8 line", ("corpus", "{tmp}/c.jsonl"), 0, r"skipped .*c\.jsonl:1: not valid UTF-8: byte \d+",
         files={"c.jsonl": (ROW % ('"a"', "null")).encode("cp1252") + (ROW % ('"b"', "null")).encode()}),
    Case("JSONL empty", ("corpus", "{tmp}/c.jsonl"), 2, r"c\.jsonl: no document: an empty file",
         files={"c.jsonl": b""}),
    Case("JSONL every line bad", ("terms", "{tmp}/c.jsonl"), 2,
         r"c\.jsonl: no document: no line or row can be analysed \(2 problems; first: .*c\.jsonl:1: not JSON",
         files={"c.jsonl": b"{nope\n[1, 2]\n"}),
    Case("CSV ragged rows", ("corpus", "{tmp}/c.csv", "--json"), 0,
         r"skipped .*c\.csv#1: 3 fields where the header has 2 \(line 3\).*\n.*c\.csv#2: 1 field where",
         files={"c.csv": _csv(['"Le conseil a voté le budget de la ville.",A\n', '"Un texte, puis",B,C\n',
                               '"Un texte sans titre"\n', '"Le maire a salué le vote.",D\n'])}),
    Case("CSV invalid date", ("corpus", "{tmp}/c.csv"), 0, r"kept .*c\.csv#0: date 'hier' is not a date",
         files={"c.csv": b"text,date\n\"Le conseil a vot\xc3\xa9 le budget.\",hier\n"}),
    Case("CSV header only", ("terms", "{tmp}/c.csv"), 2, r"c\.csv: no document: a header only",
         files={"c.csv": b"text,title\n"}),
    Case("CSV empty", ("corpus", "{tmp}/c.csv"), 2, r"c\.csv: no document \(an empty file", files={"c.csv": b""}),
    Case("Parquet corrupt row group", ("corpus", "{tmp}/c.parquet", "--json"), 0,
         r"skipped .*c\.parquet#3: row group 1 \(rows 3-5\) cannot be read",
         files={"c.parquet": _parquet_with_a_corrupt_row_group}),
    Case("folder without an article", ("keyterms", "{tmp}/c"), 2,
         r"c: no document: no \.txt, \.md or \.html article in this folder",
         files={"c/README.md": b"# A folder\n", "c/notes.tsv": b"a\tb\n"}),
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
