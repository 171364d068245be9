"""A saved web page (its text) and its `Source` in, a `Document` out: the main content only.

trafilatura (Apache-2.0, well kept, the usual choice for main-content extraction) finds the
article and drops navigation, teasers, related coverage, cookie banners and page furniture; it
returns its result as XML (head, p, list/item, table/row/cell, quote, hi, ref), which is
walked here into blocks. The page's numbered notes (an encyclopaedia page's references, a
press release's footnotes) are taken out of the page first, their markers replaced by tokens
that survive extraction, so each marker links to its note as the Markdown reader links
``<sup>`` notes. Nothing is fetched: the page is parsed from memory with network access off,
and scripts, styles, iframes, forms and images are dropped before extraction.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache

import lxml.etree as etree
import lxml.html

from analysis.model.document import Document, Source
from analysis.readers.common import DocBuilder, Inline, InlineBuilder, link_target, note_kind, plain
from analysis.readers.plaintext import SpeakerTurns

_DROP = ("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
         "template", "svg", "canvas", "video", "audio", "img", "picture", "source", "link", "meta[@http-equiv]")
_MARKER_TEXT = re.compile(r"^\[?\s*(\d{1,3}|[a-z]|[*\u2020\u2021])\s*\]?$", re.I)
_TOKEN = re.compile(r"\u27e6(\d+|s)\u27e7")
"""A note marker's (or a kept space's) stand-in while trafilatura works (mathematical brackets: never in
real pages)."""
_SPACE = " \u27e6s\u27e7 "
_INLINE = ("a", "span", "b", "strong", "i", "em", "u", "sup", "sub", "abbr", "cite", "code", "q", "small",
           "mark", "time", "font", "s", "dfn", "var", "bdi", "bdo")
_BACKLINK = re.compile(r"^[\s^\u2191\u21a9]+|[\s\u21a9]+$")
_NOTE_HOLDERS = ("ol", "ul", "aside", "footer", "section", "div", "dl", "table")
_NAVIGATION = re.compile(r"^(continue reading|read more|see also|related|advertisement|skip to|share this|"
                         r"sign up|subscribe|follow us|back to top)\b", re.I)
_POINTER = re.compile(r"^(read more|see also|related|watch|listen|more on this)\s*:", re.I)
"""A teaser pointing at another article, whatever its length ("Read more: ...")."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=1)
def _trafilatura():
    """trafilatura, imported without the socket its download helper (urllib3) opens at import time to
    probe for IPv6: this reader fetches nothing, and a source build opens no socket at all."""
    import logging
    import socket

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        # "discarding data: None" and the like would reach the user's terminal through logging's last resort
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if "urllib3" in sys.modules:
        import trafilatura
    else:
        probe, socket.has_ipv6 = socket.has_ipv6, False
        try:
            import trafilatura
        finally:
            socket.has_ipv6 = probe
    return trafilatura


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # dates only from the page's metadata and URL: a guess from the text takes any year it mentions
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timer (it breaks in worker threads)
    return config


def _parse(text: str):
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                  recover=True)
    # lxml refuses a str with an encoding declaration: give it UTF-8 bytes and say so (a <meta charset> would lie)
    data = re.sub(r"^\s*<\?xml[^>]*\?>", "", text[:500]) + text[500:]
    root = lxml.html.document_fromstring(data.encode("utf-8", "replace"), parser=parser)
    for element in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        element.drop_tree()
    return root


def _marker(a) -> tuple[object, str] | None:
    """(the element standing for a note marker, its label), when the link `a` is one."""
    holder = a.getparent() if a.getparent() is not None and a.getparent().tag == "sup" else a
    label = plain(holder.text_content())
    if not _MARKER_TEXT.match(label) and not (holder.tag == "sup" and len(label) <= 4 and label):
        return None
    return holder, label.strip("[] ")


