"""Plain-text reader: press-release headers, banners, reflow, headings and speaker contexts."""
from __future__ import annotations

import pathlib

import pytest

from analysis.model.document import Source
from analysis.readers import read, read_plaintext
from analysis.readers.common import problems
from analysis.readers.plaintext import name_case, speaker

ROOT = pathlib.Path(__file__).parent
FIXTURES = ROOT / "fixtures" / "readers" / "plaintext"


def load(name: str, **source):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    document = read_plaintext(text, Source(id="t1", path=f"sources/{name}", **source))
    assert problems(document) == []
    return document


@pytest.fixture(scope="module")
def release():
    return load("press_release.txt")


def test_header_metadata(release):
    assert release.genre == "plaintext"
    assert release.symbol == "SC/12345"
    assert release.title == "Security Council Urges Restraint in Lake District, Calls for Renewed Talks on Water Sharing"
    assert release.date == "2021-03-03"
    assert release.publisher == "Security Council"


def test_banners_and_footers_are_dropped(release):
    joined = " ".join(b.text for b in release.blocks)
    for banner in ("SC/12345", "8812th Meeting", "Department of Public Information", "For information media",
                   "* *** *", "- 2 -", "Calls for Renewed Talks on Water Sharing"):
        assert banner not in joined
    assert [b.text for b in release.blocks[:2]] == ["Special Envoy Briefs Members;", "Delegates Stress Sovereignty, Dialogue"]


def test_hard_wrapped_lines_are_reflowed(release):
    first = release.blocks[2]
    assert first.text == ("The Security Council today called on the parties to the Northern Lakes dispute to exercise "
                          "restraint and resume talks on sharing the lakes' water, as it heard a briefing from the "
                          "Special Envoy for the region on the long-standing dispute.")
    assert first.context is None


def test_headings(release):
    headings = [b.text for b in release.blocks if b.kind == "heading"]
    assert headings[2:] == ["Statement by Special Envoy", "Briefings", "Background"]
    assert all(b.level == 2 for b in release.blocks if b.kind == "heading")


def test_speaker_contexts(release):
    contexts = [b.context for b in release.blocks if b.kind == "paragraph"]
    assert [c for c in dict.fromkeys(contexts) if c] == [
        "Special Envoy for the Northern Lakes Helga Marin",
        "Andres Kolb, Executive Director, Lake Basin Authority (LBA)",
        "Jane Doe (Utopia)",
        "Pierre Lang (Ruritania)",
        "Maria De La Cruz (Freedonia)",
        "Tomas Adeyemi (Sylvania)",
        "Li Wei (Grand Fenwick)",
        "U. Kofi Mensah (Atlantis)",
        "Olga Petrova-Smirnova (Borduria)",
        "John Smith, Permanent Representative of Syldavia",
        "Mr. Kolb",
        "Deputy Minister for Water Affairs of Elbonia Rafael Soto",
        "Amina Yusuf (Wakanda)",
    ]


def test_continuation_paragraphs_keep_the_speaker(release):
    by_text = {b.text: b.context for b in release.blocks}
    assert by_text["“Water cannot be divided by force,” she said."] == "Special Envoy for the Northern Lakes Helga Marin"
    assert by_text["She added that talks should resume in April."] == "Jane Doe (Utopia)"
    assert by_text["Members also heard from the representatives of Utopia and Ruritania."] is None
    assert by_text["The Council last considered the question in December 2020."] is None  # new heading, no speaker


def test_text_is_folded(release):
    marin = next(b for b in release.blocks if b.context and "Marin" in b.context)
    assert '"fragile but manageable". She urged' in marin.text


def test_report_without_press_header():
    doc = load("report.txt")
    assert doc.title == "ANNUAL REVIEW OF LAKE GOVERNANCE IN THE NORTHERN REGION"
    assert doc.date == "2019-03-03" and doc.symbol is None
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Summary"),
        ("paragraph", "This review describes how the lake commission worked during the year and which problems "
                      "remain open for the member states."),
        ("heading", "Findings"),
        ("item", "The commission met four times."),
        ("item", "Two members did not pay their contributions on time."),
        ("paragraph", "The secretariat will report again next year."),
    ]


