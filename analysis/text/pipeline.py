"""The article pipeline: segments, sentences and tokens of one article, joined.

This is the one place where the layers meet for a whole article:
:func:`analysis.text.clean.segments` decides what each block is and whether it is
counted; :func:`analysis.text.tokens.sentences` splits each segment on its own (so a
heading or caption never glues onto the next sentence); :func:`tokenize`
runs once over the raw text (so spaCy sees whole paragraphs) and each token is
tagged with its segment, its sentence and the segment's ``counted`` flag.

:func:`tokenize` (``analysis.tokenize``) is the tokeniser's table with spaCy's
lemmas and parts of speech added: the one place where :mod:`analysis.text.tokens`
(which never imports spaCy) and :mod:`analysis.text.nlp` meet.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import clean, nlp, tokens as tok
from ..reading.article import Article
from ..spans import locate

__all__ = ["Tables", "analyse", "tokenize"]


@dataclass(frozen=True)
class Tables:
    """The tidy tables of one article; every row has ``start``/``end`` into ``article.text``.

    Attributes:
        article: The article the tables describe.
        segments: One row per block (see :func:`analysis.clean.segments`).
        sentences: One row per sentence, with its ``seg``.
        tokens: One row per token, with ``seg``, ``sent`` and ``counted``.
    """

    article: Article
    segments: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The tables keyed by name.

        Returns:
            dict[str, pandas.DataFrame]: ``segments``, ``sentences`` and ``tokens``.
        """
        return {"segments": self.segments, "sentences": self.sentences, "tokens": self.tokens}


def tokenize(
    text: str, *, lemmas: bool = False, pos: bool = False, stems: bool = False, offset: int = 0
) -> pd.DataFrame:
    """Tokenise French text into a table with exact character offsets, with spaCy's tags if asked.

    The table of :func:`analysis.text.tokens.tokenize`; ``lemmas``/``pos`` run spaCy
    (:func:`analysis.text.nlp.tag_tokens`) on those tokens, never re-tokenising.

    Args:
        text (str): Raw text (any Unicode).
        lemmas (bool): Add a ``lemma`` column (spaCy fr_core_news_sm run on
            our tokens; lowercase except proper nouns; punctuation keeps
            its own text).
        pos (bool): Add a ``pos`` column (UPOS from the same spaCy run).
        stems (bool): Add a ``stem`` column (NLTK Snowball French on norm).
        offset (int): Added to ``start``/``end`` so that a slice of a
            larger text gets offsets into that text.

    Returns:
        pd.DataFrame: One row per token, columns ``i, start, end, text,
        norm, is_punct, is_stop, is_alpha`` (+ ``stem``, ``lemma``, ``pos``).
        ``text[start - offset:end - offset] == row.text`` for every row.
    """
    frame = tok.tokenize(text, stems=stems, offset=offset)
    if lemmas or pos:
        starts = frame["start"].to_numpy(dtype=np.int64) - offset
        ends = frame["end"].to_numpy(dtype=np.int64) - offset
        tags = nlp.tag_tokens(text, starts, ends, frame["text"].tolist())
        if lemmas:
            frame["lemma"] = pd.array(tags["lemma"], dtype=frame["text"].dtype)
        if pos:
            frame["pos"] = pd.array(tags["pos"], dtype=frame["text"].dtype)
    return frame


def analyse(
    article: Article | str,
    *,
    lemmas: bool = True,
    stems: bool = True,
    include_duplicates: bool = False,
    include_boilerplate: bool = False,
) -> Tables:
    """Segment, split and tokenise an article.

    Args:
        article: An :class:`~analysis.article.Article` or a raw string.
        lemmas: Add ``lemma`` and ``pos`` (spaCy ``fr_core_news_sm``).
        stems: Add ``stem`` (NLTK Snowball French).
        include_duplicates: Count duplicate segments too.
        include_boilerplate: Count boilerplate, credits and bylines too.

    Returns:
        Tables: segments, sentences and tokens.
    """
    if isinstance(article, str):
        article = Article.from_text(article)
    text, doc_id = article.text, article.doc_id
    segs = clean.segments(
        text, doc_id=doc_id, include_duplicates=include_duplicates, include_boilerplate=include_boilerplate
    )
    sents = _sentences_by_segment(text, segs, doc_id=doc_id)
    toks = tokenize(text, lemmas=lemmas, pos=lemmas, stems=stems)
    toks.insert(0, "doc_id", doc_id)
    starts = toks["start"].to_numpy()
    seg_idx = locate(segs, starts, id_col="seg")
    toks.insert(1, "seg", seg_idx)
    toks.insert(2, "sent", locate(sents, starts, id_col="sent"))
    counted = segs["counted"].to_numpy(dtype=bool)
    toks["counted"] = np.where(seg_idx >= 0, counted[np.clip(seg_idx, 0, None)], False) if len(segs) else False
    return Tables(article=article, segments=segs, sentences=sents, tokens=toks)


def _sentences_by_segment(text: str, segs: pd.DataFrame, *, doc_id: str) -> pd.DataFrame:
    """Split each segment into sentences on its own, keeping raw offsets (one table built at the end)."""
    starts: list[int] = []
    ends: list[int] = []
    seg_ids: list[int] = []
    for seg, start, end in segs[["seg", "start", "end"]].itertuples(index=False):
        s, e = tok.sentence_spans(text[start:end])
        starts += [x + start for x in s]
        ends += [x + start for x in e]
        seg_ids += [int(seg)] * len(s)
    return pd.DataFrame(
        {
            "doc_id": doc_id,
            "sent": np.arange(len(starts), dtype="int64"),
            "seg": np.asarray(seg_ids, dtype="int64"),
            "start": np.asarray(starts, dtype="int64"),
            "end": np.asarray(ends, dtype="int64"),
            "text": pd.Series([text[a:b] for a, b in zip(starts, ends)], dtype="str"),
        }
    )
