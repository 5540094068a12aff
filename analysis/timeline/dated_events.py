"""Dated events: each dated expression of an article tied to the event it dates."""

from __future__ import annotations

import bisect
import re
from typing import Any

import numpy as np
import pandas as pd

from ..reading.article import Article
from .reference import EXPECTED_SPAN, parse_reference_date
from .tagger import DATE_COLUMNS, empty_frame, timexes

EVENT_COLUMNS = [
    "doc_id",
    "event",
    "sent",
    "start",
    "end",
    "sent_text",
    "timex",
    "timex_start",
    "timex_end",
    "type",
    "value",
    "mod",
    "begin",
    "end_date",
    "derived",
    "status",
    "label",
    "actors",
    "mentions",
]

# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------

_ENT_LABELS = {"PER", "ORG", "LOC", "MISC", "GPE"}


def _span_text(doc: Any, idxs: list[int]) -> str:
    """Text of tokens ``idxs`` of ``doc``: contiguous runs as written (``doc.user_data["raw"]``), joined by a space."""
    raw = doc.user_data.get("raw", doc.text)
    idxs = sorted(set(idxs))
    runs: list[list[int]] = []
    out: list[str] = []
    for i in idxs:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    for a, b in runs:
        out.append(raw[doc[a].idx : doc[b].idx + len(doc[b].text)])
    return re.sub(r"\s+", " ", " ".join(out)).strip(" ,;:")


def _phrase(tok: Any, skip: set[int], limit: int) -> list[int]:
    """The first ``limit`` tokens of ``tok``'s subtree, leaving out ``skip``, punctuation runs and clauses."""
    out: list[int] = []
    for t in tok.subtree:
        if t.i in skip:
            continue
        if t.i != tok.i and t.dep_ in ("acl:relcl", "advcl", "parataxis"):
            break
        if t.is_punct and t.text not in "-’'":
            if out and t.i > tok.i:
                break
            continue
        out.append(t.i)
        if len(out) >= limit:
            break
    return out


_DE = {"de", "d'", "d’", "du", "des"}


def _coordinated_before(doc: Any, phrase: list[int], inside: set[int]) -> list[int]:
    """A subject with its first conjunct: "Moscou et Téhéran ont finalisé", "La Russie et l'Iran".

    The small parser often hangs the first of two coordinated names elsewhere; a capitalised word
    (with its article) and "et"/"ou" right before the subject, opening the sentence or clause,
    belong to it.
    """
    if not phrase:
        return phrase
    s = min(phrase)
    if s < 2 or doc[s - 1].lower_ not in ("et", "ou") or not doc[s - 2].text[:1].isupper():
        return phrase
    k = s - 2
    if k >= 1 and doc[k - 1].pos_ == "DET":
        k -= 1
    if k > 0 and not doc[k - 1].is_punct:
        return phrase
    extra = [i for i in range(k, s) if i not in inside]
    return extra + phrase if len(extra) == s - k else phrase


