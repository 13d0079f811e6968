"""Public answers kept until the store changes: the same address answered once per version.

An answer's ETag (web/caching.py) names exactly what it depends on: the store's version,
this code, the address and the reader's language. Two requests with one tag get one answer,
so the portal keeps the answers it sent, by tag and by whether they were compressed, and
sends a kept one again without building it. A new store version (any ingest, rebuild or
review) empties the whole store of answers at once; the oldest answers go first when the
budget is spent. Analysts' pages, forms, answers that set a cookie and streamed exports
are never kept.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

# One answer larger than this is sent but not kept: a long list asked for once.
LARGEST = 1024 * 1024


@dataclass(frozen=True)
class Answer:
    """What was sent: status, headers and the whole body."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


Key = tuple[str, bool]  # the answer's ETag, and whether it was compressed


class Answers:
    """Answers of one store version, the most recently used kept within ``budget`` bytes.

    Used from the server's event loop only, never from two threads at once."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.version = -1
        self.size = 0
        self.kept: OrderedDict[Key, Answer] = OrderedDict()

    def _at(self, version: int) -> None:
        if version != self.version:
            self.kept.clear()
            self.size = 0
            self.version = version

    def get(self, version: int, key: Key) -> Answer | None:
        """The answer kept for ``key`` at ``version``, if any."""
        self._at(version)
        found = self.kept.get(key)
        if found is not None:
            self.kept.move_to_end(key)
        return found

    def put(self, version: int, key: Key, answer: Answer) -> None:
        """Keep ``answer``, if it fits, letting the least recently used ones go."""
        cost = len(answer.body) + sum(len(k) + len(v) for k, v in answer.headers)
        if cost > min(LARGEST, self.budget) or version < self.version:
            return  # too large, or built before a write another request has already seen
        self._at(version)
        if key in self.kept:
            return
        while self.kept and self.size + cost > self.budget:
            _, gone = self.kept.popitem(last=False)
            self.size -= len(gone.body) + sum(len(k) + len(v) for k, v in gone.headers)
        self.kept[key] = answer
        self.size += cost
