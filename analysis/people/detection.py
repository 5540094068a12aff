"""Where attributions are: quotations, reporting verbs and according-to phrases, over one segment.

The rules read the token table (lemmas, coarse POS) of one segment (a paragraph) and give raw
attributions: the content's character span, the cue's token span, and the token span where the
speaker phrase lies (before the verb, after it in an inversion, or after *selon*). Who the speaker
is, is decided by :mod:`analysis.people.speakers`. Every rule follows French grammar as the quote
gold's guide states it (``data/annotations/quotes/GUIDE.md``, GUIDE below):

* **Quotations** (GUIDE 3.1, 3.4): the outermost « », “ ” or " " pairs of a paragraph (inner marks
  are quotes of quotes); a « not closed before the paragraph's end runs to it (French typography
  reopens the guillemet at each paragraph of a long quotation, and the next paragraph opening with
  « continues it). A quotation is attributed by an incise after it (``», a-t-il ajouté``,
  ``» déclare à l'AFP X``), an introducing clause before it (``X a déclaré : «``, ``X a dénoncé «``),
  an incise inside it (``« A, dit-il, B »``), or, when it opens a sentence with no cue, as the
  continuation of the previous attribution (``resolution: previous``). Scare quotes (fewer than
  :data:`MIN_DIRECT_WORDS` words, no cue) are no attribution.
* **Reporting verbs** (GUIDE 2, 3.2, 3.3): a lemma of the lexicon (``speech_verbs_fr.tsv``) in any
  tense, mood and person, with its auxiliary, a reflexive clitic (pronominal verbs: *s'est
  réjoui*) and an inverted subject (*a-t-il ajouté*, *estime-t-elle*, *dit-on*); locutions
  (*faire savoir*, *mettre en garde*) as lemma sequences. Its content is the *que* clause, the
  infinitive (*affirme avoir été agressée*, *accuse X d'avoir*), what follows a colon, a noun
  phrase for verbs whose frame allows one (*a nié toute responsabilité*), or, for an incise
  closing a clause (``…, affirme X.``), the clause before it.
* **According-to** (GUIDE 2, 3.1): *selon X*, *d'après X*, *de l'avis de X*, *aux yeux de X*,
  *de source(s) …* and a sentence-initial *Pour X,* (a view framed as X's, GUIDE 2) scope over the
  rest of their clause.

A quotation that lies inside the content of a reported clause is part of it (the row's kind is
then ``mixed``, or ``direct`` when the content is the quotation itself), never a second row.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..text.nlp import MAX_CHUNK_TOKENS
from .according import according_length, according_scope
from .channels import medium_phrase_end
from .clauses import clause_start, content_end, speaker_right
from .constructions import (
    conjunctive_que,
    epithet_participle,
    impersonal_subject,
    naming_participle,
    non_finite,
    opens_participial_cue,
    opinion_content,
    passive,
    time_adjunct_end,
)
from .entities import MentionIndex
from .exclusions import attributes_nothing
from .incises import attribute_verb, colon_verb, comme_incises, continued_clause, incise_verb
from .lexicon import SpeechVerb, locutions, pronominals, source_forms, speech_verbs
from .verbforms import first_group, lookup, verbal

__all__ = [
    "MAX_WINDOW_TOKENS",
    "MIN_DIRECT_WORDS",
    "QUOTE_PAIRS",
    "RawAttribution",
    "Segment",
    "find_attributions",
    "quote_spans",
    "windows",
]

#: Longest sentence read whole, in tokens; a longer one is read in windows of this many tokens
#: (those spaCy tags it in), so that no phrase, claim or reported clause runs past one.
MAX_WINDOW_TOKENS = MAX_CHUNK_TOKENS

#: Opening → closing quotation marks (" is its own closing mark).
QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”", '"': '"'}
#: Words of a quotation (at least) to count it as speech without a cue of its own.
MIN_DIRECT_WORDS = 4
#: Tokens that end a phrase (besides punctuation).
PHRASE_STOPS = frozenset({"que", "qu'", "qui", "«", "»", "“", "”"})
#: Reflexive and object clitics that may stand inside a verb group (GUIDE 3.3, A13).
CLITICS = frozenset(
    {"se", "s'", "ne", "n'", "lui", "leur", "nous", "vous", "me", "m'", "te", "t'", "y", "en", "l'", "le", "la", "les"}
)
#: Stressed pronouns that may stand between the auxiliary and the participle (*a elle relevé*, A13).
STRESSED = frozenset({"elle", "lui", "eux", "elles"})
#: Prepositions that open a medium or addressee phrase (GUIDE 3.5).
MEDIUM_PREPOSITIONS = frozenset({"à", "au", "aux", "sur", "dans", "devant", "auprès", "lors", "en"})
#: Words that may stand between a reporting verb and its *que* (an addressee, an adverb, a date).
MAX_QUE_GAP = 8
_INVERTED = re.compile(r"^-(?:t-)?(il|elle|ils|elles|on)$")
_POS_NOT_VERB = frozenset({"NOUN", "PROPN", "DET", "ADP", "NUM", "CCONJ", "SCONJ", "PUNCT"})


def _norm(s: str) -> str:
    return s.replace("’", "'").lower()


@dataclass
class RawAttribution:
    """An attribution as found, before its speaker is resolved.

    Attributes:
        start, end: The content's character span (raw text).
        kind: ``direct``, ``indirect``, ``mixed`` or ``according-to``.
        cue: The cue's tokens ``(lo, hi)`` in the segment, or None (continuation).
        verb: The cue's lemma (``""`` for a continuation).
        stance: The cue's stance class (``""`` when none).
        speaker: Token span ``(lo, hi)`` of the speaker phrase, or None.
        side: Where the speaker phrase is: ``left`` (subject), ``right`` (inverted), ``previous``.
        sent: Sentence id of the cue (or of the content).
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    verb: str
    stance: str
    speaker: tuple[int, int] | None
    side: str
    sent: int
    quotes: list[tuple[int, int]] = field(default_factory=list)


