"""Interactive explorers for JupyterLab (ipywidgets), on an article or a corpus.

Three explorers, each built from the same public functions the CLI and the
notebooks use:

* **terms**: pick a lemma (or type any word) and see its concordance (KWIC)
  and where it falls in the text (dispersion); or type a CQL query
  (``[lemma="drone"] [pos="ADJ"]``, :mod:`analysis.textometry.cql`) and see its matches;
* **entities**: pick an entity and see its mentions in their sentences, what
  it says (quotes) and who appears with it (co-occurrences);
* **timeline**: hover an event for its sentence, or pick one and see its
  sentence, how its date was resolved and on whose word it rests.

:func:`explorers` wraps them in tabs, with a document picker when the path is
a corpus. Every highlight is placed by ``start``/``end`` offsets into the raw
text, so what is shown is exactly what the tables say.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from ..reading.article import Article, load_article

__all__ = ["DocumentView", "documents", "entity_explorer", "explorers", "term_explorer", "timeline_explorer"]

_MARK = "background:#fde68a;padding:0 2px;border-radius:3px"
_CORPUS_SUFFIXES = {".jsonl", ".csv", ".parquet"}


@dataclass
class DocumentView:
    """One document and its tables, computed on first use and kept.

    Attributes:
        article: The document.
    """

    article: Article
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def tables(self):
        """Segments, sentences and tokens (``analysis.analyse``, through the on-disk cache)."""
        from ..corpus.cache import analyse

        return analyse(self.article)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Entity mentions (``analysis.entities.entities``, through the on-disk cache)."""
        from ..corpus.cache import cached
        from ..people.entities import entities

        return cached(
            entities, self.article
        )  # what entities(article, tables=self.tables) gives: it reads the segments only

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """Quotes and attributions (``analysis.quotes.quotes``)."""
        from ..people.quotes import quotes

        return quotes(self.article, tables=self.tables, mentions=self.mentions)

    @cached_property
    def events(self) -> pd.DataFrame:
        """Dated events (``analysis.timeline.events``)."""
        from ..timeline import events

        return events(self.article, tables=self.tables)


def documents(path: str | Path) -> list[Article]:
    """The documents at a path: one article file, or a corpus (folder, JSONL, CSV, Parquet).

    Args:
        path: An article file or a corpus.

    Returns:
        list[Article]: The documents, in corpus order.

    Raises:
        analysis.article.ArticleError: The article cannot be read.
    """
    path = Path(path)
    if path.is_dir() or path.suffix.lower() in _CORPUS_SUFFIXES:
        from ..reading.corpus import Corpus

        return list(Corpus.from_path(path))
    return [load_article(path)]


def _sentence_html(text: str, sent_start: int, sent_end: int, spans: list[tuple[int, int]]) -> str:
    """A sentence with the given raw-text spans highlighted."""
    out, pos = [], sent_start
    for s, e in sorted(spans):
        if s < pos or e > sent_end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark style="{_MARK}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:sent_end]))
    return "".join(out)


def _table_html(df: pd.DataFrame, *, empty: str) -> str:
    if df.empty:
        return f"<p><i>{html.escape(empty)}</i></p>"
    return df.to_html(index=False, escape=True, border=0, classes="analysis-table")


