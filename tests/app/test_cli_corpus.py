"""The command line on corpora, schedulers, full disks, signals and terminals, as a user runs it (real processes).

Normal behaviour: every analysis command takes a corpus (a folder, JSONL, CSV or Parquet), every row carries its
``doc_id`` and offsets into its own document's raw text, per-document tables equal the article command's on the
same document, corpus-level tables count across documents and never across a document boundary.
Failures: a scheduler that cannot be used, a full disk, a signal, a terminal that cannot show French.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pandas as pd
import pytest

from analysis.paths import ARTICLE, ROOT

SECOND = (
    "Le Conseil vote la réforme\n\n"
    "Paris, le 3 mars 2023. Le gouvernement a annoncé lundi une réforme des retraites, que les syndicats "
    "jugent injuste. « Nous manifesterons jeudi », a déclaré Sophie Binet, secrétaire générale de la CGT. "
    "Selon le ministre, la réforme des retraites entrera en vigueur en septembre. Les syndicats de Paris "
    "appellent à la grève contre la réforme des retraites.\n"
)


def cli(*args: str, env: dict | None = None, timeout: float = 600, text: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=text,
        cwd=ROOT,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def ok_json(*args: str) -> dict | list:
    res = cli(*args, "--json")
    assert res.returncode == 0, res.stderr[-2000:]
    assert "Traceback" not in res.stderr
    return json.loads(res.stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder of two documents: the article (with its sidecar) and a short French report."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "article.txt").write_bytes(ARTICLE.read_bytes())
    (folder / "article.meta.json").write_bytes(ARTICLE.with_suffix(".meta.json").read_bytes())
    (folder / "retraites.txt").write_text(SECOND, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def texts(corpus: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}


def _spans_round_trip(rows: list[dict], texts: dict[str, str], column: str = "text") -> None:
    assert rows
    for r in rows:
        assert texts[r["doc_id"]][r["start"] : r["end"]] == r[column], r


# --------------------------------------------------------------------------
# Every analysis command takes a corpus
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command, table, column",
    [
        (("clean",), "segments", "text"),
        (("sentences",), "sentences", "text"),
        (("tokens", "--fast"), "tokens", "text"),
        (("entities",), "mentions", "text"),
        (("quotes",), "quotes", "text"),
        (("timeline",), "timexes", "text"),
        (("kwic", "réforme"), "kwic", "node"),
    ],
)
def test_per_document_tables_carry_doc_id_and_offsets_into_each_document(corpus, texts, command, table, column):
    out = ok_json(command[0], str(corpus), *command[1:])
    assert table in out and "errors" in out and out["errors"] == []
    rows = out[table]
    _spans_round_trip(rows, texts, column)
    if command[0] != "kwic":
        assert {r["doc_id"] for r in rows} == set(texts)


@pytest.mark.parametrize(
    "command, table",
    [
        (("clean",), "segments"),
        (("tokens", "--fast"), "tokens"),
        (("entities",), "mentions"),
        (("quotes",), "quotes"),
        (("kwic", "réforme"), "kwic"),
        (("keyterms",), "keyterms"),
    ],
)
def test_a_document_in_a_corpus_gets_the_article_commands_rows(corpus, command, table):
    single = ok_json(command[0], str(corpus / "retraites.txt"), *command[1:])
    single = single[table] if isinstance(single, dict) else single
    rows = [r for r in ok_json(command[0], str(corpus), *command[1:])[table] if r["doc_id"] == "retraites"]
    assert rows == single


def test_timeline_on_a_corpus_gives_each_documents_tables_and_groups(corpus, texts):
    out = ok_json("timeline", str(corpus))
    assert set(out) == {"timexes", "events", "groups", "errors"}
    single = ok_json("timeline", str(corpus / "article.txt"))
    assert [e for e in out["events"] if e["doc_id"] == "article"] == single["events"]
    assert out["groups"] and all(g["documents"] >= 1 for g in out["groups"])


def test_sentences_of_each_document_equal_the_article_command(corpus):
    out = ok_json("sentences", str(corpus))["sentences"]
    for doc in ("article", "retraites"):
        assert [r for r in out if r["doc_id"] == doc] == ok_json("sentences", str(corpus / f"{doc}.txt"))


def test_ngrams_count_across_documents_never_across_a_boundary(tmp_path):
    folder = tmp_path / "pair"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Les habitants de la ville racontent depuis des semaines une vie difficile sous la "
        "menace des drones iraniens et la peur de la guerre\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "froide qui revient dans les discussions des diplomates inquiets devant les drones "
        "iraniens et les grandes puissances de la région\n",
        encoding="utf-8",
    )
    per_doc = [
        {r["term"]: r["count"] for r in ok_json("ngrams", str(folder / f"{d}.txt"), "--top", "1000")}
        for d in ("a", "b")
    ]
    out = {r["term"]: r["count"] for r in ok_json("ngrams", str(folder), "--top", "1000")["ngrams"]}
    assert out == {t: per_doc[0].get(t, 0) + per_doc[1].get(t, 0) for t in set(per_doc[0]) | set(per_doc[1])}
    assert out["drone iranien"] == 2 and "guerre froide" not in out  # a's last word, b's first word
    pairs = {
        r["term"] for r in ok_json("collocations", str(folder), "--min-count", "1", "--top", "1000")["collocations"]
    }
    assert "drone iranien" in pairs and "guerre froide" not in pairs


def test_corpus_level_tables_name_their_rule(corpus):
    for command in ("terms", "ngrams", "collocations", "keyness"):
        res = cli(command, str(corpus))
        assert res.returncode == 0, res.stderr
        assert f"rule ({command}): " in res.stdout and "documents" in res.stdout.split(f"rule ({command}): ")[1]
    keyness = ok_json("keyness", str(corpus), "--top", "5")["keyness"]
    assert keyness and "doc_id" not in keyness[0] and "over" in {r["direction"] for r in keyness}


def test_terms_by_stem_on_a_corpus_counts_stems(corpus):
    rows = ok_json("terms", str(corpus), "--by", "stem", "--top", "500")["terms"]
    terms = {r["term"] for r in rows}
    assert "dron" in terms and "drone" not in terms and "retrait" in terms
    assert {r["term"]: r["docs"] for r in rows}["retrait"] == 1


def test_keyterms_on_a_corpus_per_document_and_corpus_level(corpus):
    out = ok_json("keyterms", str(corpus), "--top", "5")
    assert set(out) == {"keyterms", "corpus_keyterms", "errors"}
    per_doc = pd.DataFrame(out["keyterms"])
    assert set(per_doc["doc_id"]) == {"article", "retraites"} and per_doc.groupby("doc_id").size().max() <= 5
    assert per_doc.groupby("doc_id")["rank"].apply(lambda r: list(r) == list(range(1, len(r) + 1))).all()
    corpus_table = pd.DataFrame(out["corpus_keyterms"])
    for row in corpus_table.itertuples():
        found = per_doc[per_doc["term"].str.lower() == row.term.lower()]
        assert row.documents == found["doc_id"].nunique() and row.share == row.documents / 2
        assert row.mean_rank == pytest.approx(found["rank"].mean()) and row.best_rank == found["rank"].min()
    assert list(corpus_table["documents"]) == sorted(corpus_table["documents"], reverse=True)
    text = cli("keyterms", str(corpus), "--top", "5").stdout
    assert "## corpus_keyterms" in text and "rule (corpus_keyterms): a term is key in a document" in text


def test_library_keyterms_returns_both_tables(corpus):
    from analysis.corpus import stats as cs
    from analysis.corpus import Corpus

    tables = cs.keyterms(Corpus.from_path(corpus), top=3)
    assert set(tables) == {"keyterms", "corpus_keyterms"}
    assert "top 3 key terms" in tables["corpus_keyterms"].attrs["rule"]
    assert tables["corpus_keyterms"]["documents"].max() <= 2


def test_info_on_a_corpus_and_corpus_of_one_article(corpus):
    docs = ok_json("info", str(corpus))["documents"]
    assert [d["doc_id"] for d in docs] == ["article", "retraites"] and docs[0]["date"].startswith("2022-11-20")
    one = ok_json("corpus", str(corpus / "retraites.txt"), "--scheduler", "pandas")["documents"]
    assert [d["doc_id"] for d in one] == ["retraites"]


@pytest.fixture(scope="module")
def table_corpora(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tables")
    frame = pd.DataFrame(
        {
            "doc_id": ["un", "deux"],
            "title": ["Un", "Deux"],
            "date": ["2023-03-03", "2023-03-04"],
            "text": [SECOND, SECOND.replace("Sophie Binet", "Laurent Berger")],
        }
    )
    paths = {"jsonl": folder / "c.jsonl", "csv": folder / "c.csv", "parquet": folder / "c.parquet"}
    frame.to_json(paths["jsonl"], orient="records", lines=True, force_ascii=False)
    frame.to_csv(paths["csv"], index=False)
    frame.to_parquet(paths["parquet"], index=False)
    return paths


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_table_files_are_corpora_for_every_command(table_corpora, kind):
    path = str(table_corpora[kind])
    texts = {"un": SECOND, "deux": SECOND.replace("Sophie Binet", "Laurent Berger")}
    _spans_round_trip(ok_json("entities", path)["mentions"], texts)
    conc = ok_json("kwic", path, "grève")["kwic"]
    assert [r["doc_id"] for r in conc] == ["un", "deux"]
    _spans_round_trip(conc, texts, "node")
    assert {r["doc_id"] for r in ok_json("keyterms", path)["keyterms"]} == {"un", "deux"}


# --------------------------------------------------------------------------
# Schedulers: the same tables everywhere, and fast one-line failures
# --------------------------------------------------------------------------


def test_processes_and_a_real_cluster_give_the_in_process_tables(corpus):
    import logging

    from distributed import LocalCluster

    base = ok_json("clean", str(corpus), "--scheduler", "pandas")
    assert ok_json("clean", str(corpus), "--scheduler", "processes") == base
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as lc:
        assert ok_json("clean", str(corpus), "--scheduler", lc.scheduler_address) == base


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    "address, message",
    [
        (None, "connection refused"),
        ("tcp://10.255.255.1:8786", "(no answer|not a dask scheduler|no dask scheduler answered)"),
        ("tcp://nohost.invalid:8786", "the host name (does not|did not) resolve"),
        ("tcp://127.0.0.1", "connection refused|no answer|not a dask scheduler"),
        ("tcp:/127.0.0.1:8786", "unknown scheduler"),
        ("ucx://127.0.0.1:8786", "unsupported scheme"),
    ],
)
def test_unusable_schedulers_fail_fast_with_one_line(corpus, address, message):
    import re

    address = address or f"tcp://127.0.0.1:{_closed_port()}"
    t0 = time.monotonic()
    res = cli("entities", str(corpus), "--scheduler", address, timeout=30)
    elapsed = time.monotonic() - t0
    assert res.returncode == 2 and res.stdout == ""
    assert len(res.stderr.strip().splitlines()) == 1 and re.search(message, res.stderr), res.stderr
    assert elapsed < 15, elapsed  # a bound on hanging (a connection or DNS timeout, a wait at exit), not a benchmark


def test_a_silent_listener_is_not_a_scheduler(corpus):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        t0 = time.monotonic()
        res = cli("sentences", str(corpus), "--scheduler", f"tcp://127.0.0.1:{server.getsockname()[1]}", timeout=30)
        elapsed = time.monotonic() - t0
    assert res.returncode == 2 and "no dask scheduler answered within" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and elapsed < 15


def test_scheduler_errors_are_a_specific_exception():
    from analysis.corpus.execution import SchedulerError, check_scheduler, resolve_scheduler

    with pytest.raises(SchedulerError, match="connection refused"):
        check_scheduler(f"tcp://127.0.0.1:{_closed_port()}")
    with pytest.raises(SchedulerError, match="malformed port"):
        resolve_scheduler("tcp://host:0", 10)
    assert resolve_scheduler("none", 10) == "pandas" and check_scheduler(None) is None
    assert resolve_scheduler("tcp://localhost", 10) == "tcp://localhost:8786"


# --------------------------------------------------------------------------
# Full disks: one line, exit 1, nothing partial
# --------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("sentences", str(ARTICLE)), ("info", str(ARTICLE)), ("clean", "CORPUS")])
def test_standard_output_on_a_full_disk(corpus, command):
    args = [c.replace("CORPUS", str(corpus)) for c in command]
    with open("/dev/full", "w") as full:
        res = subprocess.run(
            [sys.executable, "-m", "analysis", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
    assert res.returncode == 1
    assert res.stderr.strip() == "error: standard output: cannot write (No space left on device)", res.stderr


def _file_size_limit(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # writes beyond fail with EFBIG

    return apply


def test_out_on_a_full_disk_leaves_the_previous_file(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(30):
        (folder / f"d{i}.txt").write_text(SECOND, encoding="utf-8")
    out = tmp_path / "summary.csv"
    out.write_text("previous\n")
    res = subprocess.run(
        [sys.executable, "-m", "analysis", "corpus", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        preexec_fn=_file_size_limit(1000),
    )
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.strip() == f"error: {out}: cannot write (File too large); nothing was written", res.stderr
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "summary.csv"]  # no temporary file left


def test_out_is_checked_before_any_work(tmp_path, corpus):
    t0 = time.monotonic()
    res = cli("corpus", str(corpus), "--out", str(tmp_path / "missing" / "s.csv"))
    assert res.returncode == 2 and res.stderr.startswith("error: ") and "does not exist" in res.stderr
    assert time.monotonic() - t0 < 60
    good = tmp_path / "s.parquet"
    assert cli("corpus", str(corpus), "--out", str(good)).returncode == 0
    assert pd.read_parquet(good)["doc_id"].tolist() == ["article", "retraites"]


# --------------------------------------------------------------------------
# Signals: one line, exit 130/143, nothing left behind
# --------------------------------------------------------------------------


def _processes_with(mark: str) -> list[int]:
    """Processes whose environment holds the marker (the command, its kernels and workers inherit it)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                if mark.encode() in fh.read():
                    found.append(int(pid))
        except OSError:
            continue
    return found


