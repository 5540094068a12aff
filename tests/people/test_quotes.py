"""Quotes and sources: direct, indirect and according-to rows with speakers, counted once."""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q
from analysis.people.entities import entities


@pytest.fixture(scope="session")
def found(tables):
    return Q.quotes(tables.article, tables=tables, mentions=entities(tables.article, tables=tables))


def _rows(found, **where):
    out = found
    for k, v in where.items():
        out = out[out[k] == v]
    return out


def test_columns_and_offsets(found, raw_text):
    assert list(found.columns) == list(Q.COLUMNS)
    assert all(raw_text[s:e] == t for s, e, t in found[["start", "end", "text"]].itertuples(index=False))
    assert set(found["kind"]) == {"direct", "indirect", "according-to"}
    spoken = found[found["speaker_start"] >= 0]
    assert len(spoken) >= len(found) - 1  # only the reprinted quotation has no mention of its own
    assert all(
        raw_text[s:e] == t
        for s, e, t in spoken[["speaker_start", "speaker_end", "speaker_text"]].itertuples(index=False)
    )
    cued = found[found["cue_start"] >= 0]
    assert all(
        raw_text[s:e].split()[-1].startswith(("déclar", "rapport", "promi", "promet", "affirm", "avert", "selon"))
        or raw_text[s:e].lower() == "selon"
        for s, e in zip(cued["cue_start"], cued["cue_end"])
    )
    assert set(found["resolution"]) <= {"name", "pronoun", "role", "previous", "none"}


def raw_text_around(r):
    from analysis.paths import ARTICLE

    raw = ARTICLE.read_text(encoding="utf-8")
    return raw[r["start"] - 1], raw[r["end"]]


def test_direct_quote_with_inverted_verb(found):
    d = _rows(found, kind="direct", counted=True)
    assert len(d) == 1
    r = d.iloc[0]
    assert r["speaker"] == "Volodymyr Zelensky" and r["verb"] == "déclarer" and r["named"]
    # the content is inside the marks (GUIDE 3.2), the marks just outside it
    assert r["text"].strip().startswith("En huit mois") and raw_text_around(r) == ("«", "»")


def test_duplicate_quote_counted_once(found):
    d = _rows(found, kind="direct")
    assert len(d) == 2 and d["counted"].sum() == 1
    dup = d[~d["counted"]].iloc[0]
    assert dup["speaker"] == "Volodymyr Zelensky" and dup["verb"] == "" and dup["resolution"] == "previous"
    src = Q.sources(found).set_index("speaker")
    assert src.loc["Volodymyr Zelensky", "direct"] == 1


def test_scare_quotes_are_not_speech(found):
    assert not found["text"].str.contains("drones kamikazes|ingérences occidentales»$").any()
    assert not (found["kind"].eq("direct") & found["text"].str.contains("kamikazes")).any()


def test_indirect_speech(found):
    ind = _rows(found, kind="indirect")
    verbs = dict(zip(ind["text"].str[:20], zip(ind["speaker"], ind["verb"])))
    assert ("Volodymyr Zelensky", "avertir") in verbs.values()
    assert ("Volodymyr Zelensky", "déclarer") in verbs.values()
    assert any(v == "affirmer" for _, v in verbs.values())
    z = ind[ind["verb"] == "avertir"].iloc[0]
    assert z["text"].startswith("Téhéran soutenait")


def test_attributions(found):
    acc = _rows(found, kind="according-to")
    speakers = set(acc["speaker"])
    assert {"Washington Post", "Eurasia Times", "Iran International", "des responsables iraniens"} <= speakers
    assert set(acc["verb"]) == {"selon"}
    named = dict(zip(found["speaker"], found["named"]))
    assert named["Washington Post"] and not named["des responsables iraniens"] and not named["les responsables"]
    wp = found[found["speaker"] == "Washington Post"]
    assert set(wp["verb"]) == {"rapporter", "selon"}  # "a rapporté le Washington Post" and "selon le Washington Post"
    # an incise closing a clause (GUIDE 2): ", ont déclaré les responsables" is a reported clause, its
    # noun phrase the inverted subject
    claim = found[found["speaker"] == "les responsables"].iloc[0]
    assert claim["verb"] == "déclarer" and claim["kind"] == "indirect" and claim["text"].startswith("Cependant")
    assert claim["resolution"] == "role" and claim["gender"] == "unknown"


