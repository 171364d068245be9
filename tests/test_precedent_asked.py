"""A denial answering a question: the case the speaker was asked about is the subject, not the
document's main case. Invented bodies and people."""
from __future__ import annotations

from analysis.actors import Gazetteer
from analysis.analyses.precedents import precedents
from analysis.analyses.statements import statements
from analysis.lexicons import principles
from analysis_helpers import make_doc


def claims(texts):
    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state")])
    doc = make_doc([{"text": t} for t in texts], title="Ruritanian budget talks")
    return precedents(doc, statements(doc, gaz, principles()), gaz)


def test_the_case_asked_about_is_the_subject_of_the_denial():
    found = claims(["The Ruritanian budget talks stalled again on Monday.",
                    "Asked whether the Assembly was heading the way of the Old Concord, the Controller, Mira Dovan, "
                    "rejected the comparison with the Old Concord, saying the Assembly was not collapsing."])
    denial = [c for c in found if c.relation == "denial"]
    assert denial and "Assembly" in denial[0].subject and "Old Concord" in denial[0].precedent


def test_a_question_about_an_unnamed_situation_keeps_the_documents_case():
    found = claims(["The Ruritanian budget talks stalled again on Monday.",
                    "Asked whether the situation resembled the Old Concord, the Controller, Mira Dovan, "
                    "rejected the comparison with the Old Concord."])
    denial = [c for c in found if c.relation == "denial"]
    assert not denial or "Assembly" not in denial[0].subject
