"""Key-term candidates: the noun phrases of a text found by part-of-speech patterns, with offsets.

Step 1 of :mod:`analysis.terms.keyterms` (which re-exports :func:`candidates`, :data:`MAX_WORDS`,
:data:`ADDRESS` and :data:`PARTICLES`): French capitalisation corrects the tagger (a capitalised word
inside a sentence is a proper noun, a capitalised article or particle before it belongs to the name),
tokens are tagged once (:func:`tag_tokens`) and shared by the candidates and the content words.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from .units import distinct_sorted, encoded, first_rows, on_codes, on_distinct

__all__ = [
    "ADDRESS",
    "MAX_WORDS",
    "PARTICLES",
    "accented",
    "candidate_rows",
    "candidates",
    "content_words",
    "pattern_spans",
    "row_codes",
    "rows_encoded",
    "tag_tokens",
    "token_tables",
    "topic_labels",
    "zipf",
    "zipfs",
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


def _first_upper(t: str) -> bool:
    """The word starts with a capital."""
    return t[:1].isupper()


def _has_letter(t: str) -> bool:
    """The word holds a letter."""
    return t.isalpha() or any(ch.isalpha() for ch in t)


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
    text_code, text_distinct = encoded(tokens, "text")
    norm_code, norm_distinct = encoded(tokens, "norm")
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    stop = tokens["is_stop"].to_numpy(dtype=bool)
    sent = tokens["sent"].to_numpy(dtype="int64") if "sent" in tokens.columns else np.zeros(n, "int64")
    doc = encoded(tokens, "doc_id")[0] if "doc_id" in tokens.columns else np.zeros(n, "int64")
    opener = np.isin(norm_distinct, list(_OPENERS))[norm_code] if n else np.zeros(0, dtype=bool)
    particle_word = np.isin(norm_distinct, list(PARTICLES))[norm_code] if n else np.zeros(0, dtype=bool)
    # a word opens its sentence when the word before it (punctuation skipped) is in another sentence or
    # document, or when the token right before it opens a quotation
    initial = np.zeros(n, dtype=bool)
    words = np.flatnonzero(~punct)
    if len(words):
        prev = words[:-1]
        here = words[1:]
        initial[words[0]] = True
        initial[here] = (sent[prev] != sent[here]) | (doc[prev] != doc[here])
        after_opener = np.zeros(n, dtype=bool)
        after_opener[1:] = opener[:-1]
        initial[words] |= after_opener[words]
    capital = on_codes(text_code, text_distinct, _first_upper)
    alpha = on_codes(text_code, text_distinct, _has_letter)
    proper = capital & alpha & ~initial & ~stop & ~punct
    particle = np.zeros(n, dtype=bool)
    if n < 2:
        return proper, particle
    # the pair (particle, capitalised word right after it, no punctuation between)
    pair = capital[:-1] & particle_word[:-1] & ~punct[1:] & capital[1:] & ~stop[1:]
    inside = pair & ~initial[:-1]
    # a particle opening a sentence, and the same (document, particle, next word) inside a sentence
    opening = np.flatnonzero(capital[:-1] & initial[:-1] & ~punct[1:] & particle_word[:-1])
    within = np.flatnonzero(inside)
    both = inside.copy()
    if len(opening) and len(within):
        rows = np.r_[within, opening]
        key = row_codes(doc[rows], norm_code[rows], norm_code[rows + 1])
        both[opening[np.isin(key[len(within) :], key[: len(within)])]] = True
    particle[:-1] = both
    proper[1:] |= both
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


def _classes(tokens: pd.DataFrame, labels: np.ndarray | None = None, rows: np.ndarray | None = None) -> np.ndarray:
    """One letter per token: N (noun), A (adjective), U (number), D (de), L (article after de), O (other).

    ``labels`` marks tokens read as nouns whatever their tag (a headline's topic label, see
    :func:`topic_labels`); ``rows``, when given, are the rows of ``tokens`` to classify (``labels``
    has one value per such row). What depends on the word alone is computed once per distinct norm."""
    pos_code, pos_distinct = rows_encoded(tokens, "pos", rows)
    norm_code, norm_distinct = rows_encoded(tokens, "norm", rows)
    n = len(pos_code)
    if not n:
        return np.zeros(0, dtype="U1")
    picked = slice(None) if rows is None else rows
    stop = tokens["is_stop"].to_numpy(dtype=bool)[picked]
    punct = tokens["is_punct"].to_numpy(dtype=bool)[picked]

    def by_norm(fn: Any) -> np.ndarray:
        return np.array([bool(fn(v)) for v in norm_distinct], dtype=bool)[norm_code]

    code = by_norm(_CODE.fullmatch)
    digit = by_norm(lambda v: v[:1].isdigit())
    letter = by_norm(_has_letter)
    word = letter & by_norm(lambda v: len(v) > 1)
    number = np.array([p == "NUM" for p in pos_distinct], dtype=bool)[pos_code]
    content = np.array([_CONTENT_POS.get(p, "O") for p in pos_distinct], dtype="U1")[pos_code]
    label = np.zeros(n, dtype=bool) if labels is None else np.asarray(labels, dtype=bool)
    out = np.full(n, "O", dtype="U1")  # one character each: compared and set without Python objects
    free = np.ones(n, dtype=bool)  # the first rule that applies decides
    for rule, letter_of in (
        (punct, "O"),
        (by_norm(_DE.__contains__), "D"),
        (by_norm(_ART.__contains__), "L"),
        (stop, "O"),
        ((number | digit) & ~code, "U"),
        (code, "N"),  # letters and digits together name a thing: "3DS", "A330", "G20"
        ((content != "O") & word, content),
        (label & letter, "N"),
    ):
        hit = free & rule
        out[hit] = letter_of if isinstance(letter_of, str) else letter_of[hit]
        free &= ~rule
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
    # the number and flag columns candidates read, of the tokens that can be in one (their strings are
    # read as the codes of the whole table's columns, at ``pos_rows``: :func:`rows_encoded`)
    sub = pd.DataFrame({c: tokens[c].to_numpy()[pos_rows] for c in _SUB_COLUMNS if c in tokens.columns})
    cls = _classes(tokens, None if labels is None else np.asarray(labels, dtype=bool)[pos_rows], pos_rows)
    lemma_code, lemma_distinct = rows_encoded(tokens, "lemma", pos_rows)
    lemma = lemma_distinct[lemma_code]
    norm_code, norm_distinct = rows_encoded(tokens, "norm", pos_rows)
    text_code, text_distinct = rows_encoded(tokens, "text", pos_rows)
    proper, particle = (a[pos_rows] for a in _proper(tokens))
    address = np.isin(norm_distinct, list(ADDRESS))[norm_code] if len(norm_code) else np.zeros(0, dtype=bool)
    particle &= ~address
    proper &= ~address & ~particle
    cls[address] = "O"
    cls[particle] = "P"
    cls[proper] = "N"  # a proper noun is a noun, and its own lemma ("Samaras", not "samara")
    lemma[proper] = on_distinct(text_distinct[text_code[proper]], accented, object)
    # an adjective after its noun that the tagger read as a verb ("prisons syriennes"): a word tagged
    # VERB right after a noun or adjective whose look-up lemma is no verb (no infinitive ending); a
    # word so read is an adjective for the word after it too
    n = len(sub)
    verb = np.zeros(n, dtype=bool)
    if n > 1:
        tag_code, tag_distinct = rows_encoded(tokens, "pos", pos_rows)
        tagged_verb = on_codes(tag_code, tag_distinct, lambda t: t == "VERB")
        stop = sub["is_stop"].to_numpy(dtype=bool)
        verb[1:] = tagged_verb[1:] & (runs[1:] == runs[:-1]) & ~stop[1:]
        verb &= ~on_codes(text_code, text_distinct, _first_upper)
    base = on_distinct(norm_distinct[norm_code[verb]], _lexicon_lemma, object)
    no_verb = on_distinct(base, lambda lem: not lem.endswith(_INFINITIVE))
    at, base = np.flatnonzero(verb)[no_verb], base[no_verb]
    if len(at):
        noun_or_adj = (cls == "N") | (cls == "A")
        idx = np.arange(n)
        last = np.maximum.accumulate(np.where(noun_or_adj, idx, -1))  # last noun or adjective so far
        can = np.zeros(n, dtype=bool)
        can[at] = True
        stretch = np.maximum.accumulate(np.where(can & ~np.r_[False, can[:-1]], idx, 0))  # start of each stretch
        ok = last[at - 1] >= stretch[at] - 1  # a noun or adjective before the stretch or inside it, before at
        cls[at[ok]] = "A"
        lemma[at[ok]] = base[ok]
    return pos_rows, runs, sub, cls, lemma


_SUB_COLUMNS = ("seg", "sent", "start", "end", "is_stop", "is_punct")


def rows_encoded(tokens: pd.DataFrame, name: str, rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`~analysis.terms.units.encoded` codes of a column at some of its rows (all when ``rows``
    is None), and the column's distinct values: the whole column's shared codes, taken at ``rows``
    (``distinct`` may hold values none of the rows has)."""
    codes, distinct = encoded(tokens, name)
    return (codes, distinct) if rows is None else (codes[rows], distinct)


