"""Rules of attribution detection, each on an invented sentence (never one of the gold's).

Each test names the rule of :mod:`analysis.people.constructions` or :mod:`analysis.people.detection`
it checks; the sentences are made up for the test.
"""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q


def _quotes(*paragraphs: str):
    text = "Titre d'essai sur la vie locale\n\n" + "\n\n".join(paragraphs) + "\n"
    return Q.quotes(analysis.Article.from_text(text))


def _row(verb: str, *paragraphs: str):
    """The first attribution of ``verb`` in the paragraphs."""
    found = _quotes(*paragraphs)
    return found[found["verb"] == verb].iloc[0]


def _has(found, verb: str) -> bool:
    return bool((found["verb"] == verb).any())


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("La fermeture annoncée de la piscine municipale inquiète les nageurs du quartier.", "annoncer"),
        ("Sur les dix sondages publiés sur la région, sept placent le maire sortant en tête.", "publier"),
    ],
)
def test_epithet_participle_after_a_noun_is_no_cue(sentence, verb):
    # Riegel et al. 2009: a past participle without auxiliary after a noun is an epithet adjective
    assert not _has(_quotes(sentence), verb)


def test_epithet_participle_with_a_que_clause_stays_a_cue():
    found = _quotes("Le maire a parlé hier soir. L'hypothèse avancée est que le pont a cédé sous le poids des camions.")
    assert _has(found, "avancer")


def test_epithet_participle_cue_takes_the_previous_source_not_its_noun():
    # the noun before a bare past participle is what was put forward, not who (GUIDE A9: previous)
    row = _row(
        "avancer",
        "Le syndicat Force Ouvrière affirme que la grève durera. L'hypothèse avancée est que la direction cédera.",
    )
    assert row["resolution"] == "previous" and row["speaker"] == "Force Ouvrière"


def test_present_participle_after_a_source_noun_has_that_noun_as_subject():
    # an epithet participle's subject is the noun it follows when that noun can be a source
    row = _row(
        "affirmer", "Le vieux pont est fermé depuis un an à cause d'une rumeur tenace affirmant que ses piles cèdent."
    )
    assert row["speaker_text"] == "une rumeur tenace" and not row["named"]


def test_des_opening_a_relative_clause_subject_is_the_plural_article():
    # nothing governs "des" after "où", so it is the article, not de + les
    row = _row(
        "demander",
        "Des heurts ont lieu dans plusieurs bureaux de vote de l'Est du pays, où des militants autonomistes "
        "demandent une meilleure répartition des sièges.",
    )
    assert row["speaker_text"] == "des militants autonomistes"


def test_participial_modifier_in_an_apposition_closes_no_clause_before_the_subject():
    # GUIDE A6: a participial modifier is left out like a relative clause; the subject is the name
    row = _row(
        "préciser",
        "Marie Dubois, autrice de l'enquête ayant révélé ces chiffres, précise que la hausse des loyers "
        "touche surtout les étudiants.",
    )
    assert row["speaker"] == "Marie Dubois"


def test_coordinated_verb_after_a_colon_takes_the_subject_of_its_own_clause():
    # a colon separates juxtaposed clauses: "mais précise" shares the subject after the colon
    row = _row(
        "préciser",
        "La journée fut agitée dans plusieurs villes : la préfecture du Rhône a recensé dix cortèges à Lyon, "
        "mais précise que les incidents restent rares.",
    )
    assert row["speaker_text"] == "préfecture du Rhône"


def test_a_document_of_an_institution_is_resolved_to_its_author():
    # GUIDE 4.2: a document's speaker is its author when the article names one
    row = _row(
        "selon",
        "Trois suspects ont été interpellés dans la nuit près de la gare, selon un communiqué de la police lyonnaise.",
    )
    assert row["speaker"] == "police lyonnaise" and row["named"] and row["source_type"] == "document"


def test_a_profession_noun_takes_up_the_name_set_beside_it():
    # GUIDE 4.2: "le graphiste" later refers to the person introduced as "le graphiste belge X"
    row = _row(
        "expliquer",
        "Le logo, dessiné par le graphiste belge Pierre Lambert, a été présenté hier. Le graphiste "
        "a expliqué que les couleurs rappellent la mer.",
    )
    assert row["speaker"] == "Pierre Lambert" and row["resolution"] == "role"


def test_passive_without_que_has_no_noun_phrase_content_nor_according_to():
    found = _quotes("La rumeur n'a pas été confirmée de source officielle, et la mairie reste muette sur le sujet.")
    assert not _has(found, "confirmer") and not (found["kind"] == "according-to").any()