def term_explorer(view: DocumentView, *, top: int = 40) -> Any:
    """Pick a term: its concordance and its dispersion.

    Args:
        view: The document.
        top: How many of the most frequent lemmas to offer in the list.

    Returns:
        ipywidgets.VBox: The explorer.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    from IPython.display import display

    from .. import charts
    from ..terms import stats as terms

    toks = view.tables.tokens
    freq = terms.frequencies(toks, by="lemma")
    options = [str(t) for t in freq["term"].head(top)]
    picker = w.Dropdown(options=options, value=options[0] if options else None, description="lemme")
    typed = w.Text(
        placeholder='ou un mot, ou une requête CQL : [lemma="drone"] [pos="ADJ"]',
        description="mot",
        continuous_update=False,
        layout=w.Layout(width="60%"),
    )
    info = w.HTML()
    plot = w.Output()

    def rows_html(hits: pd.DataFrame) -> str:
        return "".join(
            f"<tr><td style='text-align:right'>{html.escape(r.left)}</td>"
            f"<td><mark style='{_MARK}'>{html.escape(r.node)}</mark></td><td>{html.escape(r.right)}</td>"
            f"<td style='color:#888'>{r.start}–{r.end}</td></tr>"
            for r in hits.itertuples(index=False)
        )

    def show_query(text: str) -> None:
        from ..textometry.cql import QueryError, query

        with plot:
            plot.clear_output()
        try:
            hits = query(toks, text, text=view.article.text, window=8)
        except QueryError as exc:
            info.value = f"<p style='color:#b91c1c'>{html.escape(str(exc))}</p>"
            return
        lines = rows_html(hits)
        info.value = f"<h4>requête {html.escape(text)} : {len(hits)} résultat(s)</h4>" + (
            f"<table>{lines}</table>" if lines else "<p><i>aucun résultat compté</i></p>"
        )

    def show(term: str) -> None:
        if term.startswith(("[", "(", '"')):
            show_query(term)
            return
        by = "lemma" if term in options else "norm"
        hits = terms.kwic(toks, term, text=view.article.text, by=by, window=8)
        if hits.empty and by == "norm":
            by = "lemma"
            hits = terms.kwic(toks, term, text=view.article.text, by=by, window=8)
        lines = rows_html(hits)
        info.value = f"<h4>« {html.escape(term)} » : {len(hits)} occurrence(s), par {by}</h4>" + (
            f"<table>{lines}</table>" if lines else "<p><i>aucune occurrence comptée</i></p>"
        )
        with plot:
            plot.clear_output(wait=True)
            if not hits.empty:
                disp = terms.dispersion(toks, [term], by=by)
                ax = charts.plot_dispersion(disp, terms=[term])
                fig: Any = ax.figure
                display(fig)
                plt.close(fig)

    picker.observe(lambda change: show(change["new"]), names="value")
    typed.observe(lambda change: show(change["new"].strip()) if change["new"].strip() else None, names="value")
    if options:
        show(options[0])
    return w.VBox([w.HBox([picker, typed]), info, plot])


def entity_explorer(view: DocumentView, *, window: int = 1) -> Any:
    """Pick an entity: its mentions, its quotes and the entities that appear with it.

    Args:
        view: The document.
        window: Co-occurrence window in sentences.

    Returns:
        ipywidgets.VBox: The explorer.
    """
    import ipywidgets as w

    from ..people.entities import cooccurrence_edges, summary

    mentions = view.mentions
    summ = summary(mentions)
    options = [str(c) for c in summ["canonical"]]
    picker = w.Dropdown(options=options, value=options[0] if options else None, description="entité")
    info = w.HTML()
    edges = cooccurrence_edges(mentions, window=window)
    sents = view.tables.sentences.set_index("sent")
    text = view.article.text

    def show(name: str) -> None:
        row = summ.loc[summ["canonical"] == name].iloc[0]
        own = mentions[(mentions["canonical"] == name) & mentions["counted"]]
        blocks = []
        for sent, group in own.groupby("sent", sort=True):
            if sent in sents.index:
                s = sents.loc[sent]
                spans = list(zip(group["start"], group["end"], strict=True))
                blocks.append(f"<li>{_sentence_html(text, int(s['start']), int(s['end']), spans)}</li>")
        said = view.quotes[(view.quotes["speaker"] == name) & view.quotes["counted"]]
        said = said[["kind", "verb", "text"]].rename(columns={"kind": "type", "verb": "verbe", "text": "propos"})
        near = edges[(edges["source"] == name) | (edges["target"] == name)].copy()
        near["avec"] = near["target"].where(near["source"] == name, near["source"])
        near = near.sort_values(["weight", "avec"], ascending=[False, True])[["avec", "weight"]]
        near = near.rename(columns={"weight": "phrases communes"})
        info.value = (
            f"<h4>{html.escape(name)} ({row['label']}) : {row['mentions']} mention(s) comptée(s); "
            f"variantes : {html.escape(str(row['variants']))}</h4>"
            f"<b>Mentions</b><ol>{''.join(blocks)}</ol>"
            f"<b>Propos attribués</b>{_table_html(said, empty='aucun propos attribué')}"
            f"<b>Apparaît avec</b>{_table_html(near, empty='aucune co-occurrence')}"
        )

    picker.observe(lambda change: show(change["new"]), names="value")
    if options:
        show(options[0])
    return w.VBox([picker, info])


def _source_of(view: DocumentView, sent: int) -> str:
    """On whose word a sentence rests: its attributions, else the outlet's own voice."""
    q = view.quotes
    rows = q[(q["sent"] == sent) & q["counted"]]
    if rows.empty:
        outlet = view.article.meta.get("outlet") or "la rédaction"
        return f"aucune attribution dans la phrase : la voix de l’article ({html.escape(str(outlet))})"
    parts = [
        f"{html.escape(str(r.speaker))} ({'nommée' if r.named else 'anonyme'}, {r.kind}"
        + (f", « {html.escape(str(r.verb))} »" if r.verb else "")
        + ")"
        for r in rows.itertuples(index=False)
    ]
    return "; ".join(parts)


