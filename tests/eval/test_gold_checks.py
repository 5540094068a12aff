"""The gold readers check what they read: each failure is a specific exception with one line naming the file."""

from __future__ import annotations

import pytest

from analysis.eval import conllu as ev
from analysis.eval import keyterms as ek
from analysis.eval import ner as en
from analysis.eval import timex as et
from analysis.paths import ARTICLE

from ..app.test_bad_inputs import CONLLU, SEQUOIA, TML, _cut, _without_last_lines


def _one_line(exc: pytest.ExceptionInfo, path) -> str:
    message = str(exc.value)
    assert "\n" not in message and str(path) in message
    return message


def test_valid_samples_read(tmp_path):
    (tmp_path / "g.conllu").write_bytes(CONLLU)
    gold = ev.read_conllu(tmp_path / "g.conllu")
    assert [s.tokens for s in gold] == [["Le", "chat", "dort", "au", "jardin", "."], ["Il", "pleut", "."]]
    (tmp_path / "g.parseme").write_bytes(SEQUOIA)
    (sent,) = en.read_sequoia(tmp_path / "g.parseme")
    assert {(sent.text[a:b], lab) for a, b, lab in sent.entities} == {("Jean Dupont", "PER"), ("Paris", "LOC")}


@pytest.mark.parametrize(
    "content, words",
    [
        (None, "no such file"),
        (b"", "file is empty"),
        (b"  \n\n", "file is empty"),
        (ARTICLE.read_bytes(), "line 1: 1 tab-separated column(s), expected 10"),
        (_cut(CONLLU), "tab-separated column(s), expected 10"),
        (_without_last_lines(CONLLU, 2), "ends inside a sentence"),
        (CONLLU.replace(b"3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n", b""), "sentence 's2': its tokens do not spell"),
        (CONLLU.replace(b"4-5\tau", b"4-x\tau"), "bad token ID '4-x'"),
        (CONLLU.replace(b"\n\n# sent_id = s2", b"\n# sent_id = s2"), "a comment inside a sentence"),
        (b"# only = comments\n\n", "no token line"),
        (CONLLU.replace("jardin".encode(), "jardin".encode("latin-1") + b"\xe9"), "not UTF-8 (byte 0xe9"),
    ],
)
def test_conllu_reader_refuses_what_is_not_conllu(tmp_path, content, words):
    path = tmp_path / "g.conllu"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ev.ConlluError) as exc:
        ev.read_conllu(path)
    assert words in _one_line(exc, path)
    assert isinstance(exc.value, ev.GoldDataError) and isinstance(exc.value, ValueError)


def test_conllu_reader_refuses_a_folder(tmp_path):
    with pytest.raises(ev.ConlluError, match="is a folder"):
        ev.read_conllu(tmp_path)


@pytest.mark.parametrize(
    "content, words",
    [
        (CONLLU, "expected 11"),
        (
            SEQUOIA.replace(b"1:PROPN|NE-PERS.final|_", b"1:PROPN|LVC.full|_").replace(b"2:PROPN|NE-LOC.final|_", b"*"),
            "no named-entity annotation",
        ),
        (SEQUOIA.replace(b"\t1\t*\n", b"\tone\t*\n"), "malformed PARSEME:MWE value 'one'"),
        (_cut(SEQUOIA), "expected 12"),
    ],
)
def test_ner_reader_needs_parseme_named_entities(tmp_path, content, words):
    path = tmp_path / "g.parseme"
    path.write_bytes(content)
    with pytest.raises(en.NerGoldError) as exc:
        en.read_sequoia(path)
    assert words in _one_line(exc, path)


@pytest.mark.parametrize(
    "files, words",
    [
        ({}, "no .tml file"),
        ({"a.tml": b""}, "file is empty"),
        ({"a.tml": _cut(TML)}, "not well-formed XML"),
        ({"a.tml": TML.replace(b"<DCT>", b"<DCX>").replace(b"</DCT>", b"</DCX>")}, "no <DCT> creation date"),
        ({"a.tml": TML.replace(b"<TEXT>", b"<BODY>").replace(b"</TEXT>", b"</BODY>")}, "no <TEXT> element"),
        ({"a.tml": b"\xff" + TML}, "not UTF-8"),
        (
            {
                "a.tml": TML.replace(b'<TIMEX3 tid="t1" type="DATE" value="2002-02-08">hier</TIMEX3>', b"hier").replace(
                    b'<TIMEX3 tid="t2" type="DATE" value="2002-02-10">demain</TIMEX3>', b"demain"
                )
            },
            "no TIMEX3",
        ),
    ],
)
def test_timebank_reader_checks_every_file(tmp_path, files, words):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    with pytest.raises(et.TimeBankError) as exc:
        et.read_timebank(tmp_path)
    assert words in _one_line(exc, tmp_path)


def test_timebank_reader_refuses_a_file():
    with pytest.raises(et.TimeBankError, match="not a folder"):
        et.read_timebank(ARTICLE)


@pytest.mark.parametrize(
    "files, words",
    [
        ({}, "no ref file"),
        ({"ref": b"1.html\tchat\n"}, "no txt/ folder"),
        ({"ref": b"1.html\tchat\n", "txt/2.txt": b"x"}, "no page"),
        ({"ref": b"1.html chat\n", "txt/1.txt": b"Le chat."}, "line 1: expected a file name, a tab"),
        ({"ref": b"\n\n", "txt/1.txt": b"Le chat."}, "file is empty"),
        ({"ref": b"1.html\tchat\n", "txt/1.txt": b""}, "file is empty"),
        ({"ref": b"1.html\tch\xe2t\n", "txt/1.txt": b"Le chat."}, "not UTF-8"),
    ],
)
def test_wikinews_reader_needs_ref_and_pages(tmp_path, files, words):
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    with pytest.raises(ek.KeyphraseGoldError) as exc:
        ek.load_corpus(tmp_path)
    assert words in _one_line(exc, tmp_path)


def test_shared_gold_passes_the_checks(shared_eval):
    gsd = shared_eval / "ud" / "fr_gsd-ud-test.conllu"
    sequoia = shared_eval / "ner" / "sequoia-ne" / "sequoia-ud.parseme.frsemcor.dev"
    for path in (gsd, sequoia, shared_eval / "timebank", shared_eval / "news" / "wikinews-fr-100"):
        if not path.exists():
            pytest.skip(f"gold data absent: {path}")
    assert len(ev.read_conllu(gsd)) == 416
    assert len(en.read_sequoia(sequoia)) > 400
    assert len(et.read_timebank(shared_eval / "timebank")) == 72
    assert sum(bool(d.gold) for d in ek.load_corpus(shared_eval / "news" / "wikinews-fr-100")) == 67
