"""Evaluation of named-entity recognition against Sequoia's PARSEME named entities.

Gold data: the Deep Sequoia corpus in the PSTAL edition
(``ner/sequoia-ne/sequoia-ud.parseme.frsemcor.dev``): CoNLL-U plus two columns,
``PARSEME:MWE`` (column 11) and ``FRSEMCOR:NOUN``. In column 11 an expression
is opened on its first word by ``k:POS|TYPE|…`` and continued on its other
words by ``k``; several expressions on one word are joined with ``;``. Named
entities are the expressions whose type starts with ``NE-`` (``NE-PERS``,
``NE-ORG``, ``NE-LOC``, ``NE-PROD``, ``NE-EVE``); other multiword expressions
are ignored.

Each sentence's raw text is the ``# text =`` line; gold words are located in it
through the surface tokens (a word inside a ``n-m`` range token such as "au"
takes the range's span), and a gold entity spans from its first word's start
to its last word's end.

Labels are mapped to spaCy's WikiNER set (:data:`LABEL_MAP`): PERS→PER,
ORG→ORG, LOC→LOC, PROD→MISC, EVE→MISC. Two views are scored:

* ``all``: every gold entity, with the mapping above;
* ``PER/LOC/ORG``: gold PROD/EVE entities and predicted MISC mentions removed
  (MISC in WikiNER and PROD/EVE in Sequoia are not the same class, so this
  view compares what both schemes mean the same way).

A prediction is correct when its span AND its label equal a gold entity's
(exact match). Per-label rows use the predicted/gold label; ``overall`` pools
all labels of the view.

Systems compared in the same run: ``ours`` (:func:`analysis.entities.find_mentions`)
and ``spaCy fr_core_news_sm (raw)`` (the model's ``doc.ents`` on the text as is).

The module only defines functions; the command line lives in ``__main__``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from .conllu import ConlluError, conllu_blocks, locate_forms
from .scoring import prf

Span = tuple[int, int, str]

SYSTEM_OURS = "ours"
SYSTEM_SPACY = "spaCy fr_core_news_sm (raw)"

#: Sequoia NE types → our labels.
LABEL_MAP: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "PROD": "MISC", "EVE": "MISC"}
#: The views scored: name → labels kept (None: all).
VIEWS: dict[str, frozenset[str] | None] = {"all": None, "PER/LOC/ORG": frozenset({"PER", "LOC", "ORG"})}

COLUMNS = ["view", "system", "label", "precision", "recall", "f1", "gold", "predicted", "correct"]

#: A PARSEME:MWE cell: ``*``/``_``, or ``;``-joined ``k`` (continued) and ``k:CAT|TYPE|…`` (opened).
_MWE_CELL = re.compile(r"[*_]|\d+(?::[^;]+)?(?:;\d+(?::[^;]+)?)*")


class NerGoldError(ConlluError):
    """A file that is not Sequoia's PARSEME named-entity annotation (no column 11, no NE-… entity)."""

#: Shown with the scores.
MAPPING_NOTE = ("labels: Sequoia NE-PERS→PER, NE-ORG→ORG, NE-LOC→LOC, NE-PROD→MISC, NE-EVE→MISC; "
                "view 'PER/LOC/ORG' drops gold PROD/EVE and predicted MISC; exact span + label match")


@dataclass
class NerSentence:
    """One gold sentence.

    Attributes:
        sent_id (str): The ``# sent_id`` value.
        text (str): The ``# text =`` string.
        entities (list[Span]): Gold ``(start, end, label)`` in ``text``, label mapped.
    """

    sent_id: str
    text: str
    entities: list[Span] = field(default_factory=list)