def _start(args: list[str], mark: str, *, env_extra: dict[str, str] | None = None, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ANALYSIS_TEST_MARK": mark, **(env_extra or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        **kw,
    )


def _gone(mark: str, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not _processes_with(mark):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_figures_interrupted_cleans_up(tmp_path, sig, code):
    out = tmp_path / "figs"
    out.mkdir()
    (out / "01_structure.png").write_bytes(b"previous figure")
    mark = f"analysis-test-{uuid.uuid4()}"
    # the cache off: notebook 01 runs spaCy and lasts well beyond the signal, however warm the cache is
    proc = _start(["figures", "--out", str(out), "--only", "01"], mark, env_extra={"ANALYSIS_CACHE": "off"})
    deadline = time.monotonic() + 120
    while not list(out.glob(".staging-*")):
        assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.poll() else "slow"
        time.sleep(0.05)
    time.sleep(3)  # the kernel is starting or running the notebook
    assert proc.poll() is None, "the figures finished before they could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert err == "interrupted\n"
    assert sorted(p.name for p in out.iterdir()) == ["01_structure.png"]
    assert (out / "01_structure.png").read_bytes() == b"previous figure"
    assert _gone(mark), "a kernel outlived the command"


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory) -> Path:
    """400 copies of the article: minutes of work for any command, so a signal always finds it running."""
    folder = tmp_path_factory.mktemp("long")
    for i in range(400):
        (folder / f"a{i:03d}.txt").write_bytes(ARTICLE.read_bytes())
    return folder


