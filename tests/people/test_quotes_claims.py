"""Claim status of every sentence, and the sourcing audit (GUIDE 6; issue 15's audit)."""

from __future__ import annotations

import json

import pytest

import analysis
from analysis.people import quotes as Q


@pytest.fixture(scope="module")
def article_claims(tables):
    found = Q.quotes(tables.article, tables=tables)
    return found, Q.claims(tables.article, tables=tables, quotes_df=found)


def _status(claims, fragment):
    hit = claims[claims["text"].str.contains(fragment, regex=False)]
    assert len(hit) >= 1, fragment
    return set(hit["status"]), hit.iloc[0]


def test_every_conditional_or_hypothetical_sentence_of_the_article(article_claims, raw_text):
    _, c = article_claims
    assert list(c.columns) == list(Q.CLAIM_COLUMNS)
    assert all(raw_text[s:e] == t for s, e, t in c[["start", "end", "text"]].itertuples(index=False))
    statuses, row = _status(c, "qui permettraient à la production")
    assert statuses == {"conditional"} and row["cue"] == "permettraient"  # the conditionnel journalistique
    statuses, row = _status(c, "Si le nouvel accord est pleinement réalisé")
    assert statuses == {"hypothetical"} and row["cue"] == "Si" and row["source"] == ""
    # a hypothesis inside what Zelensky said is his (attributed), not the article's
    statuses, row = _status(c, "si Israël n’avait pas adopté")
    assert statuses == {"attributed"} and row["source"] == "Volodymyr Zelensky"
    # "pourrait" is the writer's forecast, not a hedge (GUIDE 6.2)
    statuses, _ = _status(c, "Moscou pourrait rapidement reconstituer")
    assert statuses == {"asserted"}
    statuses, row = _status(c, "selon le Washington Post")
    assert statuses == {"attributed"} and row["cue"] in ("selon", "ont déclaré")
    cued = c[c["cue_start"] >= 0]
    assert all(raw_text[s:e] == t for s, e, t in cued[["cue_start", "cue_end", "cue"]].itertuples(index=False))


def test_denied_conditional_hypothetical_on_new_text():
    text = (
        "Titre\n\nLa société a démenti toute fermeture de l'usine. Le ministre aurait quitté Paris hier. "
        "Il a dit qu'il viendrait demain. Si la grève continue, la production baissera. Le ciel est bleu.\n"
    )
    c = Q.claims(text)
    by = dict(zip(c["text"].str[:12], c["status"]))
    assert by["La société a"] == "denied"
    assert by["Le ministre "] == "conditional"
    assert by["Il a dit qu'"] == "attributed"  # the future in the past is no hedge
    assert by["Si la grève "] == "hypothetical"
    assert by["Le ciel est "] == "asserted"


def test_no_attribution_gives_typed_empty_audit():
    art = analysis.Article.from_text("Titre\n\nLe ciel est bleu.\n")
    q = Q.quotes(art)
    out = Q.audit(q, Q.claims(art, quotes_df=q))
    assert set(out) == set(Q.AUDIT_TABLES)
    assert out["gender"].empty and out["outlets"].empty and out["anonymous"].empty
    assert out["claims"]["status"].tolist() == ["asserted"]


def test_audit_of_the_article(article_claims):
    found, c = article_claims
    out = Q.audit(found, c)
    s = out["sourcing"].iloc[0]
    assert s["attributions"] == int(found["counted"].sum()) == s["named"] + s["anonymous"]
    assert s["persons_m"] == 1 and s["persons_f"] == 0  # Zelensky, from "Volodymyr" (nam_dict.txt)
    assert s["conditional"] == 2 and s["claim_rows"] == int(c["counted"].sum())
    outlets = set(out["outlets"]["outlet"])
    assert {"Washington Post", "Eurasia Times"} <= outlets
    classes = dict(zip(out["anonymous"]["source"], out["anonymous"]["class"]))
    assert classes["des responsables iraniens"] == "official" and classes["Washington Post"] == "another outlet"
    stance = out["stance"]
    assert ((stance["speaker"] == "Volodymyr Zelensky") & (stance["stance"] == "warning")).any()
    for name, table in out.items():
        assert table.attrs.get("rule"), name


