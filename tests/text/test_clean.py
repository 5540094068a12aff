"""Tests for analysis.text.clean: segmentation, kinds, duplicates, counting."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.text.clean import (
    counted_spans,
    COLUMNS,
    KINDS,
    RULE_DESCRIPTIONS,
    normalize_for_matching,
    segment_of,
    segments,
    summary,
)

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "data" / "article.txt"
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


def read(path: Path) -> str:
    """Read a page exactly as stored (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def is_blank(c: str) -> bool:
    """Characters allowed outside segments: white space, invisible marks."""
    return c.isspace() or c in INVISIBLE


def check_invariants(raw: str, df: pd.DataFrame) -> None:
    """Offsets round-trip, no overlap, order, full coverage of visible text."""
    assert list(df.columns) == list(COLUMNS)
    assert df["seg"].tolist() == list(range(len(df)))
    starts, ends = df["start"].to_numpy(), df["end"].to_numpy()
    assert (starts < ends).all()
    assert (starts[1:] >= ends[:-1]).all(), "segments overlap or are out of order"
    for row in df.itertuples():
        assert raw[row.start : row.end] == row.text
        assert row.text == row.text.strip(" \t\n\r\x0b\x0c\xa0\u202f\u2009" + INVISIBLE)
        assert not is_blank(row.text[0]) and not is_blank(row.text[-1])
        assert row.kind in KINDS
    covered = np.zeros(len(raw), dtype=np.int64)
    for s, e in zip(starts, ends):
        covered[s:e] += 1
    for i, c in enumerate(raw):
        if not is_blank(c):
            assert covered[i] == 1, f"char {i} {c!r} covered {covered[i]} times"


def kinds(df: pd.DataFrame) -> list[str]:
    return df["kind"].tolist()


def dups(df: pd.DataFrame) -> dict[int, int]:
    d = df.dropna(subset=["duplicate_of"])
    return dict(zip(d["seg"].tolist(), d["duplicate_of"].astype(int).tolist()))


# ---------------------------------------------------------------------------
# The article
# ---------------------------------------------------------------------------

ARTICLE_KINDS = (
    ["title", "lede", "caption", "caption"]
    + ["paragraph"] * 7
    + ["heading"]
    + ["paragraph"] * 5
    + ["heading"]
    + ["paragraph"] * 4
    + ["quote", "quote", "paragraph", "credit", "byline"]
    + ["boilerplate"] * 8
)


@pytest.fixture(scope="module")
def article() -> str:
    return read(ARTICLE)


@pytest.fixture(scope="module")
def art(article: str) -> pd.DataFrame:
    return segments(article, doc_id="article")


# The article's table is pinned whole: new cleaning rules must leave it as it is.
ARTICLE_RULES = (
    ["title.first_line", "lede.first_prose", "caption.credit_marker", "dup.exact"]
    + ["paragraph.default"] * 7
    + ["heading.short_line"]
    + ["paragraph.default"] * 5
    + ["heading.short_line"]
    + ["paragraph.default"] * 4
    + [
        "quote.opening_mark",
        "dup.quotation",
        "paragraph.default",
        "credit.contribution",
        "byline.par",
        "boilerplate.moderation",
        "boilerplate.subscription",
        "boilerplate.comment_widget",
        "boilerplate.comment_widget",
        "boilerplate.antispam",
    ]
    + ["boilerplate.comment_widget"] * 3
)
ARTICLE_SPANS = [
    0,
    99,
    101,
    298,
    300,
    511,
    512,
    723,
    728,
    990,
    992,
    1220,
    1222,
    1559,
    1561,
    1895,
    1897,
    2225,
    2227,
    2580,
    2582,
    2883,
    2885,
    2957,
    2959,
    3242,
    3244,
    3511,
    3513,
    3746,
    3748,
    3953,
    3955,
    4169,
    4171,
    4234,
    4236,
    4499,
    4501,
    4859,
    4861,
    5064,
    5066,
    5308,
    5310,
    5606,
    5608,
    5903,
    5905,
    6326,
    6328,
    6361,
    6363,
    6386,
    6388,
    6532,
    6534,
    6543,
    6544,
    6561,
    6562,
    6567,
    6569,
    6698,
    6700,
    6714,
    6715,
    6736,
    6737,
    6767,
]


def test_article_kinds_exact(art: pd.DataFrame) -> None:
    assert kinds(art) == ARTICLE_KINDS


def test_article_rules_and_spans_pinned(art: pd.DataFrame) -> None:
    assert art["rule"].tolist() == ARTICLE_RULES
    assert art[["start", "end"]].to_numpy().ravel().tolist() == ARTICLE_SPANS


def test_article_invariants(article: str, art: pd.DataFrame) -> None:
    check_invariants(article, art)
    assert (art["doc_id"] == "article").all()


def test_article_dtypes(art: pd.DataFrame) -> None:
    assert art["duplicate_of"].dtype == "Int64"
    assert art["counted"].dtype == bool
    for col in ("seg", "start", "end"):
        assert art[col].dtype == np.int64
    for col in ("doc_id", "kind", "text", "rule", "reason"):
        assert pd.api.types.is_string_dtype(art[col])


def test_article_title_lede(art: pd.DataFrame) -> None:
    assert art.loc[0, "text"].startswith("L’Iran et la Russie signent")
    assert art.loc[1, "text"].startswith("Moscou et Téhéran ont finalisé")


def test_article_caption_printed_twice(art: pd.DataFrame, article: str) -> None:
    first, second = art.loc[2], art.loc[3]
    assert "d'une réunion" in first["text"] and "d’une réunion" in second["text"]
    assert first["text"].endswith("(crédit photo : REUTERS)")
    # two consecutive lines, no blank line between: split into two segments
    assert article[first["end"] : second["start"]] == "\n"
    assert pd.isna(first["duplicate_of"]) and first["counted"]
    assert second["duplicate_of"] == 2 and not second["counted"]
    assert second["reason"] == ("duplicate of seg 2 (same text after normalising apostrophes, quotes and spaces)")


def test_article_headings(art: pd.DataFrame) -> None:
    heads = art[art["kind"] == "heading"]["text"].tolist()
    assert heads == [
        "Téhéran se rapproche de la Russie sous l’ombre de l’isolement occidental",
        "L’Iran promet de fournir à la Russie des missiles et des drones",
    ]


def test_article_zelensky_quote_twice(art: pd.DataFrame) -> None:
    q = art[art["kind"] == "quote"]
    assert len(q) == 2
    a, b = q.iloc[0], q.iloc[1]
    assert a["text"].endswith("a déclaré Zelensky.")
    assert b["text"].endswith("Volodymyr Zelenski")
    assert pd.isna(a["duplicate_of"]) and a["counted"]
    assert b["duplicate_of"] == a["seg"] and not b["counted"]
    assert b["rule"] == "dup.quotation"
    assert b["reason"] == f"duplicate of seg {a['seg']} (same quotation, different attribution)"


def test_article_credit_byline_trailer(art: pd.DataFrame) -> None:
    credit = art[art["kind"] == "credit"].iloc[0]
    byline = art[art["kind"] == "byline"].iloc[0]
    assert credit["text"] == "Reuters a contribué à ce rapport."
    assert byline["text"].startswith("Par ROMAN MEITAV")
    assert not credit["counted"] and not byline["counted"]
    bp = art[art["kind"] == "boilerplate"]
    assert bp["seg"].tolist() == list(range(27, 35))
    assert bp["text"].tolist()[1:4] == ["S’abonner", "Notification pour", "guest"]
    assert bp["text"].tolist()[-3:] == [
        "0 Commentaires",
        "Commentaires en ligne",
        "Afficher tous les commentaires",
    ]
    assert bp.loc[bp["text"].str.contains("Akismet"), "rule"].item() == "boilerplate.antispam"
    assert bp.loc[bp["text"].str.startswith("La rédaction"), "rule"].item() == ("boilerplate.moderation")
    assert all(r.startswith("boilerplate") for r in bp["reason"])
    assert not bp["counted"].any()


def test_article_nbsp_line_is_not_a_segment(article: str, art: pd.DataFrame) -> None:
    nbsp = article.index("\n\u00a0\n") + 1
    assert segment_of(art, [nbsp])[0] == -1


def test_article_counted_default(art: pd.DataFrame) -> None:
    counted = art[art["counted"]]
    assert set(counted["kind"]) == {"title", "lede", "caption", "heading", "paragraph", "quote"}
    assert counted["duplicate_of"].isna().all()
    assert len(counted) == len(art) - 2 - 2 - 8


def test_article_reason_names_rule(art: pd.DataFrame) -> None:
    for row in art.itertuples():
        assert row.rule in RULE_DESCRIPTIONS
        assert row.reason  # always says why


# ---------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------


def test_include_duplicates(article: str) -> None:
    df = segments(article, include_duplicates=True)
    assert df.loc[3, "counted"] and df.loc[23, "counted"]
    assert df.loc[3, "duplicate_of"] == 2  # still flagged
    assert "include_duplicates=True" in df.loc[3, "reason"]
    assert df.loc[3, "reason"].startswith("duplicate of seg 2")
    assert not df[df["kind"] == "boilerplate"]["counted"].any()


def test_include_boilerplate(article: str) -> None:
    df = segments(article, include_boilerplate=True)
    bp = df[df["kind"] == "boilerplate"]
    assert bp["counted"].all()
    assert bp["reason"].str.contains("include_boilerplate=True").all()
    assert not df.loc[3, "counted"]
    assert not df[df["kind"].isin(["credit", "byline"])]["counted"].any()


def test_include_credits(article: str) -> None:
    df = segments(article, include_credits=True)
    assert df[df["kind"].isin(["credit", "byline"])]["counted"].all()


def test_options_are_keyword_only(article: str) -> None:
    with pytest.raises(TypeError):
        segments(article, "doc", True)  # type: ignore[misc]


def test_text_must_be_str() -> None:
    with pytest.raises(TypeError):
        segments(b"bytes")  # type: ignore[arg-type]


def test_options_change_only_counted(article: str) -> None:
    base = segments(article)
    allin = segments(article, include_duplicates=True, include_boilerplate=True, include_credits=True)
    cols = ["seg", "kind", "start", "end", "text", "duplicate_of", "rule"]
    pd.testing.assert_frame_equal(base[cols], allin[cols])
    assert allin["counted"].all()


# ---------------------------------------------------------------------------
# Other page layouts (fixtures with different boilerplate wording)
# ---------------------------------------------------------------------------

LEMONDE = (
    ["boilerplate"] * 4  # cookie sentence, 2 cookie buttons, crumbs
    + ["title", "lede", "byline", "byline", "boilerplate"]  # … "Partager"
    + ["paragraph", "boilerplate", "paragraph"]  # "Lire aussi :" mid-article
    + ["heading", "paragraph", "quote", "paragraph", "boilerplate", "paragraph"]
    + ["boilerplate"] * 4  # newsletter prompt, then the trailer
)
REGIONAL = (
    ["boilerplate", "title", "byline", "lede", "caption"]
    + ["boilerplate"] * 4  # share buttons
    + ["paragraph", "boilerplate", "paragraph", "heading", "paragraph", "quote"]
    + ["boilerplate"] * 4  # feedback prompt, oui, non, copyright
)
WIRE = (
    ["title", "lede", "paragraph", "paragraph", "heading", "paragraph", "quote", "credit"]
    + ["boilerplate"] * 9  # comment section and reader comments
)
VARIANTS = ["title", "lede", "paragraph", "heading", "paragraph", "quote", "paragraph"] + [
    "paragraph",
    "quote",
    "paragraph",
    "byline",
    "credit",
    "boilerplate",
    "boilerplate",
]
NATIONAL = (
    ["boilerplate", "title", "lede", "byline", "byline", "boilerplate", "boilerplate", "paragraph"]
    + ["boilerplate"] * 3  # "Lire aussi" and its two headlines
    + ["paragraph", "heading", "paragraph", "quote", "boilerplate", "paragraph"]
    + ["boilerplate"] * 5  # tags, "Les plus lus" and its three headlines
)
MAGAZINE = (
    ["boilerplate", "title", "lede", "byline", "byline"]
    + ["boilerplate"] * 4  # reading time, gift, listen, share
    + ["paragraph", "quote", "heading", "paragraph"]
    + ["boilerplate"] * 3  # "À lire également :" and two bulleted headlines
    + ["paragraph", "paragraph", "boilerplate", "boilerplate", "boilerplate"]
)
LOCAL = (
    ["boilerplate", "title", "lede", "byline", "byline"]
    + ["boilerplate"] * 5  # reading time, four share buttons
    + ["paragraph", "paragraph", "quote"]
    + ["boilerplate"] * 10  # tags, two headline lists, copyright
)


@pytest.mark.parametrize(
    ("name", "expected", "expected_dups"),
    [
        ("lemonde_like.txt", LEMONDE, {}),
        ("regional_daily.txt", REGIONAL, {}),
        ("wire_blog.txt", WIRE, {}),
        ("variants_duplicates.txt", VARIANTS, {7: 4, 8: 5, 9: 2}),
        ("national_daily.txt", NATIONAL, {}),
        ("magazine_feature.txt", MAGAZINE, {}),
        ("local_news.txt", LOCAL, {}),
    ],
)
def test_fixture_pages(name: str, expected: list[str], expected_dups: dict) -> None:
    raw = read(PAGES / name)
    df = segments(raw, doc_id=name)
    check_invariants(raw, df)
    assert kinds(df) == expected, df[["kind", "text"]].to_string()
    assert dups(df) == expected_dups
    assert df["counted"].tolist() == [
        k in {"title", "lede", "caption", "heading", "paragraph", "quote"} and i not in expected_dups
        for i, k in enumerate(expected)
    ]


def test_fixture_boilerplate_wording_differs_from_article(article: str) -> None:
    """The fixtures prove generality: none of their boilerplate lines is in the article."""
    art_lines = {normalize_for_matching(x) for x in article.splitlines()}
    for path in PAGES.glob("*.txt"):
        df = segments(read(path))
        for text in df.loc[df["kind"] == "boilerplate", "text"]:
            assert normalize_for_matching(text) not in art_lines, (path.name, text)


def test_lemonde_rules() -> None:
    df = segments(read(PAGES / "lemonde_like.txt"))
    by_text = df.set_index("text")
    assert by_text.loc["Partager", "rule"] == "boilerplate.share"
    assert by_text.loc["International › Europe › Allemagne", "rule"] == "boilerplate.navigation"
    assert df.loc[0, "rule"] == "boilerplate.cookie_notice"
    # the paragraph after a mid-article "Lire aussi" stays a paragraph
    lire = df.index[df["text"].str.startswith("Lire aussi :")][0]
    assert df.loc[lire, "rule"] == "boilerplate.read_also"
    assert df.loc[lire + 1, "kind"] == "paragraph"
    # trailer: short lines after the newsletter prompt
    assert df["rule"].tolist()[-4:] == [
        "boilerplate.subscription",
        "boilerplate.trailer",
        "boilerplate.trailer",
        "boilerplate.trailer",
    ]
    # a quote with “ ” and a one-clause attribution
    assert df.loc[df["kind"] == "quote", "text"].item().startswith("“Nous ne lâcherons")
    assert by_text.loc["Publié le 27 mars 2023 à 11h05, modifié le 27 mars 2023 à 15h40", "rule"] == "byline.dateline"


def test_regional_rules() -> None:
    df = segments(read(PAGES / "regional_daily.txt"))
    cap = df[df["kind"] == "caption"].iloc[0]
    assert cap["text"].endswith("Photo Progrès /Julien Martin")
    assert df.loc[2, "text"].startswith("Par Jean Dupont, le 12/03/2021 à 14h05")
    # title and byline on consecutive lines are split
    assert df.loc[1, "kind"] == "title" and df.loc[2, "kind"] == "byline"
    assert set(df.loc[5:8, "rule"]) == {"boilerplate.share"}
    assert df.loc[df["text"] == "Publicité", "rule"].item() == "boilerplate.advert"
    assert df["rule"].tolist()[-4:] == ["boilerplate.feedback"] * 3 + ["boilerplate.rights"]


def test_wire_hard_wrapped_paragraphs_stay_whole() -> None:
    raw = read(PAGES / "wire_blog.txt")
    df = segments(raw)
    lede = df.loc[1, "text"]
    assert lede.startswith("Ankara, 15 févr. 2023") and lede.endswith("d'heure\nen heure.")
    assert lede.count("\n") == 4
    # hyphenated word across lines, joined
    assert "humani-\ntaires" in df.loc[2, "text"]
    # a sentence ending exactly at a wrap point does not split the paragraph
    p3 = df.loc[3, "text"]
    assert "détruits.\nL'opposition" in p3 and p3.endswith("de 1999.")
    assert df.loc[4, "text"] == "Des entrepreneurs arrêtés"


def test_wire_comment_section() -> None:
    df = segments(read(PAGES / "wire_blog.txt"))
    assert df.loc[7, "text"] == "(Avec AFP)" and df.loc[7, "rule"] == "credit.agency"
    assert df.loc[8, "text"] == "3 réactions"
    readers = df[df["rule"] == "boilerplate.comment_section"]
    assert len(readers) == 4
    assert readers["reason"].str.contains("after seg 8").all()
    assert "Signaler un abus" in df["text"].tolist()


def test_variants_duplicates_rules() -> None:
    df = segments(read(PAGES / "variants_duplicates.txt"))
    assert "\u00a0" in df.loc[7, "text"] and "’" in df.loc[7, "text"]
    assert df.loc[7, "rule"] == "dup.exact"
    assert df.loc[8, "rule"] == "dup.quotation"
    assert df.loc[8, "text"].startswith("“") and df.loc[5, "text"].startswith("«")
    assert df.loc[9, "rule"] == "dup.contained"
    assert df.loc[9, "reason"] == "duplicate of seg 2 (contained whole in it after normalising)"


# ---------------------------------------------------------------------------
# Page furniture: headline and tag lists, reading time, gift, share, tags
# ---------------------------------------------------------------------------

# Every segment left out of counts in the three layouts: (seg, rule, text start).
LEFT_OUT = {
    "national_daily.txt": [
        (0, "boilerplate.navigation", "Planète › Énergie"),
        (3, "byline.par", "Par Claire Moreau"),
        (4, "byline.dateline", "Publié le 14 novembre 2023"),
        (5, "boilerplate.reading_time", "Temps de Lecture 4 min."),
        (6, "boilerplate.subscription", "Article réservé aux abonnés"),
        (8, "boilerplate.related_heading", "Lire aussi"),
        (9, "boilerplate.related_list", "Transition énergétique : le Sénat"),
        (10, "boilerplate.related_list", "EDF : les cinq chantiers"),
        (15, "boilerplate.read_also", "Lire aussi | Flamanville"),
        (17, "boilerplate.tags", "Mots-clés : Nucléaire, EDF"),
        (18, "boilerplate.related_heading", "Les plus lus"),
        (19, "boilerplate.related_list", "1. Retraites"),
        (20, "boilerplate.related_list", "2. Météo"),
        (21, "boilerplate.related_list", "3. Immobilier"),
    ],
    "magazine_feature.txt": [
        (0, "boilerplate.navigation", "Accueil › Société"),
        (3, "byline.par", "Par Léa Fontaine"),
        (4, "byline.dateline", "Publié le 3 février 2024"),
        (5, "boilerplate.reading_time", "Lecture : 6 min."),
        (6, "boilerplate.gift", "Offrir cet article"),
        (7, "boilerplate.article_tools", "Écouter cet article"),
        (8, "boilerplate.share", "Partager"),
        (13, "boilerplate.related_heading", "À lire également :"),
        (14, "boilerplate.related_list", "– Les mangas"),
        (15, "boilerplate.related_list", "– Bibliothèques"),
        (18, "boilerplate.tags", "Thèmes : Éducation · Numérique"),
        (19, "boilerplate.gift", "Article offert"),
        (20, "boilerplate.gift", "Cet article vous est offert"),
    ],
    "local_news.txt": [
        (0, "boilerplate.navigation", "Accueil › Ille-et-Vilaine"),
        (3, "byline.par", "Par Yann Le Gall"),
        (4, "byline.dateline", "Publié le 18/09/2023"),
        (5, "boilerplate.reading_time", "3 min de lecture"),
        (6, "boilerplate.share", "Partager sur Facebook"),
        (7, "boilerplate.share", "Partager sur X"),
        (8, "boilerplate.share", "Envoyer par e-mail"),
        (9, "boilerplate.share", "Copier le lien"),
        (13, "boilerplate.tags", "Tags : Rennes · Faits divers"),
        (14, "boilerplate.related_heading", "Sur le même sujet"),
        (15, "boilerplate.related_list", "14:20"),
        (16, "boilerplate.related_list", "Chartres-de-Bretagne. La circulation"),
        (17, "boilerplate.related_list", "11:05"),
        (18, "boilerplate.related_list", "Vezin-le-Coquet. Un feu"),
        (19, "boilerplate.related_heading", "Dans la même rubrique"),
        (20, "boilerplate.related_list", "- Fougères. Un motard"),
        (21, "boilerplate.related_list", "- Vitré. La fête de la Pomme"),
        (22, "boilerplate.rights", "© Le Courrier d'Armor 2023"),
    ],
}
# The article body of each layout (title, lede, paragraphs, headings, quotes), all counted.
BODY = {
    "national_daily.txt": [
        "Nucléaire : le gouvernement confirme",
        "Le chantier du premier EPR2",
        "Le gouvernement a tranché",
        "Lire les quelque trois cents pages",
        "Un coût encore incertain",
        "L'estimation de 67 milliards",
        "« Nous avons tiré les leçons",
        "Les associations de défense",
    ],
    "magazine_feature.txt": [
        "Écrans : pourquoi les adolescents",
        "Une enquête menée auprès",
        "En 2014, un collégien",
        "« On ne lit plus pour soi",
        "Lecture, écriture : le grand décrochage",
        "Les enseignants observent",
        "Lire ne suffit plus",
        "Pour y remédier",
    ],
    "local_news.txt": [
        "Rennes. Un incendie détruit",
        "Aucun blessé n'est à déplorer",
        "Le feu s'est déclaré",
        "La mairie invite les riverains à partager",
        "« Le bâtiment était vieillissant",
    ],
}


@pytest.mark.parametrize("name", sorted(LEFT_OUT))
def test_layout_left_out_exactly(name: str) -> None:
    raw = read(PAGES / name)
    df = segments(raw, doc_id=name)
    out = df[~df["counted"]]
    got = list(zip(out["seg"], out["rule"], out["text"]))
    expected = LEFT_OUT[name]
    assert [(s, r) for s, r, _ in got] == [(s, r) for s, r, _ in expected], out[["seg", "rule", "text"]]
    for (_, _, text), (_, _, start) in zip(got, expected):
        assert text.startswith(start), (text, start)
    # list items name their heading
    for seg, rule, _ in expected:
        if rule.endswith("_list"):
            heading = max(s for s, r, _ in expected if r.endswith("_heading") and s < seg)
            assert df.loc[seg, "reason"] == f"{RULE_DESCRIPTIONS[rule]} (after seg {heading})"
    # everything else is the article, counted
    kept = df[df["counted"]]
    assert set(kept["kind"]) <= {"title", "lede", "caption", "heading", "paragraph", "quote"}


@pytest.mark.parametrize("name", sorted(BODY))
def test_layout_body_all_counted(name: str) -> None:
    raw = read(PAGES / name)
    df = segments(raw)
    starts = [raw.index(snippet) for snippet in BODY[name]]
    segs = segment_of(df, starts)
    assert (segs >= 0).all()
    assert df.loc[segs, "counted"].all(), df.loc[segs, ["rule", "text"]]
    # each body segment starts where its snippet does: nothing was merged into it
    assert df.loc[segs, "start"].tolist() == starts
    assert len(df[df["counted"]]) == len(BODY[name])


def page_with(line: str) -> pd.DataFrame:
    """A small page with ``line`` as its own block between two paragraphs."""
    raw = (
        "Un titre d'article\n\nUn chapeau suffisamment long pour être un chapeau de l'article du jour.\n\n"
        f"{line}\n\nLe texte reprend ici avec une phrase longue et complète, qui se termine par un point.\n"
    )
    return segments(raw)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Lecture : 3 min.", "boilerplate.reading_time"),
        ("Temps de lecture : 4 minutes", "boilerplate.reading_time"),
        ("Lecture 2 min", "boilerplate.reading_time"),
        ("3 min de lecture", "boilerplate.reading_time"),
        ("Temps de lecture estimé : 5 min", "boilerplate.reading_time"),
        ("Durée de lecture : moins d'une minute", "boilerplate.reading_time"),
        ("Offrir cet article", "boilerplate.gift"),
        ("Offrir l'article à un proche", "boilerplate.gift"),
        ("Article offert", "boilerplate.gift"),
        ("Il vous reste 5 articles à offrir ce mois-ci", "boilerplate.gift"),
        ("Partager", "boilerplate.share"),
        ("Partager sur Facebook", "boilerplate.share"),
        ("Partager l'article sur LinkedIn", "boilerplate.share"),
        ("Copier le lien", "boilerplate.share"),
        ("Lien copié !", "boilerplate.share"),
        ("Envoyer par e-mail", "boilerplate.share"),
        ("Facebook · X · WhatsApp", "boilerplate.share"),
        ("Réservé aux abonnés", "boilerplate.subscription"),
        ("Article réservé à nos abonnés", "boilerplate.subscription"),
        ("Écouter cet article", "boilerplate.article_tools"),
        ("Lire plus tard", "boilerplate.article_tools"),
        ("Ajouter à mes favoris", "boilerplate.article_tools"),
        ("Tags : Iran, Russie, Drones", "boilerplate.tags"),
        ("Mots-clés : Guerre en Ukraine · Vladimir Poutine", "boilerplate.tags"),
        ("Thèmes : Justice | Police", "boilerplate.tags"),
        ("Sujets : #Rennes #Transports", "boilerplate.tags"),
        ("Lire aussi : Flamanville, l'EPR enfin raccordé au réseau", "boilerplate.read_also"),
        ("Lire la suite", "boilerplate.read_also"),
        ("À lire aussi", "boilerplate.related_heading"),
        ("Sur le même sujet :", "boilerplate.related_heading"),
        ("À VOIR AUSSI", "boilerplate.related_heading"),
        ("Nos articles recommandés", "boilerplate.related_heading"),
        ("Les plus lus", "boilerplate.related_heading"),
        ("Dans la même rubrique", "boilerplate.related_heading"),
        ("Articles liés", "boilerplate.related_heading"),
        ("Vous aimerez aussi", "boilerplate.related_heading"),
        ("Mots-clés", "boilerplate.tags_heading"),
        ("Sujets associés", "boilerplate.tags_heading"),
    ],
)
def test_furniture_line_rules(line: str, rule: str) -> None:
    df = page_with(line)
    assert df.loc[2, "text"] == line and df.loc[2, "rule"] == rule, df.loc[2, ["kind", "rule"]]
    assert not df.loc[2, "counted"]
    assert df.loc[3, "counted"]  # the paragraph after it


