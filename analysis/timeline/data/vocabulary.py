"""Vocabulary of the French temporal tagger (:mod:`analysis.timeline`), as data.

Everything here is vocabulary: words, their TIMEX3 meaning, and the regex
building blocks made from them. :mod:`analysis.timeline` compiles them once
into one regular expression and interprets the matches. Changing coverage
means editing these tables, not the code.

Conventions (ISO-TimeML, as in the French TimeBank):

* months ``"2022-11"``, years ``"2015"``, decades ``"199X"``, centuries
  ``"19"`` (the 1900s), ISO weeks ``"2022-W46"``, week-ends ``"2022-W46-WE"``,
  seasons ``"2022-SU"``, parts of day ``"2022-11-20TMO"``;
* durations ``"P9M"``, ``"PT30M"``, vague quantities with ``X`` (``"PXM"``);
* vague references ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``;
* ``mod``: ``START``, ``MID``, ``END``, ``APPROX``, ``LESS_THAN``,
  ``MORE_THAN``, ``EQUAL_OR_MORE``, ``EQUAL_OR_LESS``.
"""

from __future__ import annotations

#: Longest list of days looked at before its month ("les 3, 4 et 5 mai"): a month has 31 days, and
#: a longer list would make each of its numbers read all the rest of it again (quadratic).
MAX_LIST_DAYS = 31
#: Most thousands groups read in a quantity ("4 500", "1 000 000"): 10^15 is already no duration,
#: and a long run of groups ("123 123 123 …") would be read again from each of them.
MAX_THOUSANDS_GROUPS = 5

#: Month names and abbreviations (abbreviations need their period) → month number.
MONTHS: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "janv.": 1, "jan.": 1, "févr.": 2, "fév.": 2, "fevr.": 2, "fev.": 2, "avr.": 4, "juil.": 7,
    "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "déc.": 12, "dec.": 12,
}

#: Month names that are also common first names or words: alone and capitalised
#: (no day, no year), they are dates only after a temporal preposition.
AMBIGUOUS_CAPITALISED_MONTHS: frozenset[str] = frozenset({"mai", "mars", "juin", "avril", "août"})

#: Weekdays → ISO weekday number (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
}

#: Number words → value (compounds such as "dix-huit", "vingt-cinq" are summed).
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100, "mille": 1000,
}
#: Vague quantities: the value gets an ``X`` ("quelques mois" → ``PXM``).
VAGUE_QUANTITIES: tuple[str, ...] = (
    "quelques", "plusieurs", "des", "de nombreux", "de nombreuses", "nombre de", "bien des",
)
#: Approximate round quantities: "une dizaine d'années" → P10Y, mod APPROX.
ROUND_QUANTITIES: dict[str, int] = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "centaine": 100,
}

#: Duration units → (ISO 8601 designator, multiplier, is a time unit).
UNITS: dict[str, tuple[str, int, bool]] = {
    "seconde": ("S", 1, True), "secondes": ("S", 1, True),
    "minute": ("M", 1, True), "minutes": ("M", 1, True),
    "heure": ("H", 1, True), "heures": ("H", 1, True),
    "jour": ("D", 1, False), "jours": ("D", 1, False),
    "journée": ("D", 1, False), "journées": ("D", 1, False),
    "nuit": ("D", 1, False), "nuits": ("D", 1, False),
    "semaine": ("W", 1, False), "semaines": ("W", 1, False),
    "mois": ("M", 1, False),
    "trimestre": ("M", 3, False), "trimestres": ("M", 3, False),
    "semestre": ("M", 6, False), "semestres": ("M", 6, False),
    "an": ("Y", 1, False), "ans": ("Y", 1, False),
    "année": ("Y", 1, False), "années": ("Y", 1, False),
    "décennie": ("Y", 10, False), "décennies": ("Y", 10, False),
    "siècle": ("Y", 100, False), "siècles": ("Y", 100, False),
}
#: Nouns that are themselves a duration ("le quinquennat" → P5Y).
DURATION_NOUNS: dict[str, str] = {
    "quinquennat": "P5Y", "septennat": "P7Y", "mandat de cinq ans": "P5Y",
}

