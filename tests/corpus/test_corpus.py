"""Corpora: loading from every source, errors, analyses over documents, identical results on three schedulers."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.corpus import Corpus, CorpusError, EmptyCorpusError, date_from_filename, dateline, documents
from analysis.corpus import execution
from analysis.corpus import stats as cs
from analysis.corpus.execution import Reducer, run, write_table
from analysis.reading.article import Article, load_article
from analysis.paths import ARTICLE, ROOT, eval_dir

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Grève : les cheminots reconduisent le mouvement</title>
<meta name="author" content="Marie Dupont"><meta property="og:site_name" content="Le Quotidien">
<meta property="article:published_time" content="2023-03-07T08:00:00+01:00"></head><body>
<nav><a href="/">Accueil</a> | <a href="/politique">Politique</a></nav>
<article><h1>Grève : les cheminots reconduisent le mouvement</h1>
<p>Les cheminots ont voté mardi la reconduction de la grève contre la réforme des retraites, a annoncé le syndicat.</p>
<p>La circulation des trains restera très perturbée mercredi sur l'ensemble du réseau, selon la direction de la SNCF.</p>
<p>Le gouvernement appelle au dialogue et promet de recevoir les syndicats avant la fin de la semaine prochaine.</p>
</article><footer>Tous droits réservés. Abonnez-vous à notre lettre d'information.</footer></body></html>"""


