"""Temporal expressions and events: behaviour on French forms, the article, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
import re
import subprocess
import sys

import pandas as pd
import pytest

import analysis
from analysis import timeline as T
from analysis.timeline import intervals, recognise, tagger, tense
from analysis.paths import ARTICLE, ROOT

REF = "2022-11-20"  # a Sunday


def one(text: str, ref=REF) -> pd.Series:
    df = T.timexes(text, ref)
    assert len(df) == 1, df[["text", "value"]].to_dict("records")
    return df.iloc[0]


def values(text: str, ref=REF) -> list[tuple[str, str]]:
    return [(r.text, r.value) for r in T.timexes(text, ref).itertuples()]


@pytest.mark.parametrize(
    "text, span, type_, value",
    [
        ("Il est arrivé le 9 novembre 2022.", "le 9 novembre 2022", "DATE", "2022-11-09"),
        ("Le 9/11/2022, rien.", "Le 9/11/2022", "DATE", "2022-11-09"),
        ("Il est venu le 9 nov. dernier.", "le 9 nov. dernier", "DATE", "2022-11-09"),
        ("En novembre 2022, il pleuvait.", "novembre 2022", "DATE", "2022-11"),
        ("Il est né en 2015.", "2015", "DATE", "2015"),
        ("Le lundi 7 novembre, il a parlé.", "Le lundi 7 novembre", "DATE", "2022-11-07"),
        ("Le 1er mai, ils ont défilé.", "Le 1er mai", "DATE", "2022-05-01"),
        ("L'année 2015 fut dure.", "L'année 2015", "DATE", "2015"),
        ("Dans les années 1990, tout a changé.", "les années 1990", "DATE", "199X"),
        ("Au XXe siècle, la guerre.", "XXe siècle", "DATE", "19XX"),
        ("Hier, il a plu.", "Hier", "DATE", "2022-11-19"),
        ("Avant-hier il a plu.", "Avant-hier", "DATE", "2022-11-18"),
        ("Il viendra demain.", "demain", "DATE", "2022-11-21"),
        ("Le mois dernier, il a signé.", "Le mois dernier", "DATE", "2022-10"),
        ("La semaine dernière il a signé.", "La semaine dernière", "DATE", "2022-W45"),
        ("L’an dernier il a signé.", "L’an dernier", "DATE", "2021"),
        ("L'année prochaine il signera.", "L'année prochaine", "DATE", "2023"),
        ("Il y a deux semaines, il a signé.", "Il y a deux semaines", "DATE", "2022-11-06"),
        ("Il signera dans trois jours.", "dans trois jours", "DATE", "2022-11-23"),
        ("Lundi dernier il a signé.", "Lundi dernier", "DATE", "2022-11-14"),
        ("Lundi, il a signé.", "Lundi", "DATE", "2022-11-14"),
        ("Il viendra ce week-end.", "ce week-end", "DATE", "2022-W46-WE"),
        ("Cette semaine, il a signé.", "Cette semaine", "DATE", "2022-W46"),
        ("Ce mois-ci, il a signé.", "Ce mois-ci", "DATE", "2022-11"),
        ("Cette année, il a signé.", "Cette année", "DATE", "2022"),
        ("Au printemps, il a signé.", "printemps", "DATE", "2022-SP"),
        ("Cet été, il a signé.", "Cet été", "DATE", "2022-SU"),
        ("Il travaille pendant deux semaines.", "deux semaines", "DURATION", "P2W"),
        ("Il a tiré pendant 30,4 secondes.", "30,4 secondes", "DURATION", "PT30.4S"),
        ("Récemment, il a signé.", "Récemment", "TIME", "PAST_REF"),
        ("Jusqu’à présent rien.", "Jusqu’à présent", "TIME", "PRESENT_REF"),
        ("Actuellement il pleut.", "Actuellement", "TIME", "PRESENT_REF"),
        ("Il viendra bientôt.", "bientôt", "TIME", "FUTURE_REF"),
        ("Il vient chaque semaine.", "chaque semaine", "SET", "P1W"),
        ("Il vient tous les jours.", "tous les jours", "SET", "P1D"),
        ("Il vient chaque année.", "chaque année", "SET", "P1Y"),
        ("Rendez-vous à 14 h.", "14 h", "TIME", "2022-11-20T14:00"),
        ("Rendez-vous à 14h30.", "14h30", "TIME", "2022-11-20T14:30"),
        ("Ce matin il a plu.", "Ce matin", "TIME", "2022-11-20TMO"),
        ("Cet après-midi il pleut.", "Cet après-midi", "TIME", "2022-11-20TAF"),
        ("Ce soir il pleut.", "Ce soir", "TIME", "2022-11-20TEV"),
        ("La nuit dernière il a plu.", "La nuit dernière", "TIME", "2022-11-19TNI"),
    ],
)
def test_forms(text, span, type_, value):
    row = one(text)
    assert (row.text, row.type, row.value) == (span, type_, value)
    assert text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    "text, span, mod, begin, end",
    [
        ("Il a signé début novembre.", "début novembre", "START", "2022-11-01", "2022-11-10"),
        ("Il a signé mi-novembre.", "mi-novembre", "MID", "2022-11-11", "2022-11-20"),
        ("Il a signé fin novembre.", "fin novembre", "END", "2022-11-21", "2022-11-30"),
        ("Il partira fin 2022.", "fin 2022", "END", "2022-09-01", "2022-12-31"),
    ],
)
def test_parts_of_periods_narrow_the_interval(text, span, mod, begin, end):
    row = one(text)
    assert (row["text"], row["mod"]) == (span, mod)
    assert (row.begin.isoformat(), row.end_date.isoformat()) == (begin, end)


def test_a_month_alone_is_the_whole_month_and_a_year_the_whole_year():
    row = one("Il a signé en mai.")
    assert row.value == "2022-05"
    assert (row.begin, row.end_date) == (dt.date(2022, 5, 1), dt.date(2022, 5, 31))
    row = one("Il est né en 2015.")
    assert (row.begin, row.end_date) == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))


def test_month_without_year_follows_the_tense():
    # past tense: the latest May on or before the reference; future: the next one
    assert one("L'Iran a ouvert en mai une usine.").value == "2022-05"
    assert one("L'usine ouvrira en mai.").value == "2023-05"
    assert one("L'usine a fermé en décembre.", "2023-02-10").value == "2022-12"


def test_ranges_and_lists_give_one_date_per_day():
    assert values("Ils se sont vus les 9 et 10 novembre.") == [("les 9", "2022-11-09"), ("10 novembre", "2022-11-10")]
    assert values("Le salon a eu lieu du 9 au 12 novembre 2021.") == [
        ("9", "2021-11-09"),
        ("12 novembre 2021", "2021-11-12"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Elle a tiré près de 4 500 missiles.",
        "Le drone Ababil-2 vole.",
        "Il a vu sa mère samedi.",
        "Une femme parle.",
        "Mai Thi a parlé.",
        "Selon Mai, la guerre continue.",
        "Une fillette de 6 ans s'est noyée.",
        "2015 personnes sont venues.",
        "Il a été blessé.",
        "Les Jeux olympiques d'hiver.",
        "L'accord du Vendredi Saint.",
    ],
)
def test_does_not_invent(text):
    found = T.timexes(text, REF)
    assert (
        not found["text"]
        .isin(["4 500", "500", "Ababil-2", "sa", "Une", "Mai", "6 ans", "2015", "été", "hiver", "Vendredi"])
        .any()
    ), found[["text", "value"]].to_dict("records")
    if "samedi" in text:
        assert list(found["text"]) == ["samedi"]
    else:
        assert found.empty, found[["text", "value"]].to_dict("records")


def test_without_reference_date_relative_expressions_stay_unresolved():
    df = T.timexes("Hier, le mois dernier, en mai, lundi, le 9 novembre 2022.")
    rel = df[df["text"] != "le 9 novembre 2022"]
    assert len(rel) == 4
    assert rel["anchor"].eq(T.UNRESOLVED).all()
    assert rel["value"].str.contains("X").all()
    assert rel["begin"].isna().all()
    absolute = df[df["text"] == "le 9 novembre 2022"].iloc[0]
    assert (absolute.value, absolute.anchor) == ("2022-11-09", T.ABSOLUTE)


def test_reference_known_to_the_month_resolves_months_not_days():
    df = T.timexes("Hier, le mois dernier.", "2022-11")
    hier, mois = df.iloc[0], df.iloc[1]
    assert hier.anchor.startswith("unresolved") and "month" in hier.anchor
    assert mois.value == "2022-10"


def test_malformed_reference_date_is_a_clear_error():
    with pytest.raises(T.ReferenceDateError, match="malformed reference date"):
        T.timexes("hier", "20-11-2022")
    with pytest.raises(analysis.ArticleError):
        T.timexes("hier", "2022-02-30")


def test_durations_that_date_something_give_a_derived_start():
    war = one("C'est la guerre de neuf mois.")
    assert (war.value, war.derived, war.anchor) == ("P9M", True, T.DERIVED)
    assert (war.begin, war.end_date) == (dt.date(2022, 2, 20), dt.date(2022, 11, 20))
    eight = one("En huit mois de guerre, la Russie a tiré.")
    assert eight.derived and eight.begin == dt.date(2022, 3, 20)
    since = one("Il est là depuis trois ans.")
    assert since.derived and since.begin == dt.date(2019, 11, 20)
    plain = one("Il a été condamné à dix ans de prison.")
    assert (plain.value, plain.derived) == ("P10Y", False) and plain.begin is None


def test_vague_quantity_in_conditional_clause_is_projected_forward():
    row = one("Cela permettrait de commencer en quelques mois.")
    assert (row.value, row.anchor, row.derived) == ("PXM", T.EXPECTED_SPAN, True)
    assert row.begin == dt.date(2022, 11, 20) and row.end_date > row.begin


def test_article_reference_date_from_metadata_and_offsets():
    art = analysis.load_article(ARTICLE)
    df = T.timexes(art)
    assert (df["sent"] >= 0).all()
    assert all(art.text[s:e] == t for s, e, t in df[["start", "end", "text"]].itertuples(index=False))
    got = set(zip(df["text"], df["value"], df["mod"]))
    assert {
        ("début novembre", "2022-11", "START"),
        ("le 9 novembre", "2022-11-09", ""),
        ("2015", "2015", ""),
        ("mai", "2022-05", ""),
        ("le mois dernier", "2022-10", ""),
        ("neuf mois", "P9M", ""),
        ("huit mois", "P8M", ""),
        ("quelques mois", "PXM", ""),
    } <= got
    assert not df["text"].str.contains("4 500|Ababil").any()


@pytest.fixture(scope="module")
def article_events() -> pd.DataFrame:
    return T.events(analysis.load_article(ARTICLE))


def test_events_of_the_article(article_events):
    ev = article_events
    by_value = {v: g for v, g in ev.groupby("value")}
    assert "accord" in " ".join(by_value["2015"]["label"])
    may = by_value["2022-05"].iloc[0]
    assert "usine" in may.label and "Tadjikistan" in may.label and may.status == "past"
    oct_labels = " ".join(by_value["2022-10"]["label"])
    assert "promis" in oct_labels
    nov = by_value["2022-11"].iloc[0]
    assert nov["mod"] == "START" and "finalisé" in nov.label and nov.mentions == 2
    meeting = by_value["2022-11-09"].iloc[0]
    assert "rencontré" in meeting.label and "Ebrahim Raisi" in meeting.actors
    war = by_value["P9M"].iloc[0]
    assert war.derived and war.begin == dt.date(2022, 2, 20) and "guerre" in war.label
    expected = ev[ev["status"] == "expected"]
    assert len(expected) == 1 and expected.iloc[0].value == "PXM" and "production" in expected.iloc[0].label


def test_duplicate_segments_add_no_event(article_events):
    # the Zelensky quotation is printed twice: only the counted copy gives an event
    assert (article_events["value"] == "P8M").sum() == 1
    tables = analysis.analyse(analysis.load_article(ARTICLE), lemmas=False, stems=False)
    counted = set(tables.segments.loc[tables.segments["counted"], "seg"])
    seg_of = dict(zip(tables.sentences["sent"], tables.sentences["seg"]))
    assert all(seg_of[s] in counted for s in article_events["sent"])


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT)


def test_cli_timeline_json():
    out = run_cli("timeline", str(ARTICLE), "--json", "--date", "2022-11-21")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"timexes", "events"}
    assert {"le mois dernier"} <= {r["text"] for r in data["timexes"]}
    assert any(r["value"] == "2022-11-09" for r in data["events"])


@pytest.mark.parametrize("date", ["2022-13-40", "20221120", "hier"])
def test_cli_timeline_bad_date_is_one_line(date):
    out = run_cli("timeline", str(ARTICLE), "--date", date)
    assert out.returncode == 2
    assert out.stderr.startswith("error:") and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


# --------------------------------------------------------------------------
# The fast paths of timexes() give exactly what the plain ways give
# --------------------------------------------------------------------------


def _fast_path_texts() -> list[tuple[str, object]]:
    """The article, up to 12 TimeBank documents (when present) and the phrases of test_forms, with dates."""
    from analysis.eval.timex import read_timebank
    from analysis.paths import eval_dir

    texts = [(ARTICLE.read_text(encoding="utf-8"), REF)]
    folder = eval_dir() / "timebank"
    if (folder / "Data").is_dir():
        texts += [(d.text, d.dct) for d in read_timebank(folder)[:12]]
    texts.append(("\n".join(t for t, *_ in test_forms.pytestmark[0].args[1]), REF))
    return texts


def test_no_private_module_of_re_and_no_private_name_across_modules():
    """Issue 12: no CPython private module (``re._parser``); no ``_name`` imported from another module."""
    import ast

    folder = Path(recognise.__file__).parent
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("re._") and not (
                    node.module == "re" and any(a.name.startswith("_") for a in node.names)
                ), path.name
                assert not any(a.name.startswith("_") for a in node.names), (path.name, node.module)
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("re._") for a in node.names), path.name
        assert "re._" not in path.read_text(encoding="utf-8").replace("re._parser`", ""), path.name


def _scan(pattern, text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        out.append((m.start(), m.end(), m.lastgroup))
        pos = m.start() + 1
    return out


@pytest.mark.parametrize("ignore_case", [False, True])
def test_the_first_word_lookahead_keeps_every_match_of_the_master_regex(ignore_case):
    fast, plain = recognise.master_pattern(ignore_case), recognise.master_pattern(ignore_case, gated=False)
    assert "(?=" in fast.pattern and len(fast.pattern) > len(plain.pattern)
    for text, _ in _fast_path_texts():
        subject = text if ignore_case else text.lower()
        assert _scan(fast, subject) == _scan(plain, subject)


def test_words_found_once_give_the_words_of_any_slice_and_the_same_tenses():
    import random

    rng = random.Random(4)
    for text, _ in _fast_path_texts():
        words = tense.Words(text)
        for _ in range(300):
            a = rng.randrange(len(text) + 1)
            b = min(len(text), a + rng.randrange(0, 700))
            assert words.between(a, b) == [(m.start() + a, m.group()) for m in tense.WORD_RE.finditer(text[a:b])]
            s = rng.randrange(a, b + 1)
            e = min(b, s + rng.randrange(0, 20))
            # the words of the whole text, sliced, give the tense the slice's own words give
            assert tense.tense_in(words, s, e, a, b) == tense.tense_in(tense.Words(text[a:b]), s - a, e - a, 0, b - a)


def test_sentence_ids_and_table_are_those_of_the_plain_ways():
    import numpy as np

    from analysis.text.tokens import sentences

    for text, ref in _fast_path_texts():
        table = sentences(text)
        assert tagger.sentence_bounds(text) == (table["start"].tolist(), table["end"].tolist())
        fast = T.timexes(text, ref)
        pd.testing.assert_frame_equal(fast, T.timexes(text, ref, sentences=table), check_exact=True)
        # The table as it was built before: from lists, every dtype inferred by pandas.
        rows = tagger.tag_text(*tagger.reference_of(text, ref)[:2])
        if not rows:  # no expression: typed empty columns (test_a_text_without_dates_...), not pandas' float64
            continue
        data = {
            "doc_id": ["doc"] * len(rows),
            "sent": fast["sent"].to_numpy(),
            "start": np.array([r["start"] for r in rows], dtype="int64"),
            "end": np.array([r["end"] for r in rows], dtype="int64"),
        }
        for col in T.TIMEX_COLUMNS[4:]:
            data[col] = [r[col] for r in rows]
        data["derived"] = np.array(data["derived"], dtype=bool)
        plain = pd.DataFrame(data, columns=T.TIMEX_COLUMNS)
        pd.testing.assert_frame_equal(fast, plain, check_exact=True)
        assert list(fast.dtypes) == list(plain.dtypes)
    assert list(T.timexes("Rien.", REF).columns) == T.TIMEX_COLUMNS


def test_tag_returns_the_records_of_timexes():
    from analysis.timeline import tag, timexes

    text = "Le 9 novembre, il a promis. Le mois dernier aussi, et en 2015. Dans trois jours, ce sera fait."
    records = tag(text, "2022-11-20")
    table = timexes(text, "2022-11-20")
    assert [r["value"] for r in records] == table["value"].tolist() == ["2022-11-09", "2022-10", "2015", "2022-11-23"]
    assert [(r["start"], r["end"]) for r in records] == list(zip(table["start"], table["end"], strict=True))
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)


@pytest.mark.parametrize("table", ["timexes", "events"])
def test_a_text_without_dates_gives_the_same_columns_and_dtypes(table):
    make = getattr(T, table)
    empty = make("Bonjour tout le monde. Rien à signaler ici.", reference_date="2022-11-20")
    full = make(
        "Le 3 mars 2021, le ministre a signé un accord. La guerre dure depuis 2020.", reference_date="2022-11-20"
    )
    assert len(empty) == 0 and len(full) == 2 and list(empty.columns) == list(full.columns)
    assert not any(dtype == "float64" for dtype in empty.dtypes)
    for col in full.columns:
        if full[col].dtype.kind in "ib" or pd.api.types.is_string_dtype(full[col].dtype) and full[col].dtype != object:
            assert empty[col].dtype == full[col].dtype, col
    assert (pd.concat([full, empty], ignore_index=True).dtypes == full.dtypes).all()


@pytest.mark.parametrize(
    "text, label",
    [
        ("La Russie et l'Iran ont signé un accord le 3 mars 2021.", "La Russie et l'Iran ont signé un accord"),
        ("Selon lui, Paris et Berlin ont conclu un pacte en 2019.", "Paris et Berlin ont conclu un pacte"),
    ],
)
def test_event_label_keeps_both_coordinated_subjects(text, label):
    assert T.events(text, reference_date="2022-11-20")["label"].tolist() == [label]


# --- the ends of the calendar -------------------------------------------------------------------------

#: Relative expressions of every rule that counts from a date (rule → examples).
RELATIVE = {
    "relative_day": ["hier", "demain", "avant-hier", "après-demain", "hier soir", "demain matin"],
    "this_daypart": ["ce matin", "la nuit dernière", "cet après-midi"],
    "anaphoric_day": ["le lendemain", "la veille", "le surlendemain"],
    "weekday": ["lundi", "lundi dernier", "vendredi prochain", "samedi soir"],
    "ago": ["il y a deux jours", "il y a trois semaines", "il y a deux mois", "il y a 4 500 ans"],
    "in": ["dans deux jours", "dans trois semaines", "dans deux mois", "dans deux ans", "d'ici 10 000 ans"],
    "relative_unit": [
        "la semaine dernière",
        "la semaine prochaine",
        "le week-end dernier",
        "le week-end prochain",
        "le mois dernier",
        "le mois prochain",
        "l'année dernière",
        "l'année prochaine",
        "le trimestre prochain",
        "le semestre dernier",
        "le siècle prochain",
        "le siècle dernier",
        "la décennie prochaine",
        "la décennie précédente",
        "l'été dernier",
        "l'hiver prochain",
    ],
    "season": ["cet hiver", "l'été prochain", "au printemps"],
    "month": [
        "en janvier",
        "en décembre",
        "en janvier prochain",
        "en décembre dernier",
        "début janvier",
        "fin décembre",
        "mi-janvier",
    ],
    "full_date": ["le 5 janvier", "le 30 décembre", "le 5 janvier prochain", "le 29 février"],
    "list_date": ["les 3 et 4 janvier", "les 30 et 31 décembre"],
    "holiday": ["à Noël", "à Pâques", "à la Toussaint"],
    "time": ["à 14 h", "vers 20 h 30 demain", "à 8 h hier"],
    "duration": ["depuis trois ans", "la guerre de neuf mois", "depuis 5 000 ans", "en quelques mois"],
    "vague": ["actuellement", "récemment"],
}
CLAUSES = ["{}.", "Il est venu {}.", "Il viendra {}.", "Il serait venu {}."]


def _check_rows(tx: pd.DataFrame) -> None:
    for r in tx.itertuples(index=False):
        if r.anchor == T.OUTSIDE_CALENDAR:
            assert r.begin is None and r.end_date is None and not r.derived, r
            assert r.value.startswith(("XXXX", "P", "PT")), r
        if r.type in ("DATE", "TIME") and r.begin is not None and not r.value.endswith("_REF"):
            assert T.interval(r.value, r.mod) == (r.begin, r.end_date), r  # the value's own interval
        assert not re.match(r"\d{1,3}-", r.value), r  # years always have four digits


@pytest.mark.parametrize("ref", ["9999-12-31", "0001-01-01", "9999-12-27", "0001-01-06", "9999-12", "0001"])
@pytest.mark.parametrize("rule", list(RELATIVE))
def test_relative_expressions_at_the_ends_of_the_calendar(rule: str, ref: str) -> None:
    """A date past either end of the calendar is unresolved, with the reason, never an exception."""
    for expression in RELATIVE[rule]:
        for clause in CLAUSES:
            text = clause.format(expression)
            tx = T.timexes(text, ref)
            _check_rows(tx)
            T.events(text, ref)


def test_outside_the_calendar_says_so_and_inside_still_resolves() -> None:
    late = T.timexes("Il viendra demain. Il est venu hier. Il y a deux mois.", "9999-12-31")
    assert late["anchor"].tolist() == [T.OUTSIDE_CALENDAR, T.PUBLICATION, T.PUBLICATION]
    assert late["value"].tolist() == ["XXXX-XX-XX", "9999-12-30", "9999-10"]
    early = T.timexes("Il est venu hier. Il viendra la semaine prochaine. Le siècle dernier.", "0001-01-01")
    assert early["anchor"].tolist() == [T.OUTSIDE_CALENDAR, T.PUBLICATION, T.OUTSIDE_CALENDAR]
    assert early["value"].tolist() == ["XXXX-XX-XX", "0001-W02", "XXXX"]
    assert early["begin"].iloc[1] == dt.date(1, 1, 8)
    # the next 29 February after 9999-12-31 is in 10000: outside, not a past one picked instead
    assert one("Il viendra le 29 février.", "9999-12-31")["anchor"] == T.OUTSIDE_CALENDAR


def test_far_durations_with_an_ordinary_reference_date() -> None:
    """'il y a 4 500 ans' from 2022 is 2478 BC: it crashed the tagger; now unresolved, with the reason."""
    row = one("Il y a 4 500 ans, les hommes chassaient.")
    assert row["anchor"] == T.OUTSIDE_CALENDAR and row["begin"] is None
    row = one("La cité est habitée depuis 2 000 ans.")
    assert row["derived"] and row["begin"] == dt.date(22, 11, 20)
    tx = T.timexes("Le 31/12/9999 puis le lendemain.", REF)  # the day after the last day
    assert tx["anchor"].tolist()[-1] == T.OUTSIDE_CALENDAR


def test_day_numbers_are_ordinals_in_and_beyond_the_calendar() -> None:
    import random

    rng = random.Random(3)
    for _ in range(2000):
        d = dt.date.fromordinal(rng.randint(1, dt.date.max.toordinal()))
        assert intervals.day_number(d.year, d.month, d.day) == d.toordinal()
    assert intervals.day_number(10000, 1, 1) == dt.date.max.toordinal() + 1
    assert intervals.day_number(0, 12, 31) == 0


# --- linear in the input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("123 " * 50_000, id="thousands groups that never end"),
        pytest.param("1 et " * 40_000, id="a list of days that never reaches a month"),
        pytest.param("«" * 200_000, id="200 KB of «"),
    ],
)
def test_tagger_is_linear_on_long_runs(text: str) -> None:
    """Each number re-read the rest of the run: 200 KB took about 300 s."""
    from ..linear import within

    with within(60):
        tx = T.timexes(text, REF)
    assert tx.empty


def test_lists_and_thousands_still_read() -> None:
    assert T.timexes("La réunion a eu lieu les 1, 2, 3 et 4 mai.", REF)["value"].tolist() == [
        f"2022-05-0{d}" for d in (1, 2, 3, 4)
    ]
    assert one("pendant 4 500 ans")["value"] == "P4500Y"


def test_many_events_merge_in_linear_time() -> None:
    """Each event was compared with every earlier one."""
    from ..linear import within

    with within(180):
        ev = T.events("mai " * 25_000, REF)
    assert len(ev) == 25_000 and ev["mentions"].eq(1).all()


def test_events_in_a_sentence_longer_than_a_window() -> None:
    from analysis.text import tokens as tok
    from analysis.text.nlp import MAX_CHUNK_TOKENS

    from ..linear import french_without_stops

    text = french_without_stops(60_000)
    art = analysis.Article.from_text(text, meta={"date": REF})
    tables = analysis.analyse(art, lemmas=False, stems=False)
    assert len(tables.sentences) <= 3  # one huge sentence (and maybe a title line)
    ev = T.events(art, REF, tables=tables)
    assert len(ev) > 0
    for r in ev.itertuples(index=False):
        assert text[r.start : r.end] == r.sent_text and r.start <= r.timex_start < r.end
        assert len(tok.tokenize(r.sent_text)) <= MAX_CHUNK_TOKENS
