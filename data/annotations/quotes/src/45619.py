# 45619 Des scientifiques russes affirment avoir découvert des poils de yéti
VS = "Valentine Sapounov"
G = dict(gender="f", gcue=("Elle", "Elle explique"), gtype="pronoun")
ALIASES = {"Valentine Sapounov": ["V. Sapounov"]}
ATTRS = [
    dict(kind="indirect", cue="affirment", lemma="affirmer", content="avoir découvert des poils de yéti",
         spk="Des scientifiques russes", speaker="", res="role", stype="group", note="headline"),
    dict(k="vs1", kind="indirect", status="conditional", cue="a annoncé", lemma="annoncer",
         content=Span("Des poils trouvés en Sibérie", "effectuée en Russie et aux États-Unis"),
         spk="Valentine Sapounov",
         full="Valentine Sapounov, de l'Université d'État d'hydrométéorologie de Russie",
         speaker=VS, res="name", stype="person", medium="à l'agence RIA Novosti", **G,
         note="two stacked incises: the analysis 'indique', Sapounov 'a annoncé'; the outer content holds the "
              "inner attribution. Gender from 'Elle' (paragraph 4) and the first name 'Valentine'; the "
              "masculine 'l'expert' is no cue (GUIDE 5)"),
    dict(in_="vs1", kind="indirect", status="conditional", cue="indique", lemma="indiquer",
         content="Des poils trouvés en Sibérie appartiendraient au mythique yéti avec une probabilité de 60 à 70 %",
         spk="une analyse de l'ADN", full="une analyse de l'ADN effectuée en Russie et aux États-Unis",
         speaker="", res="role", stype="document",
         note="document source; its authors are not named"),
    dict(kind="direct", cue="a indiqué", lemma="indiquer",
         content=Span("Dans le domaine scientifique", "avec un microscope électronique"),
         spk=("V. Sapounov", 0), speaker=VS, res="name", stype="person", **G),
    dict(kind="direct", cue="a poursuivi", lemma="poursuivre",
         content=Span("Malheureusement, nous ne disposons", "que du chimpanzé"),
         spk="l'expert", speaker=VS, res="role", stype="person", **G,
         note="'il serait bien de trouver' inside: a wish, not a conditionnel journalistique"),
    dict(kind="indirect", cue="explique", lemma="expliquer",
         content=Span("l'ADN analysé comportait", "1,5 % de différences génétiques"),
         spk=("Elle", "Elle explique"), speaker=VS, res="pronoun", stype="person", **G),
    dict(kind="according-to", status="conditional", cue="D'après", lemma="d'après",
         content="le Kouzbass ne serait pas la seule zone habitée par le yéti",
         spk=("V. Sapounov", 1), speaker=VS, res="name", stype="person", **G),
    dict(kind="indirect", status="conditional",
         content="Ces espèces seraient également présentes dans différentes régions russes faiblement peuplées, dont la toundra",
         speaker=VS, res="previous", stype="person", **G,
         note="cue-less continuation: the conditionnel d'emprunt carries on the previous 'D'après' frame"),
]
CLAIMS = {
    0: "attributed", 1: ("conditional", "appartiendraient"),
    2: "attributed", 3: "attributed", 4: "attributed", 5: "attributed", 6: "attributed", 7: "attributed",
    8: "attributed", 9: "asserted",
    10: ("conditional", "serait"), 11: ("conditional", "seraient"),
    12: "asserted", 13: "asserted",
    14: ("asserted", None, "l'« abominable homme des neiges »: quotation marks of naming, no source"),
}
