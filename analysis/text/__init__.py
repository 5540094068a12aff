"""Text: raw text to tidy tables of segments, sentences and tokens, each row with its offsets.

- ``clean``: segments of a page, their kind, and what is left out of counts (duplicates, boilerplate).
- ``rules``: the tokenizer's and splitter's French knowledge (read from ``data/tokens_fr.toml``).
- ``tokens``: the French tokeniser, stopwords and per-type features (no spaCy); re-exports sentences.
- ``sentence_bounds``: the French sentence splitter (:func:`sentences`, :func:`sentence_spans`).
- ``stems``: the French Snowball stemmer, built once for the whole package.
- ``nlp``: the cached spaCy pipeline, tagging *our* tokens with lemmas and parts of speech.
- ``lemmas_fast``: the look-up lemmatiser of the corpus counting path.
- ``pipeline``: one article's tables joined (:func:`analyse` → :class:`Tables`), and
  :func:`tokenize` with spaCy's lemmas and parts of speech (``tokens`` never imports spaCy).
- ``data/``: the tokenizer's rules (``tokens_fr.toml``), the stopword list, spaCy's French lemma table
  (with its licence) and lemma overrides.
"""

from .clean import segments
from .pipeline import Tables, analyse, tokenize
from .tokens import sentences, stopwords

__all__ = ["Tables", "analyse", "segments", "sentences", "stopwords", "tokenize"]