@pytest.mark.parametrize(
    "sentence",
    [
        "Lire les trois cents pages du rapport suffit à mesurer l'ampleur de la tâche.",
        "Lire plus de trente livres par an reste l'objectif affiché du ministère pour les collégiens.",
        "Lire également les Mémoires du général, parues en 1954, éclaire ce choix.",
        "Voir aussi la décision du Conseil d'État du 12 mars, qui va dans le même sens.",
        "Partager sur les réseaux sociaux des images de l'accident est désormais passible d'une amende.",
        "Envoyer par la poste un colis de trois kilos coûte désormais près de vingt euros.",
        "Les habitants sont invités à partager leurs photos de la crue avec les services de la mairie.",
        "Offrir des livres aux enfants hospitalisés, c'est l'idée de cette association lyonnaise.",
        "La lecture du verdict a duré près de trois heures, devant une salle comble.",
        "Temps de lecture, temps d'écran : les familles cherchent un équilibre difficile à trouver.",
        "Thèmes abordés lors du débat : la santé, l'école et la sécurité dans les quartiers.",
        "Sujets : le gouvernement veut réformer les retraites avant l'été prochain.",
        "L'essentiel de la réforme a été adopté hier soir par les députés, à une large majorité.",
        "Les plus lus des romans de la rentrée sont souvent les plus courts, selon les libraires.",
    ],
)
def test_prose_with_furniture_words_stays_counted(sentence: str) -> None:
    df = page_with(sentence)
    assert len(df) == 4 and df.loc[2, "text"] == sentence
    assert df.loc[2, "kind"] == "paragraph" and df.loc[2, "counted"], df.loc[2, "rule"]
    assert df.loc[3, "counted"]


