# 45625 Madrid : trois morts piétinés à Halloween
ATTRS = [
    dict(kind="indirect", cue="a indiqué", lemma="indiquer",
         content=Span("Trois jeunes femmes agées de 18 à 25 ans", "dans la capitale espagnole"),
         spk=("la police", "a indiqué la police"), speaker="police madrilène", res="role", stype="organisation",
         note="'la police' resolved to 'la police madrilène' (paragraph 3): a unique institution, so named"),
    dict(kind="mixed", cue=("a indiqué", "a indiqué un porte-parole"), lemma="indiquer",
         content=Span("L'alerte a été donnée aux alentours", "lors d'une festivité de Halloween"),
         spk="un porte-parole de la police", speaker="police madrilène", res="role", stype="organisation",
         note="unnamed spokesman speaks for the police (GUIDE 12): institutional, gender unknown by rule "
              "although '-t-il' (next sentence) is masculine; the relative 'qui peut contenir…' belongs to the "
              "reported clause"),
    dict(kind="mixed", status="conditional", cue="précisé", lemma="préciser",
         content=Span("Il semblerait que la bousculade", "dans l'enceinte du stade »"),
         spk=("il", "a-t-il précisé"), speaker="police madrilène", res="pronoun", stype="organisation",
         note="'semblerait': the spokesman's own hedge, conditional; 'il' is the police spokesman"),
    dict(kind="direct", cue="a ajouté", lemma="ajouter",
         content="Nous sommes en ce moment même en train de recueillir des témoignages",
         spk="le porte-parole de la police madrilène", speaker="police madrilène", res="role", stype="organisation",
         note="same unnamed spokesman as a02/a03, speaking for the police"),
]
CLAIMS = {
    0: "asserted", 1: "attributed", 2: "attributed",
    3: ("conditional", "semblerait"),
    4: "asserted", 5: "asserted", 6: "asserted", 7: "attributed",
}
