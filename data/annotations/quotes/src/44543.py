# 44543 Discours de politique générale de Jean-Marc Ayrault
JMA = "Jean-Marc Ayrault"
CB = "Claude Bartolone"
ALIASES = {JMA: ["Ayrault", "J-M Ayrault"]}
ATTRS = [
    dict(kind="mixed", cue="déplora", lemma="déplorer",
         content=Span("un discours « truffé", "« de courage politique »"),
         spk="Jean-François Copé", speaker="Jean-François Copé", res="name", stype="person",
         gender="m", gcue="Jean-François", gtype="first_name",
         note="blame whose object holds quoted words (GUIDE 2.1, A9); inside a parenthesis"),
    dict(kind="mixed", cue="affirmé", lemma="affirmer",
         content=Span("il ne baissera pas les bras", "nous ne renoncerons pas ! »"),
         spk="le premier ministre", speaker=JMA, res="role", stype="person",
         gender="m", gcue=("M.", "M. Ayrault"), gtype="title",
         note="'que P : « Q »' with no new cue is one attribution (A2); the adverb cuts the auxiliary off (A13); "
              "role noun resolved to the prime minister named in the first sentence"),
    dict(kind="indirect", cue="a annoncé", lemma="annoncer",
         content=Span("L’assemblée nationale a donc voté", "de la Ve République française"),
         spk="Claude Bartolone", full="le président de l'Assemblée Claude Bartolone", speaker=CB, res="name",
         stype="person", gender="m", gcue=("il", "a-t-il précisé"), gtype="pronoun",
         note="incise after the content; 'Claude' is epicene (A14) but '-t-il' in the next sentence is a cue"),
    dict(kind="indirect", cue="précisé", lemma="préciser",
         content="Sur 544 votants et 527 suffrages exprimés, il y a eu 302 voix pour et 225 contre",
         spk=("il", "a-t-il précisé"), speaker=CB, res="pronoun", stype="person",
         gender="m", gcue=("il", "a-t-il précisé"), gtype="pronoun"),
]
CLAIMS = {
    0: ("asserted", None, "names a speech, no content"),
    1: ("asserted", None, "'a prononcé un discours': a speech act without content (GUIDE 2)"),
    2: ("asserted", None, "'un discours reprenant les principaux points … insistant sur': topics, not claims"),
    3: [(None, "asserted"), ("(Jean-François Copé", "attributed")],
    4: "attributed", 5: "attributed", 6: "attributed",
}
