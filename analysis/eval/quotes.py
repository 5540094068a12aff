"""Evaluation of quotes, speakers, gender and claim status against the project's quote gold.

Gold data: ``data/annotations/quotes/`` (GUIDE.md is the reference for every field): 32 French
Wikinews articles (CC BY 2.5) annotated by hand with every attribution (direct, indirect, mixed,
according-to), its content, speaker, resolution, medium and gender from the text
(``attributions.jsonl``), and the status of every sentence or clause (``claims.jsonl``). The pages
are read with the project's reader from ``data/wikinews-fr-100`` (the same bytes as the corpus the
annotations were made on); trafilatura keeps only the ``body`` zone, so only body rows are scored.
``trafilatura_offsets.jsonl`` (written by ``validate.py --export-trafilatura``) gives every body span
in the reader's text; each span is checked against the anchor text before scoring, so a reader that
changes the text is an error, never a silent mismatch.

What is scored (README.md of the gold, "Using the gold"), on each half of the fixed split
(:func:`analysis.eval.scoring.split_half` on the document id) and on both:

* ``detection``: an attribution is found when a system row's span overlaps a gold content by at
  least half of the shorter of the two; pairs are made one to one, best overlap first, in the same
  document. Recall is over top-level gold attributions (``nested_in == ""``); a system row paired
  with a nested gold attribution is neither correct nor spurious (reported apart as ``nested``).
  Broken down by gold ``kind`` (recall) and by continuation quotes (``cue_text == ""``).
* ``speaker``: accuracy over the top-level attributions found: right when the canonical
  ``speaker`` equals the gold ``speaker`` or one of its aliases (case-insensitive, a leading article
  or title ignored); for a gold source the text never names (``speaker == ""``), right when the
  system names nobody either and, for a pronoun or role mention, its speaker span overlaps the gold
  source's noun phrase. Broken down by gold ``resolution``.
* ``attribution``: end to end, an attribution found with the right speaker; P/R/F1.
* ``medium``: over the attributions found, the channel or addressee (GUIDE 3.5, A5): P/R/F1 of the
  system's ``medium`` text against the gold's (normalised, case-insensitive; right only when equal);
  not scored for a system without a ``medium`` column.
* ``gender``: accuracy over the found attributions whose gold source is a named person
  (``unknown`` is a value to predict); a system without a ``gender`` column says ``unknown``.
* ``claims``: each gold claim row is paired with the system claim row that overlaps it most;
  accuracy of ``status`` by gold class (and P/R/F1 of each class).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .conllu import GoldDataError
from .scoring import HALVES, prf, split_half, write_tsv

__all__ = ["COLUMNS", "QuoteGoldError", "evaluate", "format_scores", "load_gold", "normalise", "speaker_key"]

COLUMNS = ["half", "measure", "label", "precision", "recall", "f1", "accuracy", "gold", "predicted", "correct"]
#: Files of the gold folder.
GOLD_FILES = ("attributions.jsonl", "claims.jsonl", "trafilatura_offsets.jsonl")
_TITLES = re.compile(r"^(?:(?:m\.|mme|mlle|mm\.|dr|me|le|la|les|l'|the)\s*)+", re.I)
CLAIM_STATUSES = ("asserted", "attributed", "conditional", "hypothetical", "denied")
#: Breakdowns, in print order (GUIDE 3.1, 3.4, 4.3, 5).
KIND_LABELS = ("direct", "indirect", "mixed", "according-to", "continuation")
RESOLUTIONS = ("name", "pronoun", "role", "previous", "none")
GENDERS = ("f", "m", "unknown")


class QuoteGoldError(GoldDataError):
    """A folder that is not the quote gold (a file missing, a malformed line, a span off the text)."""


@dataclass
class GoldDocument:
    """The body attributions and claim rows of one article, with offsets in the reader's text."""

    doc_id: str
    text: str
    article: Any = None
    attributions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)


