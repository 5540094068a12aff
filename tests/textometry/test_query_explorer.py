"""Notebook 06's term explorer accepts a CQL query (ipywidgets, no browser: the widget's HTML is read)."""

from __future__ import annotations

from analysis.app.explore import DocumentView, term_explorer
from analysis.reading.article import Article

TEXT = "Titre\n\nLe président Barack Obama a parlé. Le président Hollande a répondu au président Obama.\n"


def _widgets():
    box = term_explorer(DocumentView(Article.from_text(TEXT, doc_id="a")))
    (_, typed), info = box.children[0].children, box.children[1]
    return typed, info


def test_a_typed_cql_query_shows_its_concordance():
    typed, info = _widgets()
    typed.value = '[lemma="président"] [pos="PROPN"]+'
    assert "3 résultat(s)" in info.value
    assert "président Barack Obama" in info.value and "président Hollande" in info.value


def test_a_query_that_does_not_parse_shows_where():
    typed, info = _widgets()
    typed.value = '[lemma="président"'
    assert "does not parse: position 19" in info.value and "<table>" not in info.value


def test_a_word_is_still_a_word():
    typed, info = _widgets()
    typed.value = "Obama"
    assert "« Obama » : 2 occurrence(s)" in info.value