class Segment:
    """The tokens of one segment as plain lists, with the look-ups the rules need built once."""

    def __init__(self, full: str, start: int, end: int, toks: dict[str, list[Any]], mentions: MentionIndex) -> None:
        self.full = full
        self.offset = start
        self.stop_char = end
        self.start = toks["start"]
        self.end = toks["end"]
        self.text = toks["text"]
        self.low = [_norm(t) for t in self.text]
        self.lemma = [_norm(str(x)) for x in toks["lemma"]]
        self.pos = toks["pos"]
        self.sent = toks["sent"]
        self.mentions = mentions
        self.sent_lo, self.sent_hi = windows(self.sent, MAX_WINDOW_TOKENS)

    def __len__(self) -> int:
        return len(self.start)

    def index_at(self, char: int) -> int:
        """First token starting at or after ``char``."""
        return bisect.bisect_left(self.start, char)

    def is_punct(self, k: int) -> bool:
        return self.pos[k] == "PUNCT" or bool(re.fullmatch(r"[^\w]+", self.text[k]))

    def is_stop(self, k: int) -> bool:
        """Punctuation (but a hyphen glued inside a word, *al-Rahman*), *que*, *qui* or a quotation mark."""
        if (
            self.text[k] == "-"
            and 0 < k < len(self) - 1
            and self.end[k - 1] == self.start[k]
            and self.end[k] == self.start[k + 1]
        ):
            return False
        return self.is_punct(k) or self.low[k] in PHRASE_STOPS

    def inverted(self, k: int) -> bool:
        """Whether token ``k`` is an inverted subject pronoun (``-t-il``, ``-elle``, ``-on``)."""
        return 0 <= k < len(self) and bool(_INVERTED.match(self.low[k]))

    def verb(self, k: int) -> tuple[SpeechVerb, int] | None:
        """The reporting verb whose (last) word is token ``k``, and the token after it, or None.

        The lemma is the tagger's or, when the tagger reads the form as a noun or an adjective
        (*nié*, *dénonce*), the look-up table's (:func:`analysis.text.lemmas_fast.tables`); a form
        right after a determiner is a noun (*l'annonce*, *cette déclaration*), never a cue (GUIDE A9).
        """
        if not 0 <= k < len(self) or self.pos[k] in ("PROPN", "DET", "ADP", "NUM", "CCONJ", "SCONJ", "PUNCT"):
            return None
        if (
            k > 0
            and not self.inverted(k - 1)  # "a-t-il ajouté": a tagger may read -t-il as a determiner
            and self.pos[k - 1] == "DET"
            and self.low[k - 1] not in ("l'", "le", "la", "les")
            or k > 0
            and self.low[k - 1]
            in ("l'", "le", "la", "les", "un", "une", "des", "du", "cette", "ce", "son", "sa", "ses", "leur", "leurs")
            and self.pos[k] == "NOUN"
        ):
            return None
        for loc in locutions():
            w = loc.words
            if self.lemma[k] == w[0] or self.low[k] == w[0]:
                j, ok = k + 1, True
                for word in w[1:]:
                    while j < len(self) and self.pos[j] == "ADV" and self.low[j] != word:
                        j += 1  # an adverb inside a locution stays inside it (A13)
                    if j < len(self) and (self.lemma[j] == _norm(word) or self.low[j] == _norm(word)):
                        j += 1
                    else:
                        ok = False
                        break
                if ok:
                    return loc, j
        v = speech_verbs().get(self.lemma[k]) or speech_verbs().get(lookup().get(self.low[k], ""))
        if v is None and (
            self.pos[k] != "NOUN"
            or k > 0
            and (self.pos[k - 1] in ("NOUN", "PROPN", "PRON", "ADJ", "PUNCT") or self.lemma[k - 1] in ("avoir", "être"))
        ):
            # a first-group form read as a noun is a verb only after its subject (L'ONG dénonce), in an
            # incise (», juge le ministère) or after an auxiliary (s'est félicité: a participle of a
            # compound tense, Riegel et al. ch. IX), never after a conjunction or a preposition (et menaces)
            v = next((speech_verbs()[c] for c in first_group(self.low[k]) if c in speech_verbs()), None)
        if v is None:
            return None
        pron = _pronominal(self, k)
        if pron and v.words[0] in pronominals():
            return pronominals()[v.words[0]], k + 1
        if v.frame == "pronominal" and not pron:
            return None
        return v, k + 1

    def group_start(self, k: int) -> int:
        """First token of the verb group ending at ``k``: auxiliaries, clitics, negation, adverbs."""
        j = k
        while j - 1 >= self.sent_lo[k]:
            p = j - 1
            if self.lemma[p] in ("avoir", "être") and self.pos[p] in ("AUX", "VERB"):
                j = p
            elif (
                self.low[p] in CLITICS
                and self.pos[p] in ("PRON", "DET", "ADV", "ADP", "PROPN")
                and j < len(self)
                and (self.lemma[j] in ("avoir", "être") or j == k)
            ):
                j = p
            elif self.low[p] in STRESSED and p - 1 >= self.sent_lo[k] and self.lemma[p - 1] == "avoir":
                j = p
            elif self.inverted(p) or self.low[p] in (
                "pas",
                "ne",
                "n'",
                "donc",
                "aussi",
                "également",
                "ensuite",
                "toutefois",
                "pourtant",
                "cependant",
                "alors",
                "déjà",
                "encore",
                "même",
                "notamment",
                "enfin",
                "plutôt",
            ):
                j = p
            else:
                break
        return j


