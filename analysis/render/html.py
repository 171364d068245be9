"""Brief -> HTML text: the self-contained screen page, or the print page WeasyPrint lays out.

Source text is data passed into fixed Jinja2 templates with autoescape on; it is never
rendered as a template. Author Markdown goes through markdown-it-py with raw HTML off,
images off and only http(s) links kept. Charts are our own matplotlib SVG.
"""
from __future__ import annotations

import base64
import datetime as _dt
import mimetypes
import re
import sys
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from ..errors import RenderError
from ..model.brief import Brief, Chart, nested_quotes
from ..charts.style import accent_ink, tint

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
"""The project's templates/ folder: the only files the renderers read (besides the logo)."""
if not TEMPLATES.is_dir():  # installed without the source tree: templates go to <prefix>/share
    TEMPLATES = Path(sys.prefix) / "share" / "make-report" / "templates"

_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.I)
_FONT = re.compile(r"[^A-Za-z0-9 _-]")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml",
              ".gif": "image/gif"}


def safe_url(url: object) -> bool:
    """True for an http(s) URL without spaces or quotes: the only links the brief makes live."""
    return isinstance(url, str) and bool(_SAFE_URL.match(url.strip()))


# ---------------------------------------------------------------- Markdown (author text)
@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True})
    md.enable("table").enable("strikethrough")
    md.disable("image")
    md.validateLink = lambda url: safe_url(url) or url.startswith("#")  # type: ignore[method-assign]
    return md


def markdown_html(text: str) -> Markup:
    """Author Markdown -> HTML; raw HTML is shown as text, images and non-http(s) links dropped."""
    html = _markdown().render(text or "")
    # Headings in commentary sit under the section heading: shift them down two levels.
    html = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 2)}>", html)
    return Markup(html)


# ---------------------------------------------------------------- charts
_SVG_ACTIVE = re.compile(r"<\s*(?:script|foreignObject|iframe|image)\b|\son[a-z]+\s*=|(?:href|src)\s*=\s*[\"'](?!#)", re.I)
"""What would make a chart act or load: script or foreign elements, event handlers, links other
than to its own #ids. Text from sources in a chart's labels is XML-escaped by matplotlib, so it
never matches (a label reading "javascript:alert(1)" is just text)."""


def _svg_body(svg: str) -> str:
    """The <svg> element alone (no XML declaration or DOCTYPE), for inline use."""
    start = svg.find("<svg")
    if start < 0 or _SVG_ACTIVE.search(svg, start):
        raise RenderError("chart SVG is malformed or contains script")
    return svg[start:]


def chart_svg(chart: Chart) -> Markup:
    return Markup(_svg_body(chart.svg))


def svg_data_uri(chart: Chart) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")


def logo_data_uri(path: str | None) -> str | None:
    """The configured logo as a data: URI (the page stays self-contained), or None."""
    if not path:
        return None
    p = Path(path)
    mime = LOGO_TYPES.get(p.suffix.lower()) or mimetypes.guess_type(p.name)[0]
    if not mime or not mime.startswith("image/"):
        raise RenderError(f"logo {p.name} is not a PNG, JPEG, GIF or SVG image")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise RenderError(f"logo {p} cannot be read ({exc.strerror})") from None
    if mime == "image/svg+xml" and b"<script" in data.lower():
        raise RenderError(f"logo {p.name} contains script")
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


# ---------------------------------------------------------------- Jinja2
def _kind(obj: object) -> str:
    return type(obj).__name__.lower()


def _long_date(iso: str) -> str:
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 3:
            return _dt.date(*parts).strftime("%-d %B %Y")
        if len(parts) == 2:
            return _dt.date(parts[0], parts[1], 1).strftime("%B %Y")
    except ValueError:
        pass
    return iso


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters.update(nested_quotes=nested_quotes, kind=_kind, markdown=markdown_html, chart_svg=chart_svg, svg_data_uri=svg_data_uri,
                       safe_url=safe_url, long_date=_long_date,
                       selectattr_kind=lambda seq, k: [x for x in seq if _kind(x) == k])
    return env


@lru_cache(maxsize=1)
def _css_environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    # CSS is ours; the only values put into it are validated in _css_values (no autoescape for CSS).
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False, undefined=StrictUndefined)


def _font(name: str, fallback: str) -> str:
    clean = _FONT.sub("", name or "").strip()
    return clean or fallback


def _css_values(brief: Brief) -> dict[str, str]:
    accent = brief.style.accent if _COLOUR.match(brief.style.accent or "") else "#1f4e79"
    dark = accent_ink(accent)
    return {"accent": dark, "accent_mid": tint(dark, 0.35), "accent_tint": tint(dark, 0.9),
            "body_font": _font(brief.style.body_font, "DejaVu Serif"),
            "heading_font": _font(brief.style.heading_font, "DejaVu Sans"),
            "page_size": "letter" if brief.style.page_size.lower() == "letter" else "A4"}


def css(brief: Brief, *, for_print: bool) -> str:
    env = _css_environment()
    values = _css_values(brief)
    parts = [env.get_template("common.css.j2").render(**values),
             env.get_template("pdf/print.css.j2" if for_print else "html/screen.css.j2").render(**values)]
    return "\n".join(parts)


def render_html(brief: Brief, *, for_print: bool) -> str:
    """The brief as one HTML document: self-contained for the screen (inline CSS, inline SVG,
    notes at the end), or for WeasyPrint (footnotes, page rules, SVG as data: images)."""
    try:
        template = environment().get_template("pdf/page.html.j2" if for_print else "html/page.html.j2")
        return template.render(brief=brief, for_print=for_print, css=Markup(css(brief, for_print=for_print)),
                               logo=logo_data_uri(brief.style.logo))
    except RenderError:
        raise
    except Exception as exc:  # template errors are bugs, but the user gets one line
        raise RenderError(f"HTML rendering failed: {type(exc).__name__}: {' '.join(str(exc).split())}") from exc


def write(brief: Brief, options) -> bytes:
    """The registry's entry point (render/__init__.py): the page for the screen, as UTF-8."""
    return render_html(brief, for_print=False).encode("utf-8")
