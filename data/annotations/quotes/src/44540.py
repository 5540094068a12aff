# 44540 Mali : des citoyens appellent à libérer le nord du pays
ATTRS = [
    dict(kind="indirect", cue="appellent", lemma="appeler à", content=("libérer le nord du pays", 0),
         spk="des citoyens", speaker="", res="role", stype="group", note="headline"),
    dict(kind="indirect", cue="revendiquent", lemma="revendiquer",
         content="l'obtention d'armes pour libérer le nord du pays",
         spk=("Ils", "Ils revendiquent"), speaker="", res="pronoun", stype="group",
         note="'Ils' = the demonstrators of the previous sentence: unnamed group"),
    dict(kind="direct", cue="a déclaré", lemma="déclarer",
         content=Span("Si l'armée ne veut pas faire la guerre", "la libération de notre pays"),
         spk="Oumar Maïga", full="Oumar Maïga, l'un des responsables de la manifestation", speaker="Oumar Maïga",
         res="name", stype="person", gender="m", gcue="Oumar", gtype="first_name",
         note="hypothetical inside the quote: attributed"),
    dict(kind="mixed", cue="a précisé", lemma="préciser",
         content=Span("les milices qui contrôlent actuellement", "du Mujao, et d'Al-Qaïda »"),
         spk="Nock Ag Attia", full="Nock Ag Attia, député touareg", speaker="Nock Ag Attia", res="name",
         stype="person",
         note="colon continues the same statement with a quotation (GUIDE 12); gender unknown: no pronoun, "
              "no agreement, masculine 'député' is no cue and 'Nock' is not a first name known to be gendered"),
    dict(kind="direct", cue="déclare", lemma="déclarer",
         content="Les discours, les voyages ne vont pas résoudre les problèmes du Mali, il faut des actions concrètes",
         spk="Fatoumata Maïga", full="Fatoumata Maïga, présidente d'une ONG féminine pour la paix",
         speaker="Fatoumata Maïga", res="name", stype="person", gender="f", gcue="présidente", gtype="role_noun"),
]
CLAIMS = {
    0: "attributed", 1: ("asserted", None, "'ont manifesté': demonstrated (not speech)"),
    2: "attributed", 3: "attributed", 4: "attributed", 5: "attributed",
    6: ("asserted", None, "'multiplie … les déclarations': no content"),
    7: [(None, "asserted", None, "the population's feeling in the article's voice"), ("« Les discours", "attributed")],
    8: "asserted", 9: "asserted", 10: "asserted",
}
