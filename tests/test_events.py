"""Events: a dated sentence is an event only when it reports a happening on that date (fixture
cases in tests/fixtures/events/*.txt, one document each), with a confidence and a basis."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.analyses.timeline import events
from analysis.model.document import Block, Document, Footnote
from analysis.model.findings import CONFIDENCE

from analysis_helpers import load_fixture_cases

FIXTURES = Path(__file__).parent / "fixtures" / "events"
CASES = [(p.name, line, text, args, exp) for p in sorted(FIXTURES.glob("*.txt"))
         for text, args, exp, line in load_fixture_cases(p)]


def _document(text: str, args: dict) -> Document:
    """One passage per `--`-separated part, in a body paragraph or (footnote=1) a prose footnote."""
    parts = [p.strip() for p in text.split(" -- ")]
    blocks, notes = [], []
    for i, part in enumerate(parts, 1):
        if args.get("footnote"):
            notes.append(Footnote(anchor=f"fx-n{i}", label=str(i), text=part, kind="note"))
        else:
            blocks.append(Block(anchor=f"fx-p{i}", kind="paragraph", text=part))
    title = args.get("title", "").replace("_", " ") or None
    return Document(id="fx", path="fx.txt", genre="plaintext", date=args.get("reference"), title=title,
                    symbol="PR/1234" if title else None, blocks=tuple(blocks), footnotes=tuple(notes))


def test_fixture_files_have_positives_and_negatives():
    names = {c[0] for c in CASES}
    assert names >= {"positives.txt", "citations.txt", "mentions.txt", "resolution.txt"}
    assert sum(1 for c in CASES if not c[4]) >= 20 and sum(1 for c in CASES if c[4]) >= 15


@pytest.mark.parametrize("name,line,text,args,expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_fixture(name, line, text, args, expected):
    found = events(_document(text, args))
    shown = [(e.date, e.confidence, e.basis, e.text[:60]) for e in found]
    assert len(found) == len(expected), f"{name}:{line}: expected {len(expected)} events, got {shown}"
    for e, want in zip(found, expected):
        for key, value in want.items():
            if key == "text_has":
                assert value.lower() in e.text.lower(), f"{name}:{line}: {value!r} not in {e.text!r}"
            elif key == "text_starts":
                assert e.text.lower().startswith(value.lower()), f"{name}:{line}: {e.text!r} does not start {value!r}"
            elif key == "basis_has":
                assert value in e.basis, f"{name}:{line}: {value!r} not in basis {e.basis}"
            else:
                assert getattr(e, key) == value, f"{name}:{line}: {key} = {getattr(e, key)!r}, want {value!r} in {shown}"


def test_every_event_says_how_sure_and_why():
    for name, line, text, args, _ in CASES:
        for e in events(_document(text, args)):
            assert e.confidence in CONFIDENCE and e.basis, f"{name}:{line}: {e}"
            assert e.confidence != "high" or "stated-date" in e.basis


def test_a_letter_heading_is_the_letter_sent_on_its_date_and_other_headings_are_not_events():
    doc = Document(id="lh", path="lh.pdf", genre="pdf", date="2031-08-13", blocks=(
        Block(anchor="lh-p1", kind="heading", text="Letter dated 12 August 2031 from the Permanent Representative "
                                                    "of Ruritania addressed to the President of the Council"),
        Block(anchor="lh-p2", kind="paragraph", text="I have the honour to transmit the annexed statement."),
        Block(anchor="lh-p3", kind="heading", text="Annex to the letter dated 12 August 2031 from the Permanent "
                                                    "Representative of Ruritania"),
        Block(anchor="lh-p4", kind="heading", text="Events of 3 March 2031"),
    ))
    found = events(doc)
    assert [(e.anchor, e.date, e.confidence) for e in found] == [("lh-p1", "2031-08-12", "medium")]
    assert found[0].basis[0] == "dated-letter-heading"


def test_a_date_in_a_run_on_passage_is_judged_on_the_words_around_it():
    """A passage with no full stop (a flattened list) can hold thousands of dates: each is judged on
    RUN_ON characters around it, cut at spaces, not on the whole run; a real sentence is judged whole."""
    from analysis.analyses.dates import sentence_span
    from analysis.analyses.timeline import RUN_ON, judged_span

    run = "the talks held in 2019 " * 1000
    at = run.index("2019", 10_000)
    lo, hi = judged_span(run, at, at + 4)
    assert lo <= at < at + 4 <= hi and hi - lo <= RUN_ON
    assert run[lo - 1] == " " and run[hi] == " "
    prose = "The talks were held in Zenda on 3 May 2019. They failed."
    at = prose.index("3 May")
    assert judged_span(prose, at, at + 10) == sentence_span(prose, at)
