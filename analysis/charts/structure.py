"""The structure of an article: its segments by kind, position and length."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from .base import KIND_COLOURS, KIND_LABELS_FR, new_axes, style

__all__ = ["plot_structure"]


def plot_structure(
    segments: pd.DataFrame,
    *,
    ax: Axes | None = None,
    text_length: int | None = None,
    title: str = "Structure de l’article : segments par type, position et longueur",
) -> Axes:
    """Draw every segment as a bar at its position in the text, one row per kind.

    Counted segments are solid; duplicates are hatched and linked by an arc to
    the segment they repeat; segments left out for another reason
    (boilerplate, credit, byline) are drawn pale with a dashed outline.

    Args:
        segments: A segments table (``analysis.clean.segments``).
        ax: Where to draw; a new figure if None.
        text_length: Length of the raw text (the x-axis end); defaults to the
            last segment's end.
        title: The chart title.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        ax = ax or new_axes(figsize=(12, 5.5))
        kinds = [k for k in KIND_LABELS_FR if k in set(segments["kind"])]
        row = {k: i for i, k in enumerate(reversed(kinds))}
        for r in segments.itertuples(index=False):
            y = row[r.kind]
            dup = not pd.isna(r.duplicate_of)
            colour = KIND_COLOURS[r.kind]
            width = max(r.end - r.start, 8)
            if r.counted:
                ax.barh(y, width, left=r.start, height=0.6, color=colour, edgecolor="white", linewidth=0.8)
            elif dup:
                ax.barh(
                    y, width, left=r.start, height=0.6, color="white", edgecolor=colour, hatch="////", linewidth=1.2
                )
            else:
                ax.barh(
                    y,
                    width,
                    left=r.start,
                    height=0.6,
                    color=colour,
                    alpha=0.35,
                    edgecolor=colour,
                    linestyle="--",
                    linewidth=1.0,
                )
            if dup:
                orig = segments.loc[segments["seg"] == r.duplicate_of].iloc[0]
                y0 = row[orig["kind"]]
                x0 = (orig["start"] + orig["end"]) / 2
                x1 = (r.start + r.end) / 2
                ax.annotate(
                    "",
                    xy=(x1, y + 0.32),
                    xytext=(x0, y0 + 0.32),
                    arrowprops={"arrowstyle": "->", "color": "#c0392b", "lw": 1.3, "connectionstyle": "arc3,rad=-0.35"},
                )
        end = text_length or int(segments["end"].max() if len(segments) else 1)
        ax.set_xlim(0, end * 1.01)
        ax.set_ylim(-0.6, len(kinds) - 0.4)
        ax.set_yticks(list(row.values()), [KIND_LABELS_FR[k] for k in row])
        ax.set_xlabel("position dans le texte brut (caractères)")
        ax.set_title(title, loc="left")
        n_dup = int(segments["duplicate_of"].notna().sum())
        n_out = int((~segments["counted"].astype(bool)).sum()) - n_dup
        handles = [
            Patch(facecolor="#5d6d7e", label="compté"),
            Patch(facecolor="white", edgecolor="#5d6d7e", hatch="////", label=f"doublon, non compté ({n_dup})"),
            Patch(
                facecolor="#aab7b8",
                alpha=0.35,
                edgecolor="#5d6d7e",
                linestyle="--",
                label=f"écarté : habillage, crédit, signature ({n_out})",
            ),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False)
        return ax
