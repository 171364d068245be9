"""Wikitext inline markup, templates, links and references rendered to plain text with notes and links."""
from __future__ import annotations

import functools
import html
import re

import mwparserfromhell
import pycountry
from mwparserfromhell.nodes import (Argument, ExternalLink, Heading, HTMLEntity, Tag,
                                    Template, Text, Wikilink)

from analysis.text.memo import RecentItems, TextMemo
from analysis.readers.common import DocBuilder, Inline, InlineBuilder, plain


# ---------------------------------------------------------------- templates

_SPECIAL_CODES = {"EU": "European Union", "UN": "United Nations", "UK": "United Kingdom",
                  "US": "United States"}
# Wikipedia displays these instead of the ISO short names; IOC codes that are not ISO codes.
_COUNTRY_NAMES = {
    "RUS": "Russia", "PSE": "Palestine", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CIV": "Ivory Coast", "BRN": "Brunei", "CPV": "Cape Verde",
    "FSM": "Micronesia", "VAT": "Vatican City", "CZE": "Czech Republic", "TUR": "Turkey",
    "GER": "Germany", "NED": "Netherlands", "SUI": "Switzerland", "DEN": "Denmark",
    "POR": "Portugal", "GRE": "Greece", "CRO": "Croatia", "SLO": "Slovenia", "RSA": "South Africa",
    "KSA": "Saudi Arabia", "UAE": "United Arab Emirates", "BUL": "Bulgaria", "LAT": "Latvia",
    "MAS": "Malaysia", "INA": "Indonesia", "PHI": "Philippines", "VIE": "Vietnam", "CHI": "Chile",
    "PAR": "Paraguay", "URU": "Uruguay", "NGR": "Nigeria", "ALG": "Algeria", "ANG": "Angola",
    "IRI": "Iran", "TPE": "Taiwan", "ZIM": "Zimbabwe", "ZAM": "Zambia", "HAI": "Haiti",
    "CRC": "Costa Rica", "GUA": "Guatemala", "HON": "Honduras", "ESA": "El Salvador",
    "NCA": "Nicaragua", "TAN": "Tanzania", "LIB": "Lebanon", "MGL": "Mongolia",
}


@functools.lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """Display name for a country/organisation code template (``USA``, ``GBR``, ``EU``)."""
    code = code.strip()
    if not (code.isupper() and code.isalpha() and 2 <= len(code) <= 4):
        return None
    if code in _SPECIAL_CODES:
        return _SPECIAL_CODES[code]
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    if len(code) != 3:
        return None
    try:
        country = pycountry.countries.get(alpha_3=code)
    except (KeyError, LookupError):
        country = None
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name.split(",")[0]


_FIRST_ARG = frozenset((
    "nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "large", "em", "strong", "var",
    "sic", "not a typo", "notatypo", "proper name", "avoid wrap", "code", "mono", "smallcaps", "sc",
    "visible anchor", "vanchor", "abbr", "tooltip", "abbrlink", "center", "centre", "ill",
    "interlanguage link", "interlanguage link multi", "plainlist", "flatlist", "noitalic", "nobold",
    "keep together", "script", "lang-rtl", "nowrap begin", "text", "replace", "uc", "lc",
))
_SECOND_ARG = frozenset(("lang", "langx", "color", "colour", "flagg", "font color"))
_LAST_ARG = frozenset(("transl", "transliteration", "resize"))
_QUOTES = frozenset(("quote", "blockquote", "cquote", "quotation", "quote box", "rquote", "pull quote",
                     "centered pull quote", "talk quote", "bq", "quote frame"))
_LISTS = frozenset(("hlist", "unbulleted list", "ubl", "bulleted list", "ordered list", "bulleted"))
_CONSTANTS = {"ndash": "–", "mdash": "—", "snd": " – ", "spaced ndash": " – ", "spaced en dash": " – ",
              "nbsp": " ", "!": "|", "=": "=", "'": "'", '"': '"', "'s": "'s", "dot": " · ",
              "·": " · ", "bull": " • ", "•": " • ", "en dash": "–", "em dash": "—", "shy": "",
              "zwsp": "", "-": "–", "break": " ", "clear": ""}
