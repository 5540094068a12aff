# 44231 France : disparition de Thierry Roland
TR = "Thierry Roland"
JML = "Jean-Michel Larqué"
GTR = dict(gender="m", gcue=("il", "il avait alors lâché"), gtype="pronoun")
GJML = dict(gender="m", gcue=("Jean-Michel", 0), gtype="first_name")
ATTRS = [
    dict(kind="direct", cue="lâché", lemma="lâcher", content="M. Foote, vous êtes un salaud !",
         spk=("il", "il avait alors lâché"), speaker=TR, res="pronoun", stype="person", **GTR),
    dict(kind="direct", quoted="full", cue="entendîmes", lemma="entendre", content="Eh oui, mon petit Jean-Mimi !",
         spk=("ses", "Parmi ses tirades"), full="ses tirades les plus populaires", speaker=TR, res="pronoun",
         stype="person", gender="m", gcue=("il", "il fut associé"), gtype="pronoun",
         note="dialogue inside one pair of guillemets, turns separated by a dash; the first turn is Roland's "
              "('ses tirades', possessive mention); the cue is the hearer's 'nous entendîmes'"),
    dict(kind="direct", quoted="full", cue="répondit", lemma="répondre", content="Tout à fait Thierry !",
         spk="son complice", speaker=JML, res="role", stype="person", **GJML,
         note="second turn of the dialogue; 'son complice' resolved to Jean-Michel Larqué (paragraph 1)"),
    dict(kind="direct", cue="lancé", lemma="lancer",
         content=Span("Je crois qu'après avoir vu ça", "Oh putain !"),
         spk=("il", "avait-il lancé"), speaker=TR, res="pronoun", stype="person", **GTR),
    dict(k="larque", kind="according-to", cue="Selon", lemma="selon",
         content=Span("Il se sentait faible ces derniers temps", "laisser le temps au temps"),
         spk=("son complice", "Selon son complice"), speaker=JML, res="role", stype="person", **GJML),
    dict(in_="larque", kind="indirect", cue="disait", lemma="dire",
         content="s'il devait partir, il me regarderait là-haut, de la grande prairie",
         spk=("Il", "Il me disait"), speaker=TR, res="pronoun", stype="person", medium=("me", "Il me disait"),
         gender="m", gcue=("Il", "Il me disait"), gtype="pronoun",
         note="nested: Larqué reports what Roland used to tell him; addressee 'me'"),
]
CLAIMS = {
    0: "asserted", 1: "asserted", 2: "asserted", 3: "asserted", 4: "asserted", 5: "attributed",
    6: "asserted", 7: "asserted", 8: "attributed", 9: "asserted",
    10: "attributed", 11: "attributed", 12: "attributed", 13: "attributed", 14: "attributed",
    15: ("asserted", None, "'aurait dû se reconstituer': counterfactual past, not conditionnel journalistique"),
    16: "attributed", 17: "attributed", 18: "attributed", 19: "attributed",
}
