"""`analysis.app.explore.documents`: one article file, or every document of a corpus."""

from __future__ import annotations

from pathlib import Path

from analysis.app.explore import documents

TEXT = (
    "Titre de l’article\n\nLe gouvernement a annoncé lundi une réforme des retraites, "
    "que les syndicats jugent injuste et contre laquelle ils appellent à manifester.\n"
)


def test_documents_of_an_article_and_of_a_corpus_folder(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "c" / name).write_text(TEXT, encoding="utf-8")
    one = documents(tmp_path / "c" / "a.txt")
    assert len(one) == 1 and one[0].text == TEXT
    many = documents(tmp_path / "c")
    assert [d.doc_id for d in many] == ["a", "b"] and all(d.text == TEXT for d in many)


def test_documents_of_a_jsonl_corpus(tmp_path: Path) -> None:
    import json

    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"doc_id": i, "text": TEXT}) + "\n" for i in ("x", "y")), encoding="utf-8")
    assert [d.doc_id for d in documents(path)] == ["x", "y"]
