"""Who says what, and on whose word: quotations, reported speech and attributions.

Three kinds of rows, found by general rules over the token table of
:func:`analysis.analyse` (speech verbs are matched on the token's LEMMA, so
"a déclaré", "déclarent" and "avait déclaré" are one verb) and the entity
mentions of :func:`analysis.entities.entities`:

* ``direct`` — a quotation in « » or “ ” with an attribution next to it:
  after the closing mark (``« … », a déclaré Zelensky``; ``« … », Volodymyr
  Zelenski`` with no verb) or before the opening one (``X a déclaré : « … »``).
  Quotation marks without an attribution (scare quotes such as « drones
  kamikazes ») are not speech and give no row.
* ``indirect`` — a speech verb whose clause follows with *que*/*qu'*
  (``X a averti le mois dernier que …``); the speaker is the phrase before the
  verb, back to the previous clause boundary.
* ``according-to`` — ``selon X`` and an inverted speech verb closing a clause
  (``…, a rapporté le Washington Post``; ``…, ont déclaré les responsables``);
  the claim is the rest of the sentence.

``speaker`` is the canonical name of the entity mention inside the speaker
phrase when there is one (a person, organisation or work; a place only when
it is the whole phrase, as "l'Iran a déclaré"), and ``named`` is True; else it
is the phrase itself ("des responsables iraniens") and ``named`` is False,
unless the phrase is a definite institution ("le ministère de …",
:data:`INSTITUTION_NOUNS`), which is on the record though not a name.

Rows from duplicate segments are kept with ``counted=False`` (``include_duplicates=False``
drops them); :func:`sources` counts only counted rows, so a quotation printed twice
rests once on its speaker.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

import pandas as pd

from ..reading.article import Article
from .entities import MentionIndex
from ..text.nlp import MAX_CHUNK_TOKENS

__all__ = ["COLUMNS", "INSTITUTION_NOUNS", "SPEECH_VERBS", "quotes", "sources"]

#: Lemmas of verbs that report speech or writing.
SPEECH_VERBS: frozenset[str] = frozenset({
    "déclarer", "affirmer", "avertir", "rapporter", "indiquer", "estimer", "ajouter", "expliquer",
    "souligner", "assurer", "confier", "dire", "annoncer", "préciser", "reconnaître", "confirmer",
    "admettre", "révéler", "rappeler", "noter", "observer", "juger", "insister", "prévenir",
    "répondre", "déplorer", "dénoncer", "démentir", "nier", "accuser", "raconter", "écrire",
    "signaler", "mettre en garde", "martéler", "répéter", "soutenir", "prétendre", "alerter",
    "commenter", "s'exclamer", "lancer", "conclure", "poursuivre", "témoigner", "relever",
})
#: Words that introduce an attributed source.
ACCORDING_TO: frozenset[str] = frozenset({"selon", "d'après", "d’après"})
#: Auxiliaries (as lemmas) that may precede a speech verb.
AUXILIARIES: frozenset[str] = frozenset({"avoir", "être"})
#: Head nouns of definite institutional sources (on the record, not a person's name).
INSTITUTION_NOUNS: frozenset[str] = frozenset({
    "ministère", "ministre", "gouvernement", "présidence", "direction", "armée", "état-major",
    "parquet", "police", "gendarmerie", "agence", "service", "services", "conseil", "commission",
    "tribunal", "cour", "parlement", "assemblée", "sénat", "mairie", "préfecture", "kremlin",
    "pentagone", "ambassade", "porte-parole", "président", "présidente",
})
#: Clause boundaries, to find the start of a speaker phrase.
BOUNDARY_TOKENS: frozenset[str] = frozenset({",", ";", ":", "que", "qu'", "qu’", "»", "«", "(", ")", "—", "–"})
#: Opening → closing quotation marks.
QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”"}
#: Words of a quotation (at least) to count it as speech without a verb.
MIN_DIRECT_WORDS = 4
#: Longest sentence read whole, in tokens; a longer one is read in windows of this many tokens
#: (those spaCy tags it in), so that no phrase, claim or reported clause runs past one.
MAX_WINDOW_TOKENS = MAX_CHUNK_TOKENS

COLUMNS: tuple[str, ...] = (
    "doc_id", "seg", "sent", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "verb",
    "kind", "named", "counted",
)

_QUOTE_RE = re.compile("|".join(f"{re.escape(o)}[^{re.escape(o + c)}]*{re.escape(c)}"
                                for o, c in QUOTE_PAIRS.items()))


def _norm(s: str) -> str:
    return s.replace("’", "'").lower()


class _Seg:
    """The tokens of one segment as plain lists, with look-ups built once (each in one pass), so that
    no rule walks the segment or a sentence again per token or per quotation (which made long
    segments quadratic).

    A sentence longer than :data:`MAX_WINDOW_TOKENS` tokens is read in windows of that many tokens
    (the windows spaCy tags it in): a phrase, a claim or a reported clause never runs past one.
    """

    def __init__(self, full: str, start: int, end: int, toks: dict[str, list[Any]], mentions: MentionIndex) -> None:
        self.full = full
        self.offset = start
        self.raw = full[start:end]
        self.start = toks["start"]
        self.end = toks["end"]
        self.text = toks["text"]
        self.low = [_norm(t) for t in self.text]
        self.lemma = [str(x).lower() for x in toks["lemma"]]
        self.pos = toks["pos"]
        self.sent = toks["sent"]
        self.mentions = mentions
        n = len(self.start)
        self._lo, self._hi = _windows(self.sent, MAX_WINDOW_TOKENS)
        stop = [self.pos[k] == "PUNCT" or self.low[k] in BOUNDARY_TOKENS for k in range(n)]
        # next_stop[k]: first stop at or after k; after_stop[k]: one past the last stop before k.
        self.next_stop = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            self.next_stop[k] = k if stop[k] else self.next_stop[k + 1]
        self.after_stop = [0] * (n + 1)
        for k in range(1, n + 1):
            self.after_stop[k] = k if stop[k - 1] else self.after_stop[k - 1]
        # next_according[k]: first j >= k that is "selon"/"d'après" right after a comma.
        self.next_according = [n] * (n + 1)
        for k in range(n - 1, 0, -1):
            here = self.low[k] in ACCORDING_TO and self.low[k - 1] == ","
            self.next_according[k] = k if here else self.next_according[k + 1]
        self._taken: list[bool] | None = None

    def abs(self, rel: int) -> int:
        """Segment-relative offset → raw-text offset."""
        return rel + self.offset

    def raw_abs(self, a: int, b: int) -> str:
        """Raw text between two raw-text offsets."""
        return self.full[a:b]

    def __len__(self) -> int:
        return len(self.start)

    def index_at(self, char: int) -> int:
        """First token starting at or after ``char``."""
        return bisect.bisect_left(self.start, char)

    def is_speech(self, k: int) -> bool:
        return 0 <= k < len(self) and self.pos[k] == "VERB" and self.lemma[k] in SPEECH_VERBS

    def sent_bounds(self, k: int) -> tuple[int, int]:
        """Token range of the sentence (or sentence window) holding token ``k``."""
        return self._lo[k], self._hi[k]

    def mark_taken(self, spans: list[tuple[int, int]]) -> None:
        """Record the attribution spans of direct quotations (:meth:`taken`)."""
        diff = [0] * (len(self) + 1)
        for a, b in spans:
            lo, hi = bisect.bisect_left(self.start, a), bisect.bisect_left(self.start, b)
            if lo < hi:
                diff[lo] += 1
                diff[hi] -= 1
        self._taken = [c > 0 for c in itertools.accumulate(diff[:-1])]

    def taken(self, k: int) -> bool:
        """Whether token ``k`` starts inside a recorded attribution span."""
        return bool(self._taken and self._taken[k])


def _windows(sent: list[int], size: int) -> tuple[list[int], list[int]]:
    """For each token, the bounds of its run of equal sentence ids, cut every ``size`` tokens."""
    n = len(sent)
    lo, hi = [0] * n, [0] * n
    k = 0
    while k < n:
        end = k
        while end < n and sent[end] == sent[k]:
            end += 1
        for w in range(k, end, size):
            w_end = min(w + size, end)
            lo[w:w_end] = [w] * (w_end - w)
            hi[w:w_end] = [w_end] * (w_end - w)
        k = end
    return lo, hi


def _phrase_right(seg: _Seg, k: int, hi: int) -> tuple[int, int]:
    """Tokens from ``k`` up to the next punctuation (exclusive), within ``hi``."""
    return k, min(seg.next_stop[k], hi) if k < hi else k


def _speaker(seg: _Seg, lo: int, hi: int) -> dict[str, Any]:
    """Speaker fields of the phrase made of tokens ``[lo, hi)``."""
    if hi <= lo:
        return {}
    a, b = seg.start[lo], seg.end[hi - 1]
    phrase = seg.raw_abs(a, b)
    m = seg.mentions
    inside = m.within(a, b)
    words = [w for w in seg.low[lo:hi] if w not in ("le", "la", "les", "l'", "de", "d'", "des", "du")]
    whole_place = (len(inside) == 1 and m.label[inside[0]] == "LOC"
                   and _norm(m.text[inside[0]]).split() == " ".join(words).split())
    named_rows = [i for i in inside if m.label[i] in ("PER", "ORG", "MISC")]
    if named_rows or whole_place:
        row = (named_rows or inside)[0]
        return {"speaker": str(m.canonical[row]), "speaker_start": int(m.start[row]),  # type: ignore[index]  # canonicalised mentions
                "speaker_end": int(m.end[row]), "named": True}
    first = seg.low[lo]
    institution = first in ("le", "la", "les", "l'") and hi - lo > 1 and seg.low[lo + 1] in INSTITUTION_NOUNS
    return {"speaker": phrase, "speaker_start": a, "speaker_end": b, "named": bool(institution)}


def _speaker_left(seg: _Seg, v: int, lo_sent: int) -> tuple[int, int]:
    """The subject phrase before verb token ``v`` (auxiliaries and adverbs skipped)."""
    j = v
    while j - 1 >= lo_sent and (seg.lemma[j - 1] in AUXILIARIES or seg.pos[j - 1] in ("ADV", "PRON")
                                and seg.low[j - 1] in ("ne", "n'", "aussi", "déjà", "encore", "également",
                                                       "toutefois", "pourtant", "aussi", "se", "s'")):
        if seg.pos[j - 1] == "ADV" and seg.low[j - 1] not in ("ne", "n'", "aussi", "déjà", "encore",
                                                                "également", "toutefois", "pourtant"):
            break
        j -= 1
    i = max(lo_sent, seg.after_stop[j])  # back to the previous clause boundary
    return i, j


def _row(seg: _Seg, *, start: int, end: int, kind: str, verb: str, spk: dict[str, Any],
         k: int) -> dict[str, Any]:
    return {"start": start, "end": end, "kind": kind, "verb": verb, "sent": int(seg.sent[k]), **spk}


def _direct(seg: _Seg, spans_taken: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Quotations with an attribution next to them."""
    rows = []
    for mq in _QUOTE_RE.finditer(seg.raw):
        a, b = seg.abs(mq.start()), seg.abs(mq.end())
        first, last = seg.index_at(a), seg.index_at(b)  # tokens: « … » ; last = first token after »
        spk, verb = {}, ""
        k = last
        if k < len(seg) and seg.low[k] == ",":
            k += 1
        _, hi_after = seg.sent_bounds(min(k, len(seg) - 1)) if k < len(seg) else (0, len(seg))
        # after: », [aux] verb SPEAKER   |   », SPEAKER
        j = k
        while j < len(seg) and seg.lemma[j] in AUXILIARIES and seg.pos[j] == "AUX":
            j += 1
        attr_lo, attr_hi = a, b
        if seg.is_speech(j):
            verb = seg.lemma[j]
            lo_p, hi_p = _phrase_right(seg, j + 1, hi_after)
            spk = _speaker(seg, lo_p, hi_p)
            attr_hi = seg.end[hi_p - 1] if hi_p > lo_p else seg.end[j]
        elif k > last and k < len(seg):
            lo_p, hi_p = _phrase_right(seg, k, hi_after)
            cand = _speaker(seg, lo_p, hi_p)
            if cand.get("named"):
                spk = cand
                attr_hi = seg.end[hi_p - 1]
        # before: SPEAKER [aux] verb [:|que] «
        if not spk and first > 0:
            p = first - 1
            if seg.low[p] in (":", "que", "qu'"):
                p -= 1
            if seg.is_speech(p):
                verb = seg.lemma[p]
                lo_sent, _ = seg.sent_bounds(p)
                s_lo, s_hi = _speaker_left(seg, p, lo_sent)
                spk = _speaker(seg, s_lo, s_hi)
                attr_lo = seg.start[s_lo] if s_hi > s_lo else seg.start[p]
        words = len(re.findall(r"\w+", mq.group(0)))
        if not spk or (not verb and words < MIN_DIRECT_WORDS):
            continue
        spans_taken.append((attr_lo, attr_hi))
        rows.append(_row(seg, start=a, end=b, kind="direct", verb=verb, spk=spk, k=first))
    return rows


