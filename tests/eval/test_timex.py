"""TimeBank reader, TempEval-3 scorer, and the floors our tagger reaches on the French TimeBank."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis.eval import timex as E
from analysis.paths import ROOT, eval_dir

TIMEBANK = eval_dir() / "timebank"
needs_timebank = pytest.mark.skipif(not (TIMEBANK / "Data").is_dir(),
                                    reason=f"French TimeBank not found at {TIMEBANK} (set ANALYSIS_EVAL_DIR)")

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


@pytest.fixture(scope="module")
def scores() -> pd.DataFrame:
    return E.evaluate(TIMEBANK, systems=("ours",)).set_index("system")


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
def test_cli_eval_timex_prints_both_systems_and_heideltime():
    out = subprocess.run([sys.executable, "-m", "analysis", "eval", "timex", str(TIMEBANK)], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    for word in ("strict", "relaxed", "value F1", "ours", "dateparser", "HeidelTime"):
        assert word in out.stdout


def test_cli_eval_timex_bad_folder_is_one_line(tmp_path):
    out = subprocess.run([sys.executable, "-m", "analysis", "eval", "timex", str(tmp_path)], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 2 and out.stderr.startswith("error:") and "Traceback" not in out.stderr
