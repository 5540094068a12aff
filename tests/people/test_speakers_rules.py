"""Speaker rules on short texts built for each (GUIDE 4.1–4.2, A4, A6–A8): appositions and role nouns,
relative clauses, agreement, institutional names and acronyms, a speaker taking the floor."""

from __future__ import annotations

import pytest

import analysis
from analysis.people import quotes as Q
from analysis.people.speakers import org_name_end

TEXT = (
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


@pytest.fixture(scope="module")
def rows():
    return Q.quotes(analysis.Article.from_text(TEXT))


def _row(rows, fragment):
    hit = rows[rows["text"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, (fragment, rows[["text", "speaker"]].to_string())
    return hit.iloc[0]


def test_relative_after_a_preposition_and_the_role_noun_set_beside_a_name(rows):
    first = _row(rows, "le plan était refusé")
    assert first["speaker"] == "Paul Lenoir" and first["resolution"] == "name"
    later = _row(rows, "resterait ouverte")  # "le ministre" repeats the noun apposed to Paul Lenoir
    assert later["speaker_text"] == "le ministre" and later["resolution"] == "role"
    assert later["speaker"] == "Paul Lenoir" and later["named"]


def test_a_plural_verb_does_not_take_one_person_apposed_before(rows):
    r = _row(rows, "grève générale")
    assert r["speaker"] == "les fédérations des syndicats" and not r["named"]


def test_organisation_named_after_its_class_noun_and_its_pronoun(rows):
    elle = _row(rows, "la torture est systématique")  # "dans lequel" bounds the subject: "elle"
    assert elle["speaker_text"] == "elle" and elle["speaker"] == "Amnesty Nord"
    assert elle["source_type"] == "organisation" and elle["gender"] == "unknown"
    ong = _row(rows, "humiliations")
    assert ong["speaker_text"] == "L'ONG" and ong["speaker"] == "Amnesty Nord"


def test_institution_name_completed_by_its_acronym(rows):
    assert _row(rows, "l'avion a décroché")["speaker"] in ("Bureau d'enquêtes et d'analyses", "BEA")
    text = "le Bureau d'enquêtes et d'analyses de la DGAC conclut"
    end = text.index("enquêtes") + len("enquêtes")
    acros = frozenset({"BEA"})
    assert text[text.index("Bureau") : org_name_end(text, end, len(text), acros)] == "Bureau d'enquêtes et d'analyses"
    assert org_name_end(text, end, len(text), frozenset()) == end  # no acronym: nothing added
    mali = "l'Association des leaders religieux du Mali, qui"
    end = mali.index("religieux") + len("religieux")
    assert mali[org_name_end(mali, end, len(mali), acros) - 4 :].startswith("Mali")


def test_a_cue_less_quote_takes_the_person_taking_the_floor(rows):
    r = _row(rows, "un tel mépris")
    assert r["resolution"] == "previous" and r["speaker"] == "Jean Morel" and r["gender"] == "m"


def test_a_party_in_parentheses_is_no_alias_of_the_person(rows):
    gaston, bernard = _row(rows, "incident grave"), _row(rows, "Quel couac")
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
    return Q.quotes(analysis.Article.from_text(NO_CONTENT))


def test_the_article_own_voice_is_no_attribution(no_content_rows):
    texts = " | ".join(no_content_rows["text"])
    assert "228 morts" not in texts and "la loi interdit" not in texts
    assert _row(no_content_rows, "la grève était légale")["verb"] == "rappeler"  # a person's act stays


def test_a_feeling_or_an_evaluation_of_an_act_is_no_attribution(no_content_rows):
    texts = " | ".join(no_content_rows["text"])
    assert "étonnement" not in texts and "la suggestion du préfet" not in texts
    assert _row(no_content_rows, "une suggestion absurde")["verb"] == "critiquer"  # quoted words are attributed


MEDIA = (
    "Titre de test\n\n"
    "Dans une interview à Radio Sawa, le chef du parti a déclaré que les élections auraient lieu en mai. "
    "Le maire a déclaré à Paris que la ville fermerait ses écoles.\n"
)


def test_the_medium_anywhere_in_the_clause_and_never_a_place(rows):
    media = Q.quotes(analysis.Article.from_text(MEDIA))
    interview = _row(media, "les élections auraient lieu")
    assert interview["medium"] == "Dans une interview à Radio Sawa"
    assert MEDIA[interview["medium_start"] : interview["medium_end"]] == interview["medium"]
    assert "Radio" not in interview["speaker"]
    assert _row(media, "fermerait ses écoles")["medium"] == ""
    assert _row(rows, "incident grave")["medium"] == "Sur Twitter"


def test_a_pronoun_agrees_in_gender_with_its_antecedent():
    text = (
        "Titre de test\n\n"
        "Mme Claire Martin a visité l'usine avec M. Paul Durand. « Nous allons embaucher cinquante personnes "
        "dès le mois prochain », a-t-elle déclaré.\n"
    )
    r = _row(Q.quotes(analysis.Article.from_text(text)), "cinquante personnes")
    assert r["speaker_text"] == "elle" and r["speaker"] == "Claire Martin"
