"""Loading: the article byte for byte, its metadata, encodings and clear errors."""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path

import pytest

from analysis.reading.article import (
    Article,
    ArticleError,
    ArticleNotFoundError,
    BinaryFileError,
    DecodingWarning,
    EmptyArticleError,
    EncodingError,
    MetadataError,
    NotFrenchWarning,
    load_article,
    parse_date,
)

ARTICLE_SHA256 = "207fe853443106f6e596597dbb2fa54a13720773399e4dcc49784750c27d018e"
FRENCH = (
    "L’Iran et la Russie signent un accord\n\nMoscou et Téhéran ont finalisé l’accord lors d’une "
    "réunion début novembre, accélérant l’échange de composants et de conceptions clés qui "
    "permettraient à la production de commencer en quelques mois. Les responsables ont déclaré "
    "que la Russie a reçu des drones et des missiles.\n"
)


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
    for key in (
        "title",
        "language",
        "outlet",
        "original_outlet",
        "original_author",
        "date",
        "date_source",
        "date_certainty",
        "sha256",
    ):
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


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-be", None),
        ("cp1252", "cp1252"),
        ("latin-1", None),
    ],
)
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


@pytest.mark.parametrize(
    "content, error, words",
    [
        (b"", EmptyArticleError, "empty"),
        (b"  \n\t \r\n ", EmptyArticleError, "white space"),
        ("\u00a0\n \u202f".encode("utf-8"), EmptyArticleError, "white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", BinaryFileError, "binary"),
        (bytes(range(1, 32)) * 20, BinaryFileError, "binary"),
        (b"\xef\xbb\xbfBonjour \xff\xfe le monde", EncodingError, "UTF-8-SIG"),
    ],
)
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


@pytest.mark.parametrize(
    "sidecar, words",
    [
        ("{not json", "malformed JSON at line 1"),
        ("[1, 2]", "must be a JSON object"),
        ('{"date": "20/11/2022"}', "malformed date"),
        ('{"date": "2022-13-01"}', "malformed date"),
        ('{"date": 2022}', "malformed date"),
        ('{"title": 3}', "'title' must be a string"),
    ],
)
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
    p.write_text(
        "Iran and Russia have agreed to build drones on Russian soil, according to the Washington "
        "Post. The deal was finalised at a meeting in early November, officials said, and the "
        "production could begin within months.\n",
        encoding="utf-8",
    )
    with pytest.warns(NotFrenchWarning, match="does not look French"):
        art = load_article(p)
    assert art.text  # still loaded: a warning, not an error