_INFINITIVE = ("er", "ir", "re", "oir")


def _lexicon_lemma(norm: str) -> str:
    """The lemma spaCy's French look-up table gives a form (the form itself when it is not listed)."""
    from ..text.lemmas_fast import tables

    return tables()[1].get(norm, norm)


def content_words(
    tokens: pd.DataFrame, *, labels: np.ndarray | None = None, tagged: tuple | None = None, objects: bool = False
) -> pd.DataFrame:
    """Every content word (noun or adjective) of the counted text: ``doc_id``, ``word`` (lemma,
    lowercased), ``sent``. A word inside a name ("Samaras" in "Antonis Samaras") counts as any other.
    With ``objects``, the text columns stay Python objects (no string dtype built) and ``doc``
    gives the document's code."""
    from .units import doc_ids as _doc_ids

    pos_rows, _, sub, cls, lemma = tagged or tag_tokens(tokens, uncounted=False, labels=labels)
    keep = (cls == "N") | (cls == "A")
    sents = sub["sent"].to_numpy(dtype="int64") if "sent" in sub.columns else np.zeros(len(sub), "int64")
    doc, word = _doc_ids(tokens)[pos_rows][keep], on_distinct(lemma[keep], lambda x: str(x).lower(), object)
    if not objects:
        return pd.DataFrame({"doc_id": doc, "word": word, "sent": sents[keep]})
    out = pd.DataFrame({"doc_id": pd.Series(doc, dtype=object), "word": pd.Series(word, dtype=object)})
    out["sent"] = sents[keep]
    if "doc_id" in tokens.columns:  # the document's code (:func:`~analysis.terms.units.encoded`)
        out["doc"] = rows_encoded(tokens, "doc_id", pos_rows)[0][keep]
    return out


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


