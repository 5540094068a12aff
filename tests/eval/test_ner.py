"""NER evaluation: the Sequoia reader, the scorer, and ours above the raw model."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.eval import ner as ev

SEQUOIA = "ner/sequoia-ne/sequoia-ud.parseme.frsemcor.dev"

SAMPLE = """# sent_id = t1
# text = Le président Jean-Pierre Dupont est au Conseil de l'Europe à Paris.
1	Le	le	DET	_	_	2	det	_	_	*	*
2	président	président	NOUN	_	_	6	nsubj	_	_	*	*
3	Jean-Pierre	Jean-Pierre	PROPN	_	_	2	appos	_	_	1:PROPN|NE-PERS.final|_	*
4	Dupont	Dupont	PROPN	_	_	3	flat	_	_	1	*
5	est	être	AUX	_	_	6	cop	_	_	*	*
6-7	au	_	_	_	_	_	_	_	_	*	*
6	à	à	ADP	_	_	8	case	_	_	*	*
7	le	le	DET	_	_	8	det	_	_	*	*
8	Conseil	Conseil	PROPN	_	_	0	root	_	_	2:PROPN|NE-ORG.final|_	*
9	de	de	ADP	_	_	11	case	_	_	2	*
10	l'	le	DET	_	_	11	det	_	_	2	*
11	Europe	Europe	PROPN	_	_	8	nmod	_	_	2;3:PROPN|NE-LOC.final|_	*
12	à	à	ADP	_	_	13	case	_	_	*	*
13	Paris	Paris	PROPN	_	_	8	nmod	_	_	4:PROPN|NE-PROD.final|_	*
14	.	.	PUNCT	_	_	8	punct	_	_	*	*

