"""The tokenizer's language knowledge lives in analysis/text/data/tokens_fr.toml; the code is generic."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from analysis.text import rules, sentence_bounds, tokens as T

DATA = Path(T.__file__).resolve().parent / "data" / "tokens_fr.toml"
LISTS = {
    "elision_prefixes": "ELISION_PREFIXES",
    "fixed_forms": "FIXED_FORMS",
    "inversion_pronouns": "INVERSION_PRONOUNS",
    "deictic_suffixes": "DEICTIC_SUFFIXES",
    "demonstratives": "DEMONSTRATIVES",
    "title_abbreviations": "TITLE_ABBREVIATIONS",
    "number_abbreviations": "NUMBER_ABBREVIATIONS",
    "other_abbreviations": "OTHER_ABBREVIATIONS",
    "emoticons": "EMOTICONS",
    "domains": "DOMAINS",
    "lowercase_starters": "LOWERCASE_STARTERS",
}


def test_every_rule_list_is_read_from_the_data_file():
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    assert set(data) == set(LISTS)
    for key, name in LISTS.items():
        assert getattr(T, name) is getattr(rules, name) == tuple(data[key]) and data[key], name


@pytest.mark.parametrize("module", [T, sentence_bounds, rules], ids=lambda m: m.__name__)
def test_the_code_holds_no_word_list_of_its_own(module):
    """No module-level tuple or list of three or more strings in the tokenizer's modules (but
    ``__all__`` and the tables' column names): the words are in the data file."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            value = node.value
            if (
                isinstance(value, (ast.Tuple, ast.List, ast.Set))
                and len(value.elts) >= 3
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts)
                and not any(n == "__all__" or n.endswith("COLUMNS") for n in names)
            ):
                found.append((node.lineno, names))
    assert not found, f"word lists in {module.__name__}: {found}"


def test_the_data_drives_the_tokenizer():
    assert [t for t in T.tokenize("jusqu’au bout, donne-le-moi, M. Dupont")["text"]] == [
        "jusqu’",
        "au",
        "bout",
        ",",
        "donne",
        "-le",
        "-moi",
        ",",
        "M.",
        "Dupont",
    ]
