"""MediaWiki wikitext (articles, diff and old-revision captures) in, a `Document` of cited blocks out."""
from __future__ import annotations

from analysis.model.document import Document, Source
from analysis.readers.common import DocBuilder, never_raise
from analysis.readers.wikitext.blocks import Segmenter
from analysis.readers.wikitext.chrome import logical_lines, remove_comments, strip_chrome


@never_raise("wikitext")
def read_wikitext(text: str, source: Source) -> Document:
    """Read a wikitext article or a capture of a diff/old-revision page."""
    doc = DocBuilder(source, "wikitext")
    title, body = strip_chrome(text, doc)
    body = remove_comments(body, doc)
    segmenter = Segmenter(doc)
    segmenter.run(logical_lines(body, doc))
    return doc.finish(title=title or segmenter.first_heading)


__all__ = ["read_wikitext"]
