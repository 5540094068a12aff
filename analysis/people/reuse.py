"""Quote reuse across a corpus: the same quotation in several documents, and who each one says said it.

Quotations (direct and mixed attributions) are normalised (case, apostrophes, quotation marks,
punctuation and white space out) and compared when they share a run of :data:`SHINGLE` words
(candidates found through an index of word runs, never by comparing every pair); two are the same
quotation when their normalised texts agree at :data:`MIN_RATIO` or more (``difflib`` ratio, which
tolerates a cut, an ellipsis or a changed word), in different documents. Each group lists every
document's row with the speaker it gives, and ``speakers_differ`` flags a group whose documents
name different speakers (compared without case, articles or titles).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

import pandas as pd

__all__ = ["MIN_RATIO", "MIN_WORDS", "REUSE_COLUMNS", "SHINGLE", "normalise_quote", "quote_reuse"]

#: Words a quotation needs to be compared (shorter ones are set phrases, not a reused quotation).
MIN_WORDS = 6
#: Length of the word runs that make two quotations candidates.
SHINGLE = 5
#: Smallest similarity of two normalised quotations to count as the same one.
MIN_RATIO = 0.85
REUSE_COLUMNS = ("group", "doc_id", "start", "end", "text", "speaker", "named", "ratio", "speakers_differ")
_TITLES = re.compile(r"^(?:(?:m\.|mme|mlle|le|la|les|l')\s*)+")


def normalise_quote(text: str) -> str:
    """A quotation without case, marks, punctuation or repeated white space."""
    t = text.replace("’", "'").lower()
    t = re.sub(r"[«»“”\"\[\]().,;:!?…–—-]", " ", t)
    return " ".join(t.split())


def _speaker_key(name: str) -> str:
    return _TITLES.sub("", name.replace("’", "'").lower()).strip()


def quote_reuse(quotes_df: pd.DataFrame) -> pd.DataFrame:
    """Quotations found in more than one document (module docstring).

    Args:
        quotes_df (pandas.DataFrame): Attributions of a corpus (:func:`analysis.people.quotes.quotes`
            of each document, with ``doc_id``).

    Returns:
        pandas.DataFrame: Columns :data:`REUSE_COLUMNS`, one row per document's quotation in a group;
        ``ratio`` is its similarity to the group's first quotation. Empty (typed) when nothing is reused.
    """
    q = quotes_df[quotes_df["kind"].isin(["direct", "mixed"]) & quotes_df["counted"]].reset_index(drop=True)
    norms = [normalise_quote(t) for t in q["text"]]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(norms):
        words = n.split()
        if len(words) < MIN_WORDS:
            continue
        for k in range(0, len(words) - SHINGLE + 1, SHINGLE):  # disjoint runs: linear in the text
            index[tuple(words[k : k + SHINGLE])].append(i)
    parent = list(range(len(q)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ratios: dict[tuple[int, int], float] = {}
    docs = q["doc_id"].tolist()
    for rows in index.values():
        if len(rows) < 2 or len(rows) > 50:  # a run in 50 documents is a formula, not a quotation
            continue
        for a_pos, a in enumerate(rows):
            for b in rows[a_pos + 1 :]:
                if docs[a] == docs[b] or (a, b) in ratios:
                    continue
                r = difflib.SequenceMatcher(None, norms[a], norms[b], autojunk=False).ratio()
                ratios[(a, b)] = r
                if r >= MIN_RATIO:
                    parent[find(b)] = find(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(q)):
        groups[find(i)].append(i)
    out = []
    n_group = 0
    for members in groups.values():
        if len({docs[i] for i in members}) < 2:
            continue
        n_group += 1
        first = members[0]
        differ = len({_speaker_key(str(q.at[i, "speaker"])) for i in members}) > 1
        for i in members:
            ratio = 1.0 if i == first else difflib.SequenceMatcher(None, norms[first], norms[i], autojunk=False).ratio()
            out.append(
                {
                    "group": n_group,
                    "doc_id": docs[i],
                    "start": int(q.at[i, "start"]),
                    "end": int(q.at[i, "end"]),
                    "text": q.at[i, "text"],
                    "speaker": q.at[i, "speaker"],
                    "named": bool(q.at[i, "named"]),
                    "ratio": round(ratio, 3),
                    "speakers_differ": differ,
                }
            )
    table = pd.DataFrame(out, columns=list(REUSE_COLUMNS)).astype(
        {
            "group": "int64",
            "start": "int64",
            "end": "int64",
            "named": "bool",
            "ratio": "float64",
            "speakers_differ": "bool",
        }
    )
    table.attrs["rule"] = (
        f"direct and mixed quotations of {MIN_WORDS}+ words in several documents, normalised, similarity >= {MIN_RATIO}"
    )
    return table
