"""Every chart's text is legible at 100 %: at least 7 pt once the chart is scaled to the width the PDF and
the DOCX place it at (its drawn size against the page's text width, from the templates' CSS and the
reference document's margins). Computed from the SVG and the layout rules, no rendering."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "brief"))
sys.path.insert(0, str(Path(__file__).parent))
import brief_corpus as fx  # noqa: E402

from analysis.analyses.across import across  # noqa: E402
from analysis.brief import compose  # noqa: E402
from analysis.charts.style import MIN_TEXT_PT, text_sizes_pt  # noqa: E402
from analysis.render import docx  # noqa: E402
from analysis.render.html import TEMPLATES  # noqa: E402
from test_charts import draw_all  # noqa: E402

PAGE_WIDTH_IN = {"A4": 210 / 25.4, "Letter": 8.5}
MM = 1 / 25.4


def print_text_width_in(page: str) -> float:
    """The PDF's text width: the page less the left and right margins of print.css's @page rule."""
    css = (TEMPLATES / "pdf" / "print.css.j2").read_text(encoding="utf-8")
    margins = re.search(r"@page\s*\{.*?margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm", css, re.S)
    _, right, _, left = (float(v) for v in margins.groups())
    return PAGE_WIDTH_IN[page] - (left + right) * MM


def pdf_placed_width_in(chart, page: str) -> float:
    """The figure macro sets the image at the chart's own width, at most the text width (max-width 100%)."""
    macro = (TEMPLATES / "macros.html.j2").read_text(encoding="utf-8")
    assert "style=\"width: {{ '%.2f'|format(chart.width) }}in; max-width: 100%\"" in macro
    return min(chart.width, print_text_width_in(page))


@pytest.fixture(scope="module")
def charts():
    found = fx.findings()
    brief = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    return [*brief.charts, *draw_all().values()]


def test_the_pdf_text_width_holds_a_chart_at_its_drawn_size(charts):
    for page in PAGE_WIDTH_IN:
        assert all(c.width <= print_text_width_in(page) for c in charts), page


@pytest.mark.parametrize("page", sorted(PAGE_WIDTH_IN))
def test_every_chart_text_is_at_least_7_pt_in_the_pdf(charts, page):
    for chart in charts:
        sizes = text_sizes_pt(chart.svg, pdf_placed_width_in(chart, page))
        assert sizes and min(sizes) >= MIN_TEXT_PT - 1e-6, (chart.title, page, min(sizes))


def test_every_chart_text_is_at_least_7_pt_in_the_docx(charts):
    for chart in charts:
        sizes = text_sizes_pt(chart.svg, min(chart.width, docx.TEXT_WIDTH_IN))
        assert min(sizes) >= MIN_TEXT_PT - 1e-6, (chart.title, min(sizes))


def test_the_docx_text_width_fits_the_reference_page():
    # Reference document margins (build_reference_docx.py): 1247 twips left and right.
    for page, (width_twips, _) in docx.PAGE_SIZES.items():
        assert docx.TEXT_WIDTH_IN <= (width_twips - 2 * 1247) / 1440, page


def test_a_chart_scaled_down_is_measured_smaller():
    svg = '<svg viewBox="0 0 460.8 200"><text style="font-size: 7px">x</text></svg>'
    assert text_sizes_pt(svg, 6.4) == [pytest.approx(7.0)]
    assert text_sizes_pt(svg, 3.2) == [pytest.approx(3.5)]