@pytest.mark.parametrize("scheduler, group", [("pandas", False), ("processes", False), ("processes", True)])
def test_ctrl_c_on_a_long_corpus_command(long_corpus, tmp_path, scheduler, group):
    """SIGINT to the process, or to its whole process group as a terminal's Ctrl-C does (workers included)."""
    mark = f"analysis-test-{uuid.uuid4()}"
    out = tmp_path / "summary.csv"
    proc = _start(["entities", str(long_corpus), "--scheduler", scheduler], mark, start_new_session=group)
    time.sleep(8)  # spaCy loaded, documents being read
    assert proc.poll() is None, "the command finished before it could be interrupted"
    if group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    t0 = time.monotonic()
    stdout, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err == "interrupted\n", err
    assert stdout == "" and not out.exists()
    assert time.monotonic() - t0 < 15  # no worker finishing its partition first
    assert _gone(mark), "a worker outlived the command"


def test_sigterm_during_corpus_out_leaves_no_file(long_corpus, tmp_path):
    mark = f"analysis-test-{uuid.uuid4()}"
    out = tmp_path / "summary.csv"
    proc = _start(["corpus", str(long_corpus), "--scheduler", "processes", "--out", str(out)], mark)
    time.sleep(4)
    assert proc.poll() is None, "the command finished before it could be interrupted"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and err == "interrupted\n", err
    assert list(tmp_path.iterdir()) == []
    assert _gone(mark)


