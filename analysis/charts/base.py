"""The one style of the project's charts, new Axes, and deterministic atomic saving.

:data:`STYLE` is applied inside each plotting function with ``rc_context``, so
nothing global is changed; charts are legible at slide size, with French
labels where they show French words. :func:`save_figure` writes PNG and SVG
atomically and deterministically: the same figure gives byte-identical files
(fixed SVG hash salt, no dates or software versions in the metadata, fonts
bundled with matplotlib).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["BAR_COLOUR", "KIND_COLOURS", "KIND_LABELS_FR", "STYLE", "new_axes", "save_figure", "style"]

#: The one style of the project's charts.
STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 12,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.hashsalt": "analysis",
    "svg.fonttype": "path",
    "path.simplify": True,
}

#: Segment kinds in reading order, with their French names and colours.
KIND_LABELS_FR: dict[str, str] = {
    "title": "titre",
    "lede": "chapeau",
    "caption": "légende photo",
    "heading": "intertitre",
    "paragraph": "paragraphe",
    "quote": "citation",
    "credit": "crédit",
    "byline": "signature",
    "boilerplate": "habillage de page",
}
KIND_COLOURS: dict[str, str] = {
    "title": "#1b4f72",
    "lede": "#2e86c1",
    "caption": "#af7ac5",
    "heading": "#117a65",
    "paragraph": "#5d6d7e",
    "quote": "#d35400",
    "credit": "#b7950b",
    "byline": "#7d6608",
    "boilerplate": "#aab7b8",
}
#: The default colour of bars.
BAR_COLOUR = "#2e86c1"


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Apply :data:`STYLE` for the duration of a ``with`` block.

    Only the keys of :data:`STYLE` are set and then restored. (``rc_context``
    would restore *every* rcParam, including ``interactive``, which Jupyter's
    inline backend switches on when pyplot first creates a figure: restoring
    it turned inline display off for every later figure of a notebook.)

    Yields:
        None
    """
    saved = {key: plt.rcParams[key] for key in STYLE}
    try:
        plt.rcParams.update(STYLE)
        yield
    finally:
        plt.rcParams.update(saved)


def new_axes(*, figsize: tuple[float, float] = (10, 6)) -> Axes:
    """A new figure with one Axes, in the project's style.

    Args:
        figsize: Width and height in inches.

    Returns:
        matplotlib.axes.Axes: The Axes.
    """
    with style():
        fig = plt.figure(figsize=figsize)
        return fig.add_subplot()


def save_figure(fig: Figure, name: str, *, out_dir: str | Path,
                formats: Sequence[str] = ("png", "svg")) -> list[Path]:
    """Write a figure as PNG and SVG, atomically and deterministically.

    Each file is written to a temporary file in ``out_dir`` and renamed over
    the target, so a reader never sees a half-written figure and an interrupted
    run leaves the old file in place.

    Args:
        fig: The figure.
        name: File name without extension (e.g. ``"01_structure"``).
        out_dir: The folder to write into (created if needed).
        formats: Which formats to write.

    Returns:
        list[pathlib.Path]: The files written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        target = out_dir / f"{name}.{fmt}"
        metadata = {"Date": None} if fmt in ("svg", "pdf") else {"Software": None}
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=f".{fmt}", dir=out_dir)
        try:
            with os.fdopen(fd, "wb") as fh, style():
                fig.savefig(fh, format=fmt, metadata=metadata)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        written.append(target)
    return written
