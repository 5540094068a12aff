"""Charts of the sourcing audit (:func:`analysis.people.audit.audit`, :func:`analysis.corpus.sourcing.audit`).

One function per table of the audit, each drawing on ``ax=`` and returning the Axes, one bar (or
node) per part of the audit (the article; a document, outlet or month of a corpus):

- :func:`plot_named_anonymous` (``sourcing``): named against anonymous attributions, stacked;
- :func:`plot_anonymous_types` (``anonymous``): the kinds of anonymous source, with examples;
- :func:`plot_gender_balance` (``gender``): named persons by gender, *inconnu* always shown;
- :func:`plot_stance` (``stance``): the stance of the reporting verbs, by speaker;
- :func:`plot_conditional_share` (``sourcing``): the share of claims in the conditional;
- :func:`plot_provenance` (``outlets``): the provenance graph, part or document → outlet cited.

Parts that are months (``2012-07``) are shown in French (``juil. 2012``) and in calendar order;
every share drawn goes through :func:`~analysis.charts.base.rounded`, and the graph is placed by
:func:`~analysis.charts.layout.stress_layout`, so the files are the same bytes on every machine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .base import MONTHS_FR, french_number, french_number_axis, integer_ticks, label_nodes, new_axes, rounded, style
from .entities import NAMED_COLOURS
from .layout import stress_layout

__all__ = [
    "ANONYMOUS_LABELS_FR",
    "CLAIM_LABELS_FR",
    "GENDER_COLOURS",
    "GENDER_LABELS_FR",
    "STANCE_COLOURS",
    "STANCE_LABELS_FR",
    "part_label",
    "plot_anonymous_types",
    "plot_conditional_share",
    "plot_gender_balance",
    "plot_named_anonymous",
    "plot_provenance",
    "plot_stance",
]

#: The classes of anonymous sources (``sources_fr.tsv``) as a French reader names them.
ANONYMOUS_LABELS_FR: dict[str, str] = {
    "official": "un ou des responsables",
    "spokesperson": "un porte-parole",
    "diplomat": "un diplomate",
    "authorities": "« les autorités »",
    "intelligence": "services, renseignements",
    "source of a milieu": "« de source … » (un milieu)",
    "source close to": "« une source proche de … »",
    "own information": "« selon nos informations »",
    "witness": "témoins, habitants",
    "expert": "un expert",
    "relative": "un proche",
    "indefinite": "« on »",
    "unnamed outlet": "médias non nommés",
    "other": "autre source non nommée",
    "another outlet": "un autre média, nommé",
}
#: Stance classes of the reporting verbs (``speech_verbs_fr.tsv``), in French, neutral first.
STANCE_LABELS_FR: dict[str, str] = {
    "neutral": "neutre (dire, déclarer)",
    "emphatic": "insistance (affirmer, souligner)",
    "doubt": "opinion, doute (estimer, prétendre)",
    "disclosure": "annonce (annoncer, révéler)",
    "warning": "avertissement (avertir, menacer)",
    "promise": "promesse (promettre, garantir)",
    "request": "demande (exiger, appeler à)",
    "criticism": "critique (dénoncer, accuser)",
    "concession": "concession (reconnaître, admettre)",
    "denial": "démenti (nier, démentir)",
    "emotion": "émotion (se réjouir, s'inquiéter)",
}
STANCE_COLOURS: dict[str, str] = {
    "neutral": "#aab7b8",
    "emphatic": "#2e86c1",
    "doubt": "#f39c12",
    "disclosure": "#17a589",
    "warning": "#c0392b",
    "promise": "#7d3c98",
    "request": "#d35400",
    "criticism": "#943126",
    "concession": "#b7950b",
    "denial": "#1b2631",
    "emotion": "#e84393",
}
#: Gender of named persons, only from the text's cues; ``unknown`` is a class, never hidden.
GENDER_LABELS_FR: dict[str, str] = {"f": "femme", "m": "homme", "unknown": "inconnu"}
GENDER_COLOURS: dict[str, str] = {"f": "#8e44ad", "m": "#16a085", "unknown": "#aab7b8"}
#: Claim statuses (:data:`analysis.people.claims.STATUSES`) in French.
CLAIM_LABELS_FR: dict[str, str] = {
    "asserted": "affirmé",
    "attributed": "attribué",
    "conditional": "conditionnel",
    "hypothetical": "hypothétique",
    "denied": "démenti",
}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART_COLOUR, _OUTLET_COLOUR = "#5d6d7e", "#d35400"


def part_label(part: object) -> str:
    """A part of the audit as a French title says it: ``2012-07`` → ``juil. 2012``, ``unknown`` → ``inconnu``.

    Args:
        part: A value of the ``part`` column.

    Returns:
        str: The label.
    """
    text = str(part)
    m = _MONTH.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{MONTHS_FR[int(m.group(2)) - 1]} {m.group(1)}"
    return {"unknown": "inconnu", "(no mention)": "(sans mention)"}.get(text, text)


def _parts(values: Sequence) -> list:
    """The distinct parts in the table's order, or in calendar order when they are all months."""
    parts = list(dict.fromkeys(values))
    if parts and all(_MONTH.match(str(p)) or p == "unknown" for p in parts):
        parts.sort(key=lambda p: (p == "unknown", str(p)))
    return parts


