# 44046 France : encore un suicide de postier en Bretagne
SUD = "SUD-PTT"
ALIASES = {SUD: ["SUD"]}
ATTRS = [
    dict(kind="indirect", cue="a révélé", lemma="révéler", content="ce décès",
         spk=("SUD-PTT", 0), full="le syndicat SUD-PTT", speaker=SUD, res="name", stype="organisation",
         medium="à la presse", note="noun-phrase content: the fact revealed"),
    dict(kind="indirect", status="denied", cue="a nié", lemma="nier", content="toute responsabilité",
         spk=("La Poste", 0), full="La Poste, direction du courrier", speaker="La Poste", res="name",
         stype="organisation"),
    dict(kind="indirect", cue="affirmant", lemma="affirmer",
         content="son geste fut consécutif a des problèmes d'ordre privé sans aucun lien avec son activité professionnelle",
         spk=("La Poste", 0), speaker="La Poste", res="name", stype="organisation",
         note="gerund, controlling subject La Poste; 'sans que fussent connues les raisons…' is the journalist's remark"),
    dict(kind="direct", cue="estime", lemma="estimer",
         content=Span("Si ce collègue pouvait avoir", "“sa vie au travail”"),
         spk=("SUD", "Le syndicat SUD estime"), full="Le syndicat SUD", speaker=SUD, res="name", stype="organisation",
         note="everything after 'que' is quoted; the inner “sa vie au travail” has no source of its own"),
    dict(kind="mixed", cue="évoquant", lemma="évoquer",
         content="des « refus de lui accorder les congés auxquels il avait droit »",
         spk=("SUD", "Le syndicat SUD estime"), speaker=SUD, res="name", stype="organisation",
         note="participle, controlling subject 'Le syndicat SUD'"),
    dict(kind="indirect", cue="précise", lemma="préciser",
         content="l'agent avait formulé une demande de changement de service restée lettre morte",
         spk="La centrale syndicale", speaker=SUD, res="role", stype="organisation"),
    dict(kind="direct", cue="a relevé", lemma="relever",
         content=Span("ce n'est que très tardivement", "territoriale courrier"),
         spk=("SUD-PTT", 1), speaker=SUD, res="name", stype="organisation",
         note="a stray straight double quote follows « (typo); the content starts after it"),
    dict(kind="indirect", cue="ont annoncé", lemma="annoncer",
         content="le boycott des instances au sein de La Poste à l'exception des CHSCT où la présence des membres est obligatoire",
         spk="les fédérations nationales des syndicats", speaker="", res="role", stype="group"),
]
CLAIMS = {
    0: "asserted", 1: "asserted", 2: "attributed",
    3: [(None, "denied", "a nié"), ("en affirmant", "attributed"), ("sans que fussent", "asserted")],
    4: "attributed", 5: "attributed", 6: "asserted", 7: "attributed", 8: "attributed",
}
