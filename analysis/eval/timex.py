"""Score temporal expressions against the French TimeBank, TempEval-3 style.

The French TimeBank (``Data/*.tml``) is ISO-TimeML inline XML: the document
text is inside ``<TEXT>``, temporal expressions are ``<TIMEX3 type= value=
mod=>`` elements inside it, and ``<DCT>`` holds the creation date (the
reference date). :func:`read_tml` strips the markup and keeps, for each gold
expression, its character offsets in the plain text.

Metrics (TempEval-3, UzZaman et al. 2013), micro-averaged over documents:

* strict extent: system and gold spans identical;
* relaxed extent: spans overlap (each gold and system expression matched at
  most once, largest overlap first);
* type accuracy: share of relaxed matches with the right type (and type F1 =
  accuracy × relaxed F1);
* value F1: TempEval-3 attribute F1, i.e. value precision = correct values
  among relaxed matches / system expressions, recall = … / gold expressions
  (equivalently value accuracy × relaxed F1). Values compare exactly.

Peers: dateparser's ``search_dates`` (``languages=['fr']``, ``RELATIVE_BASE``
= DCT) in the same run; HeidelTime's published figures on the whole French
TimeBank 1.1 are printed beside ours (not re-run: it needs Java and
TreeTagger).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .conllu import GoldDataError
from .scoring import HALVES, halves_of, prf, split_half, write_tsv

__all__ = [
    "ERROR_COLUMNS",
    "HEIDELTIME_PUBLISHED",
    "TYPES",
    "TimeBankDoc",
    "TimeBankError",
    "by_type",
    "dateparser_timexes",
    "errors",
    "evaluate",
    "format_scores",
    "read_timebank",
    "read_tml",
    "score",
]

#: HeidelTime 1.8 on the whole French TimeBank 1.1 (TempEval-3 scorer), as published.
HEIDELTIME_PUBLISHED: dict[str, float] = {
    "strict_f1": 85.99,
    "relaxed_f1": 90.97,
    "type_f1": 82.66,
    "value_f1": 73.63,
}


class TimeBankError(GoldDataError):
    """A folder or file that is not French TimeBank data. The message is one line."""


@dataclass(frozen=True)
class TimeBankDoc:
    """One TimeBank document.

    Attributes:
        doc_id: The file stem.
        text: The plain text of ``<TEXT>`` (markup removed, entities decoded).
        dct: The document creation time (reference date), or None.
        gold: One row per gold TIMEX3: ``start, end, text, type, value, mod``.
    """

    doc_id: str
    text: str
    dct: dt.date | None
    gold: pd.DataFrame


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([\w:]+)="([^"]*)"')


def read_tml(path: str | Path) -> TimeBankDoc:
    """Read one ISO-TimeML file.

    Args:
        path: A ``.tml`` file.

    Returns:
        TimeBankDoc: Plain text, creation date and gold expressions with offsets.

    Raises:
        TimeBankError: An empty file, not UTF-8, not well-formed XML (a truncated file), no
            ``<TEXT>`` element, no ``<DCT>`` creation date, or unbalanced TIMEX3 tags.
    """
    import xml.etree.ElementTree as ET

    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise TimeBankError(f"{path}: file is empty (expected an ISO-TimeML .tml file)")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TimeBankError(f"{path}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    try:
        ET.fromstring(data)
    except ET.ParseError as exc:
        raise TimeBankError(f"{path}: not well-formed XML ({exc}; truncated or not ISO-TimeML?)") from None
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not m:
        raise TimeBankError(f"{path}: no <TEXT> element (not ISO-TimeML)")
    dm = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    if not dm:
        raise TimeBankError(f"{path}: no <DCT> creation date (the reference date TimeBank documents carry)")
    try:
        dct = dt.date.fromisoformat(dm.group(1))
    except ValueError:
        raise TimeBankError(f"{path}: malformed <DCT> date {dm.group(1)!r}") from None
    body = m.group(1)
    out: list[str] = []
    length = 0
    pos = 0
    open_timex: dict | None = None
    gold = []
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs, selfclosing = tag.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            if open_timex is not None:
                raise TimeBankError(f"{path}: nested TIMEX3 at character {tag.start()}")
            open_timex = {"start": length, **dict(_ATTR.findall(attrs))}
        else:
            if open_timex is None:
                raise TimeBankError(f"{path}: </TIMEX3> without an opening tag")
            open_timex["end"] = length
            gold.append(open_timex)
            open_timex = None
    if open_timex is not None:
        raise TimeBankError(f"{path}: a TIMEX3 is never closed")
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    rows = [
        {
            "start": g["start"],
            "end": g["end"],
            "text": text[g["start"] : g["end"]],
            "type": g.get("type", ""),
            "value": g.get("value", ""),
            "mod": g.get("mod", ""),
        }
        for g in gold
    ]
    table = pd.DataFrame(rows, columns=["start", "end", "text", "type", "value", "mod"])
    return TimeBankDoc(doc_id=path.stem, text=text, dct=dct, gold=table)


def read_timebank(folder: str | Path) -> list[TimeBankDoc]:
    """Read every ``.tml`` file of a TimeBank folder (``Data/`` inside it if present).

    Args:
        folder: The TimeBank folder (or its ``Data`` folder).

    Returns:
        list[TimeBankDoc]: The documents, sorted by name.

    Raises:
        TimeBankError: The folder does not exist, is a file, holds no ``.tml`` file, one of its
            files is not ISO-TimeML (see :func:`read_tml`), or no file has a TIMEX3.
    """
    folder = Path(folder)
    if not folder.exists():
        raise TimeBankError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise TimeBankError(f"{folder}: not a folder (expected the French TimeBank folder, with Data/*.tml)")
    data = folder / "Data" if (folder / "Data").is_dir() else folder
    files = sorted(p for p in data.glob("*.tml") if p.is_file())
    if not files:
        raise TimeBankError(f"{data}: no .tml file (expected the French TimeBank's Data folder)")
    docs = [read_tml(f) for f in files]
    if not any(len(d.gold) for d in docs):
        raise TimeBankError(f"{data}: no TIMEX3 annotation in any of its {len(docs)} .tml files")
    return docs


def _match(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans, largest overlap first: pairs (gold index, system index)."""
    pairs = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ss, se) in enumerate(system):
            ov = min(ge, se) - max(gs, ss)
            if ov > 0:
                pairs.append((-ov, i, j))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((i, j))
    return out