def test_de_source_after_an_active_verb_is_according_to():
    found = _quotes("Le journal a appris de source policière que le suspect avait quitté la ville.")
    acc = found[found["kind"] == "according-to"]
    assert len(acc) == 1 and acc.iloc[0]["text"].startswith("le suspect avait quitté")


def test_gerund_and_bare_participle_are_no_incise():
    # Grevisse § 378: an incise is a finite verb with an inverted subject
    found = _quotes(
        "La baisse des ventes est due à la météo, ajoutée à une hausse des prix de l'énergie.",
        "Le conseiller Paul Martin a pris la parole, en demandant au maire une pause dans la séance.",
    )
    assert not found["text"].str.startswith("La baisse des ventes").any()
    assert not found["text"].str.startswith("Le conseiller").any()


def test_participle_opens_a_new_attribution():
    # Grevisse § 891: the participial clause is a new predication of the main subject
    found = _quotes(
        "Le directeur Paul Martin a rejeté l'idée d'une fusion affirmant : « nous resterons indépendants "
        "quoi qu'il arrive demain »."
    )
    rejected = found[found["verb"] == "rejeter"]
    assert len(rejected) == 1 and rejected.iloc[0]["text"].rstrip().endswith("fusion")
    assert _has(found, "affirmer")


def test_clitics_between_de_and_the_infinitive():
    found = _quotes("Le syndicat a menacé la direction de s'en remettre à la justice avant la fin du mois.")
    row = found[found["verb"] == "menacer"]
    assert len(row) == 1 and row.iloc[0]["text"].startswith("s'en remettre à la justice")


def test_inverted_subject_stops_at_a_relative_clause():
    # Riegel et al., ch. XVI: the relative clause is outside the noun phrase, so its verb is free
    found = _quotes(
        "« Nous bâtirons deux écoles et un stade avant la fin du mandat » a déclaré Jeanne Roux à Lille "
        "où elle a promis un « avenir meilleur »."
    )
    assert _has(found, "déclarer") and _has(found, "promettre")


def test_message_ends_before_the_medium():
    # Riegel et al., ch. VI: the object and the à-complement are two complements (GUIDE 3.5)
    row = _row("révéler", "Le syndicat a révélé la fermeture du dépôt à la presse locale.")
    assert row["text"] == "la fermeture du dépôt" and row["medium"] == "à la presse"


@pytest.mark.parametrize(
    "sentence, medium",
    [
        ("Le maire lui a affirmé que les travaux commenceraient en mars.", "lui"),
        ("Le comité nous a assuré que la course aurait lieu.", "nous"),
        ("Nous avons affirmé que la course aurait lieu.", ""),
        ("Paul Martin a lui écrit que la course aurait lieu.", ""),
    ],
)
def test_clitic_addressee(sentence, medium):
    # GUIDE A5: addressees given as pronouns; a clitic stands before the verb, auxiliary included
    found = _quotes(sentence)
    assert len(found) == 1 and found.iloc[0]["medium"] == medium


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("Le maire Paul Martin a rétorqué que le budget était équilibré.", "rétorquer"),
        ("La directrice Anne Petit a constaté que les stocks baissaient.", "constater"),
        ("« Le chantier reprendra lundi », a lâché le préfet devant les élus.", "lâcher"),
    ],
)
def test_verbs_from_the_reference_list(sentence, verb):
    # FRACAS's French quote extractor verb list and GUIDE 2 / A9
    assert _has(_quotes(sentence), verb)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le conseiller d'État Paul Martin a inauguré la nouvelle école du village.",
        "Il se propose d'adresser une lettre au ministre avant la fin du mois.",
        "On peut constater que les stocks baissent depuis le printemps.",
    ],
)
def test_senses_that_report_nothing(sentence):
    # the noun conseiller, se proposer de (intend), the writer's own "on peut constater" (GUIDE 2)
    assert _quotes(sentence).empty


def test_pour_with_a_role_noun_frames_a_view():
    # Grevisse § 1040: pour + a holder = "selon l'opinion de"; GUIDE 2
    found = _quotes("Pour l'association de défense des riverains du port, le projet menace la qualité de l'eau.")
    acc = found[found["kind"] == "according-to"]
    assert len(acc) == 1 and acc.iloc[0]["text"].startswith("le projet menace")


def test_pour_without_a_holder_frames_nothing():
    assert _quotes("Pour la première fois depuis dix ans, le projet de port avance enfin.").empty


