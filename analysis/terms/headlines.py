"""A headline's figures: a number in the title and the noun it counts ("39 morts", "2 %"), found
wherever the text repeats them, as key-term candidates (see :mod:`analysis.terms.keyterms`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["MONTHS", "headline_figures", "is_figure"]


def headline_figures(tokens: pd.DataFrame, segments: pd.DataFrame | None) -> pd.DataFrame:
    """Every occurrence of a headline's figures, as candidate rows (pattern ``UN``).

    A figure is a cardinal number in the title followed by the noun it counts or by "%" ("39 morts",
    "8 000 emplois", "de 2 %"); a number before a month is a date, not a figure. News puts the story's
    figure in its headline. Its occurrences are counted in the whole counted text (number, then the same
    noun lemma).
    """
    from .units import doc_ids as _doc_ids

    cols = ["doc_id", "key", "term", "words", "n_words", "pattern", "sent", "seg", "first", "start", "end", "form"]
    if segments is None or not len(segments) or "seg" not in tokens.columns:
        return pd.DataFrame(columns=cols)
    docs = _doc_ids(tokens)
    counted = tokens["counted"].to_numpy(dtype=bool) if "counted" in tokens.columns else np.ones(len(tokens), bool)
    norm = tokens["norm"].astype(str).to_numpy(dtype=object)
    lemma = tokens["lemma"].astype(str).str.lower().to_numpy(dtype=object)
    pos = tokens["pos"].astype(str).to_numpy(dtype=object)
    text = tokens["text"].astype(str).to_numpy(dtype=object)
    seg = tokens["seg"].to_numpy()
    sent = tokens["sent"].to_numpy() if "sent" in tokens.columns else np.zeros(len(tokens), "int64")
    start, end = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    titles = segments[(segments["kind"] == "title").to_numpy()]
    title_docs = titles["doc_id"].astype(str).tolist() if "doc_id" in titles.columns else [docs[0]] * len(titles)
    rows = []
    for d, sg in zip(title_docs, titles["seg"]):
        in_doc = np.flatnonzero((docs == d) & counted)
        wanted = set()
        for k in in_doc[:-1]:
            if seg[k] == sg and seg[k + 1] == sg and is_figure(norm[k], pos[k], norm[k + 1], pos[k + 1], lemma[k + 1]):
                wanted.add((norm[k], lemma[k + 1]))
        for k in in_doc[:-1]:
            if (norm[k], lemma[k + 1]) in wanted and docs[k + 1] == d:
                noun = lemma[k + 1]
                term = f"{norm[k]} {text[k + 1] if noun != '%' else '%'}"
                rows.append(
                    (
                        d,
                        f"{norm[k]} {noun}",
                        term,
                        (noun,),
                        2,
                        "UN",
                        int(sent[k]),
                        int(seg[k]),
                        int(k),
                        int(start[k]),
                        int(end[k + 1]),
                        term,
                    )
                )
    return pd.DataFrame(rows, columns=cols)


def is_figure(number: str, number_pos: str, noun: str, noun_pos: str, noun_lemma: str) -> bool:
    """A cardinal number and the noun it counts (or "%"), not a date ("19 août")."""
    if not (number_pos == "NUM" or number[:1].isdigit()) or not any(ch.isdigit() for ch in number):
        return False
    if noun == "%":
        return True
    return noun_pos == "NOUN" and noun.isalpha() and noun_lemma not in MONTHS


#: Month names: a number before one is a date, not a figure.
MONTHS: frozenset[str] = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
