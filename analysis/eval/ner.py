"""Evaluation of named-entity recognition: Sequoia's PARSEME entities and the HIPE-2022 French newspapers.

Gold data (``eval ner PATH`` reads either; the format is detected):

* **Sequoia** (``ner/sequoia-ne/sequoia-ud.parseme.frsemcor.dev``): CoNLL-U plus two columns,
  ``PARSEME:MWE`` (column 11) and ``FRSEMCOR:NOUN``. In column 11 an expression is opened on its first
  word by ``k:POS|TYPE|…`` and continued on its other words by ``k``; several expressions on one word
  are joined with ``;``. Named entities are the expressions whose type starts with ``NE-``; other
  multiword expressions are ignored. Each sentence's raw text is the ``# text =`` line; a gold entity
  spans from its first word's start to its last word's end. Labels: PERS→PER, ORG→ORG, LOC→LOC,
  PROD→MISC, EVE→MISC (:data:`LABEL_MAP`). Sequoia marks no document: a *document* is a block of 20
  consecutive source sentences, id ``"<source>#<rank // 20>"`` (``annodis.er_00014`` →
  ``annodis.er#0``), so that an article's sentences stay in one half and every genre is in both.
  Titles are outside a Sequoia person ("le président [Jean-Pierre Dupont]"): ours is scored on the
  name alone (``start``/``end``).
* **HIPE-2022** (``news/hipe-fr-plaintext/_src``, read by :mod:`analysis.eval.hipe`): one document per
  article or page, scored on PER/LOC/ORG. The impresso/HIPE guidelines put a title or form of
  address inside a person mention ("[M. Guizot]"): ours is scored from ``title_start``. Predicted
  character spans are mapped to the tokens they overlap, as a HIPE prediction file would be.

Scoring (the HIPE scorer's ``compute_metrics``, one document or sentence at a time, predictions in
text order): a prediction equal to a gold entity is correct; else one with the same extent and
another label is a *wrong label*; else the first not yet matched gold entity it overlaps is its
pair (*wrong extent*, or *wrong label and extent*); else it is *spurious*; unmatched gold entities
are *missed*. **exact** F1 counts only equal spans and labels; **overlap** F1 (the scorer's
``fuzzy``/``ent_type``) also counts a pair with the right label. Per-label rows: gold and correct
by the gold label, predicted by the predicted label. P/R/F1 come from
:func:`analysis.eval.scoring.prf`; the halves from :func:`analysis.eval.scoring.split_half`.

Systems in the same run: ``ours`` (:func:`analysis.people.entities.find_mentions`) and the model's raw
``doc.ents`` (``spaCy <model> (raw)``). Errors of every system go to a TSV (:func:`errors`).

The module only defines functions; the command line lives in :mod:`analysis.app.cli`.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import pandas as pd

from .conllu import ConlluError, conllu_blocks, locate_forms
from .hipe import HipeDoc, is_hipe, read_hipe_path
from .scoring import HALVES, prf, split_half, write_tsv

__all__ = [
    "COLUMNS",
    "ERROR_COLUMNS",
    "LABEL_MAP",
    "NerGoldError",
    "NerSentence",
    "SYSTEM_OURS",
    "VIEWS",
    "eval_ner",
    "format_scores",
    "match",
    "read_sequoia",
    "score",
    "sequoia_doc",
    "systems",
]

Span = tuple[int, int, str]

SYSTEM_OURS = "ours"
#: The raw model's system name (``{model}`` is the spaCy package).
SYSTEM_RAW = "spaCy {model} (raw)"
#: Kept for callers of the first version: the raw small model.
SYSTEM_SPACY = SYSTEM_RAW.format(model="fr_core_news_sm")

#: Sequoia NE types → our labels.
LABEL_MAP: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "PROD": "MISC", "EVE": "MISC"}
#: The views scored per dataset: name → labels kept (None: all).
VIEWS: dict[str, frozenset[str] | None] = {"all": None, "PER/LOC/ORG": frozenset({"PER", "LOC", "ORG"})}
HIPE_VIEWS: dict[str, frozenset[str] | None] = {"PER/LOC/ORG": frozenset({"PER", "LOC", "ORG"})}
SCHEMES = ("exact", "overlap")
#: Source sentences per Sequoia pseudo-document.
SEQUOIA_BLOCK = 20

COLUMNS = [
    "dataset",
    "half",
    "view",
    "system",
    "scheme",
    "label",
    "precision",
    "recall",
    "f1",
    "gold",
    "predicted",
    "correct",
]
ERROR_COLUMNS = [
    "dataset",
    "half",
    "doc_id",
    "system",
    "error",
    "start",
    "end",
    "text",
    "label",
    "gold_start",
    "gold_end",
    "gold_text",
    "gold_label",
    "context",
]

#: A PARSEME:MWE cell: ``*``/``_``, or ``;``-joined ``k`` (continued) and ``k:CAT|TYPE|…`` (opened).
_MWE_CELL = re.compile(r"[*_]|\d+(?::[^;]+)?(?:;\d+(?::[^;]+)?)*")
_SENT_ID = re.compile(r"^(?P<source>.+)_(?P<rank>\d+)$")

#: Shown with the scores.
MAPPING_NOTE = (
    "Sequoia: NE-PERS→PER, NE-ORG→ORG, NE-LOC→LOC, NE-PROD→MISC, NE-EVE→MISC, documents = "
    f"blocks of {SEQUOIA_BLOCK} source sentences, ours without titles; HIPE: pers→PER, loc→LOC, "
    "org→ORG (prod/time/HumanProd and predicted MISC out of view), ours with titles (HIPE "
    "guidelines); view 'PER/LOC/ORG' drops gold PROD/EVE and predicted MISC; exact = same span "
    "and label, overlap = one-to-one overlap with the same label (HIPE scorer 'fuzzy'); "
    "halves by sha256 of the document id"
)


class NerGoldError(ConlluError):
    """A file that is not Sequoia's PARSEME named-entity annotation (no column 11, no NE-… entity)."""


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
                raise NerGoldError(
                    f"{path}: sentence {sent_id!r}: malformed PARSEME:MWE value {cols[10]!r} in column 11"
                )
        out.append(_sentence(sent_id, text, rows))
    if not any(s.entities for s in out):
        raise NerGoldError(
            f"{path}: no named-entity annotation (NE-PERS, NE-ORG... in column 11): "
            "not Sequoia's PARSEME named entities"
        )
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


