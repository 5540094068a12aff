"""The demo corpus (data/wikinews-fr-100): shipped byte for byte, with its licence, read as 100 articles."""

from __future__ import annotations

import hashlib

import pytest

from analysis.corpus import Corpus, documents
from analysis.paths import DATA_DIR

DEMO = DATA_DIR / "wikinews-fr-100"
DESCRIPTIONS = {"README.md", "LICENSE.txt", "SHA256SUMS"}


def _manifest() -> dict[str, str]:
    rows = [line.split() for line in (DEMO / "SHA256SUMS").read_text(encoding="ascii").splitlines() if line.strip()]
    assert all(len(r) == 2 and len(r[0]) == 64 for r in rows), "SHA256SUMS: '<sha256>  <name>' per line"
    return {name: digest for digest, name in rows}


def test_pages_match_their_checksums():
    manifest = _manifest()
    pages = sorted(p.name for p in DEMO.iterdir() if p.name not in DESCRIPTIONS)
    assert len(manifest) == 100
    assert pages == sorted(manifest), "the folder holds exactly the pages of the manifest (no gold data, no extras)"
    bad = [n for n, digest in manifest.items() if hashlib.sha256((DEMO / n).read_bytes()).hexdigest() != digest]
    assert not bad, f"pages changed since they were shipped: {bad[:5]}"


def test_licence_and_attribution_are_shipped():
    licence = (DEMO / "LICENSE.txt").read_text(encoding="utf-8")
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    for text in (licence, readme):
        assert "CC BY 2.5" in text and "creativecommons.org/licenses/by/2.5" in text
        assert "Wikinews contributors" in text
        assert "adrien-bougouin/WikinewsKeyphraseCorpus" in text
        assert "3b89de05e97cd8440071a28acc0f15a5c35a068c" in text


def test_pages_are_the_upstream_files(shared_eval):
    upstream = shared_eval / "news" / "wikinews-fr-100" / "html"
    if not upstream.is_dir():
        pytest.skip(f"{upstream} is absent")
    for name in _manifest():
        assert (DEMO / name).read_bytes() == (upstream / name).read_bytes(), name


def test_corpus_reads_the_100_articles_and_skips_the_descriptions():
    corpus = Corpus.from_path(DEMO)
    assert len(corpus) == 100 and corpus.errors.empty
    docs = documents(corpus.materialize())
    assert sorted(docs["doc_id"]) == sorted(n.removesuffix(".html") for n in _manifest())
    assert docs["date"].notna().all()
    assert docs["date"].min().strftime("%Y-%m") == "2012-05" and docs["date"].max().year == 2012


def test_weekly_coverage_weeks_start_on_monday():
    from analysis.corpus import stats as cs

    docs = documents(Corpus.from_path(DEMO).materialize())
    cov = cs.coverage(docs, freq="week")
    assert (cov["period"].dt.day_of_week == 0).all()
    assert cov["period"].iloc[0].strftime("%Y-%m-%d") == "2012-05-21"  # the Monday before 22 May 2012
    assert int(cov["articles"].sum()) == 100