#: Singular unit → unit name used by the resolver.
UNIT_OF: dict[str, str] = {
    "jour": "day", "journée": "day", "semaine": "week", "mois": "month", "an": "year", "année": "year",
    "week-end": "weekend", "trimestre": "quarter", "semestre": "half", "siècle": "century",
    "décennie": "decade",
}

#: Seasons → TIMEX3 season code.
SEASONS: dict[str, str] = {"printemps": "SP", "été": "SU", "eté": "SU", "automne": "FA", "hiver": "WI"}

#: Parts of the day → TIMEX3 code (or a clock time).
DAY_PARTS: dict[str, str] = {
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV",
    "nuit": "NI", "midi": "T12:00", "mi-journée": "MI",
}

#: Days relative to the reference date.
RELATIVE_DAYS: dict[str, int] = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "ce jour": 0,
    "demain": 1, "après-demain": 2,
}
#: Days relative to the previously mentioned date.
ANAPHORIC_DAYS: dict[str, int] = {
    "lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2, "même jour": 0,
}

#: Words after a unit that shift it ("le mois dernier" → -1).
SHIFT_WORDS: dict[str, int] = {
    "dernier": -1, "dernière": -1, "derniers": -1, "dernières": -1, "passé": -1, "passée": -1,
    "précédent": -1, "précédente": -1,
    "prochain": 1, "prochaine": 1, "prochains": 1, "prochaines": 1, "suivant": 1, "suivante": 1,
    "à venir": 1, "qui vient": 1,
    "en cours": 0, "-ci": 0, "actuel": 0, "actuelle": 0,
}

#: Parts of a period → TIMEX3 mod. Intervals are narrowed to the first,
#: middle or last third of the period.
PARTS: dict[str, str] = {
    "début": "START", "commencement": "START", "mi-": "MID", "mi": "MID", "milieu": "MID",
    "fin": "END", "courant": "", "cours": "",
}

#: Modifiers placed before a quantity or a date → TIMEX3 mod.
MODIFIERS: dict[str, str] = {
    "environ": "APPROX", "vers": "APPROX", "près de": "APPROX", "presque": "APPROX",
    "quelque": "APPROX", "aux alentours de": "APPROX", "autour de": "APPROX", "approximativement": "APPROX",
    "plus de": "MORE_THAN", "au moins": "EQUAL_OR_MORE", "au minimum": "EQUAL_OR_MORE",
    "moins de": "LESS_THAN", "au plus": "EQUAL_OR_LESS", "au maximum": "EQUAL_OR_LESS",
    "à peine": "LESS_THAN", "pas moins de": "EQUAL_OR_MORE", "pas plus de": "EQUAL_OR_LESS",
    # the same before a vowel (guide ex.(61), (76): the modifier is inside the TIMEX3)
    "près d'": "APPROX", "plus d'": "MORE_THAN", "moins d'": "LESS_THAN", "pas moins d'": "EQUAL_OR_MORE",
    "pas plus d'": "EQUAL_OR_LESS", "autour d'": "APPROX",
}

