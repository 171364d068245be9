"""Charts: vector SVG + print-resolution PNG, alt text, deterministic bytes, untrusted labels."""
from __future__ import annotations

import re
import struct
import zlib

import pytest

from analysis.charts import KINDS
from analysis.charts import figures, matrix, network, principles, timeline
from analysis.charts.style import PNG_DPI, Drawn, accent_ink, luminance, outputs, raster, series

EVIL = '<script>alert("x")</script> $5 and $6 {{ 7*7 }}'


def matrix_args(label: str = "Aldovia") -> tuple:
    return ((matrix.MatrixCell(label, "sov", upheld=3, accuses=1, tension=True),
             matrix.MatrixCell("Brenn", "ti", upheld=1)),
            (("sov", "Sovereignty"), ("ti", "Territorial integrity")), (label, "Brenn"))


MATRIX_ARGS = matrix_args()


def draw_all(accent: str = "#1f4e79", label: str = "Aldovia") -> dict[str, Drawn]:
    return {
        "matrix": matrix.draw(*matrix_args(label), accent=accent, chart_id="fig-1"),
        "figures": figures.draw([figures.Panel("Turnout", "per cent",
                                               (figures.FigureRow(label, low=15, high=20),
                                                figures.FigureRow("south", value=62, approximate=True),
                                                figures.FigureRow("west", value=35, bound="max")),
                                               (figures.Threshold("validity", 50),))],
                                accent=accent, chart_id="fig-2"),
        "network": network.draw(["Vellmar", label, "Karsk"],
                                [network.Claim("Vellmar", label, "analogy", "a diplomat"),
                                 network.Claim("Vellmar", label, "denial", label),
                                 network.Claim("Karsk", "Vellmar", "warning", None)],
                                accent=accent, chart_id="fig-3"),
        "timeline": timeline.draw([label, "B · report"],
                                  [timeline.TimelineEvent(0, 1, "2008-06-12", "day"),
                                   timeline.TimelineEvent(0, 2, "2009", "year"),
                                   timeline.TimelineEvent(1, 3, "2020-11", "month"),
                                   timeline.TimelineEvent(1, 4, "2013", "year", end_date="2014")],
                                  accent=accent, chart_id="fig-4"),
        "principles": principles.draw([("sov", "Sovereignty"), ("ti", "Territorial integrity")],
                                      [("d1", label), ("d2", "B · report")],
                                      {("d1", "sov"): 3, ("d2", "ti"): 1}, accent=accent, chart_id="fig-5"),
    }


@pytest.fixture(scope="module")
def drawn():
    return draw_all()


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def test_one_module_per_kind(drawn):
    assert set(drawn) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_svg_png_caption_alt(drawn, kind):
    d = drawn[kind]
    assert d.svg.lstrip().startswith("<?xml") and "<svg" in d.svg
    width_px, _ = png_size(d.png)
    assert width_px / d.width >= 200  # print resolution for the DOCX
    assert d.title and d.caption and len(d.alt) > 40
    assert "<text" in d.svg and "font-family: 'DejaVu Sans', 'Verdana'" in d.svg  # text, in the embedded font


@pytest.mark.parametrize("kind", KINDS)
def test_ids_are_prefixed_with_the_chart_id(drawn, kind):
    d = drawn[kind]
    ids = re.findall(r'\bid="([^"]+)"', d.svg)
    prefix = {"matrix": "fig-1", "figures": "fig-2", "network": "fig-3", "timeline": "fig-4",
              "principles": "fig-5"}[kind]
    assert ids and all(i.startswith(prefix + "-") for i in ids)
    for ref in re.findall(r"url\(#([^)]+)\)", d.svg):
        assert ref in ids


def test_deterministic_bytes(drawn):
    again = draw_all()
    for kind in KINDS:
        assert again[kind].svg == drawn[kind].svg, kind
        assert again[kind].png == drawn[kind].png, kind
    assert "<dc:date>" not in drawn["matrix"].svg


def test_svg_only_then_the_png_drawn_again_from_the_spec(drawn):
    """A build draws only the SVG (the PDF and HTML need no PNG) and lets the DOCX draw the PNG
    later from the chart's spec: the same bytes as drawing both at once."""
    with outputs("svg"):
        svg_only = matrix.draw(*MATRIX_ARGS, accent="#1f4e79", chart_id="fig-1")
    assert svg_only.svg == drawn["matrix"].svg and svg_only.png == b""
    spec = ("analysis.charts.matrix", MATRIX_ARGS, (("accent", "#1f4e79"), ("chart_id", "fig-1")))
    assert raster(spec) == drawn["matrix"].png
    assert matrix.draw(*MATRIX_ARGS, accent="#1f4e79", chart_id="fig-1").png, "outside the block, both again"


def test_untrusted_labels_stay_text():
    evil = draw_all(label=EVIL)
    for kind, d in evil.items():
        assert "<script" not in d.svg.lower(), kind
        assert "&lt;script&gt;" in d.svg or "script" not in d.alt
        assert EVIL in d.alt or kind == "figures" or kind == "network"


def test_greyscale_safe_palette():
    styles = series("#1f4e79", 4)
    assert len({s["hatch"] for s in styles}) == 4 and len({s["marker"] for s in styles}) == 4
    greys = sorted(luminance(s["face"]) for s in styles)
    assert all(b - a > 0.12 for a, b in zip(greys, greys[1:]))
    assert luminance(accent_ink("#ffd700")) <= 0.45  # a pale accent is darkened to print


def test_png_has_resolution_metadata(drawn):
    png = drawn["timeline"].png
    i = png.index(b"pHYs")
    ppm_x = struct.unpack(">I", png[i + 4:i + 8])[0]
    assert round(ppm_x * 0.0254) == PNG_DPI
    assert zlib.crc32(png[i:i + 13]) == struct.unpack(">I", png[i + 13:i + 17])[0]



def test_a_matrix_cell_with_a_circle_and_a_triangle_keeps_both_inside_it_apart():
    """Side by side in one cell the circle (a count of 5) ran into the triangle and over the cell's edge."""
    for cell_in in (0.35, 0.5, 0.8):
        (xc, area_c), (xt, area_t) = matrix.pair_markers(cell_in, 160.0, 176.0)
        half_c = area_c ** 0.5 / 2 / 72 / cell_in  # marker half-widths in cell units
        half_t = area_t ** 0.5 / 2 / 72 / cell_in
        assert -0.5 <= xc - half_c and xc + half_c <= xt - half_t and xt + half_t <= 0.5, cell_in
