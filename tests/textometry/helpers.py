"""Small hand-checkable token tables for the textometry tests (no spaCy: lemma = norm)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.text.tokens import sentences, tokenize


def toy_tokens(docs: dict[str, str], *, pos: dict[str, str] | None = None, counted: bool = True) -> pd.DataFrame:
    """A tokens table like ``analysis.analyse``'s for several short texts.

    Each text is one segment; sentences come from :func:`analysis.text.tokens.sentences`;
    ``lemma`` is the ``norm``; ``pos`` is looked up in ``pos`` (``NOUN`` by default,
    ``PUNCT`` for punctuation).
    """
    frames = []
    for doc_id, text in docs.items():
        t = tokenize(text)
        sents = sentences(text)
        bounds = sents["start"].to_numpy()
        t.insert(0, "doc_id", doc_id)
        t.insert(1, "seg", 0)
        t.insert(2, "sent", np.searchsorted(bounds, t["start"].to_numpy(), side="right") - 1)
        t["lemma"] = t["norm"]
        t["pos"] = ["PUNCT" if p else (pos or {}).get(n, "NOUN") for n, p in zip(t["norm"], t["is_punct"])]
        t["counted"] = counted
        frames.append(t)
    return pd.concat(frames, ignore_index=True)


def toy_documents(rows: list[dict]) -> pd.DataFrame:
    """A documents table (``doc_id, title, date, outlet, author``) from row dicts."""
    out = pd.DataFrame(rows)
    for col in ("title", "outlet", "author"):
        if col not in out.columns:
            out[col] = None
    out["date"] = pd.to_datetime(out.get("date"))
    return out


def disjoint_corpus(
    k: int = 3,
    *,
    docs_per_class: int = 15,
    words: int = 30,
    sentences: int = 12,
    shared: tuple[str, ...] = (),
    seed: int = 3,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Documents each written from one of ``k`` disjoint vocabularies, and the vocabulary of each document."""
    rng = np.random.default_rng(seed)
    vocab = [[f"{chr(97 + v)}mot{i}" for i in range(words)] for v in range(k)]
    docs, truth = {}, {}
    for d in range(k * docs_per_class):
        v = d % k
        sents = []
        for s in range(sentences):
            chosen = rng.choice(vocab[v] + list(shared), size=int(rng.integers(6, 14)))
            sents.append(" ".join(chosen) + ("," if s % 3 == 0 else "."))
        docs[f"d{d:03d}"] = " ".join(sents)
        truth[f"d{d:03d}"] = v
    return toy_tokens(docs), truth
