# 45070 Élection présidentielle américaine de 2012 : Obama raille « Coach » Romney
BO = "Barack Obama"
MR = "Mitt Romney"
ALIASES = {BO: ["Obama", "B. Obama"], MR: ["Romney"]}
OBAMA_G = dict(gender="m", gcue=("Il", "Il est attendu"), gtype="pronoun")
ATTRS = [
    dict(kind="mixed", cue="raille", lemma="railler", content="« Coach » Romney",
         spk=("Obama", 0), speaker=BO, res="name", stype="person", **OBAMA_G,
         note="headline; an evaluative act on a person whose complement holds quoted words (GUIDE 2.1), "
              "as 'traite sa fille de « petite-bourgeoise »' (44581)"),
    dict(kind="direct", cue="se présentait", lemma="se présenter comme",
         content="l'entraîneur qui ferait triompher les Etats-Unis",
         spk=("Mitt Romney", 0), speaker=MR, res="name", stype="person",
         gender="m", gcue=("il", "il augmente"), gtype="pronoun",
         note="'se présenter comme' (describing oneself, like 'décrire X comme'); 'ferait' inside the quote is "
              "Romney's own"),
    dict(kind="according-to", cue="pour", lemma="pour",
         content="le problème est que tout le monde connaît déjà sa stratégie",
         spk=("Obama", "pour Obama"), speaker=BO, res="name", stype="person", **OBAMA_G,
         note="the quotation after the colon has its own cue ('dénonce'), so A2 does not join them: two "
              "attributions"),
    dict(kind="direct", cue="dénonce", lemma="dénoncer",
         content=Span("Lors de la première période", "aux multimillionnaires"),
         spk="le Président-candidat", speaker=BO, res="role", stype="person", **OBAMA_G,
         note="role noun resolved to Obama (the candidate in office); no comma before the incise"),
    dict(kind="direct", content=Span("il veut une apothéose", "un système de coupons"),
         speaker=BO, res="previous", stype="person", **OBAMA_G,
         note="cue-less quote continuing Obama's words of the sentence before (3.4, A4); 'Et pour la dernière "
              "période' is temporal, not according-to; the relative 'qui plafonneraient les dépenses' is the "
              "journalist's gloss, outside the content"),
    dict(kind="according-to", cue="Pour", lemma="pour",
         content="avec un tel coach, les Américains « ne gagneront pas la saison »",
         spk="B. Obama", speaker=BO, res="name", stype="person", **OBAMA_G),
]
CLAIMS = {
    0: "attributed",
    1: ("asserted", None, "'s'adresse à la foule pour démonter la stratégie': a speech act without content"),
    2: "attributed", 3: "attributed",
    4: ("attributed", None, "'plafonneraient': the coupons' effect under the plan, not conditionnel journalistique"),
    5: "attributed",
    6: ("asserted", None, "'une défaite … compromettrait': a potential conditional with its condition in a "
                          "noun phrase, no conditional conjunction of GUIDE 6.2 (A17)"),
    7: "asserted", 8: "asserted",
}
