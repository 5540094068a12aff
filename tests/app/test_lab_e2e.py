"""End to end: every notebook run in a real JupyterLab, in headless Chromium.

For each numbered notebook: open it, run all cells, and check that no cell
shows an error, that every figure renders as an image, and that widgets
respond to input. Screenshots go to ``reports/e2e/`` (printed by the test).
The server and its kernels are shut down afterwards.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from analysis.app.notebooks import notebooks
from analysis.paths import ROOT

from ..lab import NOTEBOOK_STATE_JS, start_lab, stop_lab

SCREENSHOTS = ROOT / "reports" / "e2e"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
RUN_TIMEOUT_S = 240

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    server = start_lab(tmp_path_factory.mktemp("lab"))
    yield server
    stop_lab(server)
    assert server.process.poll() is not None, "the JupyterLab server is still running"


def _wait_state(page, predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = page.evaluate(NOTEBOOK_STATE_JS)
        if state and predicate(state):
            return state
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}; last state: {state}")


def _exercise_widgets(page) -> int:
    """Change each dropdown and text box once; count those after which some output changed."""
    responded = 0
    controls = page.locator(
        ".jp-OutputArea .widget-dropdown select, .jp-OutputArea .widget-select select,"
        " .jp-OutputArea .widget-text input"
    )
    for k in range(controls.count()):
        control = controls.nth(k)
        if not control.is_visible():  # e.g. in a tab that is not selected
            continue
        before = page.locator(".jp-OutputArea .widget-output, .jp-OutputArea .widget-html").all_inner_texts()
        tag = control.evaluate("e => e.tagName")
        if tag == "SELECT":
            options = control.locator("option")
            if options.count() < 2:
                continue
            control.select_option(index=options.count() - 1)
        else:
            control.fill("guerre")
            control.press("Enter")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            after = page.locator(".jp-OutputArea .widget-output, .jp-OutputArea .widget-html").all_inner_texts()
            if after != before:
                responded += 1
                break
            time.sleep(0.3)
    return responded


@pytest.mark.parametrize("notebook", [nb.name for nb in notebooks()])
def test_notebook_runs_in_jupyterlab(browser, lab, notebook):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(lab.url(notebook), wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        _wait_state(page, lambda s: s["ready"] and s["status"] == "idle", timeout=90, what="an idle kernel")
        page.evaluate("""() => { const app = window.jupyterapp; app.shell.activateById(app.shell.currentWidget.id);
                                 return app.commands.execute('notebook:run-all-cells'); }""")
        state = _wait_state(
            page,
            lambda s: s["status"] == "idle" and all(c["count"] for c in s["cells"]),
            timeout=RUN_TIMEOUT_S,
            what="every cell to run",
        )
        errors = [
            f"cell «{c['source']}»: {o['ename']}: {o['evalue']}"
            for c in state["cells"]
            for o in c["outputs"]
            if o["type"] == "error"
        ]
        assert not errors, f"{notebook}: cells show errors: {errors}"
        assert (
            page.locator(
                ".jp-OutputArea-output .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']"
            ).count()
            == 0
        )
        n_images = sum("image/png" in o["mimes"] for c in state["cells"] for o in c["outputs"])
        n_saved = sum(c["source_full"].count("save_figure(") for c in state["cells"])
        assert n_images >= max(1, n_saved), f"{notebook}: {n_images} figures displayed, {n_saved} saved"
        page.wait_for_function(
            f"() => document.querySelectorAll('.jp-RenderedImage img').length >= {n_images}", timeout=30_000
        )
        widths = page.locator(".jp-RenderedImage img").evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
        assert len(widths) >= n_images and all(w > 0 for w in widths), f"{notebook}: images not rendered"
        page.screenshot(path=str(SCREENSHOTS / f"{Path(notebook).stem}.png"))
        has_widgets = any(WIDGET_MIME in o["mimes"] for c in state["cells"] for o in c["outputs"])
        if has_widgets:
            assert page.locator(".jp-OutputArea .jupyter-widgets").count() > 0, "widgets not rendered"
            assert _exercise_widgets(page) >= 1, f"{notebook}: no widget responded to input"
            page.screenshot(path=str(SCREENSHOTS / f"{Path(notebook).stem}-widgets.png"))
        print(f"screenshots in {SCREENSHOTS}")
    finally:
        page.close()