_FLAGS_TEXT = frozenset(("flag", "flagcountry", "flag country", "flagu", "flagnation", "flag link"))
_UNSOURCED = frozenset(("citation needed", "cn", "fact", "citation required", "cite needed", "needs citation",
                        "unreferenced inline", "better source needed", "better source", "verification needed",
                        "failed verification", "dubious", "unreliable source?", "unreliable source",
                        "original research inline", "or-inline", "by whom", "according to whom", "who?", "who"))
"""Inline tags by which a wiki flags the words before them as unsourced or doubtful."""
_NOTES = frozenset(("efn", "efn-ua", "efn-la", "efn-lr", "efn-ur", "refn", "notetag", "note tag",
                    "ntag", "efn-lg"))
_SHORT_CITES = frozenset(("sfn", "sfnp", "harvnb", "harv", "harvp", "harvtxt", "sfnm"))
_DATE_TEMPLATES = frozenset(("start date", "date", "dts", "start date and age", "end date",
                             "birth date", "death date", "end date and age", "birth date and age"))
_CURRENCY = {"us$": "US$", "usd": "US$", "€": "€", "eur": "€", "gbp": "£", "£": "£"}
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")

# Citation parameters that only steer formatting.
_CITE_SKIP = frozenset(("df", "mode", "ref", "postscript", "url-access", "name-list-style",
                        "display-authors", "lastauthoramp", "quote-page"))
_CITE_ALIASES = {"accessdate": "access-date", "archiveurl": "archive-url",
                 "archivedate": "archive-date", "urlstatus": "url-status", "deadurl": "url-status",
                 "dead-url": "url-status", "script-title": "title", "trans_title": "trans-title"}
_NOTE_GROUPS = ("cite", "ref", "refs", "citation", "citations", "source", "sources", "r")

_DROP_TAGS = frozenset(("gallery", "math", "chem", "score", "timeline", "templatestyles",
                        "syntaxhighlight", "source", "imagemap", "graph", "mapframe", "maplink",
                        "indicator", "categorytree", "inputbox", "hiero", "references", "style",
                        "noinclude", "section"))
_STRAY_TAGS = re.compile(r"</?(?:small|big|span|div|center|font|sup|sub|u|s|p|b|i|em|strong|"
                         r"blockquote|poem|abbr|cite|code|tt|hr|br|ref|references)\b[^>\n]{0,200}>", re.I)
_LINK_SKIP = re.compile(r"^(?:file|image|category|media|bild|datei|fichier|kategorie|catégorie|"
                        r"imagen|archivo|immagine|categoria)\s*:", re.I)
_INTERWIKI = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8})?:")
_MAX_NODE_DEPTH = 60


def _tname(name: str) -> str:
    name = " ".join(name.replace("_", " ").split())
    if name.lower().startswith("template:"):
        name = name[9:].strip()
    return name


def _cite_text(fields: list[tuple[str, str]]) -> str:
    """A readable citation: authors. "Title". Work. Publisher. Date."""
    got = dict(fields)
    authors = []
    for i in ("", "1", "2", "3", "4"):
        last, first = got.get("last" + i), got.get("first" + i)
        name = got.get("author" + i) or (f"{last}, {first}" if last and first else last)
        if name and name not in authors:
            authors.append(name)
    parts = ["; ".join(authors)]
    if got.get("title"):
        parts.append(f"\u201c{got['title']}\u201d")
    for key in ("work", "newspaper", "magazine", "journal", "website", "periodical", "agency",
                "publisher", "location", "date", "year"):
        if got.get(key) and got[key] not in parts:
            parts.append(got[key])
    if len(parts) == 1 and got.get("url"):
        parts.append(got["url"])
    return ". ".join(p.rstrip(".") for p in parts if p) + "."