def _prf(correct: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    return prf(correct=correct, gold=n_gold, predicted=n_sys)


def score(pairs: list[tuple[pd.DataFrame, pd.DataFrame]]) -> dict[str, float]:
    """TempEval-3 scores over documents.

    Args:
        pairs: ``(gold, system)`` tables per document, each with ``start``,
            ``end``, ``type``, ``value``.

    Returns:
        dict[str, float]: ``strict_p/r/f1``, ``relaxed_p/r/f1``,
        ``type_accuracy``, ``type_f1``, ``value_accuracy``, ``value_p/r/f1``
        (percentages), and the counts ``n_gold``, ``n_system``, ``strict``,
        ``relaxed``, ``type_ok``, ``value_ok``.
    """
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for gold, system in pairs:
        g = list(zip(gold["start"], gold["end"]))
        s = list(zip(system["start"], system["end"]))
        n_gold += len(g)
        n_sys += len(s)
        strict += len(set(g) & set(s))
        matched = _match(g, s)
        relaxed += len(matched)
        gt, gv = list(gold["type"]), list(gold["value"])
        st, sv = list(system["type"]), list(system["value"])
        type_ok += sum(gt[i] == st[j] for i, j in matched)
        value_ok += sum(gv[i] == sv[j] for i, j in matched)
    sp, sr, sf = _prf(strict, n_sys, n_gold)
    rp, rr, rf = _prf(relaxed, n_sys, n_gold)
    vp, vr, vf = _prf(value_ok, n_sys, n_gold)
    type_acc = 100 * type_ok / relaxed if relaxed else 0.0
    return {
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "type_accuracy": type_acc,
        "type_f1": type_acc * rf / 100,
        "value_accuracy": 100 * value_ok / relaxed if relaxed else 0.0,
        "value_p": vp,
        "value_r": vr,
        "value_f1": vf,
        "n_gold": n_gold,
        "n_system": n_sys,
        "strict": strict,
        "relaxed": relaxed,
        "type_ok": type_ok,
        "value_ok": value_ok,
    }


def _ours(doc: TimeBankDoc) -> pd.DataFrame:
    from ..timeline import timexes

    return timexes(doc.text, doc.dct, sentences=False)


_CLOCK = re.compile(r"\d\s*(?:h|:)\s*\d*", re.I)


def dateparser_timexes(text: str, reference_date: dt.date | None) -> pd.DataFrame:
    """dateparser's ``search_dates`` as a tagger: spans and a day (or clock-time) value.

    Args:
        text: Plain text.
        reference_date: ``RELATIVE_BASE``.

    Returns:
        pandas.DataFrame: ``start, end, text, type, value`` (type TIME when the
        substring holds a clock time, else DATE; value ``YYYY-MM-DD`` or
        ``YYYY-MM-DDTHH:MM``). dateparser gives no durations, sets or
        precision, so a month is reported as a day.
    """
    from dateparser.search import search_dates

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if reference_date is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference_date, dt.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["fr"], settings=settings) or []
    rows, pos = [], 0
    for sub, when in found:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
            if i < 0:
                continue
        pos = i + len(sub)
        stripped = sub.strip()
        i += len(sub) - len(sub.lstrip())
        is_time = bool(_CLOCK.search(stripped))
        value = when.strftime("%Y-%m-%dT%H:%M") if is_time else when.strftime("%Y-%m-%d")
        rows.append(
            {
                "start": i,
                "end": i + len(stripped),
                "text": stripped,
                "type": "TIME" if is_time else "DATE",
                "value": value,
            }
        )
    return pd.DataFrame(rows, columns=["start", "end", "text", "type", "value"])


