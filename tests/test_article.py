"""Loading: the article byte for byte, its metadata, encodings and clear errors."""

from __future__ import annotations

import hashlib
import json
import warnings

import pytest

from analysis.article import (
    Article, ArticleNotFoundError, BinaryFileError, EmptyArticleError, EncodingError, MetadataError,
    NotFrenchWarning, load_article, parse_date)

ARTICLE_SHA256 = "207fe853443106f6e596597dbb2fa54a13720773399e4dcc49784750c27d018e"
FRENCH = ("L’Iran et la Russie signent un accord\n\nMoscou et Téhéran ont finalisé l’accord lors d’une "
          "réunion début novembre, accélérant l’échange de composants et de conceptions clés qui "
          "permettraient à la production de commencer en quelques mois. Les responsables ont déclaré "
          "que la Russie a reçu des drones et des missiles.\n")


def test_article_is_byte_for_byte(article_path):
    assert hashlib.sha256(article_path.read_bytes()).hexdigest() == ARTICLE_SHA256


def test_load_article_with_sidecar(article_path):
    art = load_article(article_path)
    assert isinstance(art, Article)
    assert art.encoding == "utf-8"
    assert art.sha256 == ARTICLE_SHA256
    assert art.text == article_path.read_text(encoding="utf-8")
    assert len(art.text) == 6767
    assert art.title.startswith("L’Iran et la Russie signent un accord")
    assert art.meta["language"] == "fr"
    assert art.meta["outlet"] == "JForum"
    assert "Jerusalem Post" in art.meta["original_outlet"]
    assert art.meta["original_author"] == "Roman Meitav"
    assert art.meta["date"] == "2022-11-20" and art.date.isoformat() == "2022-11-20"
    assert art.meta["date_source"] and art.meta["date_certainty"]
    assert art.meta["date_precision"] == "day"
    assert art.doc_id == "article"


def test_sidecar_is_valid_json_with_citation_fields(article_path):
    meta = json.loads(article_path.with_name("article.meta.json").read_text(encoding="utf-8"))
    for key in ("title", "language", "outlet", "original_outlet", "original_author", "date",
                "date_source", "date_certainty", "sha256"):
        assert meta.get(key), key
    assert meta["sha256"] == ARTICLE_SHA256


def test_without_sidecar_first_line_is_title_and_date_unknown(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(FRENCH, encoding="utf-8")
    art = load_article(p)
    assert art.title == "L’Iran et la Russie signent un accord"
    assert art.date is None and not art.date_known
    assert art.meta["date_status"].startswith("unknown")
    assert "first line" in art.meta["title_source"]


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-be", None),
    ("cp1252", "cp1252"), ("latin-1", None)])
def test_encodings_are_detected_and_text_is_identical(tmp_path, encoding, expected):
    text = FRENCH.replace("’", "'") if encoding == "latin-1" else FRENCH
    p = tmp_path / "a.txt"
    if encoding == "utf-16-be":  # with a big-endian BOM
        p.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
        expected = "utf-16"
    elif encoding == "latin-1":  # bytes undefined in cp1252 force Latin-1
        text += "\x81"
        p.write_bytes(text.encode("latin-1"))
        expected = "latin-1"
    else:
        p.write_bytes(text.encode(encoding))
    art = load_article(p)
    assert art.encoding == expected
    assert art.text == text
    assert "\ufeff" not in art.text


def test_cp1252_quotes_and_euro(tmp_path):
    p = tmp_path / "a.txt"
    text = FRENCH + "Un prix de 20 € « record » — l’été.\n"
    p.write_bytes(text.encode("cp1252"))
    art = load_article(p)
    assert art.encoding == "cp1252" and art.text == text


@pytest.mark.parametrize("content, error, words", [
    (b"", EmptyArticleError, "empty"),
    (b"  \n\t \r\n ", EmptyArticleError, "white space"),
    ("\u00a0\n \u202f".encode("utf-8"), EmptyArticleError, "white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", BinaryFileError, "binary"),
    (bytes(range(1, 32)) * 20, BinaryFileError, "binary"),
    (b"\xef\xbb\xbfBonjour \xff\xfe le monde", EncodingError, "UTF-8-SIG"),
])
def test_bad_files_get_one_line_errors(tmp_path, content, error, words):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(error) as info:
        load_article(p)
    message = str(info.value)
    assert "\n" not in message
    assert str(p) in message and words in message


def test_missing_file(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleNotFoundError, match="not a regular file"):
        load_article(tmp_path)


@pytest.mark.parametrize("sidecar, words", [
    ("{not json", "malformed JSON at line 1"),
    ("[1, 2]", "must be a JSON object"),
    ('{"date": "20/11/2022"}', "malformed date"),
    ('{"date": "2022-13-01"}', "malformed date"),
    ('{"date": 2022}', "malformed date"),
    ('{"title": 3}', "'title' must be a string"),
])
def test_malformed_sidecar(tmp_path, sidecar, words):
    p = tmp_path / "a.txt"
    p.write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(MetadataError) as info:
        load_article(p)
    assert words in str(info.value) and "a.meta.json" in str(info.value)
    assert "\n" not in str(info.value)


def test_explicit_missing_sidecar_is_an_error(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(FRENCH, encoding="utf-8")
    with pytest.raises(MetadataError, match="not found"):
        load_article(p, meta_path=tmp_path / "other.json")


def test_partial_dates():
    assert parse_date("2022-11") == (parse_date("2022-11-01")[0], "month")
    assert parse_date("2022")[1] == "year"


def test_not_french_warns(tmp_path):
    p = tmp_path / "en.txt"
    p.write_text("Iran and Russia have agreed to build drones on Russian soil, according to the Washington "
                 "Post. The deal was finalised at a meeting in early November, officials said, and the "
                 "production could begin within months.\n", encoding="utf-8")
    with pytest.warns(NotFrenchWarning, match="does not look French"):
        art = load_article(p)
    assert art.text  # still loaded: a warning, not an error


def test_french_does_not_warn(article_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", NotFrenchWarning)
        load_article(article_path)
