# 44568 Crash du Rio-Paris : publication du rapport final par le BEA
BEA = "Bureau d'enquêtes et d'analyses"
ALIASES = {BEA: ["BEA"]}
ATTRS = [
    dict(kind="indirect", cue="conclut", lemma="conclure",
         content=Span("le terrible accident survenu", "facteurs techniques et humains"),
         spk="Le rapport final du BEA", full="Le rapport final du BEA, le Bureau d'enquêtes et d'analyses de la DGAC",
         speaker=BEA, res="name", stype="document"),
    dict(kind="indirect", cue="sont pointées du doigt", lemma="pointer du doigt",
         content=Span("Des défaillances dues à l'ergonomie", "soumis à un stress intense"),
         speaker=BEA, res="previous", stype="document",
         note="agentless passive whose agent is the report of the previous attributions: no mention, "
              "speaker inherited; content is the passive subject"),
    dict(kind="according-to", cue="Selon", lemma="selon",
         content=Span("le pilote qui était aux commandes", "un équipement d'aide à la navigation"),
         spk="le rapport", speaker=BEA, res="role", stype="document",
         note="'selon' of a document, resolved to its author"),
    dict(kind="indirect", cue="avancée", lemma="avancer",
         content="les pilotes ont suivi les informations du Flight Director, une procédure habituelle",
         speaker=BEA, res="previous", stype="document",
         note="'L'explication avancée est que…': participle of a reporting verb, agent implicit (the report)"),
    dict(kind="indirect", cue="demande", lemma="demander",
         content="ne pas suivre les informations du Flight Director à la suite d'une perte des informations de vitesse",
         spk="une directive européenne", speaker="", res="role", stype="document",
         note="a document's instruction (request verb); content without the 'de' of the infinitive"),
    dict(k="soulas", kind="direct", cue="a indiqué", lemma="indiquer",
         content=Span("Le BEA nous a affirmé", "de position du Flight Director"),
         spk="Robert Soulas", full="Robert Soulas, dont la fille et le gendre ont disparus dans l'accident",
         speaker="Robert Soulas", res="name", stype="person", gender="m", gcue="Robert", gtype="first_name"),
    dict(in_="soulas", kind="indirect", cue="a affirmé", lemma="affirmer",
         content="ces Flight Directors étaient apparus et disparus à maintes reprises",
         spk=("BEA", "Le BEA nous"), speaker=BEA, res="name", stype="organisation",
         medium=("nous", "Le BEA nous"),
         note="nested: Soulas reports what the BEA told the families; medium is the addressee 'nous'"),
]
CLAIMS = {
    0: "asserted", 1: "attributed",
    2: ("asserted", None, "'Rappelons que': the writer's own voice"),
    3: ("asserted", None, "'avait émis 41 recommandations': speech act without attributed content"),
    4: "attributed", 5: "attributed", 6: "asserted", 7: "attributed", 8: "asserted", 9: "attributed",
    10: "attributed", 11: "attributed",
    12: ("asserted", None, "« homicide involontaire »: the charge's legal name, no source"),
}