def sequoia_doc(sent_id: str) -> str:
    """The pseudo-document of a Sequoia sentence: ``"<source>#<rank // 20>"``.

    Args:
        sent_id (str): ``<source>_<NNNNN>`` (e.g. ``annodis.er_00014``).

    Returns:
        str: The block id (``annodis.er#0``); the sent_id itself when it has no rank.
    """
    m = _SENT_ID.match(sent_id)
    return f"{m.group('source')}#{int(m.group('rank')) // SEQUOIA_BLOCK}" if m else sent_id


# --------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------


@contextlib.contextmanager
def using_model(model: str | None) -> Iterator[None]:
    """Run the project with another spaCy package (:data:`analysis.text.nlp.MODEL`), restored after.

    Args:
        model (str | None): A spaCy package name; None keeps the project's.

    Yields:
        None
    """
    from analysis.text import nlp

    old = nlp.MODEL
    if model is None or model == old:
        yield
        return
    nlp.MODEL = model
    nlp.load.cache_clear()
    try:
        yield
    finally:
        nlp.MODEL = old
        nlp.load.cache_clear()


#: A system: text → ``(start, end, label, title_start)`` (``title_start == start`` without a title).
System = Callable[[str], list[tuple[int, int, str, int]]]


def _ours(text: str) -> list[tuple[int, int, str, int]]:
    from analysis.people.entities import find_mentions

    return [(m.start, m.end, m.label, m.title_start) for m in find_mentions(text)]


def _raw(text: str) -> list[tuple[int, int, str, int]]:
    from analysis.text.nlp import load

    return [(e.start_char, e.end_char, e.label_, e.start_char) for e in load()(text).ents]


def systems(*, model: str | None = None) -> dict[str, System]:
    """The NER systems compared, by name.

    Args:
        model (str | None): The spaCy package (default: the project's).

    Returns:
        dict[str, System]: ``ours`` and the raw model.
    """
    from analysis.text import nlp

    return {SYSTEM_OURS: _ours, SYSTEM_RAW.format(model=model or nlp.MODEL): _raw}


