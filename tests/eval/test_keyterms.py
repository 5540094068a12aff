"""The key-term evaluation itself: the fixed tune/check split, keyphrase types, the errors table and TSV."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis.eval import keyterms as ev
from analysis.app.cli import main


def test_split_half_is_a_hash_of_the_id():
    for doc_id in ("43971", "44046", "abc", "article-7"):
        first = hashlib.sha256(doc_id.encode("utf-8")).digest()[0]
        assert ev.split_half(doc_id) == ("tune" if first % 2 == 0 else "check")
    assert {ev.split_half(str(n)) for n in range(40)} == {"tune", "check"}


def test_halves_partition_the_documents_with_gold():
    docs = [ev.Document(str(n), "texte", ("mot",) if n % 3 else ()) for n in range(30)]
    h = ev.halves(docs)
    assert sorted(h["tune"] + h["check"]) == h["all"]
    assert not set(h["tune"]) & set(h["check"])
    assert all(docs[i].gold for i in h["all"]) and len(h["all"]) == 20
    # the split does not depend on which other documents are there
    assert ev.halves(docs[:10])["tune"] == [i for i in h["tune"] if i < 10]


TEXT = (
    "Grève à La Poste\n\n"
    "Les postiers de La Poste sont en grève depuis lundi. La Poste refuse les congés demandés. "
    "Les syndicats dénoncent la vie au travail des postiers.\n\n"
    "Poste vacante : le directeur régional est parti."
)


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("la poste", ("name", True)),  # written with capitals inside sentences
        ("postier", ("single word", True)),  # stems match the plural
        ("vie au travail", ("multi-word", True)),
        ("conditions de travail", ("multi-word", False)),
        ("grève", ("single word", True)),  # capitalised only in the title, which opens its sentence
    ],
)
def test_keyphrase_type(phrase, expected):
    assert ev.keyphrase_type(phrase, TEXT) == expected


def _corpus(tmp_path):
    (tmp_path / "txt").mkdir(parents=True)
    (tmp_path / "txt" / "1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "txt" / "2.txt").write_text(
        "La fusée Ariane décolle de Kourou.\n\nLa fusée emporte un satellite.", encoding="utf-8"
    )
    (tmp_path / "txt" / "3.txt").write_text("Sans mots-clés.", encoding="utf-8")
    (tmp_path / "ref").write_text(
        "1.html\tla poste;postier;grève;conditions de travail\n2.html\tfusée;ariane;satellite\n", encoding="utf-8"
    )
    return tmp_path


def _fixed(texts):
    """A stand-in system: fixed answers, so every outcome is known."""
    answers = {0: ["postiers", "Poste", "grève", "syndicat", "postier"], 1: ["fusée", "Kourou"], 2: []}
    return [answers[i] for i in range(len(texts))]


def test_errors_list_hits_missed_and_spurious(tmp_path):
    docs = ev.load_corpus(_corpus(tmp_path))
    errs = ev.errors(docs, {"fixed": _fixed([d.text for d in docs])}, k=10)
    one = errs[errs["doc_id"] == "1"].set_index("item")
    assert one.at["postier", "outcome"] == "hit" and one.at["grève", "outcome"] == "hit"
    assert one.at["la poste", "outcome"] == "missed" and one.at["la poste", "type"] == "name"
    assert one.at["conditions de travail", "outcome"] == "missed" and not one.at["conditions de travail", "in_text"]
    spurious = errs[errs["outcome"] == "spurious"]
    assert set(spurious["item"]) == {"Poste", "syndicat", "Kourou"}
    # a stem duplicate ("postier" after "postiers") is skipped, not counted twice
    assert "postier" not in set(spurious["item"])
    assert spurious.set_index("item").at["syndicat", "rank"] == 4
    assert set(errs["half"]) <= {"tune", "check"} and "3" not in set(errs["doc_id"])
    types = ev.by_type(errs).set_index(["half", "type"])
    assert types.loc[("all", "single word"), "gold"] == 4  # postier, grève, fusée, satellite
    assert types.loc[("all", "name"), "gold"] == 2  # la poste, ariane
    assert types.loc[("all", "multi-word"), ["gold", "hits", "in_text"]].tolist() == [1, 0, 0.0]
    assert types.loc[("all", "single word"), "recall"] == 75.0  # satellite missed


def test_evaluate_reports_both_halves_and_writes_the_errors(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    out = tmp_path / "out" / "errors.tsv"
    scores = ev.evaluate(folder, systems={"fixed": _fixed}, errors_path=out)
    assert list(scores["docs"]) == ["tune", "check", "all"]
    halves = {h: ids for h, ids in scores.attrs["split"].items()}
    assert sorted(halves["tune"] + halves["check"]) == ["1", "2"]
    assert scores.set_index("docs").at["all", "n"] == 2
    written = pd.read_csv(out, sep="\t", dtype={"doc_id": str})
    assert set(written["outcome"]) == {"hit", "missed", "spurious"}
    assert len(written) == len(ev.errors(ev.load_corpus(folder), {"fixed": _fixed(["", "", ""])}))
    text = ev.format_scores(scores, "title")
    assert "tune half (" in text and "check half (" in text and str(out) in text
    assert "recall@10 (%) by gold keyphrase type" in text


def test_cli_eval_keyterms_writes_errors_beside(tmp_path, capsys):
    folder = _corpus(tmp_path / "corpus")
    out = tmp_path / "errors.tsv"
    assert main(["eval", "keyterms", str(folder), "--errors", str(out)]) == 0
    printed = capsys.readouterr().out
    for system in ("ours", "tfidf", "yake"):
        for half in ("tune", "check", "all"):
            assert any(line.split()[:2] == [system, half] for line in printed.splitlines())
    assert set(pd.read_csv(out, sep="\t")["system"]) >= {"ours", "tfidf", "yake"}