def _claim(seg: _Seg, lo: int, hi: int, attribution_spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Character span of a sentence's claim: the sentence minus its attributions."""
    a = seg.start[lo]
    first_attr = min(s for s, _ in attribution_spans)
    if first_attr > a:
        end = first_attr
    else:
        a = max(e for _, e in attribution_spans)
        end = seg.end[hi - 1]
    text = seg.raw_abs(a, end)
    lead = len(text) - len(text.lstrip(" ,;:\u00a0"))
    trail = len(seg.raw_abs(a, end).rstrip(" ,;:.\u00a0"))
    start, stop = a + lead, a + trail
    return (start, stop) if stop > start else None


def _sentence_rows(seg: _Seg, lo: int, hi: int) -> list[dict[str, Any]]:
    """Indirect speech and according-to attributions in one sentence (tokens ``[lo, hi)``)."""
    rows, attributions = [], []
    for k in range(lo, hi):
        if seg.taken(k):
            continue
        if seg.low[k] in ACCORDING_TO:
            p_lo, p_hi = _phrase_right(seg, k + 1, hi)
            spk = _speaker(seg, p_lo, p_hi)
            if spk:
                start = seg.start[k - 1] if k > lo and seg.low[k - 1] == "," else seg.start[k]
                attributions.append(((start, seg.end[p_hi - 1]), "", spk, k))
        elif seg.is_speech(k):
            # inverted: ", [aux] VERB SPEAKER" closing a clause
            b = k
            while b - 1 >= lo and seg.lemma[b - 1] in AUXILIARIES and seg.pos[b - 1] == "AUX":
                b -= 1
            nxt = seg.low[k + 1] if k + 1 < hi else ""
            if b > lo and seg.low[b - 1] == "," and nxt not in ("que", "qu'", ":") and k + 1 < hi:
                p_lo, p_hi = _phrase_right(seg, k + 1, hi)
                spk = _speaker(seg, p_lo, p_hi)
                if spk:
                    attributions.append(((seg.start[b - 1], seg.end[p_hi - 1]), seg.lemma[k], spk, k))
                continue
            # indirect: SPEAKER [aux] VERB … que CLAUSE
            q = next((j for j in range(k + 1, min(k + 8, hi)) if seg.low[j] in ("que", "qu'")), None)
            if q is None or any(seg.pos[j] == "PUNCT" for j in range(k + 1, q)):
                continue
            s_lo, s_hi = _speaker_left(seg, k, lo)
            spk = _speaker(seg, s_lo, s_hi)
            if not spk:
                continue
            acc = seg.next_according[q + 1]  # ", selon …" ends the reported clause
            end_tok = acc - 1 if acc < hi else hi
            a = seg.end[q] if seg.low[q] == "qu'" else seg.start[q + 1] if q + 1 < hi else seg.end[q]
            end = seg.end[end_tok - 1]
            if seg.text[end_tok - 1] in (".", ",", ";", "!", "?") and end_tok - 1 > q:
                end = seg.end[end_tok - 2]
            rows.append(_row(seg, start=a, end=end, kind="indirect", verb=seg.lemma[k], spk=spk, k=k))
    if attributions:
        claim = _claim(seg, lo, hi, [s for s, *_ in attributions])
        if claim:
            for _, verb, spk, k in attributions:
                rows.append(_row(seg, start=claim[0], end=claim[1], kind="according-to", verb=verb,
                                 spk=spk, k=k))
    return rows


def quotes(article: Article | str, *, tables: Any = None, mentions: pd.DataFrame | None = None,
           include_duplicates: bool = True) -> pd.DataFrame:
    """Quotations, reported speech and attributions of an article.

    Args:
        article (Article | str): The article (or raw text).
        tables (analysis.pipeline.Tables | None): ``analyse(article)`` if already computed
            (lemmas needed).
        mentions (pandas.DataFrame | None): ``entities(article)`` if already computed.
        include_duplicates (bool): Keep rows from duplicate segments (``counted=False``).

    Returns:
        pandas.DataFrame: Columns :data:`COLUMNS`. ``start``/``end`` span the
        quotation with its marks (direct), the reported clause after *que*
        (indirect) or the claim (according-to); ``text`` is ``raw[start:end]``;
        ``speaker_start``/``speaker_end`` span the entity mention or the
        describing phrase; ``verb`` is the speech verb's lemma ("" for
        *selon* and verb-less attributions).
    """
    from ..text.clean import CONTENT_KINDS
    from .entities import entities as find_entities
    from ..text.pipeline import analyse

    if isinstance(article, str):
        article = Article.from_text(article)
    if tables is None:
        tables = analyse(article, lemmas=True, stems=False)
    if mentions is None:
        mentions = find_entities(article, tables=tables)
    raw = article.text
    segs = tables.segments[tables.segments["kind"].isin(CONTENT_KINDS)]
    if not include_duplicates:
        segs = segs[segs["counted"]]
    rows = []
    # Every column as a list once, each segment's rows found in one pass (not one scan per segment).
    tokens = tables.tokens
    columns = {c: tokens[c].tolist() for c in ("start", "end", "text", "lemma", "pos", "sent")}
    tokens_of = tokens.groupby("seg", sort=False).indices
    index = MentionIndex(mentions)
    for seg_row in segs.itertuples(index=False):
        rows_of_seg = tokens_of.get(seg_row.seg)
        if rows_of_seg is None or len(rows_of_seg) == 0:
            continue
        toks = {c: [col[i] for i in rows_of_seg] for c, col in columns.items()}
        seg = _Seg(raw, int(seg_row.start), int(seg_row.end), toks, index)
        taken: list[tuple[int, int]] = []
        found = _direct(seg, taken)
        seg.mark_taken(taken)
        k = 0
        while k < len(seg):
            lo, hi = seg.sent_bounds(k)
            found += _sentence_rows(seg, lo, hi)
            k = hi
        for r in found:
            r.update(doc_id=article.doc_id, seg=int(seg_row.seg), counted=bool(seg_row.counted))
        rows += found
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "text"])
    out["text"] = [raw[s:e] for s, e in zip(out["start"], out["end"])]
    out = out.astype({"seg": "int64", "sent": "int64", "start": "int64", "end": "int64",
                      "speaker_start": "int64", "speaker_end": "int64", "named": "bool", "counted": "bool",
                      "speaker": "str", "verb": "str", "kind": "str", "doc_id": "str"})
    return out[list(COLUMNS)].sort_values(["start", "kind"], kind="stable").reset_index(drop=True)


