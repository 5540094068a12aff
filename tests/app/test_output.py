"""Tables written in chunks (analysis.app.output) give the bytes of rendering each table whole."""

from __future__ import annotations

import io
import json
import sys

import pandas as pd
import pytest

import analysis
from analysis import timeline
from analysis.app import output
from analysis.paths import ARTICLE


def _whole_table(df: pd.DataFrame, fmt: str) -> str:
    """The command line's rendering before chunking: the whole table at once (the reference)."""
    buf = io.StringIO()
    if fmt == "json":
        print(df.to_json(orient="records", force_ascii=False, date_format="iso"), file=buf)
    elif fmt == "csv":
        df.to_csv(buf, index=False)
    else:
        with pd.option_context("display.max_rows", None, "display.max_colwidth", 60, "display.width", 200):
            print(df.to_string(index=False), file=buf)
    return buf.getvalue()


def _whole_tables(tables: dict[str, pd.DataFrame], fmt: str) -> str:
    buf = io.StringIO()
    if fmt == "json":
        payload = {
            name: json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))
            for name, df in tables.items()
        }
        print(json.dumps(payload, ensure_ascii=False), file=buf)
    else:
        for name, df in tables.items():
            print(f"## {name}", file=buf)
            buf.write(_whole_table(df, fmt))
            print(file=buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    art = analysis.load_article(ARTICLE)
    t = analysis.analyse(art, lemmas=False, stems=True)
    tx = timeline.timexes(art)
    return {
        "tokens": t.tokens,
        "sentences": t.sentences,
        "segments": t.segments,
        "timexes": tx,
        "empty": tx.iloc[:0],
        "floats": pd.DataFrame({"term": ["a", "b", "c"] * 5, "score": [0.5, 1 / 3, 2.0] * 5}),
    }


@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
@pytest.mark.parametrize("chunk_rows", [1, 7, 100_000])
def test_one_table_same_bytes_as_whole(tables, fmt, chunk_rows):
    for name, df in tables.items():
        buf = io.StringIO()
        output.print_table(df, fmt=fmt, file=buf, chunk_rows=chunk_rows)
        assert buf.getvalue() == _whole_table(df, fmt), (name, fmt, chunk_rows)


@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
@pytest.mark.parametrize("chunk_rows", [1, 7, 100_000])
def test_several_tables_same_bytes_as_whole(tables, fmt, chunk_rows):
    buf = io.StringIO()
    output.print_tables(tables, fmt=fmt, file=buf, chunk_rows=chunk_rows)
    assert buf.getvalue() == _whole_tables(tables, fmt)
    assert list(json.loads(buf.getvalue())) == list(tables) if fmt == "json" else True


def test_writes_in_chunks_not_all_at_once(tables):
    """Each write holds at most a chunk's rendering, not the table's."""
    sizes: list[int] = []

    class Recorder(io.StringIO):
        def write(self, s: str) -> int:
            sizes.append(len(s))
            return super().write(s)

    df = tables["tokens"]
    for fmt in ("json", "csv", "text"):
        sizes.clear()
        out = Recorder()
        output.print_table(df, fmt=fmt, file=out, chunk_rows=50)
        assert len(sizes) > len(df) // 50
        assert max(sizes) < len(out.getvalue()) / 10, fmt


def test_default_stream_is_stdout(tables, monkeypatch):
    buf = io.StringIO()
    monkeypatch.setattr(sys, "stdout", buf)
    output.print_table(tables["timexes"], fmt="json")
    assert buf.getvalue() == _whole_table(tables["timexes"], "json")


def test_cli_uses_output_module():
    from analysis.app import cli

    assert cli._print_table is output.print_table and cli._print_tables is output.print_tables


_PEAK = """
import sys
from analysis.__main__ import main
sys.stdout = open("/dev/null", "w")
main(["tokens", sys.argv[1], "--fast", *sys.argv[2:]])
with open("/proc/self/status") as fh:
    print(next(l for l in fh if l.startswith("VmHWM")).split()[1], file=sys.stderr)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the child's VmHWM in /proc")
@pytest.mark.parametrize("fmt", [[], ["--json"], ["--csv"]], ids=["text", "json", "csv"])
def test_peak_memory_of_tokens_grows_in_proportion(tmp_path, fmt):
    """``tokens --fast`` on 5 MB peaked at 2.0 GB (the whole rendering in memory); 50 MB ran out of memory.

    The peak resident memory of the command grows by a small factor of the input: measured on 1 MB and
    3 MB of French, the growth is under 80 bytes of memory per character of input (about 30 now; the
    whole-table rendering took 140 for JSON and 430 for text).
    """
    import subprocess

    from analysis.paths import ROOT

    from ..linear import french

    peaks = []
    for mb in (1, 3):
        path = tmp_path / f"fr{mb}.txt"
        path.write_text(french(mb * 1_000_000), encoding="utf-8")
        res = subprocess.run(
            [sys.executable, "-c", _PEAK, str(path), *fmt], capture_output=True, text=True, timeout=600, cwd=ROOT
        )
        assert res.returncode == 0, res.stderr[-2000:]
        peaks.append(int(res.stderr.strip().splitlines()[-1]) * 1024)
    per_char = (peaks[1] - peaks[0]) / 2_000_000
    assert per_char < 80, f"{per_char:.0f} bytes of peak memory per character of input"