def test_list_stops_where_prose_resumes() -> None:
    raw = (
        "Un titre d'article\n\nUn chapeau suffisamment long pour être un chapeau de l'article du jour.\n\n"
        "À lire aussi\n\nPremier titre d'un autre article du site\n\nPublicité\n\n"
        "Deuxième titre : « un témoignage » et une question ?\n\n"
        "Le texte reprend ici. Il est court.\n\nUn intertitre du texte\n\n"
        "Le texte continue avec une phrase longue et complète, qui se termine par un point.\n"
    )
    df = segments(raw)
    assert df["rule"].tolist() == [
        "title.first_line",
        "lede.first_prose",
        "boilerplate.related_heading",
        "boilerplate.related_list",
        "boilerplate.advert",
        "boilerplate.related_list",
        "paragraph.default",
        "heading.short_line",
        "paragraph.default",
    ]


def test_heading_alone_then_prose_leaves_only_the_heading() -> None:
    df = page_with("Sur le même sujet")
    assert df["counted"].tolist() == [True, True, False, True]


def test_inline_link_opens_no_list() -> None:
    raw = (
        "Un titre d'article\n\nUn chapeau suffisamment long pour être un chapeau de l'article du jour.\n\n"
        "Lire aussi : Un autre article du site\n\nUn intertitre du texte\n\n"
        "Le texte continue avec une phrase longue et complète, qui se termine par un point.\n"
    )
    df = segments(raw)
    assert kinds(df) == ["title", "lede", "boilerplate", "heading", "paragraph"]


