# 45761 Québec : un sommet sur l'Enseignement supérieur se tiendra en février 2013
PM = "Pauline Marois"
G = dict(gender="f", gcue="La première ministre", gtype="role_noun")
ATTRS = [
    dict(kind="indirect", cue="annonce", lemma="annoncer",
         content=Span("la tenue d'un Sommet sur l'enseignement supérieur", "de l'éducation au Québec"),
         spk=("Le nouveau gouvernement du Parti québécois", 0), speaker="gouvernement du Parti québécois",
         res="role", stype="organisation",
         note="the source is the government, so the party's name inside the noun phrase is not the head mention"),
    dict(kind="indirect", cue="indiqué", lemma="indiquer",
         content=Span("l'événement devait permettre", "mettre fin à la confrontation"),
         spk="Pierre Duchesne", full="Le nouveau ministre de l'Enseignement supérieur, Pierre Duchesne",
         speaker="Pierre Duchesne", res="name", stype="person", gender="m", gcue="Pierre", gtype="first_name",
         note="two coordinated 'que' clauses form one content"),
    dict(kind="direct",
         content="la qualité de l'enseignement supérieur, la gouvernance et le financement des universités ainsi que la recherche universitaire",
         speaker="", res="none", stype="unknown",
         note="quoted list of themes with no cue and no source that the text identifies (probably the "
              "government's announcement; not stated)"),
    dict(kind="mixed", cue="a dit", lemma="dire",
         content=Span("espérer que la question du financement", "dans laquelle nous vivrons »"),
         spk="Pauline Marois", full="La première ministre du Québec, Pauline Marois", speaker=PM, res="name",
         stype="person", **G, note="'a dit espérer': the infinitive clause is the content"),
    dict(kind="indirect", cue="réclament", lemma="réclamer", content=("la gratuité scolaire", 0),
         spk="Ces associations", speaker="", res="role", stype="group", note="demand with noun-phrase content"),
    dict(kind="indirect", cue="indiquent", lemma="indiquer", content="leur peu d'intérêt à participer au sommet",
         spk="Ces associations", speaker="", res="role", stype="group",
         note="coordinated verb: the mention is the shared subject"),
    dict(kind="indirect", cue="indiqué", lemma="indiquer",
         content="la gratuité scolaire était un objectif difficile à atteindre",
         spk=("Pauline Marois", 1), speaker=PM, res="name", stype="person", **G),
]
CLAIMS = {
    0: "asserted", 1: "attributed", 2: "attributed", 3: "asserted", 4: "attributed", 5: "attributed",
    6: ("asserted", None, "'ont manifesté leur opposition à la position': stance on a thing, no content"),
    7: "attributed", 8: "attributed",
    9: ("asserted", None, "'se sont réjouit de la tenue du sommet': emotion about an event, no attributed claim"),
    10: ("asserted", None, "'ont accueilli l'annonce avec scepticisme': reaction, no content"),
}
