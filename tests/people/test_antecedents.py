"""Role nouns resolved to the name the article set beside them (analysis.people.antecedents)."""

import pandas as pd

from analysis.people.antecedents import apposed_names, nearest_apposed
from analysis.people.entities import MentionIndex


def _index(text: str, names: list[tuple[str, str]]) -> MentionIndex:
    rows = []
    for name, label in names:
        s = text.index(name)
        rows.append({"start": s, "end": s + len(name), "label": label, "text": name, "canonical": name})
    return MentionIndex(pd.DataFrame(rows, columns=["start", "end", "label", "text", "canonical"]))


def test_noun_before_and_after_the_name() -> None:
    text = (
        "Le président du directoire de PSA, Philippe Varin, a parlé. "
        "Il a vu Arnaud Montebourg, le ministre du redressement productif, hier."
    )
    found = {
        (a.noun, a.name)
        for a in apposed_names(text, _index(text, [("Philippe Varin", "PER"), ("Arnaud Montebourg", "PER")]))
    }
    assert found == {("président", "Philippe Varin"), ("ministre", "Arnaud Montebourg")}


def test_a_clause_is_no_apposition() -> None:
    # "le ministre a reçu X": a finite verb between noun and name; "Obama, le républicain poursuit":
    # the next clause's subject, not an apposition
    text = "Le ministre a reçu Jean Dupont. Le bilan du président Obama, le républicain poursuit."
    found = apposed_names(text, _index(text, [("Jean Dupont", "PER"), ("Obama", "PER")]))
    assert [(a.noun, a.name) for a in found] == [("président", "Obama")]


def test_organisation_name_the_model_missed() -> None:
    text = "L'ONG Human Rights Watch publie un rapport. L'ONG dénonce la torture."
    found = apposed_names(text, _index(text, []))
    assert [(a.noun, a.name, a.label) for a in found] == [("ong", "Human Rights Watch", "ORG")]
    pos = text.index("L'ONG dénonce")
    hit = nearest_apposed(found, "ong", pos)
    assert hit is not None and hit.name == "Human Rights Watch"
    assert nearest_apposed(found, "ministre", pos) is None


def test_organisation_name_after_a_contracted_article_and_an_outlet_noun() -> None:
    # "la moyenne du site X": du = de + le, so X is set beside its class noun as after "le site"
    text = "La moyenne du site ElectoScope donne quatre points d'avance au maire."
    found = apposed_names(text, _index(text, []))
    assert [(a.noun, a.name, a.label) for a in found] == [("site", "ElectoScope", "ORG")]
