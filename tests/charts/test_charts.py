"""Charts: no float noise reaches a file, ties drawn in the term's order, French labels, a layout exact to the bit."""

from __future__ import annotations

import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import charts  # noqa: E402
from analysis.charts.layout import stress_layout  # noqa: E402

ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# A small graph with a dense core, a chain and a node left alone: its layout, to the last digit.
NODES = ["Iran", "Russie", "Moscou", "Téhéran", "Ukraine", "Zelensky", "Patrushev", "Raisi", "OCS", "Samarcande"]
EDGES = [
    ("Iran", "Russie"),
    ("Iran", "Moscou"),
    ("Iran", "Téhéran"),
    ("Russie", "Moscou"),
    ("Russie", "Ukraine"),
    ("Ukraine", "Zelensky"),
    ("Zelensky", "Russie"),
    ("Moscou", "Patrushev"),
    ("Patrushev", "Raisi"),
    ("Raisi", "OCS"),
]
#: Computed with pure Python arithmetic (IEEE 754 + - * / and sqrt, exactly rounded): every machine gives these.
EXPECTED_LAYOUT = {
    "Iran": (0.1401, -0.7134),
    "Russie": (-0.1133, -0.5396),
    "Moscou": (0.1711, -0.4143),
    "Téhéran": (0.2581, -1.0),
    "Ukraine": (-0.3995, -0.4),
    "Zelensky": (-0.3909, -0.6999),
    "Patrushev": (0.3847, -0.1887),
    "Raisi": (0.5975, 0.0236),
    "OCS": (0.7918, 0.2521),
    "Samarcande": (-0.7918, 1.0),
}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _svg(fig) -> bytes:
    import io

    buf = io.BytesIO()
    with charts.style():
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


# --------------------------------------------------------------------------
# Rounding and French notation
# --------------------------------------------------------------------------


def test_rounded_removes_last_bit_noise():
    x = 0.1 + 0.2
    noisy = [x, np.nextafter(x, 1.0), np.nextafter(x, 0.0)]
    assert charts.rounded(noisy).tolist() == [0.3, 0.3, 0.3]
    assert charts.rounded([-0.0, np.nan, np.inf, 123456789.0]).tolist()[2:] == [np.inf, 123457000.0]
    assert str(charts.rounded([-0.0])[0]) == "0.0"  # no "-0" in an SVG path
    assert np.isnan(charts.rounded([np.nan])[0])


@pytest.mark.parametrize(
    "value, text",
    [(12, "12"), (12.0, "12"), (0.53214, "0,532"), (-1.5, "−1,5"), (12500, "12\u202f500"), (4500, "4500")],
)
def test_french_number(value, text):
    assert charts.french_number(value) == text


@pytest.mark.parametrize(
    "value, text",
    [
        ("2012-11-06TEV", "6 nov. 2012, soir"),
        ("2012-11-10T13:02", "10 nov. 2012, 13 h 02"),
        ("2012-W44", "semaine 44 de 2012"),
        ("2012-10", "oct. 2012"),
        ("2012", "2012"),
        ("P3M", "P3M"),
        ("2012-13", "2012-13"),
    ],
)
def test_french_timex(value, text):
    assert charts.french_timex(value) == text


# --------------------------------------------------------------------------
# The network layout: pure Python, the same bits everywhere
# --------------------------------------------------------------------------


