"""People: who is named, who speaks, and how surely.

- ``entities``: named entities of an article, the area's public face: mentions, aliases merged into
  entities, summary (:func:`analysis.people.entities.entities`); re-exports the names below.
- ``mentions``: entity mentions in one text, the spaCy model's corrected by general rules, with the
  title before a person's name (:func:`analysis.people.mentions.find_mentions`).
- ``name_kinds``: the nouns before a name that tell what it is (an office, a kind of organisation or
  place, a group's members), for ``mentions``.
- ``aliases``: aliases merged into one canonical entity (:func:`analysis.people.aliases.canonicalise`).
- ``gazetteer``: the rules' French word lists and the gazetteer, loaded from ``data/``.
- ``graph``: co-occurrence of entities, as a table or a networkx graph.
- ``render``: displaCy-style HTML of entities and quotes.
- ``quotes``: the public entry of attributions, claims and the sourcing audit (re-exports the three
  modules below; :func:`analysis.people.quotes.quotes`).
- ``attributions``: one row per attribution with its speaker and gender, and the sources summary.
- ``detection``: where attributions are: quotations, reporting verbs, according-to phrases.
- ``according``: according-to phrases (*selon X*, *d'après X*, a sentence-initial *Pour X,*) and the clause
  each scopes over, for ``detection``.
- ``clauses``: where a reported clause begins and ends, and the inverted subject after a verb.
- ``incises``: incises the verb rules leave short or miss (an incise inside its clause, *comme le
  rappelle X*).
- ``verbforms``: verb forms a tagger may misread (the look-up lemma, the regular -er conjugation).
- ``constructions``: when a reporting verb's form rules the cue out (an epithet or passive
  participle, a non-finite verb that cannot be an incise, a participle opening a new attribution).
- ``exclusions``: cues that attribute nothing (the article's own voice, a feeling, an evaluation of
  an act).
- ``speakers``: the head mention, medium, canonical speaker and resolution of a speaker phrase.
- ``groups``: the group a plural pronoun takes up when no attribution named one (the first name with a
  plural article in its sentence or the one before: *Les Talibans … selon eux*), for ``speakers``.
- ``speaker_words``: the words and patterns ``speakers`` reads the text with (determiners, subject
  pronouns, office nouns, sentence ends, the according-to opener).
- ``phrases``: where the speaker phrase lies (the inverted or preverbal subject, the controlling
  subject of a subject-less verb).
- ``name_extent``: where a name in a speaker phrase begins and ends when the entity model cut it
  short, and the unique institutional designations (*le gouvernement malien*).
- ``media``: the medium or addressee of an attribution anywhere in its clause (*dans un communiqué*).
- ``channels``: the medium phrase (a preposition and a channel or outlet head), shared by
  ``detection`` and ``media``.
- ``antecedents``: the names an article sets beside a role noun (apposition), to which a later
  definite role noun refers.
- ``reference``: which earlier name a definite description may take up (a public body only its own
  name, *anaphore fidèle*; *ce dernier* the last one named; a feminine role phrase only a person not
  shown as a man; coordinated role nouns are several sources; the most salient organisation named before; an organisation's
  name split in two mentions).
- ``roles``: which names of a speaker phrase are the source (a person in a role noun's complement,
  *l'avocat de X*, is not).
- ``gender``: the gender of a named person source from the text's own cues only.
- ``claims``: the status of every sentence or clause (asserted, attributed, conditional,
  hypothetical, denied).
- ``audit``: the sourcing audit of an article or of a corpus's parts.
- ``reuse``: the same quotation in several documents, with each document's speaker.
- ``lexicon``: reads the language knowledge of attributions from ``data/``.
- ``data/``: the gazetteer (``gazetteer_fr.tsv``: places, states and their periphrases), the rules'
  word lists (``words_fr.tsv``, the nouns of public bodies among them), the capitalised words that
  are no name (``not_names_fr.tsv``), the reporting verbs with their stance (``speech_verbs_fr.tsv``),
  role nouns (``role_nouns_fr.tsv``), the words of cues that attribute nothing (``no_content_fr.tsv``),
  according-to forms, the typology of anonymous sources and outlet words (``sources_fr.tsv``).

The modules are exported, not their functions (whose names are the modules'):
``from analysis.people import entities, quotes; entities.entities(article)``.
"""

from . import (
    antecedents,
    attributions,
    audit,
    claims,
    detection,
    entities,
    exclusions,
    gender,
    lexicon,
    quotes,
    reuse,
    speakers,
)

__all__ = [
    "antecedents",
    "attributions",
    "audit",
    "claims",
    "detection",
    "entities",
    "exclusions",
    "gender",
    "lexicon",
    "media",
    "quotes",
    "reuse",
    "speakers",
]
