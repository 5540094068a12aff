"""Cut a raw news page into segments, say what each one is, flag what is not counted.

The raw text is never modified. Every row of the table returned by
:func:`segments` carries ``start``/``end`` offsets such that
``raw[start:end] == row.text``; boilerplate, credits, bylines and duplicates
are *flagged* (``counted`` is False, ``rule`` and ``reason`` say why), never
deleted.

Algorithm
---------
1. **Blocks.** The text is cut into lines (``\n``, ``\r\n``, ``\r`` and the
   other Unicode line breaks). Lines holding only white space (a lone
   no-break space counts as white space) separate blocks.
2. **Lines inside a block.** A block is split between two lines when the lines
   are independent units, and kept whole when it is prose hard-wrapped over
   several lines (see :func:`_breaks_between`):

   * a widget-like line (a whole line matching a boilerplate, credit or byline
     pattern, e.g. ``S'abonner``, ``guest``, ``Par Jean Dupont``) or a list
     bullet always stands alone;
   * under a list heading ("Lire aussi", "Sur le même sujet", "Mots-clés"),
     each item-shaped line (short, no final period) stands alone, across
     blank lines, until a line of another shape: headlines of similar length
     would otherwise look hard-wrapped;
   * a line ending with a photo credit closes a caption;
   * the next line starts in lower case (or with ``,`` ``)`` …) → it continues
     the sentence: join;
   * the next line starts a sentence (capital, digit, opening quote): join only
     when the previous line *fills* the wrap width of the block (hard-wrapped
     text at 30–110 columns); otherwise split. So two 190-character caption
     lines, or a short heading line followed by a paragraph, are split, while
     an e-mail/OCR paragraph wrapped at 72 columns stays one block.

   Each piece is stripped of surrounding white space (plus invisible format
   characters such as U+FEFF and U+200B); the stripped span is the segment.
3. **Kinds**, first matching rule wins (vocabulary tables below are data):

   * ``boilerplate`` — whole-line widget vocabulary (comments, subscription,
     share, gift-article, reading time, article tools, tag lines, cookies,
     "Lire aussi : …" links, ads, follow-us, rights, feedback, navigation
     crumbs), list headings alone on their line (related articles, tags), or
     notice sentences (moderation, anti-spam, cookie, paywall);
   * ``credit`` — "X a contribué à ce rapport", "(Avec AFP)", "Source : …",
     a standalone photo credit;
   * ``byline`` — "Par NAME …", "Propos recueillis par", "De notre
     correspondant", "Publié le … / Mis à jour le …", a NAME + OUTLET line;
   * ``caption`` — a short block ending with a photo-credit marker;
   * ``title`` — the first remaining block, if title-shaped (one line, no final
     period);
   * ``quote`` — a block opening with « or “ whose quotation is most of it;
   * ``lede`` — the first prose block after the title, before anything else
     but bylines, credits and boilerplate;
   * ``heading`` — a short line without final punctuation between prose;
   * ``paragraph`` — everything else.

   Before the title is chosen, the items under a list heading (each a
   single short line without a final period, a headline or a tag) are
   boilerplate too, furniture between them skipped, up to where running
   prose resumes (see :class:`ListRule`).
4. **Positional rules.** *Comment section*: after a comment-section marker
   (a counter such as "3 réactions", or "Laisser un commentaire") found in
   the second half of the page content, everything is reader material →
   boilerplate. *Trailer*: in the run of short lines that ends the page, once
   boilerplate begins, the short lines after it are boilerplate too (a real
   paragraph after a mid-article "Lire aussi" breaks the run, so it stays a
   paragraph).
5. **Duplicates** among content kinds, compared on
   :func:`normalize_for_matching`: exact match; same quotation with a
   different attribution tail; a long block contained whole in an earlier one.
   ``duplicate_of`` points to the first occurrence.
6. **Counted.** Content kinds that are not duplicates are counted; keyword
   options let the caller count duplicates, boilerplate and credits/bylines.

Modules
-------
The package holds the rules as data in ``rules`` (kinds, thresholds, vocabulary tables, list
headings, rule descriptions); ``match`` (matching keys, tidied text, words, and the functions that try
the rules on a text); ``screen`` (which rules can fire on a text, read off the patterns: first
characters, literal prefixes, the strings every match holds; a rule left out is sure not to fire, so
the rules that do fire and the ``rule`` column are those of trying every rule); ``lines`` (steps 1–2: lines, blocks, where a block splits); ``kinds`` (steps
3–4: kinds and positional rules); ``duplicates`` (step 5); this ``__init__`` assembles the table
(:func:`segments`, :func:`counted_spans`, :func:`segment_of`, :func:`summary`).
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from ...spans import locate
from .match import count_words, tidied
from .lines import segment_pieces
from .kinds import Seg, apply_comment_section, apply_trailer, classify
from .duplicates import mark_duplicates
from .rules import (  # noqa: F401 - the module's public names, as before the split
    APOSTROPHES,
    ATTRIBUTION_KINDS,
    ATTRIBUTION_MAX_WORDS,
    BYLINE_MAX_WORDS,
    BYLINE_PATTERNS,
    CAPTION_MARKERS,
    CAPTION_MAX_WORDS,
    COLUMNS,
    COMMENT_SECTION_START,
    CONTAINED_MIN_CHARS,
    CONTAINED_MIN_WORDS,
    CONTENT_KINDS,
    CREDIT_RULES,
    HEADING_MAX_CHARS,
    HEADING_MAX_WORDS,
    KINDS,
    LIST_HEADING_RULES,
    LIST_RULES,
    ListRule,
    NOTICE_RULES,
    PROSE_MIN_WORDS,
    QUOTES,
    QUOTE_MIN_CHARS,
    QUOTE_MIN_SHARE,
    QUOTE_PAIRS,
    RULE_DESCRIPTIONS,
    Rule,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    TRAILER_MAX_WORDS,
    WHITE_SPACE,
    WIDGET_RULES,
    WRAP_FULL_RATIO,
    WRAP_MAX_WIDTH,
    WRAP_MIN_WIDTH,
)
from .match import (  # noqa: F401 - the module's public names, as before the split
    normalize_for_matching,
)


__all__ = [
    "CONTENT_KINDS",
    "KINDS",
    "COLUMNS",
    "RULE_DESCRIPTIONS",
    "counted_spans",
    "normalize_for_matching",
    "segments",
    "segment_of",
    "summary",
]


def _frame(rows: list[dict], *, doc_id: str) -> pd.DataFrame:
    """Build the segments table with explicit dtypes.

    Args:
        rows (list[dict]): one dict per segment.
        doc_id (str): document id.

    Returns:
        pd.DataFrame: the table.
    """
    col = lambda name: [r[name] for r in rows]  # noqa: E731
    return pd.DataFrame(
        {
            "doc_id": pd.Series([doc_id] * len(rows), dtype="str"),
            "seg": pd.Series(range(len(rows)), dtype="int64"),
            "kind": pd.Series(col("kind"), dtype="str"),
            "start": pd.Series(col("start"), dtype="int64"),
            "end": pd.Series(col("end"), dtype="int64"),
            "text": pd.Series(col("text"), dtype="str"),
            "duplicate_of": pd.Series(col("duplicate_of"), dtype="Int64"),
            "counted": pd.Series(col("counted"), dtype="bool"),
            "rule": pd.Series(col("rule"), dtype="str"),
            "reason": pd.Series(col("reason"), dtype="str"),
        },
        columns=list(COLUMNS),
    )


def _counted(
    seg: Seg, *, include_duplicates: bool, include_boilerplate: bool, include_credits: bool
) -> tuple[bool, str]:
    """Decide ``counted`` and finish the reason.

    Args:
        seg (Seg): the segment.
        include_duplicates (bool): count duplicates.
        include_boilerplate (bool): count boilerplate.
        include_credits (bool): count credits and bylines.

    Returns:
        tuple[bool, str]: counted flag and reason.
    """
    if seg.duplicate_of is not None:
        flag, name = include_duplicates, "include_duplicates"
    elif seg.kind == "boilerplate":
        flag, name = include_boilerplate, "include_boilerplate"
    elif seg.kind in ATTRIBUTION_KINDS:
        flag, name = include_credits, "include_credits"
    else:
        return True, seg.reason
    if flag:
        return True, f"{seg.reason}; counted because {name}=True"
    return False, seg.reason


def segments(
    text: str,
    *,
    doc_id: str = "doc",
    include_duplicates: bool = False,
    include_boilerplate: bool = False,
    include_credits: bool = False,
) -> pd.DataFrame:
    """Cut a raw page into segments and classify them.

    Args:
        text (str): the raw text, exactly as loaded (never modified).
        doc_id (str): value of the ``doc_id`` column.
        include_duplicates (bool): count duplicate content rows.
        include_boilerplate (bool): count boilerplate rows.
        include_credits (bool): count credit and byline rows.

    Returns:
        pd.DataFrame: one row per segment, columns :data:`COLUMNS`:
        ``doc_id`` (str), ``seg`` (int64, 0-based, text order), ``kind`` (str,
        one of :data:`KINDS`), ``start``/``end`` (int64, ``text[start:end] ==
        row.text``), ``text`` (str, stripped), ``duplicate_of`` (Int64, seg of
        the first occurrence or <NA>), ``counted`` (bool), ``rule`` (str, rule
        id, see :data:`RULE_DESCRIPTIONS`), ``reason`` (str).

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    rows = _rows(
        text,
        include_duplicates=include_duplicates,
        include_boilerplate=include_boilerplate,
        include_credits=include_credits,
    )
    return _frame(rows, doc_id=doc_id)


