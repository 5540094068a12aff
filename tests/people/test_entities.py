"""Entities: corrected mentions with offsets, aliases by general rules, co-occurrence, HTML."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.people import entities as E


@pytest.fixture(scope="session")
def mentions(tables):
    return E.entities(tables.article, tables=tables)


def test_offsets_and_columns(mentions, raw_text):
    assert list(mentions.columns) == list(E.MENTION_COLUMNS)
    assert len(mentions) > 30
    assert all(raw_text[s:e] == t for s, e, t in mentions[["start", "end", "text"]].itertuples(index=False))
    assert set(mentions["label"]) <= set(E.LABELS)


def test_no_elisions_stray_words_or_trailing_punctuation(mentions):
    texts = set(mentions["text"])
    for bad in ("S’", "L’", "Alors", "Cependant", "médias", "Enhardi", "Former"):
        assert bad not in texts
    assert not any(t[:2].lower() in ("l’", "l'", "d’", "d'") for t in texts)
    assert not any(t[-1] in ".,;: " for t in texts)


def test_nothing_from_boilerplate_or_byline(mentions, tables):
    segs = tables.segments.set_index("seg")
    kinds = set(segs.loc[mentions["seg"], "kind"])
    assert kinds.isdisjoint({"boilerplate", "credit", "byline"})
    assert not mentions["text"].str.contains("MEITAV|JPOST|Akismet|Commentaires").any()


def test_duplicates_flagged_not_counted(mentions, tables):
    dup = tables.segments.loc[tables.segments["duplicate_of"].notna(), "seg"]
    in_dup = mentions["seg"].isin(dup)
    assert in_dup.any() and not mentions.loc[in_dup, "counted"].any()
    assert mentions.loc[~in_dup, "counted"].all()


def test_boundaries(mentions):
    texts = set(mentions["text"])
    assert "Vladimir Poutine" in texts and "Vladimir" not in texts
    assert "Tel-Aviv" in texts and "Iran" in texts
    row = mentions[mentions["text"] == "Tel-Aviv"].iloc[0]
    assert row["label"] == "LOC"


def test_aliases_merged(mentions):
    canon = dict(zip(mentions["text"], mentions["canonical"]))
    assert canon["Zelensky"] == canon["Volodymyr Zelenski"] == canon["Volodymyr Zelensky"]
    assert canon["OCS"] == "Organisation de coopération de Shanghai"
    assert canon["Ebrahim Raisi"] == "Ebrahim Raisi"
    lab = mentions.groupby("canonical")["label"].first()
    assert lab["Volodymyr Zelensky"] == "PER"  # one mention was LOC for the model
    assert lab["Washington Post"] == "ORG" and lab["Iran"] == "LOC" and lab["Moscou"] == "LOC"
    assert canon["République islamique"] == "Iran"  # a periphrasis of the gazetteer's row


def test_periphrases_of_a_state_are_the_state():
    df = pd.DataFrame({"start": [0, 20, 40, 60, 80], "end": [14, 31, 50, 66, 90],
                       "text": ["État hébreu", "Israël", "Hexagone", "Téhéran", "République islamique"],
                       "label": ["MISC", "LOC", "MISC", "LOC", "ORG"], "counted": [True] * 5})
    out = E.canonicalise(df).set_index("text")
    assert out.loc["État hébreu", "canonical"] == "Israël" and out.loc["État hébreu", "label"] == "LOC"
    assert out.loc["Hexagone", "canonical"] == "Hexagone"  # "France" is not in the text: the name as written
    assert out.loc["Téhéran", "canonical"] == "Téhéran"  # a capital is not its state
    assert out.loc["République islamique", "canonical"] == "République islamique"


def test_alias_rules_are_general():
    df = pd.DataFrame({
        "start": [0, 30, 60, 90, 120, 150, 180],
        "end": [16, 37, 70, 110, 126, 155, 190],
        "text": ["Angela Merkel", "Merkel", "Zelenskiy", "Volodymyr Zelenskyy", "Fonds monétaire international",
                 "FMI", "Jean Martin"],
        "label": ["PER", "PER", "PER", "PER", "ORG", "ORG", "PER"],
        "counted": [True] * 7,
    })
    out = E.canonicalise(df).set_index("text")["canonical"]
    assert out["Merkel"] == "Angela Merkel"
    assert out["Zelenskiy"] == "Volodymyr Zelenskyy"
    assert out["FMI"] == "Fonds monétaire international"
    assert out["Jean Martin"] == "Jean Martin"
    # an ambiguous surname (two different full names) is not merged
    amb = E.canonicalise(pd.DataFrame({"start": [0, 20, 40], "end": [10, 30, 45],
                                       "text": ["Paul Martin", "Anne Martin", "Martin"],
                                       "label": ["PER"] * 3, "counted": [True] * 3}))
    assert amb.set_index("text").loc["Martin", "canonical"] == "Martin"


@pytest.mark.parametrize("a, b", [("Zelensky", "Zelenski"), ("Zelenskyy", "Zelenskiy"), ("Zelensky", "Zélensky"),
                                  ("Volodymyr", "Wolodymyr")])
def test_name_key_transliterations(a, b):
    assert E.name_key(a) == E.name_key(b)


def test_name_key_keeps_different_names_apart():
    assert E.name_key("Poutine") != E.name_key("Patrouchev")


def test_find_mentions_on_sentences():
    text = "Selon le président français Emmanuel Macron, l’Iran a livré des drones à la Russie."
    got = {(text[m.start:m.end], m.label) for m in E.find_mentions(text)}
    assert ("Iran", "LOC") in got and ("Russie", "LOC") in got
    assert any(t == "Emmanuel Macron" and lab == "PER" for t, lab in got)
    text = "Le Washington Post a rapporté que Washington hésite."
    got = {(text[m.start:m.end], m.label) for m in E.find_mentions(text)}
    assert ("Washington", "LOC") in got and not any(t == "Washington" and lab != "LOC" for t, lab in got)
    assert any(t.endswith("Washington Post") for t, _ in got)


def test_summary(mentions):
    summ = E.summary(mentions)
    assert list(summ.columns) == ["canonical", "label", "mentions", "mentions_all", "variants", "first"]
    z = summ.set_index("canonical").loc["Volodymyr Zelensky"]
    assert z["mentions"] == 4 and z["mentions_all"] == 5 and "Zelenski" in z["variants"]
    assert summ["mentions"].is_monotonic_decreasing
    first = mentions.groupby("canonical")["start"].min()
    assert (summ.set_index("canonical")["first"] == first.loc[summ["canonical"]]).all()
    assert summ.attrs["rule"]


def test_cooccurrence(mentions):
    edges = E.cooccurrence_edges(mentions, window=1)
    assert (edges["source"] < edges["target"]).all()
    pair = edges[(edges["source"] == "Iran") & (edges["target"] == "Russie")]
    assert len(pair) == 1 and pair["weight"].iloc[0] >= 3
    wide = E.cooccurrence_edges(mentions, window=3)
    assert wide["weight"].sum() > edges["weight"].sum()
    g = E.cooccurrence_graph(mentions)
    assert g["Iran"]["Russie"]["weight"] == pair["weight"].iloc[0]
    assert g.nodes["Iran"]["label"] == "LOC" and g.nodes["Iran"]["mentions"] >= 10
    with pytest.raises(ValueError):
        E.cooccurrence_edges(mentions, window=0)


def test_render_html_escapes_and_highlights():
    text = "L’Iran <et> la Russie"
    ents = pd.DataFrame({"start": [2, 16], "end": [6, 22], "text": ["Iran", "Russie"], "label": ["LOC", "LOC"],
                         "canonical": ["Iran", "Russie"]})
    quotes = pd.DataFrame({"start": [0], "end": [22], "speaker": ["X"], "kind": ["direct"], "verb": ["dire"]})
    out = E.render_html(text, ents, quotes)
    assert "&lt;et&gt;" in out and out.count("<mark") == 2 and "LOC" in out
    assert out.index("border-bottom") < out.index("<mark")


@pytest.mark.parametrize("text, name, label", [
    ("Un porte-parole du ministère ukrainien de la Défense a démenti.", "ministère ukrainien de la Défense", "ORG"),
    ("Le ministère de l'Intérieur a publié un communiqué.", "ministère de l'Intérieur", "ORG"),
    ("Des drones Arash ont été livrés, selon Iran International.", "Arash", "MISC"),
    ("Le missile Kalibr a frappé Kiev dans la nuit.", "Kalibr", "MISC"),
])
def test_institutions_and_products(text, name, label):
    found = {text[m.start:m.end]: m.label for m in E.find_mentions(text)}
    assert found.get(name) == label, found


def test_product_rule_keeps_places_and_people():
    text = "Les avions de Moscou ont survolé Kiev. Le président Vladimir Poutine a salué les pilotes."
    found = {text[m.start:m.end]: m.label for m in E.find_mentions(text)}
    assert found.get("Moscou") == "LOC" and found.get("Vladimir Poutine") == "PER"
