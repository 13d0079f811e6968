"""An actor: who they are, and the agreements, projects and events they appear in."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from suivi.models import RecordSummary
from suivi.store import RecordFilter
from suivi.web.data import list_records, record
from suivi.web.errors import NotFound
from suivi.web.render import render
from suivi.web.security import current_session

router = APIRouter()
ORDER = ("agreement", "project", "event", "quantity")


def actor_data(engine: Engine, actor_id: str, analyst: bool = False) -> dict[str, Any]:
    """The actor's record and the records tagged with them (each once), grouped by type:
    the page's data and ``/api/actors/{id}``'s answer. NotFound unless ``actor_id`` is an
    actor's record."""
    found = record(engine, actor_id)
    held_back = found is not None and found.get("published") is False and not analyst
    if found is None or found.get("type") != "actor" or held_back:
        raise NotFound("actor", actor_id)
    seen: set[str] = {actor_id}
    groups: dict[str, list[RecordSummary]] = {}
    for item in list_records(engine, RecordFilter(actor=actor_id)).items:
        if item["id"] in seen:
            continue
        seen.add(item["id"])
        groups.setdefault(item["type"], []).append(item)
    return {
        "id": actor_id,
        "actor": found,
        "appears_in": {kind: groups[kind] for kind in (*ORDER, *sorted(groups)) if kind in groups},
    }


@router.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    """An actor's page."""
    analyst = current_session(request) is not None
    return render(request, "actor.html", actor_data(request.app.state.engine, actor_id, analyst))
