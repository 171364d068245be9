"""Bounded memos of pure functions, shared by the readers and the extractors.

A corpus repeats passages (a page's unchanged paragraphs in another revision, a press
office's boilerplate, the same citation): such a passage is parsed or scanned once. Memory
stays bounded by the characters of the texts kept, however many documents are read."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable


class RecentItems:
    """The most recently used entries of a map while their costs (`cost(key)`, 1 each by
    default) add up to at most `budget`; thread-safe."""

    def __init__(self, budget: int, cost: Callable[[object], int] = lambda _key: 1) -> None:
        self.budget, self.cost, self.size = budget, cost, 0
        # least recently used first; an OrderedDict, because a dict's oldest entry is found by
        # skipping the slots of every entry deleted before it (20+ us a miss on a large corpus)
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, default=None):
        with self.lock:
            value = self.items.get(key, _MISSING)
            if value is _MISSING:
                return default
            self.items.move_to_end(key)  # now the most recently used
            return value

    def put(self, key, value) -> None:
        items = self.items
        with self.lock:
            if key not in items:
                self.size += self.cost(key)
            items[key] = value
            while self.size > self.budget:
                oldest, _ = items.popitem(last=False)
                self.size -= self.cost(oldest)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0


class TextMemo:
    """A memo of `fn(text)` that keeps the most recently used results while the texts they were
    computed from hold at most `budget` characters in all (so memory stays bounded however long
    the texts are); a text longer than a tenth of the budget is computed each time."""

    def __init__(self, fn, budget: int) -> None:
        self.fn = fn
        self.recent = RecentItems(budget, cost=len)

    @property
    def items(self) -> OrderedDict:
        return self.recent.items

    @property
    def size(self) -> int:
        return self.recent.size

    def __call__(self, text: str, *more):
        """fn(text, *more), from the memo when `text` was seen (`more` must follow from `text`)."""
        value = self.recent.get(text, _MISSING)
        if value is _MISSING:
            value = self.fn(text, *more)  # (unlocked: fn may take long)
            if len(text) * 10 <= self.recent.budget:
                self.recent.put(text, value)
        return value

    def clear(self) -> None:
        self.recent.clear()


_MISSING = object()
