"""The project's shape and set-up: layout, environment files in agreement, offline code."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement

LAYOUT = [
    "notebooks",
    "analysis",
    "data",
    "figures",
    "tests",
    "benchmarks",
    "environment.yml",
    "pyproject.toml",
    "Makefile",
    "README.md",
    "ARCHITECTURE.md",
    ".ci/run",
    "requirements.lock",
]


def _requirements(specs):
    out = {}
    for spec in specs:
        req = Requirement(spec)
        out[re.sub(r"[-_.]+", "-", req.name).lower()] = str(req.specifier)
    return out


def test_layout(root):
    missing = [p for p in LAYOUT if not (root / p).exists()]
    assert not missing, f"missing from the design card's layout: {missing}"
    assert (root / "analysis" / "__init__.py").is_file()


def test_environment_yml_agrees_with_pyproject(root):
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    pip_deps = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    conda_deps = [d for d in env["dependencies"] if isinstance(d, str)]
    assert any(d.replace(" ", "").startswith("python=3.11") for d in conda_deps)
    assert _requirements(pip_deps) == _requirements(declared), (
        "environment.yml and pyproject.toml disagree on the dependency list"
    )


def test_lock_pins_every_declared_dependency(root):
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = (root / "requirements.lock").read_text(encoding="utf-8")
    pinned = {
        re.sub(r"[-_.]+", "-", m.group(1)).lower(): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", lock, re.M)
    }
    for spec in project["dependencies"] + [s for extra in project["optional-dependencies"].values() for s in extra]:
        req = Requirement(spec)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in pinned, f"{name} is not pinned in requirements.lock (run make lock)"
        assert req.specifier.contains(pinned[name], prereleases=True), (
            f"requirements.lock pins {name}=={pinned[name]}, outside {req.specifier} (run make lock)"
        )
    assert "--hash=sha256:" in lock


def test_ci_runs_make_test_only(root):
    lines = [
        ln.strip()
        for ln in (root / ".ci" / "run").read_text().splitlines()
        if ln.strip() and not ln.strip().startswith("#")
    ]
    commands = [ln for ln in lines if not ln.startswith(("set ", "cd "))]
    assert commands == ["make test"]


def test_readme_starts_with_the_two_commands(root):
    head = (root / "README.md").read_text(encoding="utf-8")[:1500]
    assert "make figures" in head and "make test" in head


def test_nothing_downloads_at_run_time(root):
    pattern = re.compile(
        r"nltk\.download|spacy\.cli\.download|snapshot_download|from_pretrained|urlretrieve"
        r"|requests\.get|urllib\.request"
    )
    offenders = []
    for path in [
        *(root / "analysis").rglob("*.py"),
        *(root / "notebooks").glob("*.ipynb"),
        *(root / "benchmarks").rglob("*.py"),
    ]:
        if pattern.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(root)))
    assert not offenders, f"run-time downloads in {offenders}"


def test_notebooks_have_a_parameters_cell(root):
    import nbformat

    books = sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert len(books) >= 2
    for path in books:
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name} needs exactly one cell tagged 'parameters'"
        assert "article_path" in tagged[0].source and "figures_dir" in tagged[0].source
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
            f"{path.name}: outputs are not committed (clean diffs)"
        )
