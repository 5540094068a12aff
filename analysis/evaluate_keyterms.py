"""Key-term evaluation on the Wikinews French keyphrase corpus, with YAKE and plain TF-IDF.

The corpus (Bougouin et al., WikinewsKeyphraseCorpus) holds 100 French
Wikinews articles (``txt/``) and, in ``ref``, reader keyphrases for 67 of them
(tab-separated: file name, keyphrases joined by ``;``). As the dataset's
authors do, a predicted term matches a gold keyphrase when their sequences of
Snowball-stemmed, lowercased words are equal; both sides are tokenised by our
tokenizer and punctuation is dropped. Predictions whose stemmed form repeats
an earlier one are skipped (for every system alike), so a system is never
rewarded or punished twice for the same stem sequence.

Scores at k (5 and 10), macro-averaged over the documents with gold keyphrases:
precision = matches in the top k / k; recall = gold keyphrases matched / gold
keyphrases; F1 is the mean of the documents' F1.

Systems computed in the same run:

* ``ours``: :func:`analysis.keyterms.keyterms` (no corpus statistics), its ``term`` column
  (lemmas, or the most frequent surface form where lemmatising changes the stems).
* ``ours (forms)``: the same ranking, each term given as its most frequent surface form.
* ``tfidf``: plain TF-IDF, candidates are the n-grams of 1 to 3 words (norms)
  inside sentences and between punctuation marks that neither start nor end
  with a stopword; ``tf × ln(N / df)`` with document frequencies over the
  corpus's articles (all 100).
* ``yake``: YAKE (PyPI ``yake``), French settings (``lan="fr"``, ``n=3``).

The documents are also split into two halves (sorted file names, alternating)
so that choices made on one half can be checked on the other: the scores of
each half are reported beside the whole.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .evaluate import GoldDataError

__all__ = ["Document", "KeyphraseGoldError", "evaluate", "format_scores", "load_corpus", "score", "stem_key",
           "tfidf_baseline", "yake_baseline"]

KS = (5, 10)


@dataclass(frozen=True)
class Document:
    """One article of the corpus.

    Attributes:
        doc_id: The file stem.
        text: The raw text.
        gold: Reader keyphrases (empty when the article has none in ``ref``).
    """

    doc_id: str
    text: str
    gold: tuple[str, ...]


class KeyphraseGoldError(GoldDataError):
    """A folder that is not the Wikinews keyphrase corpus (no ``ref``, no pages, a malformed line)."""


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KeyphraseGoldError(f"{path}: not UTF-8 (at byte {exc.start})") from None


def load_corpus(folder: str | Path) -> list[Document]:
    """Read the articles and the reference keyphrases, checking both.

    Args:
        folder (str | pathlib.Path): The corpus folder (with ``txt/`` and ``ref``).

    Returns:
        list[Document]: Every article, sorted by file name.

    Raises:
        KeyphraseGoldError: No such folder (or a file), no ``ref`` or ``txt/``, an empty or
            malformed ``ref`` (lines ``name<TAB>phrase;phrase``), a page named in ``ref`` that
            ``txt/`` lacks, an empty page, or text that is not UTF-8.
    """
    folder = Path(folder)
    if not folder.exists():
        raise KeyphraseGoldError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise KeyphraseGoldError(f"{folder}: not a folder (expected the Wikinews keyphrase corpus: txt/ and ref)")
    txt, ref = folder / "txt", folder / "ref"
    if not ref.is_file():
        raise KeyphraseGoldError(f"{folder}: no ref file (the reader keyphrases; expected the Wikinews keyphrase "
                                 "corpus: txt/ and ref)")
    if not txt.is_dir():
        raise KeyphraseGoldError(f"{folder}: no txt/ folder (the pages; expected the Wikinews keyphrase corpus)")
    pages = {p.stem: p for p in sorted(txt.glob("*.txt")) if p.is_file()}
    if not pages:
        raise KeyphraseGoldError(f"{txt}: no .txt page")
    gold: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(_read_text(ref).splitlines(), 1):
        if not line.strip():
            continue
        name, tab, phrases = line.partition("\t")
        keys = tuple(p.strip() for p in phrases.split(";") if p.strip())
        if not tab or not name.strip() or not keys:
            raise KeyphraseGoldError(f"{ref}: line {number}: expected a file name, a tab and keyphrases "
                                     "joined by ';'")
        stem = Path(name.strip()).stem
        if stem not in pages:
            raise KeyphraseGoldError(f"{ref}: line {number}: no page {txt / (stem + '.txt')} for {name.strip()!r}")
        gold[stem] = keys
    if not gold:
        raise KeyphraseGoldError(f"{ref}: file is empty (no reader keyphrases)")
    docs = []
    for stem, page in pages.items():
        text = _read_text(page)
        if not text.strip():
            raise KeyphraseGoldError(f"{page}: file is empty")
        docs.append(Document(stem, text, gold.get(stem, ())))
    return docs


@functools.lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("french")


@functools.lru_cache(maxsize=100_000)
def stem_key(phrase: str) -> tuple[str, ...]:
    """The matching key of a phrase: its words, lowercased and Snowball-stemmed, without punctuation.

    Args:
        phrase (str): A keyphrase or predicted term.

    Returns:
        tuple[str, ...]: Stemmed words.
    """
    from .tokens import tokenize

    toks = tokenize(phrase)
    stem = _stemmer().stem
    return tuple(stem(n) for n, p in zip(toks["norm"], toks["is_punct"], strict=True) if not p)


def _dedupe(terms: Iterable[str], k: int) -> list[tuple[str, ...]]:
    seen: list[tuple[str, ...]] = []
    for t in terms:
        key = stem_key(t)
        if key and key not in seen:
            seen.append(key)
            if len(seen) == k:
                break
    return seen


def score(predicted: Sequence[str], gold: Sequence[str], *, k: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of the top ``k`` predictions of one document.

    Args:
        predicted (Sequence[str]): Terms, best first.
        gold (Sequence[str]): Reader keyphrases.
        k (int): Cut-off.

    Returns:
        tuple[float, float, float]: precision, recall, F1 (0-1).
    """
    top = _dedupe(predicted, k)
    gold_keys = {stem_key(g) for g in gold} - {()}
    hits = sum(1 for t in top if t in gold_keys)
    p = hits / k
    r = hits / len(gold_keys) if gold_keys else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --------------------------------------------------------------------------
