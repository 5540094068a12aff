"""Speakers, media, continuations and gender from the text, on short texts built for each rule (GUIDE)."""

from __future__ import annotations

import functools

import pytest

import analysis
from analysis.people import quotes as Q

from .quote_rows import row_with
from analysis.people.name_extent import org_name_end

TEXT = (
    "Titre de test\n\n"
    "« Nous réagissons sans inquiétude aux propos du ministre » déclare à l'AFP Jean-Philippe Magnen, "
    "le porte-parole du parti. « Le président a annoncé un grand débat national » a-t-il précisé.\n\n"
    "La directrice de l'usine, Mme Claire Martin, s'est réjouie de la décision. « Nous allons embaucher "
    "cinquante personnes dès le mois prochain », estime-t-elle.\n\n"
    "« Cette embauche est une excellente nouvelle pour toute la vallée et ses habitants. »\n\n"
    "Selon le syndicat CGT, les salaires resteront bas. D'après un responsable local, la mairie a "
    "aussi promis des aides.\n\n"
    "La Poste a nié toute responsabilité en affirmant que le geste était privé.\n"
)


@pytest.fixture(scope="module")
def rows():
    return Q.quotes(analysis.Article.from_text(TEXT))


def test_the_medium_is_not_the_speaker(rows):
    r = row_with(rows, "Nous réagissons")
    assert r["speaker"] == "Jean-Philippe Magnen" and r["medium"] == "à l'AFP" and r["resolution"] == "name"
    assert TEXT[r["medium_start"] : r["medium_end"]] == "à l'AFP"
    assert TEXT[r["speaker_start"] : r["speaker_end"]] == "Jean-Philippe Magnen"


def test_inverted_pronoun_resolves_to_the_previous_speaker(rows):
    r = row_with(rows, "grand débat")
    assert r["speaker_text"] == "il" and r["resolution"] == "pronoun" and r["speaker"] == "Jean-Philippe Magnen"
    assert r["verb"] == "préciser" and "-t-il" not in r["speaker"]


def test_present_tense_inversion_and_feminine_pronoun(rows):
    r = row_with(rows, "cinquante personnes")
    assert r["verb"] == "estimer" and r["stance"] == "doubt" and r["speaker_text"] == "elle"
    assert r["speaker"] == "Claire Martin" and r["named"]


def test_continuation_paragraph_takes_the_previous_speaker(rows):
    r = row_with(rows, "excellente nouvelle")
    assert r["kind"] == "direct" and r["verb"] == "" and r["resolution"] == "previous"
    assert r["speaker"] == "Claire Martin" and r["speaker_start"] == -1


def test_according_to_forms_and_anonymous_sources(rows):
    cgt = row_with(rows, "les salaires resteront bas")
    assert cgt["kind"] == "according-to" and cgt["verb"] == "selon" and cgt["named"]
    local = row_with(rows, "la mairie a aussi promis")
    assert local["verb"] == "d'après" and not local["named"] and local["speaker"] == "un responsable local"
    assert local["gender"] == "unknown"  # anonymous sources stay unknown


def test_noun_phrase_content_and_gerund_take_the_subject(rows):
    denial = row_with(rows, "toute responsabilité")
    assert denial["verb"] == "nier" and denial["stance"] == "denial" and denial["speaker"].endswith("Poste")
    gerund = row_with(rows, "le geste était privé")
    assert gerund["verb"] == "affirmer" and gerund["speaker"].endswith("Poste")  # the controlling subject
    assert gerund["gender"] == "unknown"  # an institution has no gender


def test_gender_from_the_text_with_its_cue(rows):
    magnen = row_with(rows, "Nous réagissons")
    assert magnen["gender"] == "m" and magnen["gender_cue_type"] in ("pronoun", "first_name")
    assert TEXT[magnen["gender_cue_start"] : magnen["gender_cue_end"]] == magnen["gender_cue"]
    martin = row_with(rows, "cinquante personnes")
    assert martin["gender"] == "f" and martin["gender_cue"] == "Mme" and martin["gender_cue_type"] == "title"


def test_a_speaker_is_never_a_verb_fragment():
    text = (
        "Titre\n\nLa porte-parole Myriam Martinet a elle relevé que les chiffres étaient faux. "
        "Le gouvernement malien, impuissant, a de son côté dénoncé « la furie destructrice des milices ».\n"
    )
    q = Q.quotes(text)
    r = q[q["text"].str.contains("chiffres")].iloc[0]
    assert r["speaker"] == "Myriam Martinet" and r["gender"] == "f"
    g = q[q["text"].str.contains("furie")].iloc[0]
    assert g["speaker_text"].lower().startswith("le gouvernement") and "côté" not in g["speaker_text"]
    for s in q["speaker_text"]:
        assert not s.startswith(("a ", "-t-", "avant"))


