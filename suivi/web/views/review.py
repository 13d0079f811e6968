"""Analysts confirm, correct or reject a record's field or a fact: each a new version."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from suivi import pipeline
from suivi.models import Decision, FactKey
from suivi.review import (
    ReviewError,
    get_field,
    parse_value,
    reviewable_fields,
)
from suivi.store import get_record
from suivi.store.documents import get_document
from suivi.web.data import fact, record
from suivi.web.errors import NotFound
from suivi.web.render import language_of, render
from suivi.web.security import check_csrf, require_analyst

router = APIRouter()

Text = Annotated[str, Form(max_length=2000)]


def _refused(request: Request, message: str, back: str) -> HTMLResponse:
    said = language_of(request).gettext("La relecture n’a pas été enregistrée :")
    return render(
        request,
        "error.html",
        {"status": 400, "message": f"{said} {message}", "back": back},
        400,
    )


def _new_value(action: str, typed: str, extracted: Any, shown: Any, field: str, kind: str) -> Any:
    if action == "correct":
        return parse_value(typed, extracted if extracted is not None else shown, field, kind)
    if action == "confirm":
        return shown
    return None


@router.post("/records/{record_id}/review", include_in_schema=False)
def review_record(
    request: Request,
    record_id: str,
    action: Text,
    field: Text = "",
    value: Text = "",
    reason: Text = "",
    csrf: Text = "",
) -> Response:
    """Store a review of one field of a record, or of the whole record (empty field)."""
    check_csrf(request, csrf)
    session = require_analyst(request)
    engine = request.app.state.engine
    raw = get_record(engine, record_id)
    current = record(engine, record_id)
    if raw is None or current is None:
        raise NotFound("record", record_id)
    back = f"/records/{record_id}"
    try:
        if field and field not in reviewable_fields(raw):
            raise ReviewError(f"{field!r} cannot be reviewed")
        if field:
            extracted = get_field(raw, field)
            new = _new_value(
                action, value, extracted, get_field(current, field), field, raw["type"]
            )
        else:
            if action == "correct":
                raise ReviewError("a whole record is confirmed or rejected, not corrected")
            extracted, new = None, None
        decision = Decision(record_id, field, action, new, extracted, reason)
        pipeline.apply_review(engine, session.user, decision)
    except ReviewError as error:
        return _refused(request, str(error), back)
    return RedirectResponse(f"{back}#review-{field or 'record'}", status_code=303)


@router.post("/documents/{doc_id}/facts/{fact_id}/review", include_in_schema=False)
def review_fact(
    request: Request,
    doc_id: str,
    fact_id: int,
    action: Text,
    field: Text = "",
    value: Text = "",
    reason: Text = "",
    csrf: Text = "",
) -> Response:
    """Store a review of one field of a fact, or of the whole fact (empty field)."""
    check_csrf(request, csrf)
    session = require_analyst(request)
    engine = request.app.state.engine
    doc = get_document(engine, doc_id)
    if doc is None:
        raise NotFound("document", doc_id)
    item = fact(engine, doc, fact_id)
    if item is None:
        raise NotFound("fact", fact_id)
    back = f"/documents/{doc_id}"
    key = FactKey(doc_id, item["category"], item["evidence"]["start"], item["evidence"]["end"])
    try:
        if field:
            if field in {"id", "category", "evidence", "records", "reviews", "review"} or (
                field not in item
            ):
                raise ReviewError(f"{field!r} cannot be reviewed")
            state = item["reviews"].get(field)
            extracted = state["current_extracted"] if state else item[field]
            new = _new_value(action, value, extracted, item[field], field, "")
        else:
            if action == "correct":
                raise ReviewError("a whole fact is confirmed or rejected, not corrected")
            extracted, new = None, None
        decision = Decision(key, field, action, new, extracted, reason, fact_id)
        pipeline.apply_review(engine, session.user, decision)
    except ReviewError as error:
        return _refused(request, str(error), back)
    return RedirectResponse(f"{back}#detail-{fact_id}", status_code=303)
