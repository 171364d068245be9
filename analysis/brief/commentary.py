"""The author's Markdown for a section, as a block placed before the generated content."""
from __future__ import annotations

from collections.abc import Mapping

from ..model.brief import AuthorText, Block


def commentary(author: Mapping[str, str], sid: str) -> list[Block]:
    text = author.get(sid)
    return [AuthorText(markdown=text, origin=sid)] if text and text.strip() else []