# Baselines
# --------------------------------------------------------------------------


def _candidates_plain(text: str) -> list[str]:
    """n-grams of 1-3 norms inside sentences, between punctuation, not starting/ending with a stopword."""
    from .tokens import sentences, tokenize

    out = []
    for s_text in sentences(text)["text"]:
        toks = tokenize(s_text)
        norms, punct, stop = toks["norm"].tolist(), toks["is_punct"].tolist(), toks["is_stop"].tolist()
        run: list[int] = []
        for j in range(len(norms) + 1):
            if j == len(norms) or punct[j]:
                for a in range(len(run)):
                    for n in (1, 2, 3):
                        if a + n <= len(run) and not stop[run[a]] and not stop[run[a + n - 1]]:
                            out.append(" ".join(norms[i] for i in run[a:a + n]))
                run = []
            else:
                run.append(j)
    return out


def tfidf_baseline(texts: Sequence[str], *, top: int = 10) -> list[list[str]]:
    """Plain TF-IDF key terms of each text, document frequencies over ``texts``.

    Args:
        texts (Sequence[str]): The corpus.
        top (int): Terms per text.

    Returns:
        list[list[str]]: Terms of each text, best first (``tf × ln(N / df)``, ties by first occurrence).
    """
    cands = [_candidates_plain(t) for t in texts]
    df = Counter(c for cs in cands for c in set(cs))
    n = len(texts)
    out = []
    for cs in cands:
        tf = Counter(cs)
        order = {c: i for i, c in reversed(list(enumerate(cs)))}
        ranked = sorted(tf, key=lambda c: (-tf[c] * math.log(n / df[c]), order[c]))
        out.append(ranked[: top * 3])
    return out


def yake_baseline(texts: Sequence[str], *, top: int = 10) -> list[list[str]]:
    """YAKE key terms with French settings (``lan="fr"``, ``n=3``).

    Args:
        texts (Sequence[str]): The texts.
        top (int): Terms per text.

    Returns:
        list[list[str]]: Terms of each text, best first.
    """
    import yake

    extractor = yake.KeywordExtractor(lan="fr", n=3, top=top * 3)
    return [[kw for kw, _ in extractor.extract_keywords(t)] for t in texts]


