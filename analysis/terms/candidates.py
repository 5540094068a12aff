"""Key-term candidates: the noun phrases of a text found by part-of-speech patterns, with offsets.

Step 1 of :mod:`analysis.terms.keyterms` (which re-exports :func:`candidates`, :data:`MAX_WORDS`,
:data:`ADDRESS` and :data:`PARTICLES`): French capitalisation corrects the tagger (a capitalised word
inside a sentence is a proper noun, a capitalised article or particle before it belongs to the name),
tokens are tagged once (:func:`tag_tokens`) and shared by the candidates and the content words.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "ADDRESS",
    "MAX_WORDS",
    "PARTICLES",
    "accented",
    "candidate_rows",
    "candidates",
    "content_words",
    "tag_tokens",
    "token_tables",
    "topic_labels",
    "zipf",
]

#: Most content words in a candidate.
MAX_WORDS = 4

# a code of letters and digits ("3ds", "a330", "g20", "f-16"), not an ordinal ("42e", "1er", "2ème")
_CODE = re.compile(r"(?=.*\d)(?=.*[^\W\d_])(?!\d+(?:e|er|re|ère|ème|è|es|ers|res|èmes)$)[\w-]+")
_CONTENT_POS = {"NOUN": "N", "PROPN": "N", "X": "N", "ADJ": "A", "NUM": "U"}
_DE = {"de", "d'", "du", "des"}
_ART = {"le", "la", "l'", "les"}
# P is an article or particle inside a name ("La Poste", "De Santis"): it always comes before a noun
_PATTERN = re.compile(r"(?:A|P*N)*P*N(?:A|P*N|U)*(?:DL?(?:A|P*N)*P*N(?:A|P*N|U)*)*|A")

#: Abbreviated forms of address that stand before a name and are not part of it ("Mr Saputo";
#: "M.", "Mme", "Mlle" are stopwords already).
ADDRESS: frozenset[str] = frozenset({"mr", "mrs", "dr", "pr", "mgr"})

#: Articles and particles that belong to a name when capitalised inside a sentence before a
#: capitalised word ("président de La Poste", "De Santis a parlé").
PARTICLES: frozenset[str] = frozenset({"le", "la", "les", "l'", "de", "du", "des", "d'"})

# after these, a capital opens a sentence or a quotation, not a name
_OPENERS = frozenset({"«", "“", '"', ":", "—", "–", "-", "…", "(", "["})


def _proper(tokens: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Which tokens are proper nouns by French capitalisation, and which are a name's article or particle.

    French writes common nouns and adjectives, nationality adjectives included ("portugais"), in
    lowercase: a capitalised word inside a sentence, not after an opening quote or colon, is a proper
    noun (or part of one) whatever the tagger says ("Antonis Samaras" with "Samaras" tagged as an
    adjective). An article or particle capitalised inside a sentence before such a word is part of
    the name ("La Poste", "De Santis"); at a sentence start it is taken as part of the name when the
    document also writes the same pair inside a sentence.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: ``proper`` and ``particle``, a boolean per row.
    """
    n = len(tokens)
    text = tokens["text"].astype(str).to_numpy(dtype=object)
    norm = tokens["norm"].astype(str).to_numpy(dtype=object)
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    stop = tokens["is_stop"].to_numpy(dtype=bool)
    sent = tokens["sent"].to_numpy(dtype="int64") if "sent" in tokens.columns else np.zeros(n, "int64")
    doc = tokens["doc_id"].astype(str).to_numpy(dtype=object) if "doc_id" in tokens.columns else np.zeros(n)
    initial = np.zeros(n, dtype=bool)
    prev_word = -1
    for k in range(n):
        if punct[k]:
            continue
        initial[k] = (
            prev_word < 0
            or sent[prev_word] != sent[k]
            or doc[prev_word] != doc[k]
            or (k > 0 and norm[k - 1] in _OPENERS)
        )
        prev_word = k
    capital = np.array([t[:1].isupper() for t in text], dtype=bool)
    alpha = np.array([any(ch.isalpha() for ch in t) for t in text], dtype=bool)
    proper = capital & alpha & ~initial & ~stop & ~punct
    particle = np.zeros(n, dtype=bool)
    nxt = np.full(n, -1)
    for k in range(n - 2, -1, -1):
        nxt[k] = k + 1 if not punct[k + 1] else -1
    pairs = set()
    for k in range(n):
        if capital[k] and norm[k] in PARTICLES and nxt[k] >= 0 and capital[nxt[k]] and not stop[nxt[k]]:
            if not initial[k]:
                particle[k] = True
                proper[nxt[k]] = True
                pairs.add((doc[k], norm[k], norm[nxt[k]]))
    for k in range(n):
        if capital[k] and initial[k] and nxt[k] >= 0 and (doc[k], norm[k], norm[nxt[k]]) in pairs:
            particle[k] = True
            proper[nxt[k]] = True
    return proper, particle


