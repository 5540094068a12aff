# 44635 France : PSA va supprimer 8 000 emplois
PV = "Philippe Varin"
G = dict(gender="m", gcue=("Philippe", 0), gtype="first_name")
ALIASES = {}
ATTRS = [
    dict(kind="direct", cue="a précisé", lemma="préciser", content="personne ne sera laissé au bord du chemin",
         spk=("Philippe Varin", 0), full="Le président du directoire de PSA, Philippe Varin",
         speaker=PV, res="name", stype="person", **G),
    dict(kind="direct", cue="ajoutant", lemma="ajouter",
         content="nous sommes conscients de nos responsabilités au cœur du tissu industriel français",
         spk=("Philippe Varin", 0), speaker=PV, res="name", stype="person", **G,
         note="'an ajoutant' (typo for 'en ajoutant'): gerund, controlling subject Philippe Varin"),
    dict(kind="indirect", cue="a déclaré", lemma="déclarer",
         content="le gouvernement n'acceptait pas le plan en l'état",
         spk="Arnaud Montebourg", full="Arnaud Montebourg, le ministre du redressement productif",
         speaker="Arnaud Montebourg", res="name", stype="person", medium="au Sénat",
         gender="m", gcue="Arnaud", gtype="first_name",
         note="relative 'qui' replaced by its antecedent (GUIDE 4.1)"),
    dict(kind="indirect", status="denied", cue="réfuté", lemma="réfuter",
         content="l'idée d'un prêt par l’État",
         spk=("Philippe Varin", 1), speaker=PV, res="name", stype="person", **G,
         note="denial of a noun-phrase content; cue is the verb only, the adverb separates the auxiliary"),
    dict(kind="direct", cue="affirmant", lemma="affirmer",
         content="nous avons une sécurité financière importante, ce qui fait que ce sujet n'est pas à l'ordre du jour",
         spk=("Philippe Varin", 1), speaker=PV, res="name", stype="person", **G),
    dict(kind="indirect", cue="pointant le doigt", lemma="pointer du doigt",
         content="le manque de compétitivité des entreprises françaises",
         spk="la droite", speaker="", res="role", stype="group",
         note="blame with a claim-bearing noun phrase; a political camp, not one named body"),
    dict(kind="indirect", cue="dénonce", lemma="dénoncer",
         content="les héritages du précédent quinquennat présidentiel",
         spk="la gauche", speaker="", res="role", stype="group",
         note="blame: the claim is that the previous term's legacy is the cause"),
]
CLAIMS = {
    0: "asserted",
    1: ("asserted", None, "'L'annonce est tombée': nominal cue, outside the attribution layer (GUIDE 2); the plan is stated in the indicative"),
    2: "asserted", 3: ("asserted", None, "a plan ('prévoie'), not speech"),
    4: "attributed", 5: "asserted", 6: "asserted",
    7: [(None, "asserted"), ("qui a déclaré", "attributed")],
    8: [(None, "denied", "réfuté"), ("affirmant", "attributed"), ("cette option", "asserted")],
    9: ("attributed", None, "first clause ('a violemment réagi') frames the reactions given after it"),
}