def _sentence(sent_id: str, text: str, lines: list[list[str]]) -> NerSentence:
    """Build one gold sentence from its token lines.

    Args:
        sent_id (str): Sentence id.
        text (str): Sentence text.
        lines (list[list[str]]): Token lines split on tabs.

    Returns:
        NerSentence: With entity spans in ``text``.
    """
    surface: list[str] = []
    word_surface: dict[int, int] = {}
    covered_to = 0
    for cols in lines:
        ident = cols[0]
        if "." in ident:
            continue
        if "-" in ident:
            lo, hi = (int(x) for x in ident.split("-"))
            for w in range(lo, hi + 1):
                word_surface[w] = len(surface)
            surface.append(cols[1])
            covered_to = hi
        elif int(ident) > covered_to:
            word_surface[int(ident)] = len(surface)
            surface.append(cols[1])
    if not text:
        text = " ".join(surface)
    spans = locate_forms(text, surface)
    words: dict[str, list[int]] = {}
    types: dict[str, str] = {}
    for cols in lines:
        ident = cols[0]
        if "-" in ident or "." in ident or len(cols) < 11 or cols[10] in ("*", "_"):
            continue
        for item in cols[10].split(";"):
            key, _, info = item.partition(":")
            words.setdefault(key, []).append(int(ident))
            kind = info.split("|")[1] if info.count("|") >= 1 else ""
            if kind.startswith("NE-"):
                types[key] = kind[3:].split(".")[0]
    ents = []
    for key, ne_type in types.items():
        label = LABEL_MAP.get(ne_type)
        ws = words[key]
        if label is None or any(w not in word_surface for w in ws):
            continue
        start = spans[word_surface[min(ws)]][0]
        end = spans[word_surface[max(ws)]][1]
        ents.append((start, end, label))
    return NerSentence(sent_id=sent_id, text=text, entities=sorted(set(ents)))


def read_sequoia(path: str | Path) -> list[NerSentence]:
    """Read a Sequoia PARSEME file into sentences with gold entity spans.

    Args:
        path (str | Path): The ``.parseme.frsemcor`` file.

    Returns:
        list[NerSentence]: Sentences in file order.

    Raises:
        NerGoldError: The file is not CoNLL-U (see :func:`analysis.evaluate.conllu_blocks`), has no
            PARSEME:MWE column 11, a malformed value in it, or no named-entity annotation at all.
    """
    out = []
    for sent_id, text, lines in _blocks(path):
        rows = [line.split("\t") for line in lines]
        for cols in rows:
            if not _MWE_CELL.fullmatch(cols[10]):
                raise NerGoldError(f"{path}: sentence {sent_id!r}: malformed PARSEME:MWE value {cols[10]!r} "
                                   "in column 11")
        out.append(_sentence(sent_id, text, rows))
    if not any(s.entities for s in out):
        raise NerGoldError(f"{path}: no named-entity annotation (NE-PERS, NE-ORG... in column 11): "
                           "not Sequoia's PARSEME named entities")
    return out


def _blocks(path: str | Path):
    """:func:`analysis.evaluate.conllu_blocks` with column 11 required, its errors as :class:`NerGoldError`."""
    try:
        yield from conllu_blocks(path, min_columns=11)
    except NerGoldError:
        raise
    except ConlluError as exc:
        message = str(exc)
        if "column(s), expected 11" in message:
            message += "; NER gold needs the PARSEME:MWE column 11 (Sequoia's .parseme.frsemcor file)"
        raise NerGoldError(message) from None


# --------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------


def _ours() -> Callable[[str], list[Span]]:
    from analysis.people.entities import find_mentions

    def run(text: str) -> list[Span]:
        return [(m.start, m.end, m.label) for m in find_mentions(text)]

    return run


def _raw_spacy() -> Callable[[str], list[Span]]:
    from analysis.text.nlp import load

    nlp = load()

    def run(text: str) -> list[Span]:
        return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]

    return run


def systems() -> dict[str, Callable[[str], list[Span]]]:
    """The NER systems compared, by label.

    Returns:
        dict[str, Callable[[str], list[Span]]]: text → ``(start, end, label)`` spans.
    """
    return {SYSTEM_OURS: _ours(), SYSTEM_SPACY: _raw_spacy()}


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def _prf(correct: int, gold: int, predicted: int) -> tuple[float, float, float]:
    """P, R, F1 (:func:`analysis.eval.scoring.prf`) rounded to 2 decimals."""
    p, r, f = prf(correct=correct, gold=gold, predicted=predicted)
    return round(p, 2), round(r, 2), round(f, 2)