def sources(quotes_df: pd.DataFrame, *, counted_only: bool = True) -> pd.DataFrame:
    """Who the article's claims rest on.

    Args:
        quotes_df (pandas.DataFrame): From :func:`quotes`.
        counted_only (bool): Only counted rows (a quotation printed twice counts once).

    Returns:
        pandas.DataFrame: One row per speaker: ``speaker, named, claims, direct,
        indirect, according_to, verbs`` ("; "-joined lemmas), sorted by claims
        (desc), then speaker. ``attrs["rule"]`` says what was counted.
    """
    q = quotes_df[quotes_df["counted"]] if counted_only else quotes_df
    cols = ["speaker", "named", "claims", "direct", "indirect", "according_to", "verbs"]
    if q.empty:
        return pd.DataFrame({c: [] for c in cols})
    rows = []
    for (speaker, named), grp in q.groupby(["speaker", "named"], sort=False):
        kinds = grp["kind"].value_counts()
        rows.append({"speaker": speaker, "named": bool(named), "claims": len(grp),
                     "direct": int(kinds.get("direct", 0)), "indirect": int(kinds.get("indirect", 0)),
                     "according_to": int(kinds.get("according-to", 0)),
                     "verbs": "; ".join(sorted({v for v in grp["verb"] if v}))})
    out = pd.DataFrame(rows, columns=cols).sort_values(["claims", "speaker"], ascending=[False, True],
                                                       kind="stable").reset_index(drop=True)
    out.attrs["rule"] = "counted rows only (duplicates out)" if counted_only else "all rows"
    return out
