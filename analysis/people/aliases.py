"""Aliases merged into entities: transliteration variants share a key
(:func:`name_key`: accents stripped, y → i, w → v, doubled letters single,
so Zelensky, Zelenski, Zelenskyy and Zelenskiy meet); a one-word mention
matches the longest full name ending with it (Poutine → Vladimir Poutine);
an acronym matches the name it follows in parentheses (not a person's name: the
press puts a person's party or body there, "Philippe Gosselin (UMP)") or whose content-word
initials it spells (OCS → Organisation de coopération de Shanghai); the
names of one gazetteer row are one place ("République islamique" → Iran,
"État hébreu" → Israël). The canonical name is the gazetteer's name of a
place when the text uses it, else the longest variant (ties: the most
frequent, then the first); the entity's label is the gazetteer's, else the majority of its
mentions' labels.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pandas as pd

from .gazetteer import ACRONYM_SKIP, gazetteer, place_key
from .mentions import ACRONYM, LINE_END_HYPHEN

__all__ = ["canonicalise", "name_key"]


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """Transliteration-insensitive key of a name.

    Accents stripped, casefolded, apostrophes and hyphens as spaces; per word:
    ``ij``/``iy``/``yy``/``y`` → ``i``, ``w`` → ``v``, doubled letters single.
    "Zelensky", "Zelenski", "Zelenskyy" and "Zelenskiy" all give ``zelenski``.

    Args:
        name (str): A name as written.

    Returns:
        str: The key (words joined by one space).
    """
    s = LINE_END_HYPHEN.sub(lambda m: "-" if m.group().startswith("-") else "", name)  # "Poin¬⏎caré"
    s = _strip_accents(s).casefold().replace("'", " ").replace("’", " ").replace("-", " ")
    words = []
    for w in s.split():
        w = re.sub(r"ij$", "i", w).replace("y", "i").replace("w", "v")
        w = re.sub(r"(.)\1+", r"\1", w)
        words.append(w)
    return " ".join(words)


def _initials(name: str) -> str:
    """Initials of the content words of a name ("Organisation de coopération de Shanghai" → "OCS")."""
    words = [w for w in re.split(r"[\s'’-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper()


def canonicalise(mentions: pd.DataFrame, *, text: str | None = None) -> pd.DataFrame:
    """Merge aliases: add ``canonical`` and make ``label`` the entity's label.

    Rules (general, in order): same :func:`name_key`; an acronym defined in
    parentheses right after a name ("… Shanghai (OCS)") or spelling the
    initials of a name's content words; names of one gazetteer row (a state
    and its periphrases: "République islamique" is Iran, named "Iran" when
    that name is used too); a one-word name equal to the last word
    of full names (the longest one wins; two different longest → no merge), unless the word is a
    gazetteer place ("France" is not "Météo France").

    Args:
        mentions (pandas.DataFrame): Mentions with ``start, end, text, label`` (and ``counted``).
        text (str | None): The raw text, to find acronyms defined in parentheses.

    Returns:
        pandas.DataFrame: A copy with ``canonical`` and the entity ``label``.
    """
    out = mentions.copy()
    if out.empty:
        out["canonical"] = pd.Series(dtype="str")
        return out
    keys = out["text"].map(name_key)
    parent: dict[str, str] = {k: k for k in keys}

    def find(k: str) -> str:
        root = k
        while parent[root] != root:
            root = parent[root]
        while parent[k] != root:  # path compression: the roots (and so every merge) are unchanged
            parent[k], k = root, parent[k]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            # the longer key is the root
            if (len(ra.split()), len(ra)) < (len(rb.split()), len(rb)):
                ra, rb = rb, ra
            parent[rb] = ra

    distinct = list(dict.fromkeys(keys))
    by_text = dict(zip(keys, out["text"]))
    # acronyms defined in parentheses: "<name> (ACR)"
    if text is not None:
        rows = out.sort_values("start")
        prev = None
        for r in rows.itertuples(index=False):
            if (
                prev is not None
                and prev.label != "PER"  # "Philippe Gosselin (UMP)": a person's party or body, not an acronym
                and ACRONYM.match(r.text.replace(".", "") or "_")
                and re.fullmatch(r"\s*\(\s*", text[prev.end : r.start])
                and text[r.end : r.end + 1] == ")"
            ):
                union(name_key(prev.text), name_key(r.text))
            prev = r
    # acronyms spelling the initials of a longer name (names indexed by their initials: one pass)
    by_initials: dict[str, list[str]] = {}
    for other in distinct:
        if len(other.split()) >= 2:
            by_initials.setdefault(_initials(by_text[other]), []).append(other)
    for k in distinct:
        acr = by_text[k].replace(".", "")
        if ACRONYM.match(acr) and len(acr) >= 2:
            for other in by_initials.get(acr.upper(), ()):
                if other != k:
                    union(other, k)
    # one place under several names: variants and periphrases of one gazetteer row
    gaz = gazetteer()
    by_place: dict[str, str] = {}
    for k in distinct:
        main = gaz.same_as.get(place_key(by_text[k]))
        if main is not None:
            if main in by_place:
                union(by_place[main], k)
            else:
                by_place[main] = k
    # surnames: one word matching the last word of the longest full name(s)
    by_last: dict[str, list[str]] = {}  # full names by their last word (one pass)
    for m in distinct:
        if len(m.split()) >= 2 and _is_name_like(by_text[m]):
            by_last.setdefault(m.split()[-1], []).append(m)
    for k in distinct:
        if len(k.split()) != 1 or place_key(by_text[k]) in gaz.places:
            # a place is no one's surname: "France" in "Météo France" or "Wikimédia France" is a
            # complement of the organisation's name, and the country is another entity (the HIPE
            # guidelines annotate a place inside an organisation's name as a nested entity of its own)
            continue
        fulls = by_last.get(k, [])
        if not fulls:
            continue
        longest = max(len(f.split()) for f in fulls)
        roots = {find(f) for f in fulls if len(f.split()) == longest}
        if len(roots) == 1:
            union(roots.pop(), k)
    roots = keys.map(find)
    out["_root"] = roots.to_numpy()
    canon: dict[str, str] = {}
    label: dict[str, str] = {}
    weights = (out["counted"].astype(int) + 1).tolist() if "counted" in out else [1] * len(out)
    # One pass over the rows: per entity (root), per variant (text): words, length, weight, first
    # start, first label; per entity, the weight of each label (no table built per entity).
    variants: dict[str, dict[str, list[Any]]] = {}
    votes: dict[str, dict[str, int]] = {}
    for root, text_, start, lab, w in zip(
        out["_root"].tolist(), out["text"].tolist(), out["start"].tolist(), out["label"].tolist(), weights
    ):
        of_root = variants.setdefault(root, {})
        v = of_root.get(text_)
        if v is None:
            of_root[text_] = [len(text_.split()), len(text_), w, start, lab, len(of_root)]
        else:
            v[2] += w
            v[3] = min(v[3], start)
        root_votes = votes.setdefault(root, {})
        root_votes[lab] = root_votes.get(lab, 0) + w
    for root, of_root in variants.items():
        # the most words, then the longest, the heaviest, the first seen (then the first listed)
        best = min(
            of_root, key=lambda t: (-of_root[t][0], -of_root[t][1], -of_root[t][2], of_root[t][3], of_root[t][5])
        )
        canon[root] = str(best)
        mains = {gaz.same_as.get(place_key(t)) for t in of_root} - {None}
        if len(mains) == 1 and (main := mains.pop()) in of_root:
            canon[root] = main  # a place is named by its name, not its longest periphrasis
        if any(place_key(t) in gaz.places for t in of_root):
            label[root] = "LOC"
        else:
            most = max(votes[root].values())
            top = [lab for lab, n in votes[root].items() if n == most]
            best_label = of_root[best][4]
            label[root] = best_label if best_label in top else sorted(top)[0]
    out["canonical"] = out["_root"].map(canon).astype("str")
    out["label"] = out["_root"].map(label).astype("str")
    return out.drop(columns="_root")


def _is_name_like(text: str) -> bool:
    """Every word of a full name capitalised (so "conférence Haaretz" is not a full name)."""
    return all(w[:1].isupper() for w in text.split())
