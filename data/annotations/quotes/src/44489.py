# 44489 France : Hewlett-Packard va supprimer 520 postes d'ici à 2014
HP = "Hewlett-Packard"
ALIASES = {HP: ["HP"]}
MM = "Myriam Martinet"
ATTRS = [
    dict(kind="indirect", cue="a indiqué", lemma="indiquer",
         content="environ 520 postes seront supprimés en France d'ici à 2014",
         spk=("la direction", 0), speaker=HP, res="role", stype="organisation",
         note="'la direction' of the firm named in the first sentence; 'En effet,' is the article's connective"),
    dict(kind="indirect", cue="avait annoncé", lemma="annoncer",
         content="8 000 de ces suppressions auraient lieu en Europe",
         spk=("la direction", 1), speaker=HP, res="role", stype="organisation",
         note="'auraient' is the future in the past after a past reporting verb: attributed, not conditional; "
              "'annoncé porter que' is garbled in the source"),
    dict(kind="mixed", quoted="partial", cue="a indiqué", lemma="indiquer",
         content=Span("vouloir procéder uniquement", "embaucher 210 jeunes sur trois ans"),
         spk="Gérald Karsenti", full="Gérald Karsenti, PDG de HP France", speaker="Gérald Karsenti",
         res="name", stype="person", gender="m", gcue="Gérald", gtype="first_name",
         note="two quoted infinitives joined by the journalist's 'et à'"),
    dict(kind="mixed", cue="relevé", lemma="relever",
         content="il « n'y a que 210 embauches sur trois ans, donc il y a une perte sèche de 310 emplois en France »",
         spk="Myriam Martinet", full="Myriam Martinet, de la CGT", speaker=MM, res="name", stype="person",
         gender="f", gcue=("elle", "a elle relevé"), gtype="pronoun",
         note="'a elle relevé': stressed 'elle' inside the verb group (issue 15's 'a elle' fragment), cue is the participle"),
    dict(kind="direct",
         content="[C'est] inacceptable dans la mesure où HP a augmenté sa distribution de dividendes [aux actionnaires] cette année",
         speaker=MM, res="previous", stype="person", gender="f", gcue=("elle", "a elle relevé"), gtype="pronoun",
         note="continuation quote"),
]
CLAIMS = {
    0: "asserted", 1: "asserted", 2: "attributed",
    3: ("asserted", None, "'Cette annonce': nominal reference to the announcement, no content of its own"),
    4: "attributed", 5: "asserted", 6: "attributed", 7: "attributed", 8: "attributed",
    9: ("asserted", None, "'accuse une baisse': financial idiom (shows a fall), not speech"),
    10: ("asserted", None, "'devrait permettre': forecast modal, not conditionnel journalistique"),
}