"""


def test_reader_spans_labels_and_nesting(tmp_path):
    p = tmp_path / "s.conllu"
    p.write_text(SAMPLE, encoding="utf-8")
    (sent,) = ev.read_sequoia(p)
    got = {(sent.text[a:b], lab) for a, b, lab in sent.entities}
    assert got == {("Jean-Pierre Dupont", "PER"), ("Conseil de l'Europe", "ORG"), ("Europe", "LOC"), ("Paris", "MISC")}


def test_score_exact_match_and_views():
    gold = [[(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "MISC")]]
    pred = [[(0, 5, "PER"), (10, 14, "LOC"), (20, 25, "MISC"), (30, 35, "ORG")]]
    df = ev.score(gold, pred, system="x").set_index(["view", "scheme", "label"])
    assert df.loc[("all", "exact", "overall"), "correct"] == 2
    assert df.loc[("all", "exact", "overall"), "precision"] == 50.0
    assert df.loc[("all", "exact", "LOC"), "recall"] == 0.0
    assert df.loc[("all", "overlap", "LOC"), "recall"] == 100.0  # (10, 14) overlaps (10, 15), same label
    assert df.loc[("PER/LOC/ORG", "exact", "overall"), "gold"] == 2
    assert df.loc[("PER/LOC/ORG", "exact", "overall"), "predicted"] == 3


def test_match_pairs_one_to_one_like_the_hipe_scorer():
    gold = [(0, 10, "PER"), (12, 20, "LOC"), (30, 40, "ORG")]
    pred = [(0, 4, "PER"), (5, 10, "PER"), (12, 20, "ORG"), (30, 35, "LOC"), (50, 55, "LOC")]
    got = [(o, g, p) for o, g, p in ev.match(gold, pred)]
    assert ("wrong-extent", (0, 10, "PER"), (0, 4, "PER")) in got
    assert ("spurious", None, (5, 10, "PER")) in got  # the gold person is already paired
    assert ("wrong-label", (12, 20, "LOC"), (12, 20, "ORG")) in got
    assert ("wrong-label+extent", (30, 40, "ORG"), (30, 35, "LOC")) in got
    assert ("spurious", None, (50, 55, "LOC")) in got
    assert not [o for o, *_ in got if o == "missed"]
    # a gold entity that another prediction matches exactly is never taken as an overlap pair
    got = ev.match([(0, 3, "PER"), (4, 8, "PER")], [(0, 8, "PER"), (4, 8, "PER")])
    assert ("correct", (4, 8, "PER"), (4, 8, "PER")) in got and ("wrong-extent", (0, 3, "PER"), (0, 8, "PER")) in got


def test_sequoia_documents_are_blocks_of_sentences():
    assert ev.sequoia_doc("annodis.er_00014") == "annodis.er#0"
    assert ev.sequoia_doc("annodis.er_00037") == "annodis.er#1"
    assert ev.sequoia_doc("frwiki_50.1000_00412") == "frwiki_50.1000#20"


@pytest.fixture(scope="module")
def scores(shared_eval):
    path = shared_eval / SEQUOIA
    if not path.exists():
        pytest.skip(f"Sequoia NER gold absent: {path}")
    return ev.eval_ner(path)


def test_gold_is_read_whole(shared_eval):
    path = shared_eval / SEQUOIA
    if not path.exists():
        pytest.skip(f"Sequoia NER gold absent: {path}")
    gold = ev.read_sequoia(path)
    assert len(gold) > 400 and sum(len(s.entities) for s in gold) > 400
    for s in gold:
        for a, b, _ in s.entities:
            assert 0 <= a < b <= len(s.text) and s.text[a:b].strip() == s.text[a:b]


def test_ours_beats_raw_spacy(scores):
    ov = scores[(scores["label"] == "overall") & (scores["scheme"] == "exact")].set_index(["half", "view", "system"])[
        "f1"
    ]
    for half in ("tune", "check"):
        for view in ev.VIEWS:
            assert ov[(half, view, ev.SYSTEM_OURS)] > ov[(half, view, ev.SYSTEM_SPACY)] + 2.0, (half, view)
    assert ov[("all", "all", ev.SYSTEM_OURS)] >= 58.0
    assert ov[("all", "PER/LOC/ORG", ev.SYSTEM_OURS)] >= 65.0
    per = scores[
        (scores["half"] == "all")
        & (scores["view"] == "all")
        & (scores["label"] == "PER")
        & (scores["scheme"] == "exact")
    ].set_index("system")["f1"]
    assert per[ev.SYSTEM_OURS] >= 77.0


def test_both_halves_are_reported_and_the_report_says_how_labels_were_mapped(scores):
    assert set(scores["half"]) == {"tune", "check", "all"} and set(scores["scheme"]) == {"exact", "overlap"}
    docs = scores.attrs["documents"]
    assert docs["tune"] + docs["check"] == docs["all"] and min(docs["tune"], docs["check"]) > 100
    text = ev.format_scores(scores, title="t")
    assert "NE-PROD→MISC" in text and "view: PER/LOC/ORG" in text and ev.SYSTEM_SPACY in text
    assert "check exact" in text and "tune overlap" in text


def test_errors_are_written_with_their_half(shared_eval, tmp_path):
    path = shared_eval / SEQUOIA
    if not path.exists():
        pytest.skip(f"Sequoia NER gold absent: {path}")
    out = tmp_path / "e.tsv"
    df = ev.eval_ner(path, names=[ev.SYSTEM_OURS], errors_path=out)
    errs = pd.read_csv(out, sep="\t", keep_default_na=False)
    assert list(errs.columns) == ev.ERROR_COLUMNS and set(errs["half"]) == {"tune", "check"}
    assert {"missed", "spurious", "wrong-extent"} <= set(errs["error"])
    row = df[
        (df["half"] == "all") & (df["view"] == "all") & (df["scheme"] == "exact") & (df["label"] == "overall")
    ].iloc[0]
    assert (errs["gold_label"] != "").sum() == row["gold"] - row["correct"]  # each gold item once