def candidate_rows(tokens: pd.DataFrame, tagged: tuple, *, max_words: int, objects: bool = False) -> pd.DataFrame:
    """:func:`candidates` from the tagged tokens (:func:`tag_tokens`, shared with :func:`content_words`).

    With ``objects``, the text columns stay Python objects (no string dtype built: the table is
    read by :func:`analysis.terms.keyterms.keyterms` only), and integer codes of the document, the
    key and the form are added (``doc``, ``key_code``, ``form_code``: equal where the strings are),
    and ``span_code``, equal where the sequences of tokens are (so are all their strings).

    Over every document at once: the stretches of candidate tokens (:func:`_chunk_spans`) and their
    spans (:func:`pattern_spans`, once per distinct stretch of classes) are integer arrays; the strings of a
    candidate (term, words, form) are built once per distinct sequence of tokens (:func:`_span_codes`).
    """
    pos_rows, runs, sub, cls, lemma = tagged
    columns = ["doc_id", "key", "term", "words", "n_words", "pattern", "sent", "seg", "first", "start", "end", "form"]
    n = len(sub)
    norm_code, norm_distinct = rows_encoded(tokens, "norm", pos_rows)
    text_code, text_distinct = rows_encoded(tokens, "text", pos_rows)
    starts = sub["start"].to_numpy(dtype="int64")
    ends = sub["end"].to_numpy(dtype="int64")
    sents = sub["sent"].to_numpy(dtype="int64") if "sent" in sub.columns else np.zeros(n, "int64")
    segs = sub["seg"].to_numpy(dtype="int64") if "seg" in sub.columns else np.zeros(n, "int64")
    if "doc_id" in tokens.columns:
        doc_code, doc_names = rows_encoded(tokens, "doc_id", pos_rows)
    else:
        doc_code, doc_names = np.zeros(n, dtype="int64"), np.array(["doc"], dtype=object)
    letter = cls.astype("S1").view(np.uint8) if n else np.zeros(0, np.uint8)  # the classes as bytes
    upper = on_codes(text_code, text_distinct, _first_upper)
    lemma_code, lemma_distinct = _lemma_codes(tokens, pos_rows, lemma)
    # names (consecutive capitalised nouns, with a number after them) are not cut: "Thierry Roland"
    capital = _is_letter(letter, "NUP") & (upper | (_is_letter(letter, "U") & np.r_[False, upper[:-1]]))
    same_run = np.r_[False, runs[1:] == runs[:-1]] if n else np.zeros(0, dtype=bool)
    idx = np.arange(n)
    name_start = capital & ~(np.r_[False, capital[:-1]] & same_run)
    name_id = np.where(capital, np.maximum.accumulate(np.where(name_start, idx + 1, 0)), 0)
    a, b, _ = _chunk_spans(letter, same_run, max_words)
    prev_name, next_name = np.r_[-1, name_id[:-1]], np.r_[name_id[1:], -1]
    keep = ~(((name_id[a] > 0) & (prev_name[a] == name_id[a])) | ((name_id[b] > 0) & (next_name[b] == name_id[b])))
    a, b = a[keep], b[keep]
    if not len(a):
        return pd.DataFrame([], columns=columns)
    space = np.r_[False, starts[1:] > ends[:-1]]
    token = row_codes(text_code, norm_code, lemma_code, letter, space)  # what the strings are made of
    span, first = _span_codes(token, a, b)
    # the strings of the tokens inside distinct candidates (only those are read)
    inside = np.zeros(n + 1, dtype="int64")
    np.add.at(inside, a[first], 1)
    np.add.at(inside, b[first] + 1, -1)
    at = np.flatnonzero(np.cumsum(inside[:n]) > 0)
    texts, lower_lemma, shown = (np.empty(n, dtype=object) for _ in range(3))
    texts[at] = text_distinct[text_code[at]]
    lower_lemma[at] = on_codes(lemma_code[at], lemma_distinct, str.lower, object)
    norm = norm_distinct[norm_code[at]]
    # a capitalised word whose lemma is its own form is shown as written ("Morsi", not "morsi")
    shown[at] = np.where(
        _is_letter(letter[at], "DLU"),
        norm,
        np.where(_is_letter(letter[at], "P") | (upper[at] & (lower_lemma[at] == norm)), texts[at], lemma[at]),
    )
    strings = _span_strings(a[first], b[first], letter, shown, lower_lemma, texts, space)
    term, words, form, pattern = (values[span] for values in strings)
    n_words = np.array([len(w) for w in strings[1]], dtype="int64")[span] if len(first) else np.zeros(0, "int64")

    def text(values: np.ndarray) -> Any:
        return pd.Series(values, dtype=object) if objects else values

    key_code, key_names = pd.factorize(_objects([t.lower() for t in term[first]]))
    out = pd.DataFrame(
        {
            "doc_id": text(doc_names[doc_code[a]]),
            "key": text(np.asarray(key_names, dtype=object)[key_code][span]),
            "term": text(term),
            "words": words,
            "n_words": n_words,
            "pattern": text(pattern),
            "sent": sents[a],
            "seg": segs[a],
            "first": pos_rows[a].astype("int64"),
            "start": starts[a],
            "end": ends[b],
            "form": text(form),
        },
        columns=columns,
    )
    if objects:
        out["doc"] = doc_code[a].astype("int64")
        out["key_code"] = key_code.astype("int64")[span]
        out["form_code"] = pd.factorize(form[first])[0].astype("int64")[span]
        out["span_code"] = span  # equal sequences of tokens: equal strings (term, words, form, pattern)
    return out


