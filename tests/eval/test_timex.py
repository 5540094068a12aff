"""TimeBank reader, TempEval-3 scorer, and the floors our tagger reaches on the French TimeBank."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis.eval import timex as E
from analysis.paths import ROOT, eval_dir

TIMEBANK = eval_dir() / "timebank"
needs_timebank = pytest.mark.skipif(
    not (TIMEBANK / "Data").is_dir(), reason=f"French TimeBank not found at {TIMEBANK} (set ANALYSIS_EVAL_DIR)"
)

TML = """<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="2002-02-09" /></DCT>
<TEXT>
Il est <EVENT eid="e1">arrivé</EVENT> <TIMEX3 tid="t2" type="DATE" value="2002-02-08">hier</TIMEX3> &amp; repart <TIMEX3 tid="t3" type="TIME" value="2002-02-09T20:30" mod="APPROX">vers 20 h 30</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml_offsets_and_attributes(tmp_path):
    f = tmp_path / "doc.tml"
    f.write_text(TML, encoding="utf-8")
    doc = E.read_tml(f)
    assert str(doc.dct) == "2002-02-09"
    assert "&amp;" not in doc.text and "& repart" in doc.text
    assert list(doc.gold["text"]) == ["hier", "vers 20 h 30"]
    assert all(doc.text[s:e] == t for s, e, t in doc.gold[["start", "end", "text"]].itertuples(index=False))
    assert list(doc.gold["mod"]) == ["", "APPROX"]


def test_read_timebank_refuses_a_folder_without_tml(tmp_path):
    with pytest.raises(E.TimeBankError, match="no .tml file"):
        E.read_timebank(tmp_path)
    with pytest.raises(E.TimeBankError, match="no such folder"):
        E.read_timebank(tmp_path / "missing")


def _t(rows):
    return pd.DataFrame(rows, columns=["start", "end", "type", "value"])


def test_score_strict_relaxed_and_value():
    gold = _t([(0, 4, "DATE", "2002-02-08"), (10, 22, "TIME", "2002-02-09T20:30"), (30, 35, "DURATION", "P2D")])
    system = _t([(0, 4, "DATE", "2002-02-08"), (15, 22, "TIME", "2002-02-09T20:00"), (40, 45, "DATE", "2002")])
    s = E.score([(gold, system)])
    assert (s["strict"], s["relaxed"], s["value_ok"], s["type_ok"]) == (1, 2, 1, 2)
    assert s["strict_f1"] == pytest.approx(100 / 3)
    assert s["relaxed_p"] == pytest.approx(200 / 3) and s["relaxed_r"] == pytest.approx(200 / 3)
    assert s["value_f1"] == pytest.approx(100 / 3)
    assert s["type_accuracy"] == pytest.approx(100.0)
    # value F1 = value accuracy among relaxed matches × relaxed F1
    assert s["value_f1"] == pytest.approx(s["value_accuracy"] * s["relaxed_f1"] / 100)


def test_relaxed_matching_is_one_to_one():
    gold = _t([(0, 10, "DATE", "a")])
    system = _t([(0, 4, "DATE", "a"), (5, 10, "DATE", "a")])
    s = E.score([(gold, system)])
    assert s["relaxed"] == 1 and s["relaxed_p"] == pytest.approx(50.0)


def _doc(doc_id, gold_rows):
    gold = pd.DataFrame(gold_rows, columns=["start", "end", "text", "type", "value", "mod"])
    return E.TimeBankDoc(doc_id=doc_id, text="x" * 60, dct=None, gold=gold)


def test_errors_name_every_outcome_and_by_type_counts_agreeing_types():
    doc = _doc(
        "d1",
        [
            (0, 4, "hier", "DATE", "2002-02-08", ""),
            (10, 22, "vers 20 h 30", "TIME", "T20:30", "APPROX"),
            (30, 35, "2 ans", "DURATION", "P2Y", ""),
            (50, 55, "lundi", "DATE", "2002-02-04", ""),
        ],
    )
    system = pd.DataFrame(
        [
            (0, 4, "hier", "DATE", "2002-02-08"),
            (15, 22, "20 h 30", "TIME", "T20:30"),
            (30, 35, "2 ans", "DATE", "2000"),
            (40, 45, "trois", "DATE", "3"),
        ],
        columns=["start", "end", "text", "type", "value"],
    )
    errs = E.errors([doc], {"ours": [system]})
    assert list(errs.columns) == E.ERROR_COLUMNS
    assert list(errs["outcome"]) == ["ok", "extent", "wrong value", "missed", "spurious"]
    assert set(errs["half"]) == {E.split_half("d1")}
    types = E.by_type(errs).set_index(["half", "type"])
    date = types.loc[("all", "DATE")]
    # DATE: 2 gold, 3 predicted; one match agrees on DATE (hier) with the right value
    assert (date["gold"], date["predicted"]) == (2, 3)
    assert date["relaxed_p"] == pytest.approx(100 / 3, abs=0.01) and date["relaxed_r"] == pytest.approx(50.0)
    assert types.loc[("all", "DURATION"), "relaxed_r"] == 0.0  # found, but typed DATE
    assert types.loc[("all", "TIME"), "value_f1"] == pytest.approx(100.0)


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory) -> pd.DataFrame:
    return E.evaluate(TIMEBANK, systems=("ours",), errors_path=tmp_path_factory.mktemp("tx") / "errors.tsv")


