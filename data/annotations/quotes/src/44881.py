# 44881 Espagne : purge à la RTVE après l'arrivée de Rajoy au pouvoir
AP = "Ana Pastor García"
ALIASES = {AP: ["Ana Pastor", "Pastor"]}
ATTRS = [
    dict(kind="mixed", cue="écrit", lemma="écrire",
         content=Span("Elle était connue pour ses interviews", "secrétaire générale du PP »"),
         spk="El Punt Avui", full="le quotidien El Punt Avui", speaker="El Punt Avui", res="name", stype="media",
         note="incise after the content; the outlet speaks as itself (GUIDE 3.5)"),
    dict(kind="indirect", cue="ont indiqué", lemma="indiquer",
         content="lorsqu'ils arriveraient au pouvoir, ils auraient la peau de la présentatrice",
         spk="Des leaders du Parti populaire", speaker="", res="role", stype="group",
         note="unnamed leaders: anonymous group; 'arriveraient', 'auraient' are futures in the past after a "
              "past reporting verb, not conditionnel journalistique"),
    dict(kind="direct",
         content="de haut en bas toute l'équipe d'information en un peu plus d'un mois",
         speaker="", res="none", stype="unknown",
         note="cue-less quoted island whose source the text does not give (not the leaders of the sentence "
              "before, nor El Punt Avui two paragraphs up): resolution none (A4, A12)"),
    dict(kind="direct", cue="avait annoncé", lemma="annoncer",
         content=Span("J'ai été virée parce que", "C'est une décision politique."),
         spk=("Pastor", "Pastor l'avait"), speaker=AP, res="name", stype="person", medium="sur le réseau social",
         gender="f", gcue=("elle", "qu'elle l'avait refusé"), gtype="pronoun",
         note="one quotation over three sentences of one paragraph; the colon right after the cue opens it "
              "(A2); 'virée' also agrees"),
    dict(kind="mixed", cue="affirmant", lemma="affirmer",
         content=Span("ils lui avaient offert", "qu'elle l'avait refusé"),
         spk="un communiqué de presse", speaker="TVE", res="role", stype="document",
         note="participle 'affirmant' whose subject is the communiqué: a document source whose author is TVE "
              "(4.1, 4.2); the content runs over both coordinated 'que' clauses"),
    dict(kind="indirect", status="denied", cue="nia", lemma="nier", content="leur version",
         spk=("Pastor", "Pastor leur répondit"), speaker=AP, res="name", stype="person",
         gender="f", gcue=("elle", "elle écrivit"), gtype="pronoun",
         note="'répondit' has no content of its own; 'nia leur version' (TVE's version) is a denial"),
    dict(kind="direct", cue="écrivit", lemma="écrire",
         content=Span("Qu'ils disent ce qu'ils disent", "rien offert de concret."),
         spk=("elle", "elle écrivit"), speaker=AP, res="pronoun", stype="person", medium="sur Twitter",
         gender="f", gcue=("elle", "elle écrivit"), gtype="pronoun",
         note="'Qu'ils disent ce qu'ils disent' reports no content of the others: no nested attribution"),
    dict(kind="indirect", cue="demanda", lemma="demander",
         content=Span("la comparution d'Echenique", "l'équipe de rédaction de TVE"),
         spk="L'opposition socialiste", full="L'opposition socialiste, avec Alfredo Pérez Rubalcaba (PSOE)",
         speaker="PSOE", res="role", stype="organisation",
         note="a demand with a message (A9); 'L'opposition socialiste' resolved to the party the text names "
              "in the same phrase; Rubalcaba, joined by 'avec', is part of the full mention"),
    dict(kind="indirect", cue="a accusé", lemma="accuser de",
         content="Rajoy de purger la Télévision publique",
         spk="Libération", full="le quotidien français Libération", speaker="Libération", res="name",
         stype="media", note="relative 'qui' → antecedent; accusation (A9), content as in 45644-a10"),
]
CLAIMS = {
    0: "asserted", 1: "asserted", 2: "asserted",
    3: "attributed", 4: "attributed",
    5: "asserted",
    6: ("asserted", None, "«Telenotícies 1 »: a programme's name (autonymy)"),
    7: "asserted",
    8: "attributed",
    9: ("asserted", None, "'vouée aux gémonies par le PP': no content attributed"),
    10: "attributed", 11: "attributed", 12: "attributed",
    13: "attributed",
    14: [(None, "denied", "nia"), ("elle écrivit", "attributed")],
    15: "attributed",
    16: [(None, "asserted"), ("notamment le quotidien", "attributed")],
}