def _lemma_codes(tokens: pd.DataFrame, pos_rows: np.ndarray, lemma: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of the tagged lemmas (equal where the strings are) and the strings they stand
    for: the lemma column's shared codes, where :func:`tag_tokens` kept the lemma; the lemmas it
    changed (proper nouns, adjectives read as verbs) looked up among the column's values, or new."""
    code, names = rows_encoded(tokens, "lemma", pos_rows)
    code = code.copy()
    changed = np.flatnonzero(lemma != names[code]) if len(code) else np.zeros(0, "int64")
    if not len(changed):
        return code, names
    at = pd.Index(names, dtype=object).get_indexer(lemma[changed])
    new, fresh = pd.factorize(lemma[changed][at < 0])
    at[at < 0] = len(names) + new
    code[changed] = at
    return code, np.r_[np.asarray(names, dtype=object), np.asarray(fresh, dtype=object)]


def _is_letter(letter: np.ndarray, letters: str) -> np.ndarray:
    """Which classes (as bytes, :func:`_classes` letters) are one of ``letters``."""
    return np.isin(letter, np.frombuffer(letters.encode("ascii"), dtype=np.uint8))


def _objects(values: list) -> np.ndarray:
    """A list as an object array (tuples stay whole)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _span_strings(
    a: np.ndarray,
    b: np.ndarray,
    letter: np.ndarray,
    shown: np.ndarray,
    lower_lemma: np.ndarray,
    texts: np.ndarray,
    space: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The term, content words, form and pattern of each candidate from token ``a[i]`` to ``b[i]``
    (object arrays): the term is the shown words joined by spaces (none after an apostrophe), the
    words the lowercased lemmas of its nouns and adjectives (a tuple), the form the tokens as
    written (a space where the text has one) and the pattern its classes (``letter``, as bytes).

    Built length by length, word position by word position (no Python call per candidate)."""
    size = b - a + 1
    term, form = np.empty(len(a), dtype=object), np.empty(len(a), dtype=object)
    for k in distinct_sorted(size).tolist():
        at = np.flatnonzero(size == k)
        first = a[at]
        term[at] = [" ".join(t).replace("' ", "'") for t in zip(*(shown[first + j].tolist() for j in range(k)))]
        parts = [texts[first].tolist()]
        for j in range(1, k):
            parts.append([" " + x if s else x for x, s in zip(texts[first + j].tolist(), space[first + j].tolist())])
        form[at] = ["".join(f) for f in zip(*parts)]
    # every token of every candidate, in order; the content words of each, split back into tuples
    owner = np.repeat(np.arange(len(a)), size)
    token = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size) + a[owner]
    content = _is_letter(letter[token], "NA")
    flat = iter(lower_lemma[token[content]].tolist())
    words = _objects([tuple(itertools.islice(flat, c)) for c in np.bincount(owner[content], minlength=len(a)).tolist()])
    letters = letter.tobytes()
    pattern = _objects([letters[s : e + 1].decode("ascii") for s, e in zip(a.tolist(), b.tolist())])
    return term, words, form, pattern


