"""Figures: regenerated headless from the notebooks, byte-identical to the committed ones."""

from __future__ import annotations

import filecmp
import re

import pytest

from analysis.figures import notebooks, run_figures
from analysis.paths import FIGURES_DIR


def _saved_names() -> set[str]:
    """Every figure name the notebooks save (``save_figure(fig, "NAME", ...)`` in their code cells)."""
    import nbformat

    names = set()
    for path in notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                names |= set(re.findall(r"save_figure\([^,]+,\s*[\"']([^\"']+)[\"']", cell.source))
    return names


EXPECTED = _saved_names()


def test_committed_figures_exist():
    assert len(EXPECTED) >= 15, EXPECTED
    names = {p.stem for p in FIGURES_DIR.glob("*.png")}
    assert EXPECTED <= names
    for stem in EXPECTED:
        assert (FIGURES_DIR / f"{stem}.svg").stat().st_size > 1000
        assert (FIGURES_DIR / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_regenerated_figures_are_byte_identical(tmp_path):
    runs = run_figures(out_dir=tmp_path)
    assert [r.notebook for r in runs] == notebooks()
    made = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in made if n.startswith(".")], "staging files left behind"
    committed = sorted(p.name for p in FIGURES_DIR.iterdir() if p.suffix in (".png", ".svg"))
    assert made == committed
    match, mismatch, errors = filecmp.cmpfiles(tmp_path, FIGURES_DIR, made, shallow=False)
    assert not mismatch and not errors, f"regenerated figures differ from committed ones: {mismatch}"