#: Vague references → (TIMEX3 type, value). Multi-word forms are regex-ready
#: (``'`` matches either apostrophe).
VAGUE_REFERENCES: dict[str, tuple[str, str]] = {
    "actuellement": ("DATE", "PRESENT_REF"), "maintenant": ("DATE", "PRESENT_REF"),
    "désormais": ("DATE", "PRESENT_REF"), "à présent": ("DATE", "PRESENT_REF"),
    "jusqu'à présent": ("DATE", "PRESENT_REF"), "jusqu'ici": ("DATE", "PRESENT_REF"),
    "jusqu'à maintenant": ("DATE", "PRESENT_REF"), "pour le moment": ("DATE", "PRESENT_REF"),
    "pour l'instant": ("DATE", "PRESENT_REF"), "en ce moment": ("DATE", "PRESENT_REF"),
    "de nos jours": ("DATE", "PRESENT_REF"), "l'heure actuelle": ("DATE", "PRESENT_REF"),
    "à l'heure qu'il est": ("DATE", "PRESENT_REF"), "dorénavant": ("DATE", "PRESENT_REF"),
    "actuel": ("DATE", "PRESENT_REF"), "actuelle": ("DATE", "PRESENT_REF"),
    "actuels": ("DATE", "PRESENT_REF"), "actuelles": ("DATE", "PRESENT_REF"),
    "récemment": ("DATE", "PAST_REF"), "dernièrement": ("DATE", "PAST_REF"),
    "naguère": ("DATE", "PAST_REF"), "autrefois": ("DATE", "PAST_REF"), "jadis": ("DATE", "PAST_REF"),
    "auparavant": ("DATE", "PAST_REF"), "par le passé": ("DATE", "PAST_REF"),
    "ces derniers temps": ("DATE", "PAST_REF"), "il y a peu": ("DATE", "PAST_REF"),
    "nouvellement": ("DATE", "PAST_REF"),
    "bientôt": ("DATE", "FUTURE_REF"), "prochainement": ("DATE", "FUTURE_REF"),
    "sous peu": ("DATE", "FUTURE_REF"),
    "dans l'avenir": ("DATE", "FUTURE_REF"), "l'avenir": ("DATE", "FUTURE_REF"),
    "avenir": ("DATE", "FUTURE_REF"), "à terme": ("DATE", "FUTURE_REF"),
    "futur": ("DATE", "FUTURE_REF"), "future": ("DATE", "FUTURE_REF"),
    "futurs": ("DATE", "FUTURE_REF"), "futures": ("DATE", "FUTURE_REF"),
    "prochains": ("DATE", "FUTURE_REF"), "prochaines": ("DATE", "FUTURE_REF"),
    # HeidelTime normDateWord / the guide's table (§2.2.5); the preposition of "à l'avenir", "à l'heure
    # actuelle" is a SIGNAL (guide §2.3), so only "l'avenir", "l'heure actuelle" are listed.
    "dès que possible": ("DATE", "FUTURE_REF"), "précédemment": ("DATE", "PAST_REF"),
    "tout de suite": ("DATE", "PRESENT_REF"),
}
#: Vague references that are adjectives: after "l'"/"un"/"son"… ("son avenir")
#: they are nouns; the tagger keeps them only right after a noun or before one.
ADJECTIVE_REFERENCES: frozenset[str] = frozenset({
    "actuel", "actuelle", "actuels", "actuelles", "futur", "future", "futurs", "futures",
    "prochains", "prochaines",
})

#: Frequency adjectives and phrases → SET value.
SET_ADJECTIVES: dict[str, str] = {
    "quotidien": "P1D", "quotidienne": "P1D", "quotidiens": "P1D", "quotidiennes": "P1D",
    "quotidiennement": "P1D", "journalier": "P1D", "journalière": "P1D",
    "hebdomadaire": "P1W", "hebdomadaires": "P1W", "mensuel": "P1M", "mensuelle": "P1M",
    "mensuels": "P1M", "mensuelles": "P1M", "annuel": "P1Y", "annuelle": "P1Y", "annuels": "P1Y",
    "annuelles": "P1Y", "annuellement": "P1Y", "trimestriel": "P3M", "trimestrielle": "P3M",
    "semestriel": "P6M", "semestrielle": "P6M", "bimensuel": "P2W", "bimestriel": "P2M",
    "mensuellement": "P1M", "hebdomadairement": "P1W",
}
#: Words introducing a set: "chaque semaine", "tous les jours", "toutes les deux heures".
SET_QUANTIFIERS: tuple[str, ...] = ("chaque", "tous les", "toutes les")
#: Units after "par" in a frequency: "deux fois par an".
PER_UNITS: dict[str, str] = {"jour": "P1D", "semaine": "P1W", "mois": "P1M", "an": "P1Y", "année": "P1Y",
                             "heure": "PT1H"}

#: Fixed-date and movable holidays: name → (month, day) or an offset from Easter Sunday (days).
HOLIDAYS: dict[str, tuple[int, int] | int] = {
    "noël": (12, 25), "la saint-sylvestre": (12, 31), "le jour de l'an": (1, 1), "le nouvel an": (1, 1),
    "la toussaint": (11, 1), "la saint-valentin": (2, 14), "le 14 juillet": (7, 14),
    "l'armistice": (11, 11), "la fête nationale": (7, 14), "l'épiphanie": (1, 6),
    "pâques": 0, "le lundi de pâques": 1, "l'ascension": 39, "la pentecôte": 49, "pentecôte": 49,
    "le lundi de pentecôte": 50, "mardi gras": -47, "le mardi gras": -47,
    # HeidelTime normHolidayFix / normHolidayVar (French resources)
    "la fête du travail": (5, 1), "halloween": (10, 31), "l'assomption": (8, 15), "la fête de la musique": (6, 21),
    "la chandeleur": (2, 2), "la saint-jean": (6, 24), "le vendredi saint": -2, "la saint-nicolas": (12, 6),
}

