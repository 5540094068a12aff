"""The textometry commands on a small JSONL corpus, in process: tables, columns, --json, the partition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.app.cli import main

# Each sentence of a topic shares its words with the others (two vocabularies, not four disjoint blocks).
_SPORT = (
    "L'équipe a gagné le match de football au stade. Le joueur de l'équipe a marqué un but pendant le match. "
    "L'entraîneur félicite l'équipe après le match au stade. "
)
_ECO = (
    "La banque centrale relève son taux pour freiner l'inflation du marché. Le marché réagit au taux de la "
    "banque. Les économistes jugent le taux de la banque trop haut pour le marché. "
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tx") / "c.jsonl"
    rows = []
    for i in range(6):
        sport = i % 2 == 0
        rows.append(
            {
                "doc_id": f"d{i}",
                "text": ("Titre\n\n" + (_SPORT if sport else _ECO) * 4),
                "outlet": "Le Sportif" if sport else "L'Économiste",
                "date": f"2022-0{1 + i // 3}-1{i}",
            }
        )
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _json(capsys, *argv) -> dict:
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_specificities_rows_carry_the_lafon_columns(corpus, capsys):
    got = _json(capsys, "specificities", str(corpus), "--partition", "outlet", "--top", "3")
    rows = got["specificities"]
    assert {"term", "part", "f", "F", "t", "T", "score"} <= set(rows[0])
    assert {r["part"] for r in rows} == {"Le Sportif", "L'Économiste"}
    top_sport = max((r for r in rows if r["part"] == "Le Sportif"), key=lambda r: r["score"])
    assert top_sport["term"] in {"équipe", "match", "joueur", "but", "stade", "football", "supporter", "entraîneur"}
    assert top_sport["f"] == top_sport["F"] and top_sport["score"] > 2
    assert got["errors"] == []


def test_specificities_by_month(corpus, capsys):
    rows = _json(capsys, "specificities", str(corpus), "--partition", "date:month", "--by", "form")["specificities"]
    assert {r["part"] for r in rows} == {"2022-01", "2022-02"}


def test_ca_prints_its_four_tables_and_the_ward_clusters(corpus, capsys):
    got = _json(capsys, "ca", str(corpus), "--top", "20", "--clusters", "2")
    assert list(got)[:4] == ["contingency", "eigenvalues", "terms", "parts"]
    assert {"term", "part", "count"} == set(got["contingency"][0])
    assert {"dim", "eigenvalue", "share"} <= set(got["eigenvalues"][0])
    assert {"term", "dim1", "ctr1", "cos2_1"} <= set(got["terms"][0])
    clusters = {r["part"]: r["cluster"] for r in got["clusters"]}
    # the two vocabularies are the two clusters of documents
    assert clusters["d0"] == clusters["d2"] == clusters["d4"] != clusters["d1"] == clusters["d3"] == clusters["d5"]


def test_reinert_segments_and_classes(corpus, capsys):
    got = _json(capsys, "reinert", str(corpus), "--classes", "2", "--size", "15", "--min-freq", "2")
    segs = got["segments"]
    assert {"doc_id", "segment", "start", "end", "class"} <= set(segs[0])
    by_doc = {}
    for s in segs:
        by_doc.setdefault(s["doc_id"], set()).add(s["class"])
    sport = set().union(*(by_doc[d] for d in ("d0", "d2", "d4"))) - {0}
    eco = set().union(*(by_doc[d] for d in ("d1", "d3", "d5"))) - {0}
    assert len(sport) == len(eco) == 1 and sport != eco
    assert {"class", "size", "term", "chi2", "p", "frequency"} <= set(got["classes"][0])


def test_progression_and_similarity(corpus, capsys):
    got = _json(capsys, "progression", str(corpus), "match", "banque", "--density")
    prog = got["progression"]
    assert {r["term"] for r in prog} == {"match", "banque"}
    # three a paragraph, four paragraphs, three documents
    assert max(r["count"] for r in prog if r["term"] == "match") == 3 * 4 * 3
    assert got["density"]
    sim = _json(capsys, "similarity", str(corpus), "--top", "10", "--size", "15", "--min-freq", "2")
    community = {r["term"]: r["community"] for r in sim["nodes"]}
    assert community["match"] == community["équipe"] != community["banque"] == community["taux"]
    # two vocabularies that never share a segment: a spanning forest of two trees
    assert len(sim["edges"]) == len(sim["nodes"]) - 2


def test_a_partition_field_that_does_not_exist_is_one_line(corpus, capsys):
    assert main(["specificities", str(corpus), "--partition", "rubrique"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "partition field 'rubrique' does not exist" in err[0]


def test_a_europresse_export_is_a_corpus_partitioned_by_outlet_or_section(capsys):
    export = Path(__file__).resolve().parents[1] / "fixtures" / "europresse" / "export_rdp.html"
    got = _json(capsys, "specificities", str(export), "--partition", "outlet", "--by", "form", "--min-f", "1")
    assert {r["part"] for r in got["specificities"]} == {"La Gazette du Val", "Le Courrier des Plaines"}
    assert [e["outcome"] for e in got["errors"]] == ["skipped"]  # the article without text, said
    got = _json(capsys, "specificities", str(export), "--partition", "section", "--by", "form", "--min-f", "1")
    assert {r["part"] for r in got["specificities"]} == {"Économie", "(sans section)"}


def test_export_to_iramuteq_and_back(tmp_path, corpus, capsys):
    out = tmp_path / "c.txt"
    got = _json(capsys, "export", str(corpus), str(out), "--variables", "outlet", "date")
    assert len(got["written"]) == 6 and out.read_text(encoding="utf-8").startswith("**** *doc_d0 *outlet_Le_Sportif")
    rows = _json(capsys, "specificities", str(out), "--partition", "outlet", "--top", "2")["specificities"]
    assert {r["part"] for r in rows} == {"Le Sportif", "L'Économiste"}


def test_query_prints_kwic_rows_with_raw_offsets_the_same_on_dask(corpus, capsys):
    rows = _json(capsys, "query", str(corpus), '[lemma="match"] [pos="ADP"]? [lemma="football"]')["kwic"]
    assert len(rows) == 3 * 4 and {r["node"] for r in rows} == {"match de football"}
    texts = {json.loads(line)["doc_id"]: json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()}
    assert all(texts[r["doc_id"]][r["start"] : r["end"]] == r["node"] for r in rows)
    on_dask = _json(
        capsys, "query", str(corpus), '[lemma="match"] [pos="ADP"]? [lemma="football"]', "--scheduler", "processes"
    )["kwic"]
    assert on_dask == rows


def test_a_query_that_does_not_parse_is_one_line_before_any_analysis(capsys, corpus):
    assert main(["query", str(corpus), '[lemma="drone" [pos="ADJ"]']) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "error: query '[lemma=\"drone\" [pos=\"ADJ\"]' does not parse: position 16: expected ']' to close "
        "the token, found '['"
    ]


def test_a_user_mapping_is_a_partition_and_ca_projects_supplementary_parts(corpus, capsys, tmp_path):
    mapping = tmp_path / "parts.tsv"
    rows = "".join(f"d{i}\t{'début' if i < 3 else 'fin'}\n" for i in range(6))
    mapping.write_text("doc_id\tpart\n" + rows, encoding="utf-8")
    rows = _json(capsys, "specificities", str(corpus), "--mapping", str(mapping), "--top", "2")["specificities"]
    assert {r["part"] for r in rows} == {"début", "fin"}
    got = _json(capsys, "ca", str(corpus), "--top", "20", "--sup-parts", "d5")
    parts = {r["part"]: r["supplementary"] for r in got["parts"]}
    assert parts["d5"] is True and sum(parts.values()) == 1 and len(parts) == 6


def test_a_mapping_without_a_part_column_is_one_line(corpus, capsys, tmp_path):
    mapping = tmp_path / "parts.csv"
    mapping.write_text("doc_id,groupe\nd0,a\n", encoding="utf-8")
    assert main(["specificities", str(corpus), "--mapping", str(mapping)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no 'part' column" in err[0]
