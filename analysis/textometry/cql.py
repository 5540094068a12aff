"""CQL queries (TXM's CQP query language, a subset) over a tokens table, with concordance rows.

The subset (CQP's "Query Language Tutorial", the syntax TXM's concordances take):

* a token: ``[attr="value"]``, ``attr`` one of ``word`` (the form as written; ``form`` too), ``lemma``,
  ``pos``, ``norm``; the value is a regular expression that must match the **whole** attribute (CQP's
  rule): ``[lemma="drone|missile"]``, ``[word="Iran.*"]``; flags after the value: ``%c`` ignores case,
  ``%d`` ignores diacritics (``[lemma="etat"%cd]`` finds *État*);
* ``!=`` (does not match), ``&`` (and), ``|`` (or), ``!`` (not), parentheses: ``[pos="NOUN" & lemma!="an"]``;
* ``[]`` any token; a bare ``"value"`` is ``[word="value"]``;
* sequences ``[lemma="drone"] [pos="ADJ"]``, alternatives and groups ``([pos="ADJ"] | [pos="NOUN"])``,
  repetition ``?``, ``*``, ``+``, ``{n}``, ``{m,n}``, ``{m,}``, ``{,n}``: ``[lemma="le"] []{0,2} [lemma="drone"]``;
* ``within s`` (the default: a match never crosses a sentence) or ``within text`` (a document).

Matching: from each position, the longest match (TXM's default strategy, CQP's ``longest``; ``strategy=
"shortest"`` takes the shortest); matches do not overlap: after a match the search goes on after its last
token. A match that would be empty (``[]?`` alone) is not a match. Tokens of duplicate and boilerplate
segments are left out, as in every count: a match never includes them nor spans them.

A query that does not parse raises :class:`QueryError`, one line with the position (from 1) of the
character where it went wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._common import TextometryError, keep_mask, rule_text

__all__ = ["ATTRIBUTES", "Query", "QueryError", "compile_query", "query"]

#: The attributes a token constraint may name, and the tokens table's column for each.
ATTRIBUTES = {"word": "text", "form": "text", "lemma": "lemma", "pos": "pos", "norm": "norm"}


class QueryError(TextometryError):
    """A CQL query that does not parse, or names what the tokens table lacks; one line, with the position."""


# --------------------------------------------------------------------------
# The query's tree
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Test:
    attr: str
    regex: str
    negated: bool
    flags: str


@dataclass(frozen=True)
class _Bool:
    op: str  # "and", "or", "not"
    items: tuple


@dataclass(frozen=True)
class _Token:
    test: object | None  # None: any token


@dataclass(frozen=True)
class _Seq:
    items: tuple


@dataclass(frozen=True)
class _Alt:
    items: tuple


@dataclass(frozen=True)
class _Repeat:
    item: object
    lo: int
    hi: int | None


@dataclass(frozen=True)
class Query:
    """A parsed query.

    Attributes:
        text: The query as written.
        tree: Its tree.
        within: ``"s"`` (sentence) or ``"text"`` (document).
    """

    text: str
    tree: object
    within: str


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, what: str, at: int | None = None) -> QueryError:
        at = self.pos if at is None else at
        found = repr(self.text[at]) if at < len(self.text) else "the end"
        return QueryError(f"query {self.text!r} does not parse: position {at + 1}: {what}, found {found}")

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self, s: str) -> bool:
        self.skip()
        return self.text.startswith(s, self.pos)

    def eat(self, s: str) -> bool:
        if self.peek(s):
            self.pos += len(s)
            return True
        return False

    def expect(self, s: str, what: str | None = None) -> None:
        if not self.eat(s):
            raise self.fail(f"expected {what or repr(s)}")

    def parse(self) -> Query:
        self.skip()
        if self.pos >= len(self.text):
            raise QueryError('the query is empty: write e.g. [lemma="drone"] [pos="ADJ"]')
        tree = self.alternation()
        within = "s"
        if self.eat("within"):
            self.skip()
            m = re.compile(r"(s|text)\b").match(self.text, self.pos)
            if not m:
                raise self.fail("expected 's' or 'text' after 'within'")
            within = m[1]
            self.pos = m.end()
        self.eat(";")
        self.skip()
        if self.pos < len(self.text):
            raise self.fail("expected a token '[…]', a group '(…)', '|' or the end")
        return Query(text=self.text, tree=tree, within=within)

    def alternation(self):
        items = [self.sequence()]
        while self.eat("|"):
            items.append(self.sequence())
        return items[0] if len(items) == 1 else _Alt(tuple(items))

    def sequence(self):
        items = []
        while True:
            self.skip()
            if self.pos >= len(self.text) or self.text[self.pos] in "|)" or self.peek("within") or self.peek(";"):
                break
            items.append(self.quantified(self.atom()))
        if not items:
            raise self.fail("expected a token '[…]' or a group '(…)'")
        return items[0] if len(items) == 1 else _Seq(tuple(items))

    def atom(self):
        self.skip()
        start = self.pos
        if self.eat("["):
            if self.eat("]"):
                return _Token(None)
            test = self.bool_or()
            self.expect("]", "']' to close the token")
            return _Token(test)
        if self.eat("("):
            inner = self.alternation()
            self.expect(")", "')' to close the group")
            return inner
        if self.peek('"') or self.peek("'"):
            regex, flags = self.value()
            return _Token(_Test("word", regex, False, flags))
        raise self.fail("expected a token '[…]', a group '(…)' or a \"word\"", start)

    def quantified(self, item):
        while True:
            self.skip()
            if self.eat("?"):
                item = _Repeat(item, 0, 1)
            elif self.eat("*"):
                item = _Repeat(item, 0, None)
            elif self.eat("+"):
                item = _Repeat(item, 1, None)
            elif self.peek("{"):
                at = self.pos
                m = re.compile(r"\{\s*(\d*)\s*(,?)\s*(\d*)\s*\}").match(self.text, self.pos)
                if not m or (not m[1] and not m[3]):
                    raise self.fail("expected a repetition {n}, {m,n}, {m,} or {,n}", at)
                lo = int(m[1]) if m[1] else 0
                hi = (int(m[3]) if m[3] else None) if m[2] else lo
                if hi is not None and hi < lo:
                    raise self.fail(f"repetition {{{lo},{hi}}}: the maximum is below the minimum", at)
                self.pos = m.end()
                item = _Repeat(item, lo, hi)
            else:
                return item

    def bool_or(self):
        items = [self.bool_and()]
        while self.eat("|"):
            items.append(self.bool_and())
        return items[0] if len(items) == 1 else _Bool("or", tuple(items))

    def bool_and(self):
        items = [self.bool_not()]
        while self.eat("&"):
            items.append(self.bool_not())
        return items[0] if len(items) == 1 else _Bool("and", tuple(items))

    def bool_not(self):
        if self.peek("!") and not self.peek("!="):
            self.eat("!")
            return _Bool("not", (self.bool_not(),))
        if self.eat("("):
            inner = self.bool_or()
            self.expect(")", "')' to close the condition")
            return inner
        return self.test()

    def test(self):
        self.skip()
        at = self.pos
        m = re.compile(r"[A-Za-z_]\w*").match(self.text, self.pos)
        if not m:
            raise self.fail("expected an attribute (word, lemma, pos, norm)")
        attr = m[0]
        if attr not in ATTRIBUTES:
            raise self.fail(f"unknown attribute {attr!r} (expected one of {', '.join(ATTRIBUTES)})", at)
        self.pos = m.end()
        if self.eat("!="):
            negated = True
        elif self.eat("="):
            negated = False
        else:
            raise self.fail(f"expected '=' or '!=' after {attr!r}")
        regex, flags = self.value()
        return _Test(attr, regex, negated, flags)

    def value(self) -> tuple[str, str]:
        self.skip()
        at = self.pos
        quote = self.text[self.pos] if self.pos < len(self.text) else ""
        if quote not in ("'", '"'):
            raise self.fail("expected a quoted value")
        i = self.pos + 1
        out = []
        while i < len(self.text) and self.text[i] != quote:
            if self.text[i] == "\\" and i + 1 < len(self.text) and self.text[i + 1] == quote:
                out.append(quote)
                i += 2
                continue
            out.append(self.text[i])
            i += 1
        if i >= len(self.text):
            raise self.fail(f"the value opened at position {at + 1} is not closed", len(self.text))
        regex = "".join(out)
        self.pos = i + 1
        m = re.compile(r"%([cd]+)").match(self.text, self.pos)
        flags = ""
        if m:
            flags = m[1]
            self.pos = m.end()
        try:
            re.compile(_strip(regex) if "d" in flags else regex)
        except re.error as exc:
            raise QueryError(
                f"query {self.text!r} does not parse: position {at + 2 + (exc.pos or 0)}: bad regular "
                f"expression {regex!r} ({exc.msg})"
            ) from None
        return regex, flags


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def compile_query(text: str) -> Query:
    """Parse a CQL query.

    Args:
        text: The query, e.g. ``[lemma="drone"] [pos="ADJ"]``.

    Returns:
        Query: The parsed query.

    Raises:
        QueryError: It does not parse (the message gives the position, from 1).
    """
    if not isinstance(text, str):
        raise QueryError(f"a query is a string, not {type(text).__name__}")
    return _Parser(text).parse()


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


class _Masks:
    """Each token test as a boolean mask over the kept tokens (computed once per distinct value)."""

    def __init__(self, tokens: pd.DataFrame) -> None:
        self.tokens = tokens
        self.cache: dict[_Test, np.ndarray] = {}

    def test(self, t: _Test) -> np.ndarray:
        if t in self.cache:
            return self.cache[t]
        column = ATTRIBUTES[t.attr]
        if column not in self.tokens.columns:
            raise QueryError(
                f"the tokens have no {t.attr!r} (column {column!r}): read them with lemmas "
                "(analysis.analyse(..., lemmas=True))"
            )
        values = self.tokens[column].astype(str).to_numpy(dtype=object)
        codes, uniq = pd.factorize(values)
        flags = re.IGNORECASE if "c" in t.flags else 0
        pattern = re.compile(_strip(t.regex) if "d" in t.flags else t.regex, flags)
        hits = np.array([pattern.fullmatch(_strip(u) if "d" in t.flags else u) is not None for u in uniq], dtype=bool)
        mask = hits[codes] if len(uniq) else np.zeros(len(values), dtype=bool)
        if t.negated:
            mask = ~mask
        self.cache[t] = mask
        return mask

    def of(self, node) -> np.ndarray:
        if node is None:
            return np.ones(len(self.tokens), dtype=bool)
        if isinstance(node, _Test):
            return self.test(node)
        masks = [self.of(item) for item in node.items]
        if node.op == "not":
            return ~masks[0]
        return np.logical_and.reduce(masks) if node.op == "and" else np.logical_or.reduce(masks)


def _token_masks(tree, masks: _Masks):
    """The tree with each token's test replaced by its mask."""
    if isinstance(tree, _Token):
        return ("tok", masks.of(tree.test))
    if isinstance(tree, _Seq):
        return ("seq", [_token_masks(i, masks) for i in tree.items])
    if isinstance(tree, _Alt):
        return ("alt", [_token_masks(i, masks) for i in tree.items])
    return ("rep", _token_masks(tree.item, masks), tree.lo, tree.hi)


