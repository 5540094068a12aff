"""Key terms: the single and multi-word terms a text is about, ranked.

No corpus is needed. The method, in five steps (every weight is in :data:`WEIGHTS`):

1. **Candidates** are noun phrases found by part-of-speech patterns on our
   tokens (lemmas and UPOS from :func:`analysis.analyse`), inside a sentence,
   between punctuation marks, in counted segments only: sequences of nouns,
   proper nouns and adjectives, optionally followed by a number
   ("Falcon 9"), possibly joined by *de* (+ article): ``(N|A)* N (N|A|NUM)*
   (de (le|la|l')? (N|A)* N (N|A|NUM)*)*``, up to :data:`MAX_WORDS` content
   words, plus single adjectives. French writing corrects the tagger: a word
   capitalised inside a sentence is a proper noun and its own lemma
   ("Samaras", not "samara"), and a capitalised article or particle before it
   belongs to the name ("La Poste", "De Santis"); forms of address
   (:data:`ADDRESS`, "Mr") are not part of a name; a word tagged as a verb
   right after a noun whose look-up lemma is no verb is an adjective
   ("prisons syriennes").
2. **Word weights.** Each content word (lemma, case folded; its occurrences
   inside names count too) gets ``tf × specificity``, where ``specificity =
   max(ε, Z₀ − zipf)`` measures how much rarer it is in general French
   (``wordfreq``, Zipf scale, summed over the lemma and its forms seen in the
   text) than a common word (Z₀): this is keyness used as an IDF that needs
   no corpus. A word of the title weighs ``1 + title_boost`` times more, one
   first seen in the first sentences ``1 + lede_boost`` (news puts its
   subject first).
3. **Candidate score.** A candidate's score is its own frequency and its
   words' weights: ``(tf_c + λ) × mean(word weights) × length bonus``, so a
   multi-word term is scored by its words and by how often it recurs whole.
   A multi-word term must recur whole (at least ``long_min_count`` times:
   once-seen phrases were right about one time in eight); a single adjective
   is never a key term alone, nor is a term made only of words of time or
   measure (:data:`NOT_ALONE`) and numbers ("juin", "juin dernier",
   "millions d'euros"). A surname standing alone ("Romney", "De Santis")
   counts ``name_part`` toward the person's full name ("Mitt Romney") and is
   not listed apart; a person named once in full and then by surname recurs.
4. **The headline.** A headline that opens with a topic label before a
   colon ("Grèce : le nouveau gouvernement formé", the Wikinews convention
   and a common one in news) names the story's place or subject: the label
   ranks first, its words read as nouns whatever the tagger makes of a
   verbless headline. The headline's figures (a number and the noun it
   counts, "39 morts", "2 %"; not a date) come next.
5. **Deduplication and shown form.** Candidates are taken best first; one
   whose Snowball-stemmed word sequence equals an already chosen term's is
   dropped; a sub-phrase of a chosen term ("Olonne" in "Sables d'Olonne") is
   dropped unless it also stands on its own (occurs outside it at least
   :data:`WEIGHTS` ``["alone"]`` times). A term is given as its lemmas
   ("drones iraniens" → "drone iranien") unless lemmatising changed its
   Snowball stems ("jeux" → "jeu", "interceltique" → "interceltiqu"): then as
   its most frequent surface form.

Every step runs over all documents at once, on integer codes (documents, keys, forms, words): the
candidates, their aggregation, the word weights (:mod:`analysis.terms.weights`), the headline's topic
and figures, the surname merging, the scores and the order. Only the last pick is sequential by nature
(a term is dropped when its stems equal a chosen term's or when it is a sub-phrase of chosen terms):
one pass over the ordered candidates, leaving each document once it has ``top`` terms. Strings are
built once per distinct value. A corpus costs in proportion to its size, and each document's key
terms are exactly those it has alone.

The measured scores against reader keyphrases are in
:mod:`analysis.evaluate_keyterms` (``python -m analysis eval keyterms DIR``): the weights and
rules were chosen on the tune half of the Wikinews corpus only, and each kept only when it did not
hurt the check half.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ..ranking import rounded_scores
from .candidates import (  # noqa: F401 - ADDRESS, PARTICLES and candidates re-exported (they live in candidates)
    ADDRESS,
    MAX_WORDS,
    PARTICLES,
    candidate_rows,
    candidates,
    content_words,
    tag_tokens,
    token_tables,
    topic_labels,
)
from .candidates import row_codes as _codes
from .units import encoded, first_rows, on_distinct
from .headlines import headline_figures as _headline_figures
from .headlines import is_figure as _is_figure  # noqa: F401  (tests call it by this name)
from .headlines import title_topics
from .weights import NOT_ALONE, doc_context, object_column, word_weights  # noqa: F401 - NOT_ALONE re-exported

__all__ = ["MAX_WORDS", "WEIGHTS", "candidates", "keyterms"]


#: The weights of the method (rules as data). The first numeric weights came from a random search on
#: half of the Wikinews corpus; since the fixed tune/check split (analysis.evaluate_keyterms.split_half),
#: each rule or weight (title_topic, title_figure, name_words, title_boost) was kept only when it helped
#: the tune half and did not hurt the check half.
WEIGHTS: dict[str, float] = {
    "zipf_common": 6.5,  # Z0: a word this frequent in general French (zipf) is not specific
    "spec_floor": 0.6,  # ε: the least specificity a word keeps
    "spec_power": 0.75,  # exponent on specificity
    "tf_power": 0.75,  # exponent on a word's frequency
    "title_boost": 4,  # added to 1 when a word is in the title (the headline names the subject)
    "lede_boost": 1,  # added to 1 when a word is first seen in the first sentences (not title)
    "lede_sentences": 3,  # how many sentences count as the lede
    "phrase_smoothing": 0.5,  # λ added to a candidate's own count
    "length_bonus": 0.15,  # multi-word bonus per extra word
    "long_words": 2,  # a term of this many content words or more...
    "long_min_count": 2,  # ...must occur at least this many times whole
    "position": 0.5,  # boost 1 + position / (1 + rank of the sentence where a word is first seen)
    "alone": 2,  # a sub-phrase must occur this many times outside chosen terms to stay
    "adj_alone_penalty": 0.0,  # a single adjective ("iranien") is never a key term: readers name things
    "name_part": 0.5,  # share of a name part's own occurrences ("Romney") counted toward the full name
    "name_words": 1,  # a word's frequency and position count its occurrences inside names too (0: off)
    "title_figure": 1,  # a headline's figure ("39 morts", "2 %") ranks after its topic (0: off)
    "title_topic": 1,  # the headline's topic before a colon ("France : ...") ranks first (0: off)
}


def keyterms(
    text_or_article: Any, *, top: int = 10, weights: dict[str, float] | None = None, max_words: int = MAX_WORDS
) -> pd.DataFrame:
    """The key terms of one or several documents, best first.

    Args:
        text_or_article (Any): Raw text, an :class:`~analysis.article.Article`,
            :class:`~analysis.pipeline.Tables` or a tokens table (with ``lemma``/``pos``;
            several ``doc_id`` give the key terms of each document).
        top (int): How many terms per document.
        weights (dict[str, float] | None): Overrides of :data:`WEIGHTS`.
        max_words (int): Most content words in a term.

    Returns:
        pandas.DataFrame: ``doc_id``, ``rank``, ``term`` (lemmatised, proper nouns as
        written; the most frequent surface form instead when lemmatising changes the Snowball
        stems), ``score``, ``count`` (occurrences of the whole term, plus ``name_part`` × a
        person's surname standing alone), ``n_words``, ``start``/``end`` (first occurrence),
        ``form`` (the most frequent form, lowercased);
        ``attrs["rule"]`` says how terms were found and scored.
    """
    w = {**WEIGHTS, **(weights or {})}
    tokens, segments = token_tables(text_or_article)
    labels = topic_labels(tokens, segments, max_words=max_words) if w["title_topic"] else None
    tagged = tag_tokens(tokens, uncounted=False, labels=labels)
    cands = candidate_rows(tokens, tagged, max_words=max_words, objects=True)
    if w["title_figure"]:
        cands = _with_figures(cands, _headline_figures(tokens, segments), tokens)
    agg_all = _aggregate(cands)
    words = content_words(tokens, labels=labels, tagged=tagged, objects=True) if w["name_words"] else None
    forms, title_sents, words = doc_context(tokens, cands, segments, words)
    # per aggregated candidate, all documents at once: its words' mean weight
    doc_names = encoded(tokens, "doc_id")[1] if "doc_id" in tokens.columns else None
    mean_weight, never = (
        word_weights(agg_all, cands, words, title_sents, forms, w, doc_names)
        if len(cands)
        else (np.zeros(0), np.zeros(0, dtype=bool))
    )
    topics = title_topics(cands, tokens, segments) if w["title_topic"] else {}
    rows_out, ranks = _rank(agg_all, mean_weight, never, topics, top=top, w=w)
    cols = ["doc_id", "rank", "term", "score", "count", "n_words", "start", "end", "form"]
    if rows_out:
        out = pd.DataFrame(rows_out, columns=[c for c in cols if c != "rank"])
        out.insert(1, "rank", np.array(ranks, dtype="int64"))
        out["count"] = out["count"].round().astype("int64")
    else:
        out = pd.DataFrame(columns=cols)
    out.attrs["rule"] = (
        "candidates: noun-phrase POS patterns ((N|A)* N (N|A|NUM)* joined by de (+article)) "
        f"up to {max_words} content words, counted segments, inside sentences and between "
        "punctuation; word weight = tf × specificity vs general French (wordfreq Zipf) × "
        "title/lede boost; term score = (term count + λ) × mean word weight × length bonus; "
        "multi-word terms must recur whole; no lone adjectives or time/measure words; surnames "
        "count toward the full name; capitals inside a sentence mark proper nouns; a headline's "
        "topic before a colon first, then its figures; deduplicated by Snowball stems and "
        "sub-phrases; lemmas "
        "shown unless they change the stems (then the most frequent form); weights: "
        + ", ".join(f"{k}={v:g}" for k, v in w.items())
    )
    return out[cols]


_WORD = re.compile(r"\w+(?:[-.]\w+)*'?|%")


@functools.lru_cache(maxsize=200_000)
def _stems(phrase: str) -> tuple[str, ...]:
    """Snowball stems of a phrase's lowercased words: a fast stand-in for
    :func:`analysis.evaluate_keyterms.stem_key` (which runs the tokenizer), used to deduplicate."""
    return tuple(_stem(w) for w in _WORD.findall(phrase.lower().replace("’", "'")))


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """The Snowball stem of one word (the phrases of :func:`_stems` share their words)."""
    from ..text.stems import stemmer

    return stemmer().stem(word)


def _name_pattern(pattern: str) -> bool:
    """The classes of a proper name: nouns only, a number may follow ("Mitt Romney", "Falcon 9")."""
    return bool(re.fullmatch(r"(?:P*N)+U?", pattern))


def _name_words(term: str) -> bool:
    """Every word of a proper name capitalised, or a number ("Mitt Romney", "Falcon 9")."""
    return all(t[:1].isupper() or t[:1].isdigit() for t in term.split())


def _merge_name_parts(
    table: dict[str, np.ndarray], topic: np.ndarray, share: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count a surname standing alone ("Romney", "De Santis") toward the person's full name, every
    document at once.

    A full name here is a name of two or three capitalised words whose first word (the given name)
    never stands alone in the document while its surname (the words after it, or its last word)
    does, and is not a place (gazetteer of :mod:`analysis.entities`: "Météo France" is no person).
    The surname's candidate is dropped and ``share`` of its count added to the full name's ``count``
    (the most frequent one when several share the surname, the first seen among equals): readers
    name a person in full. The ``mentions`` count the person's mentions, full and by surname, so
    that a person named once in full and then by surname recurs. A document's headline topic is
    never merged away.

    Args:
        table (dict[str, numpy.ndarray]): The aggregated candidates, column by column, each
            document's rows together in their order: ``doc`` and ``code`` (integer codes of the
            document and of the key), ``key``, ``term``, ``pattern``, ``n_words``, ``count``.
        topic (numpy.ndarray): Per document code, the key code of its headline's topic (-1: none).
        share (float): The share of a surname's count moved to the full name.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]: ``counts`` (float), ``mentions`` (int)
        and whether each candidate is kept.
    """
    doc, code, n = table["doc"], table["code"], table["n_words"]
    counts = table["count"].astype(float)
    mentions = table["count"].astype("int64")
    kept = np.ones(len(doc), dtype=bool)
    if share <= 0 or not len(doc):
        return counts, mentions, kept
    from ..people.entities import gazetteer, place_key

    width = np.int64(code.max() + 1)
    row_of = pd.Index(doc * width + code)  # (document, key) is unique: the row of each
    key_index = pd.Index(table["keys"], dtype=object)  # the distinct keys, by code

    def alone(words: list[str], docs: np.ndarray) -> np.ndarray:
        """The row of each one-word candidate ``words[j]`` of document ``docs[j]`` (-1: none)."""
        at = key_index.get_indexer(words) if words else np.zeros(0, "int64")
        row = np.full(len(words), -1, dtype="int64")
        row[at >= 0] = row_of.get_indexer(docs[at >= 0] * width + at[at >= 0])
        row[row >= 0] = np.where(n[row[row >= 0]] == 1, row[row >= 0], -1)
        return row

    names = np.flatnonzero((n >= 2) & (n <= 3))
    names = names[on_distinct(table["pattern"][names], _name_pattern)]
    names = names[on_distinct(table["term"][names], _name_words)]
    parts = [k.split() for k in table["key"][names].tolist()]
    docs = doc[names]
    given = alone([p[0] for p in parts], docs)
    after, last = alone([" ".join(p[1:]) for p in parts], docs), alone([p[-1] for p in parts], docs)
    surname = np.where(after >= 0, after, last)
    ok = (given < 0) & (surname >= 0)
    ok[ok] = code[surname[ok]] != topic[docs[ok]]
    places = gazetteer().places
    ok[ok] = [place_key(k) not in places for k in table["key"][surname[ok]].tolist()]
    names, surname = names[ok], surname[ok]
    order = np.lexsort((names, -table["count"][names], doc[names]))  # most frequent first, stably
    names, surname = names[order], surname[order]
    _, first = np.unique(surname, return_index=True)  # a surname goes to its first full name
    full, part = names[first], surname[first]
    capital = np.array([t[:1].isupper() for t in table["term"][part].tolist()], dtype=bool)
    full, part = full[capital], part[capital]
    counts[full] = counts[full] + share * counts[part]
    mentions[full] = mentions[full] + mentions[part]
    kept[part] = False
    return counts, mentions, kept


@functools.lru_cache(maxsize=200_000)
def _shown_term(term: str, form: str, shown: str) -> str:
    """The lemmatised term, or its most frequent surface form when lemmatising changed its stems.

    Readers write keyphrases as the text does; a lemma is kept only where it stems like the form
    ("drones" → "drone"), not where it does not ("jeux" → "jeu", "interceltique" → "interceltiqu").
    """
    if _plain(_stems(term)) == _plain(_stems(form)):  # the same stems, or only accents restored
        return term
    words, lemmas = shown.split(), term.split()
    if len(words) != len(lemmas):
        return shown
    return " ".join(f if lem[:1].isupper() else f.lower() for f, lem in zip(words, lemmas))


def _plain(stems: tuple[str, ...]) -> tuple[str, ...]:
    """Stems without diacritics."""
    return tuple(unicodedata.normalize("NFD", x).encode("ascii", "ignore").decode() or x for x in stems)


def _padded(key: str) -> str:
    """A key with its words between spaces, an elided word ending at its apostrophe ("sables d' olonne"),
    so that one key can be found inside another word by word."""
    return f" {key.replace(chr(39), chr(39) + ' ')} "


def _aggregate(cands: pd.DataFrame) -> pd.DataFrame:
    """One row per (document, candidate key): first occurrence, count, most frequent forms (all documents at once).

    Groups are integer codes (one ``factorize``), in order of first occurrence; each column is
    taken at the group's first row, the count and the adjective share by ``bincount``.
    """
    if cands.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=object)
                for c in [
                    "doc_id",
                    "key",
                    "term",
                    "count",
                    "words",
                    "n_words",
                    "pattern",
                    "adjective",
                    "start",
                    "end",
                    "form",
                    "shown",
                ]
            }
        )
    coded = "key_code" in cands.columns  # codes of the documents, keys and forms (:func:`candidate_rows`)
    group = _codes(cands["doc"], cands["key_code"]) if coded else _codes(cands["doc_id"], cands["key"])
    first = first_rows(group)  # groups in order of first occurrence, as groupby(sort=False)
    order = np.empty(group.max() + 1, dtype="int64")
    order[group[first]] = np.arange(len(first))
    group = order[group]  # 0, 1, ... in order of first occurrence
    size = np.bincount(group)
    adjective = np.bincount(group, weights=(cands["pattern"].to_numpy(dtype=object) == "A").astype(float)) / size
    agg = pd.DataFrame(
        {c: pd.Series(cands[c].to_numpy(dtype=object)[first], dtype=object) for c in ("doc_id", "key", "term")}
    )
    agg["count"] = size.astype("int64")
    for col in ("words", "n_words", "pattern"):
        agg[col] = object_column(cands[col].to_numpy()[first])
    agg["adjective"] = adjective
    for col in ("start", "end"):
        agg[col] = cands[col].to_numpy()[first]
    if coded:
        agg["doc"] = cands["doc"].to_numpy(dtype="int64")[first]
        agg["key_code"] = cands["key_code"].to_numpy(dtype="int64")[first]
        agg["span_code"] = cands["span_code"].to_numpy(dtype="int64")[first]
        form_code = cands["form_code"].to_numpy(dtype="int64")
        form_names = cands["form"].to_numpy(dtype=object)[first_rows(form_code)]
    else:
        form_code, form_names = pd.factorize(cands["form"].to_numpy(dtype=object))
        form_code = form_code.astype("int64")
    # lowercased as the string dtype does it (``Series.str.lower``), once per distinct form
    lower_code, lower_names = pd.factorize(
        pd.Series(form_names, dtype=object).astype(str).str.lower().to_numpy(dtype=object)
    )
    starts = cands["start"].to_numpy(dtype="int64")
    agg["form"] = object_column(_most_frequent(group, lower_code[form_code].astype("int64"), lower_names, starts))
    agg["shown"] = object_column(_most_frequent(group, form_code, form_names, starts))
    return agg.astype({c: cands[c].dtype for c in ("doc_id", "key", "term", "pattern")})


