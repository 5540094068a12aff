"""The group a plural pronoun takes up when no attribution named one (for :mod:`analysis.people.speakers`).

*Les Talibans ont visé cet hôtel car selon eux, il était …*: the plural pronoun's antecedent is the
first name outside quotation marks in its sentence, else in the sentence before, with a plural
article right before it or opening it. The article shows the name's number (Grevisse, *Le Bon
Usage*, § 581), a pronoun agrees in number with its antecedent (§ 655), and the first name of a
sentence is its subject, the preferred antecedent (Hobbs 1978; centering, Grosz, Joshi & Weinstein
1995).
"""

from __future__ import annotations

from typing import Any

from .speaker_words import GOVERNING, PLURAL_DETERMINERS, SENTENCE_END

__all__ = ["plural_subject"]


def plural_subject(full: str, mentions: Any, pos: int) -> int | None:
    """The row of the plural-named group a plural pronoun at ``pos`` takes up (module docstring).

    Args:
        full (str): The article's text.
        mentions (analysis.people.entities.MentionIndex): Its mentions.
        pos (int): Where the pronoun stands.

    Returns:
        int | None: The mention's row, or None when neither sentence has a plural-named subject.
    """
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(full, 0, pos)]
    cur, prev = starts[-1], starts[-2] if len(starts) > 1 else starts[-1]
    for lo, hi in ((cur, pos), (prev, cur)):
        for i in mentions.within(lo, hi):
            s = int(mentions.start[i])
            if mentions.label[i] not in ("ORG", "PER") or full.count("«", lo, s) > full.count("»", lo, s):
                continue  # a name inside a quotation is the quoted speaker's
            before = full[max(lo, s - 8) : s].replace("’", "'").lower().split()
            if full[s : int(mentions.end[i])].lower().split()[0] in PLURAL_DETERMINERS:
                return i  # the model took the article in (*Les Verts*)
            if before and before[-1] in PLURAL_DETERMINERS and (len(before) < 2 or before[-2] not in GOVERNING):
                return i
    return None
