"""Charts of the textometry tables: specificities, progression, correspondence analysis, Reinert classes,
similarity graph — in the looks TXM and IRaMuTeQ users know, labelled in French.

Every function takes the tables of :mod:`analysis.textometry`, draws on ``ax=`` (a new figure if None)
and returns the Axes. Coordinates are rounded before they are drawn, and label placement is a
deterministic repulsion, so the same tables give byte-identical files on any machine.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .base import BAR_COLOUR, french_number_axis, new_axes, style

__all__ = [
    "CLASS_COLOURS",
    "plot_ca",
    "plot_progression",
    "plot_reinert",
    "plot_similarity",
    "plot_specificities",
    "repel_labels",
]

_OVER = "#c0392b"
_UNDER = BAR_COLOUR
#: Colours of classes and communities (IRaMuTeQ's order: red, grey, green, blue, violet, …).
CLASS_COLOURS = (
    "#e41a1c",
    "#7f7f7f",
    "#4daf4a",
    "#377eb8",
    "#984ea3",
    "#ff7f00",
    "#a65628",
    "#f781bf",
    "#1b9e77",
    "#d95f02",
    "#66a61e",
    "#e6ab02",
)
_DIGITS = 6


def _fr(x: float, digits: int = 1) -> str:
    """A number the French way (decimal comma)."""
    return f"{x:.{digits}f}".replace(".", ",")


def _colour(i: int) -> str:
    return CLASS_COLOURS[i % len(CLASS_COLOURS)]


# --------------------------------------------------------------------------
# Label repulsion
# --------------------------------------------------------------------------


def repel_labels(
    ax: Axes,
    texts: list,
    *,
    anchors: np.ndarray | None = None,
    points: np.ndarray | None = None,
    point_radius: float = 4.0,
    iterations: int = 300,
    pad: float = 2.0,
    leader: bool = True,
) -> None:
    """Move text labels apart until none overlaps another (nor a marker), deterministically.

    Label boxes are measured in display pixels with the figure's renderer; each round, every overlapping
    pair is pushed apart along the axis of least overlap (half the overlap each, plus ``pad`` pixels), a
    label over a marker is pushed off it (markers do not move), labels are kept inside the Axes, and
    positions are rounded. Labels moved away from their anchor get a thin leader line.

    Args:
        ax: The Axes the texts are on (their positions in data coordinates).
        texts: ``matplotlib.text.Text`` objects.
        anchors: ``n × 2`` data coordinates each label belongs to (their starting positions by default).
        points: ``m × 2`` data coordinates of markers labels must not cover (when there is one per label,
            in the same order, a label may touch its own marker).
        point_radius: Half the side, in pixels, of the square kept free around each marker.
        iterations: At most this many rounds.
        pad: Pixels of clearance between labels.
        leader: Draw leader lines.
    """
    if len(texts) < 2:
        return
    fig = ax.figure
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # the Agg canvas has it; the base class does not
    to_px = ax.transData
    from_px = ax.transData.inverted()
    start = np.array([t.get_position() for t in texts], dtype=np.float64)
    anchors = start if anchors is None else np.asarray(anchors, dtype=np.float64)
    boxes = [t.get_window_extent(renderer) for t in texts]
    centre_px = to_px.transform(start)
    off = np.array([[b.x0 - c[0], b.y0 - c[1], b.x1 - c[0], b.y1 - c[1]] for b, c in zip(boxes, centre_px)])
    obstacles = None if points is None or not len(points) else to_px.transform(np.asarray(points, dtype=np.float64))
    if obstacles is not None:  # start just clear of the labels' own markers
        centre_px = centre_px + np.array([0.0, point_radius + 1.0])
    pos = centre_px.copy()
    frame = ax.get_window_extent(renderer)
    n = len(texts)
    iu, ju = np.triu_indices(n, k=1)

    def relax(pos: np.ndarray, obstacles: np.ndarray | None) -> tuple[np.ndarray, bool]:
        """Push overlapping labels (and labels over markers) apart; True when no two labels overlap."""
        for _ in range(iterations):
            x0, y0 = pos[:, 0] + off[:, 0], pos[:, 1] + off[:, 1]
            x1, y1 = pos[:, 0] + off[:, 2], pos[:, 1] + off[:, 3]
            ox = np.minimum(x1[iu], x1[ju]) - np.maximum(x0[iu], x0[ju]) + pad
            oy = np.minimum(y1[iu], y1[ju]) - np.maximum(y0[iu], y0[ju]) + pad
            hit = (ox > 0) & (oy > 0)
            shift = np.zeros_like(pos)
            if obstacles is not None:
                px = np.minimum(x1[:, None], obstacles[None, :, 0] + point_radius) - np.maximum(
                    x0[:, None], obstacles[None, :, 0] - point_radius
                )
                py = np.minimum(y1[:, None], obstacles[None, :, 1] + point_radius) - np.maximum(
                    y0[:, None], obstacles[None, :, 1] - point_radius
                )
                covered = (px > 0) & (py > 0)
                if covered.shape[0] == covered.shape[1]:
                    np.fill_diagonal(covered, False)  # a label sits by its own marker
                li, oi = np.nonzero(covered)
                if len(li):
                    dy = (y0[li] + y1[li]) / 2 - obstacles[oi, 1]
                    dx = (x0[li] + x1[li]) / 2 - obstacles[oi, 0]
                    vertical = py[li, oi] <= px[li, oi]
                    vec = np.zeros((len(li), 2))
                    vec[vertical, 1] = (py[li, oi][vertical] + 0.5) * np.where(dy[vertical] >= 0, 1.0, -1.0)
                    vec[~vertical, 0] = (px[li, oi][~vertical] + 0.5) * np.where(dx[~vertical] >= 0, 1.0, -1.0)
                    np.add.at(shift, li, vec)
            if not hit.any() and not shift.any():
                return pos, True
            i, j, ox, oy = iu[hit], ju[hit], ox[hit], oy[hit]
            along_x = ox < oy
            d = pos[j] - pos[i]
            sx = np.where(d[:, 0] != 0, np.sign(d[:, 0]), 1.0)
            sy = np.where(d[:, 1] != 0, np.sign(d[:, 1]), 1.0)
            push = np.where(along_x, ox, oy) / 2
            vec = np.zeros((len(i), 2))
            vec[along_x, 0] = push[along_x] * sx[along_x]
            vec[~along_x, 1] = push[~along_x] * sy[~along_x]
            np.add.at(shift, j, vec)
            np.add.at(shift, i, -vec)
            pos = pos + shift
            pos[:, 0] = np.clip(pos[:, 0], frame.x0 - off[:, 0], frame.x1 - off[:, 2])
            pos[:, 1] = np.clip(pos[:, 1], frame.y0 - off[:, 1], frame.y1 - off[:, 3])
            pos = np.round(pos, 3)
        x0, y0 = pos[:, 0] + off[:, 0], pos[:, 1] + off[:, 1]
        x1, y1 = pos[:, 0] + off[:, 2], pos[:, 1] + off[:, 3]
        ox = np.minimum(x1[iu], x1[ju]) - np.maximum(x0[iu], x0[ju])
        oy = np.minimum(y1[iu], y1[ju]) - np.maximum(y0[iu], y0[ju])
        return pos, not ((ox > 0) & (oy > 0)).any()

    pos, clear = relax(pos, obstacles)
    if not clear and obstacles is not None:  # labels first: markers may be covered, labels never overlap
        pos, clear = relax(centre_px.copy(), None)
    data = np.round(from_px.transform(pos), _DIGITS)
    moved = np.hypot(*(pos - to_px.transform(anchors)).T)
    for t, xy, anchor, far in zip(texts, data, anchors, moved > 12):
        t.set_position((float(xy[0]), float(xy[1])))
        if leader and far:
            ax.plot([anchor[0], xy[0]], [anchor[1], xy[1]], color="#999999", lw=0.5, zorder=1)


# --------------------------------------------------------------------------
# Specificities
# --------------------------------------------------------------------------


def plot_specificities(
    spec: pd.DataFrame, *, part: str | None = None, top: int = 10, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Diverging bars of a part's specificities: over-used terms to the right, under-used to the left.

    Args:
        spec: A :func:`analysis.textometry.specificities` table.
        part: The part to show (the first part by default).
        top: How many terms on each side.
        ax: Where to draw; a new figure if None.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    parts = spec.attrs.get("parts") or list(dict.fromkeys(spec["part"]))
    part = parts[0] if part is None else str(part)
    rows = spec[spec["part"] == part]
    threshold = float(spec.attrs.get("threshold", 2.0))
    pos = rows[rows["score"] > 0].nlargest(top, "score")
    neg = rows[rows["score"] < 0].nsmallest(top, "score")
    data = pd.concat([pos, neg.iloc[::-1]]).iloc[::-1]
    with style():
        ax = ax or new_axes(figsize=(9, max(4.0, 0.34 * len(data) + 1.8)))
        y = np.arange(len(data))
        scores = np.round(data["score"].to_numpy(dtype=float), 4)
        ax.barh(y, scores, color=[_OVER if s > 0 else _UNDER for s in scores], height=0.7)
        ax.set_yticks(y, [f"{t} ({f})" for t, f in zip(data["term"], data["f"], strict=True)])
        for sign in (-1, 1):
            ax.axvline(sign * threshold, color="#555555", lw=0.8, ls="--")
        ax.axvline(0, color="#333333", lw=0.8)
        if len(data):
            ax.text(threshold, len(data) - 0.4, " seuil de banalité", fontsize=9, color="#555555", va="bottom")
        ax.set_xlabel("score de spécificité (−log10 p ; > 0 sur-emploi, < 0 sous-emploi)")
        ax.set_title(title or f"Spécificités de « {part} »", loc="left")
        from matplotlib.patches import Patch

        ax.legend(
            handles=[Patch(color=_OVER, label="sur-emploi"), Patch(color=_UNDER, label="sous-emploi")],
            frameon=False,
            loc="lower right",
        )
        return ax


# --------------------------------------------------------------------------
# Progression
# --------------------------------------------------------------------------


def plot_progression(
    prog: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None, boundaries: bool = True
) -> Axes:
    """Progression curves (TXM): cumulative occurrences along the corpus, or densities per window.

    Args:
        prog: A :func:`analysis.textometry.progression` table (cumulative) or a
            :func:`analysis.textometry.density` table (density, recognised by its ``window_start``).
        ax: Where to draw; a new figure if None.
        title: The chart title.
        boundaries: Draw the parts' boundaries (labelled when there are at most 12).

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    dens = "window_start" in prog.columns
    total = int(prog.attrs.get("total", 0))
    with style():
        ax = ax or new_axes(figsize=(10, 5))
        terms = prog.attrs.get("terms") or list(dict.fromkeys(prog["term"]))
        for i, term in enumerate(terms):
            rows = prog[prog["term"] == term]
            if dens:
                ax.plot(
                    np.round(rows["position"].to_numpy(float), 3),
                    np.round(rows["per_1000"].to_numpy(float), 4),
                    color=_colour(i),
                    lw=1.6,
                    label=str(term),
                )
            else:
                end = max(total, int(rows["position"].max()) + 1 if len(rows) else 1)
                x = np.r_[0, rows["position"].to_numpy(), end]
                y = np.r_[0, rows["count"].to_numpy(), len(rows)]
                ax.step(x, y, where="post", color=_colour(i), lw=1.6, label=f"{term} ({len(rows)})")
        bounds = prog.attrs.get("boundaries", [])
        if boundaries and bounds:
            for position, _ in bounds[1:]:
                ax.axvline(position, color="#cccccc", lw=0.6, zorder=0)
            if len(bounds) <= 12:
                top = ax.get_ylim()[1]
                for position, label in bounds:
                    ax.text(position, top, f" {label}", rotation=90, fontsize=8, color="#777777", va="top")
        ax.set_xlabel("position dans le corpus (mots)")
        ax.set_ylabel(
            f"occurrences pour 1 000 mots (fenêtre de {prog.attrs.get('window', '?')})"
            if dens
            else "occurrences cumulées"
        )
        ax.set_title(title or ("Densité" if dens else "Progression"), loc="left")
        ax.set_xlim(0, max(total, 1))
        ax.legend(frameon=False, loc="upper left")
        return ax