def test_french_does_not_warn(article_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", NotFrenchWarning)
        load_article(article_path)


# --------------------------------------------------------------------------
# One HTML or Markdown file is an article
# --------------------------------------------------------------------------

#: A news page that states its date in markup (Open Graph); its text names a weekday and a day.
NEWS_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Mondial : la France bat l'Australie | Le Journal</title>
<meta property="og:title" content="Mondial : la France bat l'Australie">
<meta name="author" content="Jeanne Martin"><meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2018-06-20T23:30:00-05:00"></head><body>
<header><nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav></header>
<article><h1>Mondial : la France bat l'Australie</h1>
<p>Dimanche 17 juin, les Bleus ont battu l'Australie à Kazan, grâce à un but d'Antoine Griezmann sur penalty
et à un tir dévié de Paul Pogba, devant plus de quarante mille spectateurs.</p>
<p>L'équipe de France affrontera le Pérou jeudi à Iekaterinbourg, puis le Danemark à Moscou pour le dernier
match de la poule, selon le calendrier publié par la fédération.</p>
<p>Le sélectionneur a reconnu que le jeu des attaquants devait progresser, et il a promis des changements.</p>
</article><aside><h2>À lire aussi</h2><ul><li><a href="/a">Le Pérou inquiète</a></li></ul></aside>
<footer>© Le Journal 2018. Tous droits réservés.</footer></body></html>"""

#: A page whose only date is the dateline its text prints.
DATELINE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>La Croatie adopte l'euro</title></head>
<body><h1>La Croatie adopte l'euro</h1>
<p>Zagreb, 3 juillet 2012. - Le parlement croate a voté mardi une loi qui prépare l'adoption de la monnaie
unique, après des mois de débats entre le gouvernement et l'opposition sur le calendrier.</p>
<p>Le Premier ministre a salué un vote historique, tandis que les syndicats dénoncent une réforme conduite
trop vite et réclament des garanties pour les salaires et les retraites.</p></body></html>"""

#: A page with no date anywhere.
UNDATED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Le jardin partagé s'agrandit</title></head>
<body><h1>Le jardin partagé s'agrandit</h1>
<p>Les habitants du quartier ont planté de nouveaux arbres fruitiers dans le jardin partagé, avec l'aide des
élèves de l'école voisine et des services de la ville.</p>
<p>Les bénévoles cherchent encore des volontaires pour arroser les parcelles pendant les vacances, et la mairie
promet de financer un récupérateur d'eau de pluie.</p></body></html>"""

WIKINEWS_PAGES = ("43971.html", "45498.html", "45621.html")


def _write(tmp_path, name, content):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def test_html_page_is_read_as_its_article(tmp_path):
    p = _write(tmp_path, "news.html", NEWS_PAGE)
    art = load_article(p)
    assert art.meta["format"] == "html" and art.encoding == "utf-8"
    assert art.title == "Mondial : la France bat l'Australie"
    assert art.meta["author"] == "Jeanne Martin" and art.meta["outlet"] == "Le Journal"
    # the page's own date, in the page's time zone (not converted to UTC: it would be the 21st)
    assert art.meta["date"] == "2018-06-20" and art.meta["date_precision"] == "day"
    assert art.meta["date_source"] == 'page markup (<meta property="article:published_time">)'
    assert art.text.startswith("Mondial : la France bat l'Australie\nDimanche 17 juin, les Bleus")
    assert "<" not in art.text and "Accueil" not in art.text and "droits réservés" not in art.text
    assert art.markup == NEWS_PAGE  # the page, for the record, never in text
    assert art.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
    assert art.meta["extractor"].startswith("trafilatura ")


def test_html_weekday_and_day_resolve_from_the_page_date(tmp_path):
    from analysis.timeline.tagger import timexes

    art = load_article(_write(tmp_path, "news.html", NEWS_PAGE))
    table = timexes(art)
    assert (table.apply(lambda r: art.text[r.start : r.end] == r.text, axis=1)).all()  # offsets index the text
    row = table[table.text == "Dimanche 17 juin"].iloc[0]
    assert row["value"] == "2018-06-17"  # a Sunday, three days before the page's date
    assert table.loc[table.text == "jeudi", "value"].item() == "2018-06-21"


def test_html_sentences_and_tokens_hold_no_markup(tmp_path):
    from analysis.text.pipeline import analyse

    art = load_article(_write(tmp_path, "news.html", NEWS_PAGE))
    tables = analyse(art, lemmas=False, stems=False)
    assert not tables.sentences.text.str.contains("<").any()
    assert (tables.tokens.apply(lambda r: art.text[r.start : r.end] == r.text, axis=1)).all()


def test_html_dateline_only_and_no_date(tmp_path):
    art = load_article(_write(tmp_path, "croatie.html", DATELINE_PAGE))
    assert art.meta["date"] == "2012-07-03" and art.meta["date_source"] == "dateline in the text"
    art = load_article(_write(tmp_path, "jardin.html", UNDATED_PAGE))
    assert art.date is None and art.meta.get("date_source") is None
    assert art.meta["date_status"].startswith("unknown")
    assert art.title == "Le jardin partagé s'agrandit"
    # the file-name rule is the last resort, as in a folder
    art = load_article(_write(tmp_path, "jardin-2021-04-09.html", UNDATED_PAGE))
    assert art.meta["date"] == "2021-04-09" and art.meta["date_source"] == "file name"


@pytest.mark.parametrize(
    "where", ['<time datetime="2021-03-12">12 mars</time>', '<p class="date">Publié le 12/03/2021</p>']
)
def test_html_date_found_elsewhere_in_the_page_by_htmldate(tmp_path, where):
    page = UNDATED_PAGE.replace("</body>", f"{where}</body>")
    art = load_article(_write(tmp_path, "jardin.html", page))
    assert art.meta["date"] == "2021-03-12" and art.meta["date_source"] == "htmldate (search of the page)"


def test_html_published_date_markup_wins_over_a_dateline(tmp_path):
    page = DATELINE_PAGE.replace(
        "</head>",
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"datePublished": "2012-07-04T06:00:00Z"}]}</script></head>',
    )
    art = load_article(_write(tmp_path, "croatie.html", page))
    assert art.meta["date"] == "2012-07-04" and art.meta["date_source"] == "page markup (JSON-LD datePublished)"