def test_no_attribution_gives_typed_empty_tables():
    q = Q.quotes("Titre\n\nLe ciel est bleu. Il pleut sur la ville depuis ce matin.\n")
    assert q.empty and list(q.columns) == list(Q.COLUMNS)
    assert q["start"].dtype == "int64" and q["named"].dtype == bool
    src = Q.sources(q)
    assert src.empty and list(src.columns) == list(Q.SOURCE_COLUMNS) and src["claims"].dtype == "int64"


# Speaker rules on a text built for each (GUIDE 4.1-4.2, A4, A6-A8): appositions and role nouns,
# relative clauses, agreement, institutional names and acronyms, a speaker taking the floor.

RULES_TEXT = (
    "Titre de test\n\n"
    "Le premier ministre s'est entretenu avec Paul Lenoir, le ministre de l'Industrie, qui a déclaré que le plan "
    "était refusé. Plus tard, le ministre a ajouté que l'usine resterait ouverte.\n\n"
    "Face au silence du président de la Régie, Marc Dubois, les fédérations des syndicats ont annoncé une grève "
    "générale.\n\n"
    "L'ONG Amnesty Nord a publié un rapport dans lequel elle affirme que la torture est systématique. "
    "L'ONG dénonce aussi les humiliations des détenus.\n\n"
    "Le rapport final du BEA, le Bureau d'enquêtes et d'analyses, conclut que l'avion a décroché.\n\n"
    "À la reprise, les élus ont fait part de leur colère par la voix de Jean Morel, président du groupe. "
    "Il a pris la parole. « Nous ne pouvons pas accepter un tel mépris. »\n\n"
    "Sur Twitter, Pierre Gaston (UMP) a dénoncé un « incident grave ». Luc Bernard (UMP) a écrit : « Quel couac ! »\n"
)


@functools.cache
def _quotes_of(text: str):
    return Q.quotes(analysis.Article.from_text(text))


@pytest.fixture(scope="module")
def rule_rows():
    return _quotes_of(RULES_TEXT)


def test_relative_after_a_preposition_and_the_role_noun_set_beside_a_name(rule_rows):
    first = row_with(rule_rows, "le plan était refusé")
    assert first["speaker"] == "Paul Lenoir" and first["resolution"] == "name"
    later = row_with(rule_rows, "resterait ouverte")  # "le ministre" repeats the noun apposed to Paul Lenoir
    assert later["speaker_text"] == "le ministre" and later["resolution"] == "role"
    assert later["speaker"] == "Paul Lenoir" and later["named"]


def test_a_plural_verb_does_not_take_one_person_apposed_before(rule_rows):
    r = row_with(rule_rows, "grève générale")
    assert r["speaker"] == "les fédérations des syndicats" and not r["named"]


def test_organisation_named_after_its_class_noun_and_its_pronoun(rule_rows):
    elle = row_with(rule_rows, "la torture est systématique")  # "dans lequel" bounds the subject: "elle"
    assert elle["speaker_text"] == "elle" and elle["speaker"] == "Amnesty Nord"
    assert elle["source_type"] == "organisation" and elle["gender"] == "unknown"
    ong = row_with(rule_rows, "humiliations")
    assert ong["speaker_text"] == "L'ONG" and ong["speaker"] == "Amnesty Nord"


def test_institution_name_completed_by_its_acronym(rule_rows):
    assert row_with(rule_rows, "l'avion a décroché")["speaker"] in ("Bureau d'enquêtes et d'analyses", "BEA")
    text = "le Bureau d'enquêtes et d'analyses de la DGAC conclut"
    end = text.index("enquêtes") + len("enquêtes")
    acros = frozenset({"BEA"})
    assert text[text.index("Bureau") : org_name_end(text, end, len(text), acros)] == "Bureau d'enquêtes et d'analyses"
    assert org_name_end(text, end, len(text), frozenset()) == end  # no acronym: nothing added
    mali = "l'Association des leaders religieux du Mali, qui"
    end = mali.index("religieux") + len("religieux")
    assert mali[org_name_end(mali, end, len(mali), acros) - 4 :].startswith("Mali")


def test_a_cue_less_quote_takes_the_person_taking_the_floor(rule_rows):
    r = row_with(rule_rows, "un tel mépris")
    assert r["resolution"] == "previous" and r["speaker"] == "Jean Morel" and r["gender"] == "m"


def test_a_party_in_parentheses_is_no_alias_of_the_person(rule_rows):
    gaston, bernard = row_with(rule_rows, "incident grave"), row_with(rule_rows, "Quel couac")
    assert (gaston["speaker"], gaston["source_type"]) == ("Pierre Gaston", "person")
    assert (bernard["speaker"], bernard["source_type"]) == ("Luc Bernard", "person")


NO_CONTENT = (
    "Titre de test\n\n"
    "Rappelons que cet accident avait fait 228 morts en 2009. Il est bon de rappeler que la loi interdit la "
    "torture. Le porte-parole a tenu à rappeler que la grève était légale.\n\n"
    "Le parti faisait part dimanche de son étonnement après ces déclarations. Le maire a critiqué la suggestion "
    "du préfet de fermer la gare. Le maire a critiqué « une suggestion absurde ».\n"
)


