"""The command line: tables as JSON/CSV, one-line errors with exit code 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.app.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, timeout=300)


def _article_commands() -> list[list[str]]:
    """Every subcommand whose first positional argument is an article path (with its other positionals)."""
    import argparse

    from analysis.app.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    commands = []
    for name, parser in sub.choices.items():
        positionals = [a.dest for a in parser._actions if not a.option_strings and a.dest != "help"]
        if positionals and positionals[0] == "path":
            commands.append([name, *(["guerre"] * (len(positionals) - 1))])
    return commands


def test_every_article_command_gives_one_line_errors(tmp_path):
    commands = _article_commands()
    assert {"clean", "tokens", "sentences", "info"} <= {c[0] for c in commands}
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for command, *rest in commands:
        for path, words in ((empty, "empty"), (tmp_path / "missing.txt", "no such file")):
            res = run(command, str(path), *rest)
            assert res.returncode == 2, (command, res.returncode, res.stderr[-500:])
            assert res.stderr.strip() == f"error: {path}: " + (
                "file is empty (0 bytes)" if words == "empty" else "no such file"
            ), (command, res.stderr)


@pytest.mark.parametrize(
    "content, words", [(b"", "empty"), (b"   \n\n", "white space"), (b"\x00\x01\x02binary\x00", "binary")]
)
def test_bad_input_exit_2_one_line(tmp_path, content, words):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    for command in ("clean", "tokens", "sentences", "info"):
        res = run(command, str(p))
        assert res.returncode == 2, (command, res.stderr)
        assert res.stdout == ""
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and str(p) in lines[0] and words in lines[0]
        assert "Traceback" not in res.stderr


def test_missing_file_and_malformed_sidecar(tmp_path):
    res = run("clean", str(tmp_path / "missing.txt"))
    assert res.returncode == 2 and res.stderr.strip() == f"error: {tmp_path / 'missing.txt'}: no such file"
    p = tmp_path / "a.txt"
    p.write_text(
        "Titre\n\nLe texte de l’article est en français et il est assez long pour le test.\n", encoding="utf-8"
    )
    (tmp_path / "a.meta.json").write_text('{"date": "19 novembre"}', encoding="utf-8")
    res = run("info", str(p))
    assert res.returncode == 2 and "malformed date" in res.stderr and "Traceback" not in res.stderr


def test_eval_missing_gold_file(tmp_path):
    res = run("eval", "tokens", str(tmp_path / "nope.conllu"))
    assert res.returncode == 2 and res.stderr.startswith("error: ") and "no such file" in res.stderr


def test_not_french_warning_is_one_line(tmp_path):
    p = tmp_path / "en.txt"
    p.write_text(
        "The quick brown fox jumps over the lazy dog while the cat sleeps in the sun and the "
        "birds sing in the trees of the old garden behind the house.\n",
        encoding="utf-8",
    )
    res = run("clean", str(p), "--json")
    assert res.returncode == 0
    assert res.stderr.strip().startswith("warning: ") and "does not look French" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_clean_json_is_records(article_path, raw_text, capsys):
    assert main(["clean", str(article_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and rows and isinstance(rows[0], dict)
    assert {"seg", "kind", "start", "end", "text", "duplicate_of", "counted"} <= set(rows[0])
    for row in rows:
        assert raw_text[row["start"] : row["end"]] == row["text"]


def test_tokens_json_and_csv(article_path, raw_text, capsys):
    assert main(["tokens", str(article_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"start", "end", "text", "norm", "lemma", "stem", "pos", "is_stop", "counted"} <= set(rows[0])
    assert all(raw_text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert main(["tokens", str(article_path), "--csv", "--fast"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    assert len(df) == len(rows)
    assert "lemma" not in df.columns


def test_sentences_and_info(article_path, capsys):
    assert main(["sentences", str(article_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) > 20 and {"sent", "seg", "start", "end", "text"} <= set(rows[0])
    assert main(["info", str(article_path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["encoding"] == "utf-8" and info["date"] == "2022-11-20"


def test_entities_and_quotes_json(article_path, raw_text, capsys):
    assert main(["entities", str(article_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"mentions", "entities"}
    assert all(raw_text[m["start"] : m["end"]] == m["text"] for m in out["mentions"])
    zelensky = [e for e in out["entities"] if e["canonical"].endswith(("Zelensky", "Zelenski"))]
    assert len(zelensky) == 1 and zelensky[0]["label"] == "PER"
    assert main(["quotes", str(article_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"quotes", "sources"}
    assert {"direct", "indirect", "according-to"} <= {q["kind"] for q in out["quotes"]}
    assert all(raw_text[q["start"] : q["end"]] == q["text"] for q in out["quotes"])


def test_corpus_with_no_readable_document_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00")
    res = run("corpus", str(tmp_path))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {tmp_path}: no document could be read (2 skipped")
