# 44545 Algérie : 50 ans d'indépendance
ALN = "Armée de Libération Nationale"
ALIASES = {ALN: ["ALN"]}
ATTRS = [
    dict(kind="indirect", cue="proclamait", lemma="proclamer", content="l'indépendance de l'Algérie",
         spk="De Gaulle", full="le général De Gaulle", speaker="De Gaulle", res="name", stype="person",
         note="a declaration with a noun-phrase content, like 'a annoncé le boycott' (44046) (A16); "
              "'le général' is a masculine role noun, no gender cue; « oui » is autonymy"),
    dict(kind="direct", cue="se souvient", lemma="se souvenir",
         content=Span("C'est quelque chose qu'on", "C'était l'euphorie"),
         spk="Akli Gasmi", full="Akli Gasmi, jeune berger en Kabylie maritime à l'époque",
         speaker="Akli Gasmi", res="name", stype="person", gender="m", gcue="Akli", gtype="first_name",
         note="a verb introducing a quotation after a colon is a cue whatever its class (A16); the quote runs "
              "over five sentences of one paragraph; 'Akli' is a male Kabyle first name (A14)"),
    dict(kind="according-to", cue="Pour", lemma="pour",
         content=Span("cette journée fut la finalisation", "depuis les accords d'Évian"),
         spk="ALN", full="l'ALN (Armée de Libération Nationale)", speaker=ALN, res="name", stype="organisation",
         note="'Pour X,' frames the clause as X's view; the journalist's gloss on the accords ('signés le 18 "
              "mars 1962, qui instauraient …') is left out of the content"),
    dict(k="guay", kind="direct", cue="raconte", lemma="raconter",
         content=Span("Moi, j'étais dans une 2 CV", "n'a pas bougé d'un poil"),
         spk="Michel Guay",
         full="Michel Guay, jeune appelé et témoin de la scène avec le photographe de son régiment",
         speaker="Michel Guay", res="name", stype="person", gender="m", gcue="Michel", gtype="first_name",
         note="quote over five sentences of one paragraph, with an editorial '[...]'"),
    dict(in_="guay", kind="indirect", cue="a cru", lemma="croire",
         content="c'était l'OAS qui provoquait ces événements-là",
         spk="Tout le monde", speaker="", res="role", stype="group",
         note="a belief of others reported inside Guay's quote: nested (A1)"),
]
CLAIMS = {
    0: "asserted",
    1: "attributed",
    2: "asserted",
    3: "attributed", 4: "attributed", 5: "attributed", 6: "attributed", 7: "attributed",
    8: ("attributed", None, "the gloss on the accords stays in the row (a clause inside the according-to "
                            "sentence, not cut)"),
    9: "asserted", 10: "asserted",
    11: ("asserted", None, "'chiffré à plusieurs centaines': a figure without a source"),
    12: "attributed", 13: "attributed", 14: "attributed", 15: "attributed", 16: "attributed",
    17: "asserted",
    18: ("asserted", None, "'compte fêter': a plan (A9)"),
    19: "asserted",
    20: ("asserted", None, "« Les bâtisseurs de la gloire »: a title (autonymy)"),
    21: "asserted",
    22: ("asserted", None, "'a félicité les artistes': an evaluative act without content (A9)"),
    23: "asserted", 24: "asserted", 25: "asserted", 26: "asserted", 27: "asserted",
}
