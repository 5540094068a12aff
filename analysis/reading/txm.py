"""A TXM-ready XML export of an analysed corpus (TXM's "XML/w + CSV" import module).

TXM imports XML in which ``<text>`` elements carry the text's metadata as attributes (its
*structural properties*, usable as partitions in TXM) and ``<w>`` elements are pre-tokenised words
whose attributes are *word properties* queried in CQL (``[lemma="drone"]``). The export writes:

.. code-block:: xml

    <corpus>
      <text id="43971" title="…" date="2012-05-22" outlet="…" author="…">
        <s n="0"><w lemma="prévoir" pos="VERB" norm="prévu" start="15" end="20">Prévu</w> …</s>
      </text>
    </corpus>

one ``<s>`` per sentence, one ``<w>`` per token (punctuation included, as TXM tokenises it), with
``start``/``end`` the character offsets of the word in the document's raw text. Tokens of segments
left out of counts (duplicates, boilerplate) are left out of the export, as of every count; how many is
returned. TXM wants attribute names in lower-case ASCII letters and digits: other characters are removed
(``near_duplicate_of`` → ``nearduplicateof``), and the returned table lists the renamings.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pandas as pd

from .files import write_text

__all__ = ["WORD_PROPERTIES", "write_txm"]

#: The token columns written as word properties (when present).
WORD_PROPERTIES = ("lemma", "pos", "norm")
_SKIP_META = {"sha256", "source", "format", "characters", "doc_id"}


def _name(key: str) -> str:
    name = re.sub(r"[^a-z0-9]", "", key.lower())
    return name if name and name[0].isalpha() else f"m{name}"


def _value(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    # characters XML 1.0 cannot hold are dropped from attribute values (never from words)
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


def write_txm(
    tokens: pd.DataFrame, documents: pd.DataFrame, path: str | Path, *, uncounted: bool = False
) -> pd.DataFrame:
    """Write the corpus as one TXM XML file (UTF-8), atomically.

    Args:
        tokens: The tokens of every document (``doc_id, sent, start, end, text``; ``lemma``, ``pos``,
            ``norm`` when present; ``counted``).
        documents: The documents' metadata (one row per ``doc_id``; every column but the file's own
            bookkeeping — sha256, source, format, characters — becomes a ``<text>`` attribute).
        path: The ``.xml`` file to write.
        uncounted: Export the tokens of segments left out of counts too.

    Returns:
        pandas.DataFrame: One row per document: ``doc_id, sentences, words, left_out`` (tokens not
        exported); ``attrs["renamed"]`` maps metadata names to the attribute names written.
    """
    props = [p for p in WORD_PROPERTIES if p in tokens.columns]
    meta_cols = [c for c in documents.columns if c not in _SKIP_META]
    renamed = {c: _name(c) for c in meta_cols}
    counted = (
        tokens["counted"].to_numpy(dtype=bool)
        if "counted" in tokens.columns and not uncounted
        else pd.Series(True, index=tokens.index).to_numpy()
    )
    kept = tokens[counted]
    by_doc = {d: g for d, g in kept.groupby("doc_id", sort=False)}
    left = tokens.loc[~counted].groupby("doc_id").size()
    chunks = ['<?xml version="1.0" encoding="UTF-8"?>\n<corpus>\n']
    rows = []
    for row in documents.drop_duplicates("doc_id").to_dict("records"):
        doc_id = str(row["doc_id"])
        attrs = [f"id={quoteattr(doc_id)}"]
        for col in meta_cols:
            value = _value(row.get(col))
            if value is not None:
                attrs.append(f"{renamed[col]}={quoteattr(value)}")
        chunks.append(f"<text {' '.join(attrs)}>\n")
        group = by_doc.get(doc_id)
        n_sent = 0
        if group is not None:
            for sent, words in group.groupby("sent", sort=False):
                n_sent += 1
                parts = [f'<s n="{int(sent)}">']
                columns = [words[p].astype(str).to_numpy() for p in props]
                for i, (form, start, end) in enumerate(zip(words["text"].astype(str), words["start"], words["end"])):
                    w_attrs = " ".join(f"{p}={quoteattr(col[i])}" for p, col in zip(props, columns))
                    parts.append(f'<w {w_attrs} start="{int(start)}" end="{int(end)}">{escape(form)}</w>')
                chunks.append(" ".join(parts) + "</s>\n")
        chunks.append("</text>\n")
        rows.append(
            {
                "doc_id": doc_id,
                "sentences": n_sent,
                "words": 0 if group is None else len(group),
                "left_out": int(left.get(doc_id, 0)),
            }
        )
    chunks.append("</corpus>\n")
    write_text(path, "".join(chunks))
    out = pd.DataFrame(rows, columns=["doc_id", "sentences", "words", "left_out"])
    out.attrs["renamed"] = {k: v for k, v in renamed.items() if k != v}
    out.attrs["rule"] = (
        "TXM XML/w: <text> attributes = document metadata, <s> = sentences, <w> = tokens with "
        f"{', '.join(props) or 'no'} properties and start/end offsets; "
        + (
            "every token exported"
            if uncounted
            else "tokens of duplicate and boilerplate segments left out (column left_out)"
        )
    )
    return out
