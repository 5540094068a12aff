"""The cached spaCy pipeline (``fr_core_news_sm``) and tagging of our tokens.

The model is loaded once per set of excluded components with
:func:`functools.lru_cache` (the only global state of the package besides
compiled regexes). Tagging never lets spaCy re-tokenise: a
:class:`spacy.tokens.Doc` is built from OUR tokens (text with ’ normalised
to ', and number separators removed), then the pipeline components are run
over it, so token ``k`` of the Doc is row ``k`` of the token table.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Iterator, Sequence

import numpy as np

from .tokens import word_form

MODEL = "fr_core_news_sm"

#: Components not needed for lemmas and POS.
TAGGING_EXCLUDE: tuple[str, ...] = ("parser", "ner")

#: Longest Doc built for tagging, in tokens.
MAX_CHUNK_TOKENS = 2000

#: Docs tagged at once: at most this many, holding at most this many tokens together. spaCy's
#: temporary memory grows with the tokens of a batch (about 15 KB a token): 64 Docs of 2,000 tokens
#: (a text with no sentence end) took 1.9 GB. Batches of ordinary sentences stay 64 Docs.
TAGGING_BATCH_DOCS = 64
TAGGING_BATCH_TOKENS = 10_000

#: Longest text given to spaCy at once (parser and NER), in characters. spaCy refuses a text over
#: ``nlp.max_length`` (1,000,000: error E088), and its parser and NER need temporary memory in
#: proportion to a Doc's length; a longer text is cut after a sentence, else at a space
#: (:func:`model_pieces`).
MAX_DOC_CHARS = 100_000

#: Longest run without whitespace spaCy reads whole. Its tokenizer strips prefixes and suffixes one
#: at a time, each time searching the rest of the run, so a run costs the square of its length (200 KB
#: of « took hours); every ``MAX_RUN_CHARS``-th character of a longer run is read as a space
#: (:func:`model_text`). No word is that long: the longest run of the evaluation data and news
#: corpora is a 113-character URL.
MAX_RUN_CHARS = 200

_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")


@functools.lru_cache(maxsize=4)
def load(*, exclude: tuple[str, ...] = ()) -> Any:
    """Load ``fr_core_news_sm`` once (cached per ``exclude``).

    Args:
        exclude (tuple[str, ...]): Pipeline components to leave out.

    Returns:
        spacy.language.Language: The pipeline.
    """
    import spacy

    return spacy.load(MODEL, exclude=list(exclude))


def model_text(text: str) -> str:
    """``text`` as spaCy reads it: runs without whitespace cut every :data:`MAX_RUN_CHARS` characters.

    The character at each cut is read as a space, so the text keeps its length and every offset
    into it is an offset into ``text``. Text without such runs is returned as it is.

    Args:
        text (str): Raw text (or a slice of it).

    Returns:
        str: The text spaCy is given.
    """
    parts: list[str] = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        for cut in range(m.start() + MAX_RUN_CHARS, m.end(), MAX_RUN_CHARS):
            parts += (text[pos:cut], " ")
            pos = cut + 1
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def model_pieces(text: str, *, max_chars: int | None = None) -> list[tuple[int, str]]:
    """``text`` as spaCy reads it (:func:`model_text`), in pieces of at most ``max_chars`` characters.

    A text no longer than ``max_chars`` is one piece. A longer one is cut after the last sentence
    (:func:`analysis.text.tokens.sentence_spans`) that fits, else after the last whitespace that fits
    (there is one every :data:`MAX_RUN_CHARS` characters at most).

    Args:
        text (str): Raw text (or a slice of it).
        max_chars (int | None): Longest piece (default :data:`MAX_DOC_CHARS`).

    Returns:
        list[tuple[int, str]]: ``(offset, piece)``: ``piece`` is ``model_text(text)[offset:offset + len(piece)]``;
        the pieces cover the text, in order.
    """
    from .tokens import sentence_spans

    max_chars = MAX_DOC_CHARS if max_chars is None else max_chars
    text = model_text(text)
    if len(text) <= max_chars:
        return [(0, text)] if text else []
    ends = sentence_spans(text)[1]
    pieces, lo, k = [], 0, 0
    while len(text) - lo > max_chars:
        hi = lo + max_chars
        cut = lo
        while k < len(ends) and ends[k] <= hi:
            cut = max(cut, ends[k])
            k += 1
        if cut == lo:
            cut = hi
            while cut > lo + 1 and not text[cut - 1].isspace():
                cut -= 1
            if cut == lo + 1 and not text[lo].isspace():
                cut = hi  # no whitespace at all (max_chars under MAX_RUN_CHARS): cut anywhere
        pieces.append((lo, text[lo:cut]))
        lo = cut
    pieces.append((lo, text[lo:]))
    return pieces


def _chunks(text: str, starts: np.ndarray, ends: np.ndarray) -> Iterator[tuple[int, int]]:
    """Token index ranges of sentence-sized chunks.

    Args:
        text (str): Raw text.
        starts (np.ndarray): Token starts (relative to ``text``).
        ends (np.ndarray): Token ends.

    Yields:
        tuple[int, int]: ``(first, last + 1)`` token indices.
    """
    from analysis.text.tokens import sentence_spans

    if len(starts) == 0:
        return
    sent_ends = np.asarray(sentence_spans(text)[1], dtype=np.int64)
    cuts = np.searchsorted(ends, sent_ends, side="right")
    lo = 0
    for hi in list(cuts) + [len(starts)]:
        while hi - lo > MAX_CHUNK_TOKENS:
            yield lo, lo + MAX_CHUNK_TOKENS
            lo += MAX_CHUNK_TOKENS
        if hi > lo:
            yield lo, hi
            lo = hi


def _docs(nlp: Any, words: Sequence[str], spaces: Sequence[bool], ranges: Sequence[tuple[int, int]]) -> Iterator[Any]:
    """Build one Doc per token range.

    Args:
        nlp: The pipeline (for its vocab).
        words (Sequence[str]): All token words.
        spaces (Sequence[bool]): Whether whitespace follows each token.
        ranges (Sequence[tuple[int, int]]): Token ranges.

    Yields:
        spacy.tokens.Doc: Docs with our tokenisation.
    """
    from spacy.tokens import Doc

    for lo, hi in ranges:
        yield Doc(nlp.vocab, words=list(words[lo:hi]), spaces=list(spaces[lo:hi]))


def tag_tokens(text: str, starts: np.ndarray, ends: np.ndarray, tokens: Sequence[str]) -> dict[str, np.ndarray]:
    """Lemma and UPOS for each of our tokens.

    Lemmas are lowercased except for proper nouns; punctuation keeps its
    own text as lemma.

    Args:
        text (str): Raw text the offsets refer to.
        starts (np.ndarray): Token starts in ``text``.
        ends (np.ndarray): Token ends in ``text``.
        tokens (Sequence[str]): Token texts.

    Returns:
        dict[str, np.ndarray]: ``lemma`` and ``pos`` arrays (object dtype).
    """
    n = len(tokens)
    lemmas = np.empty(n, dtype=object)
    tags = np.empty(n, dtype=object)
    if n == 0:
        return {"lemma": lemmas, "pos": tags}
    nlp = load(exclude=TAGGING_EXCLUDE)
    words = [word_form(t) for t in tokens]
    spaces = np.append(starts[1:] > ends[:-1], len(text) > ends[-1]).tolist()
    for batch in _batches(list(_chunks(text, starts, ends))):
        docs = list(_docs(nlp, words, spaces, batch))
        for _, proc in nlp.pipeline:
            docs = list(proc.pipe(docs, batch_size=len(docs)))
        for (lo, _), doc in zip(batch, docs):
            for k, tok in enumerate(doc, start=lo):
                tags[k] = tok.pos_
                lemmas[k] = _lemma(
                    tokens[k],
                    tok.lemma_,
                    tok.pos_,
                    name_like=_capitalised_inside_sentence(text, tokens, starts, ends, k),
                )
    return {"lemma": lemmas, "pos": tags}


def _batches(ranges: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Consecutive token ranges, :data:`TAGGING_BATCH_DOCS` at a time, fewer when they would hold
    more than :data:`TAGGING_BATCH_TOKENS` tokens (always at least one)."""
    batch: list[tuple[int, int]] = []
    size = 0
    for lo, hi in ranges:
        if batch and (len(batch) == TAGGING_BATCH_DOCS or size + hi - lo > TAGGING_BATCH_TOKENS):
            yield batch
            batch, size = [], 0
        batch.append((lo, hi))
        size += hi - lo
    if batch:
        yield batch


