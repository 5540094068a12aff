"""HIPE-2022 reader and the HIPE side of ``eval ner`` (a small file written here, then the dev sets)."""

from __future__ import annotations

import pytest

from analysis.eval import hipe as H

HEADER = (
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC"
)


def _row(token: str, tag: str = "O", misc: str = "_") -> str:
    return "\t".join([token, tag, "O", "O", "O", "O", "O", "_", "_", misc])


TSV = (
    "\n".join(
        [
            HEADER,
            "# hipe2022:document_id = doc-1",
            _row("M", "B-pers", "NoSpaceAfter"),
            _row(".", "I-pers"),
            _row("Poin¬", "I-pers", "NoSpaceAfter|EndOfLine"),
            _row("caré", "I-pers"),
            _row("est", "O"),
            _row("à", "O"),
            _row("Genève", "B-loc", "NoSpaceAfter"),
            _row(".", "O", "EndOfSentence"),
            "# hipe2022:document_id = doc-2",
            _row("Le", "O"),
            _row("Conseil", "B-org", "EndOfLine"),
            _row("fédéral", "I-org"),
            _row("Berne", "B-org"),
            _row("#mma", "B-pers"),
            _row("Times", "B-prod"),
        ]
    )
    + "\n"
)


def test_reader_rebuilds_the_text_and_collects_entities_like_the_scorer(tmp_path):
    src = tmp_path / "_src"
    src.mkdir()
    (src / "HIPE-2022-v2.1-x-dev-fr.tsv").write_text(TSV, encoding="utf-8")
    d1, d2 = H.read_hipe_path(tmp_path)
    assert d1.text == "M. Poin¬\ncaré est à Genève. " and d1.key == "HIPE-2022-v2.1-x-dev-fr#doc-1"
    assert [(d1.text[slice(*d1.char_span(a, b))], lab) for a, b, lab in d1.entities] == [
        ("M. Poin¬\ncaré", "PER"),
        ("Genève", "LOC"),
    ]
    # a mention crosses the line break; B- after I- of the same type opens a new entity; '#…' tokens
    # have no offsets; prod is out of the PER/LOC/ORG view
    assert [(d2.text[slice(*d2.char_span(a, b))], lab) for a, b, lab in d2.entities] == [
        ("Conseil\nfédéral", "ORG"),
        ("Berne", "ORG"),
        ("Times", "OTHER"),
    ]
    assert d2.dropped == 1 and d2.token_span(3, 10) == (1, 1)
    assert H.is_hipe(tmp_path) and H.is_hipe(src / "HIPE-2022-v2.1-x-dev-fr.tsv")


def test_a_plain_text_that_differs_is_an_error(tmp_path):
    (tmp_path / "HIPE-2022-v2.1-x-dev-fr.tsv").write_text(TSV, encoding="utf-8")
    (tmp_path / "HIPE-2022-v2.1-x-dev-fr__doc-1.txt").write_text("autre chose", encoding="utf-8")
    with pytest.raises(H.HipeGoldError, match=r"doc-1\.txt: differs from the text rebuilt"):
        H.read_hipe_path(tmp_path)


@pytest.mark.parametrize(
    "text, message",
    [
        ("TOKEN\tNE-COARSE-LIT\n", r"no document"),
        ("mot\tO\n", r"line 1: no HIPE header"),
        (HEADER + "\n" + _row("mot") + "\n", r"line 2: a token before any"),
        (HEADER + "\n# hipe2022:document_id = d\nmot\tO\n", r"line 3: 2 tab-separated column\(s\), expected 10"),
    ],
)
def test_bad_files_name_the_problem(tmp_path, text, message):
    p = tmp_path / "HIPE-2022-bad.tsv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(H.HipeGoldError, match=message):
        H.read_hipe(p)


HIPE_SRC = "news/hipe-fr-plaintext/_src"


@pytest.fixture(scope="module")
def hipe_docs(shared_eval):
    path = shared_eval / HIPE_SRC
    if not path.exists():
        pytest.skip(f"HIPE-2022 gold absent: {path}")
    return H.read_hipe_path(path)


def test_dev_sets_are_read_whole_and_split_by_document(hipe_docs):
    from analysis.eval.scoring import split_half

    assert len(hipe_docs) == 164 and len({d.key for d in hipe_docs}) == 164
    plo = [e for d in hipe_docs for e in d.entities if e[2] != "OTHER"]
    assert len(plo) == 4499
    halves = [split_half(d.key) for d in hipe_docs]
    assert halves.count("tune") == 79 and halves.count("check") == 85
    for d in hipe_docs:
        for a, b, _ in d.entities:
            s, e = d.char_span(a, b)
            assert 0 <= s < e <= len(d.text)


def test_each_gold_set_has_its_own_default_errors_file(tmp_path):
    """``eval ner`` reads Sequoia and HIPE: the default errors TSV is named after the gold, never shared."""
    import subprocess
    import sys

    from analysis.paths import ROOT

    gold = tmp_path / "HIPE mini.set"
    (gold / "_src").mkdir(parents=True)
    (gold / "_src" / "HIPE-2022-v2.1-x-dev-fr.tsv").write_text(TSV, encoding="utf-8")
    expected = ROOT / "reports" / "eval" / "ner_hipe_mini_errors.tsv"
    expected.unlink(missing_ok=True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "analysis", "eval", "ner", str(gold)], cwd=ROOT, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert expected.read_text(encoding="utf-8").startswith("dataset\thalf\tdoc_id\t")
        assert str(expected) in done.stdout
        # both documents fall in one half: the other half's scores print as "–", never a traceback
        assert "–" in done.stdout and "Traceback" not in done.stderr
    finally:
        expected.unlink(missing_ok=True)