def test_corpus_audit_by_month():
    import pandas as pd

    q = pd.DataFrame(
        [
            {
                "doc_id": "a",
                "counted": True,
                "named": True,
                "source_type": "person",
                "gender": "f",
                "speaker": "Ada",
                "speaker_text": "Ada",
                "kind": "direct",
                "verb": "dire",
                "stance": "neutral",
            },
            {
                "doc_id": "b",
                "counted": True,
                "named": False,
                "source_type": "unknown",
                "gender": "unknown",
                "speaker": "un témoin",
                "speaker_text": "un témoin",
                "kind": "indirect",
                "verb": "dire",
                "stance": "neutral",
            },
        ]
    )
    meta = pd.DataFrame([{"doc_id": "a", "date": "2012-05-03"}, {"doc_id": "b", "date": "2012-06-01"}])
    out = Q.corpus_audit(q, None, meta, by="month")
    assert out["sourcing"]["part"].tolist() == ["2012-05", "2012-06"]
    assert out["anonymous"].iloc[0]["class"] == "witness"
    with pytest.raises(ValueError, match="--by author"):
        Q.corpus_audit(q, None, meta, by="author")


def test_cli_claims_and_audit(capsys, tmp_path):
    from analysis.app.cli import main

    page = tmp_path / "a.txt"
    page.write_text(
        "Titre\n\nLe ministre a démenti la rumeur. Selon des témoins, la ville serait calme.\n", encoding="utf-8"
    )
    assert main(["claims", str(page), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["claims"]
    assert [r["status"] for r in rows][-2:] == ["denied", "conditional"]
    assert main(["audit", str(page), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"source": "des témoins", "class": "witness"}.items() <= next(
        r for r in out["anonymous"] if r["source"] == "des témoins"
    ).items()


def test_quote_reuse_across_documents_flags_differing_speakers():
    a = analysis.Article.from_text(
        "Titre\n\n« Nous ne céderons jamais devant la menace des drones iraniens », a déclaré Volodymyr Zelensky.\n",
        doc_id="a",
    )
    b = analysis.Article.from_text(
        "Titre\n\n« Nous ne céderons jamais devant la menace des drones iraniens ! », a "
        "affirmé le ministre Dmytro Kouleba.\n",
        doc_id="b",
    )
    c = analysis.Article.from_text(
        "Titre\n\n« Le ciel est bleu au-dessus de la mer ce matin », a dit Paul Durand.\n", doc_id="c"
    )
    import pandas as pd

    reuse = Q.quote_reuse(pd.concat([Q.quotes(x) for x in (a, b, c)], ignore_index=True))
    assert list(reuse.columns) == list(Q.REUSE_COLUMNS)
    assert set(reuse["doc_id"]) == {"a", "b"} and reuse["group"].nunique() == 1
    assert reuse["speakers_differ"].all() and reuse["ratio"].min() >= 0.85
    assert Q.quote_reuse(Q.quotes(c)).empty


def test_a_sentence_is_cut_where_its_clauses_differ():
    text = (
        "Titre\n\nLe ministre a affirmé que l'usine resterait ouverte, mais selon le syndicat, la direction "
        "aurait déjà signé la vente. Face à la grève, le directeur, Paul Martin, a déclaré que rien ne changerait. "
        "S'il pleut, la fête sera annulée.\n"
    )
    c = Q.claims(text)
    first = c[c["sent"] == c.loc[c["text"].str.startswith("Le ministre"), "sent"].iloc[0]]
    assert list(first["status"]) == ["attributed", "conditional"]  # GUIDE 6.1's example
    assert first.iloc[0]["text"].endswith("ouverte,") and first.iloc[1]["text"].startswith("mais selon")
    assert list(first["clause"]) == [0, 1]
    # no clause of its own (a circumstantial phrase, an apposition) stays with the reporting clause (A11)
    frame = c[c["text"].str.contains("Face à la grève", regex=False)]
    assert len(frame) == 1 and frame.iloc[0]["status"] == "attributed" and frame.iloc[0]["text"].endswith("changerait.")
    cond = c[c["text"].str.startswith("S'il pleut")]  # the condition scopes over its main clause
    assert len(cond) == 1 and cond.iloc[0]["status"] == "hypothetical" and cond.iloc[0]["text"].endswith("annulée.")