def _nothing(ax: Axes, text: str, title: str) -> Axes:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=13, color="#566573")
    ax.set_title(title, loc="left")
    ax.set_axis_off()
    return ax


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _legend_below(ax: Axes, **kw) -> None:
    """The legend under the x label, the same distance (0.75 inch) below the Axes whatever the figure's height."""
    figure: Any = ax.figure  # a Figure here (the union type also allows a SubFigure, which has no height)
    height = ax.get_position().height * figure.get_figheight()
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.75 / height), frameon=False, **kw)


def _stacked(ax: Axes, rows: list[str], columns: list[tuple[str, str, list[int]]]) -> None:
    """Horizontal stacked bars, first row at the top: ``columns`` are (label, colour, values); counts written inside
    the segments wide enough to hold them."""
    left = [0] * len(rows)
    y = list(range(len(rows)))[::-1]
    widest = max((sum(vals) for vals in zip(*(c[2] for c in columns))), default=0)
    for label, colour, values in columns:
        ax.barh(y, values, left=left, color=colour, label=label, edgecolor="white", height=0.7)
        for k, v in enumerate(values):
            if v and v >= 0.035 * widest:
                ax.text(
                    left[k] + v / 2,
                    y[k],
                    str(int(v)),
                    ha="center",
                    va="center",
                    fontsize=10,
                    color="white",
                    fontweight="bold",
                )
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(y, rows)
    integer_ticks(ax.xaxis)


def _height(n: int) -> tuple[float, float]:
    return (11, max(3.5, 0.5 * n + 2.0))


def _by_part(sourcing: pd.DataFrame, ax: Axes | None, *, total: str) -> tuple[Axes, list, pd.DataFrame | None]:
    """The Axes (new, sized to the parts, if None), the parts in display order, and the table indexed by part
    (None when ``total`` sums to nothing)."""
    parts = _parts(sourcing["part"])
    ax = ax or new_axes(figsize=_height(len(parts)))
    empty = not len(sourcing) or not int(sourcing[total].sum())
    return ax, parts, None if empty else sourcing.set_index("part")


