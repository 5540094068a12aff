"""Evaluation of tokenisation and sentence splitting against CoNLL-U gold data.

Reading CoNLL-U: ``# text =`` gives each sentence's raw text; ``n-m``
multiword lines are the SURFACE tokens ("du", "au") and their ``n``..``m``
word lines are skipped; empty nodes ``n.1`` are skipped. Gold token spans
are found in the sentence text by sequential search, skipping whitespace.

Metrics are exact-span precision, recall and F1 (percentages, 2 decimals):

* tokens: per sentence, on the ``# text =`` string, for our tokeniser,
  spaCy's French tokenizer (``spacy.blank("fr")``, the same rules as
  ``fr_core_news_sm``) and NLTK's data-free ``NLTKWordTokenizer``;
* sentences: on a running text made by joining the gold sentences in order
  with a single space, or with a line break after a sentence that does not
  end in ``. ! ? …`` (optionally followed by a closing quote or bracket),
  as headings and list items stand on their own line in real pages; for
  ours, spaCy ``fr_core_news_sm`` (its parser's sentences) and NLTK's
  untrained ``PunktSentenceTokenizer``.

The module only defines functions; the command line lives elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import pandas as pd

from analysis.paths import eval_dir
from analysis.spans import containing
from analysis.text.tokens import sentences, tokenize

from .scoring import HALVES, prf, split_half, write_tsv

Span = tuple[int, int]

SYSTEM_OURS = "ours"
SYSTEM_SPACY_TOKENS = "spaCy (fr_core_news_sm tokenizer)"
SYSTEM_NLTK_TOKENS = "NLTK (NLTKWordTokenizer, data-free)"
SYSTEM_SPACY_SENTS = "spaCy (fr_core_news_sm parser)"
SYSTEM_NLTK_SENTS = "NLTK (PunktSentenceTokenizer, untrained)"

COLUMNS = ["system", "precision", "recall", "f1", "gold", "predicted", "correct"]
#: The columns of the scores by half (``by_half=True``): one row per half and system.
HALF_COLUMNS = ["half", *COLUMNS]
#: Columns of the error files: one missed or spurious item per row.
ERROR_COLUMNS = ["half", "block", "sent_id", "kind", "start", "end", "text"]

#: Sentences per block of the tune/check split. Neither file marks its documents (GSD's sentences are
#: shuffled; the Est Républicain file is running news with no document lines), so consecutive blocks
#: of this many sentences stand for documents: a block, named by its first ``sent_id``, goes whole to
#: one half by :func:`analysis.eval.scoring.split_half`.
BLOCK_SENTENCES = 10

#: Gold files, relative to the eval folder.
GSD_TEST = "ud/fr_gsd-ud-test.conllu"
ESTREP_DEV = "ud/fr_estrepublicain-annodis-dev.conllu"

_FINAL = re.compile(r"[.!?…][»”\"')\]]*$")


@dataclass
class GoldSentence:
    """One CoNLL-U sentence.

    Attributes:
        text (str): The ``# text =`` string.
        tokens (list[str]): Surface token forms.
        sent_id (str): The ``# sent_id`` value, if any.
        spans (list[Span]): Character spans of ``tokens`` in ``text``.
    """

    text: str
    tokens: list[str]
    sent_id: str = ""
    spans: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------
# Locating and reading gold data
# --------------------------------------------------------------------------


class GoldDataError(ValueError):
    """Gold data that cannot be scored against (missing, empty, of another kind, truncated); one line."""


class ConlluError(GoldDataError):
    """A file that is not valid CoNLL-U; the message names the file (and line) and the problem."""


_CONLLU_ID = re.compile(r"(\d+)(?:-(\d+)|\.(\d+))?")
_SPACE = re.compile(r"\s+")


def gold_file(path: str | Path, *, error: type[GoldDataError] = GoldDataError, expected: str = "a gold file") -> Path:
    """A gold file that exists, is a file and is not empty.

    Args:
        path (str | Path): The file.
        error (type[GoldDataError]): The exception class to raise.
        expected (str): What the file should be, for the message.

    Returns:
        Path: The path.

    Raises:
        GoldDataError: No such file, a folder, or an empty (or white-space only) file.
    """
    path = Path(path)
    if not path.exists():
        raise error(f"{path}: no such file (expected {expected})")
    if path.is_dir():
        raise error(f"{path}: is a folder (expected {expected})")
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if not head.strip():
        raise error(f"{path}: file is empty (expected {expected})")
    return path


def _lines(path: Path, error: type[GoldDataError]) -> Iterator[tuple[int, str]]:
    """The lines of a UTF-8 file, numbered from 1, without their line ends."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                yield number, raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                raise error(
                    f"{path}: line {number}: not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
                ) from None


