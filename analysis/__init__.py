"""analysis: close, honest reading of French news text.

Every function returns tidy pandas tables whose rows carry ``start``/``end``
character offsets into the raw text. The public entry points are re-exported
here and imported lazily, so ``import analysis`` stays cheap.

Example:
    >>> import analysis
    >>> art = analysis.load_article("data/article.txt")
    >>> tables = analysis.analyse(art)
    >>> tables.tokens.head()
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: Public name -> module that defines it.
_EXPORTS = {
    "Article": "reading.article",
    "ArticleError": "reading.article",
    "NotFrenchWarning": "reading.article",
    "load_article": "reading.article",
    "segments": "text.clean",
    "tokenize": "text.pipeline",
    "sentences": "text.tokens",
    "analyse": "text.pipeline",
    "Tables": "text.pipeline",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
