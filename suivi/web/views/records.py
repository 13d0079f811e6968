"""The list of records: facets, full-text search, every filter a shareable URL."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from suivi.store import RecordFilter
from suivi.web.caching import version_seen
from suivi.web.data import is_actor, list_records
from suivi.web.filters import Refused, active, as_params, read_query, url
from suivi.web.render import render

router = APIRouter()
PAGE_SIZE = 50
FACETS = ("type", "status", "sector", "partner", "year")


def listing_data(
    engine: Engine, flt: RecordFilter, limit: int, offset: int, version: int | None = None
) -> dict[str, Any]:
    """One page of the records matching ``flt``, how many match, and their facet counts:
    the page's data and ``/api/records``'s answer (``version``: the store's, if known)."""
    listing = list_records(engine, flt, limit=limit, offset=offset, version=version)
    return {
        "total": listing.total,
        "limit": limit,
        "offset": offset,
        "items": listing.items,
        "facets": listing.facets,
    }


@router.get("/records", response_class=HTMLResponse, include_in_schema=False)
def records_page(request: Request) -> HTMLResponse:
    """Records matching the query string's filters, one page at a time."""
    flt, refused = read_query(request.query_params)
    engine = request.app.state.engine
    if flt.actor and not is_actor(engine, flt.actor):
        refused.append(Refused("actor", flt.actor))
        flt = replace(flt, actor=None)
    page_text = request.query_params.get("page") or "1"
    page = int(page_text) if page_text.isdigit() and 0 < int(page_text) < 100_000 else 1
    listing = listing_data(engine, flt, PAGE_SIZE, (page - 1) * PAGE_SIZE, version_seen(request))
    context = {
        "flt": flt,
        "refused": [(r.facet, r.value, r.known) for r in refused],
        "listing": listing,
        "facets": FACETS,
        "active": active(flt),
        "url": url,
        "page": page,
        "pages": max(1, -(-listing["total"] // PAGE_SIZE)),
        "export_csv": url("/api/records.csv", flt),
        "export_json": url("/api/records.json", flt),
        "query": urlencode(as_params(flt)),
    }
    return render(request, "records.html", context)