#: Roman numerals for centuries.
ROMAN: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

#: Words that may precede a bare year ("en 2015", "de 2015", "depuis 2015").
YEAR_PRECEDERS: frozenset[str] = frozenset(
    "en de d' d’ depuis dès des du avant après jusqu'en jusqu’en vers fin début mi courant "
    "année l'année l’année an l'an l’an printemps été automne hiver saison exercice "
    "et ou à au entre ( , – - janvier février mars avril mai juin juillet août septembre octobre "
    "novembre décembre".split()
)
#: Words that may follow a bare year: punctuation or function words. A year
#: followed by another word (a noun: "2015 personnes") is a quantity.
YEAR_FOLLOWERS: frozenset[str] = frozenset(
    "et ou à au aux en de des du dans par pour sur avec contre qui que qu' qu’ où a ont avait avaient "
    "est était sera seront fut il elle ils elles on le la les l' l’ un une ce cette ces son sa ses leur "
    "leurs mais puis après avant lors alors déjà, encore selon contre face grâce jusqu'à jusqu’à "
    "quand lorsque lorsqu' lorsqu’ tandis ne n' n’ se s' s’ y".split()
)

#: Nouns naming a person: "une fillette de 6 ans" is an age, not a duration.
PERSON_NOUNS: frozenset[str] = frozenset(
    "homme hommes femme femmes enfant enfants fille filles fillette fillettes garçon garçons garçonnet "
    "bébé bébés adolescent adolescente adolescents jeune jeunes fils frère sœur soeur mère père victime "
    "victimes conducteur conductrice retraité retraitée octogénaire septuagénaire quadragénaire "
    "patient patiente élève élèves étudiant étudiante joueur joueuse individu personne personnes "
    "automobiliste cycliste piéton piétonne motard habitant habitante ouvrier ouvrière agriculteur "
    "salarié salariée chômeur détenu prévenu prévenue auteur suspect suspecte veuve veuf".split()
)

#: Endings of nouns of persons and nationalities ("électricien allemand de 37 ans").
PERSON_SUFFIXES: tuple[str, ...] = (
    "ien", "ienne", "ier", "ière", "eur", "euse", "trice", "iste", "and", "ande", "ais", "aise", "ois", "oise",
    "ain", "aine", "ard", "arde",
)
#: Words before which a bare year is a quantity ("les 1500", "près de 2000").
YEAR_NOT_AFTER: frozenset[str] = frozenset("les des ces aux environ près plus moins sur avec quelque".split())

#: Frequency adjectives that are also nouns of newspapers ("les quotidiens"),
#: and nouns after which they name a medium, not a frequency ("la presse quotidienne").
SET_ADJECTIVE_NOUNS: frozenset[str] = frozenset({"quotidiens", "hebdomadaires", "mensuels"})
SET_ADJECTIVE_NOT_AFTER: frozenset[str] = frozenset({"presse", "journal", "journaux", "principaux", "grands",
                                                     "magazine", "de", "d'", "d’"})

#: Future and conditional markers in a clause (for resolving weekdays and
#: dates without a year, and for "expected" events). Lowercase words.
FUTURE_WORDS: frozenset[str] = frozenset(
    "sera seront serons serez serai aura auront aurons fera feront ira iront viendra viendront "
    "tiendra tiendront pourra pourront devra devront verra verront prochain prochaine prochains "
    "prochaines demain bientôt prévu prévue prévus prévues programmé programmée annoncé "
    "rendez-vous doit doivent va vont".split()
)
CONDITIONAL_WORDS: frozenset[str] = frozenset(
    "devrait devraient pourrait pourraient permettrait permettraient serait seraient aurait auraient "
    "ferait feraient irait iraient".split()
)
#: Words that look like future verbs (ending in -ra) but are not.
NOT_FUTURE: frozenset[str] = frozenset(
    "opéra caméra extra ultra contra mantra tiara sahara cobra zebra véra aura-t-il era".split()
)
PAST_AUXILIARIES: frozenset[str] = frozenset(
    "a ont avait avaient avons avez ai as eut eurent était étaient fut furent s'est s’est sont".split()
)
PAST_WORDS: frozenset[str] = frozenset("hier dernier dernière derniers dernières passé passée naguère".split())

