"""Where things live: one place for the project's paths (cookiecutter-data-science style)."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (the folder holding ``analysis/``).
ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
FIGURES_DIR = ROOT / "figures"
NOTEBOOKS_DIR = ROOT / "notebooks"
#: The article the project is built around.
ARTICLE = DATA_DIR / "article.txt"
#: The demo corpus of notebook 05: 100 French Wikinews pages of 2012 (CC BY 2.5, see its README.md).
DEMO_CORPUS = DATA_DIR / "wikinews-fr-100"
#: Data shipped with the text layer (stopwords, the lemma table and its licence, lemma overrides).
TEXT_DATA = Path(__file__).resolve().parent / "text" / "data"
#: Data shipped with the people layer (the gazetteer).
PEOPLE_DATA = Path(__file__).resolve().parent / "people" / "data"


def eval_dir() -> Path:
    """The shared evaluation data: ``$ANALYSIS_EVAL_DIR`` or ``../shared/eval`` beside the project.

    Returns:
        Path: The folder (which may not exist).
    """
    env = os.environ.get("ANALYSIS_EVAL_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "eval"