def test_layout_is_exact_rounded_and_spread():
    pos = stress_layout(NODES, EDGES)
    assert pos == EXPECTED_LAYOUT
    assert list(pos) == NODES
    assert pos == stress_layout(NODES, list(reversed(EDGES)))  # edge order does not matter
    for x, y in pos.values():
        assert -1.0 <= x <= 1.0 and -1.0 <= y <= 1.0
        assert round(x, 4) == x and round(y, 4) == y
        assert str(x) != "-0.0" and str(y) != "-0.0"
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    assert max(max(xs) - min(xs), max(ys) - min(ys)) == 2.0
    close = [
        (a, b)
        for i, a in enumerate(NODES)
        for b in NODES[i + 1 :]
        if ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5 < 0.25
    ]
    assert not close, close

    # graph neighbours sit closer than nodes four links apart
    def d(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    assert d("Iran", "Russie") < d("Iran", "OCS") and d("Raisi", "OCS") < d("Zelensky", "OCS")


def test_layout_small_graphs():
    assert stress_layout([], []) == {}
    assert stress_layout(["a"], []) == {"a": (0.0, 0.0)}
    two = stress_layout(["a", "b"], [("a", "b")])
    assert two["a"] != two["b"]


_LAYOUT_SCRIPT = """
import json, sys
from analysis.charts.layout import stress_layout
nodes, edges = json.loads(sys.stdin.read())
print(json.dumps(sorted(stress_layout(nodes, [tuple(e) for e in edges]).items())))
"""


@pytest.mark.parametrize(
    "env", [{"OPENBLAS_CORETYPE": "Prescott"}, {"NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR"}]
)
def test_layout_is_the_same_bits_under_other_numeric_settings(env):
    import json

    here = json.dumps(sorted(stress_layout(NODES, EDGES).items()))
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", _LAYOUT_SCRIPT],
        input=json.dumps([NODES, EDGES]),
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    assert out.stdout.strip() == here


def test_cooccurrence_chart_is_the_same_bytes_whatever_the_graph_order():
    import networkx as nx

    def graph(edges):
        g = nx.Graph()
        for k, n in enumerate(NODES if edges is EDGES else reversed(NODES)):
            g.add_node(n, mentions=1 + (len(n) % 4), label="LOC" if k % 2 else "PER")
        for a, b in edges:
            g.add_edge(a, b, weight=1 + (len(a) + len(b)) % 3)
        return g

    g1 = graph(EDGES)
    g2 = nx.Graph()
    g2.add_nodes_from(reversed(list(g1.nodes(data=True))))
    g2.add_edges_from(reversed(list(g1.edges(data=True))))
    svg1 = _svg(charts.plot_cooccurrence(g1).figure)
    svg2 = _svg(charts.plot_cooccurrence(g2).figure)
    assert svg1 == svg2
    assert b" -0 " not in svg1 and b"M -0 " not in svg1


# --------------------------------------------------------------------------
# Ties are drawn in the term's order, whatever the input order
# --------------------------------------------------------------------------


def _keyness_table(seed: int) -> pd.DataFrame:
    ll = 0.71547183500869849
    rows = pd.DataFrame(
        {
            "term": ["drone", "Iran", "jamais", "vie", "bien", "trop", "zèbre"],
            "log_likelihood": [220.0, 150.0, -ll, -ll, -2.1, -0.6, -np.nextafter(ll, 1.0)],  # zèbre: one ulp of noise
            "log_ratio": [8.0, 7.0, 0.48, 0.48, -1.1, 0.7, 0.48],
            "direction": ["over", "over", "under", "under", "under", "under", "under"],
        }
    )
    return rows.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", range(4))
def test_keyness_chart_breaks_ties_by_term(seed):
    ax = charts.plot_keyness(_keyness_table(seed), top=3, value="log_likelihood")
    shown = [t.get_text() for t in ax.get_yticklabels()]
    # the three most under-represented: bien, then jamais/vie/zèbre, tied but for zèbre's last bit, by the term
    assert set(shown) == {"drone", "Iran", "bien", "jamais", "vie"}
    assert shown == [
        t.get_text() for t in charts.plot_keyness(_keyness_table(0), top=3, value="log_likelihood").get_yticklabels()
    ]


@pytest.mark.parametrize("seed", range(3))
def test_collocations_chart_breaks_ties_by_term(seed):
    colls = pd.DataFrame(
        {
            "term": ["sol russe", "deux pays", "Ebrahim Raisi", "début novembre"],
            "count": [3, 2, 2, 2],
            "likelihood_ratio": [30.0, 28.6, 28.6, np.nextafter(28.6, 0.0)],
            "pmi": [1.0] * 4,
            "t_score": [1.0] * 4,
        }
    ).sample(frac=1, random_state=seed)
    ax = charts.plot_collocations(colls, top=3)
    assert [t.get_text() for t in ax.get_yticklabels()][::-1] == ["sol russe", "Ebrahim Raisi", "deux pays"]


def test_top_terms_chart_rounds_what_it_draws():
    a = pd.DataFrame({"term": ["x", "y"], "count": [0.1 + 0.2, 0.5]})
    b = pd.DataFrame({"term": ["x", "y"], "count": [0.3, np.nextafter(0.5, 1.0)]})
    assert _svg(charts.plot_top_terms(a).figure) == _svg(charts.plot_top_terms(b).figure)


# --------------------------------------------------------------------------
# French everywhere
# --------------------------------------------------------------------------


def _coverage(freq: str, periods: list[str], counts: list[int]) -> pd.DataFrame:
    cov = pd.DataFrame({"period": pd.to_datetime(periods), "articles": counts})
    cov.attrs["undated"] = 2
    return cov


def test_coverage_chart_is_in_french():
    weeks = pd.date_range("2012-05-21", "2012-11-12", freq="7D")
    ax = charts.plot_coverage(_coverage("week", list(weeks), list(range(len(weeks)))), freq="week")
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "mai\n2012" and "juin" in ticks and "nov." in ticks
    assert not any(m in t for t in ticks for m in ENGLISH_MONTHS)
    assert ax.get_title(loc="left") == "Articles par semaine (2 sans date, non comptés)"
    assert ax.get_ylabel() == "articles par semaine"
    with pytest.raises(ValueError, match="freq"):
        charts.plot_coverage(_coverage("week", list(weeks), [1] * len(weeks)), freq="fortnight")


@pytest.mark.parametrize(
    "start, end, expected", [("2012-07-01", "2012-07-20", "1 juil.\n2012"), ("2005-01-01", "2012-12-31", "2005")]
)
def test_french_date_axis(start, end, expected):
    ax = charts.new_axes()
    ax.plot(pd.to_datetime([start, end]), [0, 1])
    charts.french_date_axis(ax, start, end)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == expected and len(ticks) <= 8


def test_corpus_timeline_labels_dates_in_french():
    groups = pd.DataFrame(
        {
            "value": ["2012-11-06TEV", "2012-10", "2012-09-04"],
            "begin": ["2012-11-06", "2012-10-01", "2012-09-04"],
            "end_date": ["2012-11-06", "2012-10-31", "2012-09-04"],
            "label": ["le résultat", "les embauches", "la convention"],
            "documents": [1, 1, 2],
            "doc_ids": ["d3", "d2", "d1;d4"],
        }
    )
    ax = charts.plot_corpus_timeline(groups)
    texts = [t.get_text() for t in ax.texts]
    assert " 6 nov. 2012, soir — le résultat (1 doc. : d3)" in texts
    assert " 4 sept. 2012 — la convention (2 doc. : d1, d4)" in texts
    assert len(ax.patches) == 1  # the month is a bar over its interval
