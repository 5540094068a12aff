"""Who speaks: the speaker phrase of an attribution, its head mention, medium and canonical entity.

Given the token span of the speaker phrase (:mod:`analysis.people.phrases`, from where
:mod:`analysis.people.detection` located the attribution; or none),
the rules of the quote gold's guide (GUIDE 3.5, 4.1–4.4) decide:

* ``speaker_text`` (the head mention) and its offsets: the name of the phrase's person or
  organisation mention (a person preferred, GUIDE 4.1), else a subject pronoun (*il*, *elle*,
  *-t-il* → *il*), else the descriptive noun phrase (determiner, role noun and the complements that
  define it, without appositions). Never a verb: a phrase holding a verb is cut before it, and a
  subject-less verb (*en affirmant*, *et a nié*) takes the controlling subject of its sentence.
* ``medium``: a phrase *à l'AFP*, *sur Europe 1*, *dans un communiqué* between the verb and an
  inverted subject, which is the channel, never the speaker (GUIDE 3.5); one elsewhere in the
  clause is found by :mod:`analysis.people.media`.
* ``speaker`` (canonical) and ``resolution``: ``name`` (the mention's canonical entity, from
  :class:`analysis.people.entities.MentionIndex`); ``pronoun`` (a third-person pronoun refers to the
  organisation quoted just before it, in its sentence or the one before, with no person named since
  and of the gender of its class noun; else to the most recent source of the same kind and gender, else to the first agreeing person named outside a
  preposition in its sentence or the one before (Hobbs 1978; centering), else to the nearest person
  named before it — French anaphora binds the nearest salient antecedent that agrees in gender and
  number); ``role``
  (a definite role noun — *le ministre*, *l'ONG*, *le quotidien* — refers to the name the article set
  beside the same noun, :mod:`analysis.people.antecedents`, else to the source of its type named
  nearest before it, or to the name in its own apposition; a spokesperson or office of a
  named institution is the institution, GUIDE A7; a public body, *la police*, *le gouvernement*,
  takes up only a name holding its noun, else is a source of its own, and a feminine phrase,
  *la ministre*, only a person the text does not show as a man: :mod:`analysis.people.reference`; a
  person named in a role noun's complement, *l'avocat de X*, is not the source:
  :mod:`analysis.people.roles`); ``previous`` (a continuation takes the
  previous attribution's speaker; but a cue-less quotation opened after the colon of a clause of its
  own sentence, or after *Selon X,*, takes that clause's subject or according-to object, GUIDE A16b:
  :meth:`Resolver._colon_introducer`); ``none``.
* ``named``: the speaker is an entity the article names (a unique institutional designation such as
  *le ministère de l'Intérieur* counts, GUIDE 4.4); an indefinite phrase (*un responsable*, *des
  habitants*, *on*) is not, and its ``speaker`` stays the phrase.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from .antecedents import apposed_names, nearest_apposed, restrictive_complement, set_beside
from .detection import MEDIUM_PREPOSITIONS, RawAttribution, Segment
from .groups import plural_subject
from .lexicon import first_name_gender, role_nouns
from .name_extent import (
    ACRONYM,
    TITLES,
    is_epithet,
    is_gentile,
    name_end,
    name_start,
    org_name_end,
    strip_article,
)
from .roles import (
    SURNAME_PARTICLES,
    administration_of,
    apposed_gender,
    complement_persons,
    former_role,
    fuller_names,
    given_name,
    organisation_gender,
)
from .phrases import speaker_phrase
from .speaker_words import (
    ACRONYM_ARTICLE,
    CHEZ,
    CONTRACTED,
    DEFINITE,
    GOVERNING,
    OFFICE_NOUNS,
    PLURAL_DETERMINERS,
    PRONOUNS,
    SENTENCE_END,
    according_re,
)
from .reference import (
    INSTITUTION_NOUNS,
    coordinated_heads,
    faithful_antecedent,
    headed_antecedent,
    joined_name,
    latest_mention_gender,
    phrase_gender,
    salient_name,
)

__all__ = ["Resolver", "Speaker", "speaker_phrase"]


@dataclass
class Speaker:
    """The resolved speaker of one attribution."""

    speaker: str = ""
    speaker_text: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    full_start: int = -1
    full_end: int = -1
    resolution: str = "none"
    named: bool = False
    type: str = ""
    medium: str = ""
    medium_start: int = -1
    medium_end: int = -1
    pronoun: str = ""


class Resolver:
    """Resolves speakers in text order over one article, remembering the attributions before."""

    def __init__(self, full: str, mentions: Any) -> None:
        self.full = full
        self.m = mentions
        self.history: list[Speaker] = []
        starts = [int(s) for s in mentions.start]
        self.order = sorted(range(len(starts)), key=lambda i: starts[i])
        self.starts = [starts[i] for i in self.order]
        self.appositions = apposed_names(full, mentions)
        self.fuller = fuller_names(mentions, self._canonical_raw)
        self.last_end = 0
        self.since = 0  # where the text after the previous attribution starts
        self._genders: dict[str, str] = {}
        self.acronyms = frozenset(
            str(t) for t, lab in zip(mentions.text, mentions.label) if lab == "ORG" and ACRONYM.fullmatch(str(t))
        )

    def _mention_rows(self, a: int, b: int) -> list[int]:
        return list(self.m.within(a, b))

    def _before(self, pos: int, labels: tuple[str, ...]) -> int | None:
        """The nearest mention with one of ``labels`` ending before ``pos``."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            i = self.order[k]
            if self.m.label[i] in labels and int(self.m.end[i]) <= pos:
                return i
            k -= 1
        return None

    def _canonical(self, i: int) -> str:
        """The mention's canonical name, unless the merge lost the mention itself (then its own text).

        A person's alias shares the last word of the name; an organisation's alias shares a word with
        it or is its acronym (*HRW*, GUIDE 4.2, A8). Places keep the gazetteer's merges (a state's
        periphrasis, *la République islamique*, is the state).
        """
        canon = str(self.m.canonical[i]) if self.m.canonical is not None else str(self.m.text[i])
        own = str(self.m.text[i])
        words = own.replace("’", "'").lower().split()
        canon_words = canon.replace("’", "'").lower().split()
        label = self.m.label[i]
        if not words or label not in ("PER", "ORG"):
            return canon
        if label == "PER":
            name = canon if words[-1] in canon_words or words[-1] in canon.lower() else own
            return self._fullest(name, int(self.m.start[i]))
        initials = "".join(w[0] for w in canon.split() if w[:1].isupper())
        shared = any(w in canon_words for w in words if len(w) > 2)
        return canon if shared or own.isupper() and own == initials or own.lower() in canon.lower() else own

    def _fullest(self, name: str, pos: int) -> str:
        """The fullest name of a person the text names by a surname only (*Le Pen*, *Van Rompuy*, a
        surname the alias merge left alone because two persons bear it): a person's name ending with
        the same words (GUIDE 4.2, A8), the one named last before ``pos`` when several do (recency,
        Lappin & Leass 1994), else the first one after it; ``name`` itself when none does."""
        key = tuple(name.split())
        if not key or not key[0][:1].isupper() and key[0] not in SURNAME_PARTICLES:
            return name
        found = list(self.fuller.get(key, []))
        for h in self.history:  # the names the speaker phrases gave, where the entity model missed them
            words = tuple(h.speaker.split())
            if (
                h.type == "person"
                and len(words) > len(key)
                and words[-len(key) :] == key
                and all(map(given_name, words[: -len(key)]))
            ):
                found.append((h.speaker_start, h.speaker))
        if not found:
            return name
        found.sort()
        before = [f for f in found if f[0] < pos]
        return (before[-1] if before else found[0])[1]

    def _surname(self, seg: Segment, lo: int, hi: int, a: int) -> str:
        """The fullest name of a phrase that is only a capitalised surname (one or two capitalised words
        with no determiner: a common noun subject takes one, Grevisse § 570), when a person of the
        article bears it (GUIDE A8: the surname is an alias); else the phrase itself."""
        phrase = self.full[a : seg.end[hi - 1]]
        if hi - lo > 2 or not all(
            seg.pos[k] in ("PROPN", "NOUN")
            and seg.text[k][:1].isupper()
            and len(seg.text[k]) > 1
            and seg.low[k] not in TITLES
            for k in range(lo, hi)
        ):
            return phrase
        return self._fullest(phrase, a)

    def _canonical_raw(self, i: int) -> str:
        return str(self.m.canonical[i]) if self.m.canonical is not None else str(self.m.text[i])

    def _sentence_starts(self, pos: int) -> tuple[int, int]:
        """Where the sentence holding ``pos`` starts, and where the sentence before it starts (the
        text's start, 0, when there is none before), by :data:`SENTENCE_END` over the text up to ``pos``."""
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(self.full, 0, pos)]
        return starts[-1], starts[-2] if len(starts) > 1 else starts[-1]

    def _after(self, pos: int, labels: tuple[str, ...]) -> int | None:
        """The nearest mention with one of ``labels`` starting at or after ``pos``."""
        for k in range(bisect.bisect_left(self.starts, pos), len(self.starts)):
            i = self.order[k]
            if self.m.label[i] in labels:
                return i
        return None

    def resolve(self, seg: Segment, raw: RawAttribution) -> Speaker:
        sp = Speaker()
        phrase = speaker_phrase(seg, raw)
        last_end, self.last_end = self.last_end, max(raw.end, seg.end[raw.cue[1] - 1] if raw.cue else raw.end)
        self.since = last_end
        if phrase is None:
            taker = self._taking_the_floor(last_end, raw.start) if raw.side == "previous" else None
            if taker is not None:
                self.history.append(taker)
                return taker
            if raw.side == "previous" and self.history and self._adjacent(last_end, raw.start):
                prev = self.history[-1]
                sp = Speaker(
                    speaker=prev.speaker, resolution="previous", named=prev.named, type=prev.type, pronoun=prev.pronoun
                )
            self.history.append(sp) if sp.resolution == "previous" else None
            return sp
        lo, hi = phrase
        a, b = seg.start[lo], seg.end[hi - 1]
        sp.full_start, sp.full_end = a, b
        rows = self._mention_rows(a, b)
        # medium: "à l'AFP Jean-Philippe Magnen" (GUIDE 3.5)
        if seg.low[lo] in MEDIUM_PREPOSITIONS and raw.side == "right":
            first = next((i for i in rows if self.m.label[i] in ("ORG", "MISC", "PER", "LOC")), None)
            m_end = int(self.m.end[first]) if first is not None else b
            rest = [i for i in rows if int(self.m.start[i]) >= m_end and self.m.label[i] in ("PER", "ORG")]
            sp.medium, sp.medium_start, sp.medium_end = self.full[a:m_end], a, m_end
            if not rest:
                sp.full_start = sp.full_end = -1
                self.history.append(sp)
                return sp
            rows = rest
            nxt = seg.index_at(int(self.m.start[rest[0]]))
            a = seg.start[nxt]
            lo = nxt
        aside = complement_persons(seg, lo, rows, self.m)  # "l'avocat de Julian Assange" (roles.py)
        per = [i for i in rows if self.m.label[i] == "PER" and i not in aside]
        org = [i for i in rows if self.m.label[i] in ("ORG", "MISC")]
        words = [former_role(w) for w in seg.low[lo:hi]]  # "l'ex-maire" is read as "l'ancien maire"
        content_words = [w for w in words if w not in DEFINITE]
        places = [
            i
            for i in rows
            if self.m.label[i] == "LOC"
            and self.m.text[i].replace("’", "'").lower().split() == " ".join(content_words).split()
        ]
        org = org or places  # a state that is the whole phrase speaks as an institution ("l'Iran a déclaré")
        # a role word right after another noun is its epithet (*la majorité socialiste*), not the head
        head = next((w for k, w in enumerate(words) if w in role_nouns() and not is_epithet(seg, lo + k)), None)
        role = role_nouns().get(head) if head else None
        named_here = [x for x in self.appositions if x.label == "ORG" and a <= x.start and x.end <= b]
        if not per and not org and named_here:
            # a name the entity model missed, apposed to its class noun ("L'ONG Human Rights Watch")
            x = named_here[0]
            sp.speaker, sp.speaker_text = x.name, self.full[x.start : x.end]
            sp.speaker_start, sp.speaker_end = x.start, x.end
            sp.resolution, sp.named, sp.type = "name", True, "organisation"
        elif per or org:
            if role and head in OFFICE_NOUNS and org and not per:
                i = org[0]  # a spokesperson of a named institution is the institution (A7)
            else:
                i = (per or org)[0]
            ms, me = int(self.m.start[i]), int(self.m.end[i])
            if self.m.label[i] == "PER":
                ms, me = name_start(seg, ms, a), name_end(seg, me, b)
            elif self.m.label[i] == "ORG":
                ms, me = name_start(seg, ms, a), org_name_end(self.full, me, b, self.acronyms)
            article = ACRONYM_ARTICLE.match(self.full, ms, me)
            if article and article.end() < me and self.m.label[i] != "PER":
                ms = article.end()  # "Le PP": an acronym takes an article in the sentence, never in its name
            changed = (ms, me) != (int(self.m.start[i]), int(self.m.end[i]))
            sp.speaker = self.full[ms:me] if changed else self._canonical(i)
            if changed and self.m.label[i] == "PER":
                sp.speaker = self._fullest(sp.speaker, ms)
            sp.speaker_text = self.full[ms:me]
            sp.speaker_start, sp.speaker_end = ms, me
            sp.resolution, sp.named = "name", True
            sp.type = "person" if self.m.label[i] == "PER" else "organisation"
            if role and role.type == "document":
                sp.resolution, sp.type = "role", "document"
        elif self._surname(seg, lo, hi, a) != self.full[a:b]:
            # a person's surname the entity model missed ("Pastor l'avait annoncé", roles.fuller_names)
            sp.speaker_text, sp.speaker_start, sp.speaker_end = self.full[a:b], a, b
            sp.speaker, sp.resolution, sp.named, sp.type = self._surname(seg, lo, hi, a), "name", True, "person"
        elif latest_mention_gender(self.full[a:b]) is not None:
            sp.speaker_text, sp.speaker_start, sp.speaker_end = self.full[a:b], a, b
            sp.resolution, sp.speaker = "pronoun", self.full[a:b]
            last = self._before(a, ("PER", "ORG"))
            while last is not None and not self._agrees(
                self._canonical(last), latest_mention_gender(self.full[a:b]) or ""
            ):
                last = self._before(int(self.m.start[last]), ("PER", "ORG"))
            if last is not None:  # "ce dernier": the last one named (reference.py)
                sp.speaker, sp.named = self._canonical(last), True
                sp.type = "person" if self.m.label[last] == "PER" else "organisation"
        elif words and (words[0] in PRONOUNS or seg.inverted(lo)):
            pron = words[0].split("-")[-1]
            sp.speaker_text = pron
            sp.pronoun = pron
            sp.speaker_start = seg.end[lo] - len(pron)
            sp.speaker_end = seg.end[lo]
            sp.resolution = "pronoun"
            if not self._same_sentence(sp, pron, seg.start[seg.sent_lo[lo]], a):
                self._resolve_pronoun(sp, pron, a)
        else:
            sp.speaker_text = self.full[a:b]
            sp.speaker_start, sp.speaker_end = a, b
            sp.speaker = sp.speaker_text
            sp.resolution = "role"
            self._resolve_role(sp, words, role, a)
        self.history.append(sp)
        return sp

    def _adjacent(self, last_end: int, pos: int) -> bool:
        """Whether the previous attribution, ending at ``last_end``, ends in the paragraph of ``pos`` or in
        the one before: a continuation stands right after the attribution it continues (GUIDE 3.4: a
        paragraph reopening the previous paragraph's quotation, or a quote after the sentence that
        introduced its speaker); a quote farther away is no continuation (``none``)."""
        here = self.full.rfind("\n", 0, pos)
        return here < 0 or last_end > self.full[:here].rstrip().rfind("\n")

    def _taking_the_floor(self, since: int, pos: int) -> Speaker | None:
        """The speaker of a cue-less quotation that follows, in its paragraph, a sentence that is no
        attribution but presents someone taking the floor (GUIDE A4 c: *… par Christian Jacob. Il a
        souhaité faire un rappel au règlement. « On ne peut pas … »*): that sentence's subject pronoun
        (*Il*, *Elle*), resolved as a pronoun, else its last person's name — the "closest mention"
        sieve of Muzny et al. (2017) for quotes with no speaker of their own."""
        since = max(since, self.full.rfind("\n", 0, pos) + 1)  # the sentences of the quote's paragraph
        between = self.full[since:pos]
        text = between.rstrip('« “"')
        introducer = self._colon_introducer(since, since + len(text))
        if introducer is not None:
            return introducer
        if not re.search(r"[.!?]$", text):
            return None
        sentence = re.split(r"(?<=[.!?»])\s+(?=[A-ZÉÈÀ«])", text.strip())[-1]
        at = pos - len(between) + between.find(sentence)
        first = re.match(r"(Il|Elle)\s", sentence)
        if first is None:
            i = self._before(pos, ("PER",))
            if i is None or int(self.m.start[i]) < at:
                return None
            return Speaker(speaker=self._canonical(i), resolution="previous", named=True, type="person")
        sp = Speaker(resolution="previous", pronoun=first.group(1).lower())
        i = self._before(at, ("PER",))
        if i is not None and int(self.m.start[i]) >= since:  # the person the sentences since introduced
            sp.speaker, sp.named, sp.type = self._canonical(i), True, "person"
            return sp
        self._resolve_pronoun(sp, sp.pronoun, at)
        return sp if sp.named else None

    def _colon_introducer(self, since: int, end: int) -> Speaker | None:
        """The speaker of a cue-less quotation that a clause of its own sentence introduces after a
        colon (*Akli Gasmi, jeune berger, se souvient : « … »*; *Il a précisé en conférence de presse :
        « … »*), or after the comma of an according-to phrase (*Selon X, « … »*).

        GUIDE A16b: a verb that introduces a quotation after a colon is a cue whatever its lexical
        class, so its subject is the source (4.1); an according-to phrase's object is its source
        (GUIDE 2, item 2). The subject is the clause's leading pronoun (*Il*, *Elle*, resolved as a
        pronoun), else its first person named outside a preposition and outside quotation marks, else
        its first organisation so named (Hobbs 1978 and centering rank the subject first, as in
        :meth:`_subject_candidate`). ``None`` when the quotation does not follow such a clause since
        the previous attribution (``since``), or when the clause names nobody.

        Args:
            since (int): Where the clauses after the previous attribution, in the quote's paragraph, start.
            end (int): Where the text before the quotation's opening mark ends.

        Returns:
            Speaker | None: The source, with its mention's offsets.
        """
        text = self.full[since:end].rstrip()
        if not text.endswith((":", ",")):
            return None
        stop = since + len(text) - 1
        starts = [since] + [m.end() for m in SENTENCE_END.finditer(self.full, since, stop)]
        lo = starts[-1]
        clause = self.full[lo:stop]
        if "«" in clause or "»" in clause or ";" in clause:
            return None  # a quotation or a second clause before the colon: not one introducing clause
        according = according_re().match(clause)
        if text.endswith(",") and according is None:
            return None
        first = re.match(r"(Il|Elle)\s", clause)
        if first is not None and according is None:
            pron = first.group(1).lower()
            sp = Speaker(speaker_text=first.group(1), speaker_start=lo, speaker_end=lo + len(pron))
            sp.full_start, sp.full_end, sp.resolution, sp.pronoun = lo, lo + len(pron), "pronoun", pron
            self._resolve_pronoun(sp, pron, lo)
            return sp if sp.named else None
        found = None
        for label in ("PER", "ORG"):
            for i in self._mention_rows(lo, stop):
                s = int(self.m.start[i])
                if self.m.label[i] != label:
                    continue
                before = self.full[max(lo, s - 12) : s].replace("’", "'").lower().split()
                governed = bool(before) and (before[-1] in GOVERNING or before[-1] in ("d'", "qu'"))
                if according is None and governed:
                    continue  # an oblique or a complement, never the subject (Grevisse § 1036)
                found = i
                break
            if found is not None:
                break
        if found is None:
            return None
        ms, me = int(self.m.start[found]), int(self.m.end[found])
        kind = "person" if self.m.label[found] == "PER" else "organisation"
        return Speaker(
            speaker=self._canonical(found),
            speaker_text=self.full[ms:me],
            speaker_start=ms,
            speaker_end=me,
            full_start=ms,
            full_end=me,
            resolution="name",
            named=True,
            type=kind,
        )

    def _same_sentence(self, sp: Speaker, pron: str, lo: int, pos: int) -> bool:
        """A singular pronoun in a subordinate or relative clause (*L'ONG X publie un rapport dans lequel
        elle dévoile que …*) refers to an organisation named nearest before it in its own sentence,
        outside quotation marks (the nearest salient antecedent, module docstring; *il*/*elle* take up
        an institution by the gender of its class noun). When the nearest name is a person's, the
        person rules of :meth:`_resolve_pronoun` decide (taking any name here hurt the check half)."""
        if pron not in ("il", "elle"):
            return False
        gender = PRONOUNS[pron][0]
        names: list[tuple[int, str, str, str]] = []
        for i in self._mention_rows(lo, pos):
            if self.m.label[i] in ("PER", "ORG"):
                names.append((int(self.m.start[i]), self._canonical(i), self.m.label[i], str(self.m.text[i])))
        names += [(x.start, x.name, x.label, x.name) for x in self.appositions if lo <= x.start and x.end <= pos]
        names = [n for n in names if self.full.count("«", lo, n[0]) <= self.full.count("»", lo, n[0])]
        names = [n for n in names if n[2] != "ORG" or self._organisation_agrees(n[1], n[3], gender)]
        if not names:
            return False
        _, name, label, _ = max(names)
        if label != "ORG":
            return False  # a person keeps the rules of _resolve_pronoun
        sp.speaker, sp.named, sp.type = name, True, "person" if label == "PER" else "organisation"
        return True

    def _organisation_agrees(self, name: str, text: str, gender: str) -> bool:
        """Whether an organisation may be the antecedent of a pronoun of ``gender``: *il* and *elle* take
        up an institution by the gender of its class noun (Grevisse, *Le Bon Usage*, § 655), which the
        text gives beside its name or inside it (*la Cour d'assises* is no antecedent of *il*)."""
        found = organisation_gender(self.full, self.appositions, name, text)
        return not (gender and found and found != gender)

    def _resolve_pronoun(self, sp: Speaker, pron: str, pos: int) -> None:
        gender, number = PRONOUNS.get(pron, ("", "sg"))
        if pron == "on":
            sp.speaker, sp.type = "on", "group"
            return
        if number == "sg" and self.history and self._continues_organisation(self.history[-1], gender, pos):
            prev = self.history[-1]  # the organisation quoted just before is the centre (roles.py)
            sp.speaker, sp.named, sp.type = prev.speaker, True, "organisation"
            return
        if number == "sg" and (i := self._newer_subject(pos, gender)) is not None:
            sp.speaker, sp.named, sp.type = self._canonical(i), True, "person"  # the new centre
            return
        if number == "pl" and self.history and self._continues_plural(self.history[-1], pos):
            prev = self.history[-1]  # "des analystes jugent que … Ils estiment que …"
            sp.speaker, sp.named, sp.type = prev.speaker, prev.named, "group"
            return
        for prev in reversed(self.history[-3:]):
            if not prev.named:
                continue
            if (
                number == "sg"
                and prev.type == "person"
                and (not prev.pronoun or prev.pronoun == pron or prev.pronoun == "lui")
                and self._agrees(prev.speaker, gender)
            ):
                sp.speaker, sp.named, sp.type = prev.speaker, True, "person"
                return
            if number == "pl" and prev.type in ("organisation", "group"):
                sp.speaker, sp.named, sp.type = prev.speaker, True, prev.type
                return
        if number == "pl" and (i := plural_subject(self.full, self.m, pos)) is not None:
            sp.speaker, sp.named, sp.type = self._canonical(i), True, "group"  # "Les Talibans … selon eux"
            return
        if number == "pl":  # a plural pronoun refers to a group the attributions named, never to a guess
            sp.speaker = sp.speaker_text
            return
        i = self._subject_candidate(pos, gender)
        if i is None:
            i = self._before(pos, ("PER",))
        while i is not None and not self._agrees(self._canonical(i), gender):
            i = self._before(int(self.m.start[i]), ("PER",))  # "elle" skips a man named since
        if i is None:  # no antecedent: the person the article names next (GUIDE 4.2, "earlier or later")
            i = self._after(pos, ("PER",))
            while i is not None and not self._agrees(self._canonical(i), gender):
                i = self._after(int(self.m.end[i]), ("PER",))  # a cataphor agrees too ("elle" skips Mario X)
        if i is not None:
            sp.speaker, sp.named = self._canonical(i), True
            sp.type = "person" if number == "sg" else "organisation"
        else:
            sp.speaker = sp.speaker_text

    def _continues_plural(self, prev: Speaker, pos: int) -> bool:
        """Whether a plural pronoun at ``pos`` takes up the source quoted just before it, a plural noun
        phrase that names no one (*des analystes*, *d'autres orateurs*): a plural pronoun agrees in
        number with its antecedent (Grevisse, *Le Bon Usage*, § 655), the determiner shows the phrase's
        number (§ 581), and the previous utterance's subject is the preferred centre (centering, as in
        :meth:`_continues_organisation`); the phrase stands in the pronoun's sentence or the one before."""
        if prev.named or prev.resolution != "role" or prev.full_start < 0 or prev.full_end > pos:
            return False
        first = prev.speaker_text.replace("’", "'").lower().split()[:1]
        if not first or first[0] not in PLURAL_DETERMINERS:
            return False
        return prev.full_start >= self._sentence_starts(pos)[1]

    def _continues_organisation(self, prev: Speaker, gender: str, pos: int) -> bool:
        """Whether a singular pronoun at ``pos`` takes up the organisation quoted just before it: the
        source of the previous attribution, named in the pronoun's sentence or the one before, with no
        person named between them outside quotation marks, and of the pronoun's gender when the text
        gives its class noun (centering: the previous utterance's subject is its preferred centre,
        Grosz, Joshi & Weinstein 1995; Hobbs 1978 takes the previous sentence's subject first)."""
        if not prev.named or prev.type != "organisation" or prev.full_start < 0 or prev.full_end > pos:
            return False
        if prev.full_start < self._sentence_starts(pos)[1]:
            return False
        for i in self._mention_rows(prev.full_end, pos):
            s = int(self.m.start[i])
            if self.m.label[i] == "PER" and self.full.count("«", prev.full_end, s) <= self.full.count(
                "»", prev.full_end, s
            ):
                return False
        phrase = self.full[prev.full_start : prev.full_end]
        found = organisation_gender(self.full, self.appositions, prev.speaker, phrase)
        return not (gender and found and found != gender)

    def _newer_subject(self, pos: int, gender: str) -> int | None:
        """The person a pronoun at ``pos`` takes up when the sentence before it came after the previous
        attribution and has an agreeing person as its subject (:meth:`_subject_candidate`): that
        sentence's subject is the preferred centre of the pronoun's utterance, above a speaker quoted
        earlier (centering: Grosz, Joshi & Weinstein 1995, the backward-looking centre is the highest
        ranked entity of the previous utterance; Hobbs 1978 searches the previous sentence first)."""
        prev = self._sentence_starts(pos)[1]
        if not self.history or prev < self.since:
            return None
        i = self._subject_candidate(pos, gender)
        if i is None or not self._opens_clause(int(self.m.start[i]), int(self.m.end[i])):
            return None
        return i

    def _opens_clause(self, s: int, e: int) -> bool:
        """Whether the name at ``s:e`` is a clause's subject in the canonical order: it opens its
        sentence or follows a detached adjunct's comma, and a verb's lowercase word follows it (French
        puts the subject before the verb, Riegel, Pellat & Rioul, *Grammaire méthodique du français*,
        1994; a name followed by a comma or *et* may be an apposition's or a coordination's)."""
        before = self.full[max(0, s - 3) : s]
        if not re.search(r"(?:^|[,.;:!?\n])\s*$", before or "\n"):
            return False
        after = re.match(r"\s+([a-zàâäçéèêëîïôöûüœ'’-]+)", self.full[e : e + 30])
        return after is not None and after.group(1) not in ("et", "ou")

    def _subject_candidate(self, pos: int, gender: str) -> int | None:
        """The person a pronoun at ``pos`` takes up by grammatical role: the first agreeing person named
        outside quotation marks and not as a preposition's object (*avec Sollacaro*, *du président X*)
        in the pronoun's sentence, else in the sentence before. Hobbs (1978) searches the pronoun's
        sentence and then the previous one left to right, which reaches the subject first; centering
        theory (Grosz, Joshi & Weinstein 1995) ranks the subject above objects and obliques."""
        cur, prev = self._sentence_starts(pos)
        for lo, hi in ((cur, pos), (prev, cur)):
            for i in self._mention_rows(lo, hi):
                s = int(self.m.start[i])
                if self.m.label[i] != "PER" or int(self.m.end[i]) > hi:
                    continue
                if self.full.count("«", lo, s) > self.full.count("»", lo, s):
                    continue  # a name inside a quotation is the quoted speaker's, not the discourse's
                before = self.full[max(lo, s - 12) : s].replace("’", "'").lower().split()
                if before and (before[-1] in GOVERNING or before[-1].endswith("'") and before[-1] != "qu'"):
                    continue
                if self._agrees(self._canonical(i), gender):
                    return i
        return None

    def _agrees(self, name: str, gender: str) -> bool:
        """Whether a person's name may be the antecedent of a pronoun of ``gender`` (French pronouns
        agree in gender with their antecedent): false only when the text shows the other gender by a
        title before the name (*M.*, *Mme*, *Mlle*), a feminine role noun in apposition (roles.py), or
        the first name is unambiguous (gender.py's cues)."""
        if not gender or not name:
            return True
        if name not in self._genders:
            last = re.escape(name.split()[-1])
            title = re.search(rf"\b(M\.|Mme|Mlle|Madame|Monsieur|Mrs?)(?:(?<=\.)|\s)\s*(?:\w+\s+)?{last}\b", self.full)
            if title:
                self._genders[name] = "m" if title.group(1) in ("M.", "Monsieur", "Mr") else "f"
            elif apposed_gender(self.full, self.appositions, name):
                self._genders[name] = "f"  # "la ministre X", "X, présidente de" (roles.py)
            else:
                self._genders[name] = first_name_gender(name.split()[0]) if len(name.split()) > 1 else ""
        found = self._genders[name]
        return not found or found == gender

    def _resolve_role(self, sp: Speaker, words: list[str], role: Any, pos: int) -> None:
        definite = bool(words) and words[0] in DEFINITE
        if role is not None and (not definite or role.type == "document") and self._office_of(sp, words, role, pos):
            return  # "un porte-parole de la police": the institution (GUIDE A7); "le rapport de l'ONG" (4.2)
        persons = [i for i in self._mention_rows(pos, sp.speaker_end) if self.m.label[i] == "PER"]
        if role is not None and role.type == "organisation" and persons:  # "les services de X" (roles.py)
            found, sp.type = administration_of(self.full, self.m, self._canonical, pos), "organisation"
            sp.speaker, sp.named = (found, True) if found else (sp.speaker, False)
            return
        if role is None or not definite:
            sp.type = role.type if role else ""
            return
        sp.type = role.type
        if coordinated_heads(words):
            sp.type = "group"  # "la reine et l'infante": several sources, no one antecedent (reference.py)
            return
        if (
            role.type in ("organisation", "media")
            and len(words) > 2
            and (
                any(w in ("de", "du", "des", "d'") for w in words[1:3])
                or (is_gentile(words[2]) and role.noun in INSTITUTION_NOUNS)
            )
        ):
            # a unique institutional designation: "le ministère de l'Intérieur" (GUIDE 4.4)
            sp.speaker, sp.named = strip_article(sp.speaker_text), True
            return
        # the nearest source of the role's type: a person role the last person quoted (within the last
        # few attributions), an institution or a document's author the last institution quoted
        # the name the article set beside the same noun (antecedents.py: anaphore fidèle)
        complement = restrictive_complement(words, role.noun) if role.type == "person" else []
        apposed = nearest_apposed(self.appositions, role.noun, pos)
        if apposed is not None and complement and not set_beside(self.full, apposed, complement):
            # "le président de la Commission" is not "le président grec X" (Corblin 1995); but a bare
            # "le président X" is the article's président, whom the complement only describes
            apposed = apposed if apposed.bare else None
        if complement and apposed is None:
            # a restrictive complement makes the description discourse-new (Vieira & Poesio 2000): it
            # takes up no person quoted or named before; it stays the description, unless it is an
            # office of the institution its complement designates (GUIDE A7)
            self._office_of(sp, words, role, pos)
            return
        if apposed is not None:
            sp.speaker, sp.named = apposed.name, True
            sp.type = "person" if apposed.label == "PER" else sp.type
            return
        if role.noun in INSTITUTION_NOUNS:  # a public body takes up only its own name (reference.py)
            found = faithful_antecedent(role.noun, self._organisations_before(pos))
            if found is not None:
                sp.speaker, sp.named = found, True
            return
        if role.type in ("organisation", "media"):
            found = headed_antecedent(role.noun, self._organisations_before(pos))
            if found is not None:  # "le parti" takes up "le Parti socialiste" (reference.py)
                sp.speaker, sp.named = found, True
                return
        feminine = phrase_gender(words, role.gender) if role.type == "person" else ""
        want = {
            "person": ("person",),
            "organisation": ("organisation",),
            "media": ("organisation",),
            "document": ("organisation",),
            "group": (),
        }[role.type]
        if role.noun in OFFICE_NOUNS:
            host = self._chez(pos)
            if host is not None:  # "Chez X, la direction a confirmé": X's management is X (GUIDE A7)
                sp.speaker, sp.named, sp.type = host, True, "organisation"
                return
        reach = 4
        for prev in reversed(self.history[-reach:]):
            if prev.named and prev.type in want and self._agrees(prev.speaker, feminine):
                sp.speaker, sp.named = prev.speaker, True
                return
        labels = {
            "person": ("PER",),
            "organisation": ("ORG",),
            "media": ("ORG", "MISC"),
            "document": ("ORG",),
            "group": (),
        }[role.type]
        if role.type in ("organisation", "media", "document"):
            found = self._salient_organisation(pos, labels)
            if found is not None:
                sp.speaker, sp.named = found, True
                return
        i = self._before(pos, labels) if labels else None
        while i is not None and feminine and not self._agrees(self._canonical(i), feminine):
            i = self._before(int(self.m.start[i]), labels)  # "la ministre" skips a man named since
        if i is not None:
            sp.speaker, sp.named = (
                joined_name(self.full, self.m, self.starts, self.order, i) or self._canonical(i),
                True,
            )

    def _salient_organisation(self, pos: int, labels: tuple[str, ...]) -> str | None:
        """The most salient organisation named before ``pos``, for a definite organisation description
        that no apposition and no recent attribution resolves (*un représentant du groupe* after a
        sentence that names the firm and, last, an analyst's bank).

        Salience after Lappin & Leass (1994): :func:`analysis.people.reference.salient_name`.

        Returns:
            str | None: The canonical name, or ``None`` when no organisation is named before.
        """
        names = [
            (int(self.m.start[i]), joined_name(self.full, self.m, self.starts, self.order, i) or self._canonical(i))
            for i in self._mention_rows(0, pos)
            if self.m.label[i] in labels and int(self.m.end[i]) <= pos
        ]
        return salient_name(self.full, names, pos)

    def _office_of(self, sp: Speaker, words: list[str], role: Any, pos: int) -> bool:
        """An unnamed office of an institution that its complement designates by a description (*un
        porte-parole de la police*, *la porte-parole de la fédération*, *un représentant du groupe*):
        the speaker is that institution (GUIDE A7: an unnamed spokesperson, management or office-holder
        speaking for a named institution is resolved to the institution), found as the complement's
        own description would be (*le groupe* → the firm named before; *la police fédérale* → the body
        itself). A contracted article (*du*, *des*) stands for *de* + the definite article (Riegel et
        al., ch. VII). Nothing changes when the complement reaches no named institution.

        A document's author complement is read the same way (*le communiqué de la police*, *un rapport
        de l'ONG*): GUIDE 4.2 resolves a document to its author when the article names one.

        Returns:
            bool: Whether ``sp`` was resolved to the institution.
        """
        if role is None or role.noun not in words or role.noun not in OFFICE_NOUNS and role.type != "document":
            return False
        k = words.index(role.noun) + 1
        if k >= len(words) or words[k] not in ("de", "du", "des", "d'"):
            return False
        rest = words[k + 1 :]
        if words[k] in CONTRACTED:
            rest = [CONTRACTED[words[k]], *rest]
        if len(rest) < 2 or rest[0] not in DEFINITE:
            return False
        inner = role_nouns().get(rest[1])
        if inner is None or inner.type not in ("organisation", "media"):
            return False
        sub = Speaker(speaker_text=" ".join(rest), speaker=" ".join(rest))
        self._resolve_role(sub, rest, inner, pos)
        if not sub.named:
            return False
        sp.speaker, sp.named = sub.speaker, True
        sp.type = "document" if role.type == "document" else inner.type
        return True

    def _chez(self, pos: int) -> str | None:
        """The organisation named by a *chez X* before ``pos`` in its own sentence (*Chez Renault, la
        direction …*): *chez* + a firm's name means "in that firm" (TLFi, *chez*: "dans la maison,
        l'entreprise de"), so an office noun of that clause (*la direction*, *le porte-parole*)
        speaks for X (GUIDE A7: an unnamed management or spokesperson is the named institution)."""
        lo = self._sentence_starts(pos)[0]
        for i in self._mention_rows(lo, pos):
            s = int(self.m.start[i])
            if self.m.label[i] != "ORG" or int(self.m.end[i]) > pos or not CHEZ.search(self.full[lo:s]):
                continue
            if self.full.count("«", lo, s) <= self.full.count("»", lo, s):  # outside quotation marks
                return self._canonical(i)
        return None

    def _organisations_before(self, pos: int) -> list[tuple[int, str]]:
        """The organisations named before ``pos``: mentions, names apposed to a class noun and the
        organisations quoted or named as a document's author, with their offsets."""
        names = [
            (int(self.m.start[i]), self._canonical(i))
            for i in self._mention_rows(0, pos)
            if self.m.label[i] == "ORG" and int(self.m.end[i]) <= pos
        ]
        names += [(x.start, x.name) for x in self.appositions if x.label == "ORG" and x.end <= pos]
        kinds = ("organisation", "document")  # a document's speaker is its author, an organisation (GUIDE 4.2)
        names += [(h.full_start, h.speaker) for h in self.history if h.named and h.type in kinds]
        return names