def test_list_above_the_article_leaves_its_title() -> None:
    raw = (
        "Les plus lus\n1. Un premier titre du site\n2. Un deuxième titre du site\n\n"
        "Le vrai titre de l'article\nPar Jean Dupont\n\n"
        "Un chapeau suffisamment long pour être un chapeau de l'article du jour.\n"
    )
    df = segments(raw)
    assert df["rule"].tolist() == [
        "boilerplate.related_heading",
        "boilerplate.related_list",
        "boilerplate.related_list",
        "title.first_line",
        "byline.par",
        "lede.first_prose",
    ]


def test_headlines_in_one_block_are_one_segment_each() -> None:
    # similar lengths would look hard-wrapped to the wrap rule
    items = [
        "Nucléaire : le Sénat adopte la loi d'accélération du programme",
        "Énergie : les prix de l'électricité baisseront de dix pour cent",
        "Climat : la France en retard sur ses objectifs de réduction",
        "Transports : la SNCF commande cinquante nouveaux trains",
    ]
    df = page_with("Sur le même sujet\n" + "\n".join(items))
    assert df["text"].tolist()[3:7] == items
    assert set(df["rule"].tolist()[3:7]) == {"boilerplate.related_list"}


def test_tag_list_under_tags_heading() -> None:
    df = page_with("Mots-clés\nRussie\nIran\nDrones militaires")
    assert df["rule"].tolist()[2:6] == ["boilerplate.tags_heading"] + ["boilerplate.tag_list"] * 3


