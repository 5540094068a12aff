# 44551 France : agression antisémite contre un lycéen entre Toulouse et Lyon
MI = "ministère de l'Intérieur"
ATTRS = [
    dict(kind="indirect", cue="indique", lemma="indiquer",
         content="Un lycéen de 17 ans a été victime d'une agression hier soir dans un train ralliant Toulouse à Lyon",
         spk="les services de Manuel Valls", speaker=MI, res="role", stype="organisation",
         note="'les services de Manuel Valls' is the source (Valls is not the speaker); resolved to the "
              "ministry whose communiqué is cited in the next sentence"),
    dict(k="communique", kind="according-to", cue="D'après", lemma="d'après",
         content="Les identités des deux agresseurs sont connues grâce à l'action en gare de la police ferroviaire",
         spk="le communiqué du ministère de l'Intérieur", speaker=MI, res="name", stype="document"),
    dict(kind="direct",
         content="seule l'intervention d'un passager et des contrôleurs de la SNCF a pu mettre un terme aux violences",
         speaker=MI, res="previous", stype="document",
         note="cue-less quote continuing the communiqué inside a sentence in the article's voice"),
    dict(kind="mixed", status="conditional",
         content=Span("Les agresseurs auraient remarqué", "roué de coups »"),
         speaker=MI, res="previous", stype="document",
         note="no cue: conditionnel journalistique plus quoted islands from the communiqué; "
              "the second quotation runs over the sentence end, so the content spans a conditional "
              "and an attributed row"),
    dict(kind="direct", cue="juge", lemma="juger",
         content="Ces actes d'une extrême violence sont inadmissibles",
         spk=("ministère de l'Intérieur", 1), full=("le ministère de l'Intérieur", 0), speaker=MI,
         res="name", stype="organisation"),
    dict(kind="mixed", cue="s'est dit", lemma="se dire",
         content=Span("déterminé à « à combattre", "des sanctions sévères »"),
         spk="Le ministère", speaker=MI, res="role", stype="organisation",
         note="'se dire déterminé à': the attribute and its quoted complement are the content"),
    dict(kind="mixed", cue="a déclaré", lemma="déclarer",
         content=Span("les juifs sont victimes d'une « forme", "énormément de vocations »"),
         spk="Arié Bensemhoun", full="Arié Bensemhoun, président de la communauté juive de Toulouse",
         speaker="Arié Bensemhoun", res="name", stype="person", medium="à l'AFP",
         gender="m", gcue="Arié", gtype="first_name"),
    dict(kind="according-to", cue=("D'après", 1), lemma="d'après",
         content="les actes et menaces antisémites ont augmenté de 46 % entre janvier et avril par rapport à l'an dernier",
         spk=("ministère de l'Intérieur", 2), full=("le ministère de l'Intérieur", 1), speaker=MI,
         res="name", stype="organisation"),
]
CLAIMS = {
    0: "asserted", 1: "attributed", 2: "attributed",
    3: [(None, "asserted"), ("« seule", "attributed"), ("et le jeune", "asserted")],
    4: ("conditional", "auraient"),
    5: ("attributed", None, "second half of a quotation opened in the previous (conditional) sentence"),
    6: "asserted", 7: "asserted", 8: "attributed", 9: "attributed", 10: "attributed", 11: "attributed",
    12: "attributed", 13: "asserted", 14: "attributed",
}