def plot_named_anonymous(
    sourcing: pd.DataFrame, *, ax: Axes | None = None, title: str = "Sur la parole de qui ? Sources nommées et anonymes"
) -> Axes:
    """Stacked bars per part: attributions to a named source and to an anonymous one, with the share named.

    Args:
        sourcing: The ``sourcing`` table of the audit (``part``, ``named``, ``anonymous``, ``named_share``).
        ax: Where to draw; a new figure if None.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax, parts, by = _by_part(sourcing, ax, total="attributions")
        if by is None:
            return _nothing(ax, "aucune attribution comptée", title)
        named = [int(by.at[p, "named"]) for p in parts]
        anonymous = [int(by.at[p, "anonymous"]) for p in parts]
        _stacked(
            ax,
            [part_label(p) for p in parts],
            [
                ("source nommée (personne, organisation, institution)", NAMED_COLOURS[True], named),
                ("source anonyme ou vague", NAMED_COLOURS[False], anonymous),
            ],
        )
        shares = rounded([by.at[p, "named_share"] for p in parts], 3)
        top = max(a + b for a, b in zip(named, anonymous))
        for y, (a, b, s) in zip(range(len(parts))[::-1], zip(named, anonymous, shares)):
            ax.text(a + b + top * 0.01, y, f"{french_number(s)} % nommées", va="center", fontsize=10, color="#34495e")
        ax.set_xlim(0, top * 1.3)
        ax.set_xlabel("attributions comptées (doublons exclus)")
        ax.set_title(title, loc="left")
        _legend_below(ax, ncol=2)
        return ax


def plot_anonymous_types(
    anonymous: pd.DataFrame,
    *,
    ax: Axes | None = None,
    examples: int = 2,
    width: int = 60,
    title: str = "Qui sont les sources anonymes ?",
) -> Axes:
    """Horizontal bars: attributions by kind of anonymous source (all parts summed), with examples of each.

    Named outlets the text relays (*selon le Washington Post*) are a kind of their own, drawn in
    another colour: the outlet is named, its own sources are not.

    Args:
        anonymous: The ``anonymous`` table of the audit (``part``, ``class``, ``source``, ``attributions``).
        ax: Where to draw; a new figure if None.
        examples: How many source phrases to quote beside each bar (the most frequent first).
        width: The examples are shortened to this many characters.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        totals = (
            anonymous.groupby("class", sort=False)["attributions"]
            .sum()
            .reset_index()
            .sort_values(["attributions", "class"], ascending=[False, True], kind="stable")
        )
        ax = ax or new_axes(figsize=_height(len(totals)))
        if not len(totals):
            return _nothing(ax, "aucune source anonyme ni média relayé", title)
        y = list(range(len(totals)))[::-1]
        colours = ["#d35400" if c == "another outlet" else NAMED_COLOURS[False] for c in totals["class"]]
        ax.barh(y, totals["attributions"], color=colours, height=0.7)
        ax.set_yticks(y, [ANONYMOUS_LABELS_FR.get(c, c) for c in totals["class"]])
        top = int(totals["attributions"].max())
        for yy, cls, n in zip(y, totals["class"], totals["attributions"]):
            rows = anonymous[anonymous["class"] == cls]
            phrases = (
                rows.groupby("source", sort=False)["attributions"]
                .sum()
                .reset_index()
                .sort_values(["attributions", "source"], ascending=[False, True], kind="stable")["source"]
            )
            quoted = ", ".join(f"« {part_label(p)} »" for p in phrases.head(examples))
            more = len(phrases) - examples
            ax.text(
                int(n) + top * 0.02,
                yy,
                _short(f"{int(n)} : {quoted}" + (f" (+{more})" if more > 0 else ""), width),
                va="center",
                fontsize=10,
                color="#34495e",
            )
        ax.set_xlim(0, top * 2.6)
        integer_ticks(ax.xaxis)
        ax.set_xlabel("attributions comptées")
        ax.set_title(title, loc="left")
        _legend_below(
            ax,
            ncol=2,
            handles=[
                Patch(color=NAMED_COLOURS[False], label="source non nommée"),
                Patch(color="#d35400", label="média nommé (ses sources ne le sont pas)"),
            ],
        )
        return ax