def conllu_blocks(path: str | Path, *, min_columns: int = 10) -> Iterator[tuple[str, str, list[str]]]:
    """The sentences of a CoNLL-U file, as raw blocks, checked as they are read.

    The checks (UD's own format rules) catch a file of another kind, a garbled one and a
    truncated one: every token line has at least ``min_columns`` tab-separated columns, as many
    as the file's first token line; IDs are ``n``, ``n-m`` or ``n.k``, words numbered 1, 2, 3…
    in each sentence; the surface tokens spell the sentence's ``# text`` (white space aside);
    the file ends with a blank line after its last sentence.

    Args:
        path (str | Path): A CoNLL-U file (or a CoNLL-U Plus one such as Sequoia's PARSEME, 12 columns).
        min_columns (int): Fewest columns a token line may have.

    Yields:
        tuple[str, str, list[str]]: ``sent_id``, ``text`` (the ``# text =`` comment,
        or "") and the sentence's token lines, in file order.

    Raises:
        ConlluError: The file is missing, empty or a folder, is not UTF-8, or breaks a rule above.
    """
    path = gold_file(path, error=ConlluError, expected="a CoNLL-U file")
    text, sent_id = "", ""
    lines: list[str] = []
    columns = 0
    state: dict[str, Any] = {"next": 1, "forms": [], "covered": 0, "first": 0}
    sentences = 0

    def finish(number: int) -> None:
        if text and _SPACE.sub("", "".join(state["forms"])) != _SPACE.sub("", text):
            where = f"sentence {sent_id!r}" if sent_id else f"the sentence at line {state['first']}"
            raise ConlluError(f"{path}: {where}: its tokens do not spell its '# text' (truncated or garbled?)")
        state.update(next=1, forms=[], covered=0)

    last = 0
    for number, line in _lines(path, ConlluError):
        last = number
        if line.startswith("#"):
            if lines:
                raise ConlluError(
                    f"{path}: line {number}: a comment inside a sentence (a blank line must end each sentence)"
                )
            if line.startswith("# text ="):
                text = line[len("# text =") :].strip()
            elif line.startswith("# sent_id ="):
                sent_id = line[len("# sent_id =") :].strip()
            continue
        if not line.strip():
            if lines:
                finish(number)
                sentences += 1
                yield sent_id, text, lines
            text, sent_id, lines = "", "", []
            continue
        cols = line.split("\t")
        if len(cols) < min_columns or (columns and len(cols) != columns):
            want = columns or min_columns
            raise ConlluError(
                f"{path}: line {number}: {len(cols)} tab-separated column(s), expected {want} "
                "(not CoNLL-U, or a truncated line)"
            )
        columns = columns or len(cols)
        _check_id(path, number, cols, state)
        if not lines:
            state["first"] = number
        lines.append(line)
    if lines:
        raise ConlluError(
            f"{path}: ends inside a sentence at line {last} (truncated? a blank line must follow the last sentence)"
        )
    if not sentences:
        raise ConlluError(f"{path}: no token line (not CoNLL-U)")


def _check_id(path: Path, number: int, cols: list[str], state: dict) -> None:
    """Check one token line's ID against the sentence so far and collect its surface form."""
    m = _CONLLU_ID.fullmatch(cols[0])
    if not m:
        raise ConlluError(f"{path}: line {number}: bad token ID {cols[0]!r} (expected n, n-m or n.k)")
    first, last, empty = m.group(1), m.group(2), m.group(3)
    if empty is not None:
        return
    n = int(first)
    if n != state["next"] or (last is not None and int(last) < n):
        raise ConlluError(
            f"{path}: line {number}: token ID {cols[0]!r} where word {state['next']} was expected "
            "(words are numbered 1, 2, 3... in each sentence)"
        )
    if last is not None:
        state["forms"].append(cols[1])
        state["covered"] = int(last)
        return
    if n > state["covered"]:
        state["forms"].append(cols[1])
    state["next"] = n + 1