def test_html_sidecar_wins_over_the_page(tmp_path):
    p = _write(tmp_path, "news.html", NEWS_PAGE)
    _write(
        tmp_path,
        "news.meta.json",
        json.dumps({"title": "Titre corrigé", "date": "2018-06-19", "date_source": "the print edition"}),
    )
    art = load_article(p)
    assert art.title == "Titre corrigé" and art.meta["date"] == "2018-06-19"
    assert art.meta["date_source"] == "the print edition"
    assert art.meta["author"] == "Jeanne Martin"  # what the sidecar does not say still comes from the page
    _write(tmp_path, "news.html.meta.json", json.dumps({"date": "2018-06-18"}))  # names the file: preferred
    art = load_article(p)
    assert art.meta["date"] == "2018-06-18" and art.meta["sidecar"] == "news.html.meta.json"
    assert art.title == "Mondial : la France bat l'Australie"
    assert art.meta["date_source"] == "sidecar (news.html.meta.json)"


def test_html_declared_single_byte_charset(tmp_path):
    page = UNDATED_PAGE.replace('charset="utf-8"', 'charset="iso-8859-15"').replace(
        "financer un", "financer pour 200 € un"
    )
    art = load_article(_write(tmp_path, "jardin.html", page.encode("iso-8859-15")))
    assert art.encoding == "iso-8859-15" and "200 € un" in art.text and "partagé" in art.text


@pytest.mark.parametrize("page", ["<html><body></body></html>", "<html><head><title>Rien</title></head></html>"])
def test_html_without_article_text_is_an_error(tmp_path, page):
    p = _write(tmp_path, "vide.html", page)
    with pytest.raises(EmptyArticleError, match="found no article text") as info:
        load_article(p)
    assert str(p) in str(info.value) and "\n" not in str(info.value)


def test_wikinews_pages_load_alone_as_in_the_corpus(shared_eval):
    from analysis.corpus import Corpus

    folder = shared_eval / "news" / "wikinews-fr-100" / "html"
    for name in WIKINEWS_PAGES:
        alone = load_article(folder / name)
        in_corpus = next(a for a in Corpus.from_path(folder / name))
        assert alone.text == in_corpus.text and alone.markup == in_corpus.markup
        assert {k: v for k, v in in_corpus.meta.items() if k != "source"} == alone.meta
        assert alone.meta["date"].startswith("2012-") and alone.meta["date_source"] == "dateline in the text"
        assert "<p>" not in alone.text and "<p>" in alone.markup


MD = "---\ntitle: Le budget voté\ndate: 2023-03-06\nauthor: [Jean Dupont, Marie Curie]\ntags: [ville]\n---\n"


