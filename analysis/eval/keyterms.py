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

The documents with reader keyphrases are split, once and for all, into a *tune*
half and a *check* half by a hash of the document id (:func:`split_half`):
weights and rules are chosen on the tune half only, and a change is kept only
when it does not hurt the check half. Both halves and their union (``all``)
are reported, for every system.

Errors you can read: the gold keyphrases are typed (:func:`keyphrase_type`:
a name, a multi-word phrase or a single word, and whether the text contains
it at all, since an extractor can only find what is written), recall at 10 is
broken down by type, and :func:`errors` lists, per document and system, every
gold keyphrase missed and every prediction not in the gold (``--errors PATH``
on the command line writes them as TSV).
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

from ..text.stems import stemmer
from .conllu import GoldDataError
from .scoring import prf, split_half, write_tsv

__all__ = [
    "Document",
    "KeyphraseGoldError",
    "by_type",
    "errors",
    "evaluate",
    "format_scores",
    "keyphrase_type",
    "load_corpus",
    "score",
    "split_half",
    "stem_key",
    "tfidf_baseline",
    "yake_baseline",
]

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
        raise KeyphraseGoldError(
            f"{folder}: no ref file (the reader keyphrases; expected the Wikinews keyphrase corpus: txt/ and ref)"
        )
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
            raise KeyphraseGoldError(f"{ref}: line {number}: expected a file name, a tab and keyphrases joined by ';'")
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


@functools.lru_cache(maxsize=100_000)
def stem_key(phrase: str) -> tuple[str, ...]:
    """The matching key of a phrase: its words, lowercased and Snowball-stemmed, without punctuation.

    Args:
        phrase (str): A keyphrase or predicted term.

    Returns:
        tuple[str, ...]: Stemmed words.
    """
    from ..text.tokens import tokenize

    toks = tokenize(phrase)
    stem = stemmer().stem
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
    p, r, f = prf(correct=hits, gold=len(gold_keys), predicted=k)  # precision at k: k predictions
    return p / 100, r / 100, f / 100


# --------------------------------------------------------------------------
# Baselines
# --------------------------------------------------------------------------


def _candidates_plain(text: str) -> list[str]:
    """n-grams of 1-3 norms inside sentences, between punctuation, not starting/ending with a stopword."""
    from ..text.tokens import sentences, tokenize

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
                            out.append(" ".join(norms[i] for i in run[a : a + n]))
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
    from ..terms.keyterms import keyterms

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
    """Indices of the documents with gold keyphrases: the tune half, the check half and their union.

    Args:
        docs (Sequence[Document]): The corpus.

    Returns:
        dict[str, list[int]]: ``tune``, ``check`` (by :func:`split_half`) and ``all``.
    """
    idx = [i for i, d in enumerate(docs) if d.gold]
    return {
        "tune": [i for i in idx if split_half(docs[i].doc_id) == "tune"],
        "check": [i for i in idx if split_half(docs[i].doc_id) == "check"],
        "all": idx,
    }


@functools.lru_cache(maxsize=200)
def _text_index(text: str) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...]]:
    """The text's stems (punctuation dropped), whether each word is capitalised, and whether it opens
    a sentence."""
    from ..text.tokens import sentences, tokenize

    toks = tokenize(text)
    toks = toks[~toks["is_punct"].to_numpy(dtype=bool)]
    stem = stemmer().stem
    opens = set(sentences(text)["start"].tolist())
    first_words = set()
    for start in sorted(opens):  # the first word of each sentence (quotes and dashes are punctuation)
        after = toks["start"].searchsorted(start)
        if after < len(toks):
            first_words.add(int(toks["start"].iloc[after]))
    return (
        tuple(stem(n) for n in toks["norm"]),
        tuple(t[:1].isupper() for t in toks["text"]),
        tuple(int(a) in first_words for a in toks["start"]),
    )


