# 44373 Espagne : l'agence Moody's dégrade 28 banques espagnoles
ATTRS = [
    dict(kind="according-to", cue="Selon", lemma="selon",
         content=Span("elles font suite à sa prise", "à « Baa3 »"),
         spk="l'agence", speaker="Moody's", res="role", stype="organisation",
         note="'l'agence' resolved to Moody's of the sentence before; « A3 », « Baa3 » are rating codes "
              "(autonymy), but they lie in the content, so quoted is partial (GUIDE 8)"),
    dict(kind="direct", cue="estiment", lemma="estimer",
         content=Span("L'abaissement de la note de 28 banques", "sans intervention extérieure"),
         spk="Les analystes du groupe Crédit Mutuel CIC", speaker="Crédit Mutuel CIC", res="role",
         stype="organisation",
         note="unnamed analysts speaking for the named bank group (A7); 'pour leur part' between cue and "
              "'que' is outside the content; everything after 'que' is quoted"),
]
CLAIMS = {
    0: ("asserted", None, "a rating action, reported as an event"),
    1: ("asserted", None, "'a abaissé les notes … en raison de': the action and its reason in the article's voice"),
    2: "attributed",
    3: "asserted",
    4: "attributed",
}
