"""Evaluation against UD gold data, and the CoNLL-U reader.

The floors below are scores actually reached (see the report in the
commit history); the gold files live in ``../shared/eval`` beside the
project (or ``$ANALYSIS_EVAL_DIR``) and the tests skip when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.eval import conllu as ev

GSD = ev.eval_dir() / ev.GSD_TEST
ESTREP = ev.eval_dir() / ev.ESTREP_DEV


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"../shared/eval is absent: {path} not found (set ANALYSIS_EVAL_DIR)")
    return path


@pytest.fixture(scope="module")
def gsd_tokens() -> pd.DataFrame:
    return ev.eval_tokens(need(GSD)).set_index("system")


@pytest.fixture(scope="module")
def estrep_tokens() -> pd.DataFrame:
    return ev.eval_tokens(need(ESTREP)).set_index("system")


@pytest.fixture(scope="module")
def estrep_sentences() -> pd.DataFrame:
    return ev.eval_sentences(need(ESTREP)).set_index("system")


# --------------------------------------------------------------------------
# Reader (no gold files needed)
# --------------------------------------------------------------------------

SAMPLE = """# newdoc id = d1
# sent_id = s1
# text = Il vient du Maroc, dit-il.
1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tvient\tvenir\tVERB\t_\t_\t0\troot\t_\t_
3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_
3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_
4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_
5\tMaroc\tMaroc\tPROPN\t_\t_\t2\tobl\t_\tSpaceAfter=No
5.1\tvient\tvenir\tVERB\t_\t_\t_\t_\t0:root\t_
6\t,\t,\tPUNCT\t_\t_\t7\tpunct\t_\t_
7\tdit\tdire\tVERB\t_\t_\t2\tparataxis\t_\tSpaceAfter=No
8\t-il\til\tPRON\t_\t_\t7\tnsubj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# sent_id = s2
# text = Titre sans point
1\tTitre\ttitre\tNOUN\t_\t_\t0\troot\t_\t_
2\tsans\tsans\tADP\t_\t_\t3\tcase\t_\t_
3\tpoint\tpoint\tNOUN\t_\t_\t1\tnmod\t_\t_

