"""Who says what, and on whose word: quotations, reported speech and attributions, with their sources.

:func:`quotes` gives one row per attribution of an article, found by
:mod:`analysis.people.detection` (quotations, reporting verbs in every tense and person, pronominal
verbs and inversions, according-to phrases, continuation quotes), with the speaker resolved by
:mod:`analysis.people.speakers` (``speaker_text`` and its offsets, the canonical ``speaker``,
``resolution``, ``named``, the ``medium``) and the gender from the text by
:mod:`analysis.people.gender` (``gender``, ``gender_cue`` and its offsets). :func:`sources` sums
them per speaker. :mod:`analysis.people.quotes` re-exports them with the claim status of every
sentence (:mod:`analysis.people.claims`) and the sourcing audit (:mod:`analysis.people.audit`).

The rules are those of the project's quote gold guide (``data/annotations/quotes/GUIDE.md``);
``python -m analysis eval quotes data/annotations/quotes`` measures them.

Rows from duplicate segments are kept with ``counted=False`` (``include_duplicates=False``
drops them); :func:`sources` counts only counted rows, so a quotation printed twice rests once on
its speaker.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..reading.article import Article
from .antecedents import apposed_persons
from .detection import RawAttribution, Segment, find_attributions
from .entities import MentionIndex
from .gender import GenderCue, genders
from .lexicon import role_nouns, speech_verbs
from .media import find_medium
from .speakers import Resolver

__all__ = [
    "ACCORDING_TO",
    "AUXILIARIES",
    "BOUNDARY_TOKENS",
    "COLUMNS",
    "INSTITUTION_NOUNS",
    "SOURCE_COLUMNS",
    "SPEECH_VERBS",
    "quotes",
    "sources",
]

#: Lemmas of verbs that report speech or writing (from ``data/speech_verbs_fr.tsv``, with stances).
SPEECH_VERBS: frozenset[str] = frozenset(v.lemma for v in speech_verbs().values())
#: Words that introduce an attributed source.
ACCORDING_TO: frozenset[str] = frozenset({"selon", "d'après", "d’après"})
#: Auxiliaries (as lemmas) that may precede a speech verb.
AUXILIARIES: frozenset[str] = frozenset({"avoir", "être"})
#: Clause boundaries, to find the start of a speaker phrase.
BOUNDARY_TOKENS: frozenset[str] = frozenset({",", ";", ":", "que", "qu'", "qu’", "»", "«", "(", ")", "—", "–"})

COLUMNS: tuple[str, ...] = (
    "doc_id",
    "seg",
    "sent",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "resolution",
    "named",
    "source_type",
    "medium",
    "medium_start",
    "medium_end",
    "verb",
    "stance",
    "cue_start",
    "cue_end",
    "kind",
    "gender",
    "gender_cue",
    "gender_cue_start",
    "gender_cue_end",
    "gender_cue_type",
    "counted",
)
SOURCE_COLUMNS: tuple[str, ...] = (
    "speaker",
    "named",
    "gender",
    "resolution",
    "claims",
    "direct",
    "indirect",
    "mixed",
    "according_to",
    "verbs",
    "stances",
)
_INT = (
    "seg",
    "sent",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "medium_start",
    "medium_end",
    "cue_start",
    "cue_end",
    "gender_cue_start",
    "gender_cue_end",
)


#: Head nouns of definite institutional sources (from ``data/role_nouns_fr.tsv``).
INSTITUTION_NOUNS: frozenset[str] = frozenset(n for n, r in role_nouns().items() if r.type == "organisation")


def _group_cues(seg: Segment, raw: RawAttribution) -> list[GenderCue]:
    """Gender cues inside the verb group: a stressed pronoun (*a elle relevé*, A13) or an agreement
    of the participle after *être* (*s'est dite*, *s'est montrée*)."""
    if raw.cue is None:
        return []
    out = []
    lo, hi = raw.cue
    for k in range(lo, hi):
        if seg.low[k] in ("elle", "lui") and k > lo and seg.lemma[k - 1] == "avoir":
            g = "f" if seg.low[k] == "elle" else "m"
            out.append(GenderCue(g, seg.text[k], seg.start[k], seg.end[k], "pronoun"))
    last = hi - 1
    if last > lo and any(seg.lemma[x] == "être" for x in range(lo, last)) and seg.pos[last] in ("VERB", "ADJ"):
        form = seg.low[last]
        if re.search(r"(ée|ie|ue|te|se)$", form) and not form.endswith("ées"):
            out.append(GenderCue("f", seg.text[last], seg.start[last], seg.end[last], "agreement"))
    nxt = hi
    if nxt < len(seg) and seg.pos[nxt] == "ADJ" and any(seg.lemma[x] == "être" for x in range(lo, hi)):
        form = seg.low[nxt]
        if (
            form != seg.lemma[nxt]
            and form == seg.lemma[nxt] + "e"
            or form.endswith("ète")
            and seg.lemma[nxt].endswith("et")
        ):
            out.append(GenderCue("f", seg.text[nxt], seg.start[nxt], seg.end[nxt], "agreement"))
    return out


def quotes(
    article: Article | str, *, tables: Any = None, mentions: pd.DataFrame | None = None, include_duplicates: bool = True
) -> pd.DataFrame:
    """Quotations, reported speech and attributions of an article, with speakers and gender.

    Args:
        article (Article | str): The article (or raw text).
        tables (analysis.pipeline.Tables | None): ``analyse(article)`` if already computed
            (lemmas needed).
        mentions (pandas.DataFrame | None): ``entities(article)`` if already computed.
        include_duplicates (bool): Keep rows from duplicate segments (``counted=False``).

    Returns:
        pandas.DataFrame: Columns :data:`COLUMNS`, one row per attribution, in text order.
        ``start``/``end`` span the content (GUIDE 3.2: inside the quotation marks for a direct
        quote; the reported clause without *que*; the clause an according-to phrase scopes over);
        ``text`` is ``raw[start:end]``. ``speaker_text`` is the head mention (``speaker_start``/
        ``speaker_end``, -1 when there is none); ``speaker`` the canonical entity (or the describing
        phrase of an unnamed source); ``resolution`` is name, pronoun, role, previous or none;
        ``medium`` the channel or addressee (*à l'AFP*); ``verb`` the cue's lemma (``selon``,
        ``""`` for a continuation) and ``stance`` its class; ``cue_start``/``cue_end`` the cue;
        ``gender`` f, m or unknown with ``gender_cue`` (its words, offsets and ``gender_cue_type``).
    """
    from ..text.clean import CONTENT_KINDS
    from ..text.pipeline import analyse
    from .entities import entities as find_entities

    if isinstance(article, str):
        article = Article.from_text(article)
    if tables is None:
        tables = analyse(article, lemmas=True, stems=False)
    if mentions is None:
        mentions = find_entities(article, tables=tables)
    raw_text = article.text
    segs = tables.segments[tables.segments["kind"].isin(CONTENT_KINDS)]
    if not include_duplicates:
        segs = segs[segs["counted"]]
    tokens = tables.tokens
    columns = {c: tokens[c].tolist() for c in ("start", "end", "text", "lemma", "pos", "sent")}
    tokens_of = tokens.groupby("seg", sort=False).indices
    index = MentionIndex(mentions)
    for i in apposed_persons(raw_text, index):  # a person the entity model labelled ORG (antecedents.py)
        index.label[i] = "PER"
    resolver = Resolver(raw_text, index)
    rows: list[dict[str, Any]] = []
    for seg_row in segs.itertuples(index=False):
        rows_of_seg = tokens_of.get(seg_row.seg)
        if rows_of_seg is None or len(rows_of_seg) == 0:
            continue
        toks = {c: [col[i] for i in rows_of_seg] for c, col in columns.items()}
        seg = Segment(raw_text, int(seg_row.start), int(seg_row.end), toks, index)
        for raw in find_attributions(seg):
            sp = resolver.resolve(seg, raw)
            if not sp.medium:
                speaker_span = [(sp.full_start, sp.full_end)] if sp.full_start >= 0 else []
                medium = find_medium(seg, raw, speaker_span, index)
                if medium is not None:
                    sp.medium, (sp.medium_start, sp.medium_end) = raw_text[medium[0] : medium[1]], medium
            cue = (seg.start[raw.cue[0]], seg.end[raw.cue[1] - 1]) if raw.cue else (-1, -1)
            rows.append(
                {
                    "doc_id": article.doc_id,
                    "seg": int(seg_row.seg),
                    "sent": raw.sent,
                    "start": raw.start,
                    "end": raw.end,
                    "speaker": sp.speaker,
                    "speaker_text": sp.speaker_text,
                    "speaker_start": sp.speaker_start,
                    "speaker_end": sp.speaker_end,
                    "resolution": sp.resolution,
                    "named": sp.named,
                    "source_type": sp.type or ("unknown" if not sp.named else "organisation"),
                    "medium": sp.medium,
                    "medium_start": sp.medium_start,
                    "medium_end": sp.medium_end,
                    "verb": raw.verb,
                    "stance": raw.stance,
                    "cue_start": cue[0],
                    "cue_end": cue[1],
                    "kind": raw.kind,
                    "counted": bool(seg_row.counted),
                    "full_start": sp.full_start,
                    "full_end": sp.full_end,
                    "extra_cues": _group_cues(seg, raw),
                }
            )
    cues = genders(rows, raw_text, index)
    for r in rows:
        g = cues.get(r["speaker"]) if r["named"] and r["source_type"] == "person" else None
        g = g or GenderCue()
        r.update(
            gender=g.gender, gender_cue=g.cue, gender_cue_start=g.start, gender_cue_end=g.end, gender_cue_type=g.type
        )
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "text"])
    out["text"] = [raw_text[s:e] for s, e in zip(out["start"], out["end"])]
    out = out.astype(
        {
            **{c: "int64" for c in _INT},
            "named": "bool",
            "counted": "bool",
            **{c: "str" for c in COLUMNS if c not in _INT and c not in ("named", "counted")},
        }
    )
    return out[list(COLUMNS)].sort_values(["start", "kind"], kind="stable").reset_index(drop=True)


def sources(quotes_df: pd.DataFrame, *, counted_only: bool = True) -> pd.DataFrame:
    """Who the article's claims rest on.

    Args:
        quotes_df (pandas.DataFrame): From :func:`quotes`.
        counted_only (bool): Only counted rows (a quotation printed twice counts once).

    Returns:
        pandas.DataFrame: One row per speaker (:data:`SOURCE_COLUMNS`): ``speaker, named, gender,
        resolution`` (how its attributions reached it, ``; ``-joined, most frequent first),
        ``claims, direct, indirect, mixed, according_to``, ``verbs`` and ``stances`` (``; ``-joined),
        sorted by claims (desc), then speaker. ``attrs["rule"]`` says what was counted.
    """
    q = quotes_df[quotes_df["counted"]] if counted_only else quotes_df
    cols = list(SOURCE_COLUMNS)
    if q.empty:
        out = pd.DataFrame(
            {
                c: pd.Series(
                    dtype="bool"
                    if c == "named"
                    else "int64"
                    if c in ("claims", "direct", "indirect", "mixed", "according_to")
                    else "str"
                )
                for c in cols
            }
        )
        out.attrs["rule"] = "counted rows only (duplicates out)" if counted_only else "all rows"
        return out
    rows = []
    for (speaker, named), grp in q.groupby(["speaker", "named"], sort=False):
        kinds = grp["kind"].value_counts()
        genders_seen = [g for g in grp["gender"] if g != "unknown"]
        rows.append(
            {
                "speaker": speaker,
                "named": bool(named),
                "gender": genders_seen[0] if genders_seen else "unknown",
                "resolution": "; ".join(grp["resolution"].value_counts().index),
                "claims": len(grp),
                "direct": int(kinds.get("direct", 0)),
                "indirect": int(kinds.get("indirect", 0)),
                "mixed": int(kinds.get("mixed", 0)),
                "according_to": int(kinds.get("according-to", 0)),
                "verbs": "; ".join(sorted({v for v in grp["verb"] if v})),
                "stances": "; ".join(sorted({v for v in grp["stance"] if v})),
            }
        )
    out = (
        pd.DataFrame(rows, columns=cols)
        .sort_values(["claims", "speaker"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    out.attrs["rule"] = "counted rows only (duplicates out)" if counted_only else "all rows"
    return out