def test_ocr_continuation_lines_are_not_links() -> None:
    """A wrapped line that happens to start with 'voir plus' or "l'essentiel" is text."""
    text = (
        "Les dockers ont obtenu, après trois semaines de grève, une hausse\n"
        "de leurs salaires qui devrait permettre de\n"
        "voir plus de familles revenir habiter le quartier\n"
        "des Docks ; pour le syndicat, c'est là\n"
        "l'essentiel de ce que le mouvement a gagné\n"
        "au terme d'une négociation longue et difficile."
    )
    df = segments("Le port de Marseille\n\n" + text + "\n")
    assert df["text"].tolist() == ["Le port de Marseille", text]


def test_section_separator_is_not_a_share_button() -> None:
    df = page_with("XXX")
    assert df.loc[2, "kind"] != "boilerplate"


# ---------------------------------------------------------------------------
# Splitting rules on small inputs
# ---------------------------------------------------------------------------


def test_two_long_lines_are_two_segments() -> None:
    line = "Le ministre visite une usine de Lyon lors d'un déplacement officiel consacré à l'industrie (Photo AFP)"
    raw = f"Titre de l'article\n\n{line}\n{line.replace(chr(39), '’')}\n"
    df = segments(raw)
    assert kinds(df) == ["title", "caption", "caption"]
    assert df.loc[2, "duplicate_of"] == 1


