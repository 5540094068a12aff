"""The charts of the sourcing audit, on tiny audit tables: the Axes returned, French labels, every class shown."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from analysis import charts  # noqa: E402
from analysis.corpus.sourcing import suggest_part  # noqa: E402
from analysis.people.audit import corpus_audit  # noqa: E402


def _row(
    doc_id,
    speaker,
    *,
    named=True,
    source_type="person",
    gender="unknown",
    kind="direct",
    verb="dire",
    stance="neutral",
    speaker_text=None,
):
    return {
        "doc_id": doc_id,
        "counted": True,
        "named": named,
        "source_type": source_type,
        "gender": gender,
        "speaker": speaker,
        "speaker_text": speaker_text or speaker,
        "kind": kind,
        "verb": verb,
        "stance": stance,
    }


@pytest.fixture(scope="module")
def audit():
    quotes = pd.DataFrame(
        [
            _row("a", "Ada Lovelace", gender="f", stance="emphatic"),
            _row("a", "un témoin", named=False, source_type="unknown", kind="indirect"),
            _row("b", "Washington Post", source_type="media", kind="according-to", verb="selon", stance=""),
            _row("b", "Paul Durand", gender="m", verb="nier", stance="denial"),
            _row("c", "Claude Martin"),
            _row(
                "c", "des responsables iraniens", named=False, source_type="unknown", verb="avertir", stance="warning"
            ),
            _row("c", "AFP", source_type="media", verb="rapporter", stance="neutral"),
        ]
    )
    claims = pd.DataFrame(
        [
            {"doc_id": d, "counted": True, "status": s}
            for d, s in [
                ("a", "asserted"),
                ("a", "conditional"),
                ("b", "attributed"),
                ("b", "asserted"),
                ("c", "conditional"),
                ("c", "conditional"),
                ("c", "asserted"),
                ("c", "denied"),
            ]
        ]
    )
    meta = pd.DataFrame(
        [
            {"doc_id": "a", "outlet": "", "date": "2012-07-03"},
            {"doc_id": "b", "outlet": "", "date": "2012-05-20"},
            {"doc_id": "c", "outlet": "", "date": "2012-07-30"},
        ]
    )
    return corpus_audit(quotes, claims, meta, by="month")


def _labels(ax: Axes) -> str:
    parts = [ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
    parts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels() + ax.texts]
    legend = ax.get_legend()
    if legend is not None:
        parts += [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    return "\n".join(p for p in parts if p)


CASES = {  # chart -> (table, options, labels it must show)
    "named_anonymous": (
        charts.plot_named_anonymous,
        "sourcing",
        {},
        ["mai 2012", "juil. 2012", "source anonyme ou vague", "60 % nommées", "100 % nommées"],
    ),
    "anonymous_types": (
        charts.plot_anonymous_types,
        "anonymous",
        {},
        ["témoins, habitants", "un ou des responsables", "un autre média, nommé", "« Washington Post »"],
    ),
    "gender_balance": (charts.plot_gender_balance, "gender", {}, ["femme (1)", "homme (1)", "inconnu (1)"]),
    "stance": (
        charts.plot_stance,
        "stance",
        {},
        ["Ada Lovelace", "démenti (nier, démentir)", "neutre (dire, déclarer)"],
    ),
    "conditional_share": (charts.plot_conditional_share, "sourcing", {}, ["0 % (0 sur 2)", "50 % (3 sur 6)"]),
    "provenance": (charts.plot_provenance, "outlets", {}, ["Washington Post", "AFP", "mai 2012", "juil. 2012"]),
    "provenance_docs": (charts.plot_provenance, "outlets", {"by": "doc_id"}, ["b", "c", "document"]),
}


@pytest.mark.parametrize("name", CASES)
def test_an_audit_chart_returns_its_axes_and_its_french_labels(audit, name):
    func, table, options, expected = CASES[name]
    fig, given = plt.subplots()
    try:
        ax = func(audit[table], ax=given, **options)
        assert ax is given
        assert ax.get_title(loc="left")
        labels = _labels(ax)
        for label in expected:
            assert label in labels, f"{name}: {label!r} not in {labels!r}"
    finally:
        plt.close(fig)


def test_months_are_in_calendar_order_whatever_the_tables_order(audit):
    assert audit["sourcing"]["part"].tolist() == ["2012-07", "2012-05"]  # the documents' order
    ax = charts.plot_named_anonymous(audit["sourcing"])
    try:
        at = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
        assert [at[y] for y in sorted(at, reverse=True)] == ["mai 2012", "juil. 2012"]  # May at the top
    finally:
        plt.close(ax.figure)


def test_unknown_gender_is_shown_even_when_nobody_is_unknown():
    gender = pd.DataFrame([{"part": "article", "gender": "m", "speakers": 2, "attributions": 3}])
    ax = charts.plot_gender_balance(gender, value="attributions")
    try:
        assert "inconnu (0)" in _labels(ax) and "femme (0)" in _labels(ax)
        assert ax.get_xlabel() == "attributions à des personnes nommées"
    finally:
        plt.close(ax.figure)
    with pytest.raises(ValueError, match="value="):
        charts.plot_gender_balance(gender, value="share")


@pytest.mark.parametrize(
    "func, table",
    [
        (charts.plot_named_anonymous, "sourcing"),
        (charts.plot_anonymous_types, "anonymous"),
        (charts.plot_gender_balance, "gender"),
        (charts.plot_stance, "stance"),
        (charts.plot_conditional_share, "sourcing"),
        (charts.plot_provenance, "outlets"),
    ],
)
def test_an_empty_audit_says_so_instead_of_drawing_nothing(audit, func, table):
    empty = audit[table].iloc[0:0]
    ax = func(empty)
    try:
        assert ax.get_title(loc="left") and any(t.get_text().startswith("aucun") for t in ax.texts)
    finally:
        plt.close(ax.figure)


def test_the_provenance_graph_is_the_same_whatever_the_row_order(audit):
    a = charts.plot_provenance(audit["outlets"])
    b = charts.plot_provenance(audit["outlets"].iloc[::-1])
    try:
        offsets = [[c.get_offsets().tolist() for c in ax.collections] for ax in (a, b)]
        assert offsets[0] == offsets[1]
    finally:
        plt.close(a.figure)
        plt.close(b.figure)
    with pytest.raises(ValueError, match="by="):
        charts.plot_provenance(audit["outlets"], by="outlet")


def test_part_labels_and_the_part_a_corpus_suggests():
    assert charts.part_label("2012-07") == "juil. 2012" and charts.part_label("unknown") == "inconnu"
    assert charts.part_label("2012-13") == "2012-13" and charts.part_label("Le Monde") == "Le Monde"
    dated = pd.DataFrame({"doc_id": ["a", "b"], "outlet": [None, None], "date": ["2012-05-01", "2012-06-01"]})
    assert suggest_part(dated)[0] == "month"
    assert suggest_part(dated.assign(outlet=["Le Monde", "Libération"]))[0] == "outlet"
    assert suggest_part(dated.assign(date=["2012-05-01", None]))[0] == "doc_id"
