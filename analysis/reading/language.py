"""Whether a text looks French: :func:`french_score`, and the :class:`NotFrenchWarning` an article that
does not gets when it is loaded (:func:`analysis.reading.article.load_article`)."""

from __future__ import annotations

import re
import warnings

__all__ = ["NotFrenchWarning", "french_score", "warn_if_not_french"]


class NotFrenchWarning(UserWarning):
    """The text does not look French; French-specific rules may misbehave."""


#: Very frequent French function words, for :func:`french_score`.
_FRENCH_MARKERS = frozenset(
    "le la les de des du un une et est à au aux en dans pour par sur que qui "
    "ne pas plus il elle ils elles nous vous ce cette ces son sa ses leur leurs "
    "avec été être a ont sont mais ou où selon après avant entre".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def french_score(text: str, *, sample: int = 5000) -> float:
    """Share of words, among the first ``sample``, that are frequent French function words.

    Running French prose scores about 0.3–0.5; English or German text scores
    below 0.1 (they share few of these forms).

    Args:
        text: Any text.
        sample: How many words to look at.

    Returns:
        float: The share, from 0 to 1 (0 when there are no words).
    """
    words = [w.lower() for w in _WORD_RE.findall(text[: sample * 12])][:sample]
    if not words:
        return 0.0
    return sum(w in _FRENCH_MARKERS for w in words) / len(words)


def warn_if_not_french(text: str, *, name: str, threshold: float = 0.12) -> None:
    """Warn with :class:`NotFrenchWarning` when a text of 20 words or more does not look French."""
    words = _WORD_RE.findall(text[:60000])
    if len(words) < 20:
        return
    score = french_score(text)
    if score < threshold:
        warnings.warn(
            f"{name}: this text does not look French ({score:.0%} of its words are common French "
            f"function words; French prose has about 30-50%): French rules may give poor results",
            NotFrenchWarning,
            stacklevel=3,
        )
