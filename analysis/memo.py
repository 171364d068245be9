"""A bounded memo of pure functions of a text, shared by the readers and the extractors.

A corpus repeats passages (a page's unchanged paragraphs in another revision, a press
office's boilerplate, the same citation): such a passage is parsed or scanned once. Memory
stays bounded by the characters of the texts kept, however many documents are read."""
from __future__ import annotations

import threading
from collections import OrderedDict


class TextMemo:
    """A memo of `fn(text)` that keeps the most recently used results while the texts they were
    computed from hold at most `budget` characters in all (so memory stays bounded however long
    the texts are); a text longer than a tenth of the budget is computed each time."""

    def __init__(self, fn, budget: int) -> None:
        self.fn, self.budget, self.size = fn, budget, 0
        # least recently used first; an OrderedDict, because a dict's oldest entry is found by
        # skipping the slots of every entry deleted before it (20+ us a miss on a large corpus)
        self.items: OrderedDict[str, object] = OrderedDict()
        self.lock = threading.Lock()  # (fn itself runs unlocked)

    def __call__(self, text: str, *more):
        """fn(text, *more), from the memo when `text` was seen (`more` must follow from `text`)."""
        items = self.items
        with self.lock:
            value = items.get(text, _MISSING)
            if value is not _MISSING:
                items.move_to_end(text)  # now the most recently used
                return value
        value = self.fn(text, *more)
        n = len(text)
        if n * 10 <= self.budget:
            with self.lock:
                if text not in items:
                    self.size += n
                items[text] = value
                while self.size > self.budget:
                    oldest, _ = items.popitem(last=False)
                    self.size -= len(oldest)
        return value

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0


_MISSING = object()
