"""Config + documents + findings + across (+ author Markdown) -> Brief: the report's content,
ordered, numbered and cited, section by section. Pure: no I/O (author files are read by the
pipeline); charts are drawn here because they are part of the content and deterministic.

Every finding item placed in the brief carries a Cite to its document and paragraph;
footnotes, figures and tables are numbered in reading order, so the HTML, PDF and
DOCX all agree with the numbers used in cross-references.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..analyses.across import Across
from ..analyses.across import across as find_across
from ..config import Config
from ..model.brief import SCHEMA_VERSION, Brief, Meta, Section, Style
from ..model.document import Document
from ..model.findings import Findings
from . import across as across_section
from . import annex, figures, key_findings, positions, precedents, summary, timeline
from .annex import source_entry
from .citations import walk_cites
from .labels import plural
from .numbering import Builder


def compose(config: Config, documents: Sequence[Document], findings: Findings, across: Across, *,
            build_date: str, author: Mapping[str, str] | None = None) -> Brief:
    """Build the brief. `author` maps a section id (``summary``, ``positions``, ...) to the
    author's Markdown for it; `build_date` (ISO) is the only date the output may carry."""
    author = dict(author or {})
    b = Builder(config, documents, findings)
    overflow: list[tuple[str, list]] = []

    if b.unsure:  # the body compares only what the analysis is sure of
        across = find_across(documents, b.findings)
    sections = [
        Section("summary", 1, "Executive summary", tuple(summary.summary(b, documents, author, across))),
        Section("key-findings", None, "Key findings", tuple(key_findings.key_findings(b, across))),
        Section("positions", 2, "Positions and who said what", tuple(positions.positions(b, author, overflow))),
        Section("precedents", 3, "Precedent arguments", tuple(precedents.precedents(b, author, overflow))),
        Section("figures", 4, "Figures and thresholds", tuple(figures.figures(b, author, overflow))),
        Section("timeline", 5, "Timeline", tuple(timeline.timeline(b, author, overflow))),
    ]
    # The cross-document tables are reference material: they close the annex.
    sections.append(Section("sources", None, "Annex: sources and further findings",
                            tuple(annex.annex(b, documents, author, overflow))
                            + tuple(across_section.across_docs(b, across, author))))

    rep = config.report
    n = len(documents)
    meta = Meta(title=rep.title, subtitle=rep.subtitle, organisation=rep.organisation, authors=rep.authors,
                date=rep.date or build_date, build_date=build_date, keywords=rep.keywords,
                subject=rep.subtitle or f"Comparative policy analysis of {plural(n, 'source document')}")
    st = config.style
    style = Style(page_size=st.page_size, accent=st.accent, body_font=st.body_font,
                  heading_font=st.heading_font, logo=str(st.logo) if st.logo else None)
    sources = tuple(source_entry(b, d) for d in documents)
    cited = [c.citation for c in walk_cites(sections)]
    if cited != b.citations:  # a footnote created but not placed (or placed twice) is a bug
        raise AssertionError("compose: citations out of step with the text")
    return Brief(schema_version=SCHEMA_VERSION, meta=meta, style=style, sections=tuple(sections),
                 charts=tuple(b.charts), citations=tuple(b.citations), sources=sources)
