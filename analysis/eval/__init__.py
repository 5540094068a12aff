"""Evaluation: everything that scores against gold data or runs a peer (never imported by the library).

- ``conllu``: tokens and sentences against CoNLL-U (UD French), the CoNLL-U reader, gold-data errors.
- ``ner``: named entities against Sequoia's PARSEME annotations and the HIPE-2022 newspapers, by half.
- ``hipe``: the HIPE-2022 French newspaper TSV reader (documents, token offsets, IOB gold).
- ``timex``: temporal expressions against the French TimeBank (TempEval-3 scoring), dateparser.
- ``keyterms``: key terms against the Wikinews readers' keyphrases, TF-IDF and YAKE.
- ``quotes``: attributions, speakers, gender and claim status against the project's quote gold
  (``data/annotations/quotes``).
- ``scoring``: what they share: P/R/F1, the fixed tune/check split by document, error files.

Each module has its own ``evaluate``/``format_scores``, so the modules are exported, not their functions.
"""

from . import conllu, hipe, keyterms, ner, quotes, scoring, timex
from .conllu import GoldDataError

__all__ = ["GoldDataError", "conllu", "hipe", "keyterms", "ner", "quotes", "scoring", "timex"]
