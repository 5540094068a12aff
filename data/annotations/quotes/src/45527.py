# 45527 Égypte : une journaliste de France 24 victime d'une violente agression au Caire
SD = "Sonia Dridi"
F24 = "France 24"
G = dict(gender="f", gcue=("elle", "qu'elle se trouvait"), gtype="pronoun")
ATTRS = [
    dict(kind="indirect", cue="affirme", lemma="affirmer",
         content="avoir été agressée sexuellement alors qu'elle se trouvait vendredi sur la place Tahrir du Caire",
         spk=("Sonia Dridi", 0), full="La correspondante de la chaîne de télévision France 24 en Egypte, Sonia Dridi",
         speaker=SD, res="name", stype="person", **G,
         note="further cues agree: 'agressée', 'La correspondante', 'Elle'"),
    dict(kind="indirect", cue="raconte", lemma="raconter",
         content=Span("avoir été encerclée par une foule", "sur la chaîne d'information en continu internationale"),
         spk=("Elle", "Elle raconte"), speaker=SD, res="pronoun", stype="person",
         gender="f", gcue=("Elle", "Elle raconte"), gtype="pronoun"),
    dict(kind="direct", quoted="none", cue="—", lemma="signature",
         content=Span("J'ai été agrippée de partout", "[que je portais]"),
         spk=("Sonia Dridi", 1), full="Sonia Dridi, journaliste", speaker=SD, res="name", stype="person",
         gender="f", gcue=("Elle", "Elle raconte"), gtype="pronoun",
         note="Wikinews quotation box rendered as a paragraph: verbatim words without quotation marks, "
              "signed with a dash (GUIDE 2)"),
    dict(kind="indirect", cue="a indiqué", lemma="indiquer",
         content="Les journalistes de France 24 sont maintenant en sécurité, sains et saufs, mais extrêmement choqués",
         spk="leur direction", speaker=F24, res="role", stype="media",
         note="the channel's management speaking for the channel; 'Ils vont déposer une plainte' next is "
              "unmarked and stays asserted"),
    dict(kind="mixed", cue="condamné", lemma="condamner",
         content="les agressions à répétition contre toutes les journalistes, « qui doivent pouvoir exercer librement leur métier partout dans le monde »",
         spk="la direction de la chaîne de l'audiovisuel extérieur de la France", speaker=F24, res="role",
         stype="media",
         note="an evaluative act is an attribution here because its complement carries the source's quoted words"),
    dict(kind="direct",
         content="tout en œuvre, avec le soutien de l’ambassade de France au Caire, pour assurer la sécurité et le rapatriement en France de sa correspondante",
         speaker=F24, res="previous", stype="media",
         note="quoted island in a sentence about the channel ('La chaîne met « … »'); no cue, continues the "
              "management's statement"),
    dict(kind="indirect", cue="faisant état", lemma="faire état de",
         content="véritables agressions sexuelles, voire des viols",
         spk="les témoignages", full="les témoignages venant de la place Tahrir", speaker="", res="role",
         stype="group", note="testimonies of unnamed people as a source"),
]
CLAIMS = {
    0: "asserted", 1: "attributed", 2: "attributed", 3: "asserted",
    4: "attributed", 5: "attributed", 6: "attributed", 7: "attributed",
    8: ("asserted", None, "probably from the same statement, but unmarked"),
    9: "attributed", 10: "attributed", 11: "asserted", 12: "attributed", 13: "asserted",
}