def test_md_front_matter_is_metadata_and_the_body_is_the_text(tmp_path):
    body = "Le budget voté\n\nLe conseil municipal a voté lundi le budget de la ville, après un long débat.\n"
    p = _write(tmp_path, "budget.md", MD + body)
    art = load_article(p)
    assert art.text == body and art.markup == MD + body
    assert art.markup[art.meta["text_offset"] :] == art.text
    assert art.title == "Le budget voté" and art.meta["author"] == "Jean Dupont, Marie Curie"
    assert art.meta["date"] == "2023-03-06" and art.meta["date_source"] == "front matter"
    assert art.meta["tags"] == ["ville"] and art.meta["format"] == "md"
    toml = '+++\ntitle = "Titre"\ndate = 2023-03-08T10:00:00+01:00\n+++\n' + body
    art = load_article(_write(tmp_path, "t.md", toml))
    assert art.meta["date"] == "2023-03-08" and art.title == "Titre"
    art = load_article(_write(tmp_path, "plain.md", body))  # no front matter: all of it is text
    assert art.text == body and art.meta["text_offset"] == 0 and "title_source" in art.meta


@pytest.mark.parametrize(
    "content, words",
    [
        ("---\ntitle: x\n\nLe texte.\n", "never closed"),
        ("---\ntitle: a: b\n---\nLe texte.\n", "malformed YAML front matter at line 2: mapping values"),
        ("---\ntitle: [unclosed\n---\nLe texte.\n", "malformed YAML front matter"),
        ("---\n- a\n- b\n---\nLe texte.\n", "not a mapping"),
        ("---\ndate: 20 mars\n---\nLe texte.\n", "front matter date '20 mars' is not a date"),
        ("---\ntitle: {a: 1}\n---\nLe texte.\n", "'title' must be a string"),
        ('+++\ntitle = "x\n+++\nLe texte.\n', "malformed TOML front matter"),
    ],
)
def test_broken_front_matter_is_a_one_line_metadata_error(tmp_path, content, words):
    p = _write(tmp_path, "a.md", content)
    with pytest.raises(MetadataError) as info:
        load_article(p)
    assert words in str(info.value) and str(p) in str(info.value) and "\n" not in str(info.value)


def test_md_with_nothing_after_the_front_matter(tmp_path):
    with pytest.raises(EmptyArticleError, match="no text after the front matter"):
        load_article(_write(tmp_path, "a.md", MD + "\n  \n"))


def test_a_file_is_the_same_article_alone_or_in_a_folder(tmp_path):
    from analysis.corpus import Corpus

    folder = tmp_path / "c"
    files = {
        "news.html": NEWS_PAGE,
        "croatie.html": DATELINE_PAGE,
        "budget.md": MD + FRENCH,
        "a.txt": FRENCH,
        "b-2022-11-20.txt": FRENCH.encode("cp1252"),
    }
    for name, content in files.items():
        _write(folder, name, content)
    _write(folder, "a.meta.json", json.dumps({"outlet": "Le Monde", "date": "2022-11"}))
    got = {a.doc_id: a for a in Corpus.from_path(folder)}
    assert set(got) == {Path(n).stem for n in files}
    for name in files:
        alone, in_corpus = load_article(folder / name, check_language=False), got[Path(name).stem]
        assert in_corpus.text == alone.text and in_corpus.markup == alone.markup
        assert in_corpus.encoding == alone.encoding and in_corpus.sha256 == alone.sha256
        assert in_corpus.meta.pop("source") == str(folder / name)  # the one corpus field
        assert in_corpus.meta == alone.meta, name
    assert got["a"].meta["outlet"] == "Le Monde" and got["a"].meta["date_precision"] == "month"
    assert got["b-2022-11-20"].meta["date_source"] == "file name"


# --------------------------------------------------------------------------
# Broken UTF-8 is never silent mojibake
# --------------------------------------------------------------------------

ACCENTED = FRENCH + "Les élus ont débattu de l’été à Noël, à Besançon et à Orléans.\n"


