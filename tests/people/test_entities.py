"""Entities: corrected mentions with offsets, aliases by general rules, co-occurrence, HTML."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.people import entities as E
from analysis.people import mentions as M


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
    df = pd.DataFrame(
        {
            "start": [0, 20, 40, 60, 80],
            "end": [14, 31, 50, 66, 90],
            "text": ["État hébreu", "Israël", "Hexagone", "Téhéran", "République islamique"],
            "label": ["MISC", "LOC", "MISC", "LOC", "ORG"],
            "counted": [True] * 5,
        }
    )
    out = E.canonicalise(df).set_index("text")
    assert out.loc["État hébreu", "canonical"] == "Israël" and out.loc["État hébreu", "label"] == "LOC"
    assert out.loc["Hexagone", "canonical"] == "Hexagone"  # "France" is not in the text: the name as written
    assert out.loc["Téhéran", "canonical"] == "Téhéran"  # a capital is not its state
    assert out.loc["République islamique", "canonical"] == "République islamique"


def test_alias_rules_are_general():
    df = pd.DataFrame(
        {
            "start": [0, 30, 60, 90, 120, 150, 180],
            "end": [16, 37, 70, 110, 126, 155, 190],
            "text": [
                "Angela Merkel",
                "Merkel",
                "Zelenskiy",
                "Volodymyr Zelenskyy",
                "Fonds monétaire international",
                "FMI",
                "Jean Martin",
            ],
            "label": ["PER", "PER", "PER", "PER", "ORG", "ORG", "PER"],
            "counted": [True] * 7,
        }
    )
    out = E.canonicalise(df).set_index("text")["canonical"]
    assert out["Merkel"] == "Angela Merkel"
    assert out["Zelenskiy"] == "Volodymyr Zelenskyy"
    assert out["FMI"] == "Fonds monétaire international"
    assert out["Jean Martin"] == "Jean Martin"
    # an ambiguous surname (two different full names) is not merged
    amb = E.canonicalise(
        pd.DataFrame(
            {
                "start": [0, 20, 40],
                "end": [10, 30, 45],
                "text": ["Paul Martin", "Anne Martin", "Martin"],
                "label": ["PER"] * 3,
                "counted": [True] * 3,
            }
        )
    )
    assert amb.set_index("text").loc["Martin", "canonical"] == "Martin"


@pytest.mark.parametrize(
    "a, b", [("Zelensky", "Zelenski"), ("Zelenskyy", "Zelenskiy"), ("Zelensky", "Zélensky"), ("Volodymyr", "Wolodymyr")]
)
def test_name_key_transliterations(a, b):
    assert E.name_key(a) == E.name_key(b)


def test_name_key_keeps_different_names_apart():
    assert E.name_key("Poutine") != E.name_key("Patrouchev")


def test_find_mentions_on_sentences():
    text = "Selon le président français Emmanuel Macron, l’Iran a livré des drones à la Russie."
    got = {(text[m.start : m.end], m.label) for m in E.find_mentions(text)}
    assert ("Iran", "LOC") in got and ("Russie", "LOC") in got
    assert any(t == "Emmanuel Macron" and lab == "PER" for t, lab in got)
    text = "Le Washington Post a rapporté que Washington hésite."
    got = {(text[m.start : m.end], m.label) for m in E.find_mentions(text)}
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
    ents = pd.DataFrame(
        {
            "start": [2, 16],
            "end": [6, 22],
            "text": ["Iran", "Russie"],
            "label": ["LOC", "LOC"],
            "canonical": ["Iran", "Russie"],
        }
    )
    quotes = pd.DataFrame({"start": [0], "end": [22], "speaker": ["X"], "kind": ["direct"], "verb": ["dire"]})
    out = E.render_html(text, ents, quotes)
    assert "&lt;et&gt;" in out and out.count("<mark") == 2 and "LOC" in out
    assert out.index("border-bottom") < out.index("<mark")


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Un porte-parole du ministère ukrainien de la Défense a démenti.", "ministère ukrainien de la Défense", "ORG"),
        ("Le ministère de l'Intérieur a publié un communiqué.", "ministère de l'Intérieur", "ORG"),
        ("Des drones Arash ont été livrés, selon Iran International.", "Arash", "MISC"),
        ("Le missile Kalibr a frappé Kiev dans la nuit.", "Kalibr", "MISC"),
    ],
)
def test_institutions_and_products(text, name, label):
    found = {text[m.start : m.end]: m.label for m in E.find_mentions(text)}
    assert found.get(name) == label, found


def test_product_rule_keeps_places_and_people():
    text = "Les avions de Moscou ont survolé Kiev. Le président Vladimir Poutine a salué les pilotes."
    found = {text[m.start : m.end]: m.label for m in E.find_mentions(text)}
    assert found.get("Moscou") == "LOC" and found.get("Vladimir Poutine") == "PER"


# --- long runs, long segments: linear, chunked under spaCy's limit -----------------------------------


def _offsets_exact(found: pd.DataFrame, text: str) -> None:
    assert all(text[s:e] == t for s, e, t in zip(found["start"], found["end"], found["text"]))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("«" * 200_000, id="200 KB of «"),
        pytest.param("«a»" * 70_000, id="«a» repeated"),
        pytest.param("a" * 200_000, id="one letter"),
        pytest.param("'" * 200_000, id="apostrophes"),
        pytest.param("Anti-" * 40_000 + "x", id="one huge hyphenated word"),
        pytest.param("A" + "«" * 60_000, id="a capital, then 60 KB of «"),
    ],
)
def test_long_runs_finish(text: str) -> None:
    """spaCy's tokenizer strips affixes from a run one at a time, rereading the rest each time: 200 KB of «
    did not finish in 300 s. Runs are cut for it, and text with no capital and no digit is not read."""
    from ..linear import within

    with within(120):
        found = E.entities(text)
    _offsets_exact(found, text)


def test_segment_over_spacy_limit_is_read_in_pieces() -> None:
    """A segment over 1,000,000 characters crashed spaCy (E088); it is read in pieces, offsets exact."""
    from ..linear import within

    name = "Le président Emmanuel Macron est arrivé à Paris lundi. "
    text = name + "le chat dort sur le canapé " * 38_000 + ". " + name  # one paragraph
    assert len(text) > 1_000_000 and "\n" not in text
    with within(300):
        found = E.entities(text)
    _offsets_exact(found, text)
    assert found["text"].tolist() == ["Emmanuel Macron", "Paris"] * 2
    assert found["start"].iloc[-1] > 1_000_000


def test_pieces_keep_offsets_and_find_names_in_each(monkeypatch) -> None:
    from analysis.text import nlp

    monkeypatch.setattr(nlp, "MAX_DOC_CHARS", 2_000)
    sentence = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin. "
    text = sentence * 200  # one segment of 12,600 characters: seven pieces at most 2,000 long
    assert len(nlp.model_pieces(text)) >= 7
    found = E.entities(text)
    _offsets_exact(found, text)
    assert (found["text"] == "Berlin").sum() >= 190  # each piece holds whole sentences


def test_model_text_cuts_only_long_runs() -> None:
    from analysis.text.nlp import MAX_RUN_CHARS, model_pieces, model_text

    normal = "l’Iran a livré des drones Shahed-136 (https://example.org/un/long/chemin) à la Russie."
    assert model_text(normal) is normal
    run = "«" * (3 * MAX_RUN_CHARS + 5)
    cut = model_text("x " + run + " y")
    assert len(cut) == len(run) + 4
    assert [i for i, ch in enumerate(cut) if ch == " "] == [
        1,
        2 + MAX_RUN_CHARS,
        2 + 2 * MAX_RUN_CHARS,
        2 + 3 * MAX_RUN_CHARS,
        len(cut) - 2,
    ]
    text = "Une phrase. " * 1000
    pieces = model_pieces(text, max_chars=100)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 100 and p.endswith(". ") is False and p.rstrip().endswith(".") for _, p in pieces[:-1])


@pytest.mark.parametrize(
    "text",
    [
        "les drones russes ont frappé la ville pendant la nuit, selon des témoins.",
        "« c’est une guerre » a-t-il dit ; l’armée dément… (voir plus bas)",
        "aujourd'hui, le ministère de la défense n'a rien dit : rien du tout !",
    ],
)
def test_text_without_capital_or_digit_gives_no_mention(text: str) -> None:
    """Skipping such text is exact: every rule needs a capital or a digit in a mention."""
    from analysis.text.nlp import load

    assert not E.may_hold_mention(text)
    assert E.find_mentions(text, doc=load()(E.model_text(text)[0])) == []
    assert E.may_hold_mention(text + " Paris") and E.may_hold_mention("en 2022") and E.may_hold_mention("Ōsaka")


def test_glued_before_reads_only_the_previous_word() -> None:
    import random

    def reference(norm: str, start: int) -> bool:  # the rule as it was, reading the whole text before
        before = norm[:start].rstrip()
        return before[-1:].isalpha() and before.split()[-1][:1].isupper() and start - len(before) <= 1

    rng = random.Random(7)
    for _ in range(3000):
        norm = "".join(rng.choice("aA É\n\t.-x") for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(norm))
        assert M._glued_before(norm, start) == bool(reference(norm, start)), (norm, start)


def test_many_distinct_names_merge_in_linear_time() -> None:
    """Acronyms were compared with every name, surnames with every full name: quadratic in names."""
    import random
    import string

    from ..linear import within

    rng = random.Random(0)

    def word() -> str:
        return rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=6))

    names = [f"{word()} {word()}" for _ in range(20_000)]
    names += ["".join(rng.choices(string.ascii_uppercase, k=3)) for _ in range(5_000)]
    names += [n.split()[-1] for n in names[:100]]  # surnames of the first names
    df = pd.DataFrame(
        {
            "start": range(0, 10 * len(names), 10),
            "end": range(5, 10 * len(names), 10),
            "text": names,
            "label": "PER",
            "counted": True,
        }
    )
    with within(60):
        out = E.canonicalise(df)
    assert (out["canonical"].iloc[-100:].to_numpy() == out["canonical"].iloc[:100].to_numpy()).all()
