"""How surely: the status of every sentence (or clause), on whose word it rests.

Each sentence of the article's content segments gets one status (GUIDE 6.2 of the quote gold,
``data/annotations/quotes/GUIDE.md``), cut into clauses where the parts differ (GUIDE 6.1): at a
semicolon, or at a comma before a clause opener (*mais*, *et*, *tandis que*, *selon* …) or a quotation,
never inside an attribution's frame (speaker, cue and content, A11) or a quotation, never between a
condition and its main clause; parts without a verb join their neighbour and parts of equal status
are one row:

* ``denied``: an attribution in the unit reports a denial (a verb of the lexicon's ``denial``
  stance: *nier*, *démentir*, *réfuter*, *contester*, *rejeter*);
* ``conditional``: the *conditionnel journalistique* (Dendale 1993; Haillet 2002): a verb in the
  conditional (*-rait*, *-raient*, *-rais*, *-rions*, *-riez*: Grevisse, *Le Bon Usage* § 808), whether
  the journalist's or the source's hedge (*selon X, Y aurait*), except the future in the past after a
  past reporting verb (*a dit qu'il viendrait*), the apodosis of a *si* clause (hypothetical), and the
  modals *pouvoir*/*devoir* (a forecast or a possibility, the writer's own modal claim);
* ``attributed``: the unit holds an attribution (its content or its cue: the reporting frame is no
  separate claim, GUIDE A11);
* ``hypothetical``: a claim in the article's own voice under a stated condition (*si*, *s'il*, *au cas
  où*, *en cas de*, *à défaut*, *à condition que*, *sinon*);
* ``asserted``: the article's own voice.

Precedence: denied > conditional > attributed > hypothetical > asserted (GUIDE 6.2). Each row
carries its ``cue`` (the word that gives the status) with offsets, and its ``source`` (the
canonical speaker of the attribution concerned, ``""`` in the article's own voice).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import pandas as pd

from ..reading.article import Article

__all__ = ["CLAIM_COLUMNS", "STATUSES", "claims"]

STATUSES = ("asserted", "attributed", "conditional", "hypothetical", "denied")
CLAIM_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "seg",
    "sent",
    "clause",
    "start",
    "end",
    "text",
    "status",
    "cue",
    "cue_start",
    "cue_end",
    "source",
    "counted",
)
#: The conditional's endings (present conditional, every person).
CONDITIONAL = re.compile(r"\w{2,}r(?:ais|ait|ions|iez|aient)$", re.I)
#: Modal verbs whose conditional is a forecast or a possibility, not a hedge (GUIDE 6.2).
MODALS = frozenset({"pouvoir", "devoir"})
#: Conjunctions and locutions of condition (GUIDE 6.2).
CONDITIONS = (
    "au cas où",
    "en cas de",
    "à défaut",
    "à condition que",
    "à condition qu'",
    "sinon",
    "si",
    "s'il",
    "s'ils",
)
_PAST_CUE = re.compile(r"^(?:a|ont|avait|avaient|eut|eurent)\b|(?:ait|aient|a|èrent|it|irent)$")


#: A quotation of the text (outermost marks), a zone where a sentence is never cut into clauses.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")


def _units(text: str, start: int, end: int, keep: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The sentence cut into parts after each ``;`` and ``,`` (the separator stays with the part before
    it), never inside a zone of ``keep`` (an attribution from its speaker and cue to its content: the
    reporting frame is no separate claim, GUIDE A11) or a quotation, nor after a part that opens with a
    condition (*S'il gagne, il sera élu*: the condition scopes over the clause that follows).
    :func:`claims` then joins the parts that are no clause and the neighbours of equal status, so a
    sentence is cut only between clauses whose status differs (GUIDE 6.1)."""
    zones = list(keep or []) + [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(text[start:end])]
    out, a = [], start
    for m in re.finditer("[;,]", text[start:end]):
        b = start + m.end()
        if any(z0 < b < z1 for z0, z1 in zones) or not text[a:b].strip(" ;,"):
            continue
        lead = a + len(text[a:b]) - len(text[a:b].lstrip())
        cond = _condition(text, a, b)
        if m.group() == "," and (cond is not None and cond[1] == lead or not _opens_clause(text, b - 1, end)):
            continue
        out.append((a, b))
        a = b
    out.append((a, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out if text[a:b].strip()]


#: Words that open a new clause after a comma: coordinating conjunctions, subordinators of contrast
#: and according-to forms (Grevisse, *Le Bon Usage*, §§ 1081, 1136: the clause boundaries of a
#: compound sentence; GUIDE 6.1's example *X a affirmé que …, mais selon Y, Z aurait …*).
CLAUSE_OPENERS = frozenset(
    {"mais", "et", "tandis", "alors", "car", "or", "puis", "donc", "cependant", "toutefois", "selon", "d'après"}
)


def _opens_clause(text: str, comma: int, end: int) -> bool:
    """Whether the comma at ``comma`` may end a clause: a clause opener follows it, or a quotation opens
    or closes there (the quoted words are a part of their own)."""
    after = text[comma + 1 : end].lstrip()
    word = re.match(r"[\w'’]+", after)
    if word and word.group().lower().replace("’", "'") in CLAUSE_OPENERS:
        return True
    return after[:1] in ("«", "“") or text[:comma].rstrip()[-1:] in ("»", "”")


def _clauses(units: list[tuple[int, int]], tokens: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Parts joined until each holds a verb: a part without one (*Face à l'absence de X, Y,*, *et le
    jeune,*) is no clause (GUIDE 6.1 cuts clauses) and goes with the part after it (the last one with
    the part before)."""
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in units:
        start = a if pending is None else pending
        if not any(start <= t["start"] < b and t["pos"] in ("VERB", "AUX") for t in tokens):
            pending = start
            continue
        out.append((start, b))
        pending = None
    if pending is not None:
        if out:
            out[-1] = (out[-1][0], units[-1][1])
        else:
            out.append((pending, units[-1][1]))
    return out


def _conditional(tokens: list[dict[str, Any]], quotes_in: list[dict[str, Any]], text: str) -> dict[str, Any] | None:
    """The first conditional verb form of the unit that is a hedge (module docstring), or None."""
    hypothesis = False
    for t in tokens:
        low = t["text"].lower().replace("’", "'")
        if low in ("si", "s'") and (low == "si" or t["next"] in ("il", "ils")):
            hypothesis = True
        if not CONDITIONAL.match(low) or t["pos"] not in ("VERB", "AUX") or t["lemma"] in MODALS:
            continue
        if hypothesis:
            continue  # the apodosis of a si clause is hypothetical (or the source's)
        host = next(
            (
                q
                for q in quotes_in
                if q["start"] <= t["start"] < q["end"] and q["kind"] != "according-to" and q["cue_start"] >= 0
            ),
            None,
        )
        if host is not None and _PAST_CUE.search(text[host["cue_start"] : host["cue_end"]].split("-")[0].strip()):
            continue  # future in the past after a past reporting verb (a dit qu'il viendrait)
        return t
    return None


def _condition(text: str, a: int, b: int) -> tuple[str, int] | None:
    low = text[a:b].lower().replace("’", "'")
    best = None
    for c in CONDITIONS:
        for m in re.finditer(rf"(?<!\w){re.escape(c)}(?!\w)", low):
            if c == "si" and re.match(
                r"si (?:bien|peu|fort|grand|petit|longtemps|souvent|\w+ment)\b", low[m.start() :]
            ):
                continue  # "si" as a degree adverb (si bien que), not a condition
            if best is None or m.start() < best[1]:
                best = (text[a + m.start() : a + m.end()], a + m.start())
    return best


def claims(
    article: Article | str,
    *,
    tables: Any = None,
    mentions: pd.DataFrame | None = None,
    quotes_df: pd.DataFrame | None = None,
    include_duplicates: bool = True,
) -> pd.DataFrame:
    """The status of every sentence, or clause where they differ, of an article.

    Args:
        article (Article | str): The article (or raw text).
        tables (analysis.pipeline.Tables | None): ``analyse(article)`` if already computed.
        mentions (pandas.DataFrame | None): ``entities(article)`` if already computed.
        quotes_df (pandas.DataFrame | None): ``quotes(article)`` if already computed.
        include_duplicates (bool): Keep rows of duplicate segments (``counted=False``).

    Returns:
        pandas.DataFrame: Columns :data:`CLAIM_COLUMNS`, one row per unit in text order; ``text`` is
        ``raw[start:end]``; ``cue``/``cue_start``/``cue_end`` the words that give the status (-1 and
        ``""`` for asserted); ``source`` the canonical speaker for an attributed, conditional or
        denied unit resting on an attribution.
    """
    from ..text.clean import CONTENT_KINDS
    from ..text.pipeline import analyse
    from .attributions import quotes

    if isinstance(article, str):
        article = Article.from_text(article)
    if tables is None:
        tables = analyse(article, lemmas=True, stems=False)
    if quotes_df is None:
        quotes_df = quotes(article, tables=tables, mentions=mentions)
    raw = article.text
    segs = tables.segments[tables.segments["kind"].isin(CONTENT_KINDS)]
    if not include_duplicates:
        segs = segs[segs["counted"]]
    counted = dict(zip(segs["seg"], segs["counted"]))
    toks = tables.tokens
    tok_rows = toks[["sent", "start", "end", "text", "lemma", "pos"]].to_dict("records")
    for i, t in enumerate(tok_rows):
        t["lemma"] = str(t["lemma"]).lower()
        t["next"] = tok_rows[i + 1]["text"].lower() if i + 1 < len(tok_rows) else ""
    by_sent: dict[int, list[dict[str, Any]]] = {}
    for t in tok_rows:
        by_sent.setdefault(int(t["sent"]), []).append(t)
    qrows = sorted(quotes_df.to_dict("records"), key=lambda q: q["start"])
    q_starts = [q["start"] for q in qrows]
    longest = max((q["end"] - q["start"] for q in qrows), default=0)
    cue_rows = sorted((q for q in qrows if q["cue_start"] >= 0), key=lambda q: q["cue_start"])
    cue_starts = [q["cue_start"] for q in cue_rows]
    rows = []
    for s in tables.sentences.itertuples(index=False):
        if s.seg not in counted:
            continue
        s_lo, s_hi = int(s.start), int(s.end)
        keep = [
            (
                min(x for x in (q["start"], q["cue_start"], q["speaker_start"]) if x >= 0),
                max(q["end"], q["cue_end"], q["speaker_end"]),
            )
            for q in qrows[bisect.bisect_left(q_starts, s_lo - longest) : bisect.bisect_left(q_starts, s_hi)]
            if q["end"] > s_lo
        ]
        sent_toks = by_sent.get(int(s.sent), [])
        units = _clauses(_units(raw, s_lo, s_hi, keep), sent_toks)
        sent_rows: list[dict[str, Any]] = []
        for a, b in units:
            unit_toks = [t for t in sent_toks if a <= t["start"] < b]
            near = qrows[bisect.bisect_left(q_starts, a - longest) : bisect.bisect_left(q_starts, b)]
            cued = cue_rows[bisect.bisect_left(cue_starts, a) : bisect.bisect_left(cue_starts, b)]
            inside = [q for q in near if a < q["end"]]
            inside += [q for q in cued if all(q is not x for x in inside)]
            status, cue, source = "asserted", (-1, -1), ""
            hedge = _conditional(unit_toks, inside, raw)
            denial = next((q for q in inside if q["stance"] == "denial" and q["cue_start"] >= 0), None)
            cond = _condition(raw, a, b)
            if denial is not None:
                status, cue, source = "denied", (denial["cue_start"], denial["cue_end"]), denial["speaker"]
            elif hedge is not None:
                status, cue = "conditional", (hedge["start"], hedge["end"])
                source = inside[0]["speaker"] if inside else ""
            elif inside:
                q = inside[0]
                status, source = "attributed", q["speaker"]
                cue = (q["cue_start"], q["cue_end"])
            elif cond is not None:
                status, cue = "hypothetical", (cond[1], cond[1] + len(cond[0]))
            if sent_rows and sent_rows[-1]["status"] == status:
                sent_rows[-1]["end"] = b  # parts of equal status are one row (GUIDE 6.1)
                continue
            sent_rows.append(
                {
                    "doc_id": article.doc_id,
                    "seg": int(s.seg),
                    "sent": int(s.sent),
                    "clause": len(sent_rows),
                    "start": a,
                    "end": b,
                    "status": status,
                    "cue_start": int(cue[0]),
                    "cue_end": int(cue[1]),
                    "source": source,
                    "counted": bool(counted[s.seg]),
                }
            )
        rows += sent_rows
    out = pd.DataFrame(rows, columns=[c for c in CLAIM_COLUMNS if c not in ("text", "cue")])
    out["text"] = [raw[a:b] for a, b in zip(out["start"], out["end"])]
    out["cue"] = [raw[a:b] if a >= 0 else "" for a, b in zip(out["cue_start"], out["cue_end"])]
    out = out.astype(
        {
            "seg": "int64",
            "sent": "int64",
            "clause": "int64",
            "start": "int64",
            "end": "int64",
            "cue_start": "int64",
            "cue_end": "int64",
            "counted": "bool",
            "status": "str",
            "source": "str",
            "doc_id": "str",
            "text": "str",
            "cue": "str",
        }
    )
    return out[list(CLAIM_COLUMNS)].reset_index(drop=True)