def test_widget_lines_in_one_block_are_split() -> None:
    raw = (
        "Titre\n\nUn paragraphe assez long pour être de la prose, avec une phrase complète "
        "qui se termine par un point.\n\nPartagez\nWhatsApp\nLinkedIn\nImprimer\n"
    )
    df = segments(raw)
    assert df["text"].tolist()[-4:] == ["Partagez", "WhatsApp", "LinkedIn", "Imprimer"]
    assert set(df["kind"].tolist()[-4:]) == {"boilerplate"}


def test_heading_followed_by_paragraph_without_blank_line() -> None:
    raw = (
        "Un titre quelconque\n\nPremier paragraphe qui fait office de chapeau, avec assez de mots "
        "pour compter comme de la prose.\n\nUne section courte\nLe texte de la section commence ici "
        "et continue assez longtemps pour être un vrai paragraphe de prose.\n"
    )
    df = segments(raw)
    assert kinds(df) == ["title", "lede", "heading", "paragraph"]


def test_wrapped_proper_noun_joins() -> None:
    text = (
        "Les responsables américains ont confirmé l'information au quotidien le\n"
        "Washington Post, qui cite des documents internes consultés par ses\n"
        "journalistes à Moscou et à Téhéran au cours des dernières semaines.\n"
    )
    df = segments("Titre\n\n" + text)
    assert len(df) == 2 and df.loc[1, "text"] == text.strip()