def _head_label(sent_doc: Any, t_start: int, t_end: int) -> tuple[str, bool]:
    """A short label for what the expression at ``[t_start, t_end)`` (sentence offsets) dates.

    When the expression completes a noun with "de" ("accord nucléaire de
    2015", "la guerre ukrainienne de neuf mois"), the label is that noun
    phrase. Otherwise the expression's head is climbed to the nearest verb and
    the label is its subject, auxiliaries, the verb and its object.

    Returns:
        tuple[str, bool]: The label, and whether the verb (or the verb it
        depends on) is future or conditional.
    """
    doc = sent_doc
    idx = _doc_index(doc)
    # the tokens overlapping [t_start, t_end): tokens are in order and do not overlap
    toks = list(doc[bisect.bisect_right(idx["ends"], t_start) : bisect.bisect_left(idx["starts"], t_end)])
    if not toks:
        return "", False
    inside = {t.i for t in toks}
    first = min(inside)
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    before = doc[first - 1] if first > 0 else None
    noun = root.head if root.head.i not in inside else None
    if (
        noun is not None
        and noun.pos_ in ("NOUN", "PROPN")
        and before is not None
        and before.lower_ in _DE
        and noun.i < first
    ):
        noun_idxs = [
            t.i
            for t in noun.subtree
            if noun.left_edge.i <= t.i < first - 1
            and t.i not in inside
            and not (t.dep_ == "case" and t.head.i == noun.i)
        ]
        label = _span_text(doc, noun_idxs)
        return label, False
    head = root.head if root.head.i not in inside else root
    steps = 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 6:
        head = head.head
        steps += 1
    if head.pos_ not in ("VERB", "AUX"):  # a parse without a verb above: the nearest verb, left first
        verbs = idx["verbs"]  # the Doc's verbs, in order (their indices in "verb_i")
        k = bisect.bisect_left(idx["verb_i"], first)  # verbs before the expression (none of it)
        if k:
            head = verbs[k - 1]
        else:
            head = next((t for t in verbs if t.i not in inside), head)
    expected = "Fut" in head.morph.get("Tense") or "Cnd" in head.morph.get("Mood")
    idxs: list[int] = []
    for child in head.children:
        if child.i in inside:
            continue
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
            idxs += _coordinated_before(doc, _phrase(child, inside, 6), inside)
        elif child.dep_ in ("aux", "aux:tense", "aux:pass", "advmod:neg") or child.lower_ in ("ne", "n'", "pas"):
            idxs.append(child.i)
            expected = expected or "Fut" in child.morph.get("Tense") or "Cnd" in child.morph.get("Mood")
        elif child.dep_ in ("obj", "xcomp", "ccomp", "obl:arg", "iobj"):
            idxs += _phrase(child, inside, 8)
        elif child.dep_ in ("obl:mod", "obl") and child.ent_type_ == "LOC" and child.i > head.i:
            idxs += _phrase(child, inside, 3)
    gov = head.head
    if head.dep_ in ("xcomp", "ccomp", "advcl", "acl", "acl:relcl") and gov.i != head.i:
        expected = (
            expected
            or "Fut" in gov.morph.get("Tense")
            or "Cnd" in gov.morph.get("Mood")
            or any(
                c.dep_.startswith("aux") and ("Cnd" in c.morph.get("Mood") or "Fut" in c.morph.get("Tense"))
                for c in gov.children
            )
        )
        if head.dep_ == "xcomp" and not any(doc[i].dep_.startswith("nsubj") for i in idxs):
            idxs.append(gov.i)
            for c in gov.children:
                if c.i in inside or c.i == head.i:
                    continue
                if c.dep_.startswith(("nsubj", "aux")) or c.dep_ in ("obl:arg", "iobj"):
                    idxs += _phrase(c, inside, 5)
            idxs += [c.i for c in head.children if c.dep_ == "mark"]
        elif head.dep_ == "acl" and gov.pos_ in ("NOUN", "PROPN"):
            idxs += [c.i for c in gov.children if c.dep_ == "det"] + [gov.i]
            idxs += [c.i for c in head.children if c.dep_ == "mark"]
    idxs.append(head.i)
    label = _span_text(doc, [i for i in idxs if i not in inside])
    words = label.split()
    if len(words) > 16:
        label = " ".join(words[:16]) + " …"
    return label, expected


def _doc_index(doc: Any) -> dict[str, list[Any]]:
    """Token starts and ends and the verbs of a Doc, found once per Doc (kept in its ``user_data``)."""
    if "_index" not in doc.user_data:
        verbs = [t for t in doc if t.pos_ == "VERB"]
        doc.user_data["_index"] = {
            "starts": [t.idx for t in doc],
            "ends": [t.idx + len(t.text) for t in doc],
            "verbs": verbs,
            "verb_i": [t.i for t in verbs],
        }
    return doc.user_data["_index"]


def _entities_in(sent_doc: Any) -> list[str]:
    out = []
    for ent in sent_doc.ents:
        t = ent.text.strip(" ’'")
        if ent.label_ in _ENT_LABELS and len(t) > 2 and not re.fullmatch(r"[a-zA-Z]['’]?", t):
            if t not in out:
                out.append(t)
    return out


