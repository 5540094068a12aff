"""The fast look-up lemmatiser of the counting path agrees with spaCy's contextual lemmas."""

from __future__ import annotations

import pytest

from analysis.text import lemmas_fast
from analysis.reading.article import load_article
from analysis.paths import ARTICLE, eval_dir

FLOOR = 0.90  # measured 2026-11: article 94.7%, HIPE sample 92.5%, Wikinews sample 95.5%


def test_agreement_with_spacy_on_the_article():
    score = lemmas_fast.agreement(load_article(ARTICLE).text)
    assert score["tokens"] > 1000
    assert score["all"] >= FLOOR, score


@pytest.mark.skipif(not (eval_dir() / "news").is_dir(), reason=f"no evaluation corpora in {eval_dir()}")
@pytest.mark.parametrize("folder", ["hipe-fr-plaintext", "wikinews-fr-100/txt"])
def test_agreement_with_spacy_on_eval_samples(folder):
    files = sorted((eval_dir() / "news" / folder).glob("*.txt"))
    files = [f for f in files if not f.name.upper().startswith(("LICENSE", "SOURCE"))][::20]
    text = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    score = lemmas_fast.agreement(text)
    assert score["all"] >= FLOOR, score


def test_conventions():
    assert lemmas_fast.lemmatize_types(["les", "drones", "»", "Iran", "a", "sont"]) == [
        "le",
        "drone",
        "»",
        "Iran",
        "avoir",
        "être",
    ]
    assert list(lemmas_fast.lemmatize(["drones", "drones"])) == ["drone", "drone"]


def test_the_shipped_lookup_cache_is_the_json_table():
    import hashlib
    import marshal
    import zlib

    head, _, body = lemmas_fast.LOOKUP_CACHE_PATH.read_bytes().partition(b"\n")
    assert head.decode() == hashlib.sha256(lemmas_fast.LOOKUP_PATH.read_bytes()).hexdigest(), (
        "stale fr_lemma_lookup.marshal.zlib: run .venv/bin/python -m analysis.text.lemmas_fast build-cache"
    )
    assert marshal.loads(zlib.decompress(body)) == lemmas_fast._json_lookup()
    assert lemmas_fast._cached_lookup() is not None  # and it is what tables() reads


@pytest.mark.parametrize("content", [b"0" * 64 + b"\n" + b"x", b"", b"no header"])
def test_a_stale_or_broken_lookup_cache_falls_back_to_the_json(tmp_path, monkeypatch, content):
    bad = tmp_path / "cache.bin"
    bad.write_bytes(content)
    monkeypatch.setattr(lemmas_fast, "LOOKUP_CACHE_PATH", bad)
    assert lemmas_fast._cached_lookup() is None
    lemmas_fast.tables.cache_clear()
    try:
        assert lemmas_fast.tables()[1] == lemmas_fast._json_lookup()
    finally:
        lemmas_fast.tables.cache_clear()


def test_lemmas_are_those_of_the_rules_written_out():
    """``lemmatize_types``'s shortcuts (alphabetic forms, the default rule inline) give, form for form, the
    rules of the module docstring written out: ``word_form``, the overrides, then ``_default``; over every
    form of the article, the page fixtures and the 100 demo pages, and forms made to reach each branch."""
    from pathlib import Path

    from analysis.text import tokens as tok
    from analysis.text.tokens import word_form

    root = Path(__file__).resolve().parents[2]
    paths = [root / "data" / "article.txt", *sorted((root / "tests" / "fixtures" / "pages").glob("*.txt"))]
    paths += sorted((root / "data" / "wikinews-fr-100").glob("*.html"))
    forms: dict[str, None] = {}
    for p in paths:
        forms.update(dict.fromkeys(tok.type_spans(load_article(p).text).types.tolist()))
    forms.update(
        dict.fromkeys(
            [
                "ONU",
                "McDo",
                "Paris",
                "PARIS",
                "Été",
                "été",
                "aujourd’hui",
                "lan\u00adceur",
                "1 000",
                "«",
                "—",
                "x²",
                "Ⅻ",
                "ǅemal",
            ]
        )
    )
    overrides, lookup = lemmas_fast.tables()

    def written_out(token: str) -> str:
        if not any(ch.isalnum() for ch in token):
            return token
        word = word_form(token)
        lemma = overrides.get(word)
        return lemma if lemma is not None else lemmas_fast._default(word, lookup)

    lemmas_fast._memo.cache_clear()
    got = lemmas_fast.lemmatize_types(list(forms))
    assert len(forms) > 5_000
    assert got == [written_out(t) for t in forms]