def test_crlf_and_bom() -> None:
    raw = "\ufeffTitre du jour\r\n\r\nUn paragraphe de texte qui compte bien plus de huit mots au total.\r\n"
    df = segments(raw)
    check_invariants(raw, df)
    assert df["text"].tolist() == [
        "Titre du jour",
        "Un paragraphe de texte qui compte bien plus de huit mots au total.",
    ]


def test_empty_and_blank_text() -> None:
    for raw in ("", "   \n\u00a0\n\t"):
        df = segments(raw)
        assert len(df) == 0 and list(df.columns) == list(COLUMNS)
        assert df["duplicate_of"].dtype == "Int64"


# ---------------------------------------------------------------------------
# Rules that must NOT fire on journalism
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Par conséquent, le gouvernement a décidé de suspendre les négociations avec les syndicats.",
        "Le ministre a refusé tout commentaire sur l'enquête en cours, selon son entourage.",
        "La CNIL reproche à Google de ne pas permettre de refuser les cookies aussi facilement que de les accepter.",
        "Les commentaires du président ont été très mal reçus par l'opposition, qui demande des excuses.",
        "Partager les richesses reste la priorité du nouveau gouvernement, a martelé la porte-parole.",
    ],
)
def test_prose_is_not_boilerplate(sentence: str) -> None:
    raw = f"Un titre\n\nUn chapeau suffisamment long pour être un chapeau de l'article du jour.\n\n{sentence}\n\nFin de l'article avec une phrase longue et complète pour finir.\n"
    df = segments(raw)
    assert df.loc[2, "kind"] == "paragraph", df.loc[2, "rule"]
    assert df.loc[2, "counted"]


# ---------------------------------------------------------------------------
# normalize_for_matching
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("l'Iran", "l’Iran"),
        ("l‘Iran", "lʼIran"),
        ("«\u00a0drones\u00a0»", '" drones "'),
        ("“drones”", "„drones“"),
        ("4\u202f500", "4 500"),
        ("a\u2009b", "a b"),
        ("  A\t\n  B  ", "a b"),
        ("ÉTATS", "états"),
        ("e\u0301", "é"),
        ("Straße", "STRASSE"),
    ],
)
def test_normalize_equal(a: str, b: str) -> None:
    assert normalize_for_matching(a) == normalize_for_matching(b)


def test_normalize_values() -> None:
    assert normalize_for_matching("  « L’Iran »\u00a0a  dit ") == '" l\'iran " a dit'
    assert normalize_for_matching("") == ""
    assert normalize_for_matching("Paris") != normalize_for_matching("Pari")


@given(st.text())
def test_normalize_idempotent(s: str) -> None:
    once = normalize_for_matching(s)
    assert normalize_for_matching(once) == once


# ---------------------------------------------------------------------------
# segment_of and summary
# ---------------------------------------------------------------------------


def test_segment_of_matches_brute_force(article: str, art: pd.DataFrame) -> None:
    offsets = np.arange(-3, len(article) + 3)
    got = segment_of(art, offsets)
    expected = np.full(len(offsets), -1)
    for row in art.itertuples():
        expected[(offsets >= row.start) & (offsets < row.end)] = row.seg
    np.testing.assert_array_equal(got, expected)
    assert got.dtype == np.int64


def test_segment_of_empty_and_multi_doc(art: pd.DataFrame) -> None:
    empty = segments("")
    np.testing.assert_array_equal(segment_of(empty, [0, 5]), [-1, -1])
    assert segment_of(art, []).shape == (0,)
    two = pd.concat([art, art.assign(doc_id="other")])
    with pytest.raises(ValueError):
        segment_of(two, [0])