def _ends(node, p: int, stop: int) -> set[int]:
    kind = node[0]
    if kind == "tok":
        return {p + 1} if p < stop and node[1][p] else set()
    if kind == "seq":
        current = {p}
        for item in node[1]:
            nxt: set[int] = set()
            for q in current:
                nxt |= _ends(item, q, stop)
            current = nxt
            if not current:
                break
        return current
    if kind == "alt":
        out: set[int] = set()
        for item in node[1]:
            out |= _ends(item, p, stop)
        return out
    _, item, lo, hi = node
    result = {p} if lo == 0 else set()
    current, seen = {p}, {p}
    limit = stop - p if hi is None else hi
    for i in range(1, limit + 1):
        step: set[int] = set()
        for q in current:
            step |= _ends(item, q, stop)
        if i >= lo:
            result |= step
        current = step - seen if hi is None else step
        seen |= step
        if not current:
            break
    return result


def _first_mask(node) -> np.ndarray | None:
    """Where a match can start (None: anywhere, when the query may start with an optional part)."""
    kind = node[0]
    if kind == "tok":
        return node[1]
    if kind == "seq":
        return _first_mask(node[1][0])
    if kind == "alt":
        masks = [_first_mask(i) for i in node[1]]
        known = [m for m in masks if m is not None]
        return None if len(known) < len(masks) else np.logical_or.reduce(known)
    return _first_mask(node[1]) if node[2] >= 1 else None