#: Parts of speech under which an all-capitals word is taken for an acronym.
_NAME_POS = frozenset({"NOUN", "PROPN", "X"})
#: Longest acronym (longer all-capitals words are shouted words, lemmatised as usual).
_ACRONYM_MAX = 5

#: Tokens after which a capital letter is expected (a sentence or a quotation starts).
_OPENERS = frozenset({".", "!", "?", "…", ":", "«", '"', "“", "—", "–", "-", "(", "..."})


def _capitalised_inside_sentence(
    text: str, tokens: Sequence[str], starts: np.ndarray, ends: np.ndarray, k: int
) -> bool:
    """A capitalised (not all-capitals) word where French would not capitalise a common noun.

    French capitalises common nouns only at the start of a sentence, a line or a
    quotation; elsewhere a capital marks a name (*Israël*, *République*, *Conseil*).
    """
    token = tokens[k]
    if not token[:1].isupper() or token.isupper():
        return False
    if k == 0 or tokens[k - 1] in _OPENERS:
        return False
    return "\n" not in text[ends[k - 1] : starts[k]]


def _lemma(token: str, lemma: str, pos: str, *, name_like: bool = False) -> str:
    """Apply the lemma conventions.

    Args:
        token (str): Raw token text.
        lemma (str): spaCy's lemma.
        pos (str): spaCy's UPOS.
        name_like (bool): The token is capitalised inside a sentence.

    Returns:
        str: The token itself for punctuation and for acronyms (2-5 capitals
        tagged as nouns), the lemma as is for proper
        nouns; for a capitalised word inside a sentence whose lemma is only its
        lower-cased form (a name spaCy tagged as a common noun: *Israël*,
        *République*), the token's own spelling; else the lowercased lemma.
    """
    if pos == "PUNCT" or not any(ch.isalnum() for ch in token):
        return token
    if pos in _NAME_POS and token.isupper() and 2 <= len(token) <= _ACRONYM_MAX:
        return token  # an acronym is its own lemma (spaCy reads "OCS" as a plural: "oc")
    if pos == "PROPN":
        return lemma or token
    lowered = (lemma or token).lower()
    if name_like and lowered == token.lower():
        return token
    return lowered