@pytest.fixture(scope="module")
def scores(evaluation) -> pd.DataFrame:
    return evaluation[evaluation["docs"] == "all"].set_index("system")


@needs_timebank
def test_evaluate_reports_tune_check_and_all_by_document(evaluation):
    ours = evaluation[evaluation["system"] == "ours"].set_index("docs")
    assert list(ours.index) == ["tune", "check", "all"]
    split = evaluation.attrs["split"]
    assert not set(split["tune"]) & set(split["check"])
    assert all(E.split_half(d) == h for h in ("tune", "check") for d in split[h])
    assert ours.loc["tune", "documents"] + ours.loc["check", "documents"] == ours.loc["all", "documents"] == 72
    assert ours.loc["tune", "n_gold"] + ours.loc["check", "n_gold"] == ours.loc["all", "n_gold"]
    assert {r["type"] for r in evaluation.attrs["by_type"]} == set(E.TYPES)
    errs = pd.read_csv(evaluation.attrs["errors_path"], sep="\t")
    assert set(errs["outcome"]) <= {"missed", "spurious", "wrong value", "extent"}
    found = ours.loc["all"]
    assert (errs["outcome"] == "missed").sum() == found["n_gold"] - found["relaxed"]
    assert (errs["outcome"] == "spurious").sum() == found["n_system"] - found["relaxed"]
    assert (errs["outcome"] == "wrong value").sum() == found["relaxed"] - found["value_ok"]


@needs_timebank
def test_floors_on_each_half(evaluation):
    ours = evaluation[evaluation["system"] == "ours"].set_index("docs")
    # measured: tune relaxed 97.58, value 93.72; check relaxed 96.91, value 87.29
    assert ours.loc["tune", "relaxed_f1"] >= 97.0 and ours.loc["tune", "value_f1"] >= 93.0
    assert ours.loc["check", "relaxed_f1"] >= 96.5 and ours.loc["check", "value_f1"] >= 86.5


@needs_timebank
def test_floors_on_the_french_timebank(scores):
    ours = scores.loc["ours"]
    # HeidelTime (published, whole corpus): strict 85.99, relaxed 90.97, type F1 82.66, value 73.63
    assert ours["relaxed_f1"] >= 95.0
    assert ours["strict_f1"] >= 93.0
    assert ours["type_accuracy"] >= 97.0
    assert ours["value_f1"] >= 88.0
    heidel = scores.loc[[i for i in scores.index if i.startswith("HeidelTime")][0]]
    assert ours["relaxed_f1"] > heidel["relaxed_f1"] and ours["value_f1"] > heidel["value_f1"]


@needs_timebank
def test_dateparser_peer_runs_on_one_document():
    doc = E.read_timebank(TIMEBANK)[0]
    found = E.dateparser_timexes("Il est arrivé hier à Paris.", doc.dct)
    assert set(found.columns) >= {"start", "end", "type", "value"}
    assert all(isinstance(v, str) for v in found["value"])


@needs_timebank
def test_cli_eval_timex_prints_both_systems_halves_types_and_heideltime(tmp_path):
    errors = tmp_path / "errors.tsv"
    out = subprocess.run(
        [sys.executable, "-m", "analysis", "eval", "timex", str(TIMEBANK), "--errors", str(errors)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    for word in (
        "strict",
        "relaxed",
        "value P",
        "ours",
        "dateparser",
        "HeidelTime",
        "tune",
        "check",
        "DURATION",
        "SET",
        str(errors),
    ):
        assert word in out.stdout
    assert errors.read_text(encoding="utf-8").startswith("system\thalf\tdoc_id")


def test_cli_eval_timex_bad_folder_is_one_line(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "analysis", "eval", "timex", str(tmp_path)], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 2 and out.stderr.startswith("error:") and "Traceback" not in out.stderr
