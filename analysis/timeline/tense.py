"""The tense of the clause around an expression (past, future, present), read on words without a tagger."""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from .data import vocabulary as R

# --------------------------------------------------------------------------
# Tense of the clause around an expression
# --------------------------------------------------------------------------

WORD_RE = re.compile(r"[\w’'-]+", re.UNICODE)
_WORD_SPLIT = re.compile(r"([\w’'-]+)", re.UNICODE)
FUTURE_SUFFIX = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{2,}(?:eront|erons|erez|erai|era|iront|ira|dront|dra|tront|tra)$")
CONDITIONAL_SUFFIX = re.compile(
    r"^[a-zàâçéèêëîïôûùüÿœ]{2,}(?:erait|eraient|irait|iraient|drait|draient|rrait|rraient)$"
)
IMPERFECT_SUFFIX = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{3,}(?:ait|aient)$")
PARTICIPLE = re.compile(
    r"^[a-zàâçéèêëîïôûùüÿœ]{1,}(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|ert|erte|int|ainte|eint)$"
)
_CLAUSE_END = re.compile(r"[.!?;\n]")
NOT_IMPERFECT = R.NOT_IMPERFECT


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence-like span around ``[start, end)`` (at most 300 characters each side)."""
    lo = max(0, start - 300)
    left = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(left)), default=0)
    a = lo + cut
    m = _CLAUSE_END.search(text, end, min(len(text), end + 300))
    b = m.start() if m else min(len(text), end + 300)
    return a, b


_SUBCLAUSE_CUT = re.compile(
    r"[,()«»:\"“”]|\b(?:alors\s+que|tandis\s+que|mais|lorsque|lorsqu['’]|quand|puisque|"
    r"car|avant\s+de|après)\b",
    re.I,
)


def tense_at(text: str, start: int, end: int, words: "Words | None" = None) -> str | None:
    """The tense nearest the expression: in its sub-clause (between commas and
    conjunctions) if it has a marker, else in its sentence-like clause.

    Args:
        text: The text.
        start: Start of the expression.
        end: End of the expression.
        words: The words of ``text`` (:class:`Words`), to reuse across calls.

    Returns:
        str | None: 'past', 'future', 'conditional' or None.
    """
    a, b = clause_of(text, start, end)
    sa = max((m.end() for m in _SUBCLAUSE_CUT.finditer(text, a, start)), default=a)
    m = _SUBCLAUSE_CUT.search(text, end, b)
    sb = m.start() if m else b
    if words is None:
        words = Words(text)
    return tense_in(words, start, end, sa, sb) or tense_in(words, start, end, a, b)


# Word classes for tense markers (see _word_class).
_CONDITIONAL, _FUTURE, _PAST_AUX, _PAST, _ETRE, _VENIR = 1, 2, 3, 4, 5, 6


@functools.lru_cache(maxsize=1 << 16)
def _word_class(raw: str) -> tuple[int, bool, bool, bool, bool]:
    """Tense class of one word, before looking at its neighbours (cached per word).

    Returns:
        tuple: (class: 0, _CONDITIONAL, _FUTURE, _PAST_AUX, _PAST, _ETRE (a present form of "être")
        or _VENIR (a form of "venir"); the word is a participle; the word starts with "aur"/"ser";
        the word is the participle of an être-verb; the word is an auxiliary form).
    """
    w = raw.lower().replace("’", "'")
    if w in R.CONDITIONAL_WORDS or (CONDITIONAL_SUFFIX.match(w) and w not in R.NOT_FUTURE):
        kind = _CONDITIONAL
    elif w in R.FUTURE_WORDS or (FUTURE_SUFFIX.match(w) and w not in R.NOT_FUTURE):
        kind = _FUTURE
    elif w in R.PAST_AUXILIARIES:
        kind = _PAST_AUX
    elif (
        w in R.PAST_WORDS
        or w in R.PASSE_SIMPLE
        or (IMPERFECT_SUFFIX.match(w) and w not in NOT_IMPERFECT and not w.endswith("rait"))
    ):
        kind = _PAST
    elif w in R.ETRE_PRESENT:
        kind = _ETRE
    elif w in R.VENIR_FORMS:
        kind = _VENIR
    else:
        kind = 0
    participle = PARTICIPLE.match(w) is not None and w not in R.NOT_PARTICIPLES
    etre_verb = participle and (
        w in R.ETRE_VERB_PARTICIPLES
        or w.rstrip("s") in R.ETRE_VERB_PARTICIPLES
        or w.rstrip("s")[:-1] in R.ETRE_VERB_PARTICIPLES
        and w.rstrip("s").endswith("e")
    )
    return kind, participle, w.startswith(("aur", "ser")), etre_verb, w in R.AUXILIARY_FORMS


class Words:
    """The words of a text (``WORD_RE``), found once; :meth:`between` gives
    exactly the words ``WORD_RE`` finds in ``text[a:b]`` (edge words clipped)."""

    __slots__ = ("text", "starts", "ends", "raws")

    def __init__(self, text: str) -> None:
        self.text = text
        # text = gap, word, gap, word, …, gap: offsets are running sums of the lengths.
        parts = _WORD_SPLIT.split(text)
        offsets = list(itertools.accumulate(map(len, parts), initial=0))
        self.starts: list[int] = offsets[1:-1:2]
        self.ends: list[int] = offsets[2::2]
        self.raws: list[str] = parts[1::2]

    def between(self, a: int, b: int) -> list[tuple[int, str]]:
        """``(start, word)`` of the words of ``text[a:b]``, start in ``text``."""
        i0 = bisect.bisect_right(self.ends, a)
        i1 = bisect.bisect_left(self.starts, b)
        if i0 >= i1 or a >= b:
            return []
        out = list(zip(self.starts[i0:i1], self.raws[i0:i1]))
        s, e = self.starts[i0], self.ends[i0]
        if s < a or e > b:
            out[0] = (max(s, a), self.text[max(s, a) : min(e, b)])
        if i1 - 1 > i0:
            s, e = self.starts[i1 - 1], self.ends[i1 - 1]
            if e > b:
                out[-1] = (s, self.text[s:b])
        return out


def tense_in(words: Words, start: int, end: int, a: int, b: int) -> str | None:
    """The tense marker of ``[start, end)`` among the words of ``text[a:b]``: the nearest one before it,
    else the first one after it (DIRECTION.md R4, as HeidelTime's getLastTense); None if there is none.

    Markers (DIRECTION.md §3, from the guide's tense table §2.1.7 and French grammar): a conditional,
    a future (word lists and endings), an auxiliary of "avoir" (or "sont", "s'est") followed within
    three words by a participle (past), an imperfect or a passé simple (past); a present form of
    "être" followed by the participle of an être-verb, or after a reflexive pronoun ("est arrivé",
    "s'y est rendu": past); "venir de" + infinitive (recent past, guide §3.1.9); and a past
    participle with no auxiliary in the three words before it, opening the clause or after a comma,
    right before the expression or one word away ("le texte, adopté mardi", "Arrivé jeudi", "Votée
    en septembre": an apposition, past; a noun in -é/-ée such as "soirée" or "administrés" is not
    taken for one inside a clause).
    """
    best: tuple[int, str] | None = None
    found = words.between(a, b)
    classes = [_word_class(w) for _, w in found]
    n = len(found)
    before = [i for i, (pos, _) in enumerate(found) if pos < start]
    last_before = before[-1] if before else -1
    for i, (pos, raw) in enumerate(found):
        if start <= pos < end:
            continue
        cls, participle, aur_ser, _, _ = classes[i]
        kind = None
        if cls == _CONDITIONAL:
            kind = "conditional"
            if aur_ser and i + 1 < n and classes[i + 1][1]:
                kind = "past"
        elif cls == _FUTURE:
            kind = "future"
        elif cls == _PAST_AUX:
            if any(c[1] for c in classes[i + 1 : i + 4]):
                kind = "past"
        elif cls == _PAST:
            kind = "past"
        elif cls == _ETRE:
            reflexive = i > 0 and found[i - 1][1].lower().replace("’", "'") in R.REFLEXIVE_PRONOUNS
            follow = classes[i + 1 : i + 4]
            if any(c[3] for c in follow) or (reflexive and any(c[1] for c in follow)):
                kind = "past"
        elif cls == _VENIR:
            nxt = found[i + 1][1].lower().replace("’", "'") if i + 1 < n else ""
            if nxt == "de" or (nxt.startswith("d'") and len(nxt) > 2):
                kind = "past"
        elif (
            participle
            and pos < start
            and last_before - i <= 1
            and not any(c[4] for c in classes[max(0, i - 3) : i])
            and (i == 0 or "," in words.text[found[i - 1][0] + len(found[i - 1][1]) : pos])
        ):
            kind = "past"
        if kind is None:
            continue
        # DIRECTION.md R4 (HeidelTime getLastTense): the marker before the expression first, the
        # nearest one; else the first after it.
        dist = start - pos if pos < start else 10_000 + pos - end
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None