def read_conllu(path: str | Path) -> list[GoldSentence]:
    """Parse a CoNLL-U file into sentences of surface tokens with spans.

    Args:
        path (str | Path): The ``.conllu`` file.

    Returns:
        list[GoldSentence]: Sentences in file order.
    """
    out: list[GoldSentence] = []
    for sent_id, text, lines in conllu_blocks(path):
        toks: list[str] = []
        skip_to = 0
        for line in lines:
            skip_to = _add_token(line, toks, skip_to)
        if toks:
            out.append(_gold(text, toks, sent_id))
    return out


def _add_token(line: str, toks: list[str], skip_to: int) -> int:
    """Add the surface form of one CoNLL-U token line.

    Args:
        line (str): A token line.
        toks (list[str]): Receives the form.
        skip_to (int): Last word id covered by the current multiword token.

    Returns:
        int: The updated ``skip_to``.
    """
    cols = line.split("\t")
    ident, form = cols[0], cols[1]
    if "." in ident:
        return skip_to
    if "-" in ident:
        toks.append(form)
        return int(ident.split("-")[1])
    if int(ident) > skip_to:
        toks.append(form)
    return skip_to


def _gold(text: str, toks: list[str], sent_id: str) -> GoldSentence:
    """Build a GoldSentence, locating each token in the text.

    Args:
        text (str): Sentence text (rebuilt from tokens if empty).
        toks (list[str]): Surface forms.
        sent_id (str): Sentence id.

    Returns:
        GoldSentence: With ``spans`` filled.
    """
    if not text:
        text = " ".join(toks)
    return GoldSentence(text=text, tokens=toks, sent_id=sent_id, spans=locate_forms(text, toks))