def plot_gender_balance(
    gender: pd.DataFrame,
    *,
    ax: Axes | None = None,
    value: str = "speakers",
    title: str = "Les personnes citées : femmes, hommes, genre inconnu",
) -> Axes:
    """Stacked bars per part: named persons by gender as the text marks it, ``inconnu`` always shown.

    Args:
        gender: The ``gender`` table of the audit (``part``, ``gender``, ``speakers``, ``attributions``).
        ax: Where to draw; a new figure if None.
        value: ``speakers`` (distinct persons) or ``attributions``.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.

    Raises:
        ValueError: ``value`` is neither ``speakers`` nor ``attributions``.
    """
    if value not in ("speakers", "attributions"):
        raise ValueError(f"value={value!r}: expected 'speakers' or 'attributions'")
    with style():
        parts = _parts(gender["part"])
        ax = ax or new_axes(figsize=_height(len(parts)))
        if not len(gender):
            return _nothing(ax, "aucune personne nommée parmi les sources", title)
        counts = gender.groupby(["part", "gender"])[value].sum()
        columns = []
        for g in GENDER_LABELS_FR:
            values = [int(counts.get((p, g), 0)) for p in parts]
            columns.append((f"{GENDER_LABELS_FR[g]} ({sum(values)})", GENDER_COLOURS[g], values))
        _stacked(ax, [part_label(p) for p in parts], columns)
        ax.set_xlabel("personnes nommées distinctes" if value == "speakers" else "attributions à des personnes nommées")
        ax.set_title(title, loc="left")
        _legend_below(ax, ncol=3, title="genre marqué par le texte (pronom, accord, titre, prénom)")
        return ax


def plot_stance(
    stance: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int = 12,
    width: int = 40,
    title: str = "Comment le journal rapporte leurs paroles : les verbes introducteurs",
) -> Axes:
    """Stacked bars per speaker (all parts summed): attributions by the stance of their reporting verb.

    Args:
        stance: The ``stance`` table of the audit (``part``, ``speaker``, ``stance``, ``attributions``).
        ax: Where to draw; a new figure if None.
        top: How many speakers (most attributions first, then by name).
        width: Longer speaker names are shortened to this many characters.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        per = stance.groupby("speaker")["attributions"].sum().reset_index()
        per = per.sort_values(["attributions", "speaker"], ascending=[False, True], kind="stable").head(top)
        ax = ax or new_axes(figsize=_height(len(per)))
        if not len(per):
            return _nothing(ax, "aucun verbe introducteur", title)
        speakers = list(per["speaker"])
        counts = stance.groupby(["speaker", "stance"])["attributions"].sum()
        shown = {str(s) for s in stance.loc[stance["speaker"].isin(speakers), "stance"]}
        present = [s for s in STANCE_LABELS_FR if s in shown] + sorted(shown - set(STANCE_LABELS_FR))
        columns = [
            (
                STANCE_LABELS_FR.get(s) or s,
                STANCE_COLOURS.get(s, "#7f8c8d"),
                [int(counts.get((sp, s), 0)) for sp in speakers],
            )
            for s in present
        ]
        _stacked(ax, [_short(part_label(s), width) for s in speakers], columns)
        ax.set_xlabel("attributions comptées, par classe du verbe introducteur")
        ax.set_title(title, loc="left")
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
        return ax


def plot_conditional_share(
    sourcing: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str = "Au conditionnel : la part des affirmations non assumées",
) -> Axes:
    """Bars per part: the share of claim rows in the *conditionnel journalistique*, with the counts.

    Args:
        sourcing: The ``sourcing`` table of the audit (``part``, ``claim_rows``, ``conditional``,
            ``conditional_share``).
        ax: Where to draw; a new figure if None.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax, parts, by = _by_part(sourcing, ax, total="claim_rows")
        if by is None:
            return _nothing(ax, "aucune phrase comptée", title)
        shares = rounded([by.at[p, "conditional_share"] for p in parts], 3)
        y = list(range(len(parts)))[::-1]
        ax.barh(y, shares, color=STANCE_COLOURS["doubt"], height=0.7)
        ax.set_yticks(y, [part_label(p) for p in parts])
        top = float(max(shares)) or 1.0
        for yy, p, s in zip(y, parts, shares):
            n, total = int(by.at[p, "conditional"]), int(by.at[p, "claim_rows"])
            ax.text(
                float(s) + top * 0.02,
                yy,
                f"{french_number(s)} % ({n} sur {total})",
                va="center",
                fontsize=10,
                color="#34495e",
            )
        ax.set_xlim(0, top * 1.4)
        french_number_axis(ax, "x")
        ax.set_xlabel("% des phrases ou propositions comptées au conditionnel (aurait, serait…)")
        ax.set_title(title, loc="left")
        return ax


