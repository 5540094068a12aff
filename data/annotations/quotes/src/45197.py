# 45197 Santé : les OGM pourraient augmenter le risque de cancer
GES = "Gilles-Éric Séralini"
G = dict(gender="m", gcue=("il", "a-t-il précisé"), gtype="pronoun")
ATTRS = [
    dict(kind="according-to", cue="Selon", lemma="selon",
         content=Span("le risque de développer des tumeurs augmente", "alimentés avec du maïs transgénique"),
         spk="une étude scientifique de l'université de Caen", speaker="université de Caen", res="name",
         stype="document"),
    dict(kind="direct", cue="a expliqué", lemma="expliquer",
         content=Span("Les résultats sont alarmants", "chez les rats traités des deux sexes"),
         spk="Gilles-Éric Séralini",
         full="Gilles-Éric Séralini, professeur à l'université de Caen, qui a chapeauté l'étude",
         speaker=GES, res="name", stype="person", medium="à l'AFP", **G),
    dict(kind="according-to", cue=("Selon", 1), lemma="selon",
         content=Span("les tumeurs apparaissent au bout", "au niveau des glandes mammaires"),
         spk="le même chercheur", speaker=GES, res="role", stype="person", **G),
    dict(kind="direct", cue="résume", lemma="résumer",
         content=Span("Les résultats révèlent des mortalités", "de chacun des deux produits"),
         spk="l'universitaire", speaker=GES, res="role", stype="person", **G),
    dict(kind="direct", cue="précisé", lemma="préciser",
         content=Span("Le premier mâle nourri aux OGM", "de maïs (OGM) morts"),
         spk=("il", "a-t-il précisé"), speaker=GES, res="pronoun", stype="person", **G),
]
CLAIMS = {
    0: ("asserted", None, "headline; 'pourraient' is a modal of possibility (GUIDE 6.2)"),
    1: ("conditional", "développeraient", "lead; conditionnel d'emprunt with no source named yet (the study comes in the body)"),
    2: "attributed", 3: "attributed", 4: "attributed", 5: "attributed",
    6: "asserted", 7: "asserted", 8: "asserted", 9: "attributed",
    10: ("asserted", None, "the journal 'a publié' pictures: a publication of images, no attributed claim"),
    11: "attributed", 12: "attributed", 13: "attributed", 14: "attributed",
}
