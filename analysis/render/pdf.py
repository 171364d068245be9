"""Brief -> PDF bytes (PDF/A-3b, tagged) through WeasyPrint, from render_html(for_print=True).

WeasyPrint only ever sees our own HTML, and its URL fetcher serves nothing but files
under templates/, the configured logo and data: URIs: no file:// elsewhere, no network.
Attachments (findings.json) are embedded as PDF/A-3 associated files.
"""
from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..build.collector import fewer_collections
from ..errors import RenderError
from ..model.brief import Brief
from .html import TEMPLATES, render_html

PDF_VARIANT = "pdf/a-3b"
ATTACHMENT_TYPES = {".json": "application/json", ".csv": "text/csv", ".txt": "text/plain"}


class RefusedURL(ValueError):
    """A URL outside what the brief may load."""


def allowed_path(url: str, roots: tuple[Path, ...], files: tuple[Path, ...]) -> Path | None:
    """The local file a file: URL names, if it lies under one of `roots` or is one of `files`."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        path = Path(unquote(parts.path)).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if path in files:
        return path
    for root in roots:
        if path.is_relative_to(root) and path.is_file():
            return path
    return None


def make_fetcher(logo: str | None = None, *, record: list[str] | None = None):
    """A WeasyPrint URL fetcher that serves data: URIs, files under templates/ and the logo,
    and refuses everything else. `record`, if given, receives every URL asked for."""
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    roots = (TEMPLATES.resolve(),)
    files = (Path(logo).resolve(),) if logo else ()

    class BriefFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False, timeout=1,
                             fail_on_errors=False)

        def fetch(self, url: str, headers: object = None):  # noqa: D102 - WeasyPrint's interface
            if record is not None:
                record.append(url)
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            path = allowed_path(url, roots, files)
            if path is None:
                raise RefusedURL(f"refused to load {url[:80]!r}: the brief loads only its own templates")
            return URLFetcherResponse(path.as_uri(), path.read_bytes())

    return BriefFetcher()


def _stamp(build_date: str) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(build_date[:10])
    except ValueError:
        return _dt.datetime(2000, 1, 1)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(brief: Brief, *, attachments: Mapping[str, bytes]) -> bytes:
    """Lay out the print HTML as a tagged PDF/A-3b; `attachments` (name -> bytes, e.g.
    ``{"findings.json": ...}``) are embedded as associated files. Raises RenderError."""
    html = render_html(brief, for_print=True)
    try:
        import weasyprint
        from weasyprint import Attachment
    except ImportError as exc:  # pragma: no cover - installation problem
        raise RenderError(f"WeasyPrint is not installed ({exc})") from None

    stamp = _stamp(brief.meta.build_date)
    fetcher = make_fetcher(brief.style.logo)
    files = []
    for name, data in sorted(attachments.items()):
        safe_name = Path(name).name or "attachment.bin"
        files.append(Attachment(string=data, name=safe_name, url_fetcher=fetcher,
                                description=f"{safe_name}: the findings behind this brief",
                                created=stamp, modified=stamp, relationship="Data"))
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        with fewer_collections():  # a sixth of the layout's CPU time otherwise
            document = weasyprint.HTML(string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=fetcher,
                                       media_type="print")
            pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, attachments=files or None,
                                     uncompressed_pdf=False)
    except Exception as exc:
        raise RenderError(f"PDF rendering failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}") from exc
    finally:
        logger.removeHandler(collect)
    if not pdf:
        raise RenderError("PDF rendering produced no output")
    return pdf


def write(brief: Brief, options) -> bytes:
    """The registry's entry point (render/__init__.py)."""
    return render_pdf(brief, attachments=options.attachments)