def _peer(doc: TimeBankDoc) -> pd.DataFrame:
    return dateparser_timexes(doc.text, doc.dct)


SYSTEMS: dict[str, Callable[[TimeBankDoc], pd.DataFrame]] = {"ours": _ours, "dateparser": _peer}

#: TIMEX3 types, in the guide's order (§2.2.5), for the breakdown by type.
TYPES = ("DATE", "TIME", "DURATION", "SET")

#: How the figures are counted, printed with them.
RULE = (
    "TempEval-3: strict = identical spans; relaxed = overlapping spans matched one-to-one, largest overlap "
    "first; value F1 = exact value among relaxed matches over gold / system counts; micro-averaged over "
    "documents. Halves by split_half(file stem): sha256 of the stem, first byte even = tune. By type: a "
    "match counts for a type when gold and system agree on it."
)


def evaluate(
    folder: str | Path, *, systems: tuple[str, ...] = ("ours", "dateparser"), errors_path: str | Path | None = None
) -> pd.DataFrame:
    """Score taggers on a TimeBank folder, on the tune half, the check half and all documents.

    Args:
        folder: The TimeBank folder (``Data/*.tml``).
        systems: Which systems to run (``ours``, ``dateparser``), all in the same run.
        errors_path: Also write the missed, spurious, wrong-value and wrong-extent items of every
            system here as TSV (:func:`errors`, written atomically).

    Returns:
        pandas.DataFrame: One row per system and half (``system``, ``docs`` = ``tune`` / ``check`` /
        ``all``, ``documents``, the keys of :func:`score`, ``seconds`` for the whole run of that
        system), then HeidelTime's published row (``docs`` = ``all``, whole corpus, not re-run).
        ``attrs`` hold ``rule``, ``split`` (document ids of each half), ``by_type`` (records of
        :func:`by_type`) and ``errors_path``.

    Raises:
        KeyError: An unknown system name.
    """
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise KeyError(f"unknown system(s) {', '.join(unknown)} (known: {', '.join(SYSTEMS)})")
    docs = read_timebank(folder)
    subsets = halves_of([d.doc_id for d in docs])
    rows, outputs = [], {}
    for name in systems:
        t0 = time.perf_counter()
        outputs[name] = [SYSTEMS[name](doc) for doc in docs]
        seconds = time.perf_counter() - t0
        for half in HALVES:
            idx = subsets[half]
            rows.append(
                {
                    "system": name,
                    "docs": half,
                    "documents": len(idx),
                    **score([(docs[i].gold, outputs[name][i]) for i in idx]),
                    "seconds": seconds,
                }
            )
    rows.append({"system": "HeidelTime 1.8 (published, whole corpus)", "docs": "all", **HEIDELTIME_PUBLISHED})
    table = pd.DataFrame(rows)
    errs = errors(docs, outputs)
    table.attrs["rule"] = RULE
    table.attrs["split"] = {h: [docs[i].doc_id for i in subsets[h]] for h in ("tune", "check")}
    table.attrs["by_type"] = by_type(errs).to_dict(orient="records")
    if errors_path is not None:
        write_tsv(errs[errs["outcome"] != "ok"], errors_path)
        table.attrs["errors_path"] = str(errors_path)
    return table


