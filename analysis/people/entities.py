"""Named entities of an article: mentions, aliases merged into entities, co-occurrence.

This module is the article level and the public face of the area; the work is done in
:mod:`~analysis.people.mentions` (the spaCy model's mentions in one text, corrected by general rules,
with the title before a person kept beside the name), :mod:`~analysis.people.aliases` (aliases merged
into one canonical entity), :mod:`~analysis.people.gazetteer` (the word lists and places, from
``data/``), :mod:`~analysis.people.graph` (co-occurrence) and :mod:`~analysis.people.render` (HTML);
their public names are re-exported here.

:func:`entities` runs the model (``fr_core_news_sm``) on each content segment of an article, reads
its mentions with :func:`~analysis.people.mentions.piece_mentions` (offsets into the raw text), then
merges aliases (:func:`~analysis.people.aliases.canonicalise`). Mentions in duplicate segments are
kept in the table with ``counted=False``; mentions in boilerplate, credits and bylines are not
produced at all. The summary (:func:`summary`) and co-occurrence count only ``counted`` rows.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import pandas as pd

from ..reading.article import Article
from .aliases import canonicalise, name_key

# re-exported: this module is the area's public face
from .gazetteer import (
    ACRONYM_SKIP,
    ARTICLES,
    ELISIONS,
    EVENT_HEADS,
    INSTITUTION_HEADS,
    LEADING_FUNCTION_WORDS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_WORDS,
    PRODUCT_NOUNS,
    TITLES,
    TRAILING_FUNCTION_WORDS,
    Gazetteer,
    gazetteer,
    not_names,
    place_key,
)  # noqa: F401
from .graph import cooccurrence_edges, cooccurrence_graph
from .mentions import (
    ACRONYM,
    EXTEND_POS,
    HYPHEN_COMPOUND,
    SHOUTING_SHARE,
    SPLIT_POS,
    STRAY_POS,
    Mention,
    find_mentions,
    may_hold_mention,
    model_text,
    piece_mentions,
)  # noqa: F401
from .render import HTML_COLOURS, render_html  # noqa: F401

__all__ = [
    "LABELS",
    "MENTION_COLUMNS",
    "Mention",
    "MentionIndex",
    "canonicalise",
    "cooccurrence_edges",
    "cooccurrence_graph",
    "entities",
    "find_mentions",
    "gazetteer",
    "may_hold_mention",
    "model_text",
    "name_key",
    "not_names",
    "place_key",
    "render_html",
    "summary",
]

#: The labels produced.
LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")

#: Columns of the mentions table.
MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "seg",
    "sent",
    "start",
    "end",
    "text",
    "label",
    "canonical",
    "title",
    "title_start",
    "title_end",
    "counted",
    "fixes",
)


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {
            c: pd.Series(dtype=t)
            for c, t in zip(
                MENTION_COLUMNS,
                [
                    "str",
                    "int64",
                    "int64",
                    "int64",
                    "int64",
                    "str",
                    "str",
                    "str",
                    "str",
                    "int64",
                    "int64",
                    "bool",
                    "str",
                ],
            )
        }
    )


def entities(article: Article | str, *, tables: Any = None, include_duplicates: bool = True) -> pd.DataFrame:
    """The entity mentions of an article, corrected and with canonical names.

    spaCy runs on each content segment on its own (title, lede, caption,
    heading, paragraph, quote, duplicates included); boilerplate, credits and
    bylines are skipped.

    Args:
        article (Article | str): The article (or raw text).
        tables (analysis.pipeline.Tables | None): ``analyse(article)`` if already
            computed (its segments and sentences are used).
        include_duplicates (bool): Keep mentions from duplicate segments
            (flagged ``counted=False``); False drops them.

    Returns:
        pandas.DataFrame: Columns :data:`MENTION_COLUMNS`: ``doc_id``, ``seg``,
        ``sent`` (ids from the pipeline), ``start``/``end`` into the raw text,
        ``text`` (``raw[start:end]``), ``label`` (the entity's label),
        ``canonical`` (the entity's name), ``title`` (a title or form of address right
        before a person's name, "M.", "le général" → "général", kept outside the mention as in
        Sequoia; ``raw[title_start:end]`` is the mention with it, as in HIPE; "" and
        ``title_start == title_end == start`` when there is none), ``counted`` (False in
        duplicate segments), ``fixes`` (corrections applied to the model's mention).
    """
    from ..text.clean import CONTENT_KINDS
    from ..text.nlp import load, model_pieces
    from ..text.pipeline import analyse, locate

    if isinstance(article, str):
        article = Article.from_text(article)
    if tables is None:
        tables = analyse(article, lemmas=False, stems=False)
    text, segs = article.text, tables.segments
    content = segs[segs["kind"].isin(CONTENT_KINDS)]
    if not include_duplicates:
        content = content[content["counted"]]

    def jobs() -> Any:
        for seg, s, e, counted in zip(content["seg"], content["start"], content["end"], content["counted"]):
            norm, back = model_text(text[s:e])
            for offset, piece in model_pieces(norm):
                if may_hold_mention(piece):
                    yield piece, (int(seg), int(s), offset, back, bool(counted))

    rows = []
    for doc, (seg, s, offset, back, counted) in _pipe(load(), jobs()):
        for m in piece_mentions(doc, offset=offset, back=back, base=s):
            rows.append(
                {
                    "doc_id": article.doc_id,
                    "seg": seg,
                    "start": m.start,
                    "end": m.end,
                    "text": text[m.start : m.end],
                    "label": m.label,
                    "title": text[m.title_start : m.title_end],
                    "title_start": m.title_start,
                    "title_end": m.title_end,
                    "counted": counted,
                    "fixes": m.fixes,
                }
            )
    rows += _same_name_rows(text, content, rows, doc_id=article.doc_id)
    if not rows:
        return _empty()
    out = pd.DataFrame(rows).sort_values(["start", "end"], kind="stable")
    out["sent"] = locate(tables.sentences, out["start"].to_numpy(), id_col="sent")
    out = canonicalise(out, text=text)
    out = out.astype(
        {
            "seg": "int64",
            "sent": "int64",
            "start": "int64",
            "end": "int64",
            "title_start": "int64",
            "title_end": "int64",
            "counted": "bool",
        }
    )
    return out[list(MENTION_COLUMNS)].reset_index(drop=True)


#: An organisation's name that no common word can be: an acronym (*CGT*), an English genitive
#: (*Moody's*), or several words each capitalised but for linking words (*Human Rights Watch*,
#: *Reporters sans frontières*); a single capitalised word may be a sentence's first common noun.
_ORG_SHAPE = re.compile(
    r"^(?:[A-Z][A-Z0-9&]{1,5}|[A-ZÀ-ÖØ-Þ][\w-]*'s|[A-ZÀ-ÖØ-Þ][\w'-]*(?:\s+(?:[a-zà-ÿ]{1,4}\s+)?[A-ZÀ-ÖØ-Þ][\w'-]*)+)$"
)
#: A capitalised word right after a name: the name found is then part of a longer one.
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")


def _same_name_rows(text: str, content: pd.DataFrame, rows: list[dict[str, Any]], *, doc_id: str) -> list[dict]:
    """Person and organisation mentions the model missed at other places of the same article: one sense
    per discourse.

    A full name (two words or more, each capitalised) found once as a person names that person at its
    other exact occurrences, and an organisation's name of a shape no common word has (:data:`_ORG_SHAPE`:
    *Moody's* after *Moody’s*, *CGT*, *Human Rights Watch*) names that organisation at its own, in
    the article's content segments (Gale, Church and Yarowsky 1992, "One sense per discourse"; the
    HIPE-2022 guidelines annotate every mention of an entity). An occurrence is taken
    only when no mention overlaps it and it is not followed by a capitalised word (then it is part of a
    longer name). The rows carry the fix ``same-name-add`` and no title.

    Args:
        text (str): The article's raw text.
        content (pandas.DataFrame): Its content segments (``seg``, ``start``, ``end``, ``counted``).
        rows (list[dict]): The mentions found so far (``start``, ``end``, ``label``, ``text``).
        doc_id (str): The article's id.

    Returns:
        list[dict]: The added rows, in the shape of ``rows``.
    """
    labels: dict[str, str] = {}
    for r in rows:
        name = r["text"].replace("’", "'")
        if r["label"] == "PER" and len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
            labels.setdefault(name, "PER")
        elif r["label"] == "ORG" and _ORG_SHAPE.match(name):
            labels.setdefault(name, "ORG")
    names = sorted(labels, key=len, reverse=True)
    if not names:
        return []
    norm = text.replace("’", "'")
    spans = sorted((r["start"], r["end"]) for r in rows)
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w'-])")
    out: list[dict] = []
    for seg, s, e, counted in zip(content["seg"], content["start"], content["end"], content["counted"]):
        for m in pattern.finditer(norm, int(s), int(e)):
            a, b = m.span()
            k = bisect.bisect_left(spans, (b, -1))
            if (k > 0 and spans[k - 1][1] > a) or _CAPITALISED_NEXT.match(norm, b, int(e)):
                continue
            bisect.insort(spans, (a, b))
            out.append(
                {
                    "doc_id": doc_id,
                    "seg": int(seg),
                    "start": a,
                    "end": b,
                    "text": text[a:b],
                    "label": labels[m.group().replace("’", "'")],
                    "title": "",
                    "title_start": a,
                    "title_end": a,
                    "counted": bool(counted),
                    "fixes": "same-name-add",
                }
            )
    return out


class MentionIndex:
    """A mentions table as plain lists, indexed by start (built once): the mentions inside a span in
    ``O(log n + k)``, not one scan of the table per question (which made long texts quadratic).

    Attributes:
        start, end, label, text (list): The table's columns, in its order.
        canonical (list | None): The ``canonical`` column, when the table has one.
    """

    def __init__(self, mentions: pd.DataFrame) -> None:
        self.start = mentions["start"].astype("int64").tolist()
        self.end = mentions["end"].astype("int64").tolist()
        self.label = mentions["label"].tolist()
        self.text = mentions["text"].tolist()
        self.canonical = mentions["canonical"].tolist() if "canonical" in mentions else None
        self._order = sorted(range(len(self.start)), key=self.start.__getitem__)
        self._sorted = [self.start[i] for i in self._order]

    def within(self, a: int, b: int) -> list[int]:
        """Rows of the mentions with ``a <= start`` and ``end <= b``, in the table's order.

        Args:
            a (int): Span start.
            b (int): Span end.

        Returns:
            list[int]: Row positions.
        """
        lo, hi = bisect.bisect_left(self._sorted, a), bisect.bisect_right(self._sorted, b)
        return sorted(i for i in self._order[lo:hi] if self.end[i] <= b)


#: Texts given to spaCy at once: at most its own batch size (256 Docs), holding at most this many
#: characters together. Its temporary memory grows with a batch's length: 256 paragraphs of a long
#: text are 200,000 tokens at once. A batch of an ordinary article's paragraphs is unchanged.
BATCH_CHARS = 100_000


def _pipe(model: Any, jobs: Any) -> Any:
    """``model.pipe(jobs, as_tuples=True)``, in batches of at most :data:`BATCH_CHARS` characters."""
    batch: list[tuple[str, Any]] = []
    size = 0
    for job in jobs:
        if batch and (len(batch) == model.batch_size or size + len(job[0]) > BATCH_CHARS):
            yield from model.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, size = [], 0
        batch.append(job)
        size += len(job[0])
    if batch:
        yield from model.pipe(batch, as_tuples=True, batch_size=len(batch))


def summary(mentions: pd.DataFrame, *, counted_only: bool = True) -> pd.DataFrame:
    """One row per entity.

    Args:
        mentions (pandas.DataFrame): From :func:`entities`.
        counted_only (bool): Count only ``counted`` mentions (duplicates out);
            entities seen only in duplicates then have 0 mentions and are dropped.

    Returns:
        pandas.DataFrame: ``canonical, label, mentions, mentions_all, variants``
        (the distinct surface forms, "; "-joined, by frequency), ``first``
        (start of the first mention), sorted by mentions (desc) then first.
        ``attrs["rule"]`` says what was counted.
    """
    cols = ["canonical", "label", "mentions", "mentions_all", "variants", "first"]
    if mentions.empty:
        return pd.DataFrame({c: [] for c in cols})
    m = mentions.assign(_c=mentions["counted"].astype(int))
    rows = []
    for name, grp in m.groupby("canonical", sort=False):
        forms = grp["text"].str.replace("’", "'").value_counts(sort=True)
        rows.append(
            {
                "canonical": name,
                "label": grp["label"].iloc[0],
                "mentions": int(grp["_c"].sum()),
                "mentions_all": len(grp),
                "variants": "; ".join(forms.index),
                "first": int(grp["start"].min()),
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    if counted_only:
        out = out[out["mentions"] > 0]
    out = out.sort_values(["mentions", "first"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out.attrs["rule"] = (
        "mentions: counted segments only (duplicates out); mentions_all: every content segment"
        if counted_only
        else "all content segments"
    )
    return out