def _with_figures(cands: pd.DataFrame, figures: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The candidates with the headline's figures after them, their codes (``doc``, ``key_code``,
    ``form_code`` of :func:`candidate_rows`) continued for the figures (equal strings, equal codes;
    a new ``span_code`` for each figure)."""
    if not len(figures):
        return cands
    out = pd.concat([cands, figures], ignore_index=True)
    if "key_code" not in cands.columns or "doc_id" not in tokens.columns:
        return out.drop(columns=["doc", "key_code", "form_code", "span_code"], errors="ignore")  # read by their strings
    doc_names = encoded(tokens, "doc_id")[1]
    extra = {"doc": pd.Index(doc_names, dtype=object).get_indexer(figures["doc_id"].to_numpy(dtype=object))}
    for name, col in (("key_code", "key"), ("form_code", "form")):
        codes = cands[name].to_numpy(dtype="int64")  # in order of first appearance
        known = pd.Index(cands[col].to_numpy(dtype=object)[first_rows(codes)], dtype=object)
        at = known.get_indexer(figures[col].to_numpy(dtype=object))
        at[at < 0] = len(known) + pd.factorize(figures[col].to_numpy(dtype=object)[at < 0])[0]
        extra[name] = at
    spans = cands["span_code"].to_numpy(dtype="int64")  # each figure a sequence of its own
    extra["span_code"] = int(spans.max(initial=-1)) + 1 + np.arange(len(figures))
    for name, codes in extra.items():
        out[name] = np.r_[cands[name].to_numpy(dtype="int64"), codes]
    return out


def _most_frequent(group: np.ndarray, codes: np.ndarray, names: Any, starts: np.ndarray) -> np.ndarray:
    """Each group's most frequent value (``names[codes]``, equal codes for equal values), the earliest
    first seen among equals."""
    pair = _codes(group, codes)
    n = np.bincount(pair)
    big = np.iinfo("int64").max
    earliest = np.full(len(n), big)
    np.minimum.at(earliest, pair, starts)
    at = first_rows(pair)  # a row of each (group, value), pairs in order
    owner = group[at]
    most = np.zeros(group.max() + 1, dtype="int64")
    np.maximum.at(most, owner, n)
    top = n == most[owner]  # the most frequent values of each group...
    soonest = np.full(len(most), big)
    np.minimum.at(soonest, owner[top], earliest[top])
    top &= earliest == soonest[owner]  # ...first seen earliest...
    chosen = np.full(len(most), len(at))
    np.minimum.at(chosen, owner[top], np.flatnonzero(top))  # ...the first pair among equals
    return np.asarray(names, dtype=object)[codes[at][chosen]]


def _rank(
    agg: pd.DataFrame,
    mean_weight: np.ndarray,
    never: np.ndarray,
    topics: dict[str, str],
    *,
    top: int,
    w: dict[str, float],
) -> tuple[list[tuple], list[int]]:
    """Every document's key terms (rows of the output without ``rank``, and their ranks, by document in order of
    first appearance, best first), from the aggregated candidates with the mean weight of their
    words (:func:`word_weights`) and each document's headline topic (a key, or None).

    Scores, name merging (:func:`_merge_name_parts`), the headline's topic and figures put first and
    the order (rounded score, then term) are computed for all documents at once. The pick that
    follows is sequential by nature (a term is dropped when its stems equal a chosen term's, or when
    it is a sub-phrase of chosen terms not standing on its own): one pass over the candidates in
    that order, which leaves a document once it has ``top`` terms.
    """
    if not len(agg):
        return [], []
    coded = "doc" in agg.columns and "key_code" in agg.columns  # codes of :func:`_aggregate`
    if coded:
        doc_code = pd.factorize(agg["doc"].to_numpy(dtype="int64"))[0]
        doc_names = agg["doc_id"].to_numpy(dtype=object)[first_rows(doc_code)]
    else:
        doc_code, doc_names = pd.factorize(agg["doc_id"].to_numpy(dtype=object))
    perm = np.argsort(doc_code, kind="stable")  # each document's rows together, in their order
    table: dict[str, Any] = {
        c: agg[c].to_numpy(dtype=object)[perm] for c in ("key", "term", "pattern", "form", "shown")
    }
    table["doc"] = doc_code[perm].astype("int64")
    for c in ("count", "n_words", "start", "end"):
        table[c] = agg[c].to_numpy(dtype="int64")[perm]
    if coded:  # key codes in order of first appearance: the keys are read at their first rows
        code = agg["key_code"].to_numpy(dtype="int64")
        keys = agg["key"].to_numpy(dtype=object)[first_rows(code)]
        code = code[perm]
    else:
        code, keys = pd.factorize(table["key"])
    table["code"], table["keys"] = code.astype("int64"), keys
    doc, n = table["doc"], table["n_words"]
    topic = np.full(len(doc_names), -1, dtype="int64")
    if topics:
        doc_at = pd.Index(doc_names, dtype=object).get_indexer(list(topics))
        key_at = pd.Index(keys, dtype=object).get_indexer([k if k is not None else "\0" for k in topics.values()])
        topic[doc_at[(doc_at >= 0) & (key_at >= 0)]] = key_at[(doc_at >= 0) & (key_at >= 0)]
    counts, mentions, kept = _merge_name_parts(table, topic, w["name_part"])
    # step 3, in the order of operations of the former per-document loop (floats are not associative)
    score = (counts + w["phrase_smoothing"]) * mean_weight[perm] * (1 + w["length_bonus"] * (n - 1))
    score[(n >= w["long_words"]) & (mentions < w["long_min_count"])] = 0.0
    score[never[perm]] = 0.0  # only words of time or measure and numbers: "juin", "millions d'euros"
    adjective = (n == 1) & (agg["adjective"].to_numpy(dtype=float)[perm] > 0.5)  # mostly tagged as an adjective
    score[adjective] = score[adjective] * w["adj_alone_penalty"]
    # the headline's topic ("France : ...") comes first, then its figures ("39 morts"), above the best score
    best = np.full(len(doc_names), -np.inf)
    np.maximum.at(best, doc[kept], score[kept])
    best[np.isneginf(best)] = 0.0
    topic_row = np.flatnonzero(kept & (code == topic[doc]))
    figure = np.flatnonzero(kept & on_distinct(table["pattern"], lambda p: p.startswith("U")))
    has_topic = np.bincount(doc[topic_row], minlength=len(doc_names))
    forced = has_topic + np.bincount(doc[figure], minlength=len(doc_names))
    score[topic_row] = best[doc[topic_row]] + forced[doc[topic_row]] - 0
    fig_doc = doc[figure]
    nth = np.arange(len(figure)) - np.searchsorted(fig_doc, fig_doc)  # figures in each document's order
    score[figure] = best[fig_doc] + forced[fig_doc] - (has_topic[fig_doc] + nth)
    rounded = rounded_scores(score)  # as sort_ranked compares scores
    rows = np.flatnonzero(kept & (score > 0))
    term_code, term_names = pd.factorize(table["term"][rows])
    term_rank = np.empty(len(term_names), dtype="int64")
    term_rank[np.argsort(np.asarray(term_names, dtype=object), kind="stable")] = np.arange(len(term_names))
    order = rows[np.lexsort((term_rank[term_code], -rounded[rows], doc[rows]))]
    return _pick(order, table, score, counts, doc_names, top=top, alone=w["alone"])


def _pick(
    order: np.ndarray,
    table: dict[str, Any],
    score: np.ndarray,
    counts: np.ndarray,
    doc_names: Any,
    *,
    top: int,
    alone: float,
) -> tuple[list[tuple], list[int]]:
    """Step 5 over the candidates in ``order`` (by document, best first): a term is taken unless its
    Snowball stems are empty or equal an already chosen term's, or it lies inside chosen terms (word
    by word) without occurring at least ``alone`` times outside them; ``top`` terms per document."""
    docs = table["doc"][order].tolist()
    end_of = dict(zip(docs, range(1, len(docs) + 1)))  # where each document's candidates end
    order_list = order.tolist()
    key, term, form, shown = table["key"], table["term"], table["form"], table["shown"]
    count_list = counts.tolist()
    out: list[tuple] = []
    ranks: list[int] = []
    at, current = 0, -1
    chosen: list[tuple[str, int]] = []
    seen_stems: set[tuple[str, ...]] = set()
    while at < len(order_list):
        d, i = docs[at], order_list[at]
        if d != current:
            current, chosen, seen_stems = d, [], set()
        at += 1
        shown_term = _shown_term(term[i], form[i], shown[i])
        stems = _stems(shown_term)
        if not stems or stems in seen_stems:
            continue
        padded = _padded(key[i])
        inside = [c for p, c in chosen if padded in p]
        if inside and count_list[i] - sum(inside) < alone:
            continue
        seen_stems.add(stems)
        chosen.append((padded, int(count_list[i])))
        out.append(
            (
                doc_names[d],
                shown_term,
                float(score[i]),
                count_list[i],
                int(table["n_words"][i]),
                int(table["start"][i]),
                int(table["end"][i]),
                form[i],
            )
        )
        ranks.append(len(chosen))
        if len(chosen) == top:
            at = end_of[d]  # this document is done
    return out, ranks