def token_tables(obj: Any):
    """Tokens and segments from a text, an Article, Tables or a tokens table."""
    from ..reading.article import Article
    from ..text.pipeline import Tables, analyse

    if isinstance(obj, pd.DataFrame):
        return obj, None
    if isinstance(obj, Tables):
        return obj.tokens, obj.segments
    if isinstance(obj, (str, Article)):
        t = analyse(obj)
        return t.tokens, t.segments
    raise TypeError(f"expected text, Article, Tables or a tokens table, not {type(obj).__name__}")


def _classes(tokens: pd.DataFrame, labels: np.ndarray | None = None) -> np.ndarray:
    """One letter per token: N (noun), A (adjective), U (number), D (de), L (article after de), O (other).

    ``labels`` marks tokens read as nouns whatever their tag (a headline's topic label, see
    :func:`topic_labels`)."""
    pos = tokens["pos"].astype(str).to_numpy(dtype=object)
    norm = tokens["norm"].astype(str).to_numpy(dtype=object)
    stop = tokens["is_stop"].to_numpy(dtype=bool)
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    out = np.full(len(tokens), "O", dtype=object)
    for k in range(len(tokens)):
        n = norm[k]
        if punct[k]:
            continue
        if n in _DE:
            out[k] = "D"
        elif n in _ART:
            out[k] = "L"
        elif stop[k]:
            continue
        elif (pos[k] == "NUM" or n[:1].isdigit()) and not _CODE.fullmatch(n):
            out[k] = "U"
        elif _CODE.fullmatch(n):  # letters and digits together name a thing: "3DS", "A330", "G20"
            out[k] = "N"
        elif pos[k] in _CONTENT_POS and any(ch.isalpha() for ch in n) and len(n) > 1:
            out[k] = _CONTENT_POS[pos[k]]
        elif labels is not None and labels[k] and any(ch.isalpha() for ch in n):
            out[k] = "N"
    return out


def topic_labels(tokens: pd.DataFrame, segments: pd.DataFrame | None, *, max_words: int) -> np.ndarray:
    """Which tokens form a headline's topic label: the words before a colon in a title
    ("Grèce : le nouveau gouvernement..."), when they read as a noun phrase: at most ``max_words``
    content words, each capitalised or tagged as a noun, adjective or number, joined only by *de* and
    articles, the first one a content word. A tagger trained on sentences often misreads such
    verbless labels ("Grèce" as a verb); a clause before a colon ("Le ministre a dit : ...") is none."""
    mask = np.zeros(len(tokens), dtype=bool)
    if segments is None or not len(segments) or "seg" not in tokens.columns:
        return mask
    doc = tokens["doc_id"].astype(str).to_numpy() if "doc_id" in tokens.columns else np.full(len(tokens), "")
    seg = tokens["seg"].to_numpy()
    norm = tokens["norm"].astype(str).to_numpy(dtype=object)
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    stop = tokens["is_stop"].to_numpy(dtype=bool)
    text = tokens["text"].astype(str).to_numpy(dtype=object)
    pos = tokens["pos"].astype(str).to_numpy(dtype=object)
    titles = segments[(segments["kind"] == "title").to_numpy()]
    title_docs = titles["doc_id"].astype(str) if "doc_id" in titles.columns else pd.Series([""] * len(titles))
    for d, sg in zip(title_docs, titles["seg"]):
        rows = np.flatnonzero((doc == d) & (seg == sg)) if "doc_id" in tokens.columns else np.flatnonzero(seg == sg)
        colon = [k for k, r in enumerate(rows) if norm[r] == ":"]
        if not colon or colon[0] == 0:
            continue
        before = rows[: colon[0]]
        content = [r for r in before if not stop[r]]
        if (
            punct[before].any()
            or len(content) > max_words
            or stop[before[0]]
            or any(stop[r] and norm[r] not in _DE | _ART for r in before)
            or any(not (text[r][:1].isupper() or pos[r] in _CONTENT_POS) for r in content)
        ):
            continue
        mask[before] = True
    return mask