# --------------------------------------------------------------------------
# Correspondence analysis
# --------------------------------------------------------------------------


def plot_ca(
    result,
    *,
    dims: tuple[int, int] = (1, 2),
    ax: Axes | None = None,
    rows: bool = True,
    columns: bool = True,
    top_rows: int = 30,
    title: str | None = None,
) -> Axes:
    """The CA biplot: parts and the terms that contribute most to the plane, labels kept apart.

    Args:
        result: A :func:`analysis.textometry.ca` result.
        dims: The two axes (1-based).
        ax: Where to draw; a new figure if None.
        rows: Draw the rows (terms).
        columns: Draw the columns (parts).
        top_rows: Draw the rows contributing most to the plane (``ctr`` weighted by the eigenvalues).
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    a, b = dims
    if max(a, b) > result.dims:
        a, b = 1, min(2, result.dims)
    eig = result.eigenvalues.set_index("dim")
    with style():
        ax = ax or new_axes(figsize=(10, 8))
        texts, anchors = [], []
        xs, ys = [], []
        if rows:
            r = result.rows
            active = r[~r["supplementary"]]
            weight = active[f"ctr{a}"] * eig.loc[a, "eigenvalue"] + (
                active[f"ctr{b}"] * eig.loc[b, "eigenvalue"] if b != a else 0
            )
            chosen = pd.concat(
                [
                    active.loc[weight.sort_values(ascending=False, kind="mergesort").index[:top_rows]],
                    r[r["supplementary"]],
                ]
            )
            x = np.round(chosen[f"dim{a}"].to_numpy(float), _DIGITS)
            y = np.round(chosen[f"dim{b}"].to_numpy(float), _DIGITS) if b != a else np.zeros(len(chosen))
            ax.scatter(x, y, s=12, color="#5d6d7e", zorder=2)
            xs += list(x)
            ys += list(y)
            for label, xi, yi, sup in zip(chosen[result.row_name], x, y, chosen["supplementary"], strict=True):
                texts.append(
                    ax.text(
                        xi,
                        yi,
                        str(label),
                        fontsize=9,
                        color="#34495e",
                        style="italic" if sup else "normal",
                        ha="center",
                        va="bottom",
                        zorder=3,
                    )
                )
                anchors.append((xi, yi))
        if columns:
            c = result.columns
            x = np.round(c[f"dim{a}"].to_numpy(float), _DIGITS)
            y = np.round(c[f"dim{b}"].to_numpy(float), _DIGITS) if b != a else np.zeros(len(c))
            ax.scatter(x, y, s=40, marker="^", color=_OVER, zorder=3)
            xs += list(x)
            ys += list(y)
            for label, xi, yi in zip(c[result.column_name], x, y, strict=True):
                texts.append(
                    ax.text(
                        xi, yi, str(label), fontsize=10, color=_OVER, weight="bold", ha="center", va="bottom", zorder=4
                    )
                )
                anchors.append((xi, yi))
        if xs:
            span_x = (max(xs) - min(xs)) or 1.0
            span_y = (max(ys) - min(ys)) or 1.0
            ax.set_xlim(round(min(xs) - 0.12 * span_x, _DIGITS), round(max(xs) + 0.12 * span_x, _DIGITS))
            ax.set_ylim(round(min(ys) - 0.12 * span_y, _DIGITS), round(max(ys) + 0.15 * span_y, _DIGITS))
        ax.axhline(0, color="#aaaaaa", lw=0.6, zorder=0)
        ax.axvline(0, color="#aaaaaa", lw=0.6, zorder=0)
        ax.set_xlabel(f"axe {a} ({_fr(eig.loc[a, 'share'])} % de l'inertie)")
        ax.set_ylabel(f"axe {b} ({_fr(eig.loc[b, 'share'])} % de l'inertie)")
        ax.set_title(title or "Analyse factorielle des correspondances", loc="left")
        french_number_axis(ax, "x")  # decimal comma, true minus
        french_number_axis(ax, "y")
        repel_labels(
            ax, texts, anchors=np.array(anchors) if anchors else None, points=np.array(anchors) if anchors else None
        )
        return ax


# --------------------------------------------------------------------------
# Reinert classification
# --------------------------------------------------------------------------


def plot_reinert(result, *, ax: Axes | None = None, top: int = 12, title: str | None = None) -> Axes:
    """IRaMuTeQ's dendrogram of the classes with their profiles: each class's share and its most
    characteristic lemmas (larger for a larger χ²), in the class's colour.

    Args:
        result: A :func:`analysis.textometry.reinert` result.
        ax: Where to draw; a new figure if None.
        top: Lemmas listed per class.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    seg = result.segments
    classified = max(int((seg["class"] > 0).sum()), 1)
    k = int(seg["class"].max()) if len(seg) else 0
    prof = result.classes[(result.classes["kind"] == "term") & (result.classes["chi2"] > 0)]
    with style():
        ax = ax or new_axes(figsize=(max(8.0, 1.9 * k + 1), 8.5))
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        width = 1.0 / max(k, 1)
        leaf_x = {c: round((c - 0.5) * width, _DIGITS) for c in range(1, k + 1)}
        tree = result.tree
        base, top_y = 0.72, 0.95
        if len(tree):
            hmax = float(tree["height"].max()) or 1.0
            xy = {c: (leaf_x[c], base) for c in leaf_x}
            for row in tree.sort_values("height").itertuples(index=False):
                (x1, y1), (x2, y2) = xy[int(row.left)], xy[int(row.right)]
                h = round(base + (top_y - base) * float(row.height) / hmax, _DIGITS)
                ax.plot([x1, x1, x2, x2], [y1, h, h, y2], color="#333333", lw=1.2)
                xy[int(row.node)] = (round((x1 + x2) / 2, _DIGITS), h)
        for c in range(1, k + 1):
            colour = _colour(c - 1)
            n = int((seg["class"] == c).sum())
            x = leaf_x[c]
            ax.text(
                x,
                base - 0.02,
                f"classe {c}\n{_fr(n / classified * 100)} %",
                ha="center",
                va="top",
                fontsize=11,
                weight="bold",
                color="white",
                bbox={"boxstyle": "round,pad=0.3", "facecolor": colour, "edgecolor": colour},
            )
            words = prof[prof["class"] == c].head(top)
            if not len(words):
                continue
            cmax = float(words["chi2"].max()) or 1.0
            y = base - 0.13
            step = (y - 0.02) / max(top, 1)
            for term, chi in zip(words["term"], words["chi2"], strict=True):
                size = 8 + 8 * math.sqrt(float(chi) / cmax)
                ax.text(x, round(y, _DIGITS), str(term), ha="center", va="top", fontsize=round(size, 1), color=colour)
                y -= step
        unclassified = len(seg) - int((seg["class"] > 0).sum())
        note = f"{classified} segments classés sur {len(seg)}" + (
            f" ({unclassified} non classés)" if unclassified else ""
        )
        ax.set_title(title or f"Classification descendante hiérarchique (Reinert)\n{note}", loc="left", fontsize=13)
        return ax


