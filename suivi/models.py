"""The types that cross layers: articles, documents and facts, records, analysts and their
reviews."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, NotRequired, TypedDict, TypeVar


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
    language: str = "fr"


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

    def as_json(self) -> ReviewVersion:
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


# Records are plain JSON objects (stored as JSON, answered as JSON by the API): their shape is
# written here as TypedDicts, described for readers in suivi/consolidation/README.md.


class Evidence(TypedDict):
    """The sentence that supports a fact, and where it stands in its document's text."""

    start: int
    end: int
    text: str


class Source(TypedDict):
    """One fact a record stands on: its document, and the sentence that says it."""

    doc: str
    document_id: str
    outlet: str | None
    published: str | None
    fact_id: int
    evidence: Evidence


class ConflictValue(TypedDict):
    """One of the values sources give a field, with the documents that give it."""

    value: Any
    sources: list[str]


class Conflict(TypedDict):
    """A field on which sources disagree: each value with its sources."""

    field: str
    values: list[ConflictValue]


class Step(TypedDict):
    """A status at a date: what a record's summary keeps of each entry of its history."""

    status: str
    date: str | None


class HistoryEntry(Step):
    """A status the sources report, dated by its evidence; a project's ceremony ("première
    pierre") names its event and its sentence."""

    sources: list[str]
    event: NotRequired[str]
    evidence: NotRequired[str]


class Delivered(TypedDict):
    """What a pledge received (``fields.delivered``): the delivery records and their total."""

    records: list[str]
    total: float
    unit: Any


class ReviewVersion(TypedDict):
    """One version of a review, as the API and the pages show it."""

    action: str
    value: Any
    extracted: Any
    reason: str
    by: str
    at: str


class ReviewState(ReviewVersion):
    """A reviewed field (or the whole item): its latest version, what consolidation says
    now, whether the review was made against something else, and every version."""

    state: str
    current_extracted: Any
    stale: bool
    history: list[ReviewVersion]


class RecordBase(TypedDict):
    """What a record and its summary share.

    ``fields`` holds the values of the record's type (consolidation/README.md). Consolidation
    sets ``confidence`` and ``doubts``, then ``published``; agreements and projects carry
    ``planned`` and ``overdue``; the pipeline sets ``title`` before storing; a record as
    reviewed (review.overlay) carries ``reviews`` (each reviewed field's state) and
    ``review`` (the whole record's, or None).
    """

    id: str
    type: str
    fields: dict[str, Any]
    status: str | None
    outlets: int
    independent_sources: int
    actors: list[str]
    planned: NotRequired[str | None]
    overdue: NotRequired[bool]
    confidence: NotRequired[float]
    doubts: NotRequired[list[str]]
    published: NotRequired[bool]
    title: NotRequired[str]
    reviews: NotRequired[dict[str, ReviewState]]
    review: NotRequired[ReviewState | None]


class Record(RecordBase):
    """One real agreement, project, event, figure or actor: every source behind it, the
    fields on which they disagree, and for agreements and projects a dated history."""

    sources: list[Source]
    conflicts: list[Conflict]
    history: NotRequired[list[HistoryEntry]]


class RecordSummary(RecordBase):
    """A record without its sources, conflicts and evidence (store/summary.py): what lists,
    facets and the dashboard read."""

    source_count: int
    history: NotRequired[list[Step]]


# A whole record or its summary, for what gives back the kind it is given (review.overlay).
RecordT = TypeVar("RecordT", Record, RecordSummary)
