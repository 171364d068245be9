"""The house style shared by every chart: palette, hatching, markers, fonts and output.

Greyscale-safe: series differ by hatching and marker shape as well as by colour, and
the palette runs from the accent colour through greys of clearly different lightness.
Output is deterministic: a fixed SVG hash salt, no dates in metadata, fixed DPI.
"""
from __future__ import annotations

import io
import re
import textwrap
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator

PNG_DPI = 220
"""Raster resolution for the DOCX (print needs at least 200)."""
WIDTH = 6.4
"""Default drawing width in inches: the text width of an A4 or Letter page."""
HATCHES = ("", "///", "\\\\\\", "xxx", "---", "+++", "|||")
"""Line hatches only: a dotted hatch ("...", "ooo") is over a million path points per 72-point tile,
which made each hatched bar cost a tenth of a second in the PDF and ballooned the SVG."""
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
INK = "#222222"
GREY = "#666666"
LIGHT = "#bbbbbb"
RULE = "#d0d0d0"
FONT = "DejaVu Sans"


@dataclass(frozen=True, slots=True)
class Drawn:
    """A finished chart."""

    title: str
    caption: str
    """What the chart shows and how to read it (the figure's caption after its title)."""
    alt: str
    """Text alternative describing the content, for screen readers and alt attributes."""
    svg: str
    """Complete SVG document. Text stays text (selectable, searchable, read by screen readers) in
    the house font, DejaVu Sans, which the PDF embeds; a browser without it uses its own sans-serif."""
    png: bytes
    """PNG at PNG_DPI (for the DOCX); empty when drawn within ``outputs("svg")``."""
    width: float
    """Inches."""
    height: float
    spec: tuple | None = None
    """How to draw it again, ``(module, args, kwargs items)``, when the caller recorded it: `raster`
    draws the PNG later, in another process, when only the SVG was drawn."""


_OUTPUTS: ContextVar[frozenset[str]] = ContextVar("chart_outputs", default=frozenset(("svg", "png")))


@contextmanager
def outputs(*formats: str) -> Iterator[None]:
    """Within the block, `finish` saves only `formats` ("svg", "png") and leaves the others empty:
    the PNG (three quarters of a chart's cost) is only needed by the DOCX."""
    token = _OUTPUTS.set(frozenset(formats))
    try:
        yield
    finally:
        _OUTPUTS.reset(token)


def raster(spec: tuple) -> bytes:
    """The PNG of the chart `spec` (Drawn.spec) describes, drawn again."""
    import importlib

    module, args, kwargs = spec
    with outputs("png"):
        return importlib.import_module(module).draw(*args, **dict(kwargs)).png