def _label_words(label: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w{4,}", label)}


def events(
    article: Article | str, reference_date: Any = None, *, tables: Any = None, timex_table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Dated events of an article: each dated expression tied to the clause it dates.

    Only expressions in counted segments are used (a duplicated caption or a
    quotation reprinted with its signature gives no extra event). Expressions
    with a date interval (DATE, TIME, and durations that date something) make
    an event; mentions with the same value and a similar label (sharing
    content words) are merged, keeping the first.

    ``status`` is ``expected`` when the clause's verb is future or
    conditional, or the date is after the reference date, or the interval was
    projected forward ("en quelques mois" in a conditional clause); otherwise
    ``past``.

    Args:
        article: An :class:`~analysis.article.Article` (or raw text).
        reference_date: Overrides the article's date.
        tables: The :func:`analysis.pipeline.analyse` tables, if already computed.
        timex_table: The :func:`timexes` table, if already computed.

    Returns:
        pandas.DataFrame: Columns :data:`EVENT_COLUMNS`; ``label`` is a short
        clause (subject, verb, object) or noun phrase, ``actors`` the named
        entities of the sentence, ``mentions`` how many mentions were merged.
    """
    from ..text import nlp
    from ..text.pipeline import analyse

    if isinstance(article, str):
        article = Article.from_text(article)
    tables = tables or analyse(article, lemmas=False, stems=False)
    sents = tables.sentences
    tx = timex_table if timex_table is not None else timexes(article, reference_date, sentences=sents)
    ref_date, _ = (
        parse_reference_date(reference_date)
        if reference_date is not None
        else parse_reference_date(article.meta.get("date"))
        if article.date_known
        else (None, "none")
    )
    counted_segs = set(tables.segments.loc[tables.segments["counted"].astype(bool), "seg"])
    sent_seg = dict(zip(sents["sent"], sents["seg"]))
    use = tx[(tx["sent"] >= 0) & tx["sent"].map(lambda s: sent_seg.get(s) in counted_segs)]
    use = use[use["begin"].notna() | use["end_date"].notna()]
    use = use[~use["value"].isin(["PRESENT_REF", "PAST_REF", "FUTURE_REF"])]
    use = use[(use["type"] != "DURATION") | use["derived"]]
    use = use[use["type"] != "SET"]
    nlp_model: Any = nlp.load() if len(use) else None  # only called when there are rows
    contexts = _Contexts(article.text, sents, tables.tokens)
    docs: dict[int, Any] = {}
    rows = []
    ents_entities = _entity_table(article, tables)
    mention_index = None
    if ents_entities is not None:
        from ..people.entities import MentionIndex

        mention_index = MentionIndex(ents_entities)
    for r in use.itertuples(index=False):
        c_start, c_end, d_start, model_text = contexts.of(int(r.sent), int(r.start))
        if d_start not in docs:
            # the model parses ASCII apostrophes far better; same length, so offsets hold
            docs[d_start] = nlp_model(model_text)
            docs[d_start].user_data["raw"] = article.text[d_start : d_start + len(model_text)]
        doc = docs[d_start]
        label, expected_verb = _head_label(doc, r.start - d_start, r.end - d_start)
        if mention_index is not None:
            sel = mention_index.within(c_start, c_end)
            names = mention_index.canonical if mention_index.canonical is not None else mention_index.text
            actors = list(dict.fromkeys(names[i] for i in sel))
        else:
            actors = _entities_in(doc)
        later = ref_date is not None and r.begin is not None and r.begin > ref_date
        status = "expected" if (expected_verb or later or r.anchor == EXPECTED_SPAN or r.tense == "future") else "past"
        rows.append(
            {
                "doc_id": r.doc_id,
                "sent": int(r.sent),
                "start": c_start,
                "end": c_end,
                "sent_text": article.text[c_start:c_end],
                "timex": r.text,
                "timex_start": int(r.start),
                "timex_end": int(r.end),
                "type": r.type,
                "value": r.value,
                "mod": r.mod,
                "begin": r.begin,
                "end_date": r.end_date,
                "derived": bool(r.derived),
                "status": status,
                "label": label or r.text,
                "actors": actors,
                "mentions": 1,
            }
        )
    merged = _merge_events(rows)
    if not merged:
        return empty_frame(
            EVENT_COLUMNS,
            ints=frozenset({"event", "sent", "start", "end", "timex_start", "timex_end", "mentions"}),
            bools=frozenset({"derived"}),
            objects=frozenset({*DATE_COLUMNS, "actors"}),
        )
    out = pd.DataFrame(merged, columns=[c for c in EVENT_COLUMNS if c != "event"])
    out.insert(1, "event", np.arange(len(out), dtype="int64"))
    return out


def _merge_events(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge each event into the first earlier one with the same value and mod whose label shares
    enough content words (at least 30% of the shorter label's), keeping the first.

    Earlier events are looked up by value and mod, then by the words they share with the label
    (an inverted index), not compared one by one (which was quadratic in the number of events).
    """
    merged: list[dict[str, Any]] = []
    words_of: list[set[str]] = []
    by_word: dict[tuple[str, str, str], list[int]] = {}
    for row in rows:
        words = _label_words(row["label"])
        key = (row["value"], row["mod"])
        candidates = sorted({k for w in words for k in by_word.get((*key, w), ())})
        for k in candidates:  # in order: the first that qualifies, as comparing one by one would
            pw = words_of[k]
            if len(words & pw) / min(len(words), len(pw)) >= 0.3:
                prev = merged[k]
                prev["mentions"] += 1
                prev["actors"] = list(dict.fromkeys(prev["actors"] + row["actors"]))
                break
        else:
            for w in words:
                by_word.setdefault((*key, w), []).append(len(merged))
            merged.append(row)
            words_of.append(words)
    return merged


class _Contexts:
    """What an event is read in: its sentence; in a sentence of more than
    :data:`analysis.nlp.MAX_CHUNK_TOKENS` tokens, the window of that many tokens holding the
    expression (the windows the tagger reads it in); and of that, the piece spaCy is given
    (:func:`analysis.nlp.model_pieces`: at most :data:`~analysis.nlp.MAX_DOC_CHARS` characters, long
    runs without whitespace cut). A normal sentence is one window and one piece: itself."""

    def __init__(self, text: str, sents: pd.DataFrame, tokens: pd.DataFrame) -> None:
        self.text = text
        self.sent_start = dict(zip(sents["sent"].tolist(), sents["start"].tolist()))
        self.sent_end = dict(zip(sents["sent"].tolist(), sents["end"].tolist()))
        self.tok_start = tokens["start"].to_numpy(dtype=np.int64)
        self.tok_end = tokens["end"].to_numpy(dtype=np.int64)
        self._pieces: dict[tuple[int, int], list[tuple[int, str]]] = {}

    def of(self, sent: int, char: int) -> tuple[int, int, int, str]:
        """The context of an expression starting at ``char`` in sentence ``sent``.

        Returns:
            tuple: Start and end of the context (raw offsets, whitespace trimmed), start of the text
            given to spaCy, and that text (’ read as ').
        """
        from ..text.nlp import MAX_CHUNK_TOKENS, model_pieces

        lo, hi = self.sent_start[sent], self.sent_end[sent]
        i0, i1 = np.searchsorted(self.tok_start, [lo, hi], side="left")
        if i1 - i0 > MAX_CHUNK_TOKENS:
            k = int(np.searchsorted(self.tok_start, char, side="right")) - 1
            w0 = i0 + (max(k, i0) - i0) // MAX_CHUNK_TOKENS * MAX_CHUNK_TOKENS
            w1 = min(w0 + MAX_CHUNK_TOKENS, i1)
            lo, hi = int(self.tok_start[w0]), int(self.tok_end[w1 - 1])
        if (lo, hi) not in self._pieces:
            self._pieces[(lo, hi)] = model_pieces(self.text[lo:hi].replace("’", "'"))
        pieces = self._pieces[(lo, hi)]
        offset, piece = pieces[0]
        for offset, piece in pieces:
            if char - lo < offset + len(piece):
                break
        if len(pieces) == 1:
            return lo, hi, lo, piece
        start = lo + offset
        stripped = piece.strip()
        c_start = start + len(piece) - len(piece.lstrip())
        return c_start, c_start + len(stripped), start, piece


def _entity_table(article: Article, tables: Any) -> pd.DataFrame | None:
    """Entity mentions from :func:`analysis.entities.entities` when that module is there, else None (spaCy ents)."""
    try:
        from ..people.entities import entities
    except ImportError:
        return None
    return entities(article, tables=tables)