def query(
    tokens: pd.DataFrame,
    cql: str | Query,
    *,
    text: str | Mapping[str, str] | None = None,
    window: int = 8,
    strategy: str = "longest",
    uncounted: bool = False,
) -> pd.DataFrame:
    """Every match of a CQL query, as concordance (KWIC) rows with raw offsets.

    Args:
        tokens: A tokens table (``lemma`` and ``pos`` for queries on them), one or several documents.
        cql: The query (see the module docstring) or a :func:`compile_query` result.
        text: The raw text, or the texts by ``doc_id``: the contexts are cut from it. Without it, they are
            rebuilt from the tokens joined by spaces.
        window: Context on each side, in tokens (within the document).
        strategy: ``"longest"`` (TXM's default) or ``"shortest"`` match from each position.
        uncounted: Search the segments left out of counts too (duplicates, boilerplate).

    Returns:
        pandas.DataFrame: ``doc_id, match, sent, start, end, tokens, left, node, right`` in text order
        (``match`` numbers the matches from 0; ``start``/``end`` are the offsets of the whole match in its
        document's raw text; ``tokens`` its length); ``attrs["query"]``, ``attrs["rule"]``.

    Raises:
        QueryError: The query does not parse, or names an attribute the tokens lack.
        TextometryError: An unknown strategy or a negative window.
    """
    if strategy not in ("longest", "shortest"):
        raise TextometryError(f"strategy must be 'longest' or 'shortest', not {strategy!r}")
    if window < 0:
        raise TextometryError(f"window must be 0 or more tokens, not {window}")
    q = cql if isinstance(cql, Query) else compile_query(cql)
    keep = keep_mask(tokens, stopwords=True, punct=True, numbers=True, uncounted=uncounted)
    docs_all = (
        tokens["doc_id"].astype(str).to_numpy(dtype=object)
        if "doc_id" in tokens.columns
        else np.full(len(tokens), "doc", dtype=object)
    )
    kept_rows = np.flatnonzero(keep)
    sub = tokens.iloc[kept_rows]
    masks = _Masks(sub)
    tree = _token_masks(q.tree, masks)
    docs = docs_all[kept_rows]
    sents = sub["sent"].to_numpy() if ("sent" in sub.columns and q.within == "s") else np.zeros(len(sub), dtype=int)
    # a run: consecutive kept tokens of one document (and one sentence), with no left-out token between them
    gap = np.r_[True, np.diff(kept_rows) != 1] if len(kept_rows) else np.array([], dtype=bool)
    new_run = gap | np.r_[True, docs[1:] != docs[:-1]] | np.r_[True, sents[1:] != sents[:-1]] if len(sub) else gap
    run_starts = np.flatnonzero(new_run)
    run_stops = np.r_[run_starts[1:], len(sub)]
    first = _first_mask(tree)
    found: list[tuple[int, int]] = []
    for a, b in zip(run_starts, run_stops):
        p = int(a)
        candidates = np.flatnonzero(first[a:b]) + a if first is not None else np.arange(a, b)
        for p0 in candidates:
            if p0 < p:
                continue
            ends = [e for e in _ends(tree, int(p0), int(b)) if e > p0]
            if ends:
                e = max(ends) if strategy == "longest" else min(ends)
                found.append((int(p0), e))
                p = e
    return _kwic(
        tokens, kept_rows, found, q, text=text, window=window, strategy=strategy, uncounted=uncounted, docs_all=docs_all
    )