def hex_rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    return tuple(int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def tint(colour: str, amount: float) -> str:
    """Mix `colour` with white: amount 0 keeps it, 1 gives white."""
    r, g, b = hex_rgb(colour)
    mix = [round(255 * (v + (1 - v) * amount)) for v in (r, g, b)]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def luminance(colour: str) -> float:
    r, g, b = hex_rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


def accent_ink(accent: str) -> str:
    """The accent, darkened until it reads as a dark grey when printed in greyscale."""
    colour = accent
    for _ in range(8):
        if luminance(colour) <= 0.45:
            break
        r, g, b = hex_rgb(colour)
        colour = "#{:02x}{:02x}{:02x}".format(*(round(255 * v * 0.8) for v in (r, g, b)))
    return colour


def series(accent: str, n: int) -> list[dict]:
    """Style of the i-th series: face colour, edge colour, hatch and marker.

    Lightness steps are far apart (dark accent, mid grey, light accent tint, light grey,
    black, white) so that the series stay apart in greyscale even without the hatches.
    """
    dark = accent_ink(accent)
    faces = [dark, "#8c8c8c", tint(dark, 0.6), "#d9d9d9", INK, "#ffffff", tint(dark, 0.3)]
    out = []
    for i in range(n):
        out.append({"face": faces[i % len(faces)], "edge": INK if i % len(faces) else dark,
                    "hatch": HATCHES[i % len(HATCHES)], "marker": MARKERS[i % len(MARKERS)]})
    return out


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=True)) or text


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@contextmanager
def house(accent: str) -> Iterator[object]:
    """matplotlib (Agg backend) with the house rcParams; yields pyplot."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    params = {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "font.size": 8.5,
        "axes.titlesize": 9,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 8.5,
        "axes.labelcolor": INK,
        "axes.edgecolor": GREY,
        "axes.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": matplotlib.cycler(color=[s["face"] for s in series(accent, 6)]),
        "xtick.color": INK,
        "ytick.color": INK,
        "xtick.labelsize": 8,
        "ytick.labelsize": 8,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "legend.fontsize": 8,
        "legend.frameon": False,
        "hatch.linewidth": 0.6,
        "hatch.color": INK,
        "text.color": INK,
        "text.parse_math": False,      # "$5 million" stays text, never mathtext
        "text.usetex": False,
        "svg.fonttype": "none",        # text as text: glyph paths made the PDF's charts 5x slower to draw
        "svg.hashsalt": "make-report",  # stable ids: identical input, identical bytes
        "svg.image_inline": True,
        "path.simplify": True,
        "figure.dpi": 100,
        "savefig.dpi": PNG_DPI,
        "savefig.facecolor": "white",
        "savefig.bbox": None,
    }
    with matplotlib.rc_context(params):
        yield plt


_ID = re.compile(r'\bid="([^"]+)"')


def _prefix_ids(svg: str, prefix: str) -> str:
    """Prefix every id (and every reference to it) so several SVGs can share one page."""
    ids = set(_ID.findall(svg))
    if not ids:
        return svg
    pattern = re.compile(r'(\bid="|#)(' + "|".join(sorted((re.escape(i) for i in ids), key=len,
                                                          reverse=True)) + r')(?=["\)])')
    return pattern.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)


def finish(fig: object, *, chart_id: str, title: str, caption: str, alt: str) -> Drawn:
    """Save `fig` as SVG and PNG (deterministically), close it and return the Drawn chart."""
    import matplotlib
    import matplotlib.pyplot as plt

    width, height = fig.get_size_inches()  # type: ignore[attr-defined]
    # Save-time settings: savefig reads these when it writes, outside the drawing context.
    save_params = {"svg.hashsalt": "make-report", "svg.fonttype": "none", "svg.image_inline": True,
                   "savefig.facecolor": "white", "font.family": "sans-serif",
                   # the family list written into the SVG: ours first, then look-alikes a browser may have
                   "font.sans-serif": [FONT, "Verdana", "Arial", "Helvetica"]}
    svg_buf, png_buf = io.StringIO(), io.BytesIO()
    try:
        with matplotlib.rc_context(save_params):
            _save(fig, svg_buf, png_buf, title, alt)
    finally:
        plt.close(fig)
    svg = _prefix_ids(svg_buf.getvalue(), chart_id)
    return Drawn(title=title, caption=caption, alt=alt, svg=svg, png=png_buf.getvalue(),
                 width=round(float(width), 3), height=round(float(height), 3))


def _save(fig: object, svg_buf: io.StringIO, png_buf: io.BytesIO, title: str, alt: str) -> None:
    wanted = _OUTPUTS.get()
    if "svg" in wanted:
        fig.savefig(svg_buf, format="svg", metadata={"Date": None, "Creator": None,  # type: ignore[attr-defined]
                                                      "Title": title, "Description": alt})
    if "png" in wanted:
        fig.savefig(png_buf, format="png", dpi=PNG_DPI, metadata={"Software": None})  # type: ignore[attr-defined]


_FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)px")
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')
MIN_TEXT_PT = 7.0
"""The smallest text a chart may print at, once scaled to the width it is placed at."""


def text_sizes_pt(svg: str, placed_width_in: float) -> list[float]:
    """The size in points of every text of a chart's SVG (matplotlib writes sizes in points as user
    units) once the chart is drawn `placed_width_in` inches wide."""
    match = _VIEWBOX.search(svg)
    if not match:
        return []
    scale = placed_width_in * 72 / float(match.group(1))
    return [float(size) * scale for size in _FONT_SIZE.findall(svg)]
