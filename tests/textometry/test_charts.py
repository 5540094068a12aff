"""Textometry charts: built on tiny tables, they return the Axes, carry their French labels, keep labels
apart, and draw the same file twice."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis import textometry as tx  # noqa: E402
from analysis.charts import textometry as charts  # noqa: E402
from analysis.charts.base import style  # noqa: E402

from .helpers import disjoint_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return disjoint_corpus(3, words=12, docs_per_class=6)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _svg(ax) -> bytes:
    buf = io.BytesIO()
    with style():  # the project's fixed SVG hash salt, as save_figure uses
        ax.figure.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def test_specificities_chart(corpus):
    tokens, truth = corpus
    spec = tx.specificities(tokens, partition={d: f"v{v}" for d, v in truth.items()})
    ax = charts.plot_specificities(spec, part="v1", top=5)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 10 and all(label.startswith("b") for label in labels[-5:])  # v1's words on top
    assert ax.get_title(loc="left") == "Spécificités de « v1 »"
    assert "seuil de banalité" in " ".join(_texts(ax)) and "spécificité" in ax.get_xlabel()


def test_progression_and_density_charts(corpus):
    tokens, _ = corpus
    prog = tx.progression(tokens, ["amot1", "bmot2"])
    ax = charts.plot_progression(prog)
    assert ax.get_ylabel() == "occurrences cumulées" and "position dans le corpus" in ax.get_xlabel()
    assert {t.get_text().split(" (")[0] for t in ax.get_legend().get_texts()} == {"amot1", "bmot2"}
    ax = charts.plot_progression(tx.density(prog, window=100))
    assert "pour 1 000 mots" in ax.get_ylabel() and ax.get_title(loc="left") == "Densité"


def test_ca_biplot_labels_do_not_overlap(corpus):
    tokens, _ = corpus
    res = tx.ca(tx.contingency(tokens, top=25))
    ax = charts.plot_ca(res, top_rows=25)
    assert ax.get_xlabel().startswith("axe 1 (") and "% de l'inertie" in ax.get_ylabel()
    texts = ax.texts
    assert {t.get_text() for t in texts} >= set(res.columns["part"])
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    overlaps = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert overlaps == 0
    assert _svg(ax) == _svg(charts.plot_ca(res, top_rows=25))  # deterministic drawing


def test_reinert_dendrogram_with_profiles(corpus):
    tokens, _ = corpus
    res = tx.reinert(tokens, k=3)
    ax = charts.plot_reinert(res, top=5)
    texts = _texts(ax)
    assert sum(t.startswith("classe ") for t in texts) == 3
    assert any("%" in t for t in texts)
    top_terms = res.classes[(res.classes["kind"] == "term") & (res.classes["chi2"] > 0)].groupby("class").head(5)
    assert set(top_terms["term"]) <= set(texts)
    assert "Reinert" in ax.get_title(loc="left")
    assert len(ax.lines) == len(res.tree) == 2  # one elbow per split


def test_similarity_graph(corpus):
    tokens, _ = corpus
    sim = tx.similarity(tokens, top=20)
    ax = charts.plot_similarity(sim)
    assert set(sim.nodes["term"]) <= set(_texts(ax))
    assert ax.get_title(loc="left").startswith("Analyse de similitudes")
    assert _svg(ax) == _svg(charts.plot_similarity(sim))


def test_charts_draw_on_a_given_axes(corpus):
    tokens, _ = corpus
    fig, ax = plt.subplots()
    spec = tx.specificities(tokens)
    assert charts.plot_specificities(spec, ax=ax) is ax
