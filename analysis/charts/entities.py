"""Who and who says: entity mentions by label, the co-occurrence network, sources named vs anonymous."""

from __future__ import annotations

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .base import integer_ticks, label_nodes, new_axes, style
from .layout import stress_layout

__all__ = ["ENTITY_COLOURS", "ENTITY_LABELS_FR", "plot_cooccurrence", "plot_entity_mentions", "plot_sources"]

#: Entity labels in French, and their colours.
ENTITY_LABELS_FR: dict[str, str] = {"PER": "personne", "LOC": "lieu", "ORG": "organisation", "MISC": "autre"}
ENTITY_COLOURS: dict[str, str] = {"PER": "#8e44ad", "LOC": "#e67e22", "ORG": "#16a085", "MISC": "#7f8c8d"}
NAMED_COLOURS: dict[bool, str] = {True: "#1b4f72", False: "#c0392b"}


def plot_entity_mentions(
    summary: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 15,
    title: str = "Qui et où : mentions des entités (alias fusionnés)",
) -> Axes:
    """Horizontal bars: counted mentions of the most mentioned entities, coloured by label.

    Args:
        summary: An entities summary (``analysis.entities.summary``).
        ax: Where to draw; a new figure if None.
        top: How many entities.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        data = summary.head(top).iloc[::-1]
        ax = ax or new_axes(figsize=(10, max(4.0, 0.42 * len(data) + 1.5)))
        colours = [ENTITY_COLOURS.get(lab, "#999") for lab in data["label"]]
        ax.barh(range(len(data)), data["mentions"], color=colours)
        ax.set_yticks(range(len(data)), list(data["canonical"]))
        for y, n in enumerate(data["mentions"]):
            ax.text(n + 0.1, y, str(int(n)), va="center", fontsize=11)
        ax.set_xlabel("mentions (segments comptés, doublons exclus)")
        ax.set_title(title, loc="left")
        present = [lab for lab in ENTITY_LABELS_FR if lab in set(data["label"])]
        ax.legend(
            handles=[Patch(color=ENTITY_COLOURS[lab], label=ENTITY_LABELS_FR[lab]) for lab in present],
            loc="lower right",
            frameon=False,
        )
        return ax


def plot_cooccurrence(
    graph,
    *,
    ax: Axes | None = None,
    min_weight: int = 1,
    top: int = 14,
    title: str = "Qui apparaît avec qui : co-occurrences dans la même phrase",
) -> Axes:
    """The co-occurrence network: node size by mentions, edge width by weight, colour by label.

    The layout (:func:`analysis.charts.layout.stress_layout`) is computed in
    pure Python arithmetic from the graph distances, nodes taken most mentioned
    first (then by name), and rounded: the figure is the same bytes on every
    run and every CPU.

    Args:
        graph: A graph from ``analysis.entities.cooccurrence_graph``.
        ax: Where to draw; a new figure if None.
        min_weight: Edges lighter than this are not drawn (nodes left alone are dropped).
        top: Keep the most mentioned entities only (ties broken by name), for legibility.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    import networkx as nx

    with style():
        ax = ax or new_axes(figsize=(12, 9))
        g = graph.copy()
        ranked = sorted(g.nodes, key=lambda n: (-g.nodes[n].get("mentions", 0), n))
        g.remove_nodes_from(ranked[top:])
        g.remove_edges_from([(a, b) for a, b, w in g.edges(data="weight") if w < min_weight])
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
        h = nx.Graph()
        h.add_nodes_from(sorted(g.nodes(data=True)))
        h.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in g.edges(data=True)))  # any input order
        if h.number_of_nodes() == 0:
            ax.text(0.5, 0.5, "aucune co-occurrence", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            return ax
        order = sorted(h.nodes, key=lambda n: (-h.nodes[n].get("mentions", 0), n))
        pos = stress_layout(order, list(h.edges))
        weights = [h.edges[e]["weight"] for e in h.edges]
        wmax = max(weights) if weights else 1
        nx.draw_networkx_edges(
            h, pos, ax=ax, width=[1 + 6 * w / wmax for w in weights], edge_color="#95a5a6", alpha=0.7
        )
        sizes = {n: 250 + 180 * h.nodes[n].get("mentions", 1) for n in h.nodes}
        colours = [ENTITY_COLOURS.get(h.nodes[n].get("label"), "#999") for n in h.nodes]
        nx.draw_networkx_nodes(
            h,
            pos,
            ax=ax,
            node_size=[sizes[n] for n in h.nodes],
            node_color=colours,
            alpha=0.9,
            edgecolors="white",
            linewidths=1.5,
        )
        ax.margins(0.12)
        ax.autoscale_view()
        label_nodes(ax, order, pos, sizes)
        ax.set_title(title, loc="left")
        present = [lab for lab in ENTITY_LABELS_FR if lab in {h.nodes[n].get("label") for n in h.nodes}]
        handles: list[Artist] = [Patch(color=ENTITY_COLOURS[lab], label=ENTITY_LABELS_FR[lab]) for lab in present]
        handles.append(Line2D([], [], color="#95a5a6", lw=4, label="épaisseur : nb de phrases communes"))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=len(handles), frameon=False)
        ax.set_axis_off()
        return ax


def plot_sources(
    sources: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 12,
    width: int = 45,
    title: str = "Sur la parole de qui ? Sources nommées et anonymes",
) -> Axes:
    """Horizontal bars: claims resting on each source, coloured named vs anonymous.

    Args:
        sources: A sourcing summary (``analysis.quotes.sources``).
        ax: Where to draw; a new figure if None.
        top: How many sources.
        width: Longer source descriptions are shortened to this many characters.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        data = sources.head(top).iloc[::-1]
        ax = ax or new_axes(figsize=(11, max(4.0, 0.5 * len(data) + 1.5)))
        labels = [s if len(s) <= width else s[: width - 1] + "…" for s in data["speaker"]]
        ax.barh(range(len(data)), data["claims"], color=[NAMED_COLOURS[bool(n)] for n in data["named"]])
        ax.set_yticks(range(len(data)), labels)
        for y, r in enumerate(data.itertuples(index=False)):
            kinds = [
                f"{n} {k}{'s' if n > 1 else ''}"
                for n, k in ((r.direct, "directe"), (r.indirect, "indirecte"), (r.according_to, "attribution"))
                if n
            ]
            ax.text(r.claims + 0.05, y, ", ".join(kinds), va="center", fontsize=10, color="#34495e")
        ax.set_xlabel("affirmations attribuées (doublons exclus)")
        ax.set_xlim(0, float(data["claims"].max()) * 1.6 if len(data) else 1)
        integer_ticks(ax.xaxis)
        ax.set_title(title, loc="left")
        ax.legend(
            handles=[
                Patch(color=NAMED_COLOURS[True], label="source nommée ou institution"),
                Patch(color=NAMED_COLOURS[False], label="source anonyme ou vague"),
            ],
            loc="lower right",
            frameon=False,
        )
        return ax