def tag_tokens(tokens: pd.DataFrame, *, uncounted: bool, labels: np.ndarray | None):
    """The tokens that can be in a candidate, their runs, classes (:func:`_classes`, corrected by
    capitalisation: :func:`_proper`) and lemmas (a proper noun is its own lemma)."""
    from .units import runs as _runs

    pos_rows, runs = _runs(tokens, cross_punct=False, uncounted=uncounted)
    sub = tokens.iloc[pos_rows]
    cls = _classes(sub, None if labels is None else np.asarray(labels, dtype=bool)[pos_rows])
    lemma = sub["lemma"].astype(str).to_numpy(dtype=object)
    norm = sub["norm"].astype(str).to_numpy(dtype=object)
    texts = sub["text"].astype(str).to_numpy(dtype=object)
    proper, particle = (a[pos_rows] for a in _proper(tokens))
    for k in range(len(sub)):
        if norm[k] in ADDRESS:
            cls[k] = "O"
        elif particle[k]:
            cls[k] = "P"
        elif proper[k]:  # a proper noun is a noun, and its own lemma ("Samaras", not "samara")
            cls[k], lemma[k] = "N", accented(texts[k])
    # an adjective after its noun that the tagger read as a verb ("prisons syriennes"): a word tagged
    # VERB right after a noun or adjective whose look-up lemma is no verb (no infinitive ending)
    tags = sub["pos"].astype(str).to_numpy(dtype=object)
    stop = sub["is_stop"].to_numpy(dtype=bool)
    for k in range(1, len(sub)):
        if (
            tags[k] == "VERB"
            and cls[k - 1] in "NA"
            and runs[k] == runs[k - 1]
            and not stop[k]
            and not texts[k][:1].isupper()
        ):
            base = _lexicon_lemma(norm[k])
            if not base.endswith(_INFINITIVE):
                cls[k], lemma[k] = "A", base
    return pos_rows, runs, sub, cls, lemma


_INFINITIVE = ("er", "ir", "re", "oir")


def _lexicon_lemma(norm: str) -> str:
    """The lemma spaCy's French look-up table gives a form (the form itself when it is not listed)."""
    from ..text.lemmas_fast import tables

    return tables()[1].get(norm, norm)


def content_words(
    tokens: pd.DataFrame, *, labels: np.ndarray | None = None, tagged: tuple | None = None
) -> pd.DataFrame:
    """Every content word (noun or adjective) of the counted text: ``doc_id``, ``word`` (lemma,
    lowercased), ``sent``. A word inside a name ("Samaras" in "Antonis Samaras") counts as any other."""
    from .units import doc_ids as _doc_ids

    pos_rows, _, sub, cls, lemma = tagged or tag_tokens(tokens, uncounted=False, labels=labels)
    keep = np.isin(cls, ["N", "A"])
    sents = sub["sent"].to_numpy(dtype="int64") if "sent" in sub.columns else np.zeros(len(sub), "int64")
    return pd.DataFrame(
        {"doc_id": _doc_ids(tokens)[pos_rows][keep], "word": [str(x).lower() for x in lemma[keep]], "sent": sents[keep]}
    )


def candidates(
    tokens: pd.DataFrame, *, max_words: int = MAX_WORDS, uncounted: bool = False, labels: np.ndarray | None = None
) -> pd.DataFrame:
    """Every occurrence of every candidate term (noun-phrase patterns), with offsets.

    Args:
        tokens (pandas.DataFrame): A tokens table with ``lemma`` and ``pos``.
        max_words (int): Most content words in a candidate.
        uncounted (bool): Also look in left-out segments.
        labels (numpy.ndarray | None): Tokens (a boolean per row of ``tokens``) read as nouns
            whatever their tag: a headline's topic label.

    Returns:
        pandas.DataFrame: ``doc_id``, ``key`` (lowercased lemmas; *de* and articles as written),
        ``term`` (the same with proper-noun case), ``words`` (content lemmas, a tuple),
        ``n_words``, ``pattern`` (N noun, A adjective, U number, D de, L article), ``sent``, ``seg``,
        ``first`` (token row), ``start``, ``end``, ``form`` (as written, spacing rebuilt from offsets).
    """
    return candidate_rows(tokens, tag_tokens(tokens, uncounted=uncounted, labels=labels), max_words=max_words)