def _txt(i: int) -> str:
    topics = ["la grève des cheminots", "le budget de la ville", "la saison des vendanges"]
    return (
        f"Titre {i} sur {topics[i % 3]}\n\nLe conseil a discuté de {topics[i % 3]} pendant la séance. "
        f"Les élus ont voté une motion sur {topics[i % 3]}. Le maire a salué un vote important.\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(_txt(0), encoding="utf-8")
    # a.txt and a.html share a stem: the sidecar names the file it describes (a.meta.json would apply to both)
    (root / "a.txt.meta.json").write_text(
        json.dumps({"title": "Sidecar title", "date": "2023-03-01"}), encoding="utf-8"
    )
    (root / "sub" / "journal-2023-03-05-p2.txt").write_text(_txt(1), encoding="utf-8")
    (root / "b.md").write_text(
        "---\ntitle: Front matter\ndate: 2023-03-06\nauthor: Jean\n---\n" + _txt(2), encoding="utf-8"
    )
    (root / "c.md").write_text('+++\ntitle = "Toml title"\ndate = "2023-03-08"\n+++\n' + _txt(3), encoding="utf-8")
    (root / "a.html").write_text(HTML, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (root / "empty.md").write_text("", encoding="utf-8")
    (root / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (root / "_src").mkdir()
    (root / "_src" / "raw.txt").write_text("not an article", encoding="utf-8")
    (root / "notes.tsv").write_text("ignored\n", encoding="utf-8")
    return root


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def test_folder_loads_every_format_with_stable_ids_and_reports_bad_files(folder, caplog):
    corpus = Corpus.from_path(folder)
    assert corpus.doc_ids == ["a", "a~2", "b", "broken", "c", "empty", "sub/journal-2023-03-05-p2"]
    with caplog.at_level(logging.WARNING, logger="analysis.reading.corpus"):
        docs = documents(corpus).set_index("doc_id")
    assert list(docs.index) == ["a", "a~2", "b", "c", "sub/journal-2023-03-05-p2"]
    errors = corpus.errors.set_index("file")["reason"]
    assert set(errors.index) == {str(folder / "broken.txt"), str(folder / "empty.md")}
    assert "binary" in errors[str(folder / "broken.txt")]
    assert not any(r.startswith(str(folder)) for r in errors)  # the reason does not repeat the file
    assert sum("skipped" in r.message for r in caplog.records) == 2
    # sorted paths: a.html is "a", a.txt "a~2" (its sidecar a.meta.json is used)
    assert docs.loc["a", "format"] == "html" and docs.loc["a~2", "format"] == "txt"
    assert docs.loc["a~2", "title"] == "Sidecar title" and str(docs.loc["a~2", "date"].date()) == "2023-03-01"
    assert docs.loc["b", "title"] == "Front matter" and docs.loc["b", "author"] == "Jean"
    assert docs.loc["b", "date_source"] == "front matter"
    assert docs.loc["c", "title"] == "Toml title" and str(docs.loc["c", "date"].date()) == "2023-03-08"
    assert docs.loc["sub/journal-2023-03-05-p2", "date_source"] == "file name"
    assert str(docs.loc["sub/journal-2023-03-05-p2", "date"].date()) == "2023-03-05"


def test_html_reduced_to_article_text_and_metadata(folder):
    corpus = Corpus.from_path(folder)
    art = next(a for a in corpus if a.doc_id == "a")
    assert "reconduction de la grève" in art.text
    assert "Abonnez-vous" not in art.text and "Accueil" not in art.text
    assert art.meta["title"].startswith("Grève")
    assert art.meta["date"] == "2023-03-07"
    assert art.meta["author"] == "Marie Dupont"
    assert art.path == folder / "a.html"
    import hashlib

    assert art.sha256 == hashlib.sha256((folder / "a.html").read_bytes()).hexdigest()
    # offsets of every analysis index the extracted text
    freq = cs.doc_term_matrix(Corpus.from_articles([art]))
    assert freq.shape[0] == 1
    tx = cs.summary(Corpus.from_articles([art]))
    assert tx.loc[0, "tokens"] > 30


def test_md_body_is_the_raw_text(folder):
    art = next(a for a in Corpus.from_path(folder) if a.doc_id == "b")
    assert art.text == _txt(2)


def test_table_files_jsonl_csv_parquet(tmp_path):
    rows = [{"text": _txt(i), "title": f"T{i}", "date": f"2023-03-0{i + 1}", "outlet": "X"} for i in range(3)]
    rows[1]["doc_id"] = "given"
    jsonl = tmp_path / "c.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(2, "{not json")
    lines.insert(3, json.dumps({"title": "no text"}))
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame = pd.DataFrame(rows)
    frame.to_csv(tmp_path / "c.csv", index=False)
    frame.to_parquet(tmp_path / "c.parquet", index=False)
    expected = None
    for name in ("c.jsonl", "c.csv", "c.parquet"):
        corpus = Corpus.from_path(tmp_path / name)
        # JSONL: <stem>/<line counted from 0> (lines 2 and 3 are bad); CSV, Parquet: <stem>/<row>
        assert corpus.doc_ids == (["c/0", "given", "c/4"] if name == "c.jsonl" else ["c/0", "given", "c/2"])
        docs = documents(corpus)
        assert docs["title"].tolist() == ["T0", "T1", "T2"]
        assert [str(d.date()) for d in docs["date"]] == ["2023-03-01", "2023-03-02", "2023-03-03"]
        freq = cs.frequencies(corpus)
        if expected is None:
            expected = freq
        pd.testing.assert_frame_equal(freq, expected)
    errors = Corpus.from_path(jsonl).errors
    assert sorted(errors["file"]) == [f"{jsonl}:3", f"{jsonl}:4"] and set(errors["outcome"]) == {"skipped"}
    assert errors["reason"].tolist() == [
        "not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
        'no text (the "text" field is missing or empty)',
    ]
    assert not errors["reason"].str.contains(str(tmp_path)).any() and not errors["reason"].str.startswith("line").any()


# --------------------------------------------------------------------------
# One bad name, row or row group never loses the rest
# --------------------------------------------------------------------------


def _printable(frame: pd.DataFrame) -> None:
    """Every string of a table can be written as UTF-8 (no lone surrogate)."""
    frame.to_json(orient="records", force_ascii=False, date_format="iso").encode("utf-8")


def test_non_utf8_file_names_are_kept_escaped_and_reported(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "good.txt").write_text(_txt(0), encoding="utf-8")
    (root / os.fsdecode(b"caf\xe9.txt")).write_text(_txt(1), encoding="utf-8")
    (root / os.fsdecode(b"r\xe9gion")).mkdir()
    (root / os.fsdecode(b"r\xe9gion") / "x.txt").write_text(_txt(2), encoding="utf-8")
    corpus = Corpus.from_path(root)
    assert corpus.doc_ids == ["caf\\xe9", "good", "r\\xe9gion/x"]
    docs = documents(corpus)
    assert len(docs) == 3 and docs["source"].tolist()[0] == str(root) + "/caf\\xe9.txt"
    errors = corpus.errors
    assert errors["outcome"].tolist() == ["kept", "kept"] and not corpus.skipped
    assert errors["file"].tolist() == [f"{root}/caf\\xe9.txt", f"{root}/r\\xe9gion/x.txt"]
    assert errors["reason"][0] == "file name is not valid UTF-8: kept as doc_id 'caf\\xe9'"
    for table in (docs, errors, cs.summary(corpus), cs.doc_term_matrix(corpus).to_frame()):
        _printable(table)


def test_lone_surrogates_in_jsonl_are_escaped_or_replaced_and_reported(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"doc_id": "\\ud800", "text": %s}' % json.dumps(_txt(0)),
                '{"doc_id": "ok", "text": %s, "title": "x\\udc00y"}'
                % json.dumps(_txt(1) + " § fin", ensure_ascii=False).replace("§", "\\udfff"),
                json.dumps({"text": _txt(2)}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    corpus = Corpus.from_path(path)
    assert corpus.doc_ids == ["\\ud800", "ok", "c/2"]
    errors = corpus.errors.set_index("file")
    assert errors["outcome"].eq("kept").all() and list(errors.index) == [f"{path}:1", f"{path}:2"]
    assert errors.loc[f"{path}:1", "reason"] == (
        "doc_id holds lone surrogates (not characters): shown escaped as '\\\\ud800'"
    )
    assert (
        "text holds 1 lone surrogate (\\udfff, not characters): replaced by U+FFFD" in errors.loc[f"{path}:2", "reason"]
    )
    arts = {a.doc_id: a for a in corpus}
    assert arts["ok"].text.endswith(" \ufffd fin") and arts["ok"].title == "x\ufffdy"
    for table in (documents(corpus), corpus.errors, cs.frequencies(corpus)):
        _printable(table)


def _corrupt_column_chunk(path: Path, group: int, column: str) -> None:
    """Overwrite one column chunk of one row group with 0xFF bytes (its page headers no longer parse)."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    names = [meta.schema.column(i).name for i in range(meta.num_columns)]
    chunk = meta.row_group(group).column(names.index(column))
    start = chunk.dictionary_page_offset or chunk.data_page_offset
    data = bytearray(path.read_bytes())
    data[start : start + chunk.total_compressed_size] = b"\xff" * chunk.total_compressed_size
    path.write_bytes(bytes(data))


def test_one_corrupt_parquet_row_group_loses_only_its_rows(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "c.parquet"
    frame = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(12)],
            "text": [_txt(i) + f" Numéro {i}." for i in range(12)],
            "date": [f"2023-03-{i + 1:02d}" for i in range(12)],
        }
    )
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=3)
    assert pq.ParquetFile(path).num_row_groups == 4
    _corrupt_column_chunk(path, 1, "text")  # found when the documents are read
    _corrupt_column_chunk(path, 3, "doc_id")  # found by the scan
    corpus = Corpus.from_path(path)
    assert corpus.doc_ids == [f"d{i}" for i in range(9)]
    docs = documents(corpus)
    assert docs["doc_id"].tolist() == ["d0", "d1", "d2", "d6", "d7", "d8"]
    assert docs["title"].tolist() == [_txt(i).splitlines()[0] for i in (0, 1, 2, 6, 7, 8)]
    errors = corpus.errors.set_index("file")
    assert sorted(errors.index) == sorted(f"{path}#{r}" for r in (3, 4, 5, 9, 10, 11))
    assert errors["outcome"].eq("skipped").all()
    assert errors.loc[f"{path}#4", "reason"].startswith("row group 1 (rows 3-5) cannot be read (")
    assert errors.loc[f"{path}#10", "reason"].startswith("row group 3 (rows 9-11) cannot be read (")


def _locked_scandir(monkeypatch, name: str) -> None:
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith(name):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_reported(folder, monkeypatch):
    (folder / "locked").mkdir()
    (folder / "locked" / "hidden.txt").write_text(_txt(5), encoding="utf-8")
    _locked_scandir(monkeypatch, "locked")
    corpus = Corpus.from_path(folder)
    assert "locked/hidden" not in corpus.doc_ids and len(documents(corpus)) == 5
    row = corpus.errors.set_index("file").loc[str(folder / "locked")]
    assert row["outcome"] == "skipped"
    assert row["reason"] == "folder cannot be read (Permission denied): the files in it are not in the corpus"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading a folder "
    "(test_unreadable_subfolder_is_reported simulates it)",
)
def test_unreadable_subfolder_by_permissions(folder):
    locked = folder / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(_txt(5), encoding="utf-8")
    locked.chmod(0)
    try:
        corpus = Corpus.from_path(folder)
        assert "folder cannot be read" in corpus.errors.set_index("file").loc[str(locked), "reason"]
    finally:
        locked.chmod(0o755)


def test_folder_whose_only_article_folder_is_unreadable(tmp_path, monkeypatch):
    (tmp_path / "c" / "locked").mkdir(parents=True)
    (tmp_path / "c" / "locked" / "a.txt").write_text(_txt(0), encoding="utf-8")
    _locked_scandir(monkeypatch, "locked")
    with pytest.raises(EmptyCorpusError, match=r"no document: no \.txt.*first: .*locked: folder cannot be read"):
        Corpus.from_path(tmp_path / "c")


CSV = (
    "text,title,date\n"
    '"%s",A,2023-03-01\n'
    '"%s",B,2023-03-02,extra\n'  # one field too many
    '"Un texte\nsur deux lignes, %s",C\n'  # one too few (and a line break inside a field)
    '"%s",D,2023-03-04\n'
) % (_txt(0), _txt(1), _txt(2), _txt(3))


def test_ragged_csv_rows_are_reported_and_never_shift_columns(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(CSV, encoding="utf-8")
    corpus = Corpus.from_path(path)
    assert corpus.doc_ids == ["c/0", "c/3"]
    docs = documents(corpus)
    assert docs["title"].tolist() == ["A", "D"] and [str(d.date()) for d in docs["date"]] == [
        "2023-03-01",
        "2023-03-04",
    ]
    errors = corpus.errors.set_index("file")["reason"]
    # each _txt() holds three line breaks: row 0 is on lines 2-5, row 1 on 6-9, row 2 starts on line 10
    assert errors[f"{path}#1"] == (
        "4 fields where the header has 3 (line 6): a ragged row, skipped rather than read into the wrong columns"
    )
    assert errors[f"{path}#2"].startswith("2 fields where the header has 3 (line 10)")
    assert set(corpus.errors["outcome"]) == {"skipped"}


def test_csv_encodings(tmp_path):
    rows = "text,title\n" + "".join(f'"{_txt(i)} Élus à Besançon.",Été {i}\n' for i in range(3))
    (tmp_path / "w.csv").write_bytes(rows.encode("cp1252"))
    corpus = Corpus.from_path(tmp_path / "w.csv")
    assert documents(corpus)["title"].tolist() == ["Été 0", "Été 1", "Été 2"] and corpus.errors.empty
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbf" + rows.encode("utf-8"))  # a byte-order mark (Excel)
    assert documents(Corpus.from_path(tmp_path / "b.csv"))["title"].tolist() == ["Été 0", "Été 1", "Été 2"]
    data = rows.encode("utf-8")
    at = data.index("Été 1".encode())
    broken = data[:at] + b"\xc9" + data[at + 2 :]  # one cp1252 "É" in UTF-8: broken UTF-8
    (tmp_path / "u.csv").write_bytes(broken)
    corpus = Corpus.from_path(tmp_path / "u.csv")
    assert corpus.doc_ids == ["u/0", "u/2"] and documents(corpus)["title"].tolist() == ["Été 0", "Été 2"]
    reason = corpus.errors.set_index("file").loc[f"{tmp_path / 'u.csv'}#1", "reason"]
    assert (
        reason == f"not valid UTF-8 (line 6): byte {at} is 0xC9, in {broken[at - 8 : at + 7]!r}"
    )  # the record's bytes


def test_long_csv_field(tmp_path):
    text = _txt(0) * 2000  # about 250,000 characters: over the csv module's default field limit
    pd.DataFrame({"text": [text, _txt(1)]}).to_csv(tmp_path / "c.csv", index=False)
    corpus = Corpus.from_path(tmp_path / "c.csv")
    assert documents(corpus)["characters"].tolist() == [len(text), len(_txt(1))] and corpus.errors.empty


def test_invalid_dates_in_rows_are_kept_without_a_date_and_reported(tmp_path):
    rows = [
        {"text": _txt(0), "date": "2023-13-45"},
        {"text": _txt(1), "date": "hier"},
        {"text": _txt(2), "date": "2023-03-07T08:00:00+01:00"},
        {"text": _txt(3)},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    pd.DataFrame(rows).to_csv(tmp_path / "c.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "c.parquet", index=False)
    for name, first, second in (("c.jsonl", ":1", ":2"), ("c.csv", "#0", "#1"), ("c.parquet", "#0", "#1")):
        path = tmp_path / name
        corpus = Corpus.from_path(path)
        docs = documents(corpus)
        assert len(docs) == 4 and docs["date"].isna().tolist() == [True, True, False, True], name
        assert str(docs["date"][2].date()) == "2023-03-07"
        errors = corpus.errors.set_index("file")
        assert list(errors.index) == [f"{path}{first}", f"{path}{second}"] and errors["outcome"].eq("kept").all()
        assert errors.loc[f"{path}{first}", "reason"] == (
            "date '2023-13-45' is not a date (expected YYYY-MM-DD, "
            "YYYY-MM, YYYY or an ISO timestamp): kept without a date"
        )
        assert not corpus.skipped
        art = next(iter(corpus))
        assert art.meta["date"] is None and art.meta["date_status"] == "unknown: the row's date is not a date"


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("c.jsonl", b"", "no document: an empty file"),
        ("c.jsonl", b"\n  \n", "no document: an empty file"),
        (
            "c.jsonl",
            b'{"title": "x"}\n[1]\n',
            "no document: no line or row can be analysed (2 problems; first: {tmp}/c.jsonl:1: no text",
        ),
        ("c.csv", b"text,title\n", "no document: a header only"),
        ("c.csv", b"", "no document (an empty file: no header, no row)"),
    ],
)
def test_a_source_without_documents_is_an_error(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(EmptyCorpusError) as info:
        Corpus.from_path(path)
    assert str(info.value).startswith(str(path)) and words.format(tmp=tmp_path) in str(info.value)
    assert "\n" not in str(info.value)


def test_a_folder_without_articles_is_an_error(tmp_path):
    (tmp_path / "README.md").write_text("# about\n", encoding="utf-8")
    (tmp_path / "notes.tsv").write_text("x\n", encoding="utf-8")
    with pytest.raises(EmptyCorpusError, match=r"no document: no \.txt, \.md or \.html article in this folder$"):
        Corpus.from_path(tmp_path)
    pd.DataFrame({"text": pd.Series([], dtype=str)}).to_parquet(tmp_path / "e.parquet")
    with pytest.raises(EmptyCorpusError, match="no document: 0 rows"):
        Corpus.from_path(tmp_path / "e.parquet")


def test_jsonl_byte_order_mark_and_invalid_utf8_line(tmp_path):
    path = tmp_path / "c.jsonl"
    good = json.dumps({"text": _txt(0)}).encode()
    bad = '{"text": "Un été"}'.encode("cp1252")
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + bad + b"\n" + good + b"\n")
    corpus = Corpus.from_path(path)
    assert corpus.doc_ids == ["c/0", "c/2"]
    reason = corpus.errors.set_index("file").loc[f"{path}:2", "reason"]
    i = bad.index(b"\xe9")
    assert reason == f"not valid UTF-8: byte {3 + len(good) + 1 + i} is 0xE9, in {bad[i - 8 : i + 8]!r}"


def test_a_kept_document_that_then_fails_is_skipped():
    corpus = Corpus([], errors=[("f#1", "date 'x' is not a date", "kept")])
    corpus.record_errors([("f#1", "row group 0 (rows 0-1) cannot be read (boom)")])
    corpus.record_errors([("f#1", "row group 0 (rows 0-1) cannot be read (boom)")])  # the same, again
    row = corpus.errors.iloc[0]
    assert row["outcome"] == "skipped" and row["reason"] == (
        "date 'x' is not a date; row group 0 (rows 0-1) cannot be read (boom)"
    )
    assert corpus.skipped == {"f#1"}


def test_list_of_articles_and_duplicate_ids():
    arts = [Article.from_text(_txt(0), doc_id="x"), Article.from_text(_txt(1), doc_id="x")]
    corpus = Corpus.from_articles(arts)
    assert corpus.doc_ids == ["x", "x~2"]
    assert [a.doc_id for a in corpus] == ["x", "x~2"]


def test_bad_corpus_paths(tmp_path):
    with pytest.raises(CorpusError, match="no such"):
        Corpus.from_path(tmp_path / "missing")
    (tmp_path / "x.docx").write_text("x")
    with pytest.raises(CorpusError, match="unknown corpus format"):
        Corpus.from_path(tmp_path / "x.docx")
    pd.DataFrame({"body": ["x"]}).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(CorpusError, match="no 'text' column"):
        Corpus.from_path(tmp_path / "t.csv")


@pytest.mark.parametrize(
    "name, date",
    [
        ("HIPE-2022-v2.1-hipe2020-dev-fr__EXP-1888-08-03-a-i0030.txt", "1888-08-03"),
        ("le-temps_1921_07_14.txt", "1921-07-14"),
        ("GDL-19150302-a-0004.txt", "1915-03-02"),
        ("dev_fr_12.txt", None),
        ("1888-02-30.txt", None),  # not a calendar date
        ("id-123456789012.txt", None),  # part of a longer run of digits
    ],
)
def test_date_from_filename(name, date):
    assert date_from_filename(name) == date


def test_dateline():
    assert dateline("1er août 2012. - La Croatie a décidé") == "2012-08-01"
    assert dateline("Paris, 22 mai 2012 - Prévu") == "2012-05-22"
    assert dateline("Rien ici " * 40 + "3 mai 2012") is None


# --------------------------------------------------------------------------
# Analyses
# --------------------------------------------------------------------------


def test_counting_path_agrees_with_terms_frequencies_on_the_article():
    """The fast counting path keeps exactly what analysis.terms.frequencies keeps (same tokens, same segments)."""
    from analysis.text.pipeline import analyse
    from analysis.terms import frequencies

    art = load_article(ARTICLE)
    ours = cs.frequencies(Corpus.from_articles([art]), by="norm")
    ref = frequencies(analyse(art, lemmas=False, stems=False).tokens, by="norm")
    pd.testing.assert_frame_equal(ours[["term", "count"]], ref[["term", "count"]], check_dtype=False)
    assert len(ours) > 200


def _toy() -> Corpus:
    arts = []
    for i in range(6):
        side = "missile drone frappe" if i < 3 else "vendange raisin cave"
        text = f"Titre {i}\n\nLe {side} et le {side} de la semaine. Encore le {side}, toujours le {side}. Un texte commun sur la ville.\n"
        arts.append(Article.from_text(text, doc_id=f"d{i}", meta={"date": f"2023-0{1 + i // 2}-1{i}"}))
    return Corpus.from_articles(arts)


def test_dtm_tfidf_keyness_log_odds():
    corpus = _toy()
    dtm = cs.doc_term_matrix(corpus, by="norm")
    assert dtm.shape[0] == 6
    tidy = dtm.to_frame()
    assert tidy.loc[(tidy.doc_id == "d0") & (tidy.term == "missile"), "count"].item() == 4
    tf = cs.tfidf(dtm)
    assert tf.loc[(tf.term == "ville"), "tfidf"].eq(0).all()  # in every document: idf 0
    assert tf.loc[(tf.term == "missile"), "idf"].gt(0).all()
    a = ["d0", "d1", "d2"]
    key = cs.keyness(dtm, a)
    top = key.set_index("term")
    assert top.loc["missile", "direction"] == "over" and top.loc["missile", "log_likelihood"] > 0
    assert top.loc["vendange", "direction"] == "under" and top.loc["vendange", "log_likelihood"] < 0
    lo = cs.log_odds(dtm, a).set_index("term")
    assert lo.loc["missile", "z"] > 1.96 and lo.loc["vendange", "z"] < -1.96
    assert abs(lo.loc["ville", "z"]) < 0.5
    swapped = cs.log_odds(dtm, ["d3", "d4", "d5"], a).set_index("term")
    assert np.allclose(swapped.loc[lo.index, "delta"], -lo["delta"])
    assert lo.loc["missile", "rank_b"] > lo.loc["missile", "rank_a"]


def test_coverage_and_term_share_normalise_by_volume():
    corpus = _toy()
    docs = documents(corpus)
    cov = cs.coverage(docs, freq="month")
    assert cov["articles"].tolist() == [2, 2, 2]
    assert cs.coverage(docs, freq="day")["articles"].sum() == 6
    dtm = cs.doc_term_matrix(corpus, by="norm")
    share = cs.term_share(dtm, docs, "missile", freq="month")
    assert share["share"].tolist() == [1.0, 0.5, 0.0]
    assert share["articles_with_term"].tolist() == [2, 1, 0]


def test_group_events_across_documents():
    ev = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "a"],
            "value": ["2022-11-09", "2022-11-09", "2022-11-09", "2015"],
            "begin": ["2022-11-09"] * 3 + ["2015-01-01"],
            "end_date": ["2022-11-09"] * 3 + ["2015-12-31"],
            "label": [
                "l'Iran a livré des drones à Moscou",
                "livraison de drones iraniens à Moscou",
                "le parlement vote le budget",
                "accord nucléaire signé",
            ],
        }
    )
    groups = cs.group_events(ev)
    assert len(groups) == 3
    top = groups[groups.value == "2022-11-09"].sort_values("documents", ascending=False).iloc[0]
    assert top["documents"] == 2 and top["doc_ids"] == "a;b"
    assert groups.iloc[0]["value"] == "2015"


def test_summary_counts_sentences_and_counted_share():
    corpus = Corpus.from_articles([load_article(ARTICLE)])
    row = cs.summary(corpus).iloc[0]
    assert row["sentences"] > 10 and 0 < row["counted_share"] < 1  # the article has duplicates and boilerplate
    assert row["types"] <= row["tokens"]


def test_write_table_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    write_table(pd.DataFrame({"a": [1]}), target)

    def boom(self, *args, **kwargs):
        Path(args[0]).write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(KeyboardInterrupt):
        write_table(pd.DataFrame({"a": [2]}), target)
    monkeypatch.undo()
    assert pd.read_csv(target)["a"].tolist() == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


# --------------------------------------------------------------------------
# Three execution paths, identical results
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    lc = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    yield lc.scheduler_address
    lc.close()


@pytest.mark.parametrize("docs_per_partition", [None, 1])
def test_results_identical_in_process_processes_and_distributed(folder, cluster, docs_per_partition, monkeypatch):
    if docs_per_partition:  # one document per partition: every merge of the reduction tree is exercised
        monkeypatch.setattr(execution, "DOCS_PER_PARTITION", docs_per_partition)
    corpus = Corpus.from_path(folder)
    results = {}
    for sched in ("pandas", "processes", cluster):
        results[sched] = (
            cs.frequencies(corpus, scheduler=sched),
            cs.summary(corpus, scheduler=sched),
            cs.doc_term_matrix(corpus, scheduler=sched).to_frame(),
        )
        assert len(corpus.errors) == 2
    base = results["pandas"]
    assert len(base[0]) > 10 and len(base[1]) == 5
    for sched in ("processes", cluster):
        for ours, ref in zip(results[sched], base):
            pd.testing.assert_frame_equal(ours, ref)


def _first_word(article: Article) -> dict[str, int]:
    return {article.text.split()[0]: 1}


def _lengths(outs: list) -> list:
    return [len(o) for o in outs]


def test_reducer_in_process_folds_sums_as_it_goes_and_tables_once():
    corpus = _toy()
    seen: list[int] = []

    def merge(partials: list) -> list:
        seen.append(len(partials))
        return [x for p in partials for x in p]

    eager = Reducer(partition=_lengths, merge=merge, empty=list, eager=True)
    out = run(corpus, lambda a: a.doc_id, combine=eager, scheduler="pandas", docs_per_partition=1)
    assert out == [2] * 6 and seen and max(seen) <= 2  # the result so far and one partial, never more
    seen.clear()
    once = Reducer(partition=_lengths, merge=merge, empty=list)
    assert run(corpus, lambda a: a.doc_id, combine=once, scheduler="pandas", docs_per_partition=1) == [2] * 6
    assert seen == [6]
    counts = run(corpus, _first_word, combine="sum", scheduler="pandas", docs_per_partition=2)
    assert counts == run(corpus, _first_word, combine="sum", scheduler="processes", docs_per_partition=2)
    assert counts == {"Titre": 6}
    with pytest.raises(ValueError, match="combine must be"):
        run(corpus, lambda a: a.doc_id, combine="mean")


def test_frequencies_count_documents_once_when_two_forms_share_a_lemma():
    arts = [
        Article.from_text("Les élus votent. Le maire a voté hier. Nous votons encore.", doc_id="x"),
        Article.from_text("Ils votent ici, dit le maire.", doc_id="y"),
    ]
    freq = cs.frequencies(Corpus.from_articles(arts), segments=False).set_index("term")
    assert freq.loc["voter", "count"] == 4 and freq.loc["voter", "docs"] == 2
    assert freq.loc["maire", "count"] == 2 and freq.loc["maire", "docs"] == 2
    assert freq.attrs["documents"] == 2 and freq.attrs["tokens"] == int(freq["count"].sum())


def test_partitions_cover_the_corpus_in_order():
    corpus = _toy()
    parts = corpus.partitions(4)
    assert [r.doc_id for p in parts for r in p] == corpus.doc_ids
    assert max(map(len, parts)) - min(map(len, parts)) <= 1


# --------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def test_cli_corpus_json_and_terms_on_a_folder(folder, tmp_path):
    out = tmp_path / "summary.csv"
    res = _cli("corpus", str(folder), "--json", "--out", str(out))
    assert res.returncode == 0, res.stderr
    payload = json.loads(res.stdout)
    assert [d["doc_id"] for d in payload["documents"]] == ["a", "a~2", "b", "c", "sub/journal-2023-03-05-p2"]
    assert len(payload["errors"]) == 2
    assert pd.read_csv(out)["doc_id"].tolist()[:2] == ["a", "a~2"]
    res = _cli("terms", str(folder), "--json", "--top", "3")
    assert res.returncode == 0, res.stderr
    assert len(json.loads(res.stdout)["terms"]) == 3


def test_cli_bad_corpus_is_one_line_exit_2(tmp_path):
    res = _cli("corpus", str(tmp_path / "nope"))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and res.stderr.startswith("error:")
    res = _cli("corpus", str(ROOT / "data"), "--scheduler", "bogus")
    assert res.returncode == 2 and "unknown scheduler" in res.stderr


# --------------------------------------------------------------------------
# Evaluation corpora (skip without ../shared/eval)
# --------------------------------------------------------------------------

WIKINEWS = eval_dir() / "news" / "wikinews-fr-100" / "html"
HIPE = eval_dir() / "news" / "hipe-fr-plaintext"
needs_eval = pytest.mark.skipif(
    not WIKINEWS.is_dir() or not HIPE.is_dir(),
    reason=f"evaluation corpora not found in {eval_dir()} (set ANALYSIS_EVAL_DIR)",
)


@needs_eval
def test_wikinews_html_every_page_loads_with_its_date():
    corpus = Corpus.from_path(WIKINEWS)
    docs = documents(corpus)
    assert len(corpus) == 100 and len(docs) == 100 and corpus.errors.empty
    assert docs["date"].notna().all()
    # the corpus README: published on Wikinews between May and December 2012
    assert docs["date"].between("2012-05-01", "2012-12-31").all()
    assert (docs["characters"] > 200).all() and docs["title"].str.len().gt(5).all()


@needs_eval
def test_hipe_ocr_every_article_loads_dates_from_file_names():
    corpus = Corpus.from_path(HIPE)
    docs = documents(corpus)
    assert len(corpus) == 391 and len(docs) == 391 and corpus.errors.empty
    named = docs["doc_id"].map(date_from_filename).notna()
    assert named.sum() > 250
    assert docs.loc[named, "date"].notna().all() and docs.loc[~named, "date"].isna().all()
    row = docs.set_index("doc_id").loc["HIPE-2022-v2.1-hipe2020-dev-fr__EXP-1888-08-03-a-i0030"]
    assert str(row["date"].date()) == "1888-08-03" and row["date_source"] == "file name"


@pytest.mark.slow
@needs_eval
def test_notebook_05_on_wikinews(tmp_path):
    from analysis.app.notebooks import run_figures

    runs = run_figures(only=["05"], out_dir=tmp_path, extra_parameters={"corpus_path": str(WIKINEWS)})
    names = {f.name for r in runs for f in r.figures}
    for stem in ("05_coverage", "05_comparison", "05_keyterms", "05_timeline"):
        assert {f"{stem}.png", f"{stem}.svg"} <= names
        assert (tmp_path / f"{stem}.png").stat().st_size > 5000


def _doc_row(article: Article) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [article.doc_id], "start": [0], "end": [len(article.text)]})


def test_auto_keeps_cheap_work_here_and_spreads_costly_work(monkeypatch):
    """``scheduler=None``: the first partition is timed here; workers start only when worth their start-up."""
    arts = [
        Article.from_text(f"Titre {i}\n\nLe texte {i}.", doc_id=f"d{i:04d}") for i in range(execution.AUTO_DASK_DOCS)
    ]
    corpus = Corpus.from_articles(arts)
    expected = run(corpus, _doc_row, scheduler="pandas", docs_per_partition=64)
    started: list[str] = []
    real = execution._run_dask

    def spy(parts, work, reducer, scheduler, progress, num_workers):
        started.append(scheduler)
        return real(parts, work, reducer, scheduler, progress, num_workers)

    monkeypatch.setattr(execution, "_run_dask", spy)
    cheap = run(corpus, _doc_row, docs_per_partition=64, num_workers=2)
    assert started == [] and cheap.equals(expected)  # microseconds a document: no worker started
    monkeypatch.setattr(execution, "AUTO_WORKER_SECONDS", 0.0)  # as if every document took long
    monkeypatch.setattr(execution, "_fork_safe", lambda: False)  # spawned workers (macOS, Windows, threads)
    costly = run(corpus, _doc_row, docs_per_partition=64, num_workers=2)
    assert started == ["processes"]
    pd.testing.assert_frame_equal(costly, expected)  # the timed first partition and the rest, in order
    assert run(corpus, _doc_row, docs_per_partition=64, num_workers=1).equals(expected) and started == ["processes"]


#: Auto forks only a single-threaded process, and earlier tests of a session leave threads (a dask
#: cluster's IO loop, tqdm's monitor): the fork tests run in a fresh interpreter, as a command does.
_FORK_RUN = """
import json, multiprocessing, os, sys
import pandas as pd
from analysis.corpus import Corpus, execution
from analysis.reading.article import Article

def doc_row(article):
    return pd.DataFrame({"doc_id": [article.doc_id], "start": [0], "end": [len(article.text)]})

def pid_row(article):
    return pd.DataFrame({"doc_id": [article.doc_id], "pid": [os.getpid()]})

def fails_on_last(article):
    if article.doc_id == f"d{execution.AUTO_DASK_DOCS - 1:04d}":
        raise RuntimeError("boom")
    return doc_row(article)

chosen = []
real = execution._run_forked

def spy(parts, work, reducer, progress, workers):
    chosen.append(workers)
    return real(parts, work, reducer, progress, workers)

execution._run_forked = spy
out = {"fork_safe": execution._fork_safe()}
arts = [Article.from_text(f"Titre {i}\\n\\nLe texte {i}.", doc_id=f"d{i:04d}") for i in range(execution.AUTO_DASK_DOCS)]
corpus = Corpus.from_articles(arts)
expected = execution.run(corpus, doc_row, scheduler="pandas", docs_per_partition=64)
out["cheap_equal"] = execution.run(corpus, doc_row, docs_per_partition=64, num_workers=2).equals(expected)
out["cheap_chosen"] = list(chosen)
execution.AUTO_FORK_SECONDS = 0.0  # as if every document took long
out["costly_equal"] = execution.run(corpus, doc_row, docs_per_partition=64, num_workers=2).equals(expected)
out["costly_chosen"] = list(chosen)
pids = execution.run(corpus, pid_row, docs_per_partition=64, num_workers=2)
out["order"] = pids["doc_id"].tolist() == [a.doc_id for a in arts]
out["here"] = sorted(set(pids["pid"].iloc[: 2 * 64].tolist()))
out["there"] = sorted(set(pids["pid"].iloc[2 * 64 :].tolist()))
out["me"] = os.getpid()
out["left_after_run"] = len(multiprocessing.active_children())
try:
    execution.run(corpus, fails_on_last, docs_per_partition=64, num_workers=2)
    out["error"] = None
except RuntimeError as exc:
    out["error"] = str(exc)
out["left_after_error"] = len(multiprocessing.active_children())
print(json.dumps(out))
"""


def test_auto_forks_workers_when_the_rest_outweighs_a_fork():
    """On Linux auto forks its workers (they start with the process's imports and tables) once the rest
    outweighs a fork: the work runs in other processes, the result equals the in-process one, in
    corpus order; an error in a worker reaches the caller as itself; no worker is left after either."""
    if not sys.platform.startswith("linux"):
        pytest.skip(f"auto forks its workers only on Linux, not {sys.platform}")
    res = subprocess.run([sys.executable, "-c", _FORK_RUN], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["fork_safe"]  # a fresh command process has no other thread
    assert out["cheap_equal"] and out["cheap_chosen"] == []  # microseconds a document: no worker
    assert out["costly_equal"] and out["costly_chosen"] == [2]
    assert out["order"] and out["here"] == [out["me"]]  # the two partitions timed here ran here
    assert out["me"] not in out["there"] and 1 <= len(out["there"]) <= 2  # the rest in the forked workers
    assert out["error"] == "boom" and out["left_after_run"] == 0 and out["left_after_error"] == 0


_SLOW_RUN = """
import os, sys, time
import pandas as pd
from analysis.corpus import Corpus, execution
from analysis.reading.article import Article

def slow(article):
    time.sleep(0.5)
    return pd.DataFrame({"doc_id": [article.doc_id], "pid": [os.getpid()]})

execution.AUTO_FORK_SECONDS = 0.0
arts = [Article.from_text(f"Le texte {i}.", doc_id=f"d{i:04d}") for i in range(execution.AUTO_DASK_DOCS)]
print(os.getpid(), flush=True)
try:
    execution.run(Corpus.from_articles(arts), slow, docs_per_partition=1, num_workers=2)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(130)
"""


def test_ctrl_c_stops_forked_workers(tmp_path):
    """A terminal's Ctrl-C (SIGINT to the whole process group) while auto's forked workers run:
    the caller gets KeyboardInterrupt at once, and no worker outlives it."""
    if not sys.platform.startswith("linux"):
        pytest.skip(f"auto forks its workers only on Linux, not {sys.platform}")
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_RUN],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    parent = int(proc.stdout.readline())
    deadline = time.monotonic() + 60
    while len(_children(parent)) < 2:  # the two workers forked (after the two partitions timed here)
        assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.1)
    workers = _children(parent)
    os.killpg(proc.pid, signal.SIGINT)
    t0 = time.monotonic()
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and out == "interrupted\n", err
    assert "Traceback" not in err, err  # the workers ignored SIGINT and ended on the parent's SIGTERM quietly
    assert time.monotonic() - t0 < 5
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
