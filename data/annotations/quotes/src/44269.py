# 44269 Grèce : le nouveau gouvernement de coalition formé
GOV = "gouvernement de coalition"
ATTRS = [
    dict(kind="indirect", cue="a dévoilé", lemma="dévoiler",
         content=Span("la constitution du nouveau gouvernement", "7 vices-ministres et un porte-parole)"),
         spk="Antonis Samaras", full="le nouveau premier ministre conservateur Antonis Samaras",
         speaker="Antonis Samaras", res="name", stype="person",
         gender="m", gcue=("M.", "M. Samaras"), gtype="title",
         note="noun-phrase content (the composition made public; A16), as 'a annoncé la tenue d'un Sommet' (45761); "
              "the participial description 'principalement composé… soutenu par…' is the journalist's and "
              "is its own asserted clause"),
    dict(kind="direct", cue="déclaré", lemma="déclarer",
         content="cette révision ne doit pas mettre en danger la voie européenne du pays ou son maintien dans l'euro",
         spk=("Il", "Il a cependant"), speaker=GOV, res="pronoun", stype="organisation",
         note="'Il' is 'Le nouveau gouvernement' of the previous sentence (A8: a generic noun with modifiers, "
              "a unique designation in the article, so named); the adverb cuts the auxiliary off (A13); "
              "everything after 'que' is quoted"),
    dict(kind="mixed", cue="voyant", lemma="voir",
         content=Span("un signe de « détermination »", "« rester dans la zone euro »"),
         spk="Bruxelles", speaker="Bruxelles", res="name", stype="organisation",
         note="'a salué la création de ce nouveau gouvernement' alone is an evaluative act (A9); the participle "
              "'y voyant' (opinion) carries the quoted words, so it is the attribution, with the controlling "
              "subject as mention; 'Bruxelles' (metonymy for the EU institutions) is kept as the article "
              "names it: the text does not say which institution"),
    dict(kind="direct", cue="se dit", lemma="se dire", content="particulièrement rassuré",
         spk="Barroso", full="Barroso, le président de la commission européenne",
         speaker="Barroso", res="name", stype="person",
         gender="m", gcue="rassuré", gtype="agreement",
         note="'se dire' + quoted attribute (as 's'est dit déterminé', 44551); the masculine agreement of "
              "'rassuré' with the named source is the gender cue"),
    dict(kind="direct", cue="pense", lemma="penser",
         content=Span("cela envoie un signal clair", "de rester dans l'euro"),
         spk="Barroso", full="Barroso, le président de la commission européenne",
         speaker="Barroso", res="name", stype="person",
         gender="m", gcue="rassuré", gtype="agreement",
         note="coordinated verb: the mention is the subject of 'se dit'; everything after 'que' is quoted"),
]
CLAIMS = {
    0: "asserted",
    1: [(None, "attributed"),
        ("principalement composé", "asserted", None,
         "the journalist's description of the government, not part of what was unveiled")],
    2: "asserted", 3: "asserted", 4: "asserted",
    5: ("asserted", None, "'s'est donné pour objectif de': a plan, not a reported claim (A9)"),
    6: "attributed",
    7: "asserted",
    8: ("asserted", None, "'a refusé de participer': a decision, not a speech act with content; 'continuerait' "
                          "characterises the government, no conditionnel journalistique"),
    9: ("asserted", None, "'se sont félicités du résultat': emotion about an event (A9)"),
    10: ("attributed", None, "one row: 'a salué' frames the content given by 'y voyant' (A11)"),
    11: "attributed",
}
