"""The speaker phrase of an attribution: the tokens that name its source, before or after the verb.

Split from :mod:`analysis.people.speakers` (one job: where the speaker phrase lies; the speakers module
decides what it refers to). :func:`speaker_phrase` takes the inverted subject after the verb or the
subject before it (GUIDE 4.1 of the quote gold): never a verb (a phrase holding one is cut before it),
never a prepositional phrase, an apposition chunk holding a person's name first; a verb without a
subject of its own (a gerund *en affirmant*, a coordination *et a nié*, an infinitive after *pour*)
takes the controlling subject of its sentence (Grevisse, *Le Bon Usage*, § 911); a clitic subject
pronoun next to its verb is the subject (§§ 335, 660); the neuter *ce* designates no one (§ 695).
"""

from __future__ import annotations

from .detection import RawAttribution, Segment
from .gazetteer import word_sets
from .lexicon import role_nouns
from .name_extent import TITLES
from .roles import SURNAME_PARTICLES

__all__ = ["CLITIC_SUBJECTS", "RELATIVES", "apposed_name", "source_complement", "speaker_phrase"]

#: Prepositions that govern an infinitive (*pour assurer*, *à être reconnue*, *de dire*).
INFINITIVE_PREPOSITIONS = frozenset({"pour", "à", "de", "d'", "sans", "afin"})
#: Neuter demonstrative pronouns: they designate a thing or a fact, never a source.
NEUTER_DEMONSTRATIVES = frozenset({"c'", "ce", "cela", "ceci", "ça"})
#: Parts of speech that leave a phrase open: a noun phrase never ends with one.
OPEN_ENDS = frozenset({"ADP", "CCONJ", "SCONJ"})


def _is_verbal(seg: Segment, k: int) -> bool:
    return seg.pos[k] in ("VERB", "AUX") and not seg.inverted(k) or seg.lemma[k] in ("avoir", "être")


def speaker_phrase(seg: Segment, raw: RawAttribution) -> tuple[int, int] | None:
    """The token span of the speaker phrase: inverted (after the verb) or the subject (before it),
    without the circumstantial adjuncts at its end (:func:`without_adjuncts`)."""
    phrase = _speaker_phrase(seg, raw)
    return without_adjuncts(seg, *phrase) if phrase is not None else None


#: Prepositions of a time adjunct, and the nouns of a time (``data/words_fr.tsv``).
_ADJUNCT_PREPOSITIONS: frozenset[str] = word_sets()["adjunct_prepositions"]
_TIME_NOUNS: frozenset[str] = word_sets()["time_nouns"]


def without_adjuncts(seg: Segment, lo: int, hi: int) -> tuple[int, int]:
    """A speaker phrase ``[lo, hi)`` without the circumstantial adjuncts at its end: adverbs
    (*les projections déjà*), a phrase opened by a preposition of time (*les partis pendant la
    campagne*) or a noun phrase of time (*d'autres prisonniers ces derniers mois*, *le ministre
    lundi*). An adjunct of the clause may stand between the subject and the verb, but it is no
    constituent of the subject noun phrase (Riegel, Pellat & Rioul, the circumstantial complement;
    GUIDE 4.1: the speaker mention is the noun phrase). A time noun that is a noun's complement
    (*un habitant de 40 ans*, *le Journal du dimanche*) is not an adjunct; no cut splits a name the
    entity model found or takes one off; the phrase keeps its first word and never ends in a preposition or a
    conjunction."""
    end = hi
    while True:
        k = _adjunct_start(seg, lo, end)
        while lo + 1 < k < end and seg.pos[k - 1] in OPEN_ENDS:
            k -= 1  # (the adjunct's own opening: "et", "de")
        if k == end or _cuts_a_name(seg, lo, end, k):
            return lo, end
        end = k