#: Fraction of a period kept by START / MID / END (documented in timeline.py).
PART_FRACTIONS: dict[str, tuple[float, float]] = {
    "START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0),
}

#: Approximate season bounds (month, day) in the northern hemisphere.
SEASON_BOUNDS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)), "WI": ((12, 21), (3, 19)),
}

#: Value given to a vague quantity when a date must be derived from it
#: ("en quelques mois" → about 3 months). Used only for intervals, never values.
VAGUE_QUANTITY_ESTIMATE = 3

#: Words that can begin a temporal expression besides those of the tables
#: above (determiners, prepositions and nouns that open a rule). The tagger
#: only tries its rules at words in this set or in the tables, or at digits.
RULE_STARTERS: frozenset[str] = frozenset(
    "le la les l ce cet cette ces des du un une son d il voilà voici dans chaque tous toutes par vers environ "
    "aux autour mois années année an semaine week-end week trimestre semestre siècle décennie saison lendemain "
    "surlendemain veille avant même midi minuit soirée matinée nuit mi début fin milieu courant commencement "
    "cette tout toute certains certaines derniers dernières prochains prochaines au premier 1er deuxième second 2e troisième 3e quatrième 4e dernier".split()
)


#: Complements after a duration that do not date anything ("dix ans de prison").
NON_DATING: frozenset[str] = frozenset("prison réclusion détention emprisonnement sursis garantie salaire retard "
                                       "congé travail études vie loyer".split())
#: Words before "de" + duration that do not make the duration date a noun ("plus de trois ans").
NOT_NOUN_BEFORE: frozenset[str] = frozenset("plus moins près âgé âgée âgés âgées environ durée espace cours bout "
                                            "terme période pendant lors".split())
#: Words right before a duration that make it date the start of a state ("depuis trois ans").
DERIVE_BEFORE: tuple[str, ...] = ("depuis", "voilà", "voici", "cela fait", "ça fait")
#: Prepositions that place a date relative to something else than the clause's verb (a deadline or
#: a starting point): no tense inference after them.
NEUTRAL_BEFORE: tuple[str, ...] = ("jusqu'au", "jusqu'à", "jusqu'en", "d'ici", "d'ici au", "d'ici à", "d'ici le",
                                   "à partir du", "avant le", "dès le", "à compter du")
#: Words in -ait that are not imperfect verbs.
NOT_IMPERFECT: frozenset[str] = frozenset({"fait", "trait", "souhait", "parfait", "portrait", "retrait", "extrait",
                                           "attrait", "lait"})

# --- tense recognition (DIRECTION.md §3; guide §2.1.7 tense table, §3.1.6 compound tenses, §3.1.9) ---

#: Present forms of "être" that make a passé composé with the participle of an être-verb or of a
#: pronominal verb ("est arrivé", "s'est tenu"); with other participles they are a present passive.
ETRE_PRESENT: frozenset[str] = frozenset("suis es est sommes êtes".split())
#: Stems of the participles of the verbs conjugated with "être" (French grammar: the "maison d'être"
#: verbs and their compounds); the participle is the stem plus "", "e", "s" or "es".
ETRE_VERB_PARTICIPLES: frozenset[str] = frozenset(
    "allé arrivé venu revenu devenu intervenu survenu parvenu provenu redevenu parti reparti sorti ressorti "
    "entré rentré monté remonté descendu redescendu tombé retombé resté retourné né mort décédé passé repassé "
    "apparu".split())
#: Pronouns that make a verb pronominal before "être" ("il s'est", "ils se sont", "s'y est").
REFLEXIVE_PRONOUNS: frozenset[str] = frozenset("se s' s’ s'y s’y s'en s’en me m' m’ te t' t’ nous vous".split())
#: Forms of "venir" that make a recent past with "de" + infinitive ("vient de signer"; guide §3.1.9).
VENIR_FORMS: frozenset[str] = frozenset("viens vient venons venez viennent venais venait venions veniez "
                                        "venaient".split())