def test_summary(art: pd.DataFrame) -> None:
    s = summary(art)
    assert list(s.columns) == [
        "counted",
        "kind",
        "rule",
        "description",
        "segments",
        "chars",
        "share_chars",
        "segs",
    ]
    assert s["segments"].sum() == len(art)
    assert s["chars"].sum() == (art["end"] - art["start"]).sum()
    assert s["share_chars"].sum() == pytest.approx(1.0)
    left_out = s[~s["counted"]]
    assert set(left_out["rule"]) >= {
        "dup.exact",
        "dup.quotation",
        "credit.contribution",
        "byline.par",
        "boilerplate.comment_widget",
    }
    row = s[s["rule"] == "boilerplate.comment_widget"].iloc[0]
    assert row["segments"] == 5 and row["description"] == "boilerplate: comment-section widget"
    assert s["counted"].iloc[0]  # counted rows first
    assert len(summary(segments(""))) == 0


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "\u00a0",
        "\u202f",
        "\t",
        "\u2028",
        "\ufeff",
        "\u200b",
        "«",
        "»",
        "“",
        "”",
        "„",
        '"',
        "'",
        "’",
        ".",
        "?",
        ")",
        "(",
        ",",
        ":",
        "-",
        "Par Jean Dupont",
        "guest",
        "Partager",
        "0 Commentaires",
        "Lire aussi : x",
        "(crédit photo : AFP)",
        "© AFP",
        "Le président",
        "a déclaré",
        "Reuters a contribué à ce rapport.",
        "une phrase assez longue qui continue",
        "Titre court",
        "x" * 80,
    ]
)
PAGE_TEXT = st.one_of(
    st.text(),
    st.lists(PIECES, max_size=60).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE_TEXT)
def test_property_invariants(raw: str) -> None:
    df = segments(raw)
    check_invariants(raw, df)
    assert df["counted"].dtype == bool
    dup = df.dropna(subset=["duplicate_of"])
    assert (dup["duplicate_of"] < dup["seg"]).all()
    assert not df.loc[dup.index, "counted"].any()
    # every visible char maps back to its segment
    visible = [i for i, c in enumerate(raw) if not is_blank(c)]
    seg_ids = segment_of(df, visible)
    assert (seg_ids >= 0).all()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Un titre",
                "Une phrase complète qui se termine par un point et compte assez de mots.",
                "« Une citation assez longue pour être comparée entre deux blocs du texte », a dit X.",
                "« Une citation assez longue pour être comparée entre deux blocs du texte », selon Y",
                "Partager",
                "3 réactions",
                "Un intertitre court",
            ]
        ),
        max_size=12,
    )
)
def test_property_page_of_blocks(blocks: list[str]) -> None:
    raw = "\n\n".join(blocks)
    df = segments(raw)
    check_invariants(raw, df)
    assert len(df) == len(blocks)


def test_all_caps_heading_is_not_a_byline() -> None:
    raw = (
        "Un titre\n\nUn chapeau suffisamment long pour être un chapeau de l'article du jour.\n\n"
        "LA RUSSIE ET L'IRAN FACE AUX SANCTIONS\n\nLe texte de la section commence ici et continue "
        "assez longtemps pour être un vrai paragraphe.\n\nJEAN DUPONT / AFP\n"
    )
    df = segments(raw)
    assert kinds(df) == ["title", "lede", "heading", "paragraph", "byline"]
    assert df.loc[4, "rule"] == "byline.name_outlet"


def test_caption_before_title_and_lede() -> None:
    raw = (
        "Vue aérienne du port de Marseille au petit matin (Photo : Jean Martin)\n\n"
        "Marseille veut doubler le trafic de son port\n\n"
        "La métropole a présenté lundi un plan d'investissement de 400 millions d'euros sur dix ans.\n\n"
        "Le plan prévoit notamment l'électrification des quais pour les navires de croisière.\n"
    )
    df = segments(raw)
    assert kinds(df) == ["caption", "title", "lede", "paragraph"]


def test_caption_between_title_and_body_closes_lede() -> None:
    raw = (
        "Marseille veut doubler le trafic de son port\n\n"
        "Vue aérienne du port de Marseille au petit matin. © Jean Martin\n\n"
        "La métropole a présenté lundi un plan d'investissement de 400 millions d'euros sur dix ans.\n"
    )
    df = segments(raw)
    assert kinds(df) == ["title", "caption", "paragraph"]


def test_standalone_photo_credit_is_credit() -> None:
    raw = (
        "Un titre\n\nUn chapeau suffisamment long pour être un chapeau de l'article du jour.\n\n"
        "Crédit photo : Jean Martin\n\nUn paragraphe assez long pour être un vrai paragraphe de prose.\n"
    )
    df = segments(raw)
    assert df.loc[2, "kind"] == "credit"


@pytest.mark.parametrize("page", [ARTICLE, *sorted(PAGES.glob("*.txt"))], ids=lambda p: p.stem)
@pytest.mark.parametrize("include", [{}, {"include_duplicates": True, "include_credits": True}])
def test_counted_spans_are_the_counted_rows(page: Path, include: dict) -> None:
    raw = read(page)
    df = segments(raw, **include)
    spans = counted_spans(raw, **include)
    expected = df.loc[df["counted"], ["start", "end"]].to_numpy(dtype=np.int64)
    assert len(expected) and np.array_equal(spans, expected)
    assert counted_spans("").shape == (0, 2)
