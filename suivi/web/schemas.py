"""What the JSON API answers, described for OpenAPI: each route's data is built in the
page module that shows it, in these shapes."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict


class Format(StrEnum):
    """How a list is answered: one page as JSON, or the whole list as CSV.

    The whole list as JSON is /api/records.json: one media type, one schema.
    """

    page = "page"
    csv = "csv"


class Open(BaseModel):
    """An object whose other keys follow suivi/consolidation/README.md."""

    model_config = ConfigDict(extra="allow")


class RecordOut(Open):
    """A record as reviewed."""

    id: str
    type: str
    title: str
    reviews: dict[str, Any]
    review: dict[str, Any] | None


class RecordPage(BaseModel):
    """One page of records matching the filters."""

    total: int
    limit: int
    offset: int
    items: list[RecordOut]
    facets: dict[str, dict[str, int]]


class DocumentSummary(Open):
    """A document's metadata."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    language: str


class DocumentOut(DocumentSummary):
    """A document, its text and its facts (each with its records and reviews)."""

    text: str
    facts: list[dict[str, Any]]


class ActorOut(BaseModel):
    """An actor's record, and the records they appear in, by type."""

    id: str
    actor: RecordOut
    appears_in: dict[str, list[RecordOut]]


class Stats(BaseModel):
    """The dashboard's figures."""

    totals: dict[str, int]
    by_status: dict[str, dict[str, int]]
    by_sector: dict[str, dict[str, int]]
    overdue: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    pledges: list[dict[str, Any]]


class Problem(BaseModel):
    """What went wrong, in one sentence: ``no record with id 'nope'``."""

    detail: str