def _take_notes(root, builder: DocBuilder) -> dict[int, str]:
    """Find markers linking to a note inside the page, replace each by a token, define the notes
    and remove the lists that held them. Token number -> note key."""
    ids = {el.get("id"): el for el in root.xpath("//*[@id]")}
    tokens: dict[int, str] = {}
    holders = []
    for a in root.xpath("//a[starts-with(@href, '#')]"):
        target = ids.get(a.get("href", "#")[1:])
        if target is None or a in target.iter() or target.tag in ("body", "html"):
            continue
        found = _marker(a)
        if found is None or _ancestor_holding(target) is None:
            continue
        holder, label = found
        key = f"html:{a.get('href')}"
        if not builder.has_note(key):
            body = _note_inline(target, ids)
            if not body.text:
                continue
            kind = "citation" if target.xpath(".//cite") else note_kind(body)
            builder.define_note(key, label, body, kind=kind)
            holders.append(_ancestor_holding(target))
        n = len(tokens)
        tokens[n] = key
        tail = holder.tail or ""
        holder.tail = f"\u27e6{n}\u27e7{tail}"
        holder.drop_tree()
    for holder in holders:
        if holder.getparent() is not None:
            holder.drop_tree()
    return tokens


def _keep_spaces(root) -> None:
    """trafilatura drops a tail of only whitespace, which joins two links into one word
    (``Secretary-General Ban`` -> ``Secretary-GeneralBan``): mark such spaces with a token it keeps."""
    for element in root.iter(*_INLINE):
        if element.tail and not element.tail.strip():
            element.tail = _SPACE


def _ancestor_holding(target):
    """The list (or section) the note sits in: a note is a list item, a definition, or a block of its own."""
    if target.tag in ("li", "dd", "dt", "p", "div", "aside", "section", "tr", "td"):
        parent = target.getparent()
        while parent is not None and parent.tag not in _NOTE_HOLDERS:
            parent = parent.getparent()
        return parent if parent is not None else target
    return None


def _note_inline(target, ids) -> Inline:
    """The note's text without its back-links to the markers (``^``, ``\u2191``)."""
    import copy

    note = copy.deepcopy(target)
    for a in note.xpath(".//a[starts-with(@href, '#')]"):
        if plain(a.text_content()) in ("", "^", "\u2191", "\u21a9") or a.getparent().tag == "sup":
            a.drop_tree()
    b = InlineBuilder()
    b.text(_BACKLINK.sub("", plain(note.text_content())))
    return b.build()


# ---------------------------------------------------------------- trafilatura's XML -> blocks
class _Walk:
    def __init__(self, doc: DocBuilder, tokens: dict[int, str]):
        self.doc, self.tokens = doc, tokens
        self.started = False  # a paragraph of the article has been seen
        self.turns = SpeakerTurns()

    def inline(self, element) -> Inline:
        b = InlineBuilder()
        self._inline(element, b, top=True)
        return b.build()

    def _text(self, b: InlineBuilder, s: str | None) -> None:
        if not s:
            return
        pos = 0
        for m in _TOKEN.finditer(s):
            b.text(s[pos:m.start()])
            if m.group(1) == "s":
                b.text(" ")
            elif self.tokens.get(int(m.group(1))):
                b.note(self.tokens[int(m.group(1))])
            pos = m.end()
        b.text(s[pos:])

    def _inline(self, element, b: InlineBuilder, top: bool = False) -> None:
        span = None
        if not top:
            if element.tag == "ref" and link_target(element.get("target")):
                span = b.open("link", link_target(element.get("target")))
            elif element.tag == "hi" and element.get("rend") in ("#i", "#b", "#em"):
                span = b.open("emphasis")
            elif element.tag == "lb":
                b.text(" ")
            elif element.get("rend") == "#sup" and _MARKER_TEXT.match(plain("".join(element.itertext()))) \
                    and not _TOKEN.search("".join(element.itertext())):
                b.removed()  # a note number with no note on the page: not a word of the text
                self._text(b, None)
                return
        self._text(b, element.text)
        for child in element:
            self._inline(child, b)
            self._text(b, child.tail)
        if span is not None:
            b.close(span)

    def blocks(self, element, role: str | None = None) -> None:
        for child in element:
            tag = child.tag
            if tag == "head":
                level = int(child.get("rend", "h2")[1:] or 2) if re.fullmatch(r"h\d", child.get("rend", "")) else 2
                self.doc.add("heading", self.inline(child), level=level)
                self.turns.heading()
            elif tag == "p":
                inline = self.inline(child)
                if not _navigation(child, inline):
                    self.paragraph("paragraph", inline, role)
                    self.started = True
            elif tag == "list":
                items = [self.inline(item) for item in child.iter("item")]
                if not self.started and all(len(i.text.split()) <= 6 and not i.text.endswith(".") for i in items):
                    continue  # above the article: its date, section and comment count, not its text
                for item in items:
                    self.paragraph("item", item, role)
            elif tag == "quote":
                if any(c.tag in ("p", "list", "head", "table") for c in child):
                    self.blocks(child, role="quotation")
                else:
                    self.doc.add("paragraph", self.inline(child), role="quotation")
            elif tag == "table":
                self.table(child)
            elif tag in ("div", "main", "section"):
                self.blocks(child, role)
            elif tag not in ("graphic", "comments", "code"):
                inline = self.inline(child)
                if not _navigation(child, inline):
                    self.doc.add("paragraph", inline, role=role)

    def paragraph(self, kind: str, inline: Inline, role: str | None) -> None:
        turn = self.turns.paragraph(inline.text) if role is None and inline.text else None
        self.doc.add(kind, inline, role="speaker-turn" if turn else role, context=turn)

    def table(self, table) -> None:
        for row in table.iter("row"):
            cells = [self.inline(cell) for cell in row if cell.tag == "cell"]
            if len(cells) < 2:
                for cell in cells:
                    self.doc.add("paragraph", cell)
                continue
            context = cells[0].text or None
            for cell in cells[1:]:
                self.doc.add("row" if context else "paragraph", cell, context=context)


