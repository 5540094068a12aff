"""The direction of a weekday, a day or a month without a year, by the clause's tense (DIRECTION.md).

Sentences written for this test from the rule (R0–R7) and the tense table of the French TimeML guide
(§2.1.7, §3.1.6, §3.1.9), on a Monday and a Sunday reference date (the sentence suite mostly uses a
Wednesday). Each row names the rule it checks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from analysis import timeline as T

MONDAY, SUNDAY = "2003-05-12", "2003-05-18"

CASES = [
    # (reference date, sentence, expression, value, rule)
    (MONDAY, "Le ministre est arrivé jeudi à Paris.", "jeudi", "2003-05-08", "R1 passé composé with être"),
    (MONDAY, "Le ministre arrivera jeudi à Paris.", "jeudi", "2003-05-15", "R2 futur simple"),
    (
        MONDAY,
        "Le texte, adopté vendredi, entre en vigueur.",
        "vendredi",
        "2003-05-09",
        "R1 past participle in apposition",
    ),
    (MONDAY, "Le conseil vient d'adopter mardi le budget.", "mardi", "2003-05-06", "R1 venir de + infinitive"),
    (MONDAY, "Les élus se sont réunis samedi.", "samedi", "2003-05-10", "R1 pronominal passé composé"),
    (MONDAY, "La réunion aura lieu mercredi.", "mercredi", "2003-05-14", "R2 futur of avoir lieu"),
    (MONDAY, "La réunion a lieu mercredi.", "mercredi", "2003-05-14", "R3 present: 'a lieu' is no past"),
    (MONDAY, "Ce lundi, le maire a inauguré la salle.", "Ce lundi", "2003-05-12", "R0 ce + weekday"),
    (MONDAY, "Il doit se rendre en mars à Bruxelles.", "mars", "2004-03", "R2 devoir + infinitive"),
    (MONDAY, "Il s'est rendu en juillet à Bruxelles.", "juillet", "2002-07", "R1 pronominal, month"),
    (SUNDAY, "Il est parti mardi.", "mardi", "2003-05-13", "R1 être-verb"),
    (SUNDAY, "Il partira mardi.", "mardi", "2003-05-20", "R2 futur simple"),
    (SUNDAY, "Jeudi 15, il est tombé dans l'escalier.", "Jeudi 15", "2003-05-15", "R7 weekday + day, past"),
    (SUNDAY, "Mercredi 21, le conseil se réunira.", "Mercredi 21", "2003-05-21", "R7 weekday + day, future"),
    (SUNDAY, "Les élus ont voté le 20 juin.", "le 20 juin", "2002-06-20", "R1 passé composé, day + month"),
]


def test_the_reference_dates_are_a_monday_and_a_sunday():
    assert dt.date.fromisoformat(MONDAY).isoweekday() == 1 and dt.date.fromisoformat(SUNDAY).isoweekday() == 7


@pytest.mark.parametrize("ref, sentence, text, value, rule", CASES, ids=[c[4] + ": " + c[1] for c in CASES])
def test_direction(ref, sentence, text, value, rule):
    found = T.timexes(sentence, ref, sentences=False)
    assert [(t, v) for t, v in zip(found["text"], found["value"]) if t == text] == [(text, value)], found[
        ["text", "value", "tense"]
    ].to_dict("records")
