"""Who speaks for whom (issue #15): the actor is the speaker's own state or organisation, a
letter speaks for its signatory's state throughout, a news quote belongs to the person it
names, actors named only in the text (parties, institutes) become actors, speaker turns end
where a new speaker is introduced; every statement says how sure it is and why."""
from __future__ import annotations

import json

import pytest

from analysis.actors import Gazetteer
from analysis.analyses.statements import statements
from analysis.lexicons import principles
from analysis.model.findings import CONFIDENCE
from analysis_helpers import make_doc
from conftest import FIXTURES

CASES = json.loads((FIXTURES / "statements" / "speakers.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def _found(case, gaz):
    doc = make_doc(case["passages"], genre=case["genre"], title=case.get("title", "Test document"))
    return doc, statements(doc, gaz, principles())


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_speaker_and_actor(case, gaz):
    doc, found = _found(case, gaz)
    got = [(s.speaker, s.actor, s.basis, s.text) for s in found]
    for exp in case["expect"]:
        hits = [s for s in found if exp["cue"] in s.text]
        assert hits, f"no statement holds {exp['cue']!r}; got {got}"
        st = hits[0]
        for key in ("speaker", "actor", "confidence"):
            if key in exp:
                assert getattr(st, key) == exp[key], (exp["cue"], key, got)
        if "basis" in exp:
            assert exp["basis"] in st.basis, (exp["cue"], got)
    for cue in case.get("absent", []):
        assert not [s for s in found if cue in s.text], (cue, got)
    for cue in case.get("absent_high", []):  # may be found, but not as a sure finding
        assert not [s for s in found if cue in s.text and s.confidence == "high"], (cue, got)
    for cue, actor in case.get("wrong", []):
        assert not [s for s in found if cue in s.text and actor in (s.actor or "", s.speaker or "")], (cue, got)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_statement_says_how_sure_and_why(case, gaz):
    doc, found = _found(case, gaz)
    for st in found:
        assert st.confidence in CONFIDENCE
        assert st.basis, st
        block = next(b for b in doc.blocks if b.anchor == st.anchor)
        assert block.text[st.span.start:st.span.end] == st.text


def test_quotations_are_balanced_never_doubled(gaz):
    """A statement's text is the source's exact words; set in quotation marks in the brief
    (model.brief.Span) its marks are balanced and never doubled."""
    from analysis.model.brief import Span
    for case in CASES:
        _, found = _found(case, gaz)
        for st in found:
            shown = Span(st.text, "quote").text
            assert not any(m in shown for m in ("\u201c", "\u201d", '"')), shown


def test_a_description_that_names_no_one_is_not_sure_of_the_actor_found_beside_it():
    """'analysts and opposition leaders' given the state named elsewhere in the phrase: medium; a
    description that names the side itself ('a senior Ruritanian diplomat') stays high."""
    from analysis.analyses.attribution import Speaker
    from analysis.analyses.confidence import grade

    loose = Speaker(name="analysts and opposition leaders", actor="Ruritania", person=False, via="gazetteer-actor")
    assert grade("quote+actor-speaker", loose)[0] == "medium"
    named = Speaker(name="a senior Ruritanian diplomat", actor="Ruritania", person=False, via="gazetteer-actor")
    assert grade("quote+actor-speaker", named)[0] == "high"
    state = Speaker(name=None, actor="Ruritania", person=False, via="gazetteer-actor")
    assert grade("speech-verb-subject", state)[0] == "high"


def test_sides_named_together_before_one_office_speak_together():
    """'Ruritanian and Syldavian foreign ministers': both states, said once (medium, as a joint
    letter's list); one nationality before the office stays that state's, sure."""
    from analysis.actors import Gazetteer
    from analysis.analyses.attribution import People, resolve_phrase

    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Syldavia", ("Syldavian",), "state")])
    both = resolve_phrase("Ruritanian and Syldavian foreign ministers", gaz, People())
    assert (both.name, both.actor, both.via) == ("Ruritanian and Syldavian foreign ministers",
                                                 "Ruritania and Syldavia", "coordinated-sides")
    one = resolve_phrase("Ruritanian foreign ministers", gaz, People())
    assert one.actor == "Ruritania" and one.via != "coordinated-sides"
    apart = resolve_phrase("the Ruritanian minister and her Syldavian counterpart", gaz, People())
    assert apart is None or apart.via != "coordinated-sides"


def test_states_named_in_a_place_phrase_are_not_sides_speaking_together():
    from analysis.actors import Gazetteer
    from analysis.analyses.attribution import People, resolve_phrase

    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Syldavia", ("Syldavian",), "state")])
    for phrase in ("The Joint Office in Ruritania and Syldavia", "Ruritania and Syldavia"):
        sp = resolve_phrase(phrase, gaz, People())
        assert sp is None or sp.via != "coordinated-sides", phrase


def test_a_quoted_title_of_a_work_is_nobodys_words():
    """'as noted in our recent policy analysis "Ruritania-Syldavia talks: a way out?"' quotes a title:
    no statement of Ruritania's; 'the minister said "the talks are over"' still is one."""
    from analysis.actors import Gazetteer
    from analysis.analyses.statements import statements
    from analysis.lexicons import principles
    from analysis_helpers import make_doc

    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Syldavia", ("Syldavian",), "state")])
    doc = make_doc([{"text": "The expected resistance, noted in our recent policy analysis \u201cRuritania-Syldavia "
                             "talks: a way out or a dead end?\u201d, complicates the agreement."},
                    {"text": "The Ruritanian foreign minister said \u201cthe talks with Syldavia are over for now\u201d."}],
                   genre="markdown")
    found = statements(doc, gaz, principles())
    assert not any("way out" in s.text for s in found)
    assert any("talks with Syldavia are over" in s.text and s.actor == "Ruritania" for s in found)


def test_a_speech_verb_as_a_participle_after_a_comma_is_no_ones_speech():
    """'the resistance in northern Ruritania, noted also in our analysis, complicates ...': nobody
    speaks; 'the minister of Ruritania, noted the deadline' style appositions are not that form."""
    from analysis.actors import Gazetteer
    from analysis.analyses.statements import statements
    from analysis.lexicons import principles
    from analysis_helpers import make_doc

    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state")])
    doc = make_doc([{"text": "As far as the north of Ruritania is concerned, the expected resistance to the "
                             "agreement, noted also in our earlier analysis, complicates its implementation."},
                    {"text": "As far as the north of Ruritania is concerned, the expected resistance towards the "
                             "Capital-North Normalisation Agreement, noted also in our earlier analysis, complicates "
                             "its implementation."},
                    {"text": "The Ruritanian foreign minister noted that the agreement would hold."}],
                   genre="markdown")
    found = statements(doc, gaz, principles())
    assert not any("expected resistance" in s.text for s in found)
    assert any("would hold" in s.text and s.actor == "Ruritania" for s in found)


def test_a_name_in_apposition_before_a_speech_verb_still_speaks():
    from analysis.actors import Gazetteer
    from analysis.analyses.statements import statements
    from analysis.lexicons import principles
    from analysis_helpers import make_doc

    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state")])
    for name in ("Jana Novak", "\u0160\u00e1rka \u017dukov\u00e1"):
        doc = make_doc([{"text": f"The Defence Minister of Ruritania, {name}, stated in a 2031 meeting that "
                                 "Ruritania would build a new hospital."}], genre="markdown")
        assert any(s.actor == "Ruritania" for s in statements(doc, gaz, principles())), name
