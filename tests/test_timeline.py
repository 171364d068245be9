"""Timeline: events over a document's passages, year context carried forward, citations left out."""
from __future__ import annotations

from analysis.analyses.timeline import events
from analysis.model.document import Block, Document, Footnote


def _doc(date=None):
    return Document(
        id="dt", path="x.txt", genre="plaintext", date=date,
        blocks=(
            Block(anchor="dt-p1", kind="heading", text="Events of 3 March 2001"),
            Block(anchor="dt-p2", kind="paragraph",
                  text="The envoys met on 14 May 2016 in the capital. The following day they toured the camps."),
            Block(anchor="dt-p3", kind="row", text="On 2 June, the council issued a statement.", context="Council"),
            Block(anchor="dt-p4", kind="paragraph",
                  text="The committee will report today. It met in April and again in April."),
            Block(anchor="dt-p5", kind="paragraph", text="The Charter of 1945 was cited. On 9 July talks resumed."),
        ),
        footnotes=(
            Footnote(anchor="dt-n1", label="1", text="The minister was interviewed on 20 June.", kind="note"),
            Footnote(anchor="dt-n2", label="2", text="News site, 21 June 2016, accessed 5 May 2020.", kind="citation",
                     fields=(("date", "2016-06-21"), ("access-date", "2020-05-05"))),
        ),
    )


def test_events_in_reading_order_with_context_year():
    evs = events(_doc(date="2016-09-30"))
    got = [(e.id, e.anchor, e.date, e.precision) for e in evs]
    assert got == [
        ("dt-e1", "dt-p2", "2016-05-14", "day"),
        ("dt-e2", "dt-p2", "2016-05-15", "day"),      # "the following day"
        ("dt-e3", "dt-p3", "2016-06-02", "day"),      # year carried from the previous passage
        ("dt-e4", "dt-p4", "2016-09-30", "day"),      # "today" = the document's date
        ("dt-e5", "dt-p4", "2016-04", "month"),       # "in April" twice in one sentence: once
        # "The Charter of 1945": the year of a name is no event, and it does not reset the context
        ("dt-e6", "dt-p5", "2016-07-09", "day"),
        ("dt-e7", "dt-n1", "2016-06-20", "day"),      # prose footnotes are read, in order, after the body
    ]


def test_headings_and_citations_stay_out():
    evs = events(_doc(date="2016-09-30"))
    dates = {e.date for e in evs}
    assert "2001-03-03" not in dates                     # heading
    assert "2016-06-21" not in dates and "2020-05-05" not in dates   # citation footnote


def test_event_text_is_the_sentence_and_offsets_point_at_the_date():
    doc = _doc(date="2016-09-30")
    passages = {p.anchor: p.text for p in doc.passages()}
    for e in events(doc):
        text = passages[e.anchor]
        assert e.text in text
        assert text[e.start:e.end] in e.text
    e2 = events(doc)[1]
    assert e2.text == "The following day they toured the camps."


def test_actors_from_callback():
    seen = []

    def find_actors(sentence: str) -> list[str]:
        seen.append(sentence)
        return ["Council", "Council"] if "council" in sentence.lower() else []

    evs = events(_doc(date="2016-09-30"), find_actors)
    assert evs[2].actors == ("Council",)
    assert evs[0].actors == ()
    assert len(seen) == len(evs)


def test_without_document_date_yearless_days_need_context():
    doc = Document(id="dn", path="y.txt", genre="wikitext", blocks=(
        Block(anchor="dn-p1", kind="paragraph", text="On 4 April the office opened. Today's world is different."),
        Block(anchor="dn-p2", kind="paragraph", text="In May 2010 talks began. On 4 June they ended."),
        Block(anchor="dn-p3", kind="paragraph", text="The talks ran 11-13 October."),
    ))
    evs = events(doc)
    assert [(e.anchor, e.date, e.end_date) for e in evs] == [
        ("dn-p2", "2010-05", None), ("dn-p2", "2010-06-04", None), ("dn-p3", "2010-10-11", "2010-10-13")]


def test_duplicates_removed():
    doc = Document(id="dd", path="z.txt", genre="plaintext", date="2010-01-05", blocks=(
        Block(anchor="dd-p1", kind="paragraph", text="Today and today again, the council met today."),))
    assert len(events(doc)) == 1


def test_dated_document_is_its_own_context_across_passages():
    """A press release dated 2026 that recalls an older event: later yearless days are this year's."""
    doc = Document(id="dp", path="p.txt", genre="plaintext", date="2026-05-12", blocks=(
        Block(anchor="dp-p1", kind="paragraph", text="The accord was signed on 2 July 2019. On 5 July, it was registered."),
        Block(anchor="dp-p2", kind="paragraph", text="On 28 April armed men attacked the town."),
        Block(anchor="dp-p3", kind="paragraph", text="The following day, a patrol was ambushed."),
    ))
    assert [e.date for e in events(doc)] == ["2019-07-02", "2019-07-05", "2026-04-28", "2026-04-29"]


def test_undated_document_carries_the_year_across_passages():
    doc = Document(id="du", path="u.txt", genre="wikitext", blocks=(
        Block(anchor="du-p1", kind="paragraph", text="The accord was signed on 2 July 2019."),
        Block(anchor="du-p2", kind="paragraph", text="On 28 August the first state recognised it."),
    ))
    assert [e.date for e in events(doc)] == ["2019-07-02", "2019-08-28"]

