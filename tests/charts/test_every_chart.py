"""Every chart function, on tiny tables: it returns the Axes it drew on, and its labels are there.

The tables come from the library itself on a few French sentences (so they have the real columns);
each chart is drawn once on a fresh figure and once on an ``ax=`` it is given.
"""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from analysis import charts, terms  # noqa: E402
from analysis.corpus import stats as cs  # noqa: E402
from analysis.people import entities as ent, quotes as q  # noqa: E402
from analysis.reading.article import Article  # noqa: E402
from analysis.reading.corpus import Corpus  # noqa: E402
from analysis.text.pipeline import analyse  # noqa: E402
from analysis.timeline import events, timexes  # noqa: E402

TEXT_A = (
    "L'Iran et la Russie construiront des drones\n"
    "Téhéran, le 20 novembre 2022. L'Iran et la Russie ont signé un accord sur les drones. "
    "« Les drones seront construits en Russie », a déclaré Vladimir Poutine le 15 novembre 2022. "
    "Selon Emmanuel Macron, l'accord inquiète la France depuis trois mois. "
    "Les drones iraniens frappent l'Ukraine depuis septembre 2022. Les drones, toujours les drones.\n"
)
TEXT_B = (
    "Kiev face aux drones\n"
    "Kiev, le 2 décembre 2022. L'Ukraine abat des drones chaque nuit. "
    "« Nous abattons les drones iraniens », a affirmé Volodymyr Zelensky le 1er décembre 2022. "
    "L'armée ukrainienne reçoit des missiles de la France et des drones.\n"
)
REF = dt.date(2022, 11, 20)


def _article(text: str, doc_id: str, date: str) -> Article:
    return Article.from_text(text, doc_id=doc_id, meta={"date": date, "title": text.splitlines()[0]})


@pytest.fixture(scope="module")
def tables():
    art = _article(TEXT_A, "a", "2022-11-20")
    t = analyse(art)
    toks = t.tokens
    mentions = ent.entities(art, tables=t)
    quotes = q.quotes(art, tables=t, mentions=mentions)
    corpus = Corpus.from_articles([art, _article(TEXT_B, "b", "2022-12-02")])
    documents = cs.documents(corpus)
    dtm = cs.doc_term_matrix(corpus)
    return {
        "art": art,
        "segments": t.segments,
        "tokens": toks,
        "freq": terms.frequencies(toks),
        "ngrams": terms.ngrams(toks, n=2, min_count=1),
        "colls": terms.collocations(toks, min_count=1),
        "key": terms.keyness(toks),
        "disp": terms.dispersion(toks, ["drone"]),
        "trend": terms.trends(toks, ["drone"], parts=3),
        "events": events(art),
        "timexes": timexes(art.text, REF),
        "mentions": mentions,
        "quotes": quotes,
        "documents": documents,
        "dtm": dtm,
        "corpus": corpus,
    }


