"""Fixtures shared by the corpus tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own (``ANALYSIS_CACHE_DIR``), the cache switched on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(folder))
    monkeypatch.delenv("ANALYSIS_CACHE", raising=False)
    return folder