#: Every form of "avoir" and "être" that can be the auxiliary of a participle: a participle after
#: one of them is not a participle "without auxiliary".
AUXILIARY_FORMS: frozenset[str] = frozenset(
    "ai as a avons avez ont avais avait avions aviez avaient aurai auras aura aurons aurez auront aurais "
    "aurait aurions auriez auraient eut eurent aie aies ait ayons ayez aient ayant eu "
    "suis es est sommes êtes sont étais était étions étiez étaient serai seras sera serons serez seront "
    "serais serait serions seriez seraient fut furent sois soit soyons soyez soient étant été être avoir "
    "s'est s’est".split())
#: Third-person passé simple forms frequent in news (irregular verbs), read as past.
PASSE_SIMPLE: frozenset[str] = frozenset(
    "fit firent vint vinrent prit prirent mit mirent devint devinrent mourut moururent naquit naquirent "
    "parut parurent reçut reçurent dut durent put purent sut surent voulut voulurent tint tinrent dit "
    "dirent fut furent eut eurent".split())
#: Words that the participle pattern (-é, -i, -u, -is, -us …) would take for participles but are not:
#: nouns, weekday names, adverbs and pronouns ("a lieu", "aurait lieu", "a plus de", "a aussi").
NOT_PARTICIPLES: frozenset[str] = frozenset(
    "lieu peu feu jeu dieu milieu adieu neveu aveu enjeu ici aussi ainsi parmi midi minuit lundi mardi "
    "mercredi jeudi vendredi samedi voici celui lui qui oui si ni mais jamais depuis puis plus nous vous tous "
    "sous dessus dessous alors trop ceux eux tandis souvent avis pays prix fois très dès près après "
    "environ bu jusqu'ici aujourd'hui au du tu voici fi".split())

# --- quantities that are not durations (issue 13: numbers that are quantities are never dates) ---

#: Possessive determiners: "ses 100 ans", "leurs vingt ans" are an age or an anniversary, not a
#: length of time (French grammar: the possessive makes the years a property of the possessor).
POSSESSIVES: frozenset[str] = frozenset("mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs".split())
#: Words after "les N heures" that make it a stretch of time ("les 24 heures suivantes", "les 48
#: heures de garde à vue", "les 24 heures qui ont suivi"); without one, "les 35 heures" names a
#: thing (the law on the working week) rather than measures time.
HOURS_COMPLEMENTS: frozenset[str] = frozenset("de d' d’ du des qui que suivantes précédentes passées écoulées "
                                              "à venir durant pendant".split())
#: Prepositions and determiners before "les N heures" that make it a stretch of time ("pendant les
#: 24 heures", "dans les 48 heures", "ces dernières 24 heures").
HOURS_DURATION_BEFORE: frozenset[str] = frozenset("pendant durant en dans depuis pour sous après avant "
                                                  "ces dernières prochaines premières".split())

# --- historical dates (guide §2.2: centuries, millennia; HeidelTime's historic-date extension) ---

#: Ordinal words before "siècle" / "millénaire" → number ("le dix-neuvième siècle").
ORDINAL_WORDS: dict[str, int] = {
    "premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6,
    "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13,
    "quatorzième": 14, "quinzième": 15, "seizième": 16, "dix-septième": 17, "dix-huitième": 18,
    "dix-neuvième": 19, "vingtième": 20, "vingt et unième": 21, "vingt-et-unième": 21,
}
#: What marks a year or a century before the common era ("52 av. J.-C.", "IVe siècle avant notre ère").
BEFORE_CHRIST: tuple[str, ...] = ("av. J.-C.", "av. J-C", "av J.-C.", "avant J.-C.", "avant Jésus-Christ",
                                  "avant notre ère", "av. notre ère")
#: "la journée" as the daytime (guide ex.(58): *pendant la journée* ``TDT``), only after these words
#: (elsewhere "cette journée", "la journée finale" is a day or an event).
DAYTIME: dict[str, str] = {"journée": "DT"}