def timeline_explorer(view: DocumentView) -> Any:
    """Hover an event for its sentence; pick one for its date, resolution and source.

    Args:
        view: The document.

    Returns:
        ipywidgets.VBox: The explorer.
    """
    import ipywidgets as w

    ev = view.events.sort_values(["begin", "start"], kind="mergesort", na_position="last").reset_index(drop=True)
    text = view.article.text
    labels = [f"{r.value} · {r.label}" for r in ev.itertuples(index=False)]
    strip = "".join(
        f"<span title='{html.escape(str(r.sent_text), quote=True)}' style='display:inline-block;margin:2px;"
        f"padding:2px 6px;border-radius:10px;background:{'#d1fae5' if r.status == 'expected' else '#dbeafe'}'>"
        f"{html.escape(str(r.value))}</span>"
        for r in ev.itertuples(index=False)
    )
    hover = w.HTML(f"<p>Survolez une date pour lire sa phrase :</p><div>{strip}</div>")
    picker = w.Select(
        options=[(lab, i) for i, lab in enumerate(labels)],
        rows=min(10, max(len(labels), 1)),
        description="événement",
        layout=w.Layout(width="95%"),
    )
    info = w.HTML()

    def show(i: int | None) -> None:
        if i is None:
            return
        r = ev.iloc[i]
        sentence = _sentence_html(
            text,
            int(r["start"]),
            int(r["end"]),
            [(int(r["timex_start"]), int(r["timex_end"]))] if "timex_start" in ev.columns else [],
        )
        info.value = (
            f"<h4>{html.escape(str(r['label']))}</h4>"
            f"<p><b>date</b> {html.escape(str(r['value']))} ({html.escape(str(r['begin']))} → "
            f"{html.escape(str(r['end_date']))}), {html.escape(str(r['status']))}"
            f"{' — début déduit d’une durée' if bool(r.get('derived', False)) else ''}</p>"
            f"<p><b>phrase</b> {sentence}</p>"
            f"<p><b>source</b> {_source_of(view, int(r['sent']))}</p>"
        )

    picker.observe(lambda change: show(change["new"]), names="value")
    if labels:
        picker.value = 0
        show(0)
    return w.VBox([hover, picker, info])


def explorers(path: str | Path) -> Any:
    """All three explorers in tabs, for an article or a corpus (with a document picker).

    Args:
        path: An article file, or a corpus (folder, JSONL, CSV, Parquet).

    Returns:
        ipywidgets.VBox: The explorers.
    """
    import ipywidgets as w

    docs = documents(path)
    views: dict[int, DocumentView] = {}
    tabs = w.Tab()
    titles = ["Termes", "Entités", "Chronologie"]

    def build(i: int) -> None:
        view = views.setdefault(i, DocumentView(docs[i]))
        tabs.children = [term_explorer(view), entity_explorer(view), timeline_explorer(view)]
        tabs.titles = titles

    if len(docs) > 1:
        picker = w.Dropdown(
            options=[(f"{d.doc_id} · {d.title[:60]}", i) for i, d in enumerate(docs)], value=0, description="document"
        )
        picker.observe(lambda change: build(change["new"]), names="value")
        build(0)
        return w.VBox([picker, tabs])
    build(0)
    return w.VBox([tabs])