@functools.lru_cache(maxsize=20_000)
def pattern_spans(chunk: str, max_words: int) -> tuple[tuple[int, int], ...]:
    """The candidates inside a stretch of classes (``"NDLNA"``): every ``(i, j)``, in order, such that
    ``chunk[i : j + 1]`` matches the noun-phrase pattern, starts with a noun, adjective or particle,
    ends with no *de*, article or particle, and holds at most ``max_words`` content words."""
    out = []
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
            out.append((i, j))
    return tuple(out)


def _chunk_spans(letter: np.ndarray, same_run: np.ndarray, max_words: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """First and last token of every candidate span (:func:`pattern_spans` of each stretch of
    candidate tokens inside a run), in text order, and the stretch each belongs to.

    ``letter`` holds the tokens' classes (:func:`_classes` letters) as bytes. A stretch of up to
    :data:`_PACKED` tokens is coded by its classes packed in an integer (three bits a class), a
    longer one by its bytes; the spans are found once per distinct stretch."""
    n = len(letter)
    inside = letter != ord("O")
    start = inside & ~(np.r_[False, inside[:-1]] & same_run) if n else inside
    first = np.flatnonzero(start)
    if not len(first):
        return np.zeros(0, "int64"), np.zeros(0, "int64"), np.zeros(0, "int64")
    size = np.bincount((np.cumsum(start) - 1)[inside], minlength=len(first))
    digit = np.zeros(256, dtype="int64")  # a class's digit, 1-6 (0 would hide leading classes)
    digit[np.frombuffer(b"NAUDLP", dtype=np.uint8)] = np.arange(1, 7)
    packed = np.zeros(len(first), dtype="int64")
    for k in range(min(int(size.max()), _PACKED)):
        has = np.flatnonzero(size > k)
        packed[has] = packed[has] * 8 + digit[letter[first[has] + k]]
    long = np.flatnonzero(size > _PACKED)
    if len(long):  # the long stretches by their bytes, as negative codes
        letters = letter.tobytes()
        packed[long] = (
            -1
            - pd.factorize(
                np.array([letters[s : s + k] for s, k in zip(first[long].tolist(), size[long].tolist())], dtype=object)
            )[0]
        )
    code = pd.factorize(packed)[0].astype("int64")
    one = first_rows(code)  # a stretch of each distinct code
    letters = letter.tobytes()
    found = [
        pattern_spans(letters[s : s + k].decode("ascii"), max_words)
        for s, k in zip(first[one].tolist(), size[one].tolist())
    ]
    count = np.array([len(f) for f in found], dtype="int64")
    flat = np.array([ij for f in found for ij in f], dtype="int64").reshape(-1, 2)
    offset = np.r_[0, np.cumsum(count)[:-1]]
    reps = count[code]
    owner = np.repeat(np.arange(len(first)), reps)
    within = np.arange(int(reps.sum())) - np.repeat(np.r_[0, np.cumsum(reps)[:-1]], reps)
    at = offset[code[owner]] + within
    return first[owner] + flat[at, 0], first[owner] + flat[at, 1], owner


#: The longest stretch of candidate tokens coded by its classes packed in an int64 (3 bits each).
_PACKED = 20


def _column_codes(col: Any) -> tuple[np.ndarray, int]:
    """A column as non-negative integers equal where its values are, and one more than the largest:
    non-negative integers (and booleans) as they are, one-character strings by code point, anything
    else factorized."""
    values = np.asarray(col)
    if values.dtype.kind == "U" and values.dtype.itemsize == 4:  # one character: its code point
        values = values.view("uint32")
    if values.dtype.kind in "biu" and (not len(values) or int(values.min()) >= 0):
        out = values.astype("int64")
        return out, int(out.max(initial=0)) + 1
    c, uniq = pd.factorize(values)
    return c.astype("int64") + 1, len(uniq) + 1  # -1 (missing) becomes 0


def row_codes(*columns: Any) -> np.ndarray:
    """One integer code per distinct row of the columns (arrays or Series of one length), in order
    of first occurrence.

    The columns' integers are packed into one int64 (a mixed-radix number) and factorized once; when
    the next column would overflow it, the packed codes are factorized first (made dense).
    """
    code = np.zeros(len(columns[0]), dtype="int64")
    size = 1
    for col in columns:
        c, k = _column_codes(col)
        if size * k >= 2**62:
            code = pd.factorize(code)[0].astype("int64")
            size = int(code.max(initial=0)) + 1
        code = code * np.int64(k) + c
        size *= k
    return pd.factorize(code)[0].astype("int64")


def _span_codes(token: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One code per distinct sequence of token codes ``token[a : b + 1]`` (in order of first
    occurrence), and the first span holding each code."""
    extra = b - a
    code = token[a].astype("int64")
    width = np.int64(token.max() + 1)
    for t in range(1, int(extra.max()) + 1 if len(extra) else 0):
        longer = extra >= t
        code[longer] = pd.factorize(code[longer] * width + token[a[longer] + t])[0]
    span = pd.factorize(code * np.int64(int(extra.max()) + 1) + extra)[0].astype("int64")
    return span, first_rows(span)


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


#: Words wordfreq's French tokeniser keeps whole and unchanged (one run of lower-case letters: no
#: case folding, digit, apostrophe, hyphen or mark to split on), looked up straight in its list.
PLAIN_WORD = re.compile("[a-zàâäçéèêëîïôöùûüÿœæ]+")


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """A word's frequency in general French (wordfreq's ``fr`` list), on the Zipf scale.

    A plain word (:data:`PLAIN_WORD`) is looked up in wordfreq's list directly, with wordfreq's own
    arithmetic and rounding (``word_frequency`` for one token, then ``zipf_frequency``): the same
    value, without its tokeniser; any other word goes through ``zipf_frequency``.
    """
    from wordfreq import get_frequency_dict, zipf_frequency

    if not PLAIN_WORD.fullmatch(word):
        return float(zipf_frequency(word, "fr"))
    return _listed_zipf(get_frequency_dict("fr", "best").get(word))


def zipfs(words: Any) -> list[float]:
    """:func:`zipf` of each word (distinct words, say), the plain ones read from wordfreq's list in
    one pass (no call per word through the cache).

    Args:
        words (Any): Strings.

    Returns:
        list[float]: Their Zipf frequencies, as :func:`zipf` gives them.
    """
    from wordfreq import get_frequency_dict

    table = get_frequency_dict("fr", "best")
    plain = PLAIN_WORD.fullmatch
    return [_listed_zipf(table.get(w)) if plain(w) else zipf(w) for w in words]


@functools.lru_cache(maxsize=10_000)
def _listed_zipf(found: float | None) -> float:
    """The Zipf frequency of a one-token word whose frequency in wordfreq's list is ``found`` (None:
    not listed), with wordfreq's arithmetic and rounding; wordfreq's frequencies are bucketed, so
    this runs once per bucket."""
    minimum = 10**0.0 / 1e9  # wordfreq.zipf_to_freq(0.0): the floor zipf_frequency asks for
    if found is None:
        freq = minimum  # a word missing from the list: wordfreq returns the floor as is
    else:
        freq = max(1.0 / (0.0 + 1.0 / found), minimum)  # 1 / f = 1 / f1, as wordfreq combines tokens
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return float(round(math.log(freq, 10) + 9, 2))
