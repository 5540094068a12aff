"""The tagger on the project's own TIMEX3 test sentences (``data/timex_sentences.tsv`` beside this file).

``data/timex_sentences_heldout.tsv`` (35 more, same format) was written after the rules were fixed.

The sentences were written for this project from the French TimeML annotation guide (its catalogue and
example sentences) and HeidelTime's French resources; none is copied from a gold corpus. Each sentence is
one test: every expected TIMEX3 is found (overlapping extent) with its type and value, and nothing else
is found (76 sentences must give no TIMEX3). The sentences that fail today are listed in
``data/timex_sentences_known_failures.tsv`` and are expected failures (strict: a sentence that starts
passing must leave the ledger, ``benchmarks/timex_sentences.py --known-failures`` rewrites it). The
aggregate scores have floors too, so that the ledger cannot silently grow.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.eval import timex as E

HERE = Path(__file__).resolve().parent
LEDGER = HERE / "data" / "timex_sentences_known_failures.tsv"
DOCS = {d.doc_id: d for d in E.read_sentences(HERE / "data" / "timex_sentences.tsv")}
#: 35 sentences written after the rules of this round were fixed, scored once as a held-out check
#: (all passed but one extent, "des" before "dernières semaines", since mended as the guide's SIGNAL).
HELD_OUT = {d.doc_id: d for d in E.read_sentences(HERE / "data" / "timex_sentences_heldout.tsv")}
with open(LEDGER, encoding="utf-8", newline="") as _fh:
    KNOWN = {r["id"]: r["why"] for r in csv.DictReader(_fh, delimiter="\t")}


def _problems(doc: E.TimeBankDoc) -> list[str]:
    found = E.SYSTEMS["ours"](doc)
    errs = E.errors([doc], {"ours": [found]})
    out = []
    for r in errs.itertuples(index=False):
        if r.outcome in ("missed", "spurious", "wrong value"):
            out.append(
                f"{r.outcome}: gold {r.gold_text!r} {r.gold_type} {r.gold_value}, "
                f"system {r.sys_text!r} {r.sys_type} {r.sys_value}"
            )
        elif r.gold_type != r.sys_type:
            out.append(f"type: {r.gold_text!r} gold {r.gold_type}, system {r.sys_type}")
    return out


def test_the_file_is_what_the_docstring_says():
    assert len(DOCS) == 447
    assert sum(len(d.gold) for d in DOCS.values()) == 393
    assert sum(not len(d.gold) for d in DOCS.values()) == 76
    assert set(KNOWN) <= set(DOCS)


@pytest.mark.parametrize("sid", sorted(DOCS))
def test_sentence(sid):
    doc = DOCS[sid]
    problems = _problems(doc)
    if sid in KNOWN:
        if not problems:
            pytest.fail(f"{sid} now passes: remove it from {LEDGER.name} (was: {KNOWN[sid]})")
        pytest.xfail(f"known failure ({KNOWN[sid]}): {'; '.join(problems)}")
    assert not problems, f"{doc.text!r} (dct {doc.dct}): " + "; ".join(problems)


@pytest.mark.parametrize("sid", sorted(HELD_OUT))
def test_held_out_sentence(sid):
    doc = HELD_OUT[sid]
    problems = _problems(doc)
    assert not problems, f"{doc.text!r} (dct {doc.dct}): " + "; ".join(problems)


def test_aggregate_floors():
    table = E.evaluate_sentences(HERE / "data" / "timex_sentences.tsv").set_index("family")
    total = table.loc["all"]
    # measured 98.72 / 95.41 / 94.90 with 4 spurious on the negatives (baseline 91.32 / 79.57 / 81.17, 8)
    assert total["relaxed_f1"] >= 98.0
    assert total["value_f1"] >= 94.0
    assert total["strict_f1"] >= 93.5
    assert table.loc["negatives (no TIMEX3)", "spurious"] <= 4