def keyphrase_type(phrase: str, text: str) -> tuple[str, bool]:
    """What kind of keyphrase a gold phrase is, judged from how the text writes it.

    A phrase is a ``name`` when the text writes it (its Snowball stems in sequence) with a capital
    on its first word at most of its occurrences that do not open a sentence (at all of them when every
    occurrence opens one): "la poste" is written "La Poste", "nasa" "NASA". Otherwise it is a
    ``multi-word`` phrase or a ``single word``.

    Args:
        phrase (str): A gold keyphrase (readers' keyphrases are lowercased).
        text (str): The document.

    Returns:
        tuple[str, bool]: The type, and whether the text contains the phrase at all (an extractor
        can only find a phrase the text writes).
    """
    key = stem_key(phrase)
    stems, capital, opens = _text_index(text)
    n = len(key)
    at = [i for i in range(len(stems) - n + 1) if n and stems[i : i + n] == key]
    inside = [i for i in at if not opens[i]] or at
    if inside and sum(capital[i] for i in inside) * 2 > len(inside):
        return "name", True
    return ("multi-word" if n > 1 else "single word"), bool(at)


def evaluate(
    folder: str | Path,
    *,
    systems: dict[str, Callable[[Sequence[str]], list[list[str]]]] | None = None,
    errors_path: str | Path | None = None,
) -> pd.DataFrame:
    """Score our key terms, plain TF-IDF and YAKE against the reader keyphrases, on both halves.

    Args:
        folder (str | pathlib.Path): The corpus folder.
        systems (dict | None): Name → function from texts to ranked terms (default: ours, tfidf, yake).
        errors_path (str | pathlib.Path | None): Also write :func:`errors` here as TSV (atomically).

    Returns:
        pandas.DataFrame: ``system``, ``docs`` (tune, check, all), ``n``, and ``P@5``, ``R@5``,
        ``F1@5``, ``P@10``, ``R@10``, ``F1@10`` in percent. ``attrs`` hold the ``rule``, the
        ``split`` (document ids of each half), ``by_type`` (recall at 10 by gold keyphrase type, as
        records) and ``errors_path``.
    """
    docs = load_corpus(folder)
    texts = [d.text for d in docs]
    systems = systems or {"ours": ours, "ours (forms)": ours_forms, "tfidf": tfidf_baseline, "yake": yake_baseline}
    rows = []
    subsets = halves(docs)
    predictions = {name: fn(texts) for name, fn in systems.items()}
    for name, preds in predictions.items():
        for subset, idx in subsets.items():
            row: dict[str, object] = {"system": name, "docs": subset, "n": len(idx)}
            for k in KS:
                s = np.array([score(preds[i], docs[i].gold, k=k) for i in idx]) if idx else np.zeros((1, 3))
                row[f"P@{k}"], row[f"R@{k}"], row[f"F1@{k}"] = (100 * s.mean(axis=0)).round(2)
            rows.append(row)
    out = pd.DataFrame(rows)
    errs = errors(docs, predictions, k=10)
    out.attrs["rule"] = (
        "match = equal sequences of lowercased Snowball stems (punctuation dropped); "
        "stem-duplicate predictions skipped; P = hits / k, R = hits / gold, F1 = mean per-document "
        "F1; macro-averaged over documents with reader keyphrases; halves by split_half "
        "(sha256 of the document id, first byte even = tune)"
    )
    out.attrs["split"] = {h: [docs[i].doc_id for i in subsets[h]] for h in ("tune", "check")}
    out.attrs["by_type"] = by_type(errs).to_dict(orient="records")
    if errors_path is not None:
        write_tsv(errs, Path(errors_path))
        out.attrs["errors_path"] = str(errors_path)
    return out


