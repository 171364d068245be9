"""Build Documents by hand for analysis tests, independent of the readers."""
from __future__ import annotations

from analysis.model.document import Block, Document


def make_doc(passages, genre="wikitext", doc_id="t1", title="Test document", date=None) -> Document:
    blocks = []
    for i, p in enumerate(passages, 1):
        blocks.append(Block(anchor=f"{doc_id}-p{i}", kind=p.get("kind", "paragraph"), text=p["text"],
                            context=p.get("context")))
    return Document(id=doc_id, path=f"{doc_id}.txt", genre=genre, title=title, date=date, blocks=tuple(blocks))
