"""Term frequencies from the tokens table.

Counts follow the house rules: stopwords and punctuation are left out by
default, and so are tokens of segments that are not counted (duplicates,
boilerplate, credits, bylines); each option that changes this is explicit.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["frequencies"]

_UNITS = ("form", "norm", "lemma", "stem")


def frequencies(tokens: pd.DataFrame, *, by: str = "lemma", stopwords: bool = False,
                punct: bool = False, numbers: bool = True, uncounted: bool = False) -> pd.DataFrame:
    """Absolute and relative frequencies of terms.

    Args:
        tokens: A tokens table (``analysis.analyse(...).tokens``).
        by: What a term is: ``form`` (the text as written), ``norm``
            (lower-cased, apostrophes unified), ``lemma`` or ``stem``.
        stopwords: Keep stopwords.
        punct: Keep punctuation.
        numbers: Keep tokens that are not alphabetic but not punctuation
            either (numbers, "Ababil-2").
        uncounted: Keep tokens of segments left out of counts.

    Returns:
        pandas.DataFrame: ``term``, ``count``, ``share`` (of the kept tokens)
        and ``per_1000``, most frequent first (ties in alphabetical order), with
        ``attrs["rule"]`` saying what was kept.

    Raises:
        ValueError: ``by`` is not a known unit, or the column is missing.
    """
    if by not in _UNITS:
        raise ValueError(f"by must be one of {', '.join(_UNITS)}, not {by!r}")
    column = "text" if by == "form" else by
    if column not in tokens.columns:
        raise ValueError(f"the tokens table has no {column!r} column (tokenise with lemmas/stems)")
    keep = pd.Series(True, index=tokens.index)
    if not stopwords:
        keep &= ~tokens["is_stop"].astype(bool)
    if not punct:
        keep &= ~tokens["is_punct"].astype(bool)
    if not numbers:
        keep &= tokens["is_alpha"].astype(bool)
    if not uncounted and "counted" in tokens.columns:
        keep &= tokens["counted"].astype(bool)
    terms = tokens.loc[keep, column].astype(str)
    counts = terms.value_counts()
    out = pd.DataFrame({"term": counts.index.astype(str), "count": counts.to_numpy(dtype="int64")})
    out = out.sort_values(["count", "term"], ascending=[False, True], kind="mergesort", ignore_index=True)
    total = int(out["count"].sum())
    out["share"] = out["count"] / total if total else 0.0
    out["per_1000"] = out["share"] * 1000
    out.attrs["rule"] = (f"by {by}; stopwords {'kept' if stopwords else 'removed'}; punctuation "
                         f"{'kept' if punct else 'removed'}; numbers {'kept' if numbers else 'removed'}; "
                         f"{'all segments' if uncounted else 'counted segments only (duplicates, boilerplate, credits and bylines left out)'}; "
                         f"{total} tokens kept of {len(tokens)}")
    return out
