"""Europresse HTML exports (both page layouts), IRaMuTeQ corpora and the TXM export, on synthetic fixtures."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from analysis.corpus import Corpus
from analysis.corpus.textometry import corpus_tables
from analysis.reading import europresse, iramuteq
from analysis.reading.article import Article, CorpusError
from analysis.reading.txm import write_txm

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "europresse"
RDP, SM, IRA = FIXTURES / "export_rdp.html", FIXTURES / "export_sm.html", FIXTURES / "corpus_iramuteq.txt"


def _docs(path) -> tuple[Corpus, dict]:
    corpus = Corpus.from_path(path)
    return corpus, {a.doc_id: a for a in corpus}


def test_the_2019_layout_gives_one_document_per_article_with_its_metadata():
    corpus, docs = _docs(RDP)
    assert list(docs) == ["export_rdp/0", "export_rdp/1", "export_rdp/2"]
    first = docs["export_rdp/0"]
    assert first.meta["outlet"] == "La Gazette du Val"  # the issue number after the line break is not the outlet
    assert first.meta["date"] == "2022-11-21" and first.meta["date_source"] == "europresse header"
    assert first.meta["words"] == 182 and first.meta["page"] == "4"  # the year is not the word count
    assert first.title == "Le conseil régional vote un plan pour les rivières"
    assert first.text.startswith(first.title + "\n\nLe conseil régional a voté lundi")
    assert first.text.count("\n\n") == 3  # title and three paragraphs
    third = docs["export_rdp/2"]
    assert third.meta["author"] == "Camille Martin" and third.meta["section"] == "Économie"
    assert "author" not in first.meta or first.meta["author"] is None


def test_an_article_without_text_is_reported_not_lost():
    corpus, _ = _docs(RDP)
    errors = corpus.errors
    assert len(errors) == 1 and errors.iloc[0]["file"].endswith("export_rdp.html#3")
    assert errors.iloc[0]["reason"] == "Europresse article without text (no paragraph in its body)"
    assert errors.iloc[0]["outcome"] == "skipped"


def test_the_sm_margin_layout_and_a_date_from_the_europresse_id():
    _, docs = _docs(SM)
    a, b = docs["export_sm/0"], docs["export_sm/1"]
    assert a.meta["outlet"] == "L'Écho des Collines" and a.meta["author"] == "Jean Dupuis"
    assert a.meta["date"] == "2023-03-03" and a.meta["words"] == 74 and a.meta["layout"] == "sm-margin"
    assert b.meta["date"] == "2023-03-04" and b.meta["date_source"] == "europresse id"
    assert (
        b.text == "Le marché du samedi change de place\n\nLe marché du samedi s'installera sur la place de la "
        "mairie pendant les travaux du parking, jusqu'à l'été.\n"
    )


def test_the_same_dispatch_in_two_outlets_is_flagged_as_a_near_duplicate():
    t = corpus_tables(Corpus.from_path(RDP), lemmas=False, stems=False)
    docs = t.documents.set_index("doc_id")
    assert docs.loc["export_rdp/1", "near_duplicate_of"] == "export_rdp/0"
    assert docs.loc["export_rdp/1", "near_duplicate_share"] > 0.9
    assert docs["near_duplicate_of"].isna().sum() == 2  # the original and the other story are not flagged
    assert len(docs) == 3  # flagged, not dropped


def test_near_duplicates_are_found_across_the_exports_of_a_folder(tmp_path):
    (tmp_path / "a.html").write_bytes(RDP.read_bytes())
    copy = RDP.read_text(encoding="utf-8").replace("La Gazette du Val", "Le Journal du Mont")
    (tmp_path / "b.html").write_text(copy, encoding="utf-8")
    t = corpus_tables(Corpus.from_path(tmp_path), lemmas=False, stems=False)
    flagged = t.documents.set_index("doc_id")["near_duplicate_of"].dropna().to_dict()
    # each copy points at the earlier document it shares most with: b/1 is a/1 word for word
    assert flagged == {"a/1": "a/0", "b/0": "a/0", "b/1": "a/1", "b/2": "a/2"}


def test_a_europresse_file_with_no_article_is_one_error(tmp_path):
    path = tmp_path / "vide.html"
    path.write_text(
        "<html><body><div class='DocPublicationName'>x</div><div class='titreArticle'>y</div></body></html>",
        encoding="utf-8",
    )
    assert europresse.is_export(path)
    with pytest.raises(europresse.EuropresseError, match=r"vide\.html: Europresse export with no article"):
        Corpus.from_path(path)
    assert isinstance(europresse.EuropresseError("x"), CorpusError)


def test_an_ordinary_html_page_is_not_an_export():
    page = Path(__file__).resolve().parents[2] / "data" / "wikinews-fr-100" / "43971.html"
    assert not europresse.is_export(page)


# --- IRaMuTeQ ----------------------------------------------------------------------------------


def test_an_iramuteq_corpus_gives_one_document_per_text_with_its_variables():
    corpus, docs = _docs(IRA)
    assert list(docs) == ["corpus_iramuteq/0", "corpus_iramuteq/1", "corpus_iramuteq/2"]
    a, b, c = docs.values()
    assert a.text == (
        "Le conseil régional a voté un plan pour restaurer les rivières du territoire.\n"
        "Les associations de pêcheurs saluent une avancée."
    )
    assert a.meta["journal"] == "gazette" and a.meta["outlet"] == "gazette" and a.meta["theme"] == "environnement"
    assert a.meta["date"] == "2022-11-21"
    assert b.meta["date"] == "2022-11" and b.meta["author"] == "Camille Martin"
    assert b.meta["thematic_lines"] == 1 and b.meta["thematics"] == ["partie_economie"]
    assert "-*" not in b.text
    assert c.meta["date"] is None and c.meta["date_value"] == "hier"
    errors = corpus.errors
    assert len(errors) == 1 and errors.iloc[0]["outcome"] == "kept"
    assert "not a date" in errors.iloc[0]["reason"] and "'badvariable' is not a variable" in errors.iloc[0]["reason"]


def test_iramuteq_write_then_read_keeps_texts_and_variables(tmp_path):
    arts = [
        Article.from_text(
            "Un titre\n\nLe texte *important* du premier article.",
            meta={"outlet": "Le Petit Journal", "date": "2022-11-21"},
            doc_id="a",
        ),
        Article.from_text("Second\n\nUn autre texte, sans étoile.", meta={"author": "Jean Dupuis"}, doc_id="b"),
    ]
    out = tmp_path / "c.txt"
    report = iramuteq.write_corpus(arts, out)
    assert report["asterisks_removed"].tolist() == [2, 0]
    assert report["values_changed"].tolist() == [1, 1]
    assert iramuteq.is_corpus(out)
    back = iramuteq.read_corpus(out)
    assert [t.text for t in back] == [
        "Un titre\n\nLe texte important du premier article.",
        "Second\n\nUn autre texte, sans étoile.",
    ]
    assert back[0].meta["outlet"] == "Le Petit Journal" and back[0].meta["doc"] == "a"
    assert back[0].meta["date"] == "2022-11-21" and back[1].meta["author"] == "Jean Dupuis"


def test_a_txt_file_without_a_header_is_an_ordinary_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Titre\n\n**** pas un en-tête en tête de fichier ? si.\n", encoding="utf-8")
    assert not iramuteq.is_corpus(path)


# --- TXM ---------------------------------------------------------------------------------------


def test_the_txm_export_is_xml_with_text_metadata_and_words_with_offsets(tmp_path):
    t = corpus_tables(Corpus.from_path(SM), lemmas=False, stems=False, texts=True)
    out = tmp_path / "c.xml"
    report = write_txm(t.tokens, t.documents, out)
    root = ET.parse(out).getroot()
    texts = root.findall("text")
    assert [x.get("id") for x in texts] == ["export_sm/0", "export_sm/1"]
    assert texts[0].get("outlet") == "L'Écho des Collines" and texts[0].get("date") == "2023-03-03"
    words = texts[0].findall("s/w")
    assert len(words) == report.loc[0, "words"] > 10
    raw = t.texts["export_sm/0"]
    for w in words:
        assert raw[int(w.get("start")) : int(w.get("end"))] == w.text
    assert words[0].get("norm") == "la"


@pytest.mark.parametrize(
    "header, date, words, page",
    [
        ("Thursday, December 22, 2022 13887 mots, p. 819(40)", "2022-12-22", 13887, "819"),
        ("samedi 1er avril 2023 1\u202f234 mots, p. A2", "2023-04-01", 1234, "A2"),
        ("vendredi 3 février 2023", "2023-02-03", None, None),
    ],
)
def test_headers_in_french_and_english(tmp_path, header, date, words, page):
    path = tmp_path / "e.html"
    path.write_text(
        f"<html><body><article><header><span class='DocPublicationName'>Le Journal</span>"
        f"<span class='DocHeader'>{header}</span><p class='titreArticleVisu'>Titre</p></header>"
        f"<div class='docOcurrContainer'><p>Un texte.</p></div></article></body></html>",
        encoding="utf-8",
    )
    (art,) = europresse.read_export(path)
    assert (art.meta["date"], art.meta["words"], art.meta["page"]) == (date, words, page)