def _adjunct_start(seg: Segment, lo: int, end: int) -> int:
    """Where the adjunct at the end of ``[lo, end)`` starts (``end`` when there is none)."""
    if end - 1 > lo and seg.pos[end - 1] == "ADV" and seg.text[end - 1].islower():
        return end - 1
    noun = end - 1
    while noun - 1 > lo and seg.pos[noun] == "ADJ":
        noun -= 1  # la semaine dernière
    if noun > lo and seg.low[noun] in _TIME_NOUNS:
        start = noun
        while start - 1 > lo and seg.pos[start - 1] in ("ADJ", "NUM"):
            start -= 1  # derniers mois, trois jours
        if start - 1 > lo and seg.pos[start - 1] == "DET":
            start -= 1  # ces derniers mois, la semaine dernière
        before = seg.low[start - 1] if start > lo else ""
        if start > lo and before not in ("de", "du", "des", "d'") and seg.low[start] not in ("du", "des"):
            return start
    for t in range(end - 2, lo, -1):
        if seg.is_punct(t):
            break
        if seg.low[t] in _ADJUNCT_PREPOSITIONS:
            return t  # pendant la campagne électorale
    return end


def _cuts_a_name(seg: Segment, lo: int, end: int, k: int) -> bool:
    """Whether cutting ``[lo, end)`` before token ``k`` would take off or cut through an entity mention
    (a name is no adjunct: *la moyenne du site RealClearPolitics*, *le Journal du dimanche*)."""
    cut = seg.start[k]
    return any(seg.mentions.end[i] > cut for i in seg.mentions.within(seg.start[lo], seg.end[end - 1]))


def _speaker_phrase(seg: Segment, raw: RawAttribution) -> tuple[int, int] | None:
    """:func:`speaker_phrase` before its adjuncts are taken off."""
    if raw.speaker is not None:
        lo, hi = raw.speaker
        while hi + 1 < len(seg) and seg.text[hi] == "." and _joined(seg, hi):
            hi += 2  # "selon M.Houdré": the phrase goes on over a title glued to the name
        phrase = _cut_verbs(seg, lo, hi)
        if phrase is not None and phrase[1] == hi:
            phrase = apposed_name(seg, *phrase)
        if phrase is None or raw.cue is None or seg.pos[phrase[1] - 1] not in OPEN_ENDS:
            return phrase
        # a noun phrase never ends in a conjunction or preposition: the words after the verb are its
        # complement (*a reconnu l'importance de cette lutte mais a appelé*), the subject is on the left
        return _subject_left(seg, raw.cue[0], content=_outside(seg, raw))
    if raw.cue is None or raw.side == "previous":
        return None
    phrase = _subject_left(seg, raw.cue[0], content=_outside(seg, raw))
    if phrase is not None and phrase[1] == raw.cue[0] and seg.low[phrase[1] - 1] in INFINITIVE_PREPOSITIONS:
        # an infinitive after a preposition (*insuffisante pour assurer*) has the main clause's subject
        # (Grevisse § 911)
        lo_s = seg.sent_lo[raw.cue[0]] if raw.cue[0] < len(seg) else 0
        phrase = _controlling(seg, raw.cue[0], lo_s, 0, _outside(seg, raw))
    if phrase is not None and all(seg.low[x] in NEUTER_DEMONSTRATIVES for x in range(*phrase)):
        return None  # the neuter "ce" (c'est … qui, cela) designates no one (Grevisse § 695)
    return phrase


#: Determiners that open a descriptive noun phrase (``data/words_fr.tsv``: articles, demonstratives,
#: possessives).
_DESCRIPTION_OPENERS: frozenset[str] = frozenset().union(
    *(word_sets()[k] for k in ("det_definite", "det_indefinite", "det_demonstrative", "det_possessive"))
)
#: Tokens that close an apposition set after a noun phrase: its closing comma, or the end of the clause.
_APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", "!", "?", ")", "»"})


