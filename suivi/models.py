"""The types that cross layers: articles, documents and facts, analysts and their reviews."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar


@dataclass(frozen=True)
class Article:
    """One article read from a source, before it is stored.

    ``source`` is the input as given (path or URL), ``name`` the document's short name (the
    file's base name, or the URL). ``raw`` holds the original bytes as received (archived
    with their SHA-256); ``text`` is the normalised text without site chrome, the text every
    evidence offset points into.
    """

    source: str
    name: str
    raw: bytes
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    media_type: str = "text/plain"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractionInput:
    """A text to extract facts from, with what is already known about it."""

    doc: str
    text: str
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Document:
    """A stored document, as consolidation and the pages see it: what a record's sources cite."""

    id: str
    name: str
    outlet: str | None
    published: str | None
    order: int
    text: str = field(repr=False)


@dataclass(frozen=True)
class Fact:
    """One extracted item of one stored document."""

    id: int
    category: str
    data: dict[str, Any]
    document: Document
    start: int
    end: int

    @property
    def evidence(self) -> str:
        """The sentence that supports the fact."""
        return self.document.text[self.start : self.end]

    @property
    def order(self) -> tuple[int, int, int]:
        """Ingestion order: the document's, then the place in the text."""
        return (self.document.order, self.start, self.id)

    @property
    def identity(self) -> FactKey:
        """What identifies the fact across re-extractions."""
        return FactKey(self.document.id, self.category, self.start, self.end)

    def key(self) -> str:
        """A key that names this fact the same way after every rebuild."""
        payload = json.dumps(
            [self.document.id, self.category, self.start, self.end, self.data], sort_keys=True
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get(self, name: str) -> Any:
        """A field of the extracted item."""
        return self.data.get(name)


@dataclass(frozen=True)
class FactKey:
    """What identifies a fact across re-extractions: its document, category and span."""

    document_id: str
    category: str
    start: int
    end: int


@dataclass(frozen=True)
class User:
    """An analyst's account."""

    id: int
    name: str


@dataclass(frozen=True)
class Decision:
    """What an analyst decides about one field (``""``: the whole) of a record or a fact:
    ``target`` is the record's id or the fact's key; ``value`` what the field shows after
    it, ``extracted`` what extraction or consolidation had said."""

    target: str | FactKey
    field: str
    action: str
    value: Any = None
    extracted: Any = None
    reason: str = ""
    fact_id: int | None = None  # for reference only: re-extraction renumbers facts


@dataclass(frozen=True)
class Review:
    """One stored review: a version of a field of a record or of a fact (``""``: the whole)."""

    id: int
    target: str
    record_id: str | None
    document_id: str | None
    category: str | None
    evidence_start: int | None
    evidence_end: int | None
    fact_id: int | None
    field: str
    action: str
    value: Any
    extracted: Any
    reason: str
    user: str
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        """The version as shown by the API and the pages."""
        return {
            "action": self.action,
            "value": self.value,
            "extracted": self.extracted,
            "reason": self.reason,
            "by": self.user,
            "at": self.created_at.isoformat(timespec="seconds"),
        }


K = TypeVar("K")


@dataclass(frozen=True)
class Verdicts(Generic[K]):
    """What analysts decided, latest decision first: the targets rejected as a whole, and the
    corrected value of each field of each target (a later confirmation undoes a correction)."""

    rejected: frozenset[K] = frozenset()
    corrected: Mapping[K, Mapping[str, Any]] = field(default_factory=dict)
    confirmed: frozenset[K] = frozenset()  # confirmed as a whole: published whatever its doubts

    @classmethod
    def of(cls, decisions: Iterable[tuple[K, str, str, Any]]) -> Verdicts[K]:
        """Verdicts from ``(target, field, action, value)`` decisions, oldest first."""
        whole: dict[K, str] = {}
        fields: dict[K, dict[str, tuple[str, Any]]] = {}
        for key, name, action, value in decisions:
            if name:
                fields.setdefault(key, {})[name] = (action, value)
            else:
                whole[key] = action
        corrected = {
            key: {n: v for n, (action, v) in changes.items() if action == "correct"}
            for key, changes in fields.items()
        }
        return cls(
            frozenset(key for key, action in whole.items() if action == "reject"),
            {key: values for key, values in corrected.items() if values},
            frozenset(key for key, action in whole.items() if action == "confirm"),
        )