def _rows(text: str, **include: bool) -> list[dict]:
    """The segments of a text as dicts (what :func:`segments` tabulates)."""
    rows = []
    for seg in _judged(text):
        counted, reason = _counted(seg, **include)
        rows.append(
            {
                "kind": seg.kind,
                "start": seg.start,
                "end": seg.end,
                "text": seg.text,
                "duplicate_of": seg.duplicate_of,
                "counted": counted,
                "rule": seg.rule,
                "reason": reason,
            }
        )
    return rows


def _judged(text: str) -> list[Seg]:
    """The segments of a text, cut, classified and checked for repeats (every rule but ``include``'s)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    segs = []
    for s, e, n_lines, line_tidy, line in segment_pieces(text):  # lines are cut where LINE_BREAK matches
        chunk = text[s:e]
        tidy = tidied(chunk) if line_tidy is None else line_tidy
        known = line.n_words if line is not None else None  # a long line's words, counted once
        n = count_words(tidy) if known is None else known  # exact up to WORDS_CAP
        segs.append(Seg(s, e, chunk, tidy, n, n_lines, quiet=line is not None and line.quiet))
    classify(segs)
    apply_comment_section(segs)
    apply_trailer(segs)
    mark_duplicates(segs)
    return segs


def counted_spans(
    text: str, *, include_duplicates: bool = False, include_boilerplate: bool = False, include_credits: bool = False
) -> np.ndarray:
    """Where the counted segments are, without building the table (the corpus counting path).

    The same segments and the same rules as :func:`segments`, whose ``counted``
    rows these are.

    Args:
        text (str): the raw text.
        include_duplicates (bool): count duplicate content rows.
        include_boilerplate (bool): count boilerplate rows.
        include_credits (bool): count credit and byline rows.

    Returns:
        numpy.ndarray: int64 array of shape ``(n, 2)``: ``start``, ``end`` of each counted
        segment, in text order.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    include = {
        "include_duplicates": include_duplicates,
        "include_boilerplate": include_boilerplate,
        "include_credits": include_credits,
    }
    spans = [(seg.start, seg.end) for seg in _judged(text) if _counted(seg, **include)[0]]
    return np.array(spans, dtype=np.int64).reshape(-1, 2)