def test_broken_utf8_is_an_error_with_the_offset_and_bytes(tmp_path):
    data = ACCENTED.encode("utf-8")
    at = data.index("été".encode())
    broken = data[:at] + b"\xe9" + data[at + 2 :]  # one "é" in Windows-1252 among UTF-8: a mixed edit
    p = _write(tmp_path, "a.txt", broken)
    with pytest.raises(EncodingError) as info:
        load_article(p)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{p}: broken UTF-8: byte {at} (line 4) is 0xE9, ")
    assert repr(broken[at - 8 : at + 8]) in message and "1 invalid byte among 27 valid" in message
    assert "errors='replace'" in message


def test_broken_utf8_loads_with_replace_and_a_warning(tmp_path):
    data = ACCENTED.encode("utf-8")
    broken = data[:50] + b"\xe9" + data[50:] + b"\xff"
    p = _write(tmp_path, "a.txt", broken)
    with pytest.warns(
        DecodingWarning,
        match=rf"a\.txt: decoded as utf-8, 2 invalid bytes replaced by U\+FFFD "
        rf"\(at byte 50, {len(broken) - 1}\)",
    ):
        art = load_article(p, errors="replace")
    assert art.text.count("\ufffd") == 2 and "Besançon" in art.text
    assert art.meta["decoding"].startswith("utf-8, 2 invalid bytes replaced")
    with pytest.raises(ValueError, match="errors must be"):
        load_article(p, errors="ignore")


def test_single_byte_text_with_a_chance_utf8_sequence_decodes_with_a_warning(tmp_path):
    # in Windows-1252, "déjà" + no-break space + "»" is E0 A0 BB, which is also valid UTF-8
    text = ACCENTED + "« Le vote est acquis, c’est déjà\u00a0», a dit le maire.\n"
    p = _write(tmp_path, "a.txt", text.encode("cp1252"))
    with pytest.warns(
        DecodingWarning,
        match=r"decoded as cp1252 .* 1 byte sequence is also valid UTF-8 "
        r"\(byte \d+ \(e0 a0 bb\)\)",
    ):
        art = load_article(p)
    assert art.encoding == "cp1252" and art.text == text


def test_forced_encoding(tmp_path):
    p = _write(tmp_path, "a.txt", ACCENTED.replace("’", "'").encode("cp1252"))
    assert load_article(p, encoding="latin-1").encoding == "latin-1"
    with pytest.raises(EncodingError, match="byte .* is invalid utf-8"):
        load_article(p, encoding="utf-8")
    with pytest.raises(ValueError, match="unknown encoding"):
        load_article(p, encoding="klingon")


def test_pure_single_byte_text_decodes_without_a_warning(tmp_path):
    p = _write(tmp_path, "a.txt", ACCENTED.encode("cp1252"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", DecodingWarning)
        art = load_article(p)
    assert art.encoding == "cp1252" and art.text == ACCENTED


def test_non_utf8_file_name_gives_printable_messages_and_doc_id(tmp_path):
    name = tmp_path / os.fsdecode(b"caf\xe9.txt")
    name.write_bytes(FRENCH.encode())
    art = load_article(name)
    assert art.doc_id == "caf\\xe9" and art.text == FRENCH
    with pytest.raises(ArticleNotFoundError) as info:
        load_article(tmp_path / os.fsdecode(b"th\xe9.txt"))
    str(info.value).encode("utf-8")  # printable: no lone surrogate
    assert "th\\xe9.txt: no such file" in str(info.value)


def test_a_page_the_extractor_cannot_read_is_one_line(tmp_path, monkeypatch):
    from analysis.reading import html_page

    def boom(html):
        raise RecursionError("maximum recursion depth exceeded\nwhile parsing")

    monkeypatch.setattr(html_page, "extract", boom)
    with pytest.raises(
        ArticleError,
        match=r"news\.html: the page cannot be read \(RecursionError: maximum recursion "
        r"depth exceeded\)$",
    ):
        load_article(_write(tmp_path, "news.html", NEWS_PAGE))