# --------------------------------------------------------------------------
# Similarity graph
# --------------------------------------------------------------------------


def plot_similarity(sim, *, ax: Axes | None = None, seed: int = 0, title: str | None = None) -> Axes:
    """The similarity tree (IRaMuTeQ): lemmas sized by frequency, links by weight, coloured by community.

    Args:
        sim: A :func:`analysis.textometry.similarity` result.
        ax: Where to draw; a new figure if None.
        seed: Seed of the force-directed layout (Fruchterman–Reingold).
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    g = sim.graph()
    nodes = sim.nodes.set_index("term")
    with style():
        ax = ax or new_axes(figsize=(10, 9))
        ax.set_axis_off()
        if not len(g):
            return ax
        layout = nx.spring_layout(g, seed=seed, weight="weight", iterations=200)
        pos = {n: (round(float(x), 4), round(float(y), 4)) for n, (x, y) in layout.items()}
        wmax = max((d["weight"] for _, _, d in g.edges(data=True)), default=1.0) or 1.0
        for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
            (x1, y1), (x2, y2) = pos[a], pos[b]
            ax.plot([x1, x2], [y1, y2], color="#888888", lw=round(0.5 + 3.5 * d["weight"] / wmax, 3), zorder=1)
            ax.text(
                round((x1 + x2) / 2, 4),
                round((y1 + y2) / 2, 4),
                f"{d['weight']:g}",
                fontsize=7,
                color="#999999",
                ha="center",
                va="center",
                zorder=2,
            )
        fmax = float(nodes["frequency"].max()) or 1.0
        texts, anchors = [], []
        for term in sorted(g.nodes):
            x, y = pos[term]
            freq = float(nodes.loc[term, "frequency"])
            colour = _colour(int(nodes.loc[term, "community"]) - 1)
            ax.scatter(
                [x], [y], s=round(20 + 180 * freq / fmax, 2), color=colour, alpha=0.35, zorder=2, edgecolors="none"
            )
            texts.append(
                ax.text(
                    x,
                    y,
                    str(term),
                    fontsize=round(8 + 8 * math.sqrt(freq / fmax), 1),
                    color=colour,
                    ha="center",
                    va="center",
                    zorder=3,
                    weight="bold",
                )
            )
            anchors.append((x, y))
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        ax.set_xlim(min(xs) - 0.15, max(xs) + 0.15)
        ax.set_ylim(min(ys) - 0.12, max(ys) + 0.12)
        ax.set_title(title or "Analyse de similitudes (arbre maximum, communautés)", loc="left")
        repel_labels(ax, texts, anchors=np.array(anchors))
        return ax