# --------------------------------------------------------------------------
# Matching and scoring
# --------------------------------------------------------------------------


@dataclass
class Counts:
    """Counts of one scheme, by label and ``overall``: ``[gold, predicted, correct]``."""

    by_label: dict[str, list[int]] = field(default_factory=dict)

    def add(self, label: str, slot: int) -> None:
        for key in (label, "overall"):
            self.by_label.setdefault(key, [0, 0, 0])[slot] += 1


def match(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[str, Span | None, Span | None]]:
    """Pair predictions with gold entities as the HIPE scorer does (spans: ``last`` inclusive or exclusive,
    the same for both).

    Args:
        gold (Sequence[Span]): Gold ``(start, end, label)``.
        predicted (Sequence[Span]): Predicted spans, matched in text order.

    Returns:
        list[tuple[str, Span | None, Span | None]]: ``(outcome, gold, predicted)`` with outcome
        ``correct``, ``wrong-label`` (same extent), ``wrong-extent`` (overlap, same label),
        ``wrong-label+extent``, ``spurious`` (gold None) or ``missed`` (predicted None).
    """
    gold = sorted(set(gold))
    exact = set(gold)
    used: set[Span] = set()
    out: list[tuple[str, Span | None, Span | None]] = []
    for p in sorted(set(predicted)):
        if p in exact:
            used.add(p)
            out.append(("correct", p, p))
            continue
        pair = next((g for g in gold if g[:2] == p[:2] and g not in used), None)
        if pair is None:
            pair = next((g for g in gold if g[0] < p[1] and p[0] < g[1] and g not in used and g not in predicted), None)
        if pair is None:
            out.append(("spurious", None, p))
            continue
        used.add(pair)
        kind = "wrong-label" if pair[:2] == p[:2] else "wrong-extent" if pair[2] == p[2] else "wrong-label+extent"
        out.append((kind, pair, p))
    out += [("missed", g, None) for g in gold if g not in used]
    return out


def _tally(pairs: list[tuple[str, Span | None, Span | None]], counts: dict[str, Counts]) -> None:
    for outcome, g, p in pairs:
        for scheme in SCHEMES:
            if g is not None:
                counts[scheme].add(g[2], 0)
            if p is not None:
                counts[scheme].add(p[2], 1)
        if outcome == "correct":
            counts["exact"].add(p[2], 2)  # type: ignore[index]
        if outcome in ("correct", "wrong-extent"):
            counts["overlap"].add(p[2], 2)  # type: ignore[index]


def _rows(counts: dict[str, Counts], **keys: str) -> list[dict[str, Any]]:
    rows = []
    for scheme in SCHEMES:
        by = counts[scheme].by_label
        for lab in sorted(k for k in by if k != "overall") + ["overall"]:
            n_gold, n_pred, n_ok = by.get(lab, [0, 0, 0])
            p, r, f = prf(correct=n_ok, gold=n_gold, predicted=n_pred)
            rows.append(
                {
                    **keys,
                    "scheme": scheme,
                    "label": lab,
                    "precision": round(p, 2),
                    "recall": round(r, 2),
                    "f1": round(f, 2),
                    "gold": n_gold,
                    "predicted": n_pred,
                    "correct": n_ok,
                }
            )
    return rows


def score(
    gold: Sequence[Sequence[Span]],
    predicted: Sequence[Sequence[Span]],
    *,
    system: str,
    views: dict[str, frozenset[str] | None] = VIEWS,
) -> pd.DataFrame:
    """Exact and overlap scores, per label and overall, in each view (one list of spans per unit).

    Args:
        gold (Sequence[Sequence[Span]]): Gold spans per sentence or document.
        predicted (Sequence[Sequence[Span]]): Predicted spans per sentence or document.
        system (str): System name for the ``system`` column.
        views (dict[str, frozenset[str] | None]): Views scored.

    Returns:
        pandas.DataFrame: Columns ``view, system, scheme, label, precision, recall, f1, gold, predicted,
        correct``.
    """
    rows = []
    for view, keep in views.items():
        counts = {s: Counts() for s in SCHEMES}
        for g, p in zip(gold, predicted):
            _tally(
                match([s for s in g if keep is None or s[2] in keep], [s for s in p if keep is None or s[2] in keep]),
                counts,
            )
        rows += _rows(counts, view=view, system=system)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# Units: Sequoia sentences and HIPE documents on one footing