def windows(sent: list[int], size: int) -> tuple[list[int], list[int]]:
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


def _pronominal(seg: Segment, k: int) -> bool:
    """Whether the verb at ``k`` has a reflexive clitic in its group (*s'est réjoui*, *se dit*)."""
    j = k - 1
    while j >= seg.sent_lo[k] and j >= k - 4:
        if seg.low[j] in ("se", "s'"):
            return True
        if not (seg.lemma[j] in ("avoir", "être") or seg.low[j] in CLITICS or seg.pos[j] == "ADV"):
            return False
        j -= 1
    return False


def quote_spans(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost quotation spans (marks included) of ``raw[start:end]``; an unclosed one runs to ``end``."""
    spans = []
    k = start
    while k < end:
        ch = raw[k]
        if ch in QUOTE_PAIRS:
            close = QUOTE_PAIRS[ch]
            depth, j = 1, k + 1
            while j < end:
                c = raw[j]
                if c == close and (close != '"' or depth == 1):
                    depth -= 1
                    if depth == 0:
                        break
                elif c == ch and ch != '"':
                    depth += 1
                j += 1
            stop = j + 1 if j < end else end
            spans.append((k, stop))
            k = stop
        else:
            k += 1
    return spans


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _complement(seg: Segment, v: SpeechVerb, nxt: int, hi: int) -> tuple[int, int] | None:
    """Token span of the content of the verb whose group ends before ``nxt`` (None: no content)."""
    j = nxt
    # an addressee, a medium or an adverb may stand between the verb and its que (a déclaré à l'AFP que)
    for q in range(j, min(j + MAX_QUE_GAP, hi)):
        if seg.low[q] in ("que", "qu'"):
            if (
                any(seg.is_punct(x) and seg.low[x] != "," for x in range(j, q))
                or seg.verb(q - 1)
                and q - 1 > j
                or conjunctive_que(seg, q, j)
            ):
                break  # another verb's que, or an adverbial clause (avant que, parce que: constructions)
            return (q + 1, content_end(seg, q + 1, hi)) if q + 1 < hi else None
        if seg.is_punct(q) and seg.low[q] not in (",",):
            break
    while j < hi and seg.pos[j] == "ADV" and seg.low[j] not in ("ne", "n'", "pas"):
        j += 1  # revendiquent notamment l'obtention ...
    t = time_adjunct_end(seg, j, hi)
    if (
        t is not None and t < hi and (seg.low[t] == "," or seg.pos[t] == "DET")
    ):  # a annoncé ce matin son abandon: a time adjunct, not the object
        j = t
        if seg.low[j] == "," and j + 1 < hi and seg.pos[j + 1] in ("DET", "NOUN"):
            j += 1  # a annoncé ce matin, son abandon
    if j < hi and seg.low[j] == ",":  # an aside between commas: "a relevé, grâce aux indications …, l'existence"
        close = next((x for x in range(j + 1, min(j + 16, hi)) if seg.low[x] == ","), None)
        if close is not None and close + 1 < hi and seg.pos[close + 1] in ("DET", "NOUN"):
            j = close + 1
    if j >= hi:
        return None
    if seg.low[j] == ":":
        return (j + 1, content_end(seg, j + 1, hi)) if j + 1 < hi else None
    # de + infinitive (accuser X d'avoir ..., demander de ...), after an optional object
    for d in range(j, min(j + 9, hi)):
        inf = d + 1
        while inf < hi and (seg.low[inf] in ("ne", "n'", "pas", "plus", "jamais") or seg.low[inf] in CLITICS):
            inf += 1  # de ne pas suivre, de s'en prendre, de lui donner (clitics precede the infinitive)
        if seg.low[d] in ("de", "d'") and inf < hi and seg.pos[inf] in ("VERB", "AUX"):
            if any(seg.is_punct(x) for x in range(j, d)):
                break
            return d + 1, content_end(seg, d + 1, hi)
        if seg.is_punct(d):
            break
    # an infinitive right after the verb (affirme avoir été agressée)
    if seg.pos[j] in ("VERB", "AUX") and re.search(r"(er|ir|re|oir)$", seg.low[j]):
        return j, content_end(seg, j, hi)
    if v.frame in ("speech", "pronominal", "locution") and seg.low[j] in ("à", "au", "aux"):
        # the addressee before the message (demande au gouvernement des mesures: the two complements of a
        # verb of communication may come in either order, Riegel et al., ch. VI § 4.3; GUIDE 3.5)
        x = j + 1 if seg.low[j] != "à" else j + 2 if j + 1 < hi and seg.pos[j + 1] == "DET" else j + 1
        if x < hi and seg.pos[x] in ("NOUN", "PROPN"):
            while x + 1 < hi and seg.pos[x + 1] in ("NOUN", "PROPN", "ADJ"):
                x += 1
            if x + 1 < hi and seg.pos[x + 1] == "DET" and seg.low[x + 1] not in ("le", "la", "les", "l'"):
                j = x + 1
    if (
        v.frame in ("speech", "pronominal", "locution")
        and seg.low[j] in ("sur", "du", "de", "d'")
        and j + 1 < hi
        and seg.pos[j + 1] in ("DET", "NOUN", "ADJ")
    ):
        j += 1  # insister sur X, pointer du doigt X
    if v.frame in ("speech", "pronominal", "locution") and seg.pos[j] in ("DET", "NOUN", "PROPN", "ADJ", "NUM"):
        k = j
        while (
            k < hi
            and not seg.is_stop(k)
            and not (
                seg.low[k] in ("en", "et", "mais", "avant", "après", "pour")
                and k + 1 < hi
                and seg.pos[k + 1] in ("VERB", "AUX", "ADP")
            )
            and not (k > j and opens_participial_cue(seg, k, hi))
            and not (k > j and seg.low[k] in ("à", "au", "aux", "auprès") and _opens_medium(seg, k, hi))
        ):
            k += 1
        if seg.pos[j] == "PROPN" and k - j <= 3:
            return None  # a name alone is an addressee or an object (il a appelé Paul), not a message
        if k > j and k + 1 < hi and seg.low[k] == ":" and seg.text[k + 1] in ("«", "“"):
            return j, content_end(seg, k + 1, hi)  # X a insisté sur P : « Q »: one content (GUIDE A2)
        return (j, k) if k > j else None
    return None


def _opens_medium(seg: Segment, k: int, hi: int) -> bool:
    """Whether an addressee or medium phrase (*à la presse*, *au Figaro*) opens at ``k``.

    The object noun phrase and the *à* complement are two complements of the verb (Riegel et al.,
    ch. VI § 4.3), so the message ends before the medium (GUIDE 3.5: *a révélé ce décès à la presse*).
    Only a channel or outlet word counts here, not any organisation's name: *la comparution de X au
    Congrès* keeps its complement.
    """
    return medium_phrase_end(seg, k, hi, None) is not None


def _inverted_in_group(seg: Segment, lo: int, k: int) -> int | None:
    """Index of an inverted pronoun inside the verb group ``[lo, k]`` (*a-t-il ajouté*)."""
    for j in range(lo, k + 1):
        if seg.inverted(j):
            return j
    return None


def find_attributions(seg: Segment) -> list[RawAttribution]:
    """Every attribution of one segment, in text order (module docstring)."""
    out: list[RawAttribution] = []
    qspans = quote_spans(seg.full, seg.offset, seg.stop_char)
    taken = [False] * len(seg)  # tokens already part of a cue or speaker phrase
    unattributed = []
    for a, b in qspans:
        row = _attribute_quote(seg, a, b, taken)
        if row is not None:
            out.append(row)
        else:
            unattributed.append((a, b))
    for a, b in qspans:  # a verb inside a quotation is the quoted speaker's own words (GUIDE A9)
        for k in range(seg.index_at(a), min(seg.index_at(b), len(seg))):
            taken[k] = True
    for (c_lo, c_hi), cue, lemma, stance, spk, side in comme_incises(seg, taken):  # comme le rappelle X
        out.append(
            RawAttribution(
                seg.start[c_lo], seg.end[c_hi - 1], "indirect", cue, lemma, stance, spk, side, seg.sent[c_lo]
            )
        )
    _verbs_and_according(seg, out, taken, qspans)
    out.extend(_islands(seg, unattributed, out))
    return _merge_quotes(out)


def _islands(seg: Segment, spans: list[tuple[int, int]], rows: list[RawAttribution]) -> list[RawAttribution]:
    """Quoted islands with no cue that continue an attribution earlier in the paragraph (GUIDE A4b).

    A speech-length quotation (:data:`MIN_DIRECT_WORDS` words, with a verb: a title, a name or a term
    quoted in autonymy has none, Augustyn et al. 2015) inside a sentence of the article, with no cue
    of its own, right after an attribution (in the same or the previous sentence of the paragraph)
    continues that source (*Les agresseurs auraient remarqué un « … »*, GUIDE A4b; Muzny et al.
    2017's "previous speaker" sieve); a quotation inside another row's content is part of it.
    """
    out = []
    for a, b in spans:
        inner = (a + 1, b - 1 if seg.full[b - 1] in '»”"' and b - a > 1 else b)
        if _words(seg.full[a:b]) < MIN_DIRECT_WORDS or any(r.start <= inner[0] and inner[1] <= r.end + 1 for r in rows):
            continue
        first, last = seg.index_at(a), min(seg.index_at(b), len(seg))
        sent = int(seg.sent[first])
        has_verb = any(seg.pos[k] in ("VERB", "AUX") for k in range(first, last))
        if has_verb and any(r.end <= a and r.sent >= sent - 1 for r in rows):
            out.append(RawAttribution(*inner, "direct", None, "", "", None, "previous", sent))
    return out


def _mark(taken: list[bool], *spans: tuple[int, int] | None) -> None:
    for sp in spans:
        if sp:
            for k in range(sp[0], sp[1]):
                taken[k] = True


def _attribute_quote(seg: Segment, a: int, b: int, taken: list[bool]) -> RawAttribution | None:
    first, last = seg.index_at(a), seg.index_at(b)
    if first >= len(seg):
        return None
    content = seg.full[a:b]
    inner = (a + 1, b - 1 if content[-1] in '»”"' and b - a > 1 else b)
    sent = int(seg.sent[first])
    # after: », [aux] VERB [-t-il] SPEAKER   |   » VERB-t-il
    k = last + 1 if last < len(seg) and seg.low[last] == "," else last
    j = k
    while j < len(seg) and (
        seg.lemma[j] in ("avoir", "être")
        and seg.pos[j] in ("AUX", "VERB")
        or seg.inverted(j)
        or seg.low[j] in ("s'", "se", "ne", "n'")
    ):
        j += 1
    found = seg.verb(j) if j < len(seg) and not seg.is_punct(j) else None
    if found is None and j < len(seg) and last < len(seg) and j > last:
        found = incise_verb(seg, j, subject_np=seg.low[last] == ",")  # any verb in an incise (GUIDE 2)
    if found and last < len(seg) and (j == last or seg.low[last] == "," or seg.sent[j] == seg.sent[last]):
        v, nxt = found
        hi = seg.sent_hi[j] if j < len(seg) else len(seg)
        inv = _inverted_in_group(seg, k, j)
        spk = (inv, inv + 1) if inv is not None else speaker_right(seg, nxt, hi)
        _mark(taken, (k, nxt), spk)
        return RawAttribution(inner[0], inner[1], "direct", (k, nxt), v.lemma, v.stance, spk, "right", sent)
    # before: SPEAKER VERB [, aside,] [que|:] «
    p = first - 1
    if p >= 0 and seg.low[p] in (":", "que", "qu'"):
        p -= 1
    if p >= 1 and seg.low[p] == ",":  # an aside between commas: "estime, au contraire, que «"
        q = p - 1
        while q >= seg.sent_lo[first] and q >= p - 5 and seg.low[q] != ",":
            q -= 1
        if q >= seg.sent_lo[first] and seg.low[q] == ",":
            p = q - 1
    if p >= 0:
        for q in range(p, max(p - 4, seg.sent_lo[first] - 1, -1), -1):
            found = seg.verb(q)
            if found and not taken[q] and not (q == first - 1 and naming_participle(seg, seg.group_start(q), q)):
                v, cue_hi = found
                lo = seg.group_start(q)
                inv = _inverted_in_group(seg, lo, q)
                spk = (inv, inv + 1) if inv is not None else None
                side = "right" if inv is not None else "left"
                _mark(taken, (lo, cue_hi))
                return RawAttribution(inner[0], inner[1], "direct", (lo, cue_hi), v.lemma, v.stance, spk, side, sent)
            if seg.is_punct(q) and seg.low[q] not in (":", ","):
                break
    attr = attribute_verb(seg, first, taken)  # a qualified object: "a décrit X comme « … »" (GUIDE 2)
    if attr is not None:
        q, cue_hi = attr
        found = seg.verb(q)
        if found is not None:
            v = found[0]
            lo = seg.group_start(q)
            inv = _inverted_in_group(seg, lo, q)
            spk = (inv, inv + 1) if inv is not None else None
            _mark(taken, (lo, cue_hi))
            side = "right" if inv is not None else "left"
            return RawAttribution(inner[0], inner[1], "direct", (lo, cue_hi), v.lemma, v.stance, spk, side, sent)
    if first > 0 and seg.low[first - 1] == ":":  # any verb introducing a quotation after a colon (GUIDE A16b)
        col = colon_verb(seg, first - 1, taken)
        if col is not None:
            lo, q, v, cue_hi = col
            inv = _inverted_in_group(seg, lo, q)
            spk = (inv, inv + 1) if inv is not None else None
            _mark(taken, (lo, cue_hi))
            side = "right" if inv is not None else "left"
            return RawAttribution(inner[0], inner[1], "direct", (lo, cue_hi), v.lemma, v.stance, spk, side, sent)
    # inside: « A, dit-il, B »
    for q in range(first + 1, min(last, len(seg))):
        found = seg.verb(q) if seg.low[q - 1] == "," else None
        if found is not None and seg.inverted(found[1]):
            v, nxt = found
            _mark(taken, (q, nxt + 1))
            return RawAttribution(
                inner[0], inner[1], "direct", (q, nxt), v.lemma, v.stance, (nxt, nxt + 1), "right", sent
            )
    # no cue: a continuation when the quotation opens its sentence and is speech-length (GUIDE 3.4)
    k = first - 1
    while k >= seg.sent_lo[first] and k >= first - 3 and seg.is_punct(k):
        k -= 1  # only punctuation (a dash, a dateline's full stop) before it: it opens its sentence
    # or a quoted island after a comma or a colon, continuing the source (GUIDE 3.4)
    opens = k < seg.sent_lo[first] or first > seg.sent_lo[first] and seg.low[first - 1] in (",", ":")
    if opens and _words(content) >= MIN_DIRECT_WORDS:
        return RawAttribution(inner[0], inner[1], "direct", None, "", "", None, "previous", sent)
    return None


def _verbs_and_according(
    seg: Segment, out: list[RawAttribution], taken: list[bool], qspans: list[tuple[int, int]]
) -> None:
    according = source_forms("according")
    n = len(seg)
    k = 0
    while k < n:
        if taken[k]:
            k += 1
            continue
        lo_s, hi_s = seg.sent_lo[k], seg.sent_hi[k]
        form = according_length(seg, k, according)
        if form:
            p_lo = k + form
            p_hi = p_lo
            while p_hi < hi_s and not seg.is_stop(p_hi):
                p_hi += 1
            if p_hi > p_lo:
                c_lo, c_hi = according_scope(seg, k, p_hi, lo_s, hi_s)
                if c_hi > c_lo:
                    out.append(
                        RawAttribution(
                            seg.start[c_lo],
                            seg.end[c_hi - 1],
                            "according-to",
                            (k, k + form),
                            _norm(seg.full[seg.start[k] : seg.end[k + form - 1]]),
                            "",
                            (p_lo, p_hi),
                            "right",
                            int(seg.sent[k]),
                        )
                    )
                    _mark(taken, (k, p_hi))
                    k = p_hi
                    continue
        found = seg.verb(k)
        if found is None and k > lo_s and seg.low[k - 1] == ",":
            found = incise_verb(seg, k)  # "…, appuie-t-il, …": any verb with an inverted subject (GUIDE 2)
        if found is None:
            k += 1
            continue
        v, nxt = found
        lo = seg.group_start(k)
        inv = _inverted_in_group(seg, lo, k)
        if inv is None and nxt < hi_s and seg.inverted(nxt):
            inv = nxt
            nxt += 1
        comp = _complement(seg, v, nxt, hi_s)
        clause = comp is not None and seg.low[comp[0] - 1] in ("que", "qu'", ":")
        if comp is not None and (
            not clause
            and epithet_participle(seg, lo, k)
            or passive(seg, lo, k)
            and not (clause and impersonal_subject(seg, lo))
        ):
            comp = None  # la fermeture annoncée de l'usine; n'a pas été confirmée de source (constructions)
        judged = None if clause or v.frame != "opinion" or passive(seg, lo, k) else opinion_content(seg, nxt, hi_s)
        if judged is not None:  # juge la situation préoccupante; estime à 3 000 le nombre de …
            comp = (judged, content_end(seg, judged, hi_s))
        # an incise: the verb opens its clause after a comma or a closing mark and has no clause of its
        # own after it; a noun phrase after it is then its inverted subject (", a rapporté le Washington
        # Post."), not its object (GUIDE 2: "in an incise after it")
        np_object = comp is not None and comp[0] == nxt and seg.pos[nxt] in ("DET", "PROPN", "NOUN")
        incise = (
            lo > lo_s
            and seg.low[lo - 1] in (",", "»")
            and (comp is None or inv is not None or np_object)
            and (inv is not None or not non_finite(seg, lo, k) and not passive(seg, lo, k))
        )
        if incise and inv is None and seg.low[lo - 1] == ",":
            c_lo = clause_start(seg, lo - 1, lo_s)
            # no verb before the comma: the words there are the subject and its apposition (David
            # Martin, le rapporteur, a reconnu …), not a reported clause (an incise follows a clause,
            # Grevisse § 378; GUIDE 3.2); a bare participle there is an apposition of the subject (Le
            # syndicat, très remonté, demande …: Riegel et al., ch. XI § 4.2, participe apposé), no clause
            incise = seg.pos[c_lo] not in ("DET", "PROPN", "NOUN") or any(
                verbal(seg, x) and not non_finite(seg, seg.group_start(x), x) or seg.text[x] in ("»", "”")
                for x in range(c_lo, lo - 1)
            )  # an adverbial before the comma is no subject (Par ailleurs, poursuit X, …: incises.py)
        if incise:
            spk = (inv, inv + 1) if inv is not None else speaker_right(seg, nxt, hi_s)
            c_lo = clause_start(seg, lo - 1, lo_s)
            c_hi = lo - 1 if seg.low[lo - 1] == "," else lo
            inside = continued_clause(seg, c_lo, lo, spk, inv is not None, hi_s) if spk else None
            if inside is not None:  # "Il est, disent-ils, la langue de …": the incise inside its clause
                c_lo, c_hi = inside
            if spk and c_hi > c_lo:
                out.append(
                    RawAttribution(
                        seg.start[c_lo],
                        seg.end[c_hi - 1],
                        "indirect",
                        (lo, nxt),
                        v.lemma,
                        v.stance,
                        spk,
                        "right",
                        int(seg.sent[k]),
                    )
                )
                _mark(taken, (lo, nxt), spk)
                k = spk[1] if spk else nxt
                continue
        if (
            comp is not None
            and (v.frame != "opinion" or seg.low[comp[0] - 1] in ("que", "qu'") or judged is not None)
            and not attributes_nothing(seg, lo, nxt, comp, v)
        ):
            spk = (inv, inv + 1) if inv is not None else None
            side = "right" if inv is not None else _subject_side(seg, lo, k)
            c_lo, c_hi = comp
            if c_hi > c_lo:
                out.append(
                    RawAttribution(
                        seg.start[c_lo],
                        seg.end[c_hi - 1],
                        "indirect",
                        (lo, nxt),
                        v.lemma,
                        v.stance,
                        spk,
                        side,
                        int(seg.sent[k]),
                    )
                )
                _mark(taken, (lo, nxt))
        k = nxt


def _subject_side(seg: Segment, lo: int, k: int) -> str:
    """Where the source of a verb without an inverted subject is: its subject on the left, or none.

    A bare past participle after a noun is an epithet of that noun (Riegel et al., ch. XI § 4.2;
    Grevisse § 912), passive in sense: in *L'explication avancée est que …* the noun is what was put
    forward, never who put it forward, and the agent is not expressed. GUIDE A9 of the quote gold
    gives such an agentless participle the source of the attributions before it (``previous``).

    Args:
        seg (Segment): The paragraph's tokens.
        lo (int): First token of the verb group.
        k (int): The verb's (last) token.

    Returns:
        str: ``previous`` for an epithet participle, else ``left``.
    """
    return "previous" if epithet_participle(seg, lo, k) else "left"


def _merge_quotes(rows: list[RawAttribution]) -> list[RawAttribution]:
    """A quotation inside another row's content is part of it (mixed or direct), not a row of its own."""
    quotes = [r for r in rows if r.kind == "direct"]
    others = [r for r in rows if r.kind != "direct"]
    keep = []
    for q in quotes:
        host = next((o for o in others if o.start <= q.start and q.end <= o.end + 1), None)
        if host is None:
            keep.append(q)
            continue
        host.quotes.append((q.start, q.end))
        if host.kind == "indirect":
            whole = host.start >= q.start - 1 and host.end <= q.end + 1
            host.kind = "direct" if whole else "mixed"
    # two rows on one content (an incise and a reported clause): keep the first found; a cue-less
    # quotation followed in its sentence by a quotation with an incise is one mixed attribution
    # (« A », la question est de savoir « B », affirme-t-il: GUIDE 3.1)
    out: list[RawAttribution] = []
    for r in sorted(keep + others, key=lambda r: (r.start, r.end)):
        if out and r.start == out[-1].start and r.end == out[-1].end:
            continue
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == "direct"
            and last.cue is None
            and r.kind == "direct"
            and r.cue is not None
            and r.sent == last.sent
            and r.side == "right"
        ):
            r.start, r.kind = last.start, "mixed"
            out[-1] = r
            continue
        out.append(r)
    return out
