"""Shared fixtures: the repository's paths and the shared evaluation data."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from analysis.paths import ARTICLE, ROOT, eval_dir

# The on-disk cache of analysed tables (analysis.corpus.cache) that the command line uses: in a folder of
# this test run (inherited by the commands the tests start), never the user's, removed at exit.
if "ANALYSIS_CACHE_DIR" not in os.environ:
    os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="analysis-cache-tests-")
    atexit.register(shutil.rmtree, os.environ["ANALYSIS_CACHE_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def article_path() -> Path:
    return ARTICLE


@pytest.fixture(scope="session")
def raw_text(article_path: Path) -> str:
    return article_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tables(article_path: Path):
    """The article analysed once for the whole session (spaCy is slow to load)."""
    import analysis

    return analysis.analyse(analysis.load_article(article_path))


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The shared evaluation folder; tests that need it skip, saying why, when it is absent."""
    folder = eval_dir()
    if not folder.is_dir():
        pytest.skip(
            f"evaluation data absent: {folder} not found (clone the project beside shared/ or set ANALYSIS_EVAL_DIR)"
        )
    return folder


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; skips, saying why, when Chromium is absent."""
    from .lab import CHROMIUM_FLAGS, find_chromium

    chromium = find_chromium()
    if chromium is None:
        pytest.skip(
            "Chromium is not installed (make test installs Debian's chromium when run as root; "
            "or set CHROMIUM=/path/to/chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()