def ours(texts: Sequence[str], *, top: int = 10, column: str = "term", **options) -> list[list[str]]:
    """Our key terms of each text (:func:`analysis.keyterms.keyterms`).

    Args:
        texts (Sequence[str]): The texts.
        top (int): Terms per text.
        column (str): ``term`` (lemmatised, the API's answer) or ``form`` (each term's most
            frequent surface form: reader keyphrases are often written as in the text).
        **options: Passed to :func:`analysis.keyterms.keyterms`.

    Returns:
        list[list[str]]: Terms of each text, best first.
    """
    from .keyterms import keyterms

    return [keyterms(t, top=top * 2, **options)[column].tolist() for t in texts]


def ours_forms(texts: Sequence[str], *, top: int = 10) -> list[list[str]]:
    """Our key terms, each given as its most frequent surface form (same ranking as :func:`ours`).

    Args:
        texts (Sequence[str]): The texts.
        top (int): Terms per text.

    Returns:
        list[list[str]]: Terms of each text, best first.
    """
    return ours(texts, top=top, column="form")


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


def halves(docs: Sequence[Document]) -> dict[str, list[int]]:
    """Indices of the documents with gold keyphrases: all, and two halves (alternating, sorted names).

    Args:
        docs (Sequence[Document]): The corpus.

    Returns:
        dict[str, list[int]]: ``all``, ``half A``, ``half B``.
    """
    idx = [i for i, d in enumerate(docs) if d.gold]
    return {"all": idx, "half A": idx[0::2], "half B": idx[1::2]}


def evaluate(folder: str | Path, *, systems: dict[str, Callable[[Sequence[str]], list[list[str]]]] | None = None
             ) -> pd.DataFrame:
    """Score our key terms, plain TF-IDF and YAKE against the reader keyphrases.

    Args:
        folder (str | pathlib.Path): The corpus folder.
        systems (dict | None): Name → function from texts to ranked terms (default: ours, tfidf, yake).

    Returns:
        pandas.DataFrame: ``system``, ``docs`` (subset: all, half A, half B), ``n``, and
        ``P@5``, ``R@5``, ``F1@5``, ``P@10``, ``R@10``, ``F1@10`` in percent.
    """
    docs = load_corpus(folder)
    texts = [d.text for d in docs]
    systems = systems or {"ours": ours, "ours (forms)": ours_forms, "tfidf": tfidf_baseline, "yake": yake_baseline}
    rows = []
    subsets = halves(docs)
    for name, fn in systems.items():
        preds = fn(texts)
        for subset, idx in subsets.items():
            row: dict[str, object] = {"system": name, "docs": subset, "n": len(idx)}
            for k in KS:
                s = np.array([score(preds[i], docs[i].gold, k=k) for i in idx]) if idx else np.zeros((1, 3))
                row[f"P@{k}"], row[f"R@{k}"], row[f"F1@{k}"] = (100 * s.mean(axis=0)).round(2)
            rows.append(row)
    out = pd.DataFrame(rows)
    out.attrs["rule"] = ("match = equal sequences of lowercased Snowball stems (punctuation dropped); "
                         "stem-duplicate predictions skipped; P = hits / k, R = hits / gold, F1 = mean per-document "
                         "F1; macro-averaged over documents with reader keyphrases")
    return out


def format_scores(scores: pd.DataFrame, title: str) -> str:
    """A plain-text table of the scores.

    Args:
        scores (pandas.DataFrame): From :func:`evaluate`.
        title (str): A title line.

    Returns:
        str: The table.
    """
    lines = [title, scores.attrs.get("rule", ""), ""]
    with pd.option_context("display.width", 200):
        lines.append(scores.to_string(index=False))
    best = scores[scores["docs"] == "all"].set_index("system")["F1@10"]
    if {"ours", "tfidf"} <= set(best.index) and best["tfidf"] > 0:
        lines.append("")
        lines.append(f"ours / tfidf F1@10 = {best['ours'] / best['tfidf']:.2f} (goal >= 1.20)")
    return "\n".join(lines)
