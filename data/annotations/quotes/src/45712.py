# 45712 Indonésie : L'Oréal ouvre sa plus grande usine au monde
JZ = "Joechen Zaumseil"
ATTRS = [
    dict(kind="mixed", cue="explique", lemma="expliquer",
         content=Span("L'usine produira 200 millions", "à 500 millions à long terme »"),
         spk="Joechen Zaumseil", full="Joechen Zaumseil le vice-président de L'Oréal pour l'Asie-Pacifique",
         speaker=JZ, res="name", stype="person", gender="m", gcue=("Il", "Il précise"), gtype="pronoun",
         note="incise after the content; the content ends with the closing » of its quoted island"),
    dict(kind="mixed", cue="précise", lemma="préciser",
         content="la construction a nécessité « 100 millions d'euros » d'investissement",
         spk=("Il", "Il précise"), speaker=JZ, res="pronoun", stype="person",
         gender="m", gcue=("Il", "Il précise"), gtype="pronoun"),
    dict(kind="according-to", cue="Selon", lemma="selon",
         content=Span("les machines et les salariés", "pour les cheveux et pour la peau"),
         spk="David Quentin", full="le nouveau directeur du site de Jababeka David Quentin",
         speaker="David Quentin", res="name", stype="person", gender="m", gcue="David", gtype="first_name"),
    dict(kind="mixed", cue="souhaite", lemma="souhaiter",
         content=Span("à long terme doubler", "viendront de l'Asie"),
         spk=("Le groupe", "Le groupe souhaite à long"), speaker="L'Oréal", res="role", stype="organisation",
         note="volition verb whose complement holds quoted words (GUIDE 2.2): an attribution; the bare "
              "'Le groupe souhaite profiter…' of sentence 2 has no quoted words and is not"),
]
CLAIMS = {
    0: "asserted", 1: "asserted",
    2: ("asserted", None, "'souhaite profiter': volition without quoted words (GUIDE 2)"),
    3: "attributed", 4: "attributed", 5: "attributed",
    6: "asserted",
    7: "attributed",
    8: "asserted",
    9: ("asserted", None, "'À noter que': the article's own voice"),
}
