"""NER evaluation: the Sequoia reader, the scorer, and ours above the raw model."""

from __future__ import annotations

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
    assert got == {("Jean-Pierre Dupont", "PER"), ("Conseil de l'Europe", "ORG"), ("Europe", "LOC"),
                   ("Paris", "MISC")}


def test_score_exact_match_and_views():
    gold = [[(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "MISC")]]
    pred = [[(0, 5, "PER"), (10, 14, "LOC"), (20, 25, "MISC"), (30, 35, "ORG")]]
    df = ev.score(gold, pred, system="x").set_index(["view", "label"])
    assert df.loc[("all", "overall"), "correct"] == 2
    assert df.loc[("all", "overall"), "precision"] == 50.0
    assert df.loc[("all", "LOC"), "recall"] == 0.0
    assert df.loc[("PER/LOC/ORG", "overall"), "gold"] == 2
    assert df.loc[("PER/LOC/ORG", "overall"), "predicted"] == 3


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
    ov = scores[scores["label"] == "overall"].set_index(["view", "system"])["f1"]
    for view in ev.VIEWS:
        assert ov[(view, ev.SYSTEM_OURS)] > ov[(view, ev.SYSTEM_SPACY)] + 3.0, view
    assert ov[("all", ev.SYSTEM_OURS)] >= 58.0
    assert ov[("PER/LOC/ORG", ev.SYSTEM_OURS)] >= 65.0
    per = scores[(scores["view"] == "all") & (scores["label"] == "PER")].set_index("system")["f1"]
    assert per[ev.SYSTEM_OURS] >= 77.0


def test_report_says_how_labels_were_mapped(scores):
    text = ev.format_scores(scores, title="t")
    assert "NE-PROD→MISC" in text and "view: PER/LOC/ORG" in text and ev.SYSTEM_SPACY in text
