"""The JSON API: the pages' data, the same filters, CSV and JSON exports, described by OpenAPI.

Everything here reads; records and facts come with their reviews laid over, each reviewed
field saying what was extracted, who reviewed it, when and why.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict

from suivi.export.records import to_csv, to_json
from suivi.store import RecordFilter, list_documents
from suivi.web.data import document, facts_of, list_records, record
from suivi.web.stats import dashboard
from suivi.web.views.actors import actor_view

router = APIRouter(prefix="/api", tags=["api"])
MAX_LIMIT = 500


class RecordType(StrEnum):
    """The kinds of record."""

    agreement = "agreement"
    project = "project"
    event = "event"
    quantity = "quantity"
    actor = "actor"


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
    actor: RecordOut | None
    appears_in: dict[str, list[RecordOut]]


class Stats(BaseModel):
    """The dashboard's figures."""

    totals: dict[str, int]
    by_status: dict[str, dict[str, int]]
    by_sector: dict[str, dict[str, int]]
    overdue: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    pledges: list[dict[str, Any]]


def _filter(
    type: RecordType | None = None,
    sector: str | None = None,
    status: str | None = None,
    partner: str | None = None,
    year: int | None = None,
    actor: str | None = None,
    overdue: bool | None = None,
    q: str | None = None,
) -> RecordFilter:
    return RecordFilter(
        type=type.value if type else None,
        sector=sector or None,
        status=status or None,
        partner=partner or None,
        year=year,
        actor=actor or None,
        overdue=overdue,
        q=q or None,
    )


Sector = Annotated[str | None, Query(max_length=100, description="Sector code, e.g. `energy`.")]
Status = Annotated[str | None, Query(max_length=30, description="Status code, e.g. `signed`.")]
Partner = Annotated[
    str | None, Query(max_length=100, description="ISO 3166 code of a state party.")
]
Year = Annotated[int | None, Query(ge=1000, le=3000)]
Actor = Annotated[str | None, Query(max_length=100, description="An actor record id.")]
Words = Annotated[
    str | None, Query(max_length=200, description="Words searched in titles and evidence.")
]


def _export(items: list[dict[str, Any]], kind: str) -> Response:
    if kind == "csv":
        return Response(
            to_csv(items),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="records.csv"'},
        )
    return Response(
        to_json(items),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="records.json"'},
    )


EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


@router.get("/records", response_model=RecordPage, responses=EXPORT_RESPONSES)
def api_records(
    request: Request,
    type: RecordType | None = None,
    sector: Sector = None,
    status: Status = None,
    partner: Partner = None,
    year: Year = None,
    actor: Actor = None,
    overdue: bool | None = None,
    q: Words = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    format: Format = Format.page,
) -> Any:
    """Records matching every filter given, overdue first; ``format=csv`` exports them all."""
    flt = _filter(type, sector, status, partner, year, actor, overdue, q)
    engine = request.app.state.engine
    if format != Format.page:
        return _export(list_records(engine, flt).items, format.value)
    listing = list_records(engine, flt, limit=limit, offset=offset)
    return {
        "total": listing.total,
        "limit": limit,
        "offset": offset,
        "items": listing.items,
        "facets": listing.facets,
    }


def _export_route(kind: str) -> Any:
    def export(
        request: Request,
        type: RecordType | None = None,
        sector: Sector = None,
        status: Status = None,
        partner: Partner = None,
        year: Year = None,
        actor: Actor = None,
        overdue: bool | None = None,
        q: Words = None,
    ) -> Response:
        flt = _filter(type, sector, status, partner, year, actor, overdue, q)
        return _export(list_records(request.app.state.engine, flt).items, kind)

    export.__doc__ = f"Every record matching the filters, as {kind.upper()} (reviewed values)."
    return export


router.add_api_route(
    "/records.csv",
    _export_route("csv"),
    methods=["GET"],
    response_class=Response,
    name="records_csv",
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
router.add_api_route(
    "/records.json",
    _export_route("json"),
    methods=["GET"],
    response_class=Response,
    name="records_json",
    responses={
        200: {
            "content": {
                "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}
            }
        }
    },
)

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such item"}}


@router.get("/records/{record_id}", response_model=RecordOut, responses=NOT_FOUND)
def api_record(request: Request, record_id: str) -> Any:
    """One record as reviewed, with the history of every review."""
    item = record(request.app.state.engine, record_id)
    if item is None:
        raise HTTPException(404, "record")
    return item


@router.get("/documents", response_model=list[DocumentSummary])
def api_documents(request: Request) -> Any:
    """Every document's metadata, newest first."""
    return list_documents(request.app.state.engine)


@router.get("/documents/{doc_id}", response_model=DocumentOut, responses=NOT_FOUND)
def api_document(request: Request, doc_id: str) -> Any:
    """A document, its text, and its facts with their evidence, records and reviews."""
    engine = request.app.state.engine
    doc = document(engine, doc_id)
    if doc is None:
        raise HTTPException(404, "document")
    return {**doc, "facts": facts_of(engine, doc)}


@router.get("/actors/{actor_id}", response_model=ActorOut, responses=NOT_FOUND)
def api_actor(request: Request, actor_id: str) -> Any:
    """An actor and the agreements, projects, events and quantities they appear in."""
    view = actor_view(request.app.state.engine, actor_id)
    if view is None:
        raise HTTPException(404, "actor")
    return view


@router.get("/stats", response_model=Stats)
def api_stats(request: Request) -> Any:
    """The dashboard's figures: by status and sector, timeline, pledges, overdue."""
    return dashboard(request.app.state.engine)