#: Columns of :func:`errors`.
ERROR_COLUMNS = [
    "system",
    "half",
    "doc_id",
    "dct",
    "outcome",
    "start",
    "end",
    "gold_text",
    "gold_type",
    "gold_value",
    "gold_mod",
    "sys_text",
    "sys_type",
    "sys_value",
    "context",
]


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    """The expression in its line, marked with ``[ ]``, about ``width`` characters each side."""
    left = text[max(0, start - width) : start].rsplit("\n", 1)[-1]
    right = text[end : end + width].split("\n", 1)[0]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def errors(docs: list[TimeBankDoc], outputs: dict[str, list[pd.DataFrame]]) -> pd.DataFrame:
    """Every gold and system expression of every system, with what happened to it.

    Args:
        docs: The documents.
        outputs: System name → its table for each document (``start, end, text, type, value``).

    Returns:
        pandas.DataFrame: :data:`ERROR_COLUMNS`. ``outcome``: ``ok`` (same span, same value),
        ``extent`` (overlapping span, same value), ``wrong value`` (overlapping span, another value),
        ``missed`` (a gold expression no system expression overlaps), ``spurious`` (a system
        expression no gold overlaps). ``start``/``end`` are the gold's (the system's for spurious).
    """
    rows = []
    for name, outs in outputs.items():
        for doc, system in zip(docs, outs):
            half = split_half(doc.doc_id)
            g = list(zip(doc.gold["start"], doc.gold["end"]))
            s = list(zip(system["start"], system["end"]))
            matched = dict(_match(g, s))
            used = set(matched.values())
            for i, gr in enumerate(doc.gold.itertuples(index=False)):
                j = matched.get(i)
                if j is None:
                    outcome, sr = "missed", None
                else:
                    sr = system.iloc[j]
                    same = (int(sr["start"]), int(sr["end"])) == (gr.start, gr.end)
                    outcome = "wrong value" if sr["value"] != gr.value else ("ok" if same else "extent")
                rows.append(
                    (
                        name,
                        half,
                        doc.doc_id,
                        str(doc.dct),
                        outcome,
                        gr.start,
                        gr.end,
                        gr.text,
                        gr.type,
                        gr.value,
                        gr.mod,
                        None if sr is None else sr["text"],
                        None if sr is None else sr["type"],
                        None if sr is None else sr["value"],
                        _context(doc.text, gr.start, gr.end),
                    )
                )
            for j, sr in enumerate(system.itertuples(index=False)):
                if j not in used:
                    rows.append(
                        (
                            name,
                            half,
                            doc.doc_id,
                            str(doc.dct),
                            "spurious",
                            sr.start,
                            sr.end,
                            None,
                            None,
                            None,
                            None,
                            sr.text,
                            sr.type,
                            sr.value,
                            _context(doc.text, sr.start, sr.end),
                        )
                    )
    return pd.DataFrame(rows, columns=ERROR_COLUMNS)


