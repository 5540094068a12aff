"""Reading: articles and corpora from files, with their metadata, never altered.

- ``article``: one file (``.txt``, ``.md``, ``.html``) as an :class:`Article`: raw text, metadata,
  encoding; the errors (:class:`ArticleError` and its subclasses).
- ``language``: whether a text looks French (:func:`french_score`), and the :class:`NotFrenchWarning`.
- ``html_page``: an HTML page reduced to its article (trafilatura), its date, author and outlet.
- ``front_matter``: a Markdown file's front matter.
- ``table_files``: documents in JSONL, CSV and Parquet files, row by row.
- ``europresse``: Europresse HTML exports (both page layouts), one document per ``<article>``, with
  near-duplicate dispatches flagged across documents.
- ``iramuteq``: IRaMuTeQ/Alceste text corpora (``**** *var_value``), read and written.
- ``exports``: the files holding many documents in a tool's own format (Europresse, IRaMuTeQ), as the
  corpus reader meets them.
- ``files``: whole text files read and decoded by the project's rules, written atomically.
- ``txm``: a TXM-ready XML export (``<text>`` metadata, ``<s>``, ``<w>`` with lemma, pos, offsets).
- ``corpus``: many documents (:class:`Corpus`, :class:`DocRef`): folders and table files scanned,
  every problem kept in ``corpus.errors``.

Everything public in ``article`` and ``corpus`` (their ``__all__``) is re-exported here.
"""

from . import article, corpus
from .article import *  # noqa: F401,F403
from .corpus import *  # noqa: F401,F403

__all__ = sorted({*article.__all__, *corpus.__all__})