def locate_forms(text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    """Find each surface form in ``text`` in order, skipping white space.

    Args:
        text (str): Sentence text.
        forms (Sequence[str]): Surface token forms, in order.

    Returns:
        list[tuple[int, int]]: One ``(start, end)`` span per form.
    """
    spans, pos = [], 0
    for form in forms:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(form, pos):
            found = text.find(form, pos)
            pos = found if found >= 0 else pos
        spans.append((pos, pos + len(form)))
        pos += len(form)
    return spans


# --------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------


def _ours_tokens(text: str) -> list[Span]:
    frame = tokenize(text)
    return list(zip(frame["start"].tolist(), frame["end"].tolist()))


def _spacy_tokens() -> Callable[[str], list[Span]]:
    import spacy

    nlp = spacy.blank("fr")

    def run(text: str) -> list[Span]:
        return [(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(text) if not t.is_space]

    return run


def _nltk_tokens() -> Callable[[str], list[Span]]:
    from nltk.tokenize import NLTKWordTokenizer

    tok = NLTKWordTokenizer()
    return lambda text: list(tok.span_tokenize(text))


def token_systems() -> dict[str, Callable[[str], list[Span]]]:
    """The tokenisers compared, by system label.

    Returns:
        dict[str, Callable[[str], list[Span]]]: text -> token spans.
    """
    return {
        SYSTEM_OURS: _ours_tokens,
        SYSTEM_SPACY_TOKENS: _spacy_tokens(),
        SYSTEM_NLTK_TOKENS: _nltk_tokens(),
    }


def _ours_sentences(text: str) -> list[Span]:
    frame = sentences(text)
    return list(zip(frame["start"].tolist(), frame["end"].tolist()))


def _spacy_sentences(text: str) -> list[Span]:
    from analysis.text.nlp import load

    doc = load()(text)
    return [_strip(text, s.start_char, s.end_char) for s in doc.sents]


def _nltk_sentences(text: str) -> list[Span]:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return [_strip(text, a, b) for a, b in PunktSentenceTokenizer().span_tokenize(text)]


def sentence_systems() -> dict[str, Callable[[str], list[Span]]]:
    """The sentence splitters compared, by system label.

    Returns:
        dict[str, Callable[[str], list[Span]]]: text -> sentence spans.
    """
    return {
        SYSTEM_OURS: _ours_sentences,
        SYSTEM_SPACY_SENTS: _spacy_sentences,
        SYSTEM_NLTK_SENTS: _nltk_sentences,
    }


def _strip(text: str, start: int, end: int) -> Span:
    """Shrink a span to exclude surrounding whitespace.

    Args:
        text (str): The text.
        start (int): Span start.
        end (int): Span end.

    Returns:
        Span: The trimmed span.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def _score(system: str, gold: int, predicted: int, correct: int) -> dict[str, object]:
    """One row of scores (:func:`analysis.eval.scoring.prf`, rounded to 2 decimals).

    Args:
        system (str): System label.
        gold (int): Number of gold items.
        predicted (int): Number of predicted items.
        correct (int): Number of exact matches.

    Returns:
        dict[str, object]: Row with percentages rounded to 2 decimals.
    """
    p, r, f = prf(correct=correct, gold=gold, predicted=predicted)
    return {
        "system": system,
        "precision": round(p, 2),
        "recall": round(r, 2),
        "f1": round(f, 2),
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
    }


def blocks(gold: Sequence[GoldSentence]) -> tuple[list[str], list[str]]:
    """The block and the half of each gold sentence (see :data:`BLOCK_SENTENCES`).

    Args:
        gold (Sequence[GoldSentence]): Sentences in file order.

    Returns:
        tuple[list[str], list[str]]: Per sentence, its block's id (the first ``sent_id`` of the block,
        or ``block N`` without ids) and that block's half (``tune`` or ``check``).
    """
    names: list[str] = []
    for k, sent in enumerate(gold):
        names.append(names[-1] if k % BLOCK_SENTENCES else (sent.sent_id or f"block {k // BLOCK_SENTENCES}"))
    return names, [split_half(b) for b in names]


def _rows(system: str, counts: dict[str, list[int]], by_half: bool) -> list[dict[str, object]]:
    """Score rows of one system from its (gold, predicted, correct) counts by half."""
    counts["all"] = [counts["tune"][i] + counts["check"][i] for i in range(3)]
    if not by_half:
        return [_score(system, *counts["all"])]
    return [{"half": h, **_score(system, *counts[h])} for h in HALVES]


def _frame(rows: list[dict[str, object]], by_half: bool) -> pd.DataFrame:
    """The score table; by half, the tune rows of every system first, then check, then all."""
    if by_half:
        rows = sorted(rows, key=lambda r: HALVES.index(str(r["half"])))  # stable: systems keep their order
    return pd.DataFrame(rows, columns=HALF_COLUMNS if by_half else COLUMNS)


def _non_empty(spans: Iterable[Span]) -> set[Span]:
    return {s for s in spans if s[1] > s[0]}


def eval_tokens(
    path: str | Path,
    *,
    systems: Sequence[str] | None = None,
    by_half: bool = False,
    errors_path: str | Path | None = None,
) -> pd.DataFrame:
    """Exact-span token scores of each tokeniser on a CoNLL-U file.

    Args:
        path (str | Path): Gold ``.conllu`` file.
        systems (Sequence[str] | None): Labels to run (default: all).
        by_half (bool): One row per half (``tune``, ``check``, ``all``) and system, blocks of
            sentences split by :func:`blocks`.
        errors_path (str | Path | None): Where to write our tokeniser's missed and spurious tokens
            (:data:`ERROR_COLUMNS`, tab-separated), or None.

    Returns:
        pd.DataFrame: Columns ``system, precision, recall, f1, gold,
        predicted, correct`` (``half`` first with ``by_half``).
    """
    gold = read_conllu(path)
    names, half = blocks(gold)
    rows: list[dict[str, object]] = []
    errors: list[tuple[object, ...]] = []
    for name, run in token_systems().items():
        if systems is not None and name not in systems:
            continue
        counts = {"tune": [0, 0, 0], "check": [0, 0, 0]}
        for k, sent in enumerate(gold):
            g, p = set(sent.spans), _non_empty(run(sent.text))
            c = counts[half[k]]
            c[0], c[1], c[2] = c[0] + len(g), c[1] + len(p), c[2] + len(g & p)
            if name == SYSTEM_OURS and errors_path is not None and g != p:
                errors += [
                    (half[k], names[k], sent.sent_id, kind, a, b, sent.text[a:b])
                    for kind, items in (("missed", g - p), ("spurious", p - g))
                    for a, b in sorted(items)
                ]
        rows += _rows(name, counts, by_half)
    if errors_path is not None:
        write_tsv(pd.DataFrame(errors, columns=ERROR_COLUMNS), errors_path)
    return _frame(rows, by_half)


def token_errors(path: str | Path, *, system: str = SYSTEM_OURS) -> pd.DataFrame:
    """Sentences where a tokeniser disagrees with the gold tokens.

    Args:
        path (str | Path): Gold ``.conllu`` file.
        system (str): System label (see :func:`token_systems`).

    Returns:
        pd.DataFrame: Columns ``sent_id, missed, spurious`` (token strings:
        gold tokens not predicted, predicted tokens not in gold).
    """
    run = token_systems()[system]
    rows = []
    for sent in read_conllu(path):
        g, p = set(sent.spans), _non_empty(run(sent.text))
        if g != p:
            rows.append(
                {
                    "sent_id": sent.sent_id,
                    "missed": [sent.text[a:b] for a, b in sorted(g - p)],
                    "spurious": [sent.text[a:b] for a, b in sorted(p - g)],
                }
            )
    return pd.DataFrame(rows, columns=["sent_id", "missed", "spurious"])


def running_text(gold: Sequence[GoldSentence]) -> tuple[str, list[Span]]:
    """Join gold sentences into a running text.

    A sentence is followed by a single space, or by a line break when its
    text does not end in sentence-final punctuation (headings, list items).

    Args:
        gold (Sequence[GoldSentence]): Sentences in document order.

    Returns:
        tuple[str, list[Span]]: The text and the gold sentence spans.
    """
    parts, spans, pos = [], [], 0
    for k, sent in enumerate(gold):
        text = sent.text.strip()
        spans.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
        if k < len(gold) - 1:
            sep = " " if _FINAL.search(text) else "\n"
            parts.append(sep)
            pos += 1
    return "".join(parts), spans


def eval_sentences(
    path: str | Path,
    *,
    systems: Sequence[str] | None = None,
    by_half: bool = False,
    errors_path: str | Path | None = None,
) -> pd.DataFrame:
    """Exact-span sentence scores of each splitter on a CoNLL-U file.

    The splitters read the whole running text (:func:`running_text`); each gold sentence counts in
    the half of its block (:func:`blocks`), each predicted sentence in the half of the gold sentence
    its start falls in (from a gold start up to the next one).

    Args:
        path (str | Path): Gold ``.conllu`` file, sentences in document order.
        systems (Sequence[str] | None): Labels to run (default: all).
        by_half (bool): One row per half (``tune``, ``check``, ``all``) and system.
        errors_path (str | Path | None): Where to write our splitter's missed and spurious sentences
            (:data:`ERROR_COLUMNS`, tab-separated; ``start``/``end`` in the running text), or None.

    Returns:
        pd.DataFrame: Columns ``system, precision, recall, f1, gold,
        predicted, correct`` (``half`` first with ``by_half``).
    """
    gold = read_conllu(path)
    text, gold_spans = running_text(gold)
    names, half = blocks(gold)
    g = set(gold_spans)
    starts = [a for a, _ in gold_spans]
    owner_ends = [*starts[1:], len(text) + 1]
    rows: list[dict[str, object]] = []
    errors: list[tuple[object, ...]] = []
    for name, run in sentence_systems().items():
        if systems is not None and name not in systems:
            continue
        p = _non_empty(run(text))
        counts = {"tune": [0, 0, 0], "check": [0, 0, 0]}
        for k in range(len(gold_spans)):
            counts[half[k]][0] += 1
        predicted = sorted(p)
        owner = containing(starts, owner_ends, [a for a, _ in predicted])
        for (a, b), k in zip(predicted, owner):
            k = max(int(k), 0)  # before the first gold start: the first sentence's block
            counts[half[k]][1] += 1
            counts[half[k]][2] += (a, b) in g
            if name == SYSTEM_OURS and errors_path is not None and (a, b) not in g:
                errors.append((half[k], names[k], gold[k].sent_id, "spurious", a, b, text[a:b]))
        if name == SYSTEM_OURS and errors_path is not None:
            errors += [
                (half[k], names[k], gold[k].sent_id, "missed", a, b, text[a:b])
                for k, (a, b) in enumerate(gold_spans)
                if (a, b) not in p
            ]
        rows += _rows(name, counts, by_half)
    if errors_path is not None:
        errors.sort(key=lambda e: (e[4], e[3]))
        write_tsv(pd.DataFrame(errors, columns=ERROR_COLUMNS), errors_path)
    return _frame(rows, by_half)


def sentence_errors(path: str | Path, *, system: str = SYSTEM_OURS) -> pd.DataFrame:
    """Gold sentences missed and predicted sentences not in gold.

    Args:
        path (str | Path): Gold ``.conllu`` file.
        system (str): System label (see :func:`sentence_systems`).

    Returns:
        pd.DataFrame: Columns ``kind`` ("missed"/"spurious"), ``start``,
        ``end``, ``text``.
    """
    text, gold_spans = running_text(read_conllu(path))
    g, p = set(gold_spans), _non_empty(sentence_systems()[system](text))
    rows = [("missed", a, b, text[a:b]) for a, b in sorted(g - p)]
    rows += [("spurious", a, b, text[a:b]) for a, b in sorted(p - g)]
    return pd.DataFrame(rows, columns=["kind", "start", "end", "text"]).sort_values(
        ["start", "kind"], ignore_index=True
    )


# --------------------------------------------------------------------------
# Display
# --------------------------------------------------------------------------


def format_scores(df: pd.DataFrame, title: str) -> str:
    """Render a score table as aligned plain text.

    Args:
        df (pd.DataFrame): Output of :func:`eval_tokens` or
            :func:`eval_sentences` (with or without ``by_half``).
        title (str): Heading printed above the table.

    Returns:
        str: The table, one line per system (and half), numbers right-aligned.
    """
    halves = "half" in df.columns
    headers = (["half"] if halves else []) + ["system", "P", "R", "F1", "gold", "pred", "correct"]
    rows = [
        ([str(r.half)] if halves else [])
        + [
            str(r.system),
            f"{r.precision:.2f}",
            f"{r.recall:.2f}",
            f"{r.f1:.2f}",
            str(r.gold),
            str(r.predicted),
            str(r.correct),
        ]
        for r in df.itertuples(index=False)
    ]
    widths = [max(len(x) for x in col) for col in zip(headers, *rows)]
    text_cols = 2 if halves else 1

    def line(cells: list[str]) -> str:
        first = [c.ljust(w) for c, w in zip(cells[:text_cols], widths[:text_cols])]
        rest = [c.rjust(w) for c, w in zip(cells[text_cols:], widths[text_cols:])]
        return "  ".join([*first, *rest])

    rule = "-" * len(line(headers))
    out = [title]
    if halves:
        out.append(
            f"split: blocks of {BLOCK_SENTENCES} sentences, named by their first sent_id, by sha256 "
            "(analysis.eval.scoring.split_half); tuned on tune, checked on check"
        )
    return "\n".join([*out, rule, line(headers), rule, *map(line, rows), rule])


def report(folder: str | Path | None = None) -> str:
    """Run the standard evaluations and return them as printable text.

    Tokens on UD French-GSD test and on the Est Républicain file; sentences
    on the Est Républicain file (GSD's sentences are shuffled).

    Args:
        folder (str | Path | None): Eval folder (default :func:`eval_dir`).

    Returns:
        str: The score tables, or a line saying which gold file is absent.
    """
    base = Path(folder) if folder is not None else eval_dir()
    runs = [
        (eval_tokens, GSD_TEST, "Tokens, UD French-GSD test (exact surface-token spans)"),
        (eval_tokens, ESTREP_DEV, "Tokens, UD French-Sequoia Est Républicain (annodis.er)"),
        (eval_sentences, ESTREP_DEV, "Sentences, UD French-Sequoia Est Républicain, running text"),
    ]
    parts = []
    for fn, rel, title in runs:
        path = base / rel
        if not path.exists():
            parts.append(f"{title}: skipped, {path} is absent")
            continue
        parts.append(format_scores(fn(path), title))
    return "\n\n".join(parts)