def test_numbered_heading_and_lettered_items():
    text = ("Review of the lake commission for the member states and observers\n\n"
            "The commission reviewed its work during the year and reported to the member states in full.\n\n"
            "2. Findings\n\n(a) The budget was cut;\n(b) Two posts were\nleft vacant.\n")
    doc = read_plaintext(text, Source("t2", "review.txt"))
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [
        ("heading", "2. Findings"), ("item", "The budget was cut;"), ("item", "Two posts were left vacant.")]


@pytest.mark.parametrize("paragraph, expected", [
    ("JANE DOE (Utopia) said that it was time.", "Jane Doe (Utopia)"),
    ("Opening the meeting, Some Organisation Official JOHN SMITH said all was well.",
     "Some Organisation Official John Smith"),
    ("JOHN SMITH, Executive Director, Some Agency (SA), said the agency agreed.",
     "John Smith, Executive Director, Some Agency (SA)"),
    ("Taking the floor again, Mr. SMITH replied to questions.", "Mr. Smith"),
    ("The UNODC and the EU said that the plan was sound.", None),
    ("Mr. Smith said that nothing had changed.", None),
    ("“WE WILL NOT YIELD” was the slogan, he said.", None),
    # a byline glued to the first word of a column set in capitals: a teaser, no speaker's label
    ("MIRA VOSKAN IT’S time we stopped pretending the ferry will ever run on schedule.", None),
    ("PAVEL ORLIK THE trouble with the new bridge is that nobody asked the fishermen.", None),
    ("TOMAS BREN HOW is it that nobody saw the flood coming?", None),
])
def test_speaker_patterns(paragraph, expected):
    assert speaker(paragraph) == expected


def test_name_case():
    assert name_case("ERTAN ÖZ-YILMAZ") == "Ertan Öz-Yilmaz"
    assert name_case("U. JOY OKAFOR") == "U. Joy Okafor"
    assert name_case("ANNE d'ARCY") == "Anne d'Arcy"


@pytest.mark.parametrize("text", ["", "\n\n\n", "SC/1", "A" * 5000, "• \n• \n", "JOHN ( said", "* *** *\n" * 9])
def test_garbage_never_raises(text):
    assert problems(read_plaintext(text, Source("g", "g.txt"))) == []


def test_smoke_seed_002():
    seed = next((ROOT.parent / "seeds").glob("002_*.txt"))
    doc = read(seed.read_text(encoding="utf-8"), Source("d3", str(seed)))
    assert doc.genre == "plaintext"
    assert doc.title.startswith("Security Council Calls for Strengthened International")
    assert doc.date == "2010-02-24"
    assert problems(doc) == []


def test_sentences_cut_by_blank_lines_of_a_converted_pdf_are_mended():
    """Text from a PDF converter puts blank lines inside sentences (at a line or page break):
    a paragraph of prose that stops without a full stop runs on into the next one, and a short
    line that ends on a function word or a comma is the start of a sentence, not a heading."""
    doc = load("speech_from_pdf.txt")
    texts = [(b.kind, b.text) for b in doc.blocks]
    paragraphs = [t for k, t in texts if k == "paragraph"]
    assert any(t.endswith("signed the Protocol on the Joint Work of the Commissions on Demarcation of the "
                          "river boundary between the two states.") for t in paragraphs)
    assert "We are ready to open our rail links to both Borduria and Grand Fenwick, as well as to our other " \
           "partners. We are ready to do it now." in paragraphs
    assert any(t.endswith("We will host the first Northern Harvest Summit in 2032 which will focus on seeds "
                          "and water.") for t in paragraphs)
    assert "No matter how long any negotiation, many open questions remain to be settled later." in paragraphs
    assert "Under the Constitution of Ruritania, treaties that bind the state are ratified by Parliament." \
        in paragraphs
    # a salutation and a real heading stay apart from the prose that follows them
    assert not any(t.startswith(("Mr. President", "Excellencies")) for t in paragraphs)
    assert any(t.startswith("This is my second address") for t in paragraphs)
    assert ("heading", "Closing remarks") in texts
    # a numbered paragraph cut by a page break, with its next paragraph's number set apart between
    assert ("item", "The delegations of the north have always supported the rights of the river peoples, with "
                    "the help of the lake states and their many partners.") in texts
    assert ("item", "The last item ends here.") in texts
    assert ("paragraph", "We thank every delegation for its patience.") in texts