def normalise(text: str) -> str:
    """The gold's normalisation (GUIDE 1): soft hyphens out, every white space one space, stripped."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def speaker_key(name: str) -> str:
    """A speaker name compared case-insensitively, without a leading article or title."""
    s = normalise(name).replace("’", "'").lower()
    return _TITLES.sub("", s).strip()


def _jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QuoteGoldError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuoteGoldError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or "id" not in row or "doc_id" not in row:
            raise QuoteGoldError(f"{path}:{n}: not a gold row (no id or doc_id)")
        rows.append(row)
    return rows


def load_gold(folder: str | Path, *, pages: str | Path | None = None) -> list[GoldDocument]:
    """Read the quote gold and the pages it was annotated on, with every body span in the reader's text.

    Args:
        folder (str | Path): The gold folder (``data/annotations/quotes``).
        pages (str | Path | None): The HTML pages (default: ``data/wikinews-fr-100``).

    Returns:
        list[GoldDocument]: One per annotated article, in doc-id order.

    Raises:
        QuoteGoldError: A file is missing or malformed, a page is missing, or a span does not
            match the reader's text.
    """
    from ..paths import DEMO_CORPUS
    from ..reading.article import load_article

    folder = Path(folder)
    if not folder.is_dir():
        raise QuoteGoldError(f"{folder}: not a folder (expected the quote gold, data/annotations/quotes)")
    missing = [f for f in GOLD_FILES if not (folder / f).is_file()]
    if missing:
        raise QuoteGoldError(f"{folder}: not the quote gold (no {', '.join(missing)})")
    attrs, claims, offsets = (_jsonl(folder / f) for f in GOLD_FILES)
    where = {r["id"]: r for r in offsets}
    pages = Path(pages) if pages is not None else DEMO_CORPUS
    docs: dict[str, GoldDocument] = {}
    for doc_id in sorted({r["doc_id"] for r in attrs} | {r["doc_id"] for r in claims}):
        page = pages / f"{doc_id}.html"
        if not page.is_file():
            raise QuoteGoldError(f"{page}: page of gold document {doc_id} not found")
        article = dataclasses.replace(load_article(page), doc_id=doc_id)
        docs[doc_id] = GoldDocument(doc_id, article.text, article)
    for a in attrs:
        if a.get("zone") != "body":
            continue
        off = where.get(a["id"])
        if off is None:
            raise QuoteGoldError(f"{folder}: attribution {a['id']} has no offsets in trafilatura_offsets.jsonl")
        doc = docs[a["doc_id"]]
        row = dict(a)
        for p, key in (
            ("content", "content_text"),
            ("speaker", "speaker_text"),
            ("speaker_full", "speaker_full_text"),
            ("medium", "medium"),
            ("gender_cue", "gender_cue"),
            ("cue", "cue_text"),
        ):
            s, e = off.get(f"{p}_start"), off.get(f"{p}_end")
            if s is not None and normalise(doc.text[s:e]) != normalise(a[key]):
                raise QuoteGoldError(
                    f"{folder}: {a['id']} {p} does not match the page's text at {s}:{e} "
                    "(the reader's text changed; re-run validate.py --export-trafilatura)"
                )
            row[f"{p}_start"], row[f"{p}_end"] = s, e
        if row["content_start"] is None:
            raise QuoteGoldError(f"{folder}: attribution {a['id']} has no content offsets")
        doc.attributions.append(row)
    for c in claims:
        if c.get("zone") != "body":
            continue
        off = where.get(c["id"])
        if off is None:
            raise QuoteGoldError(f"{folder}: claim row {c['id']} has no offsets in trafilatura_offsets.jsonl")
        doc = docs[c["doc_id"]]
        if normalise(doc.text[off["start"] : off["end"]]) != normalise(c["text"]):
            raise QuoteGoldError(f"{folder}: claim row {c['id']} does not match the page's text")
        doc.claims.append({**c, "start": off["start"], "end": off["end"]})
    return list(docs.values())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one pairs (gold index → system index) by overlap, best first (README of the gold).

    A pair needs an overlap of at least half of the shorter span.
    """
    cands = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = _overlap(g, s)
            if ov and 2 * ov >= min(g[1] - g[0], s[1] - s[0]):
                cands.append((-ov, i, j))
    cands.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in cands:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def speaker_right(g: dict[str, Any], s: dict[str, Any]) -> bool:
    """Whether a system row gives the gold attribution's speaker (module docstring)."""
    if g["speaker"]:
        names = {g["speaker"], *g.get("speaker_aliases", []), *g["speaker"].split(" ; ")}
        return speaker_key(str(s.get("speaker", ""))) in {speaker_key(n) for n in names}
    if bool(s.get("named")):
        return False
    if g["resolution"] in ("previous", "none") or g.get("speaker_full_start") is None:
        return True
    ss, se = s.get("speaker_start", -1), s.get("speaker_end", -1)
    return ss is not None and ss >= 0 and _overlap((g["speaker_full_start"], g["speaker_full_end"]), (ss, se)) > 0