def _navigation(element, inline: Inline) -> bool:
    """A paragraph that is only a link to elsewhere ("Continue reading the main story"), or a stock
    call to read, share or subscribe."""
    text = inline.text
    if not text:
        return True
    only_link = len(inline.links) >= 1 and sum(l.end - l.start for l in inline.links) >= len(text) - 2
    ref_only = element.tag == "ref" or (len(element) == 1 and element[0].tag == "ref"
                                        and not (element.text or "").strip() and not (element[0].tail or "").strip())
    short = len(text.split()) <= 12 and not text.endswith((".", "\u201d", '"'))
    bracketed = text.startswith("[") and text.endswith("]") and len(text.split()) <= 15  # "[Our latest ...]"
    return (((only_link or ref_only) and short) or (short and bool(_NAVIGATION.match(text)))
            or bool(_POINTER.match(text)) or (bracketed and bool(inline.links or ref_only)))


def _title(title: str, site: str | None) -> str:
    """The page title without the site's name the page appends (``... | Site | date``, ``... - Site``)."""
    if not site:
        return title
    for sep in (" | ", " - ", " \u2013 ", " \u2014 "):
        head, found, tail = title.partition(sep)
        if found and head and site.lower().split()[0] in tail.lower():
            return head.strip()
    return title


def _metadata(root) -> dict:
    author = root.get("author")
    if author:
        names = list(dict.fromkeys(a.strip() for a in author.split(";") if a.strip()))
        # a CMS placeholder ("Username", "admin") is not an author: a name has two words
        author = next((a for a in names if len(a.split()) >= 2), None)
    date = root.get("date")
    site = plain(root.get("sitename") or "")
    site = None if not site or site.startswith(("http://", "https://", "www.")) else site
    return {"title": _title(plain(root.get("title") or ""), site) or None,
            "date": date if date and re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", date) else None,
            "publisher": site,
            "author": author,
            "url": root.get("url") if (root.get("url") or "").startswith(("http://", "https://")) else None}


def read_html(text: str, source: Source) -> Document:
    """Read a web page saved from a browser: its article, headings, tables, notes and metadata."""
    # lxml refuses text nodes with control characters; a saved page has no business holding them
    text = _CONTROL.sub("", text)
    trafilatura = _trafilatura()
    doc = DocBuilder(source, "html")
    try:
        page = _parse(text)
    except etree.ParserError:  # nothing but whitespace or comments
        return doc.finish(title=source.title)
    tokens = _take_notes(page, doc)
    _keep_spaces(page)
    options = dict(output_format="xml", include_tables=True, include_links=True, include_formatting=True,
                   include_comments=False, include_images=False, with_metadata=True, config=_config())
    xml = trafilatura.extract(page, **options)
    if xml is None:  # a short page: trafilatura's precision filter found no article; take what it can
        xml = trafilatura.extract(page, favor_recall=True, **options)
    if xml is None:
        return doc.finish(title=source.title)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(xml.encode("utf-8"), parser=parser)
    main = root.find("main")
    _Walk(doc, tokens).blocks(main if main is not None else root)
    return doc.finish(cover=True, **_metadata(root))