@pytest.fixture(scope="module")
def no_content_rows():
    return _quotes_of(NO_CONTENT)


def test_the_article_own_voice_is_no_attribution(no_content_rows):
    texts = " | ".join(no_content_rows["text"])
    assert "228 morts" not in texts and "la loi interdit" not in texts
    assert row_with(no_content_rows, "la grève était légale")["verb"] == "rappeler"  # a person's act stays


def test_a_feeling_or_an_evaluation_of_an_act_is_no_attribution(no_content_rows):
    texts = " | ".join(no_content_rows["text"])
    assert "étonnement" not in texts and "la suggestion du préfet" not in texts
    assert row_with(no_content_rows, "une suggestion absurde")["verb"] == "critiquer"  # quoted words are attributed


MEDIA = (
    "Titre de test\n\n"
    "Dans une interview à Radio Sawa, le chef du parti a déclaré que les élections auraient lieu en mai. "
    "Le maire a déclaré à Paris que la ville fermerait ses écoles.\n"
)


def test_the_medium_anywhere_in_the_clause_and_never_a_place(rule_rows):
    media = _quotes_of(MEDIA)
    interview = row_with(media, "les élections auraient lieu")
    assert interview["medium"] == "Dans une interview à Radio Sawa"
    assert MEDIA[interview["medium_start"] : interview["medium_end"]] == interview["medium"]
    assert "Radio" not in interview["speaker"]
    assert row_with(media, "fermerait ses écoles")["medium"] == ""
    assert row_with(rule_rows, "incident grave")["medium"] == "Sur Twitter"


def test_a_pronoun_agrees_in_gender_with_its_antecedent():
    text = (
        "Titre de test\n\n"
        "Mme Claire Martin a visité l'usine avec M. Paul Durand. « Nous allons embaucher cinquante personnes "
        "dès le mois prochain », a-t-elle déclaré.\n"
    )
    r = row_with(_quotes_of(text), "cinquante personnes")
    assert r["speaker_text"] == "elle" and r["speaker"] == "Claire Martin"


GRAMMAR = (
    "Titre de test\n\n"
    "Avocat du maire, Gilles Simeon a appris la nouvelle alors qu'il devait déjeuner avec Antoine Sollac. "
    "Très ému, il confie que « nous aurions dû plaider ensemble cet après-midi ».\n\n"
    "Le président grec Antonis Samaras a rencontré les créanciers. Le président du syndicat des pilotes "
    "a déclaré que la Grèce devait poursuivre ses réformes.\n\n"
    "Surpris par la politique du président Jean Bauzat, il déclara que la loi était injuste.\n"
)


def test_the_subject_by_grammatical_role_and_discourse_new_descriptions():
    rows = _quotes_of(GRAMMAR)
    # the pronoun takes the subject of the sentence before, not the preposition's object (Hobbs, centering)
    ému = row_with(rows, "plaider ensemble")
    assert (ému["speaker_text"], ému["speaker"]) == ("il", "Gilles Simeon")
    # a role noun with its own complement is not the president apposed earlier (Vieira & Poesio 2000)
    commission = row_with(rows, "poursuivre ses réformes")
    assert commission["resolution"] == "role" and commission["speaker"] != "Antonis Samaras"
    assert not commission["named"]
    # a clitic subject next to its verb is the subject, not the name in the detached phrase before it
    surpris = row_with(rows, "la loi était injuste")
    assert surpris["speaker_text"] == "il" and surpris["resolution"] == "pronoun"
    assert surpris["speaker"] != "Jean Bauzat"


def test_a_phrase_open_at_its_end_is_no_speaker_and_eux_is_a_pronoun():
    text = (
        "Titre de test\n\n"
        "Les Talibans ont visé cet hôtel car selon eux, il abritait des fêtes.\n\n"
        "David Martin, le rapporteur du texte, a reconnu l'importance de cette lutte mais a appelé au rejet.\n\n"
        "Cette zone était donc insuffisante pour assurer la sécurité des habitants.\n\n"
        "C'est en 2006 qu'un miracle lui est attribué, la rendant admissible à être reconnue sainte.\n"
    )
    rows = _quotes_of(text)
    eux = row_with(rows, "il abritait des fêtes")
    assert (eux["speaker_text"], eux["resolution"]) == ("eux", "pronoun")
    assert all(not str(s).endswith((" mais", " pour", " à")) for s in rows["speaker_text"])
    assert not {"C'", "c'", "Cela"} & set(rows["speaker_text"])  # the neuter "ce" designates no one


def test_a_party_label_after_a_noun_is_its_epithet_not_a_person():
    text = (
        "Titre de test\n\n"
        "Le Premier ministre Jean-Marc Ayrault a parlé devant l'Assemblée. "
        "La majorité socialiste a déclaré que la jeunesse serait sa priorité.\n"
    )
    r = row_with(_quotes_of(text), "la jeunesse")
    assert r["speaker"] != "Jean-Marc Ayrault" and r["resolution"] == "role"
