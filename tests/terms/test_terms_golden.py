"""Every term table gives, byte for byte, what it gave before the term tables were vectorised (issue 16).

``tests/terms/data/terms_golden.tsv`` holds a digest (sha256 of the CSV, floats written in full, and of
``attrs["rule"]``) of each term table of the article alone, of each page fixture alone, and of the
article, the page fixtures and the demo corpus ``data/wikinews-fr-100`` taken together as one
corpus of 108 documents, as the code gave them before the speed work. A change of behaviour is a
change of this file: regenerate it on purpose with
``.venv/bin/python tests/terms/test_terms_golden.py --write`` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "data" / "terms_golden.tsv"


def documents():
    """Every text the golden file covers, analysed, by a stable name (``Tables``)."""
    import analysis
    from analysis.reading.corpus import Corpus

    texts = {"article": (ROOT / "data" / "article.txt").read_bytes().decode("utf-8")}
    for p in sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.txt")):
        texts[f"pages/{p.name}"] = p.read_bytes().decode("utf-8")
    for doc in Corpus.from_path(ROOT / "data" / "wikinews-fr-100"):
        texts[f"wikinews/{doc.doc_id}"] = doc.text
    return {name: analysis.analyse(analysis.Article.from_text(t, doc_id=name)) for name, t in texts.items()}


def corpus(parts) -> object:
    """Several analysed documents as one ``Tables`` (rows carry their ``doc_id``)."""
    from analysis.text.pipeline import Tables

    parts = list(parts)
    return Tables(
        article=parts[0].article,
        **{
            f: pd.concat([getattr(p, f) for p in parts], ignore_index=True) for f in ("segments", "sentences", "tokens")
        },
    )


def tables_of(t) -> dict[str, Callable[[], pd.DataFrame]]:
    """The term tables of one ``Tables``, by name (options varied where they change the code path)."""
    from analysis import terms
    from analysis.terms.keyterms import candidates

    tokens = t.tokens
    watch = terms.frequencies(tokens).head(4)["term"].tolist() + ["absent"]
    out: dict[str, Callable[[], pd.DataFrame]] = {
        "frequencies": lambda: terms.frequencies(tokens),
        "frequencies form by_doc": lambda: terms.frequencies(tokens, by="form", by_doc=True, stopwords=True),
        "frequencies stem": lambda: terms.frequencies(tokens, by="stem", numbers=False),
        "ngrams 2": lambda: terms.ngrams(tokens, n=2),
        "ngrams 3 by_doc": lambda: terms.ngrams(tokens, n=3, by_doc=True, stopwords=True),
        "ngrams 2 norm cross": lambda: terms.ngrams(tokens, n=2, by="norm", cross_punct=True, min_count=2),
        "repeated phrases": lambda: terms.repeated_phrases(tokens),
        "repeated phrases lemma": lambda: terms.repeated_phrases(tokens, by="lemma", subsume=False, max_n=4),
        "collocations": lambda: terms.collocations(tokens),
        "collocations pmi 1": lambda: terms.collocations(tokens, sort_by="pmi", min_count=1),
        "collocations t window 3": lambda: terms.collocations(tokens, sort_by="t_score", window=3),
        "collocations norm uncounted": lambda: terms.collocations(tokens, by="norm", uncounted=True, top=30),
        "keyness": lambda: terms.keyness(tokens),
        "keyness norm": lambda: terms.keyness(tokens, by="norm", min_count=1, numbers=True, absent=0),
        "keyness form": lambda: terms.keyness(tokens, by="form", uncounted=True),
        "tfidf": lambda: terms.tfidf(tokens),
        "tfidf segments": lambda: terms.tfidf(tokens, across="segments", top=5),
        "tfidf norm numbers": lambda: terms.tfidf(tokens, by="norm", numbers=True, uncounted=True),
        "kwic": lambda: terms.kwic(tokens, watch[0]),
        "dispersion": lambda: terms.dispersion(tokens, watch),
        "dispersion scores": lambda: terms.dispersion_scores(tokens),
        "trends": lambda: terms.trends(tokens, watch),
        "vocabulary": lambda: terms.vocabulary(tokens),
        "candidates": lambda: candidates(tokens),
        "keyterms": lambda: terms.keyterms(t, top=10),
        "keyterms tokens": lambda: terms.keyterms(tokens, top=5, max_words=3),
    }
    return out


def digest(table: pd.DataFrame) -> str:
    """sha256 of the table as CSV (floats in full: shortest repr) and of its rule."""
    blob = table.to_csv(index=False, lineterminator="\n") + "\n#" + str(table.attrs.get("rule", ""))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def digests(docs) -> pd.DataFrame:
    """One row per (document set, table): rows, columns and digest."""
    sets = {"article": docs["article"]}
    sets.update({name: t for name, t in docs.items() if name.startswith("pages/")})
    sets["corpus"] = corpus(docs.values())
    rows = []
    for name, t in sets.items():
        for table, fn in tables_of(t).items():
            out = fn()
            rows.append({"set": name, "table": table, "rows": str(len(out)), "sha256": digest(out)})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def docs():
    return documents()


def test_term_tables_are_unchanged(docs) -> None:
    expected = pd.read_csv(GOLDEN, sep="\t", dtype=str, keep_default_na=False)
    got = digests(docs)
    assert len(docs) > 100 and (got["rows"].astype(int) > 0).sum() > 100
    mismatch = got.merge(expected, on=["set", "table"], how="outer", suffixes=("", "_expected"), indicator=True)
    bad = mismatch[(mismatch["_merge"] != "both") | (mismatch["sha256"] != mismatch["sha256_expected"])]
    assert bad.empty, bad[["set", "table", "rows", "rows_expected"]].to_string()


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    sys.path.insert(0, str(ROOT))
    GOLDEN.parent.mkdir(exist_ok=True)
    digests(documents()).to_csv(GOLDEN, sep="\t", index=False)
    print(f"wrote {GOLDEN}")
