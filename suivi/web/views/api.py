"""The JSON API: the pages' data, the same filters, CSV and JSON exports, described by OpenAPI.

Everything here reads; records and facts come with their reviews laid over, each reviewed
field saying what was extracted, who reviewed it, when and why.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from suivi.export.records import to_csv, to_json
from suivi.store import RecordFilter, list_documents
from suivi.web.data import document, facts_of, is_actor, list_records, record
from suivi.web.errors import BadFilter, NotFound
from suivi.web.filters import KNOWN, territories, unknown_values
from suivi.web.stats import dashboard
from suivi.web.views.actors import actor_view

router = APIRouter(prefix="/api", tags=["api"])
MAX_LIMIT = 500


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


def _filter(
    engine: Engine,
    type: str | None = None,
    sector: str | None = None,
    status: str | None = None,
    partner: str | None = None,
    year: int | None = None,
    actor: str | None = None,
    overdue: bool | None = None,
    q: str | None = None,
) -> RecordFilter:
    # A value no record can have is refused, never silently dropped: a 400 naming it.
    flt = RecordFilter(
        type=type or None,
        sector=sector or None,
        status=status or None,
        partner=partner or None,
        year=year,
        actor=actor or None,
        overdue=overdue,
        q=q or None,
    )
    for refused in unknown_values(flt):
        raise BadFilter(refused.facet, refused.value, refused.known)
    if flt.actor and not is_actor(engine, flt.actor):
        raise NotFound("actor", flt.actor)
    return flt


def _codes(facet: str, description: str, max_length: int) -> Any:
    return Query(
        max_length=max_length, description=description, json_schema_extra={"enum": KNOWN[facet]}
    )


Type = Annotated[str | None, _codes("type", "Record type.", 30)]
Sector = Annotated[str | None, _codes("sector", "Sector code, e.g. `energy`.", 100)]
Status = Annotated[str | None, _codes("status", "Status code, e.g. `signed`.", 30)]
Partner = Annotated[
    str | None,
    Query(
        max_length=2,
        description="ISO 3166 code of a state party, e.g. `RU`.",
        json_schema_extra={"enum": sorted(territories())},
    ),
]
Year = Annotated[int | None, Query(ge=1000, le=3000)]
Actor = Annotated[
    str | None,
    Query(max_length=100, description="An actor record id (404 if there is none)."),
]
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


class Problem(BaseModel):
    """What went wrong, in one sentence: ``no record with id 'nope'``."""

    detail: str


BAD_FILTER: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "A filter value no record can have"},
    404: {"model": Problem, "description": "No actor with the id given"},
}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
    **BAD_FILTER,
}


@router.get("/records", response_model=RecordPage, responses=EXPORT_RESPONSES)
def api_records(
    request: Request,
    type: Type = None,
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
    engine = request.app.state.engine
    flt = _filter(engine, type, sector, status, partner, year, actor, overdue, q)
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
        type: Type = None,
        sector: Sector = None,
        status: Status = None,
        partner: Partner = None,
        year: Year = None,
        actor: Actor = None,
        overdue: bool | None = None,
        q: Words = None,
    ) -> Response:
        engine = request.app.state.engine
        flt = _filter(engine, type, sector, status, partner, year, actor, overdue, q)
        return _export(list_records(engine, flt).items, kind)

    export.__doc__ = f"Every record matching the filters, as {kind.upper()} (reviewed values)."
    return export


router.add_api_route(
    "/records.csv",
    _export_route("csv"),
    methods=["GET"],
    response_class=Response,
    name="records_csv",
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}, **BAD_FILTER},
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
        },
        **BAD_FILTER,
    },
)

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such item"}
}


@router.get("/records/{record_id}", response_model=RecordOut, responses=NOT_FOUND)
def api_record(request: Request, record_id: str) -> Any:
    """One record as reviewed, with the history of every review."""
    item = record(request.app.state.engine, record_id)
    if item is None:
        raise NotFound("record", record_id)
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
        raise NotFound("document", doc_id)
    return {**doc, "facts": facts_of(engine, doc)}


@router.get("/actors/{actor_id}", response_model=ActorOut, responses=NOT_FOUND)
def api_actor(request: Request, actor_id: str) -> Any:
    """An actor and the agreements, projects, events and quantities they appear in."""
    view = actor_view(request.app.state.engine, actor_id)
    if view is None:
        raise NotFound("actor", actor_id)
    return view


@router.get("/stats", response_model=Stats)
def api_stats(request: Request) -> Any:
    """The dashboard's figures: by status and sector, timeline, pledges, overdue."""
    return dashboard(request.app.state.engine)