def _labels(ax: Axes) -> str:
    """Every piece of text on the Axes: title, axis labels, tick labels, texts, annotations, legend."""
    parts = [ax.get_title(), ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
    parts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    parts += [t.get_text() for t in ax.texts]
    legend = ax.get_legend()
    if legend is not None:
        parts += [t.get_text() for t in legend.get_texts()]
    return "\n".join(p for p in parts if p)


def _charts(tb) -> dict[str, tuple]:
    """name -> (function, table, options, a label the chart must show: a term, a name, a date, an axis)."""
    lo = cs.log_odds(tb["dtm"], ["a"], ["b"])
    groups = cs.group_events(cs.timelines(tb["corpus"]))
    share = cs.term_share(tb["dtm"], tb["documents"], ["drone"], freq="month")
    audit = q.audit(tb["quotes"], q.claims(tb["art"], quotes_df=tb["quotes"]))
    return {
        "structure": (charts.plot_structure, tb["segments"], {"text_length": len(tb["art"].text)}, "titre"),
        "top_terms": (charts.plot_top_terms, tb["freq"], {"top": 5}, "drone"),
        "wordcloud": (charts.plot_wordcloud, tb["freq"], {"top": 10, "title": "Nuage"}, "Nuage"),
        "ngrams": (charts.plot_ngrams, tb["ngrams"], {"top": 5}, "Emmanuel Macron"),
        "collocations": (charts.plot_collocations, tb["colls"], {"top": 5}, "Vladimir Poutine"),
        "keyness": (charts.plot_keyness, tb["key"], {"top": 5}, "drone"),
        "dispersion": (charts.plot_dispersion, tb["disp"], {"terms": ["drone"]}, "drone"),
        "trends": (charts.plot_trends, tb["trend"], {}, "drone"),
        "timeline": (charts.plot_timeline, tb["events"], {"reference_date": REF}, "le 15 novembre 2022"),
        "mention_order": (charts.plot_mention_order, tb["timexes"], {"reference_date": REF}, "septembre 2022"),
        "durations": (charts.plot_durations, tb["timexes"], {}, "trois mois"),
        "entity_mentions": (charts.plot_entity_mentions, ent.summary(tb["mentions"]), {}, "Iran"),
        "cooccurrence": (charts.plot_cooccurrence, ent.cooccurrence_graph(tb["mentions"]), {}, "Vladimir Poutine"),
        "sources": (charts.plot_sources, q.sources(tb["quotes"]), {}, "Poutine"),
        "coverage": (
            charts.plot_coverage,
            cs.coverage(tb["documents"], freq="month"),
            {"freq": "month"},
            "articles par mois",
        ),
        "term_share": (charts.plot_term_share, share, {}, "drone"),
        "comparison": (charts.plot_comparison, lo, {"labels": ("A", "B")}, "Kiev"),
        "comparison_ranks": (
            charts.plot_comparison,
            lo,
            {"kind": "ranks", "labels": ("A", "B")},
            "rang de fréquence : B",
        ),
        "corpus_timeline": (charts.plot_corpus_timeline, groups, {}, "15 nov. 2022"),
        "named_anonymous": (charts.plot_named_anonymous, audit["sourcing"], {}, "source anonyme ou vague"),
        "anonymous_types": (
            charts.plot_anonymous_types,
            audit["anonymous"],
            {},
            "aucune source anonyme ni média relayé",
        ),
        "gender_balance": (charts.plot_gender_balance, audit["gender"], {}, "inconnu (0)"),
        "stance": (charts.plot_stance, audit["stance"], {}, "Vladimir Poutine"),
        "conditional_share": (charts.plot_conditional_share, audit["sourcing"], {}, "sur"),
        "provenance": (charts.plot_provenance, audit["outlets"], {}, "aucun média cité comme source"),
    }


CHARTS = [
    "structure",
    "top_terms",
    "wordcloud",
    "ngrams",
    "collocations",
    "keyness",
    "dispersion",
    "trends",
    "timeline",
    "mention_order",
    "durations",
    "entity_mentions",
    "cooccurrence",
    "sources",
    "coverage",
    "term_share",
    "comparison",
    "comparison_ranks",
    "corpus_timeline",
    "named_anonymous",
    "anonymous_types",
    "gender_balance",
    "stance",
    "conditional_share",
    "provenance",
]


def test_every_chart_function_is_tested():
    tested = {name.removesuffix("_ranks") for name in CHARTS}
    public = {n.removeprefix("plot_") for n in charts.__all__ if n.startswith("plot_")}
    textometry = {
        n.removeprefix("plot_")
        for n in dir(__import__("analysis.charts.textometry", fromlist=["x"]))
        if n.startswith("plot_")
    }  # tested in tests/textometry
    assert public - textometry <= tested, sorted(public - textometry - tested)


@pytest.mark.parametrize("name", CHARTS)
def test_a_chart_returns_its_axes_with_a_title_and_its_labels(tables, name):
    func, table, options, expected = _charts(tables)[name]
    ax = func(table, **options)
    try:
        assert isinstance(ax, Axes)
        labels = _labels(ax)
        assert ax.get_title() or ax.get_title(loc="left"), f"{name}: no title"
        assert ax.has_data() or ax.images or ax.texts, f"{name}: nothing drawn"
        if name == "wordcloud":
            assert ax.images, "the word cloud is an image"
        assert expected in labels, f"{name}: {expected!r} not among the labels: {labels!r}"
    finally:
        plt.close(ax.figure)
    fig, given = plt.subplots()
    try:
        assert func(table, ax=given, **options) is given, f"{name}: ax= is not the Axes returned"
    finally:
        plt.close(fig)