def by_type(errs: pd.DataFrame) -> pd.DataFrame:
    """Relaxed and value P/R/F1 by TIMEX3 type, per system and half (from :func:`errors`).

    As for labelled spans: a match counts for type T when both the gold and the system expression are
    of type T (relaxed: overlapping; value: also the same value); precision is over the system
    expressions of type T, recall over the gold ones. A DATE found as a TIME is a miss for DATE and a
    spurious TIME here (it counts as found in the overall relaxed figures).

    Args:
        errs: From :func:`errors`.

    Returns:
        pandas.DataFrame: ``system``, ``half``, ``type``, ``gold``, ``predicted``, ``relaxed_p``,
        ``relaxed_r``, ``relaxed_f1``, ``value_p``, ``value_r``, ``value_f1`` (percent, 2 decimals).
    """
    both = pd.concat([errs, errs.assign(half="all")], ignore_index=True)
    found = both["outcome"].isin(["ok", "extent", "wrong value"])
    right = both["outcome"].isin(["ok", "extent"])
    rows = []
    for (system, half), part in both.groupby(["system", "half"], sort=False):
        f, r = found[part.index], right[part.index]
        for t in TYPES:
            g, p = part["gold_type"] == t, part["sys_type"] == t
            both_t = g & p
            rp, rr, rf = prf(correct=int((both_t & f).sum()), gold=int(g.sum()), predicted=int(p.sum()))
            vp, vr, vf = prf(correct=int((both_t & r).sum()), gold=int(g.sum()), predicted=int(p.sum()))
            rows.append(
                {
                    "system": system,
                    "half": half,
                    "type": t,
                    "gold": int(g.sum()),
                    "predicted": int(p.sum()),
                    "relaxed_p": rp,
                    "relaxed_r": rr,
                    "relaxed_f1": rf,
                    "value_p": vp,
                    "value_r": vr,
                    "value_f1": vf,
                }
            )
    out = pd.DataFrame(
        rows,
        columns=[
            "system",
            "half",
            "type",
            "gold",
            "predicted",
            "relaxed_p",
            "relaxed_r",
            "relaxed_f1",
            "value_p",
            "value_r",
            "value_f1",
        ],
    )
    order = {h: i for i, h in enumerate(HALVES)}
    out = out.sort_values(["system", "half"], key=lambda c: c.map(order) if c.name == "half" else c, kind="stable")
    return out.round(2).reset_index(drop=True)


