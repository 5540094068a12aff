"""The sourcing audit: on whose word an article (or each part of a corpus) rests.

From the attributions (:func:`analysis.people.attributions.quotes`) and the claim statuses
(:func:`analysis.people.claims.claims`) of one or many documents, :func:`audit` gives named
tables, each row saying which rule it counts by (``attrs["rule"]``):

- ``sourcing``: per part, attributions counted, named and anonymous sources and the share named,
  named persons by gender, and the share of conditional claims among the claim rows;
- ``anonymous``: the typology of anonymous sources (``sources_fr.tsv``, kind ``anonymous``: an
  official, a witness, *de source diplomatique*, *selon nos informations*, *on* …), with
  ``other`` for an unnamed source of no listed class; and named outlets the article relays
  (``another outlet``), whose own sources the reader cannot see;
- ``gender``: named person sources by gender (f, m, unknown: only from the text), distinct speakers
  and attributions;
- ``stance``: the stance of the reporting verbs (``speech_verbs_fr.tsv``) by speaker;
- ``claims``: claim rows by status, with shares;
- ``outlets``: the provenance graph, one edge per document and outlet cited (*selon le Washington
  Post*, *a rapporté l'AFP*), with the count and the cues.

A part is the whole document (one article), or a value of the corpus's metadata (``by`` of
:func:`corpus_audit`: ``outlet``, ``month``, ``doc_id``).
"""

from __future__ import annotations

import pandas as pd

from .lexicon import source_forms

__all__ = ["AUDIT_TABLES", "audit", "corpus_audit", "is_outlet", "anonymous_class"]

AUDIT_TABLES = ("sourcing", "anonymous", "gender", "stance", "claims", "outlets")
_SOURCING = [
    "part",
    "attributions",
    "named",
    "anonymous",
    "named_share",
    "persons_f",
    "persons_m",
    "persons_unknown",
    "claim_rows",
    "conditional",
    "conditional_share",
]


def _words(text: str) -> list[str]:
    return text.replace("’", "'").replace("'", "' ").lower().split()


def is_outlet(speaker: str, source_type: str = "") -> bool:
    """Whether a named source is a news outlet: its type, or a word of its name (``sources_fr.tsv``)."""
    if source_type == "media":
        return True
    words = set(_words(speaker))
    return any(w[0] in words for w, _ in source_forms("outlet"))


def anonymous_class(phrase: str, cue: str = "") -> str:
    """The class of an anonymous source (``sources_fr.tsv``, kind ``anonymous``), or ``other``."""
    text = " ".join(_words(f"{cue} {phrase}")).replace("' ", "'")
    for words, cls in source_forms("anonymous"):
        form = " ".join(words)
        if f" {form} " in f" {text} ":
            return cls
    return "other"


def _share(a: int, b: int) -> float:
    return round(100 * a / b, 1) if b else 0.0


