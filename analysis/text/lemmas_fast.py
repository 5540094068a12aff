"""A fast French lemmatiser for the counting path: one dictionary look-up per distinct type.

spaCy's ``fr_core_news_sm`` lemmatises in context (its morphologizer tags each
token, then a rule lemmatiser uses the tag): about 10,000 tokens per second.
Counting a corpus does not need the tag of every token, only the lemma most
tokens of a form get, so this module looks each distinct form up once:

1. ``analysis/text/data/lemma_overrides_fr.tsv`` -- form (case kept, apostrophe
   ``'``) → the lemma spaCy gives that form most often in running text.
   Built once, offline, by :func:`build_overrides` (``python -m
   analysis.text.lemmas_fast build``): our tokeniser and spaCy ``fr_core_news_sm``
   3.8.0 (:func:`analysis.nlp.tag_tokens`) run over the raw sentences of
   ``../shared/eval/ud`` (UD French-GSD test, UD French-Sequoia annodis) and the
   texts of the French TimeBank (``../shared/eval/timebank/Data``); only forms
   whose majority lemma differs from step 2's answer are kept. The file holds
   form/lemma pairs and counts, no text. These texts are disjoint from the
   article and the news corpora on which agreement is measured.
2. ``analysis/text/data/fr_lemma_lookup.json.gz`` -- spaCy's French lemma look-up
   table (216,849 lowercase forms → lemma), the file
   ``spacy_lookups_data/data/fr_lemma_lookup.json.gz`` copied unchanged from
   the PyPI wheel ``spacy-lookups-data`` 1.0.5 (``pip download
   spacy-lookups-data==1.0.5 --no-deps``; the 98 MB wheel is not a
   dependency). Licence: MIT (ExplosionAI GmbH), the wheel's licence, copied
   in ``analysis/text/data/fr_lemma_lookup.LICENSE.txt`` (the wheel has no
   French-specific licence file). It is the table fr_core_news_sm's own
   lemmatiser uses (the model stores it hashed).
3. Otherwise: a capitalised form is kept as written (a proper noun, as spaCy
   lemmatises them), anything else is lowercased. Punctuation (no letter or
   digit) is its own lemma, as in :func:`analysis.nlp.tag_tokens`.

:func:`agreement` measures token agreement with spaCy's contextual lemmas (on
the article 94.7%, a HIPE OCR sample 92.5%, a Wikinews sample 95.5% of tokens: ``tests/test_corpus_lemmas.py``).
Nothing here imports spaCy except building and measuring.
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import json
import marshal
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..paths import TEXT_DATA
from .tokens import word_form

__all__ = [
    "LOOKUP_CACHE_PATH",
    "LOOKUP_PATH",
    "OVERRIDES_PATH",
    "agreement",
    "build_lookup_cache",
    "lemmatize",
    "lemmatize_types",
    "lookup_cache_bytes",
]

LOOKUP_PATH = TEXT_DATA / "fr_lemma_lookup.json.gz"
OVERRIDES_PATH = TEXT_DATA / "lemma_overrides_fr.tsv"
#: The look-up table of :data:`LOOKUP_PATH` as it is used (one lemma per form), in a form read four
#: times faster than its 7 MB of JSON: the sha256 of the JSON file it was built from on the first
#: line, then the ``marshal``-ed dict, zlib-compressed. Built by :func:`build_lookup_cache`
#: (``python -m analysis.text.lemmas_fast build-cache``); ``tests/text/test_lemmas_fast.py``
#: checks it is current. When it is not (another JSON file, a Python whose ``marshal`` cannot read
#: it) the JSON is read instead.
LOOKUP_CACHE_PATH = TEXT_DATA / "fr_lemma_lookup.marshal.zlib"


def _read_tsv(path: Path) -> dict[str, str]:
    opener = gzip.open if path.suffix == ".gz" else open
    table: dict[str, str] = {}
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                table[parts[0]] = parts[1]
    return table


@functools.lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str]]:
    """The two look-up tables, read once per process (cached).

    Returns:
        tuple[dict[str, str], dict[str, str]]: ``(overrides, lookup)``.
    """
    overrides = _read_tsv(OVERRIDES_PATH) if OVERRIDES_PATH.exists() else {}
    lookup = _cached_lookup()
    return overrides, lookup if lookup is not None else _json_lookup()


def _json_lookup() -> dict[str, str]:
    """The look-up table read from its JSON file (:data:`LOOKUP_PATH`), one lemma per form."""
    with gzip.open(LOOKUP_PATH, "rt", encoding="utf-8") as fh:
        return {form: (lemma[0] if isinstance(lemma, list) else lemma) for form, lemma in json.load(fh).items()}


def _cached_lookup() -> dict[str, str] | None:
    """The look-up table from :data:`LOOKUP_CACHE_PATH`, or None when it is missing, unreadable or
    built from another JSON file than :data:`LOOKUP_PATH`."""
    try:
        head, _, body = LOOKUP_CACHE_PATH.read_bytes().partition(b"\n")
        if head.decode("ascii") != hashlib.sha256(LOOKUP_PATH.read_bytes()).hexdigest():
            return None
        table = marshal.loads(zlib.decompress(body))
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        return None
    return table if isinstance(table, dict) else None


def lookup_cache_bytes() -> bytes:
    """What :data:`LOOKUP_CACHE_PATH` holds when current: built from :data:`LOOKUP_PATH`."""
    digest = hashlib.sha256(LOOKUP_PATH.read_bytes()).hexdigest()
    return digest.encode("ascii") + b"\n" + zlib.compress(marshal.dumps(_json_lookup()), 9)


def build_lookup_cache(*, out: Path = LOOKUP_CACHE_PATH) -> Path:
    """Write :data:`LOOKUP_CACHE_PATH` from :data:`LOOKUP_PATH` (atomically).

    Args:
        out (pathlib.Path): Where to write it.

    Returns:
        pathlib.Path: The file written.
    """
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(lookup_cache_bytes())
    tmp.replace(out)
    tables.cache_clear()
    return out


def _default(word: str, lookup: dict[str, str]) -> str:
    """Steps 2 and 3 of the module docstring for one form."""
    lower = word.lower()
    if word[:1].isupper() and lower not in lookup:
        return word
    if word[:1].isupper() and not word[1:].islower():  # acronyms, "ONU", "McDo"
        return word
    return lookup.get(lower, lower)


def lemmatize_types(types: Sequence[str]) -> list[str]:
    """Lemmas of distinct token forms.

    Args:
        types (Sequence[str]): Token texts (each looked up once; pass distinct forms).

    Returns:
        list[str]: One lemma per form, in order.
    """
    overrides, lookup = tables()
    memo = _memo()
    out = []
    for token in types:
        lemma = memo.get(token)
        if lemma is None:
            if token.isalpha():  # most forms: word_form gives the token itself (no ’, no invisible, no digit)
                word = token
            elif not any(ch.isalnum() for ch in token):
                memo[token] = token
                out.append(token)
                continue
            else:
                word = word_form(token)
            lemma = overrides.get(word)
            if lemma is None:  # _default, inline
                lower = word.lower()
                if word[:1].isupper() and (lower not in lookup or not word[1:].islower()):
                    lemma = word
                else:
                    lemma = lookup.get(lower, lower)
            memo[token] = lemma
        out.append(lemma)
    return out


@functools.lru_cache(maxsize=1)
def _memo() -> dict[str, str]:
    """Forms already lemmatised in this process (part of the cached tables; grows with the vocabulary)."""
    return {}


def lemmatize(tokens: pd.DataFrame | Sequence[str]) -> np.ndarray:
    """Lemma of every token, computed once per distinct form (vectorised: factorise, look up, take).

    Args:
        tokens (pandas.DataFrame | Sequence[str]): A tokens table (its ``text``
            column) or token strings.

    Returns:
        numpy.ndarray: Lemmas (object array), one per token.
    """
    values = tokens["text"] if isinstance(tokens, pd.DataFrame) else tokens
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    lemmas = np.asarray(lemmatize_types(list(uniques)), dtype=object)
    return lemmas[codes] if len(codes) else np.zeros(0, dtype=object)


def agreement(text: str) -> dict[str, float]:
    """Token agreement of :func:`lemmatize` with spaCy's contextual lemmas on a text.

    Both run on the same tokens (our tokeniser); spaCy's lemmas follow
    :func:`analysis.nlp.tag_tokens`.

    Args:
        text (str): Raw text.

    Returns:
        dict[str, float]: ``tokens`` (how many), ``all`` (share of tokens with
        the same lemma), ``words`` (the same, over tokens with a letter).
    """
    from .pipeline import tokenize

    frame = tokenize(text, lemmas=True)
    ours = lemmatize(frame)
    theirs = frame["lemma"].astype(str).to_numpy(dtype=object)
    same = ours == theirs
    words = np.fromiter((any(c.isalpha() for c in t) for t in frame["text"]), bool, len(frame))
    return {
        "tokens": float(len(frame)),
        "all": float(same.mean()) if len(same) else 1.0,
        "words": float(same[words].mean()) if words.any() else 1.0,
    }


# --------------------------------------------------------------------------
# Building the tables (offline, once)
# --------------------------------------------------------------------------


def _build_texts(eval_dir: Path) -> Iterable[str]:
    """Raw texts for :func:`build_overrides`: UD sentences and TimeBank documents."""
    import re

    for conllu in sorted((eval_dir / "ud").glob("*.conllu")):
        sents = [
            ln[len("# text = ") :]
            for ln in conllu.read_text(encoding="utf-8").splitlines()
            if ln.startswith("# text = ")
        ]
        yield "\n".join(sents)
    for tml in sorted((eval_dir / "timebank" / "Data").glob("*.tml")):
        raw = tml.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        yield re.sub(r"<[^>]+>", "", body.group(1) if body else raw)


def build_overrides(texts: Iterable[str], *, out: Path = OVERRIDES_PATH) -> int:
    """Learn form → majority spaCy lemma where it differs from the look-up table's answer.

    Args:
        texts (Iterable[str]): Raw texts (run through our tokeniser and spaCy).
        out (pathlib.Path): The TSV to write (form, lemma, count, total).

    Returns:
        int: How many overrides were written.
    """
    from .pipeline import tokenize

    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        frame = tokenize(text, lemmas=True)
        pairs.update(zip(map(word_form, frame["text"].astype(str)), frame["lemma"].astype(str)))
    by_form: dict[str, Counter[str]] = {}
    for (form, lemma), n in pairs.items():
        by_form.setdefault(form, Counter())[lemma] += n
    _, lookup = tables()
    rows = []
    for form, counts in sorted(by_form.items()):
        if not any(ch.isalnum() for ch in form):
            continue
        lemma, n = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if lemma != _default(form, lookup):
            rows.append((form, lemma, n, sum(counts.values())))
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# form\tlemma\tcount\ttotal -- majority lemma of spaCy fr_core_news_sm 3.8.0 on our tokens, "
            "where it differs from lemma_lookup; built by `python -m analysis.text.lemmas_fast build` from "
            "../shared/eval/ud/*.conllu (# text lines) and ../shared/eval/timebank/Data/*.tml\n"
        )
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(rows)
    tmp.replace(out)
    tables.cache_clear()
    _memo.cache_clear()
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - offline build step
    from ..paths import eval_dir

    if sys.argv[1:] == ["build"]:
        print("overrides:", build_overrides(_build_texts(eval_dir())))
    elif sys.argv[1:] == ["build-cache"]:
        print("written:", build_lookup_cache())
    else:
        print("usage: python -m analysis.text.lemmas_fast build | build-cache", file=sys.stderr)
        sys.exit(2)