def candidate_rows(tokens: pd.DataFrame, tagged: tuple, *, max_words: int) -> pd.DataFrame:
    """:func:`candidates` from the tagged tokens (:func:`tag_tokens`, shared with :func:`content_words`)."""
    from .units import doc_ids as _doc_ids

    pos_rows, runs, sub, cls, lemma = tagged
    norm = sub["norm"].astype(str).to_numpy(dtype=object)
    texts = sub["text"].astype(str).to_numpy(dtype=object)
    starts = sub["start"].to_numpy(dtype="int64")
    ends = sub["end"].to_numpy(dtype="int64")
    sents = sub["sent"].to_numpy(dtype="int64") if "sent" in sub.columns else np.zeros(len(sub), "int64")
    segs = sub["seg"].to_numpy(dtype="int64") if "seg" in sub.columns else np.zeros(len(sub), "int64")
    docs = _doc_ids(tokens)[pos_rows]
    # a capitalised word whose lemma is its own form is shown as written ("Morsi", not "morsi")
    shown = np.array(
        [
            n if c in "DL" or c == "U" else (t if c == "P" or (t[:1].isupper() and lem.lower() == n) else lem)
            for c, lem, n, t in zip(cls, lemma, norm, texts)
        ],
        dtype=object,
    )
    # names (consecutive capitalised nouns, with a number after them) are not cut: "Thierry Roland"
    capital = np.array(
        [
            c in "NUP" and (t[:1].isupper() or (c == "U" and k > 0 and texts[k - 1][:1].isupper()))
            for k, (c, t) in enumerate(zip(cls, texts))
        ],
        dtype=bool,
    )
    n = len(sub)
    name_id = np.zeros(n, dtype="int64")
    for k in range(n):
        if capital[k]:
            same = k > 0 and capital[k - 1] and runs[k] == runs[k - 1]
            name_id[k] = name_id[k - 1] if same else k + 1
    n_tokens = len(sub)
    rows = []
    n = n_tokens
    k = 0
    while k < n:
        if cls[k] == "O":
            k += 1
            continue
        m = k
        while m + 1 < n and cls[m + 1] != "O" and runs[m + 1] == runs[k]:
            m += 1
        chunk = "".join(cls[k : m + 1])
        for i in range(len(chunk)):
            if chunk[i] not in "NAP":
                continue
            content = 0
            for j in range(i, len(chunk)):
                if chunk[j] in "NAU":
                    content += 1
                if content > max_words:
                    break
                if chunk[j] in "DLP" or not _PATTERN.fullmatch(chunk, i, j + 1):
                    continue
                a, b = k + i, k + j
                if (name_id[a] and a > 0 and name_id[a - 1] == name_id[a]) or (
                    name_id[b] and b + 1 < n and name_id[b + 1] == name_id[b]
                ):
                    continue
                words = tuple(lemma[t].lower() for t in range(a, b + 1) if cls[t] in "NA")
                term = " ".join(shown[a : b + 1]).replace("' ", "'")
                form = texts[a] + "".join(
                    (" " if starts[t] > ends[t - 1] else "") + texts[t] for t in range(a + 1, b + 1)
                )
                rows.append(
                    (
                        docs[a],
                        term.lower(),
                        term,
                        words,
                        len(words),
                        chunk[i : j + 1],
                        int(sents[a]),
                        int(segs[a]),
                        int(pos_rows[a]),
                        int(starts[a]),
                        int(ends[b]),
                        form,
                    )
                )
        k = m + 1
    return pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "key",
            "term",
            "words",
            "n_words",
            "pattern",
            "sent",
            "seg",
            "first",
            "start",
            "end",
            "form",
        ],
    )


_CAPITAL_ACCENTS = {"E": "ÉÈÊ", "A": "ÀÂ", "I": "Î", "O": "Ô", "U": "Û"}


@functools.lru_cache(maxsize=50_000)
def accented(word: str) -> str:
    """A capitalised word with the accent print often drops on its capital restored ("Etats-Unis" →
    "États-Unis"): French capitals keep their accents (Académie française). Each part of a hyphenated
    word is restored when general French (wordfreq) writes the accented form clearly more often
    (by ``0.3`` Zipf) than the bare one; names used both ways ("Eric") are left as written."""
    parts = word.split("-")
    out = []
    for part in parts:
        first = part[:1]
        best = part
        if first in _CAPITAL_ACCENTS and len(part) > 1:
            bare = zipf(part.lower())
            for acc in _CAPITAL_ACCENTS[first]:
                alt = acc + part[1:]
                if zipf(alt.lower()) >= max(bare, zipf(best.lower())) + 0.3:
                    best = alt
        out.append(best)
    return "-".join(out)


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """A word's frequency in general French (wordfreq's ``fr`` list), on the Zipf scale."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "fr"))
