"""Detection rules of the round "detect2" (issue 15), each on an invented sentence.

The sentences are made up for the tests, never taken from the gold or from the corpus texts.
"""

from __future__ import annotations

from .quote_rows import quotes_of


def test_vu_que_opens_an_adverbial_clause_not_a_reported_one():
    # Riegel et al. ch. XVIII: vu que is a causal conjunctive locution
    found = quotes_of(
        "Le barrage ne suffisait pas à assurer la protection des riverains, vu que la crue a dépassé la digue."
    )
    assert found.empty


def test_a_passive_with_an_adverb_inside_reports_nothing():
    # Riegel et al. ch. XIV: a personal passive has no content of its own
    found = quotes_of(
        "Aucune fermeture n'a été officiellement annoncée, mais les élèves restent chez eux depuis lundi."
    )
    assert not (found["verb"] == "annoncer").any()


def test_a_time_adjunct_after_the_verb_is_not_the_message():
    # Riegel et al. ch. VI: a circumstantial complement is outside the verb's frame (GUIDE 3.2)
    found = quotes_of("Le maire de Lorient a annoncé ce matin, vers dix heures, sa démission du conseil régional.")
    row = found[found["verb"] == "annoncer"].iloc[0]
    assert row["text"] == "sa démission du conseil régional"


def test_a_time_adjunct_without_commas_is_skipped_too():
    found = quotes_of("La directrice de l'usine a annoncé mardi soir la fermeture du site de Brest.")
    row = found[found["verb"] == "annoncer"].iloc[0]
    assert row["text"] == "la fermeture du site de Brest"


def test_a_bare_participle_naming_a_noun_before_a_quotation_is_no_cue():
    # GUIDE 2 (autonymy: baptisée « Europe »); TLFi dit, dite: qu'on appelle
    found = quotes_of(
        "Les élus de la région examinent depuis des mois la réforme dite « Grand plan pour la ville nouvelle »."
    )
    assert not (found["verb"] == "dire").any()


def test_a_present_tense_after_its_subject_still_introduces_a_quotation():
    found = quotes_of("Le ministre dit « nous ne reculerons pas devant les grévistes » devant la presse.")
    assert (found["verb"] == "dire").any()


def test_a_bare_participle_in_the_subjects_apposition_makes_no_incise():
    # Riegel et al. ch. XI (participe apposé); Grevisse § 378: an incise follows a clause
    found = quotes_of(
        "Le syndicat des cheminots, très remonté, demande le retrait immédiat de la réforme des retraites."
    )
    row = found[found["verb"] == "demander"].iloc[0]
    assert row["text"] == "le retrait immédiat de la réforme des retraites"
    assert "syndicat" in row["speaker_text"]


def test_a_coordinated_predicate_of_the_main_subject_ends_the_content():
    # Grevisse § 1081: ", mais a réitéré" coordinates a second predicate to the main subject
    found = quotes_of(
        "La ministre a reconnu que le chantier prendrait deux ans de retard, mais a aussitôt promis "
        "une aide aux riverains du port."
    )
    row = found[found["verb"] == "reconnaître"].iloc[0]
    assert row["text"] == "le chantier prendrait deux ans de retard"