def apposed_name(seg: Segment, lo: int, hi: int) -> tuple[int, int]:
    """The speaker phrase ``[lo, hi)`` extended over a person's name set in apposition right after it.

    A descriptive phrase after the verb or after *selon* (*explique le président de l'Ufip, Jean
    Schilansky.*; *Selon son producteur, Michel Nouader, …*) is often followed by the name of the
    person it describes, detached by a comma: an apposition names the same referent as its noun phrase
    (Grevisse, *Le Bon Usage*, §§ 342–343; Riegel et al., *Grammaire méthodique du français*, the
    detached apposition), and GUIDE 4.1 of the quote gold takes the name as the head mention and the
    whole phrase with its apposition as ``speaker_full_text`` (*Le président du directoire de PSA,
    Philippe Varin*). The phrase is extended only when it opens on a determiner, holds no person's
    name of its own, and the name after its comma (a parenthesis, *(Ufip)*, may stand before the
    comma) is a person mention closed by a comma or the end of the clause: a name followed by its own
    verb is the next clause's subject (*Selon la police, Jean Dupont a tiré*), not an apposition.

    Args:
        seg (Segment): The segment.
        lo (int): The phrase's first token.
        hi (int): One past its last token.

    Returns:
        tuple[int, int]: ``(lo, end)`` over the apposed name, or ``(lo, hi)`` unchanged.
    """
    m = seg.mentions
    if seg.low[lo] not in _DESCRIPTION_OPENERS:
        return lo, hi
    if any(m.label[i] == "PER" for i in m.within(seg.start[lo], seg.end[hi - 1])):
        return lo, hi
    k = hi
    if k < len(seg) and seg.low[k] == "(":
        while k < len(seg) and seg.low[k] != ")" and k - hi < 8:
            k += 1
        k += 1
    if k >= len(seg) or seg.low[k] != "," or k + 1 >= len(seg):
        return lo, hi
    start = seg.start[k + 1]
    for i in m.within(start, seg.stop_char):
        if m.label[i] != "PER" or int(m.start[i]) != start:
            continue
        end = seg.index_at(int(m.end[i]))
        if end >= len(seg) or seg.low[end] in _APPOSITION_CLOSERS:
            return lo, end
    return lo, hi


def _cut_verbs(seg: Segment, lo: int, hi: int) -> tuple[int, int] | None:
    """The phrase ``[lo, hi)`` cut before its first verb; a capitalised word inside a name the entity
    model found is part of that name, not a verb the tagger saw in it (*The Hollywood Reporter*;
    Grevisse, *Le Bon Usage*, § 98, the capital of a proper noun)."""
    names = [] if hi <= lo else seg.mentions.within(seg.start[lo], seg.end[hi - 1])
    for k in range(lo, hi):
        if _is_verbal(seg, k) and k > lo and not _inside_name(seg, names, k):
            return (lo, k) if k > lo else None
    return (lo, hi) if hi > lo else None


def _inside_name(seg: Segment, names: list[int], k: int) -> bool:
    if not seg.text[k][:1].isupper():
        return False
    return any(seg.mentions.start[i] < seg.start[k] and seg.end[k] <= seg.mentions.end[i] for i in names)


def _weak(seg: Segment, lo: int, hi: int) -> bool:
    """Whether tokens ``[lo, hi)`` cannot be a subject: empty, only adverbs or conjunctions, or a
    prepositional phrase (a French subject is a noun phrase or a pronoun, never a PP)."""
    if hi <= lo:
        return True
    if hi - lo == 1 and seg.pos[lo] in ("VERB", "ADJ", "AUX"):
        return True  # a detached participle or adjective
    if all(seg.pos[x] in ("ADV", "CCONJ", "SCONJ", "ADP") for x in range(lo, hi)):
        return True
    return seg.pos[lo] == "ADP" and seg.low[lo] not in ("selon",) and not _plural_article(seg, lo, hi)


def _plural_article(seg: Segment, lo: int, hi: int) -> bool:
    """Whether *des* opening the chunk ``[lo, hi)`` is the plural indefinite article, not *de* + *les*.

    The contracted preposition needs a word that governs it (a noun, a verb, an adjective: *le
    président des États-Unis*); at the start of a chunk, after a comma, a relative pronoun or the
    clause's start, nothing governs it, and *des* + a noun is the indefinite article's plural
    (Grevisse, *Le Bon Usage*, the indefinite article: *Des militants demandent …*), whatever the
    tagger says.
    """
    return seg.low[lo] == "des" and lo + 1 < hi and seg.pos[lo + 1] in ("NOUN", "ADJ")