def errors(docs: Sequence[Document], predictions: dict[str, list[list[str]]], *, k: int = 10) -> pd.DataFrame:
    """Every gold keyphrase and every top-``k`` prediction of every system, hit or not.

    Args:
        docs (Sequence[Document]): The corpus.
        predictions (dict[str, list[list[str]]]): System name → ranked terms of each document.
        k (int): Cut-off.

    Returns:
        pandas.DataFrame: ``system``, ``half``, ``doc_id``, ``outcome`` (``hit``, ``missed``: a gold
        keyphrase not in the top k, ``spurious``: a prediction not in the gold), ``item`` (as
        written by the reader or the system), ``type`` (gold: see :func:`keyphrase_type`; predictions:
        ``single word`` or ``multi-word``), ``in_text`` (gold only: whether the text writes it),
        ``rank`` (predictions only, after stem duplicates are skipped).
    """
    rows: list[tuple[object, ...]] = []
    for name, preds in predictions.items():
        for i, d in enumerate(docs):
            if not d.gold:
                continue
            half = split_half(d.doc_id)
            top: list[tuple[tuple[str, ...], str]] = []
            for t in preds[i]:
                key = stem_key(t)
                if key and key not in [x for x, _ in top]:
                    top.append((key, t))
                    if len(top) == k:
                        break
            found = {x for x, _ in top}
            gold_keys = set()
            for g in d.gold:
                key = stem_key(g)
                if not key or key in gold_keys:
                    continue
                gold_keys.add(key)
                kind, in_text = keyphrase_type(g, d.text)
                rows.append((name, half, d.doc_id, "hit" if key in found else "missed", g, kind, in_text, None))
            for rank, (key, t) in enumerate(top, start=1):
                if key not in gold_keys:
                    rows.append(
                        (
                            name,
                            half,
                            d.doc_id,
                            "spurious",
                            t,
                            "multi-word" if len(key) > 1 else "single word",
                            None,
                            rank,
                        )
                    )
    out = pd.DataFrame(rows, columns=["system", "half", "doc_id", "outcome", "item", "type", "in_text", "rank"])
    out["rank"] = out["rank"].astype("Int64")
    out["in_text"] = out["in_text"].astype("boolean")
    return out


def by_type(errs: pd.DataFrame) -> pd.DataFrame:
    """Recall by gold keyphrase type, per system and half (from :func:`errors`).

    Args:
        errs (pandas.DataFrame): From :func:`errors`.

    Returns:
        pandas.DataFrame: ``system``, ``half``, ``type``, ``gold``, ``in_text`` (share the text
        writes, %), ``hits``, ``recall`` (%).
    """
    gold = errs[errs["outcome"] != "spurious"]
    both = pd.concat([gold, gold.assign(half="all")], ignore_index=True)
    out = (
        both.assign(hit=both["outcome"] == "hit", in_text=both["in_text"].astype(bool))
        .groupby(["system", "half", "type"], sort=False)
        .agg(gold=("item", "size"), in_text=("in_text", "mean"), hits=("hit", "sum"))
        .reset_index()
    )
    out["in_text"] = (100 * out["in_text"]).round(1)
    out["recall"] = (100 * out["hits"] / out["gold"]).round(1)
    return out


def format_scores(scores: pd.DataFrame, title: str) -> str:
    """A plain-text table of the scores, the split, and recall by keyphrase type.

    Args:
        scores (pandas.DataFrame): From :func:`evaluate`.
        title (str): A title line.

    Returns:
        str: The table.
    """
    lines = [title, scores.attrs.get("rule", ""), ""]
    for half, ids in scores.attrs.get("split", {}).items():
        lines.append(f"{half} half ({len(ids)} documents): {' '.join(ids)}")
    lines.append("")
    with pd.option_context("display.width", 200):
        lines.append(scores.to_string(index=False))
    best = scores[scores["docs"] == "all"].set_index("system")["F1@10"]
    if {"ours", "tfidf"} <= set(best.index) and best["tfidf"] > 0:
        lines.append("")
        lines.append(f"ours / tfidf F1@10 = {best['ours'] / best['tfidf']:.2f}")
    types = pd.DataFrame(scores.attrs.get("by_type", []))
    if not types.empty:
        order = {v: i for i, v in enumerate(["name", "multi-word", "single word", "tune", "check", "all"])}
        table = types.pivot_table(index=["type", "half"], columns="system", values="recall", sort=False)
        share = types.drop_duplicates(["type", "half"]).set_index(["type", "half"])[["gold", "in_text"]]
        table = share.join(table[list(dict.fromkeys(types["system"]))]).sort_index(key=lambda c: c.map(order))
        lines += ["", "recall@10 (%) by gold keyphrase type (in_text: % of them the text writes)", table.to_string()]
    if scores.attrs.get("errors_path"):
        lines += ["", f"missed and spurious items: {scores.attrs['errors_path']}"]
    return "\n".join(lines)