# --------------------------------------------------------------------------


@dataclass
class Unit:
    """What a system reads and is scored on: a Sequoia sentence or a HIPE document."""

    doc_id: str
    text: str
    gold: list[Span]
    to_gold_space: Callable[[Span], Span | None]
    with_title: bool


def _sequoia_units(path: Path) -> list[Unit]:
    return [Unit(sequoia_doc(s.sent_id), s.text, list(s.entities), lambda sp: sp, False) for s in read_sequoia(path)]


def _hipe_units(docs: list[HipeDoc]) -> list[Unit]:
    units = []
    for d in docs:
        starts = [a for a, _ in d.tokens]

        def to_tokens(sp: Span, d: HipeDoc = d, starts: list[int] = starts) -> Span | None:
            # tokens overlapping [start, end): scan from the last token starting before `start`
            k = max(bisect.bisect_right(starts, sp[0]) - 1, 0)
            first = last = None
            while k < len(d.tokens) and (d.tokens[k][0] < sp[1] or d.tokens[k][0] < 0):
                a, b = d.tokens[k]
                if a >= 0 and b > sp[0]:
                    first = k if first is None else first
                    last = k
                k += 1
            return None if first is None else (first, last + 1, sp[2])  # type: ignore[operator]

        gold = [(a, b + 1, lab) for a, b, lab in d.entities]
        units.append(Unit(d.key, d.text, gold, to_tokens, True))
    return units


def _char_span(unit: Unit, span: Span, hipe: dict[str, HipeDoc]) -> tuple[int, int]:
    if not unit.with_title:
        return span[0], span[1]
    return hipe[unit.doc_id].char_span(span[0], span[1] - 1)


def eval_ner(
    path: str | Path,
    *,
    names: Sequence[str] | None = None,
    model: str | None = None,
    errors_path: str | Path | None = None,
) -> pd.DataFrame:
    """Score each NER system on Sequoia or HIPE-2022 gold, by half (tune, check, all).

    Args:
        path (str | Path): A Sequoia PARSEME file, or a HIPE TSV file or folder (detected).
        names (Sequence[str] | None): Systems to run (default: all of :func:`systems`).
        model (str | None): spaCy package for both systems (default: the project's).
        errors_path (str | Path | None): Write every system's errors there (:data:`ERROR_COLUMNS`).

    Returns:
        pandas.DataFrame: Columns :data:`COLUMNS`; ``attrs``: ``documents`` (per half), ``unannotated``
        (HIPE documents without any PER/LOC/ORG gold), ``errors_path``.

    Raises:
        NerGoldError: Not Sequoia NER gold.
        analysis.eval.hipe.HipeGoldError: A bad HIPE file.
    """
    path = Path(path)
    hipe: dict[str, HipeDoc] = {}
    if is_hipe(path):
        docs = read_hipe_path(path)
        hipe = {d.key: d for d in docs}
        units, dataset, views = _hipe_units(docs), "HIPE-2022", HIPE_VIEWS
    else:
        units, dataset, views = _sequoia_units(path), "Sequoia", VIEWS
    half = {u.doc_id: split_half(u.doc_id) for u in units}
    frames, errs = [], []
    with using_model(model):
        for name, run in systems(model=model).items():
            if names is not None and name not in names:
                continue
            pred = []
            for u in units:
                spans = [(t if u.with_title else a, b, lab) for a, b, lab, t in run(u.text)]
                pred.append([s for s in map(u.to_gold_space, spans) if s is not None])
            for h in HALVES:
                idx = [i for i, u in enumerate(units) if h == "all" or half[u.doc_id] == h]
                part = score([units[i].gold for i in idx], [pred[i] for i in idx], system=name, views=views)
                frames.append(part.assign(dataset=dataset, half=h))
            if errors_path is not None:
                errs += _errors(
                    units,
                    pred,
                    hipe,
                    dataset=dataset,
                    system=name,
                    half=half,
                    keep=next(iter(views.values())) if dataset != "Sequoia" else None,
                )
    out = pd.concat(frames, ignore_index=True)[COLUMNS]
    out.attrs["documents"] = {h: sum(1 for u in units if h == "all" or half[u.doc_id] == h) for h in HALVES}
    out.attrs["unannotated"] = sum(1 for u in units if not any(lab != "OTHER" for *_, lab in u.gold)) if hipe else 0
    if errors_path is not None:
        out.attrs["errors_path"] = str(write_tsv(pd.DataFrame(errs, columns=ERROR_COLUMNS), errors_path))
    return out