def _outside(seg: Segment, raw: RawAttribution) -> tuple[int, int] | None:
    """The content's character span when the cue stands outside it (a verb before its *que* clause or
    its quotation, an incise after it): the source is then never inside the content (GUIDE 3.2: the
    content never includes the source, but for an incise inside a direct quote), so no verb of the
    content lends its subject to the cue. ``None`` for a cue inside its content (« A, dit-il, B »)."""
    if raw.cue is None or raw.cue[0] >= len(seg):
        return None
    at = seg.start[raw.cue[0]]
    return None if raw.start <= at < raw.end else (raw.start, raw.end)


def _gerund(seg: Segment, v: int) -> bool:
    """Whether *en* at ``v`` opens a gerund, *en* + present participle (*en affirmant*; Grevisse,
    *Le Bon Usage*, § 891), which has no subject of its own; before a finite verb or an auxiliary
    (*Les scientifiques en ont conclu que …*) *en* is the adverbial clitic pronoun (§ 679), and the
    subject stands before it. A reflexive or negation clitic may come between (*en se disant*)."""
    k = v + 1
    while k < len(seg) and seg.low[k] in ("se", "s'", "s’", "ne", "n'", "n’"):
        k += 1
    return k < len(seg) and seg.low[k].endswith("ant")


def _after_particle(seg: Segment, k: int, lo_s: int) -> bool:
    """Whether the capitalised word at ``k`` follows a capitalised surname particle (*De Pavant*):
    a capital marks a proper noun there, not a verb the tagger saw in it (Grevisse, *Le Bon Usage*,
    § 98, capitals; § 1005, particles of names)."""
    return k - 1 >= lo_s and seg.text[k][:1].isupper() and _particle_name(seg, k - 1, k + 1)


def _particle_name(seg: Segment, lo: int, hi: int) -> bool:
    """Whether ``[lo, hi)`` is a surname opened by a capitalised particle (*De Santis*, *Van Rompuy*):
    the particle, then capitalised words only. Right before its verb, with no comma, such a chunk is
    the subject, not a prepositional phrase: French has no subject-less clause opened by *De X*
    (Grevisse § 1005 writes the particle with a capital when it opens the surname alone)."""
    if hi - lo < 2 or not seg.text[lo][:1].isupper() or seg.low[lo] not in SURNAME_PARTICLES:
        return False
    return all(seg.text[x][:1].isupper() for x in range(lo + 1, hi))


