"""Source text and its `Source` in, a `Document` out: the literal reader registry and genre detection."""
from __future__ import annotations

import dataclasses
import re

from analysis.model.document import Document, Source
from analysis.readers.markdown import read_markdown
from analysis.readers.plaintext import read_plaintext
from analysis.readers.wikitext import read_wikitext

READERS = {"wikitext": read_wikitext, "markdown": read_markdown, "plaintext": read_plaintext}

_EXTENSIONS = {".wiki": "wikitext", ".wikitext": "wikitext", ".mediawiki": "wikitext",
               ".md": "markdown", ".markdown": "markdown", ".txt": "plaintext", ".text": "plaintext"}
# Line-local ([ \t] where a line's own spaces are meant: a \s* after ^ runs across blank lines) and
# unambiguous (no two space runs side by side that could share the same spaces): detection took
# time cubic in the number of empty lines, and quadratic in the length of a line of spaces.
_WIKI_SIGNS = re.compile(r"\[\[|\{\{|<ref\b|^\{\||^==[^=\n].*==[ \t]*$", re.M | re.I)
_MD_SIGNS = re.compile(r"^#{1,6}[ \t]+\S|<sup>|\*\*[^*\n]+\*\*|\]\(|^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|",
                       re.M | re.I)


def detect_genre(text: str, path: str) -> str:
    """Guess the genre from markup counts; the file extension only breaks ties."""
    sample = text[:200_000]
    if "Difference between revisions" in sample[:5000]:
        return "wikitext"
    wiki = len(_WIKI_SIGNS.findall(sample))
    md = len(_MD_SIGNS.findall(sample))
    by_extension = next((g for ext, g in _EXTENSIONS.items() if path.lower().endswith(ext)), None)
    undecided = wiki == md or max(wiki, md) < 2
    if undecided:
        return by_extension or "plaintext"
    return "wikitext" if wiki > md else "markdown"


def read(text: str, source: Source) -> Document:
    """Read `text` with the reader for source.genre, or the detected genre when none (or an unknown one) is set."""
    genre = source.genre if source.genre in READERS else detect_genre(text, source.path)
    document = READERS[genre](text, source)
    if source.genre and source.genre not in READERS:
        note = f"{source.path}: unknown genre {source.genre!r}; read as {genre}"
        document = dataclasses.replace(document, warnings=(note, *document.warnings))
    return document


__all__ = ["READERS", "detect_genre", "read", "read_markdown", "read_plaintext", "read_wikitext"]