def _errors(
    units: list[Unit],
    pred: list[list[Span]],
    hipe: dict[str, HipeDoc],
    *,
    dataset: str,
    system: str,
    half: dict[str, str],
    keep: frozenset[str] | None,
) -> list[tuple[Any, ...]]:
    """Every item not exactly right: one row per missed, spurious or paired-but-wrong item."""
    rows = []
    for u, p in zip(units, pred):
        g = [s for s in u.gold if keep is None or s[2] in keep]
        p = [s for s in p if keep is None or s[2] in keep]
        for outcome, gs, ps in match(g, p):
            if outcome == "correct":
                continue
            a, b = _char_span(u, ps, hipe) if ps else (-1, -1)
            ga, gb = _char_span(u, gs, hipe) if gs else (-1, -1)
            lo, hi = min(x for x in (a, ga) if x >= 0), max(b, gb)
            context = u.text[max(0, lo - 40) : hi + 40].replace("\n", "⏎").replace("\t", " ")
            rows.append(
                (
                    dataset,
                    half[u.doc_id],
                    u.doc_id,
                    system,
                    outcome,
                    a,
                    b,
                    u.text[a:b] if ps else "",
                    ps[2] if ps else "",
                    ga,
                    gb,
                    u.text[ga:gb] if gs else "",
                    gs[2] if gs else "",
                    context,
                )
            )
    return rows


def format_scores(df: pd.DataFrame, *, title: str) -> str:
    """Render NER scores as aligned plain text: per view, F1 by system and label, exact and overlap, by half.

    Args:
        df (pandas.DataFrame): Output of :func:`eval_ner`.
        title (str): Heading.

    Returns:
        str: The report.
    """
    out = [title, MAPPING_NOTE]
    docs = df.attrs.get("documents")
    if docs:
        out.append(
            "documents: "
            + ", ".join(f"{h} {n}" for h, n in docs.items())
            + (
                f"; {df.attrs['unannotated']} without any PER/LOC/ORG gold (every prediction there is spurious)"
                if df.attrs.get("unannotated")
                else ""
            )
        )
    cols = [(h, s) for h in HALVES for s in SCHEMES]
    headers = ["system", "label", *[f"{h} {s}" for h, s in cols], "gold tune/check"]
    for view, part in df.groupby("view", sort=False):
        table = part.pivot_table(index=["system", "label"], columns=["half", "scheme"], values="f1", sort=False)
        gold = part[part["scheme"] == "exact"].pivot_table(
            index=["system", "label"], columns="half", values="gold", sort=False
        )

        def cell(frame: pd.DataFrame, row: tuple, col: object) -> float:
            """One value of a pivot, NaN where a half holds no document or no entity of this label."""
            return float(frame.loc[row, col]) if col in frame.columns and row in frame.index else float("nan")

        def count(value: float) -> str:
            return "0" if pd.isna(value) else str(int(value))

        rows = [
            [
                str(sys_),
                str(lab),
                *["–" if pd.isna(f1 := cell(table, (sys_, lab), c)) else f"{f1:.2f}" for c in cols],
                f"{count(cell(gold, (sys_, lab), 'tune'))}/{count(cell(gold, (sys_, lab), 'check'))}",
            ]
            for sys_, lab in table.index
        ]
        widths = [max(len(x) for x in col) for col in zip(headers, *rows)]

        def line(cells: list[str]) -> str:
            return "  ".join(
                [
                    cells[0].ljust(widths[0]),
                    cells[1].ljust(widths[1]),
                    *[c.rjust(w) for c, w in zip(cells[2:], widths[2:])],
                ]
            )

        rule = "-" * len(line(headers))
        out += ["", f"{part['dataset'].iloc[0]}, view: {view} (F1)", rule, line(headers), rule, *map(line, rows), rule]
    if df.attrs.get("errors_path"):
        out.append(f"errors (missed, spurious, wrong label or extent, every system): {df.attrs['errors_path']}")
    return "\n".join(out)
