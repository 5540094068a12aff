"""The segments and the counting path give, row for row, what they gave before they were made faster.

``tests/text/data/clean_golden.tsv.gz`` holds every segment (all columns but ``text``, which the
offsets give back) of the article, the page fixtures and the demo corpus ``data/wikinews-fr-100``,
``clean_golden_counts.tsv`` a digest of each document's counted lemmas
(``analysis.corpus.stats.doc_counts``) and ``clean_golden_tokens.tsv`` one of its tokens (text,
``start``, ``end``, as :func:`analysis.text.tokens.type_spans` finds them), as the code gave them before the speed work of issue 16.
A change of behaviour is a change of these files: regenerate them on purpose with
``.venv/bin/python tests/text/test_clean_golden.py --write`` and say why in the commit.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "clean_golden.tsv.gz"
COUNTS = DATA / "clean_golden_counts.tsv"
TOKENS = DATA / "clean_golden_tokens.tsv"
COLUMNS = ["doc", "seg", "kind", "start", "end", "duplicate_of", "counted", "rule", "reason"]


def documents() -> dict[str, str]:
    """Every text the golden files cover, by a stable name."""
    from analysis.reading.corpus import Corpus

    texts = {"article": (ROOT / "data" / "article.txt").read_bytes().decode("utf-8")}
    for p in sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.txt")):
        texts[f"pages/{p.name}"] = p.read_bytes().decode("utf-8")
    for doc in Corpus.from_path(ROOT / "data" / "wikinews-fr-100"):
        texts[f"wikinews/{doc.doc_id}"] = doc.text
    return texts


def segment_rows(texts: dict[str, str]) -> pd.DataFrame:
    from analysis.text.clean import segments

    frames = [segments(t).assign(doc=name) for name, t in texts.items()]
    table = pd.concat(frames, ignore_index=True)[COLUMNS]
    return table.astype({"duplicate_of": "string"}).fillna({"duplicate_of": ""}).astype(str)


def count_digests(texts: dict[str, str]) -> pd.DataFrame:
    from analysis.corpus.stats import doc_counts
    from analysis.reading.article import Article

    rows = []
    for name, t in texts.items():
        counts = doc_counts(Article.from_text(t, doc_id=name))
        blob = json.dumps(sorted(counts.items()), ensure_ascii=False).encode("utf-8")
        rows.append(
            {
                "doc": name,
                "terms": str(len(counts)),
                "tokens": str(sum(counts.values())),
                "sha256": hashlib.sha256(blob).hexdigest(),
            }
        )
    return pd.DataFrame(rows)


def token_digests(texts: dict[str, str]) -> pd.DataFrame:
    """A digest of each document's tokens as the counting path finds them: text, start, end."""
    from analysis.text.tokens import type_spans

    rows = []
    for name, t in texts.items():
        sp = type_spans(t)
        blob = json.dumps(
            [sp.types[sp.codes].tolist(), sp.starts.tolist(), sp.ends.tolist()], ensure_ascii=False
        ).encode("utf-8")
        rows.append({"doc": name, "tokens": str(len(sp.codes)), "sha256": hashlib.sha256(blob).hexdigest()})
    return pd.DataFrame(rows)


def read_tsv(path: Path) -> pd.DataFrame:
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return pd.read_csv(io.BytesIO(raw), sep="\t", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return documents()


def test_segments_are_unchanged(texts: dict[str, str]) -> None:
    expected = read_tsv(GOLDEN)
    got = segment_rows(texts)
    assert set(got["doc"]) == set(texts) and len(texts) > 100
    for name, want in expected.groupby("doc", sort=False):
        have = got[got["doc"] == name].reset_index(drop=True)
        pd.testing.assert_frame_equal(have, want.reset_index(drop=True), obj=name)
    assert len(got) == len(expected)


def test_counts_are_unchanged(texts: dict[str, str]) -> None:
    expected = read_tsv(COUNTS)
    got = count_digests(texts)
    pd.testing.assert_frame_equal(got, expected)
    assert (got["tokens"].astype(int) > 0).sum() > 100


def test_tokens_are_unchanged(texts: dict[str, str]) -> None:
    expected = read_tsv(TOKENS)
    got = token_digests(texts)
    pd.testing.assert_frame_equal(got, expected)
    assert (got["tokens"].astype(int) > 0).sum() > 100


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    sys.path.insert(0, str(ROOT))
    docs = documents()
    DATA.mkdir(exist_ok=True)
    GOLDEN.write_bytes(gzip.compress(segment_rows(docs).to_csv(sep="\t", index=False).encode("utf-8"), mtime=0))
    count_digests(docs).to_csv(COUNTS, sep="\t", index=False)
    token_digests(docs).to_csv(TOKENS, sep="\t", index=False)
    print(f"wrote {GOLDEN}, {COUNTS} and {TOKENS}")
