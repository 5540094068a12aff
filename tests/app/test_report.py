"""make report: the executed notebooks as one self-contained HTML file, checked in the browser."""

from __future__ import annotations

import re

import pytest

from analysis.app.notebooks import notebooks
from analysis.paths import FIGURES_DIR
from analysis.app.report import build_report

pytestmark = pytest.mark.slow


def test_report_is_self_contained_with_every_figure(tmp_path, browser):
    report = build_report(out_dir=tmp_path)
    assert report == tmp_path / "report.html" and report.stat().st_size > 10_000
    html = report.read_text(encoding="utf-8")
    # self-contained: no image, script or stylesheet fetched from a file beside it
    assert not re.search(r'<img[^>]+src="(?!data:)', html)
    assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="(?!data:|https?:)', html)
    for nb in notebooks():
        assert nb.name in html, f"{nb.name} is missing from the report"
    page = browser.new_page()
    try:
        page.goto(report.as_uri())
        widths = page.locator("img").evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
        figures = sorted(FIGURES_DIR.glob("*.png"))
        assert len(widths) >= len(figures), f"{len(widths)} images in the report for {len(figures)} figures"
        assert all(w > 0 for w in widths), "an image in the report does not render"
    finally:
        page.close()
