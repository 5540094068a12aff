"""`make lint` is wired as the issue asks: the tools, their configuration, `make test` running it first,
and pre-commit running the same. (The checks themselves run in `make lint`, not here.)"""

from __future__ import annotations

import re
import subprocess
import tomllib

import yaml

from analysis.paths import ROOT

from .test_imports import AREAS, PACKAGE

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
TOOLS = ["ruff check", "ruff format --check", "mypy", "lint-imports"]


def _recipe(target: str) -> tuple[str, list[str]]:
    """(prerequisites, command lines) of a Makefile target."""
    m = re.search(rf"^{target}:([^\n#]*)(?:##[^\n]*)?\n((?:\t[^\n]*\n)*)", MAKEFILE, re.M)
    assert m, f"no {target} target"
    return m.group(1), [ln.strip() for ln in m.group(2).splitlines()]


def test_make_lint_runs_the_four_checks_and_make_test_runs_it_first():
    _, lines = _recipe("lint")
    for tool in TOOLS:
        assert any(f"/{tool}" in ln for ln in lines), f"make lint does not run {tool}"
    prerequisites, _ = _recipe("test")
    assert "lint" in prerequisites.split()


def test_make_help_lists_lint():
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert re.search(r"^\s+lint\s+\S", out, re.M), out


def test_pre_commit_runs_the_same_checks_offline():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [r["repo"] for r in config["repos"]] == ["local"]  # nothing fetched
    entries = [h["entry"] for r in config["repos"] for h in r["hooks"]]
    for tool in TOOLS:
        assert any(e.startswith(f".venv/bin/{tool}") for e in entries), f"pre-commit does not run {tool}"


def test_ruff_allows_french_typography_and_the_tools_are_pinned_in_every_environment_file():
    confusables = set(PYPROJECT["tool"]["ruff"]["lint"]["allowed-confusables"])
    assert {"’", "«", "»", "\u00a0", "\u202f"} <= confusables
    assert {"RUF001", "RUF002", "RUF003"} <= set(PYPROJECT["tool"]["ruff"]["lint"]["select"])
    dev = PYPROJECT["project"]["optional-dependencies"]["dev"]
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for pin in dev:
        name, version = pin.split("==")
        assert re.search(rf"^{re.escape(name)}=={re.escape(version)} ", lock, re.M), f"{pin} not in the lock"


def test_the_layer_contract_places_every_area_and_the_base_modules():
    contracts = PYPROJECT["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    placed = {m.strip() for layer in layers for m in re.split(r"[|:]", layer)}
    base = {
        f"analysis.{p.stem}"
        for p in PACKAGE.glob("*.py")
        if p.stem not in ("__init__", "__main__", "entities", "quotes", "corpus_stats", "figures")
    }  # aliases sit outside
    assert {f"analysis.{a}" for a in AREAS} | base <= placed, sorted(({f"analysis.{a}" for a in AREAS} | base) - placed)
    forbidden = next(c for c in contracts if c["type"] == "forbidden")
    assert forbidden["forbidden_modules"] == ["analysis.eval"]
    core = {m for m in placed if m not in ("analysis.eval", "analysis.app")}
    assert core <= set(forbidden["source_modules"]), sorted(core - set(forbidden["source_modules"]))
