"""A dask.distributed cluster started as a user starts one: a ``dask scheduler`` process and two
``dask worker`` processes on loopback. The corpus tables it gives equal the in-process ones; it is
stopped after."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import Corpus
from analysis.corpus import stats as cs

ROOT = Path(__file__).resolve().parents[2]
DASK = Path(sys.executable).with_name("dask")


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=10)


@pytest.fixture(scope="module")
def real_cluster(tmp_path_factory):
    """The address of a running ``dask scheduler`` with two ``dask worker`` processes (one thread each)."""
    if not DASK.exists():
        pytest.skip(f"no dask command beside {sys.executable}")
    folder = tmp_path_factory.mktemp("cluster")
    scheduler_file = folder / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    quiet = {
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "start_new_session": True,
        "env": env,
        "cwd": folder,
    }
    procs = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            **quiet,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            if procs[0].poll() is not None or time.monotonic() > deadline:
                pytest.fail("the dask scheduler did not start")
            time.sleep(0.2)
        time.sleep(0.2)  # the file is written whole: read it once it is non-empty
        address = json.loads(scheduler_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for k in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        str(DASK),
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                        "--name",
                        f"w{k}",
                        "--local-directory",
                        str(folder / f"w{k}"),
                    ],
                    **quiet,
                )
            )
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=90)
            assert len(client.scheduler_info()["workers"]) == 2
        yield address
    finally:
        _stop(procs)
        assert all(p.poll() is not None for p in procs)  # stopped


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_path(ROOT / "data" / "wikinews-fr-100")


def test_real_cluster_tables_equal_in_process(real_cluster, corpus):
    for table in (
        lambda s: cs.frequencies(corpus, scheduler=s),
        lambda s: cs.frequencies(corpus, by="form", segments=False, scheduler=s),
        lambda s: cs.summary(corpus, scheduler=s),
        lambda s: cs.doc_term_matrix(corpus, scheduler=s).to_frame(),
    ):
        here, there = table("pandas"), table(real_cluster)
        assert len(here) > 50
        pd.testing.assert_frame_equal(there, here)


def test_real_cluster_from_the_command_line(real_cluster):
    # an absolute path: the workers run in folders of their own
    run = [sys.executable, "-m", "analysis", "terms", str(ROOT / "data" / "wikinews-fr-100"), "--json"]
    here = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
    there = subprocess.run([*run, "--scheduler", real_cluster], cwd=ROOT, capture_output=True, text=True)
    assert here.returncode == there.returncode == 0, (here.stderr, there.stderr)
    assert json.loads(there.stdout)["terms"] == json.loads(here.stdout)["terms"] != []