def format_scores(table: pd.DataFrame, title: str = "Temporal expressions, French TimeBank") -> str:
    """The scores as a TempEval-3-style text table: each system on each half, then by type.

    Args:
        table: The output of :func:`evaluate`.
        title: A heading.

    Returns:
        str: The rule, the split, one line per system and half (strict and relaxed P/R/F1, type
        accuracy and F1, value P/R/F1), the breakdown by type and where the errors were written.
    """
    lines = [title]
    if table.attrs.get("rule"):
        lines.append(table.attrs["rule"])
    for half, ids in table.attrs.get("split", {}).items():
        lines.append(f"{half} half ({len(ids)} documents): {' '.join(ids)}")
    head = (
        f"{'system':<42}{'docs':>6}{'strict P':>9}{'R':>7}{'F1':>7}{'relaxed P':>11}{'R':>7}{'F1':>7}"
        f"{'type acc':>10}{'type F1':>9}{'value P':>9}{'R':>7}{'F1':>7}"
    )
    lines += ["", head, "-" * len(head)]

    def cell(v, w):
        return f"{v:>{w}.2f}" if isinstance(v, (int, float)) and not pd.isna(v) else f"{'–':>{w}}"

    for r in table.to_dict("records"):
        lines.append(
            f"{r['system']:<42}{r.get('docs', 'all'):>6}{cell(r.get('strict_p'), 9)}"
            f"{cell(r.get('strict_r'), 7)}{cell(r.get('strict_f1'), 7)}{cell(r.get('relaxed_p'), 11)}"
            f"{cell(r.get('relaxed_r'), 7)}{cell(r.get('relaxed_f1'), 7)}{cell(r.get('type_accuracy'), 10)}"
            f"{cell(r.get('type_f1'), 9)}{cell(r.get('value_p'), 9)}{cell(r.get('value_r'), 7)}"
            f"{cell(r.get('value_f1'), 7)}"
        )
    for r in table[table["docs"] == "all"].to_dict("records"):
        if pd.isna(r.get("n_gold")):
            continue
        lines.append(
            f"{r['system']}: {int(r['n_gold'])} gold, {int(r['n_system'])} found, {int(r['relaxed'])} "
            f"overlapping, {int(r['value_ok'])} with the right value; {int(r['documents'])} documents "
            f"in {r['seconds']:.2f} s"
        )
    lines.append("HeidelTime: published figures on the whole corpus (type column = type F1), not re-run here.")
    types = pd.DataFrame(table.attrs.get("by_type", []))
    if not types.empty:
        with pd.option_context("display.width", 200, "display.max_rows", 200):
            lines += [
                "",
                "by TIMEX3 type (a match counts for a type when gold and system agree on it)",
                types.to_string(index=False),
            ]
    if table.attrs.get("errors_path"):
        lines += ["", f"missed, spurious, wrong-value and wrong-extent items: {table.attrs['errors_path']}"]
    return "\n".join(lines)


# --------------------------------------------------------------------------
# The project's own test sentences (tests/timeline/data/timex_sentences.tsv)
# --------------------------------------------------------------------------

#: Where the project's hand-written TIMEX3 test sentences live.
SENTENCES_FILE = Path(__file__).resolve().parents[2] / "tests" / "timeline" / "data" / "timex_sentences.tsv"

#: Catalogue class (column ``class`` of the sentences file) → family, first pattern that matches.
FAMILIES: tuple[tuple[str, str], ...] = (
    (r"^neg_", "negatives (no TIMEX3)"),
    (
        r"^(dm|wd|month)_(past|future|present|noverb|prep|participle|same|day|full|daypart)$|^day_alone$"
        r"|^num_date_noyear$",
        "direction of underspecified dates",
    ),
    (
        r"^(rel_day|anaphoric|ago|in_future|anchored|week|weekend|month_rel|year_rel|season_rel|part_of_year"
        r"|wd_shift|dm_shift|month_shift)$",
        "relative to the DCT (explicit shift)",
    ),
    (r"^part_mod$", "part of a period (début/mi/fin)"),
    (r"^holiday$", "holidays"),
    (r"^season", "seasons"),
    (r"^vague_", "vague references (_REF)"),
    (r"^(time|date_time)", "TIME"),
    (r"^dur_", "DURATION"),
    (r"^set_", "SET"),
    (r".", "explicit dates (numeric, full, year, decade, century)"),
)

_SENTENCE_COLUMNS = ["id", "dct", "sentence", "timex_text", "type", "value", "mod", "source", "class", "quant", "freq"]


def family(cls: str) -> str:
    """The family of a catalogue class (see :data:`FAMILIES`)."""
    return next(name for pattern, name in FAMILIES if re.search(pattern, cls))