# --------------------------------------------------------------------------
# Terminals that cannot show French
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    ],
)
def test_json_is_lossless_on_any_terminal(env, raw_text):
    res = cli("sentences", str(ARTICLE), "--json", env=env, text=False)
    assert res.returncode == 0 and res.stderr == b""
    encoding = "latin-1" if env.get("PYTHONIOENCODING") == "latin-1" else "ascii"
    rows = json.loads(res.stdout.decode(encoding))
    assert rows and all(raw_text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_text_and_csv_on_an_ascii_terminal_escape_and_warn(raw_text):
    res = cli("tokens", str(ARTICLE), "--fast", "--csv", env={"PYTHONIOENCODING": "ascii"}, text=False)
    assert res.returncode == 0
    warning = res.stderr.decode().strip()
    assert warning.startswith("warning: standard output (ascii) cannot show ") and "\\uXXXX escapes" in warning
    table = pd.read_csv(__import__("io").StringIO(res.stdout.decode("ascii")), keep_default_na=False)
    unescaped = table["text"].map(lambda t: t.encode("ascii").decode("unicode_escape"))
    assert all(raw_text[s:e] == t for s, e, t in zip(table["start"], table["end"], unescaped))


def test_latin1_terminal_keeps_what_latin1_can_show():
    res = cli("sentences", str(ARTICLE), env={"PYTHONIOENCODING": "latin-1"}, text=False)
    assert res.returncode == 0 and "Téhéran".encode("latin-1") in res.stdout
    assert b"\\u2019" in res.stdout  # the curly apostrophe is not in Latin-1
    assert res.stderr.decode().startswith("warning: standard output (iso8859-1) cannot show ")


def test_a_kernel_that_dies_is_a_figure_run_error(tmp_path, monkeypatch):
    import papermill as pm

    from analysis.app import notebooks as figures

    def dies(*args, **kwargs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(pm, "execute_notebook", dies)
    with pytest.raises(figures.FigureRunError, match=r"01_.*: the kernel failed \(RuntimeError: Kernel died"):
        figures.run_figures(out_dir=tmp_path, only=["01"])
    assert list(tmp_path.iterdir()) == []  # no staging folder left