def test_quoted_island_continues_the_previous_source():
    # GUIDE A4b: a cue-less quotation with a verb, right after an attribution, continues its source
    found = _quotes(
        "La maire Jeanne Roux a annoncé la fermeture du pont. Les travaux devraient « durer au moins "
        "trois mois et coûter très cher » au budget de la ville."
    )
    island = found[found["text"].str.strip().str.startswith("durer au moins")]
    assert len(island) == 1 and island.iloc[0]["resolution"] == "previous"
    assert island.iloc[0]["speaker"] == "Jeanne Roux"


def test_quoted_title_is_no_island():
    # a title quoted in autonymy has no verb (Augustyn et al. 2015), and no attribution comes before
    found = _quotes("Le festival a choisi pour thème « la mer et les grands ports du nord de l'Europe » cette année.")
    assert found.empty


def test_opinion_verb_with_a_quantity_or_an_attribute():
    # Riegel et al., ch. VIII § 4.4 (the object's attribute); Dicovalence's "N0 estimer N1 à N2"
    found = _quotes(
        "Le syndicat estime à 4 000 le nombre de grévistes dans la région.",
        "La directrice Anne Petit considère cet accord comme une erreur pour l'entreprise.",
    )
    rows = found[found["verb"].isin(["estimer", "considérer"])]
    assert sorted(rows["text"].str[:10]) == sorted(["à 4 000 le", "cet accord"])


def test_pronominal_verb_with_a_quantity_is_a_place():
    assert _quotes("La sonde se trouve à 300 kilomètres de la Terre depuis lundi.").empty


def test_form_read_as_a_noun_after_an_auxiliary_is_a_participle():
    # a compound tense: auxiliary + past participle (the tagger reads "félicité" as the noun)
    found = _quotes("Le maire s'est félicité que le chantier soit terminé avant l'été.")
    assert _has(found, "se féliciter")


def test_inverted_pronoun_in_the_verb_group_is_no_determiner():
    # GUIDE 3.3: "a-t-il ajouté" -> cue ajouté, speaker il (spaCy may tag "-t-il" DET out of context)
    found = _quotes("Le budget sera voté, a-t-il ajouté.", "« Le budget sera voté en juin », a-t-elle ajouté.")
    rows = found[found["verb"] == "ajouter"]
    assert len(rows) == 2 and set(rows["speaker_text"]) == {"il", "elle"}


def test_personal_passive_has_no_content_nor_incise():
    # Riegel et al. ch. XIV § 7: the passive's object is its subject; what follows is an adverbial or an attribute
    found = _quotes(
        "Ce mécanisme n'a jamais pu être confirmé jusqu'à ce que le laboratoire se mette au travail.",
        "Ainsi, un couple marié, avec deux enfants, était considéré comme pauvre sous ce seuil.",
        "La sainte a été reconnue une première fois par l'Église lors d'une cérémonie.",
        "Les habitants sont appelés à voter dimanche.",
    )
    assert not found["verb"].isin(["confirmer", "considérer", "reconnaître", "appeler"]).any(), found[["verb", "text"]]


def test_impersonal_passive_and_pronominal_verbs_keep_their_clause():
    found = _quotes(
        "Il a été annoncé que la réunion serait reportée.",
        "Je m'étais dit qu'il était temps de partir.",
    )
    assert found["text"].tolist() == ["la réunion serait reportée", "il était temps de partir"]


def test_que_of_a_conjunctive_locution_is_no_complementiser():
    # Riegel et al. ch. XVIII § 1.1: "avant que", "parce que", "jusqu'à ce que" open an adverbial clause
    found = _quotes(
        "Le maire a précisé lundi avant que le conseil ne vote la hausse des tarifs.",
        "On pense bien que la hausse des impôts fera monter les prix.",
    )
    assert not (found["verb"] == "préciser").any()
    assert found.loc[found["verb"] == "penser", "text"].tolist() == ["la hausse des impôts fera monter les prix"]


def test_rapporter_an_amount_of_money_is_an_income_not_a_report():
    # TLFi, rapporter B "produire un revenu"; an amount of anything else may be reported
    found = _quotes(
        "Cette surtaxe rapporterait 2,3 milliards d'euros en 2012.",
        "Le film a rapporté près de 7,7 millions d'euros le jour de sa sortie.",
        "Le journal rapporte 300 arrestations dans la nuit.",
    )
    assert found.loc[found["verb"] == "rapporter", "text"].tolist() == ["300 arrestations dans la nuit"]
