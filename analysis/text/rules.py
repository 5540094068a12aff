"""The French knowledge of the tokenizer and the sentence splitter, as data, and the regex helpers they use.

The word lists are read from ``data/tokens_fr.toml`` (each list with its source); the typographic
classes (sentence-final punctuation, closers, capitals) are the constants below. The code that uses
them (:mod:`analysis.text.tokens`, :mod:`analysis.text.sentence_bounds`) is generic.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "RULES_PATH",
    "ELISION_PREFIXES",
    "FIXED_FORMS",
    "INVERSION_PRONOUNS",
    "DEICTIC_SUFFIXES",
    "DEMONSTRATIVES",
    "TITLE_ABBREVIATIONS",
    "NUMBER_ABBREVIATIONS",
    "OTHER_ABBREVIATIONS",
    "EMOTICONS",
    "DOMAINS",
    "LOWERCASE_STARTERS",
    "SENTENCE_FINAL",
    "CLOSERS",
    "UPPER_LETTERS",
    "alternation",
    "trie_regex",
]

#: The data file.
RULES_PATH = Path(__file__).resolve().parent / "data" / "tokens_fr.toml"
_RULES: dict[str, list[str]] = tomllib.loads(RULES_PATH.read_text(encoding="utf-8"))

#: Clitics that elide before a vowel; split off with their apostrophe.
ELISION_PREFIXES: tuple[str, ...] = tuple(_RULES["elision_prefixes"])
#: Apostrophe or hyphen forms GSD keeps as a single token.
FIXED_FORMS: tuple[str, ...] = tuple(_RULES["fixed_forms"])
#: Pronouns split off a verb with their hyphen when they end the compound.
INVERSION_PRONOUNS: tuple[str, ...] = tuple(_RULES["inversion_pronouns"])
#: Deictic suffixes split off a noun but kept on demonstrative pronouns.
DEICTIC_SUFFIXES: tuple[str, ...] = tuple(_RULES["deictic_suffixes"])
DEMONSTRATIVES: tuple[str, ...] = tuple(_RULES["demonstratives"])
#: Abbreviations whose period never ends a sentence (a name follows).
TITLE_ABBREVIATIONS: tuple[str, ...] = tuple(_RULES["title_abbreviations"])
#: Abbreviations that keep their period only before a number ("art. 5", "p. 12").
NUMBER_ABBREVIATIONS: tuple[str, ...] = tuple(_RULES["number_abbreviations"])
#: Abbreviations that keep their period but may end a sentence.
OTHER_ABBREVIATIONS: tuple[str, ...] = tuple(_RULES["other_abbreviations"])
#: Emoticons kept whole when they stand between spaces.
EMOTICONS: tuple[str, ...] = tuple(_RULES["emoticons"])
#: Top-level domains recognised in bare domain names ("lemonde.fr").
DOMAINS: tuple[str, ...] = tuple(_RULES["domains"])
#: Lowercase starts that still begin a sentence (regexes): "à" for "À"; list enumerators "a)", "iii)".
LOWERCASE_STARTERS: tuple[str, ...] = tuple(_RULES["lowercase_starters"])

#: Sentence-final punctuation.
SENTENCE_FINAL = ".!?…"

#: Closing quotes and brackets that may follow sentence-final punctuation.
CLOSERS = "»”\")]’'"

#: French capital letters, as a regex class body (initials, acronyms).
UPPER_LETTERS = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first.

    Args:
        words (Iterable[str]): Literal strings.

    Returns:
        str: ``a|b|c`` with each word escaped.
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def trie_regex(words: Iterable[str], *, prefixes: bool = False) -> str:
    """A regex of literal words with their common prefixes factored (a trie): fast to try.

    Args:
        words (Iterable[str]): Literal strings.
        prefixes (bool): Match where one of ``words`` starts: a word ends the branch, and the longer
            words it begins are not spelled out (the shortest suffices). Otherwise match exactly
            ``words`` (a word that begins a longer one makes the rest optional).

    Returns:
        str: one non-capturing group, e.g. ``(?:a(?:b)?|c)`` for ``a``, ``ab``, ``c``.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        end = "" in node
        if end and prefixes:
            return ""
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return "(?:" + walk(trie) + ")"