def _system_rows(article: Any) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    from ..people import quotes as q

    found = q.quotes(article)
    claims = q.claims(article, quotes_df=found) if hasattr(q, "claims") else None
    return found, claims


def _score_half(
    docs: list[GoldDocument], system: dict[str, tuple[pd.DataFrame, pd.DataFrame | None]], half: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, errs = [], []
    n_gold = n_pred = n_found = n_right = n_nested = 0
    kinds: dict[str, list[int]] = {k: [0, 0] for k in KIND_LABELS}
    resolutions: dict[str, list[int]] = {k: [0, 0] for k in RESOLUTIONS}
    genders: dict[str, list[int]] = {k: [0, 0] for k in GENDERS}
    claim_counts: dict[str, list[int]] = {c: [0, 0, 0] for c in CLAIM_STATUSES}  # gold, predicted, correct
    n_claims = n_claims_right = 0
    media = [0, 0, 0]  # found attributions with a gold medium, with a system medium, with the same one
    has_medium = False
    has_claims = False
    for doc in docs:
        found, claims = system[doc.doc_id]
        srecs = found.to_dict("records")
        has_medium = has_medium or "medium" in found.columns
        gold = doc.attributions
        pairs = pair([(g["content_start"], g["content_end"]) for g in gold], [(r["start"], r["end"]) for r in srecs])
        paired_sys = {j: i for i, j in pairs.items()}
        for i, g in enumerate(gold):
            top = not g.get("nested_in")
            if not top:
                continue
            n_gold += 1
            label = "continuation" if not g.get("cue_text") else g["kind"]
            k = kinds[label]
            k[0] += 1
            res = resolutions[g["resolution"]]
            base = {
                "half": half,
                "doc_id": doc.doc_id,
                "gold_id": g["id"],
                "kind": g["kind"],
                "gold_text": g["content_text"][:200],
            }
            if i not in pairs:
                errs.append(
                    {**base, "error": "missed", "gold_value": g["speaker"], "system_value": "", "system_text": ""}
                )
                continue
            s = srecs[pairs[i]]
            n_found += 1
            k[1] += 1
            res[0] += 1
            sys_text = text_of(doc.text, s["start"], s["end"])[:200]
            if speaker_right(g, s):
                n_right += 1
                res[1] += 1
            else:
                errs.append(
                    {
                        **base,
                        "error": "wrong speaker",
                        "gold_value": g["speaker"] or g["speaker_full_text"],
                        "system_value": f"{s.get('speaker', '')} [{s.get('resolution', '')}]",
                        "system_text": sys_text,
                    }
                )
            gm, sm = normalise(g.get("medium") or "").lower(), normalise(str(s.get("medium", "") or "")).lower()
            media[0] += bool(gm)
            media[1] += bool(sm)
            media[2] += bool(gm) and gm == sm
            if gm != sm and "medium" in s:
                errs.append(
                    {**base, "error": "wrong medium", "gold_value": gm, "system_value": sm, "system_text": sys_text}
                )
            if g["source_type"] == "person" and g["named"]:
                sg = str(s.get("gender", "unknown") or "unknown")
                gd = genders[g["gender"]]
                gd[0] += 1
                if sg == g["gender"]:
                    gd[1] += 1
                else:
                    errs.append(
                        {
                            **base,
                            "error": "wrong gender",
                            "gold_value": g["gender"],
                            "system_value": sg,
                            "system_text": sys_text,
                        }
                    )
        for j, s in enumerate(srecs):
            if j in paired_sys and gold[paired_sys[j]].get("nested_in"):
                n_nested += 1
                continue
            n_pred += 1
            if j not in paired_sys:
                errs.append(
                    {
                        "half": half,
                        "doc_id": doc.doc_id,
                        "gold_id": "",
                        "kind": s["kind"],
                        "gold_text": "",
                        "error": "spurious",
                        "gold_value": "",
                        "system_value": s.get("speaker", ""),
                        "system_text": text_of(doc.text, s["start"], s["end"])[:200],
                    }
                )
        if claims is not None:
            has_claims = True
            crecs = claims.to_dict("records")
            for c in doc.claims:
                best, best_ov = None, 0
                for r in crecs:
                    ov = _overlap((c["start"], c["end"]), (r["start"], r["end"]))
                    if ov > best_ov:
                        best, best_ov = r, ov
                predicted = best["status"] if best is not None else ""
                n_claims += 1
                claim_counts[c["status"]][0] += 1
                if predicted in claim_counts:
                    claim_counts[predicted][1] += 1
                if predicted == c["status"]:
                    n_claims_right += 1
                    claim_counts[c["status"]][2] += 1
                else:
                    errs.append(
                        {
                            "half": half,
                            "doc_id": doc.doc_id,
                            "gold_id": c["id"],
                            "kind": "claim",
                            "gold_text": c["text"][:200],
                            "error": "wrong status",
                            "gold_value": c["status"],
                            "system_value": predicted,
                            "system_text": best["text"][:200] if best else "",
                        }
                    )
    p, r, f = prf(correct=n_found, gold=n_gold, predicted=n_pred)
    rows.append(_row(half, "detection", "all", p, r, f, None, n_gold, n_pred, n_found))
    for label, (g_n, c_n) in kinds.items():
        rows.append(_row(half, "detection", label, None, _pct(c_n, g_n), None, None, g_n, None, c_n))
    rows.append(_row(half, "detection", "nested (apart)", None, None, None, None, None, n_nested, None))
    rows.append(_row(half, "speaker", "all", None, None, None, _pct(n_right, n_found), n_found, None, n_right))
    for label, (g_n, c_n) in resolutions.items():
        rows.append(_row(half, "speaker", label, None, None, None, _pct(c_n, g_n), g_n, None, c_n))
    p, r, f = prf(correct=n_right, gold=n_gold, predicted=n_pred)
    rows.append(_row(half, "attribution", "all", p, r, f, None, n_gold, n_pred, n_right))
    if has_medium:  # a system without a medium column is not scored on it (nothing invented)
        p, r, f = prf(correct=media[2], gold=media[0], predicted=media[1])
        rows.append(_row(half, "medium", "all", p, r, f, None, media[0], media[1], media[2]))
    g_all = sum(v[0] for v in genders.values())
    c_all = sum(v[1] for v in genders.values())
    rows.append(_row(half, "gender", "all", None, None, None, _pct(c_all, g_all), g_all, None, c_all))
    for label, (g_n, c_n) in genders.items():
        rows.append(_row(half, "gender", label, None, None, None, _pct(c_n, g_n), g_n, None, c_n))
    if has_claims:
        rows.append(
            _row(
                half, "claims", "all", None, None, None, _pct(n_claims_right, n_claims), n_claims, None, n_claims_right
            )
        )
        for label in CLAIM_STATUSES:
            g_n, p_n, c_n = claim_counts[label]
            p, r, f = prf(correct=c_n, gold=g_n, predicted=p_n)
            rows.append(_row(half, "claims", label, p, r, f, _pct(c_n, g_n), g_n, p_n, c_n))
    return rows, errs


def text_of(text: str, start: int, end: int) -> str:
    """One line of text between two offsets."""
    return normalise(text[int(start) : int(end)])


def _pct(a: int, b: int) -> float | None:
    return 100 * a / b if b else None


def _row(
    half: str,
    measure: str,
    label: str,
    p: float | None,
    r: float | None,
    f: float | None,
    acc: float | None,
    gold: int | None,
    predicted: int | None,
    correct: int | None,
) -> dict[str, Any]:
    return {
        "half": half,
        "measure": measure,
        "label": label,
        "precision": p,
        "recall": r,
        "f1": f,
        "accuracy": acc,
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
    }


def evaluate(
    folder: str | Path,
    *,
    pages: str | Path | None = None,
    errors_path: str | Path | None = None,
    system: Callable[[Any], tuple[pd.DataFrame, pd.DataFrame | None]] | None = None,
) -> pd.DataFrame:
    """Score the quotes (and claims) of the library on the quote gold, per half and on both.

    Args:
        folder (str | Path): The gold folder (``data/annotations/quotes``).
        pages (str | Path | None): The HTML pages (default: ``data/wikinews-fr-100``).
        errors_path (str | Path | None): Write missed, spurious and wrong-value items here (TSV).
        system (Callable | None): ``article -> (quotes table, claims table or None)``
            (default: the library's :func:`analysis.people.quotes.quotes` and ``claims``).

    Returns:
        pandas.DataFrame: Columns :data:`COLUMNS`; ``attrs["errors"]`` holds the error table.
    """
    docs = load_gold(folder, pages=pages)
    run = system or _system_rows
    outputs = {d.doc_id: run(d.article) for d in docs}
    rows, errs = [], []
    for half in HALVES:
        chosen = [d for d in docs if half == "all" or split_half(d.doc_id) == half]
        r, e = _score_half(chosen, outputs, half)
        rows += r
        if half != "all":
            errs += e
    out = pd.DataFrame(rows, columns=COLUMNS)
    err_cols = ["half", "doc_id", "error", "gold_id", "kind", "gold_value", "system_value", "gold_text", "system_text"]
    err_table = pd.DataFrame(errs, columns=err_cols)
    if errors_path is not None:
        write_tsv(err_table, errors_path)
    out.attrs["errors"] = err_table
    out.attrs["errors_path"] = str(errors_path) if errors_path is not None else ""
    return out


def format_scores(scores: pd.DataFrame, *, title: str) -> str:
    """The scores as a plain-text table, one line per measure and label, the halves side by side."""
    lines = [title, ""]
    header = f"{'measure':<12} {'label':<16}" + "".join(f" {h:>26}" for h in HALVES)
    lines.append(header)
    lines.append(f"{'':<29}" + "".join(f" {'P / R / F1 or acc (n)':>26}" for _ in HALVES))
    keyed = {(r.half, r.measure, r.label): r for r in scores.itertuples(index=False)}
    order = list(dict.fromkeys((r.measure, r.label) for r in scores.itertuples(index=False)))
    for measure, label in order:
        cells = []
        for h in HALVES:
            r = keyed.get((h, measure, label))
            cells.append(_cell(r) if r is not None else "")
        lines.append(f"{measure:<12} {label:<16}" + "".join(f" {c:>26}" for c in cells))
    path = scores.attrs.get("errors_path")
    if path:
        lines += ["", f"errors: {path} ({len(scores.attrs['errors'])} rows)"]
    return "\n".join(lines)


def _cell(r: Any) -> str:
    def num(x: Any) -> str:
        return "-" if x is None or pd.isna(x) else f"{x:.1f}"

    def n(x: Any) -> int:
        return 0 if x is None or pd.isna(x) else int(x)

    if r.f1 is not None and not pd.isna(r.f1):
        return f"{num(r.precision)} / {num(r.recall)} / {num(r.f1)} ({n(r.gold)})"
    if r.accuracy is not None and not pd.isna(r.accuracy):
        return f"{num(r.accuracy)} ({n(r.correct)}/{n(r.gold)})"
    if r.recall is not None and not pd.isna(r.recall):
        return f"R {num(r.recall)} ({n(r.correct)}/{n(r.gold)})"
    if r.measure == "detection" and r.predicted is not None and not pd.isna(r.predicted):
        return f"{n(r.predicted)}"
    return f"- ({n(r.correct)}/{n(r.gold)})"
