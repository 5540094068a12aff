"""``eval quotes``: the gold loads onto the reader's text, the scorer pairs and scores as documented."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from analysis.eval import quotes as eq
from analysis.paths import DATA_DIR

GOLD = DATA_DIR / "annotations" / "quotes"


@pytest.fixture(scope="module")
def gold():
    return eq.load_gold(GOLD)


def _oracle(docs, *, speakers=True):
    by_doc = {d.doc_id: d for d in docs}

    def run(article):
        rows = [
            {
                "start": g["content_start"],
                "end": g["content_end"],
                "kind": g["kind"],
                "speaker": g["speaker"] if speakers else "nobody at all",
                "named": bool(g["speaker"]),
                "speaker_start": g["speaker_full_start"] if g["speaker_full_start"] is not None else -1,
                "speaker_end": g["speaker_full_end"] if g["speaker_full_end"] is not None else -1,
                "gender": g["gender"],
                "medium": g["medium"],
            }
            for g in by_doc[article.doc_id].attributions
        ]
        claims = pd.DataFrame(
            [
                {"start": c["start"], "end": c["end"], "status": c["status"], "text": c["text"]}
                for c in by_doc[article.doc_id].claims
            ]
        )
        return pd.DataFrame(rows), claims

    return run


def _get(scores, half, measure, label, col):
    row = scores[(scores["half"] == half) & (scores["measure"] == measure) & (scores["label"] == label)]
    return float(row[col].iloc[0])


def test_gold_has_its_documents_and_halves(gold):
    assert len(gold) == 32
    halves = {eq.split_half(d.doc_id) for d in gold}
    assert halves == {"tune", "check"}
    top = [a for d in gold for a in d.attributions if not a["nested_in"]]
    assert len(top) == 224  # README: 110 tune + 114 check top-level body attributions
    for d in gold:  # every span sits on the reader's text
        for a in d.attributions:
            assert eq.normalise(d.text[a["content_start"] : a["content_end"]]) == eq.normalise(a["content_text"])


def test_a_perfect_system_scores_100(gold, tmp_path):
    scores = eq.evaluate(GOLD, system=_oracle(gold), errors_path=tmp_path / "e.tsv")
    for half in ("tune", "check", "all"):
        assert _get(scores, half, "detection", "all", "f1") == pytest.approx(100)
        assert _get(scores, half, "speaker", "all", "accuracy") == pytest.approx(100)
        assert _get(scores, half, "attribution", "all", "f1") == pytest.approx(100)
        assert _get(scores, half, "gender", "all", "accuracy") == pytest.approx(100)
        assert _get(scores, half, "claims", "all", "accuracy") == pytest.approx(100)
        assert _get(scores, half, "medium", "all", "f1") == pytest.approx(100)
    assert (tmp_path / "e.tsv").read_text(encoding="utf-8").count("\n") == 1  # the header only


def test_wrong_speakers_are_counted_and_listed(gold):
    scores = eq.evaluate(GOLD, system=_oracle(gold, speakers=False))
    assert _get(scores, "all", "detection", "all", "f1") == pytest.approx(100)
    named = sum(1 for d in gold for a in d.attributions if not a["nested_in"] and a["speaker"])
    errs = scores.attrs["errors"]
    assert (errs["error"] == "wrong speaker").sum() == named
    assert _get(scores, "all", "speaker", "all", "accuracy") < 100


def test_a_system_that_finds_nothing(gold):
    def nothing(article):
        return pd.DataFrame(columns=["start", "end", "kind", "speaker", "named"]), None

    scores = eq.evaluate(GOLD, system=nothing)
    assert _get(scores, "all", "detection", "all", "recall") == 0
    assert (scores.attrs["errors"]["error"] == "missed").sum() == 224
    assert "claims" not in set(scores["measure"])  # no claims table: not scored, not invented


def test_pairing_is_one_to_one_best_overlap_first():
    assert eq.pair([(0, 10), (12, 20)], [(0, 20)]) == {0: 0}  # one system row covers two: it matches one
    assert eq.pair([(0, 10)], [(8, 30)]) == {}  # overlap below half of the shorter span
    assert eq.speaker_key("M. Arnaud Montebourg") == eq.speaker_key("arnaud montebourg")


def test_bad_gold_folders_are_one_line_errors(tmp_path):
    with pytest.raises(eq.QuoteGoldError, match="no attributions.jsonl"):
        eq.load_gold(tmp_path)
    bad = tmp_path / "gold"
    shutil.copytree(GOLD, bad)
    lines = (bad / "trafilatura_offsets.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["content_start"] += 3
    (bad / "trafilatura_offsets.jsonl").write_text("\n".join([json.dumps(first)] + lines[1:]), encoding="utf-8")
    with pytest.raises(eq.QuoteGoldError, match="does not match the page's text"):
        eq.load_gold(bad)