def segment_of(segments_df: pd.DataFrame, offsets: Iterable[int] | np.ndarray) -> np.ndarray:
    """Map character offsets to the ``seg`` containing them.

    Args:
        segments_df (pd.DataFrame): the table from :func:`segments` for ONE
            document (rows sorted by ``start``, as returned).
        offsets (array-like of int): character offsets into the raw text.

    Returns:
        np.ndarray: int64 array, same length as ``offsets``: the ``seg`` whose
        ``[start, end)`` contains the offset, or -1.

    Raises:
        ValueError: if the table holds more than one ``doc_id``.
    """
    return locate(segments_df, offsets, id_col="seg")


def summary(segments_df: pd.DataFrame) -> pd.DataFrame:
    """What is counted and what is left out, and why.

    Args:
        segments_df (pd.DataFrame): a table from :func:`segments` (one or
            several documents).

    Returns:
        pd.DataFrame: one row per (counted, kind, rule) with columns
        ``counted`` (bool), ``kind`` (str), ``rule`` (str), ``description``
        (str), ``segments`` (int64), ``chars`` (int64), ``share_chars``
        (float64, of all segment characters), ``segs`` (str, the seg numbers),
        sorted counted first, then by kind order.
    """
    df = segments_df.assign(chars=segments_df["end"] - segments_df["start"])
    out = (
        df.groupby(["counted", "kind", "rule"], sort=False)
        .agg(segments=("seg", "size"), chars=("chars", "sum"), segs=("seg", lambda s: ", ".join(map(str, s))))
        .reset_index()
    )
    total = int(df["chars"].sum())
    out["description"] = out["rule"].map(RULE_DESCRIPTIONS).fillna(out["kind"]).astype("str")
    out["share_chars"] = (out["chars"] / total if total else out["chars"] * 0.0).astype("float64")
    order = {k: i for i, k in enumerate(KINDS)}
    out = out.assign(_k=out["kind"].map(order)).sort_values(
        ["counted", "_k", "rule"], ascending=[False, True, True], kind="stable"
    )
    cols = ["counted", "kind", "rule", "description", "segments", "chars", "share_chars", "segs"]
    return out[cols].astype({"segments": "int64", "chars": "int64"}).reset_index(drop=True)