def test_general_rules_on_new_text():
    text = (
        "Titre de test sur la diplomatie\n\n"
        "« Nous ne céderons pas », a affirmé Angela Merkel devant la presse à Berlin ce matin.\n\n"
        "Le ministre a ajouté qu’il fallait attendre, selon des sources diplomatiques.\n\n"
        "La Commission européenne estime que le plan est viable, a indiqué le quotidien Le Monde.\n"
    )
    art = analysis.Article.from_text(text)
    q = Q.quotes(art)
    d = q[q["kind"] == "direct"].iloc[0]
    assert d["speaker"] == "Angela Merkel" and d["verb"] == "affirmer" and d["named"]
    assert ((q["kind"] == "according-to") & (q["speaker"] == "des sources diplomatiques") & ~q["named"]).any()
    assert ((q["kind"] == "indirect") & (q["verb"] == "ajouter")).any()


def test_sources_summary(found):
    src = Q.sources(found)
    assert list(src.columns) == list(Q.SOURCE_COLUMNS)
    assert src["claims"].is_monotonic_decreasing
    top = src[src["claims"] == src["claims"].max()]
    assert set(top["speaker"]) == {
        "Volodymyr Zelensky",
        "Iran",
    }  # Iran: promet, a promis, "La République islamique" affirme
    assert (src["claims"] == src["direct"] + src["indirect"] + src["mixed"] + src["according_to"]).all()
    z = src.set_index("speaker").loc["Volodymyr Zelensky"]
    # "Le président ukrainien" is a masculine role noun, no cue (GUIDE 5); "Volodymyr" is male in its
    # naming tradition (nam_dict.txt, Ukraine; not among the first names given in France)
    assert z["gender"] == "m" and z["resolution"] == "name"
    assert src["named"].any() and (~src["named"]).any()
    assert src["claims"].sum() == int(found["counted"].sum())


# --- long segments and sentences: linear, read in windows ------------------------------------------


def test_many_quotations_in_one_segment_in_linear_time() -> None:
    """Each quotation walked its sentence and the segment's tokens again: «a» repeated took minutes."""
    from ..linear import within

    line = "« Nous ne céderons pas », a déclaré le ministre. "
    text = line * 2_000  # one line, one segment, 2,000 quotations
    with within(180):
        found = Q.quotes(text)
    direct = found[found["kind"] == "direct"]
    assert len(direct) == 2_000
    assert all(text[s:e] == " Nous ne céderons pas " for s, e in zip(direct["start"], direct["end"]))
    with within(180):
        assert Q.quotes("«a»" * 60_000).empty  # 180 KB: about 300 s before


def test_a_sentence_longer_than_a_window_is_read_in_windows() -> None:
    from analysis.text import tokens as tok
    from analysis.people.detection import MAX_WINDOW_TOKENS

    text = "le ministre a déclaré que les prix montent " * 1_500  # one sentence of 10,500 tokens
    tables = analysis.analyse(text)
    assert tables.sentences.shape[0] == 1
    found = Q.quotes(tables.article, tables=tables)
    assert len(found) > 1_000 and (found["kind"] == "indirect").all()
    for s, e in zip(found["start"], found["end"]):
        assert len(tok.tokenize(text[s:e])) <= MAX_WINDOW_TOKENS


def test_windows_cut_runs_of_a_sentence() -> None:
    from analysis.people.detection import windows

    assert windows([0, 0, 0, 1, 1, 2], 2) == ([0, 0, 2, 3, 3, 5], [2, 2, 3, 5, 5, 6])
    assert windows([], 5) == ([], [])