def score(gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]], *,
          system: str) -> pd.DataFrame:
    """Exact-match scores, per label and overall, in each view.

    Args:
        gold (Sequence[Sequence[Span]]): Gold spans per sentence.
        predicted (Sequence[Sequence[Span]]): Predicted spans per sentence.
        system (str): System label for the ``system`` column.

    Returns:
        pandas.DataFrame: Columns :data:`COLUMNS`.
    """
    rows = []
    for view, keep in VIEWS.items():
        counts: dict[str, list[int]] = {}
        for g_sent, p_sent in zip(gold, predicted):
            g = {s for s in g_sent if keep is None or s[2] in keep}
            p = {s for s in p_sent if keep is None or s[2] in keep}
            for label_set, key in ((g, 0), (p, 1), (g & p, 2)):
                for s in label_set:
                    for lab in (s[2], "overall"):
                        counts.setdefault(lab, [0, 0, 0])[key] += 1
        order = sorted(k for k in counts if k != "overall") + ["overall"]
        for lab in order:
            n_gold, n_pred, n_ok = counts.get(lab, [0, 0, 0])
            rows.append({"view": view, "system": system, "label": lab,
                         **dict(zip(("precision", "recall", "f1"), _prf(n_ok, n_gold, n_pred))),
                         "gold": n_gold, "predicted": n_pred, "correct": n_ok})
    return pd.DataFrame(rows, columns=COLUMNS)


def eval_ner(path: str | Path, *, names: Sequence[str] | None = None) -> pd.DataFrame:
    """Score each NER system on a Sequoia PARSEME file.

    Args:
        path (str | Path): The gold file.
        names (Sequence[str] | None): Systems to run (default: all of :func:`systems`).

    Returns:
        pandas.DataFrame: Columns :data:`COLUMNS`, one row per view, system
        and label (plus ``overall``).
    """
    gold = read_sequoia(path)
    frames = []
    for name, run in systems().items():
        if names is not None and name not in names:
            continue
        frames.append(score([s.entities for s in gold], [run(s.text) for s in gold], system=name))
    return pd.concat(frames, ignore_index=True)


def ner_errors(path: str | Path, *, system: str = SYSTEM_OURS) -> pd.DataFrame:
    """Gold entities missed and predictions not in gold (all-labels view).

    Args:
        path (str | Path): The gold file.
        system (str): System label.

    Returns:
        pandas.DataFrame: Columns ``sent_id, kind (missed/spurious), start, end, text, label``.
    """
    run = systems()[system]
    rows = []
    for sent in read_sequoia(path):
        g, p = set(sent.entities), set(run(sent.text))
        rows += [(sent.sent_id, "missed", a, b, sent.text[a:b], lab) for a, b, lab in sorted(g - p)]
        rows += [(sent.sent_id, "spurious", a, b, sent.text[a:b], lab) for a, b, lab in sorted(p - g)]
    return pd.DataFrame(rows, columns=["sent_id", "kind", "start", "end", "text", "label"])


def format_scores(df: pd.DataFrame, *, title: str) -> str:
    """Render NER scores as aligned plain text, one block per view.

    Args:
        df (pandas.DataFrame): Output of :func:`eval_ner`.
        title (str): Heading.

    Returns:
        str: The report.
    """
    headers = ["system", "label", "P", "R", "F1", "gold", "pred", "correct"]
    out = [title, MAPPING_NOTE]
    for view, part in df.groupby("view", sort=False):
        rows = [[str(r.system), str(r.label), f"{r.precision:.2f}", f"{r.recall:.2f}", f"{r.f1:.2f}",
                 str(r.gold), str(r.predicted), str(r.correct)] for r in part.itertuples(index=False)]
        widths = [max(len(x) for x in col) for col in zip(headers, *rows)]

        def line(cells: list[str]) -> str:
            return "  ".join([cells[0].ljust(widths[0]), cells[1].ljust(widths[1]),
                              *[c.rjust(w) for c, w in zip(cells[2:], widths[2:])]])

        rule = "-" * len(line(headers))
        out += ["", f"view: {view}", rule, line(headers), rule, *map(line, rows), rule]
    return "\n".join(out)
