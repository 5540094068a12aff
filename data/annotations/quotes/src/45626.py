# 45626 Élection présidentielle américaine de 2012 : le maire de New York appelle à voter Obama
MB = "Michael Bloomberg"
G = dict(gender="m", gcue=("il", "déclare-t-il"), gtype="pronoun")
ALIASES = {}
ATTRS = [
    dict(kind="indirect", cue="appelle", lemma="appeler à", content="voter Obama",
         spk="le maire de New York", speaker=MB, res="role", stype="person", **G,
         note="headline; role noun resolved to the person named in the body"),
    dict(kind="indirect", cue=("appelle", 1), lemma="appeler à",
         content="voter pour Barack Obama à l'élection présidentielle de mardi prochain aux États-Unis",
         spk=("Michael Bloomberg", 0), full="Le maire de New York, Michael Bloomberg", speaker=MB, res="name",
         stype="person", **G,
         note="'prônant le bilan du président sortant…' praises a thing (no claim of its own): not annotated"),
    dict(kind="direct", cue="déclare", lemma="déclarer",
         content=Span("Notre climat change", "prendre des mesures immédiates"),
         spk=("il", "déclare-t-il"), speaker=MB, res="pronoun", stype="person",
         medium="dans une libre opinion publiée sur Bloomberg View", **G),
    dict(kind="indirect", cue="reconnait", lemma="reconnaître", content="Sandy a influencé son choix",
         spk=("Il", "Il reconnait"), speaker=MB, res="pronoun", stype="person", **G),
    dict(kind="indirect", cue="pense", lemma="penser",
         content=Span("Barack Obama, qui vise un second mandat", "réduction de la consommation de carbone"),
         spk=("Michael Bloomberg", 1), speaker=MB, res="name", stype="person", **G,
         note="the relative 'qui vise un second mandat…' is the journalist's, but inside the reported clause"),
    dict(kind="direct", cue="a déclaré", lemma="déclarer",
         content="Je suis honoré d’avoir le soutien du maire de New York",
         spk=("Barack Obama", 2), speaker="Barack Obama", res="name", stype="person",
         gender="m", gcue=("il", "lorsqu'il apprit"), gtype="pronoun"),
    dict(kind="direct", content="tous les sites de paris en ligne voient en Obama le grand favori",
         speaker="", res="none", stype="unknown",
         note="quotation after a colon in the article's sentence about the mayor; not his words (it "
              "comments on his risk) and no source is named"),
]
CLAIMS = {
    0: "attributed", 1: "attributed", 2: "attributed", 3: "attributed", 4: "attributed",
    5: "asserted", 6: "attributed", 7: "attributed",
    8: [(None, "asserted"), ("« tous les sites", "attributed")],
}
