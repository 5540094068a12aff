"""A headline's figures: a number in the title and the noun it counts ("39 morts", "2 %"), found
wherever the text repeats them, as key-term candidates (see :mod:`analysis.terms.keyterms`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["MONTHS", "headline_figures", "is_figure", "title_topics"]


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
    n = len(tokens)
    counted = tokens["counted"].to_numpy(dtype=bool) if "counted" in tokens.columns else np.ones(n, bool)
    norm = tokens["norm"].astype(str).to_numpy(dtype=object)
    lemma = tokens["lemma"].astype(str).str.lower().to_numpy(dtype=object)
    pos = tokens["pos"].astype(str).to_numpy(dtype=object)
    text = tokens["text"].astype(str).to_numpy(dtype=object)
    seg = tokens["seg"].to_numpy()
    sent = tokens["sent"].to_numpy() if "sent" in tokens.columns else np.zeros(n, "int64")
    start, end = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    titles = segments[(segments["kind"] == "title").to_numpy()]
    title_docs = titles["doc_id"].astype(str).tolist() if "doc_id" in titles.columns else [docs[0]] * len(titles)
    if not len(titles) or n < 2:
        return pd.DataFrame(columns=cols)
    doc_code, doc_names = pd.factorize(docs)
    t_doc = pd.Index(doc_names, dtype=object).get_indexer(np.asarray(title_docs, dtype=object))
    t_seg = titles["seg"].to_numpy(dtype="int64")
    # a token may count a figure when it is counted and not its document's last counted token; the
    # figure is the token and the next row of the table
    k = np.flatnonzero(counted[:-1])
    k = k[np.r_[doc_code[k][1:] == doc_code[k][:-1], False]]
    word = pd.factorize(pd.Series(norm, dtype=object))[0].astype("int64")
    noun_code = pd.factorize(pd.Series(lemma, dtype=object))[0].astype("int64")
    pair = word[k] * np.int64(noun_code.max() + 1) + noun_code[k + 1]  # (number, noun lemma)
    # the title tokens followed by a token of the same title, and the titles they are in
    width = np.int64(max(int(seg.max()), int(t_seg.max())) + 1)
    title_key = pd.Series(np.where(t_doc >= 0, t_doc * width + t_seg, -1))
    first_of_key = title_key.reset_index().drop_duplicates(0).set_index(0)["index"]  # the first title of each key
    in_title = pd.Index(first_of_key.index).get_indexer(doc_code[k] * width + seg[k])
    cand = np.flatnonzero((in_title >= 0) & (seg[k + 1] == seg[k]))
    x = k[cand]
    figure = np.array(
        [is_figure(a, b, c, d, e) for a, b, c, d, e in zip(norm[x], pos[x], norm[x + 1], pos[x + 1], lemma[x + 1])],
        dtype=bool,
    )
    first_title = first_of_key.to_numpy()[in_title[cand[figure]]]
    # every title with a segment and document equal to the first one's wants the same figures
    same = title_key.to_numpy()
    wanted = pd.DataFrame({"key": same[first_title], "pair": pair[cand[figure]]}).drop_duplicates()
    wanted = wanted.merge(pd.DataFrame({"key": same, "t": np.arange(len(same))}), on="key")
    wanted["doc"] = wanted["key"] // width
    found = pd.DataFrame({"doc": doc_code[k], "pair": pair, "k": k})[doc_code[k + 1] == doc_code[k]]
    hits = wanted[["t", "doc", "pair"]].merge(found, on=["doc", "pair"]).sort_values(["t", "k"], kind="mergesort")
    out = [hits[["t", "k"]].to_numpy(dtype="int64")] if len(hits) else []
    if not out:
        return pd.DataFrame(columns=cols)
    at = np.concatenate(out)[:, 1]
    noun = lemma[at + 1]
    term = [f"{a} {b if c != '%' else '%'}" for a, b, c in zip(norm[at].tolist(), text[at + 1].tolist(), noun.tolist())]
    rows = [
        (
            docs[x],
            f"{norm[x]} {c}",
            tm,
            (c,),
            2,
            "UN",
            int(sent[x]),
            int(seg[x]),
            int(x),
            int(start[x]),
            int(end[x + 1]),
            tm,
        )
        for x, c, tm in zip(at.tolist(), noun.tolist(), term)
    ]
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


def title_topics(cands: pd.DataFrame, tokens: pd.DataFrame, segments: pd.DataFrame | None) -> dict[str, str]:
    """The topic each headline names before a colon ("France : le SMIC augmentera de 2 %"), as a
    candidate key, by ``doc_id`` (documents whose headline names none are left out), all documents at once.

    News headlines, and Wikinews's by convention, often open with the place or subject of the story
    followed by a colon ("Chine : ...", "Crash du Rio-Paris : ..."). A document's headline is its
    first title segment; the topic is the longest candidate (``cands``: key-term candidates with
    ``doc_id``, ``seg``, ``start``, ``end``, ``key``; the last of equals) that starts the title and
    ends before its first colon, when the title holds a word and nothing before the colon is
    punctuation.
    """
    from .candidates import row_codes
    from .units import encoded

    if segments is None or not len(segments) or "seg" not in tokens.columns or not len(cands) or not len(tokens):
        return {}
    titles = segments[(segments["kind"] == "title").to_numpy()]
    title_doc = titles["doc_id"].astype(str).to_numpy(dtype=object)
    first = ~pd.Series(title_doc).duplicated().to_numpy()  # each document's first title segment
    title_doc, title_seg = title_doc[first], titles["seg"].to_numpy(dtype="int64")[first]
    if "doc_id" in tokens.columns:
        doc_code, doc_names = encoded(tokens, "doc_id")
    else:
        doc_code, doc_names = np.zeros(len(tokens), dtype="int64"), np.array(["doc"], dtype=object)
    title_at = pd.Index(doc_names, dtype=object).get_indexer(title_doc)
    title_doc, title_seg = title_at[title_at >= 0], title_seg[title_at >= 0]
    if not len(title_doc):
        return {}
    seg = tokens["seg"].to_numpy(dtype="int64")
    width = np.int64(max(int(seg.max()), int(title_seg.max())) + 1)
    rows = np.flatnonzero(np.isin(doc_code * width + seg, title_doc * width + title_seg))  # title tokens
    rows = rows[np.argsort(doc_code[rows], kind="stable")]  # by document, in the table's order
    if not len(rows):
        return {}
    doc = doc_code[rows]
    norm_code, norm_names = encoded(tokens, "norm")
    colon = (np.asarray(norm_names, dtype=object) == ":")[norm_code[rows]]
    punct = tokens["is_punct"].to_numpy(dtype=bool)[rows]
    opens = np.r_[True, doc[1:] != doc[:-1]]
    group, at = np.cumsum(opens) - 1, np.arange(len(rows))
    start_at = np.flatnonzero(opens)
    colon_at = np.full(len(start_at), len(rows))
    np.minimum.at(colon_at, group[colon], at[colon])  # each title's first colon
    before = at < colon_at[group]
    ok = (colon_at < len(rows)) & (colon_at > start_at)  # a colon, with tokens before it
    ok &= np.bincount(group, weights=~punct, minlength=len(start_at)) > 0  # the title holds a word
    ok &= np.bincount(group[before & punct], minlength=len(start_at)) == 0  # no punctuation before the colon
    if not ok.any():
        return {}
    starts, ends = tokens["start"].to_numpy(dtype="int64"), tokens["end"].to_numpy(dtype="int64")
    g_doc, g_start = doc[start_at][ok], starts[rows[start_at]][ok]
    g_end = ends[rows[np.minimum(colon_at, len(rows)) - 1]][ok]
    g_seg = seg[rows[start_at]][ok]
    c_doc = pd.Index(doc_names, dtype=object).get_indexer(cands["doc_id"].astype(str).to_numpy(dtype=object))
    c_seg, c_start = cands["seg"].to_numpy(dtype="int64"), cands["start"].to_numpy(dtype="int64")
    code = row_codes(np.r_[g_doc, c_doc], np.r_[g_seg, c_seg], np.r_[g_start, c_start])
    which = pd.Index(code[: len(g_doc)]).get_indexer(code[len(g_doc) :])  # the title each candidate starts
    c_end = cands["end"].to_numpy(dtype="int64")
    hit = np.flatnonzero(which >= 0)
    hit = hit[c_end[hit] <= g_end[which[hit]]]
    if not len(hit):
        return {}
    hit = hit[np.lexsort((hit, c_end[hit], which[hit]))]  # by title, then end, then candidate order
    last = np.r_[which[hit][1:] != which[hit][:-1], True]  # the longest of each title, the last of equals
    keys = cands["key"].to_numpy(dtype=object)
    return {str(doc_names[g_doc[g]]): str(keys[c]) for g, c in zip(which[hit][last].tolist(), hit[last].tolist())}
