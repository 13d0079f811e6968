"""The JSON API: the pages' data, the same filters, CSV and JSON exports, described by OpenAPI.

Each route answers the data its page is built from (``listing_data``, ``record_data``…),
serialised once. Everything here reads; records and facts come with their reviews laid
over, each reviewed field saying what was extracted, who reviewed it, when and why.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import Engine

from suivi.export.records import csv_lines, json_parts
from suivi.store import RecordFilter
from suivi.web.caching import version_seen
from suivi.web.data import is_actor, whole_records
from suivi.web.errors import BadFilter, NotFound
from suivi.web.filters import KNOWN, territories, unknown_values
from suivi.web.respond import as_json
from suivi.web.schemas import (
    ActorOut,
    DocumentOut,
    DocumentSummary,
    Format,
    Problem,
    RecordOut,
    RecordPage,
    Stats,
)
from suivi.web.security import current_session
from suivi.web.stats import dashboard
from suivi.web.views.actors import actor_data
from suivi.web.views.documents import document_data, documents_data
from suivi.web.views.record import record_data
from suivi.web.views.records import listing_data

router = APIRouter(prefix="/api", tags=["api"])
MAX_LIMIT = 500


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


def _filter(
    request: Request,
    type: Type = None,
    sector: Sector = None,
    status: Status = None,
    partner: Partner = None,
    year: Year = None,
    actor: Actor = None,
    overdue: bool | None = None,
    q: Words = None,
) -> RecordFilter:
    # The filters every list route takes. A value no record can have is refused, never
    # silently dropped: a 400 naming it.
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
    if flt.actor and not is_actor(request.app.state.engine, flt.actor):
        raise NotFound("actor", flt.actor)
    return flt


Filters = Annotated[RecordFilter, Depends(_filter)]


def _export(engine: Engine, flt: RecordFilter, kind: str) -> Response:
    # Streamed: each record is read, reviewed and written in turn, never the whole list held.
    records = whole_records(engine, flt)
    if kind == "csv":
        return StreamingResponse(
            csv_lines(records),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="records.csv"'},
        )
    return StreamingResponse(
        json_parts(records),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="records.json"'},
    )


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
    flt: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    format: Format = Format.page,
) -> Response:
    """Records matching every filter given, overdue first; ``format=csv`` exports them all."""
    engine = request.app.state.engine
    if format != Format.page:
        return _export(engine, flt, format.value)
    return as_json(listing_data(engine, flt, limit, offset, version_seen(request)))


def _add_export(kind: str, media_type: str, schema: dict[str, Any]) -> None:
    def export(request: Request, flt: Filters) -> Response:
        return _export(request.app.state.engine, flt, kind)

    export.__doc__ = f"Every record matching the filters, as {kind.upper()} (reviewed values)."
    router.add_api_route(
        f"/records.{kind}",
        export,
        methods=["GET"],
        response_class=Response,
        name=f"records_{kind}",
        responses={200: {"content": {media_type: {"schema": schema}}}, **BAD_FILTER},
    )


_add_export("csv", "text/csv", {"type": "string"})
_add_export("json", "application/json", {"type": "array", "items": {"type": "object"}})

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such item"}
}


@router.get("/records/{record_id}", response_model=RecordOut, responses=NOT_FOUND)
def api_record(request: Request, record_id: str) -> Response:
    """One record as reviewed, with the history of every review."""
    analyst = current_session(request) is not None
    engine = request.app.state.engine
    return as_json(record_data(engine, record_id, analyst, version_seen(request)))


@router.get("/documents", response_model=list[DocumentSummary])
def api_documents(request: Request) -> Response:
    """Every document's metadata, newest first."""
    return as_json(documents_data(request.app.state.engine))


@router.get("/documents/{doc_id}", response_model=DocumentOut, responses=NOT_FOUND)
def api_document(request: Request, doc_id: str) -> Response:
    """A document, its text, and its facts with their evidence, records and reviews."""
    return as_json(document_data(request.app.state.engine, doc_id))


@router.get("/actors/{actor_id}", response_model=ActorOut, responses=NOT_FOUND)
def api_actor(request: Request, actor_id: str) -> Response:
    """An actor and the agreements, projects, events and quantities they appear in."""
    analyst = current_session(request) is not None
    return as_json(actor_data(request.app.state.engine, actor_id, analyst))


@router.get("/stats", response_model=Stats)
def api_stats(request: Request) -> Response:
    """The dashboard's figures: by status and sector, timeline, pledges, overdue."""
    return as_json(dashboard(request.app.state.engine, version_seen(request)))
