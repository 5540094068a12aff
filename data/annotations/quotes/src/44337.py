# 44337 Égypte : le parti des Frères musulmans exige les résultats de l’élection présidentielle
FM = "Frères musulmans"
ALIASES = {FM: ["Frères Musulmans"]}
ATTRS = [
    dict(kind="indirect", cue="exige", lemma="exiger", content="les résultats de l’élection présidentielle",
         spk=("Frères musulmans", 0), full="le parti des Frères musulmans", speaker=FM, res="name",
         stype="organisation", note="headline; a demand with a message (A9)"),
    dict(kind="indirect", cue="revendiquent", lemma="revendiquer", content="la victoire",
         spk="Les deux parties", speaker="", res="role", stype="group",
         note="claiming victory is a claim (A9 'revendiquer'); the two sources, named only by the detached "
              "apposition after the content (an unnamed candidate and an unnamed ex-minister), are one "
              "unnamed group (A6)"),
    dict(kind="indirect", cue="exigent", lemma="exiger",
         content="la publication des résultats immédiate par la commission électorale",
         spk="Le candidat des Frères Musulmans", speaker=FM, res="role", stype="organisation",
         note="the party's unnamed candidate voices the party's demand (the headline gives it to the party): "
              "resolved to the party (A7), gender unknown"),
    dict(kind="indirect", cue="exiger", lemma="exiger", content="l’armée quitte le pouvoir",
         spk="Une mobilisation", speaker="", res="role", stype="group",
         note="verbless sentence: the demonstration (the thousands of the sentence before) is the controlling "
              "subject of 'pour exiger'; unnamed group. 'à l’appel de' (sentence 4) is a nominal cue, out of "
              "scope (A9)"),
    dict(kind="direct", cue="affirme", lemma="affirmer",
         content=Span("Les militaires ne doivent plus", "de protéger le pays"),
         spk="Abdel Nasser", full="un jeune manifestant, Abdel Nasser", speaker="Abdel Nasser", res="name",
         stype="person", gender="m", gcue="Abdel", gtype="first_name",
         note="'un jeune manifestant' is a masculine noun, no cue (5); the first name is (A14)"),
    dict(kind="direct", cue="ajoute", lemma="ajouter",
         content="Tous ces retards dans la publications des résultats, cela pose beaucoup de questions",
         spk="Hassan", full="Hassan, un autre manifestant", speaker="Hassan", res="name", stype="person",
         gender="m", gcue=("il", "dit-il"), gtype="pronoun"),
    dict(kind="direct", cue="dit", lemma="dire",
         content=Span("Moi, dit-il", "de rendre le pouvoir"),
         spk=("il", "dit-il"), speaker="Hassan", res="pronoun", stype="person",
         gender="m", gcue=("il", "dit-il"), gtype="pronoun",
         note="quote broken by the incise: one attribution, the incise inside the content (3.2)"),
    dict(kind="indirect", cue="apprend", lemma="apprendre",
         content="les résultats seront annoncés demain, à 15 heures",
         speaker="", res="none", stype="unknown",
         note="'On apprend que': 'on' is the hearer (the newsroom), not the source; the information comes from "
              "a source the text does not give (A15)"),
]
CLAIMS = {
    0: "attributed", 1: "asserted", 2: "attributed", 3: "attributed",
    4: ("asserted", None, "'à l’appel de': nominal cue, out of scope (A9)"),
    5: "attributed",
    6: "asserted",
    7: "attributed", 8: "attributed", 9: "attributed",
    10: ("asserted", None, "'craignent': emotion, not a cue (GUIDE 2)"),
    11: "attributed",
}