def audit(
    quotes_df: pd.DataFrame, claims_df: pd.DataFrame | None = None, *, parts: dict[str, str] | None = None
) -> dict[str, pd.DataFrame]:
    """The sourcing audit of the documents in ``quotes_df`` (module docstring).

    Args:
        quotes_df (pandas.DataFrame): Attributions of one or more documents (``doc_id`` column).
        claims_df (pandas.DataFrame | None): Their claim rows, if computed.
        parts (dict[str, str] | None): ``doc_id`` → part (outlet, month …); default: each document
            is its own part.

    Returns:
        dict[str, pandas.DataFrame]: The tables of :data:`AUDIT_TABLES`.
    """
    q = quotes_df[quotes_df["counted"]].copy()
    q["speaker"] = [s if s else "(no mention)" for s in q["speaker"]]
    part_of = (lambda d: parts.get(d, "unknown")) if parts is not None else (lambda d: d)
    q["part"] = [part_of(d) for d in q["doc_id"]]
    c = None
    if claims_df is not None:
        c = claims_df[claims_df["counted"]].copy()
        c["part"] = [part_of(d) for d in c["doc_id"]]
    order = list(dict.fromkeys(list(q["part"]) + (list(c["part"]) if c is not None else [])))
    rows = []
    for part in order:
        g = q[q["part"] == part]
        persons = g[g["named"] & (g["source_type"] == "person")].drop_duplicates(["doc_id", "speaker"])
        cr = c[c["part"] == part] if c is not None else None
        n_claims = len(cr) if cr is not None else 0
        n_cond = int((cr["status"] == "conditional").sum()) if cr is not None else 0
        rows.append(
            {
                "part": part,
                "attributions": len(g),
                "named": int(g["named"].sum()),
                "anonymous": int((~g["named"]).sum()),
                "named_share": _share(int(g["named"].sum()), len(g)),
                "persons_f": int((persons["gender"] == "f").sum()),
                "persons_m": int((persons["gender"] == "m").sum()),
                "persons_unknown": int((persons["gender"] == "unknown").sum()),
                "claim_rows": n_claims,
                "conditional": n_cond,
                "conditional_share": _share(n_cond, n_claims),
            }
        )
    sourcing = pd.DataFrame(rows, columns=_SOURCING)
    sourcing.attrs["rule"] = (
        "counted attributions; named = the text names the source (a person, an "
        "organisation, a unique institution); persons counted once per document"
    )
    anon_rows = []
    for r in q.itertuples(index=False):
        if not r.named:
            cue = r.verb if r.kind == "according-to" else ""
            anon_rows.append(
                {
                    "part": r.part,
                    "class": anonymous_class(r.speaker_text or r.speaker, cue),
                    "source": r.speaker_text or r.speaker or "(no mention)",
                }
            )
        elif is_outlet(r.speaker, r.source_type):
            anon_rows.append({"part": r.part, "class": "another outlet", "source": r.speaker})
    anonymous = (
        pd.DataFrame(anon_rows, columns=["part", "class", "source"])
        .groupby(["part", "class", "source"], sort=False)
        .size()
        .rename("attributions")
        .reset_index()
    )
    anonymous.attrs["rule"] = "unnamed sources by class (sources_fr.tsv), and named outlets relayed"
    persons = q[q["named"] & (q["source_type"] == "person")]
    gender = (
        persons.groupby(["part", "gender"], sort=False)
        .agg(speakers=("speaker", "nunique"), attributions=("speaker", "size"))
        .reset_index()
    )
    gender.attrs["rule"] = "named person sources; gender only from the text's cues (unknown otherwise)"
    stance = (
        q[q["stance"] != ""]
        .groupby(["part", "speaker", "stance"], sort=False)
        .size()
        .rename("attributions")
        .reset_index()
        .sort_values(["part", "attributions", "speaker"], ascending=[True, False, True], kind="stable")
        .reset_index(drop=True)
    )
    stance.attrs["rule"] = "attributions with a reporting verb, by its stance class (speech_verbs_fr.tsv)"
    if c is not None:
        claims = c.groupby(["part", "status"], sort=False).size().rename("rows").reset_index()
        totals = claims.groupby("part")["rows"].transform("sum")
        claims["share"] = [round(100 * a / b, 1) for a, b in zip(claims["rows"], totals)]
    else:
        claims = pd.DataFrame(columns=["part", "status", "rows", "share"])
    claims.attrs["rule"] = "counted sentence or clause rows by status (claims)"
    edges = []
    for r in q.itertuples(index=False):
        if r.named and is_outlet(r.speaker, r.source_type):
            edges.append({"part": r.part, "doc_id": r.doc_id, "outlet": r.speaker, "cue": r.verb})
    outlets = (
        pd.DataFrame(edges, columns=["part", "doc_id", "outlet", "cue"])
        .groupby(["part", "doc_id", "outlet"], sort=False)
        .agg(attributions=("cue", "size"), cues=("cue", lambda s: "; ".join(sorted(set(s)))))
        .reset_index()
    )
    outlets.attrs["rule"] = "edges document → outlet cited as a source (a speaker the text names that is an outlet)"
    return {
        "sourcing": sourcing,
        "anonymous": anonymous,
        "gender": gender,
        "stance": stance,
        "claims": claims,
        "outlets": outlets,
    }


def corpus_audit(
    quotes_df: pd.DataFrame, claims_df: pd.DataFrame | None, meta: pd.DataFrame, *, by: str = "outlet"
) -> dict[str, pd.DataFrame]:
    """The audit of a corpus, per part.

    Args:
        quotes_df (pandas.DataFrame): Attributions of every document.
        claims_df (pandas.DataFrame | None): Claim rows of every document.
        meta (pandas.DataFrame): One row per document: ``doc_id`` and the metadata (``outlet``,
            ``date`` …).
        by (str): ``outlet``, ``month`` (from ``date``, YYYY-MM) or ``doc_id``.

    Returns:
        dict[str, pandas.DataFrame]: As :func:`audit`, with ``part`` the value of ``by``.

    Raises:
        ValueError: ``by`` is not a known part.
    """
    if by not in ("outlet", "month", "doc_id"):
        raise ValueError(f"--by {by}: expected outlet, month or doc_id")
    parts: dict[str, str] = {}
    for r in meta.to_dict("records"):
        if by == "month":
            date = str(r.get("date") or "")
            parts[str(r["doc_id"])] = date[:7] if len(date) >= 7 else "unknown"
        else:
            parts[str(r["doc_id"])] = str(r.get(by) or "unknown")
    return audit(quotes_df, claims_df, parts=parts)