# The parse trees of recent fragments: a recurring paragraph or citation (the unchanged text in
# another revision of a page) is parsed once. The renderer only reads a tree, never changes it.
parse = TextMemo(lambda wikitext: mwparserfromhell.parse(wikitext, skip_style_tags=False), 300_000)


class NodeMemo:
    """Values computed from parse-tree nodes, by node, for the trees that parse hands out again
    (a recurring paragraph), most recent `size` kept. An entry holds its node, so no other node
    can take that node's id while the entry is kept."""

    def __init__(self, size: int) -> None:
        self.recent = RecentItems(size)

    @property
    def items(self):
        return self.recent.items  # id(node) -> (node, value)

    def get(self, node):
        entry = self.recent.get(id(node))
        return None if entry is None else entry[1]

    def put(self, node, value) -> None:
        self.recent.put(id(node), (node, value))

    def clear(self) -> None:
        self.recent.clear()


NOTE_BODIES = NodeMemo(4096)
"""Renderer._note_body of the note bodies (ref contents) in recurring paragraphs."""


class Renderer:
    """Turns wikitext fragments into Inline text, footnotes going to the DocBuilder."""

    def __init__(self, doc: DocBuilder):
        self.doc = doc
        self.b = InlineBuilder()
        self.out: list[Inline] = []
        self.split_br = False
        self.in_ref = False
        self.cite_fields: list[tuple[str, str]] | None = None
        self.unnamed = 0
        self.reference_lists = 0  # <references> met so far

    # -- entry points

    def paragraphs(self, wikitext: str, split_br: bool = False) -> list[Inline]:
        saved = (self.b, self.out, self.split_br)
        self.b, self.out, self.split_br = InlineBuilder(), [], split_br
        try:
            self._nodes(parse(wikitext).nodes, 0)
            self.out.append(self.b.build())
            return [p for p in self.out if p.text]
        finally:
            self.b, self.out, self.split_br = saved

    def inline(self, wikitext: str) -> Inline:
        found = self.paragraphs(wikitext)
        return found[0] if len(found) == 1 else Inline(" ".join(p.text for p in found))

    def _plain(self, code) -> str:
        """Text of a parsed fragment, rendered apart from the current block."""
        saved = (self.b, self.split_br)
        self.b, self.split_br = InlineBuilder(), False
        try:
            self._nodes(code.nodes, 1)
            return self.b.build().text
        finally:
            self.b, self.split_br = saved

    # -- nodes

    def _nodes(self, nodes, depth: int) -> None:
        for node in nodes:
            self._node(node, depth)

    def _node(self, node, depth: int) -> None:
        if depth > _MAX_NODE_DEPTH:
            self.b.removed()
            return
        if isinstance(node, Text):
            self.b.text(_clean_text(node.value))
        elif isinstance(node, HTMLEntity):
            try:
                self.b.text(node.normalize())
            except ValueError:
                self.b.text(str(node))
        elif isinstance(node, Wikilink):
            self._wikilink(node, depth)
        elif isinstance(node, ExternalLink):
            self._external(node, depth)
        elif isinstance(node, Template):
            self._template(node, depth)
        elif isinstance(node, Tag):
            self._tag(node, depth)
        elif isinstance(node, Heading):
            self._nodes(node.title.nodes, depth + 1)
        elif isinstance(node, Argument) and node.default is not None:
            self._nodes(node.default.nodes, depth + 1)
        else:  # comments, bare arguments
            self.b.removed()

    def _wikilink(self, node: Wikilink, depth: int) -> None:
        title = str(node.title).strip()
        bare = title.lstrip(":")
        if (not title.startswith(":") and _LINK_SKIP.match(bare)) or (
                node.text is None and _INTERWIKI.match(title)):
            self.b.removed()
            return
        target = " ".join(bare.replace("_", " ").split())
        span = self.b.open("link", target)
        if node.text is not None and str(node.text).strip():
            self._nodes(node.text.nodes, depth + 1)
        else:
            label = target.split("#")[0] or target.split("#", 1)[-1]
            if node.text is not None:  # the pipe trick: [[Page (qualifier)|]]
                label = re.sub(r"\s*\([^)]*\)$", "", label.split(":")[-1])
            self.b.text(label)
        self.b.close(span)

    def _external(self, node: ExternalLink, depth: int) -> None:
        url = str(node.url).strip()
        if node.brackets and not (node.title and str(node.title).strip()):
            self.b.removed()  # [http://x] shows as a bare number
            return
        span = self.b.open("link", url)
        if node.brackets:
            self._nodes(node.title.nodes, depth + 1)
        else:
            self.b.text(url)
        self.b.close(span)

    def _tag(self, node: Tag, depth: int) -> None:
        tag = str(node.tag).strip().lower()
        if tag == "ref":
            self._ref(node)
        elif tag == "references":
            self._list_defined_refs(node)
        elif tag in _DROP_TAGS:
            self.b.removed()
        elif tag == "br":
            if self.split_br:
                old = self.b
                self.b = old.split()
                self.out.append(old.build())
            else:
                self.b.text(" ")
        elif tag in ("nowiki", "pre") and node.contents is not None:
            self.b.text(html.unescape(str(node.contents)))
        elif node.contents is None:
            self.b.removed()
        elif tag in ("i", "em"):
            span = self.b.open("em")
            self._nodes(node.contents.nodes, depth + 1)
            self.b.close(span)
        else:
            if tag in ("p", "div", "li", "td", "th", "tr", "table", "blockquote"):
                self.b.text(" ")
            self._nodes(node.contents.nodes, depth + 1)
            if tag in ("td", "th", "tr", "li", "p", "div"):
                self.b.text(" ")

    # -- footnotes

    def _ref(self, node: Tag) -> None:
        if self.in_ref:
            self.b.removed()
            return
        key, name, kind = _ref_identity(node)
        has_content = node.contents is not None and has_text(node.contents)
        if not name and not has_content:
            self.b.removed()
            return
        if not name:
            self.unnamed += 1
            key = f"ref#{self.unnamed}"
        if has_content and not self.doc.has_note(key):
            self._define(key, name, node.contents, kind)
        self.b.note(key)

    def _list_defined_refs(self, node: Tag) -> None:
        """`<references>` may define named refs used above it; it prints nothing itself."""
        self.b.removed()
        self.reference_lists += 1
        if node.contents is None:
            return
        for ref in node.contents.filter_tags(recursive=False, matches=lambda n: str(n.tag).lower() == "ref"):
            key, name, kind = _ref_identity(ref)
            if name and ref.contents is not None and not self.doc.has_note(key):
                self._define(key, name, ref.contents, kind)

    def _define(self, key: str, label: str, code, kind: str) -> None:
        """Define a note: its body rendered apart from the block."""
        body = NOTE_BODIES.get(code)
        if body is None:
            lists = self.reference_lists
            body = self._note_body(code)
            if self.reference_lists == lists:  # (a <references> inside defines notes of this document)
                NOTE_BODIES.put(code, body)
        inline, fields = body
        self.doc.define_note(key, label, inline, kind=kind, fields=fields)

    def _note_body(self, code) -> tuple[Inline, tuple[tuple[str, str], ...]]:
        """A note body's text and the first citation template's fields. Inside a note, refs and
        note templates are dropped and nothing asks the document, so the body alone decides."""
        saved = (self.b, self.split_br, self.in_ref, self.cite_fields)
        self.b, self.split_br, self.in_ref, self.cite_fields = InlineBuilder(), False, True, None
        try:
            self._nodes(code.nodes, 1)
            return self.b.build(), tuple(self.cite_fields or _bare_fields(code))
        finally:
            self.b, self.split_br, self.in_ref, self.cite_fields = saved

    # -- templates

    def _template(self, node: Template, depth: int) -> None:
        raw = _tname(str(node.name))
        name = raw.lower()
        if ":" in name:
            head, _, rest = raw.partition(":")
            if head.lower() in ("formatnum", "lc", "uc", "lcfirst", "ucfirst"):
                self.b.text(rest)
            else:
                self.b.removed()  # parser functions and magic words
            return
        if name.startswith("cite ") or name in ("citation", "cite", "vcite"):
            self._cite(node)  # (reads its parameters itself)
            return
        args = {str(p.name).strip().lower(): p.value for p in node.params}

        def arg(i: int | str):
            return args.get(str(i))

        def emit(code) -> None:
            if code is not None:
                self._nodes(code.nodes, depth + 1)
            else:
                self.b.removed()

        if name in _UNSOURCED:
            self.b.unsourced()
        elif name in _FLAGS_TEXT:
            self._flag(arg("name") or arg(1))
        elif name in _NOTES:
            self._template_note(args, "note")
        elif name in _SHORT_CITES:
            self._short_cite(args)
        elif name in _CONSTANTS:
            self.b.text(_CONSTANTS[name])
        elif country_name(raw):
            self.b.text(country_name(raw))
        elif name in _QUOTES:
            emit(arg("text") or arg("quote") or arg(1))
        elif name in _LISTS:
            items = [self._plain(args[k]) for k in sorted((k for k in args if k.isdigit()), key=int)]
            self.b.text(", ".join(i for i in items if i))
        elif name.startswith("lang-"):
            emit(arg(1))
        elif name in _SECOND_ARG:
            emit(arg(2) or arg("text"))
        elif name in _LAST_ARG:
            last = max((int(k) for k in args if k.isdigit()), default=0)
            emit(arg(last) if last else None)
        elif name in ("ill", "interlanguage link") and arg("lt"):
            emit(arg("lt"))
        elif name in _FIRST_ARG:
            emit(arg(1) or arg("text"))
        else:
            self._special(name, args)

    def _special(self, name: str, args: dict) -> None:
        """Templates whose text is built from their arguments (dates, amounts, conversions)."""
        vals = [self._plain(args[k]) for k in sorted((k for k in args if k.isdigit()), key=int)]
        text = ""
        if name in ("as of", "as at"):
            text = ("as of " if args.get("lc") and str(args["lc"]).strip() else "As of ") + _date_text(vals)
        elif name in ("circa", "c."):
            text = "c. " + (vals[0] if vals else "")
        elif name in _DATE_TEMPLATES:
            text = _date_text([v for v in vals if v.isdigit()][:3]) or (vals[0] if vals else "")
        elif name in ("convert", "cvt") and len(vals) >= 2:
            if len(vals) >= 4 and vals[1] in ("-", "–", "to", "and", "or", "to(-)", "x", "by"):
                sep = "–" if vals[1] in ("-", "–") else f" {vals[1]} "
                text = f"{vals[0]}{sep}{vals[2]} {vals[3]}"
            else:
                text = f"{vals[0]} {vals[1]}"
        elif name in _CURRENCY and vals:
            text = _CURRENCY[name] + vals[0]
        elif name == "val" and vals:
            text = vals[0] + (" " + self._plain(args["u"]) if "u" in args else "")
        if text.strip():
            self.b.text(text)
        else:
            self.b.removed()  # maintenance, navigation, infoboxes and anything unknown

    def _flag(self, code) -> None:
        if code is None:
            self.b.removed()
            return
        text = self._plain(code)
        name = country_name(text) or text
        span = self.b.open("link", name)
        self.b.text(name)
        self.b.close(span)

    def _cite(self, node: Template) -> None:
        fields: list[tuple[str, str]] = []
        for param in node.params:
            key = " ".join(str(param.name).strip().lower().split())
            key = _CITE_ALIASES.get(key, key)
            if key in _CITE_SKIP or key.startswith(("author-link", "authorlink", "author-mask")):
                continue
            value = self._plain(param.value)
            if key == "title" and re.match(r"^[a-z]{2,3}:", value) and "script-title" in str(param.name):
                value = value.split(":", 1)[1]
            if value and not any(k == key for k, _ in fields):
                fields.append((key, value))
        if self.in_ref and self.cite_fields is None:
            self.cite_fields = fields
        self.b.text(" " + _cite_text(fields) + " ")

    def _template_note(self, args: dict, kind: str) -> None:
        if self.in_ref:
            self.b.removed()
            return
        name = plain(self._plain(args["name"])) if "name" in args else ""
        body = args.get("1") or args.get("text")
        if name:
            key = f"efn:{name}"
        else:
            self.unnamed += 1
            key = f"efn#{self.unnamed}"
        if body is not None and not self.doc.has_note(key):
            self._define(key, name, body, kind)
        self.b.note(key)

    def _short_cite(self, args: dict) -> None:
        vals = [self._plain(args[k]) for k in sorted((k for k in args if k.isdigit()), key=int)]
        if not vals:
            self.b.removed()
            return
        text = " & ".join(vals[:-1]) + " " + vals[-1] if len(vals) > 1 else vals[0]
        for key in ("p", "page", "pp", "pages", "loc"):
            if key in args:
                text += (", p. " if key in ("p", "page") else ", pp. " if key in ("pp", "pages")
                         else ", ") + self._plain(args[key])
                break
        key = "sfn:" + text
        if not self.in_ref and not self.doc.has_note(key):
            self.doc.define_note(key, "", Inline(text + "."), kind="citation")
        if self.in_ref:
            self.b.text(text)
        else:
            self.b.note(key)