def plot_provenance(
    outlets: pd.DataFrame,
    *,
    ax: Axes | None = None,
    by: str = "part",
    top: int = 30,
    title: str = "D'où vient l'information : les médias cités comme source",
) -> Axes:
    """The provenance graph: each part (or document) linked to the outlets it cites, edge width by attributions.

    Parts are grey squares, outlets orange discs sized by their attributions; the layout
    (:func:`~analysis.charts.layout.stress_layout`) takes outlets most cited first, then parts,
    each then by name, and is exact on every machine.

    Args:
        outlets: The ``outlets`` table of the audit (``part``, ``doc_id``, ``outlet``, ``attributions``).
        ax: Where to draw; a new figure if None.
        by: ``part`` (one node per part) or ``doc_id`` (one node per document).
        top: Keep the most cited outlets only (ties broken by name), for legibility.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.

    Raises:
        ValueError: ``by`` is neither ``part`` nor ``doc_id``.
    """
    if by not in ("part", "doc_id"):
        raise ValueError(f"by={by!r}: expected 'part' or 'doc_id'")
    with style():
        ax = ax or new_axes(figsize=(12, 8))
        if not len(outlets):
            return _nothing(ax, "aucun média cité comme source", title)
        edges = outlets.groupby([by, "outlet"])["attributions"].sum()
        cited = edges.groupby(level="outlet").sum().reset_index()
        cited = cited.sort_values(["attributions", "outlet"], ascending=[False, True], kind="stable").head(top)
        keep = set(cited["outlet"])
        edges = edges[[o in keep for o in edges.index.get_level_values("outlet")]]
        sources = sorted({str(s) for s in edges.index.get_level_values(by)})
        order = [("outlet", o) for o in cited["outlet"]] + [("part", s) for s in sources]
        links = [(("part", str(s)), ("outlet", o)) for s, o in edges.index]
        pos = stress_layout(order, links)
        wmax = int(edges.max())
        for (s, o), w in edges.items():
            (x0, y0), (x1, y1) = pos[("part", str(s))], pos[("outlet", o)]
            ax.plot([x0, x1], [y0, y1], color="#95a5a6", lw=float(rounded(1 + 5 * int(w) / wmax)), alpha=0.8, zorder=1)
        weight = dict(zip(cited["outlet"], cited["attributions"]))
        sizes = {
            n: (float(rounded(300 + 500 * int(weight[n[1]]) / max(weight.values()))) if n[0] == "outlet" else 260.0)
            for n in order
        }
        for kind, marker, colour in (("part", "s", _PART_COLOUR), ("outlet", "o", _OUTLET_COLOUR)):
            nodes = [n for n in order if n[0] == kind]
            ax.scatter(
                [pos[n][0] for n in nodes],
                [pos[n][1] for n in nodes],
                s=[sizes[n] for n in nodes],
                marker=marker,
                color=colour,
                edgecolors="white",
                linewidths=1.5,
                zorder=2,
            )
        ax.margins(0.15)
        ax.autoscale_view()
        label_nodes(
            ax, order, pos, sizes, labels={n: part_label(n[1]) if n[0] == "part" else n[1] for n in order}, fontsize=10
        )
        ax.set_title(title, loc="left")
        what = "article ou partie du corpus" if by == "part" else "document"
        ax.legend(
            handles=[
                Line2D([], [], marker="s", color=_PART_COLOUR, lw=0, markersize=10, label=what),
                Line2D(
                    [],
                    [],
                    marker="o",
                    color=_OUTLET_COLOUR,
                    lw=0,
                    markersize=10,
                    label="média cité (taille : attributions)",
                ),
                Line2D([], [], color="#95a5a6", lw=4, label="épaisseur : attributions"),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.02),
            ncol=3,
            frameon=False,
        )
        ax.set_axis_off()
        return ax
