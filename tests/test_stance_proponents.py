"""The act's proponent: a headline that opens with a body and says what it did ("The Zenda Mission
extends its mandate") names the act's author, whose statements back the act; a title that is only
a body's name (a report on a mission) says what the document is about, not who took the act."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses import stance
from analysis.analyses.statements import statements
from analysis.config import Question
from analysis.lexicons import principles
from analysis_helpers import make_doc

MISSION = Question("mission", "Peace operations and their mandates", ("peacekeeping", "mission", "mandate"))
BODY = "Zenda Support Mission in Borduria"


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Borduria", ("Bordurian",), "state"),
                              (BODY, ("ZSMB",), "organisation")])


def judged(title: str, texts: list[str], gaz):
    doc = make_doc([{"text": t} for t in texts], genre="pdf", title=title)
    raw = statements(doc, gaz, principles())
    tops = stance.topics([MISSION])
    stmts, _, props, _ = stance.assign(raw, doc, tops, {}, gaz, principles())
    return stmts, props


@pytest.mark.parametrize("title", [BODY, f"The {BODY}", f"{BODY} (ZSMB)"])
def test_a_title_that_only_names_a_body_names_no_proponent(title, gaz):
    doc = make_doc([{"text": "The mission continued its work."}], genre="pdf", title=title)
    assert stance.title_proponent(doc, gaz) == {}


def test_a_missions_call_on_another_matter_in_a_report_on_it_takes_no_stance_on_peace_operations(gaz):
    stmts, props = judged(BODY, [
        "The mission, its mandate and its peacekeeping work are described in this report.",
        "ZSMB called for a full investigation into the mass graves and the release of those detained.",
        "ZSMB has repeatedly stressed to the authorities that this practice undermines the rights of defendants.",
    ], gaz)
    assert BODY not in props
    assert [s.stance for s in stmts if s.actor == BODY] == [None, None]


@pytest.mark.parametrize("title", [f"{BODY} extends its mandate", f"{BODY} Calls for Restraint, in Statement",
                                   f"{BODY}: Council Renews Mandate"])
def test_a_headline_in_title_case_names_its_author(title, gaz):
    doc = make_doc([{"text": "The mission continued its work."}], genre="pdf", title=title)
    assert BODY in stance.title_proponent(doc, gaz)


def test_a_headline_whose_verb_follows_an_aside_names_its_author(gaz):
    doc = make_doc([{"text": "The mission continued its work."}], genre="pdf",
                   title=f"{BODY}, in Statement to Council, Calls on Borduria to Withdraw")
    assert BODY in stance.title_proponent(doc, gaz)