def has_text(code) -> bool:
    """bool(str(code).strip()) without writing out the templates (citations) the code holds."""
    for node in code.nodes:
        if isinstance(node, Template):
            return True  # written {{...}}
        if (node.value if isinstance(node, Text) else str(node)).strip():
            return True
    return False


def _ref_identity(node: Tag) -> tuple[str, str, str]:
    """(note key, ref name, kind) of a <ref>; a named group such as ``note`` marks explanatory notes."""
    attrs = {str(a.name).strip().lower(): plain(str(a.value or "")).strip("\"' ") for a in node.attributes}
    name, group = attrs.get("name", ""), attrs.get("group", "")
    kind = "note" if group and group.lower() not in _NOTE_GROUPS else "citation"
    return f"ref:{group}:{name}", name, kind


def _date_text(vals: list[str]) -> str:
    """``[2019, 3, 14]`` -> ``14 March 2019``; missing parts are left out."""
    if not vals:
        return ""
    year = vals[0]
    month = int(vals[1]) if len(vals) > 1 and vals[1].isdigit() and 1 <= int(vals[1]) <= 12 else 0
    day = vals[2] if len(vals) > 2 and vals[2].isdigit() else ""
    return " ".join(p for p in (day.lstrip("0"), _MONTH_NAMES[month] if month else "", year) if p)


def _bare_fields(code) -> list[tuple[str, str]]:
    """A ref without a citation template: its first bracketed link gives title and url."""
    fields: list[tuple[str, str]] = []
    for link in code.filter_external_links(recursive=True):
        if link.brackets and link.title and str(link.title).strip():
            label = plain(parse(str(link.title)).strip_code())
            fields += [("title", label.strip("\"“”'‘’ ")), ("url", str(link.url).strip())]
            break
    return fields


_UNPAIRED_QUOTES = re.compile(r"'{2,}")
_MAGIC_WORD = re.compile(r"__[A-Z]{3,}__")


def _clean_text(value: str) -> str:
    value = _UNPAIRED_QUOTES.sub("", value)  # quotes mwparserfromhell could not pair
    value = _MAGIC_WORD.sub("", value)
    if "<" in value:
        value = _STRAY_TAGS.sub(" ", value)
    return html.unescape(value) if "&" in value else value