def _kwic(
    tokens: pd.DataFrame,
    kept_rows: np.ndarray,
    found: list[tuple[int, int]],
    q: Query,
    *,
    text: str | Mapping[str, str] | None,
    window: int,
    strategy: str,
    uncounted: bool,
    docs_all: np.ndarray,
) -> pd.DataFrame:
    starts = tokens["start"].to_numpy(dtype=np.int64)
    ends = tokens["end"].to_numpy(dtype=np.int64)
    forms = tokens["text"].astype(str).to_numpy(dtype=object)
    sents = tokens["sent"].to_numpy() if "sent" in tokens.columns else np.full(len(tokens), -1)
    bounds = pd.Series(np.arange(len(tokens))).groupby(docs_all, sort=False).agg(["min", "max"])
    rows = []
    for n, (a, b) in enumerate(found):
        first, last = int(kept_rows[a]), int(kept_rows[b - 1])
        doc = docs_all[first]
        lo, hi = int(bounds.at[doc, "min"]), int(bounds.at[doc, "max"])
        s, e = int(starts[first]), int(ends[last])
        left_row, right_row = max(lo, first - window), min(hi, last + window)
        raw = text.get(doc) if isinstance(text, Mapping) else text
        if raw is not None:
            node = raw[s:e]
            left = " ".join(raw[starts[left_row] : s].split()) if window else ""
            right = " ".join(raw[e : ends[right_row]].split()) if window else ""
        else:
            node = " ".join(forms[first : last + 1])
            left = " ".join(forms[left_row:first]) if window else ""
            right = " ".join(forms[last + 1 : right_row + 1]) if window else ""
        rows.append((doc, n, int(sents[first]), s, e, b - a, left, node, right))
    out = pd.DataFrame(rows, columns=["doc_id", "match", "sent", "start", "end", "tokens", "left", "node", "right"])
    out.attrs["query"] = q.text
    out.attrs["rule"] = (
        f"CQL {q.text!r}, within {'sentence' if q.within == 's' else 'document'}, {strategy} match "
        f"from each position, matches not overlapping; values are regular expressions matching the "
        f"whole attribute; {rule_text(punct=True, numbers=True, uncounted=uncounted)}; "
        f"context {window} tokens each side"
    )
    return out
