"""The analysts' queue: records held back, the least sure first, each with its doubts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from suivi.store import RecordFilter, query_records
from suivi.web.data import reviewed
from suivi.web.render import render
from suivi.web.security import require_analyst

router = APIRouter()


def queue_data(engine: Engine) -> dict[str, Any]:
    """Every record held back, the least confident first (then by title)."""
    held = reviewed(engine, query_records(engine, RecordFilter(published=False)))
    held.sort(key=lambda r: (float(r.get("confidence") or 0), str(r.get("title") or "")))
    return {"items": held}


@router.get("/review/queue", response_class=HTMLResponse, include_in_schema=False)
def queue_page(request: Request) -> HTMLResponse:
    """What waits for an analyst: shown to signed-in analysts only."""
    require_analyst(request)
    return render(request, "queue.html", queue_data(request.app.state.engine))