"""


def test_read_conllu_surface_tokens_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(SAMPLE, encoding="utf-8")
    gold = ev.read_conllu(path)
    assert [g.sent_id for g in gold] == ["s1", "s2"]
    s1 = gold[0]
    assert s1.tokens == ["Il", "vient", "du", "Maroc", ",", "dit", "-il", "."]
    assert [s1.text[a:b] for a, b in s1.spans] == s1.tokens


def test_running_text_puts_headings_on_their_own_line(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(SAMPLE + SAMPLE.replace("s1", "s3").replace("s2", "s4"), encoding="utf-8")
    text, spans = ev.running_text(ev.read_conllu(path))
    assert text == ("Il vient du Maroc, dit-il. Titre sans point\nIl vient du Maroc, dit-il. Titre sans point")
    assert [text[a:b] for a, b in spans][:2] == ["Il vient du Maroc, dit-il.", "Titre sans point"]


def test_scores_on_sample(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(SAMPLE, encoding="utf-8")
    tok = ev.eval_tokens(path).set_index("system")
    assert list(tok.reset_index().columns) == ev.COLUMNS
    assert tok.loc[ev.SYSTEM_OURS, "f1"] == 100.0
    sent = ev.eval_sentences(path, systems=[ev.SYSTEM_OURS]).set_index("system")
    assert sent.loc[ev.SYSTEM_OURS, "f1"] == 100.0


def test_format_scores_is_aligned() -> None:
    df = pd.DataFrame(
        [
            {
                "system": "ours",
                "precision": 99.9,
                "recall": 99.8,
                "f1": 99.85,
                "gold": 10,
                "predicted": 10,
                "correct": 9,
            },
            {
                "system": "a much longer name",
                "precision": 1.0,
                "recall": 2.0,
                "f1": 1.33,
                "gold": 10,
                "predicted": 1000,
                "correct": 1,
            },
        ],
        columns=ev.COLUMNS,
    )
    out = ev.format_scores(df, "Tokens")
    lines = out.splitlines()
    assert lines[0] == "Tokens"
    body = [ln for ln in lines if ln.startswith(("ours", "a much"))]
    assert len(body) == 2 and len(body[0]) == len(body[1])
    assert "99.85" in out and "1.33" in out


def test_eval_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ANALYSIS_EVAL_DIR", str(tmp_path))
    assert ev.eval_dir() == tmp_path
    monkeypatch.delenv("ANALYSIS_EVAL_DIR")
    assert ev.eval_dir() == Path(ev.__file__).resolve().parents[2].parent / "shared" / "eval"


# --------------------------------------------------------------------------
# Floors on the gold data
# --------------------------------------------------------------------------


def test_gsd_token_f1(gsd_tokens: pd.DataFrame) -> None:
    assert gsd_tokens.loc[ev.SYSTEM_OURS, "f1"] >= 99.85
    assert gsd_tokens.loc[ev.SYSTEM_OURS, "precision"] >= 99.85
    assert gsd_tokens.loc[ev.SYSTEM_OURS, "recall"] >= 99.85
    assert gsd_tokens.loc[ev.SYSTEM_OURS, "gold"] == 9738


def test_gsd_ours_beats_baselines(gsd_tokens: pd.DataFrame) -> None:
    ours = gsd_tokens.loc[ev.SYSTEM_OURS, "f1"]
    assert ours > gsd_tokens.loc[ev.SYSTEM_SPACY_TOKENS, "f1"] + 0.5
    assert ours > gsd_tokens.loc[ev.SYSTEM_NLTK_TOKENS, "f1"] + 5


def test_estrep_token_f1(estrep_tokens: pd.DataFrame) -> None:
    assert estrep_tokens.loc[ev.SYSTEM_OURS, "f1"] >= 99.9
    ours = estrep_tokens.loc[ev.SYSTEM_OURS, "f1"]
    assert ours > estrep_tokens.loc[ev.SYSTEM_SPACY_TOKENS, "f1"]
    assert ours > estrep_tokens.loc[ev.SYSTEM_NLTK_TOKENS, "f1"]


def test_estrep_sentence_f1(estrep_sentences: pd.DataFrame) -> None:
    assert estrep_sentences.loc[ev.SYSTEM_OURS, "f1"] >= 99.0
    ours = estrep_sentences.loc[ev.SYSTEM_OURS, "f1"]
    assert ours > estrep_sentences.loc[ev.SYSTEM_SPACY_SENTS, "f1"]
    assert ours > estrep_sentences.loc[ev.SYSTEM_NLTK_SENTS, "f1"]


def test_gsd_sentences_split_even_when_shuffled() -> None:
    df = ev.eval_sentences(need(GSD), systems=[ev.SYSTEM_OURS]).set_index("system")
    assert df.loc[ev.SYSTEM_OURS, "f1"] >= 95.0


def test_token_errors_are_few() -> None:
    errors = ev.token_errors(need(GSD))
    assert list(errors.columns) == ["sent_id", "missed", "spurious"]
    assert len(errors) <= 8


def test_report_says_when_gold_is_absent(tmp_path: Path) -> None:
    text = ev.report(tmp_path)
    assert text.count("skipped") == 3 and str(tmp_path) in text


# --------------------------------------------------------------------------
# Tune / check halves
# --------------------------------------------------------------------------


def _many(n: int) -> str:
    """``n`` copies of the sample, sentence ids made unique (``b000-s1``...)."""
    return "".join(
        SAMPLE.replace("# newdoc id = d1\n", "").replace("sent_id = s", f"sent_id = b{k:03d}-s") for k in range(n)
    )


def test_blocks_go_whole_to_a_half_by_the_hash_of_their_first_sent_id(tmp_path: Path) -> None:
    from analysis.eval.scoring import split_half

    path = tmp_path / "x.conllu"
    path.write_text(_many(13), encoding="utf-8")
    gold = ev.read_conllu(path)
    names, half = ev.blocks(gold)
    assert len(gold) == 26 and len(set(names)) == 3
    assert names == [gold[k - k % ev.BLOCK_SENTENCES].sent_id for k in range(len(gold))]
    assert half == [split_half(n) for n in names]


@pytest.mark.parametrize("evaluate", [ev.eval_tokens, ev.eval_sentences])
def test_scores_by_half_add_up_to_all_and_all_is_the_plain_score(tmp_path: Path, evaluate) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(_many(40), encoding="utf-8")
    errors = tmp_path / "e.tsv"
    halves = evaluate(path, systems=[ev.SYSTEM_OURS], by_half=True, errors_path=errors)
    assert list(halves.columns) == ev.HALF_COLUMNS and list(halves["half"]) == ["tune", "check", "all"]
    h = halves.set_index("half")
    for col in ("gold", "predicted", "correct"):
        assert h.loc["tune", col] + h.loc["check", col] == h.loc["all", col]
    assert h.loc["tune", "gold"] > 0 and h.loc["check", "gold"] > 0  # 4 blocks: both halves hold some
    plain = evaluate(path, systems=[ev.SYSTEM_OURS]).iloc[0]
    assert plain["f1"] == h.loc["all", "f1"] and plain["gold"] == h.loc["all", "gold"]
    assert pd.read_csv(errors, sep="\t").columns.tolist() == ev.ERROR_COLUMNS


def test_the_error_file_lists_missed_and_spurious_tokens_with_their_half(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(
        SAMPLE.replace("7\tdit\tdire", "7\tdit\tdire").replace(
            "7\tdit\tdire\tVERB\t_\t_\t2\tparataxis\t_\tSpaceAfter=No\n8\t-il\til\tPRON\t_\t_\t7\tnsubj\t_\tSpaceAfter=No",
            "7-8\tdit-il\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n7\tdit\tdire\tVERB\t_\t_\t2\tparataxis\t_\t_\n"
            "8\til\til\tPRON\t_\t_\t7\tnsubj\t_\t_",
        ),
        encoding="utf-8",
    )
    errors = tmp_path / "e.tsv"
    ev.eval_tokens(path, systems=[ev.SYSTEM_OURS], by_half=True, errors_path=errors)
    rows = pd.read_csv(errors, sep="\t")
    assert set(zip(rows["kind"], rows["text"])) == {("missed", "dit-il"), ("spurious", "dit"), ("spurious", "-il")}
    assert set(rows["half"]) <= {"tune", "check"} and set(rows["sent_id"]) == {"s1"}
    assert (rows["block"] == "s1").all()


def test_format_scores_prints_the_halves_and_the_split() -> None:
    df = pd.DataFrame(
        [
            {
                "half": h,
                "system": "ours",
                "precision": 99.0,
                "recall": 98.0,
                "f1": 98.5,
                "gold": 1,
                "predicted": 1,
                "correct": 1,
            }
            for h in ("tune", "check", "all")
        ],
        columns=ev.HALF_COLUMNS,
    )
    out = ev.format_scores(df, "Tokens")
    assert "split: blocks of 10 sentences" in out
    assert [ln.split()[0] for ln in out.splitlines() if ln.endswith("1")] == ["tune", "check", "all"]