def _subject_left(
    seg: Segment, v: int, depth: int = 0, content: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The subject phrase before the verb group starting at ``v`` (GUIDE 4.1).

    The phrase runs back to the clause boundary; comma-separated chunks on the way (an apposition,
    an inserted adverbial: *Le président de PSA, Philippe Varin, a déclaré*; *Cependant, l'ONG*)
    are candidates, the one holding a person's name first, then an organisation's, else the
    nearest noun phrase. A verb without a subject of its own (a gerund *en affirmant*, a
    coordination *et a nié*, *avant de poursuivre*) takes the controlling subject: the subject of
    the sentence's first verb outside the attribution's ``content`` (:func:`_outside`).
    """
    lo_s = seg.sent_lo[v] if v < len(seg) else 0
    prev = seg.low[v - 1] if v - 1 >= lo_s else ""
    form = seg.low[v] if v < len(seg) else ""
    controlled = (
        prev in COORDINATORS
        or prev in ("de", "d'")
        or (form == "en" and _gerund(seg, v))
        or (form.endswith("ant") and seg.pos[v] in ("VERB", "AUX"))
    )
    if controlled:
        own = _participle_subject(seg, v, lo_s) if form.endswith("ant") else None
        if own is None and prev in COORDINATORS:
            lo_s = _juxtaposed_start(seg, v, lo_s)
        return own or _controlling(seg, v, lo_s, depth, content)
    chunks: list[tuple[int, int]] = []
    relative = clause_tail = False
    cur_hi = v
    k = v - 1
    while k >= lo_s:
        w = seg.low[k]
        if w == ")":  # a parenthesis ("Philippe Gosselin (UMP) a dénoncé") is skipped whole
            o = k - 1
            while o >= lo_s and seg.low[o] != "(":
                o -= 1
            if o >= lo_s:
                if cur_hi == k + 1:
                    cur_hi = o
                k = o - 1
                continue
            break
        if w == ",":
            chunks.append((k + 1, cur_hi))
            cur_hi = k
        elif w == "qui":  # relative: the antecedent's phrase
            chunks.append((k + 1, cur_hi))
            cur_hi = k
            relative = True
        elif seg.is_punct(k) and not _joined(seg, k) or w in ("que", "qu'", "«", "»", ";", ":") or w in RELATIVES:
            break
        elif _is_verbal(seg, k) and not _after_particle(seg, k, lo_s):
            if 0 < k < len(seg) - 1 and seg.low[k - 1] == "," and seg.low[k + 1] == ",":
                pass  # a detached participle or adjective between commas ("malien, impuissant, a")
            elif seg.lemma[k] in ("avoir", "être") and _weak(seg, k + 1, cur_hi):
                cur_hi = k  # an adverbial inside the verb group: "a de son côté dénoncé"
            elif _present_participle_group(seg, k, lo_s):
                pass  # a participial modifier inside an apposition ("X, auteur de l'étude ayant fourni …, a")
            else:
                clause_tail = True
                break
        k -= 1
    chunks.append((k + 1, cur_hi))
    if clause_tail and not relative and len(chunks) > 1 and not _weak(seg, *chunks[-2]):
        # the words after an earlier verb are that verb's complement, not an apposition of the subject
        # ("La Syrie n'ayant pas ratifié la convention de la CPI, l'ONG a demandé")
        chunks.pop()
    if relative:  # the antecedent of qui may be a preposition's object: "entretenu avec X, …, qui a déclaré"
        chunks = [_strip_preposition(seg, *c) for c in chunks]
    good = [_strip_lead(seg, *c) for c in chunks if not _weak(seg, *c) or c == chunks[0] and _particle_name(seg, *c)]
    good = [c for c in good if c[1] > c[0]]
    if not good:
        return _controlling(seg, v, lo_s, depth, content)
    near = chunks[0]
    if (
        near[1] > near[0]
        and seg.low[near[0]] in CLITIC_SUBJECTS
        and all(seg.pos[x] == "PRON" for x in range(near[0], near[1]))
    ):
        # a clitic subject pronoun next to its verb is the subject; a phrase before its comma is a
        # detached element ("Surpris par … du président X, il déclara"; Grevisse §§ 335, 660)
        return near
    if _plural_verb(seg, v):
        return good[0]  # a plural verb agrees with the phrase next to it, not with one name apposed earlier
    for labels in (("PER",), ("ORG", "MISC")):
        for c in good:
            rows = seg.mentions.within(seg.start[c[0]], seg.end[c[1] - 1])
            if any(seg.mentions.label[i] in labels for i in rows):
                return c
    if relative:
        return source_complement(seg, *good[0])
    return good[0]


#: Determiners that open the noun phrase after *de* (*de l'organisation*, *d'une association*).
_COMPLEMENT_DETERMINERS = frozenset({"l'", "l’", "la", "le", "les", "un", "une", "ce", "cette", "cet", "ces"})
#: What a role noun must designate to be a relative's subject (a speaker; documents head their own phrase).
_SOURCE_TYPES = frozenset({"person", "organisation", "media", "group"})


def source_complement(seg: Segment, lo: int, hi: int) -> tuple[int, int]:
    """The antecedent of a subject *qui* whose verb reports speech, within the phrase ``[lo, hi)`` before it.

    A relative pronoun takes up a noun phrase, and when a head noun governs a complement (*N1 de N2,
    qui …*) the antecedent may be either noun (Grevisse, *Le Bon Usage*, on the relative pronoun's
    antecedent); the verb's selectional restriction decides: a reporting verb wants a speaker, so when
    the head N1 is no role noun of the lexicon (an act or a thing: *des représailles de l'organisation,
    qui affirme*) and the complement N2 is one (a person or a body), N2 is the antecedent (Hobbs 1978
    and Dagan & Itai 1990 filter antecedents by the verb's selectional constraints). The span starts at
    N2's determiner (GUIDE 4.1: the descriptive noun phrase with its determiner; a contracted
    *du*/*des* stays with the noun).

    Args:
        seg (Segment): The segment.
        lo (int): First token of the phrase before *qui*.
        hi (int): One past its last token.

    Returns:
        tuple[int, int]: The complement's span, or ``(lo, hi)`` unchanged.
    """
    nouns = role_nouns()
    head = next((k for k in range(lo, hi) if seg.pos[k] in ("NOUN", "PROPN")), None)
    if head is None or seg.pos[head] != "NOUN" or seg.lemma[head].lower() in nouns or seg.low[head] in nouns:
        return lo, hi
    for k in range(head + 1, hi - 1):
        if seg.low[k] not in ("de", "du", "des", "d'", "d’"):
            continue
        start = k + 1 if seg.low[k] in ("de", "d'", "d’") else k
        if seg.low[k] in ("de", "d'", "d’") and seg.low[k + 1] not in _COMPLEMENT_DETERMINERS:
            continue
        noun = next((x for x in range(k + 1, hi) if seg.pos[x] in ("NOUN", "PROPN")), None)
        if noun is None:
            return lo, hi
        role = nouns.get(seg.low[noun]) or nouns.get(seg.lemma[noun].lower())
        if role is not None and role.type in _SOURCE_TYPES:
            return start, hi
        if role is not None:
            return lo, hi  # a document or another role noun: the phrase stays whole
    return lo, hi


#: Clitic subject pronouns: they stand right before the verb (or its object clitics) and are its subject.
CLITIC_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "on"})
#: Relative pronouns other than qui/que: the relative clause's own subject follows them (*un rapport
#: dans lequel elle dévoile*), so they bound the subject phrase like a conjunction.
RELATIVES = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "dont", "où", "auquel", "duquel"})
#: Finite forms of the auxiliaries in the third person plural (subject-verb agreement).
PLURAL_AUXILIARIES = frozenset(
    {"ont", "sont", "avaient", "étaient", "auraient", "seraient", "eurent", "furent", "auront", "seront"}
)


def _plural_verb(seg: Segment, v: int) -> bool:
    """Whether the verb group at ``v`` is in the third person plural (*ont annoncé*, *estiment*)."""
    w = seg.low[v] if v < len(seg) else ""
    return w in PLURAL_AUXILIARIES or seg.pos[v] == "VERB" and w.endswith(("ent", "ont")) and len(w) > 4


def _present_participle_group(seg: Segment, k: int, lo_s: int) -> bool:
    """Whether the verb at ``k`` is a present participle (or a participle after *ayant* / *étant*) right
    after a noun.

    A participial phrase right after a noun (*l'étude ayant fourni ces résultats*) modifies that noun
    like a relative clause (Riegel et al., ch. XI § 4.2; GUIDE A6 leaves participial modifiers out of
    the head mention): it has no finite verb, so it closes no clause before the subject and the
    subject phrase runs on to its left. A gerund (*en insistant*) is an adverbial of the clause, not
    a noun's modifier, and keeps closing it.
    """
    if k - 1 >= lo_s and seg.low[k - 1] in ("ayant", "étant"):
        k -= 1
    elif not (seg.low[k].endswith("ant") and len(seg.low[k]) > 4):
        return False
    return k - 1 >= lo_s and seg.pos[k - 1] in ("NOUN", "PROPN", "ADJ")


#: Coordinating conjunctions before a verb that shares the subject of the verb before it.
COORDINATORS = frozenset({"et", "mais", "puis", "ou"})


def _juxtaposed_start(seg: Segment, v: int, lo_s: int) -> int:
    """Where the clause of a coordinated verb at ``v`` starts: after the sentence's last colon or
    semicolon before it, when no quotation mark stands between.

    A colon or a semicolon separates juxtaposed independent clauses (Grevisse, *Le Bon Usage*, on
    juxtaposition: *La nuit fut chaude : Météo France a relevé …, mais précise que …*); a verb
    coordinated after it shares the subject of its own clause, not that of the sentence's first
    clause. A quotation
    opened after the colon (*a déclaré : « … » et a ajouté*) is the first verb's content, so the
    search then keeps the whole sentence.
    """
    for k in range(v - 1, lo_s - 1, -1):
        if seg.low[k] in ("«", "»", "“", "”", '"'):
            return lo_s
        if seg.low[k] in (":", ";"):
            return k + 1
    return lo_s


def _strip_preposition(seg: Segment, lo: int, hi: int) -> tuple[int, int]:
    if lo < hi and seg.pos[lo] == "ADP" and seg.low[lo] not in ("selon",):
        return lo + 1, hi
    return lo, hi


def _participle_subject(seg: Segment, v: int, lo_s: int) -> tuple[int, int] | None:
    """The own subject of a present participle: a noun phrase with its determiner right before it.

    After a comma the phrase is the subject of a participial clause (*…, la droite pointant le doigt
    sur …*; Grevisse, *Le Bon Usage*, § 256, the *proposition participe* has its own subject). Without
    the comma the participle is an epithet of the noun it follows (Riegel, Pellat & Rioul, *Grammaire
    méthodique du français*, ch. XI § 4.2: *une croyance locale affirmant que …*), and that noun is its
    subject when it can be a source, a role noun of ``data/role_nouns_fr.tsv`` (GUIDE 4.1: a person,
    an organisation, a medium, a document or a group); any other noun may be an object the participle
    merely follows (*a réfuté l'idée d'un prêt affirmant : « … »*), so it is not taken."""
    k = v - 1
    while k >= lo_s and seg.pos[k] in ("NOUN", "ADJ", "PROPN"):
        k -= 1
    if k < lo_s or k == v - 1 or seg.pos[k] != "DET":
        return None
    if k - 1 >= lo_s and seg.low[k - 1] == ",":
        return (k, v)
    return (k, v) if _source_head(seg, k + 1, v) else None


def _source_head(seg: Segment, lo: int, hi: int) -> bool:
    """Whether the noun phrase ``[lo, hi)`` after its determiner is headed by a role noun (its first noun)."""
    head = next((x for x in range(lo, hi) if seg.pos[x] == "NOUN"), None)
    nouns = role_nouns()
    return head is not None and (seg.low[head] in nouns or seg.lemma[head].lower() in nouns)


def _strip_lead(seg: Segment, lo: int, hi: int) -> tuple[int, int]:
    """Without leading conjunctions and adverbs (*Mais l'ancien porte-parole*, *Cependant*)."""
    while lo < hi and seg.pos[lo] in ("CCONJ", "ADV") and seg.low[lo] not in ("on",):
        lo += 1
    return lo, hi


def _joined(seg: Segment, k: int) -> bool:
    """A hyphen or apostrophe glued between two words (*al-Rahman*) is inside a name, not a boundary;
    so is the period of a title glued to the name (*M.Houdré*, a lost space, mentions.py)."""
    glued = 0 < k < len(seg) - 1 and seg.end[k - 1] == seg.start[k] and seg.end[k] == seg.start[k + 1]
    if glued and seg.text[k] == "." and seg.text[k + 1][:1].isupper():
        return seg.low[k - 1] + "." in TITLES
    return seg.text[k] in ("-", "'", "’") and glued


def _controlling(
    seg: Segment, v: int, lo_s: int, depth: int, content: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The controlling subject of a subject-less verb at ``v``: the subject of the sentence's main verb,
    the first verb before it that has one, else (a gerund opening the sentence, *Tout en insistant sur
    …, le républicain poursuit*) the first verb after it that has one; never a verb of the attribution's
    ``content`` (*Estimant que « le catalan est … », il vota*: the quoted clause's subject is the
    quotation's own, the participle's controller is *il*)."""
    if depth > 0:
        return None
    hi_s = seg.sent_hi[v] if v < len(seg) else len(seg)
    before = [x for x in range(lo_s, v) if _is_verbal(seg, x)]
    after = [x for x in range(v + 1, hi_s) if _is_verbal(seg, x) and not seg.low[x].endswith("ant")]
    if content is not None:
        before, after = ([x for x in xs if not content[0] <= seg.start[x] < content[1]] for xs in (before, after))
    for x in before + after:
        if 0 < x < len(seg) - 1 and seg.low[x - 1] == "," and seg.low[x + 1] == ",":
            continue  # a detached participle between commas has no subject of its own
        g = seg.group_start(x)
        if g == v or g <= v < x + 1:
            continue
        found = _subject_left(seg, g, depth + 1)
        if found is not None:
            return found
    return None