def read_sentences(path: str | Path = SENTENCES_FILE) -> list[TimeBankDoc]:
    """Read the hand-written test sentences as one-sentence documents.

    The file (tab-separated, a header of :data:`_SENTENCE_COLUMNS`) has one row per expected TIMEX3;
    the rows of one sentence share the id before the dot (``S017.1``, ``S017.2``); a row with an
    empty ``timex_text`` is a sentence that must give no TIMEX3. The extent is found in the sentence
    in order.

    Args:
        path: The TSV file.

    Returns:
        list[TimeBankDoc]: One per sentence (``doc_id`` = the id before the dot); ``gold`` also has
        ``id``, ``class`` and ``source``, and ``gold.attrs["class"]`` is the sentence's class.

    Raises:
        TimeBankError: A missing file, a wrong header, rows of one sentence that disagree, a bad
            date, or an extent that is not in its sentence.
    """
    import csv

    path = Path(path)
    if not path.is_file():
        raise TimeBankError(f"{path}: no such file (expected the TIMEX3 test sentences, a .tsv)")
    groups: dict[str, dict] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != _SENTENCE_COLUMNS:
            raise TimeBankError(f"{path}: header {reader.fieldnames} is not {_SENTENCE_COLUMNS}")
        for row in reader:
            sid = row["id"].split(".")[0]
            g = groups.setdefault(
                sid, {"dct": row["dct"], "sentence": row["sentence"], "class": row["class"], "gold": [], "from": 0}
            )
            if (g["sentence"], g["dct"]) != (row["sentence"], row["dct"]):
                raise TimeBankError(f"{path}: rows of {sid} disagree on the sentence or the dct")
            text = row["timex_text"]
            if not text:
                continue
            start = g["sentence"].find(text, g["from"])
            start = g["sentence"].find(text) if start < 0 else start
            if start < 0:
                raise TimeBankError(f"{path}: {row['id']}: extent {text!r} is not in its sentence")
            g["from"] = start + 1
            g["gold"].append(
                {
                    "start": start,
                    "end": start + len(text),
                    "text": text,
                    "type": row["type"],
                    "value": row["value"],
                    "mod": row["mod"],
                    "id": row["id"],
                    "class": row["class"],
                    "source": row["source"],
                }
            )
    docs = []
    for sid, g in groups.items():
        try:
            dct = dt.date.fromisoformat(g["dct"])
        except ValueError:
            raise TimeBankError(f"{path}: {sid}: bad dct {g['dct']!r}") from None
        gold = pd.DataFrame(
            g["gold"], columns=["start", "end", "text", "type", "value", "mod", "id", "class", "source"]
        )
        gold.attrs["class"] = g["class"]
        docs.append(TimeBankDoc(doc_id=sid, text=g["sentence"], dct=dct, gold=gold))
    return docs


def evaluate_sentences(
    path: str | Path = SENTENCES_FILE, *, systems: tuple[str, ...] = ("ours",), errors_path: str | Path | None = None
) -> pd.DataFrame:
    """Score taggers on the hand-written test sentences, overall and by family.

    Args:
        path: The sentences file (:func:`read_sentences`).
        systems: Which systems to run (``ours``, ``dateparser``).
        errors_path: Also write the missed, spurious, wrong-value and wrong-extent items here (TSV).

    Returns:
        pandas.DataFrame: One row per system and family (``family`` = ``all`` first), the keys of
        :func:`score` plus ``spurious`` (system expressions no gold overlaps; on the negatives, the
        expressions that should not be there). ``attrs["errors"]`` is the :func:`errors` table with a
        ``family`` column.
    """
    docs = read_sentences(path)
    outputs = {name: [SYSTEMS[name](doc) for doc in docs] for name in systems}
    fam = [family(d.gold.attrs["class"]) for d in docs]
    rows = []
    for name in systems:
        for f in ["all", *dict.fromkeys(x for _, x in FAMILIES)]:
            idx = [i for i, x in enumerate(fam) if f in ("all", x)]
            if not idx:
                continue
            s = score([(docs[i].gold, outputs[name][i]) for i in idx])
            rows.append(
                {"system": name, "family": f, "sentences": len(idx), **s, "spurious": s["n_system"] - s["relaxed"]}
            )
    table = pd.DataFrame(rows)
    errs = errors(docs, outputs)
    errs.insert(3, "family", errs["doc_id"].map(dict(zip((d.doc_id for d in docs), fam))))
    table.attrs["errors"] = errs
    if errors_path is not None:
        write_tsv(errs[errs["outcome"] != "ok"], errors_path)
    return table
