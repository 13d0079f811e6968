"""Analysts confirm, correct or reject a record's field or a fact: each a new version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from suivi import pipeline
from suivi.models import Decision, FactKey
from suivi.review import (
    ReviewError,
    get_field,
    parse_value,
    reviewable_fields,
)
from suivi.store import get_record
from suivi.store.accounts import Session
from suivi.store.documents import get_document
from suivi.web.data import fact, record
from suivi.web.errors import NotFound
from suivi.web.render import language_of, render
from suivi.web.security import check_csrf, require_analyst

router = APIRouter()

Text = Annotated[str, Field(max_length=2000)]


class ReviewForm(BaseModel):
    """What an analyst sends: an action on a field (empty: on the whole item), the value a
    correction gives, a reason, and the session's CSRF token."""

    action: Text
    field: Text = ""
    value: Text = ""
    reason: Text = ""
    csrf: Text = ""


Sent = Annotated[ReviewForm, Form()]


def _refused(request: Request, message: str, back: str) -> HTMLResponse:
    said = language_of(request).gettext("La relecture n’a pas été enregistrée :")
    return render(
        request,
        "error.html",
        {"status": 400, "message": f"{said} {message}", "back": back},
        400,
    )


def _analyst(request: Request, form: ReviewForm) -> Session:
    check_csrf(request, form.csrf)
    return require_analyst(request)


def _change(
    form: ReviewForm, read: Callable[[], tuple[Any, Any]], kind: str, what: str
) -> tuple[Any, Any]:
    # What extraction said of the field and the value the review gives it, from ``read``:
    # (extracted, shown). A whole item is confirmed or rejected, and carries no value.
    if not form.field:
        if form.action == "correct":
            raise ReviewError(f"a whole {what} is confirmed or rejected, not corrected")
        return None, None
    extracted, shown = read()
    if form.action == "correct":
        like = extracted if extracted is not None else shown
        return extracted, parse_value(form.value, like, form.field, kind)
    return extracted, shown if form.action == "confirm" else None


def _apply(
    request: Request, session: Session, decide: Callable[[], Decision], back: str, anchor: str
) -> Response:
    # The decision stored and the records brought up to date, or the page saying why not.
    try:
        pipeline.apply_review(request.app.state.engine, session.user, decide())
    except ReviewError as error:
        return _refused(request, str(error), back)
    return RedirectResponse(f"{back}#{anchor}", status_code=303)


@router.post("/records/{record_id}/review", include_in_schema=False)
def review_record(request: Request, record_id: str, form: Sent) -> Response:
    """Store a review of one field of a record, or of the whole record (empty field)."""
    session = _analyst(request, form)
    engine = request.app.state.engine
    raw = get_record(engine, record_id)
    current = record(engine, record_id)
    if raw is None or current is None:
        raise NotFound("record", record_id)
    field = form.field

    def decide() -> Decision:
        if field and field not in reviewable_fields(raw):
            raise ReviewError(f"{field!r} cannot be reviewed")
        read = lambda: (get_field(raw, field), get_field(current, field))  # noqa: E731
        extracted, new = _change(form, read, raw["type"], "record")
        return Decision(record_id, field, form.action, new, extracted, form.reason)

    return _apply(request, session, decide, f"/records/{record_id}", f"review-{field or 'record'}")


# A fact's own keys, not values extraction read: no review changes them.
NOT_FACT_FIELDS = frozenset({"id", "category", "evidence", "records", "reviews", "review"})


@router.post("/documents/{doc_id}/facts/{fact_id}/review", include_in_schema=False)
def review_fact(request: Request, doc_id: str, fact_id: int, form: Sent) -> Response:
    """Store a review of one field of a fact, or of the whole fact (empty field)."""
    session = _analyst(request, form)
    engine = request.app.state.engine
    doc = get_document(engine, doc_id)
    if doc is None:
        raise NotFound("document", doc_id)
    item = fact(engine, doc, fact_id)
    if item is None:
        raise NotFound("fact", fact_id)
    key = FactKey(doc_id, item["category"], item["evidence"]["start"], item["evidence"]["end"])
    field = form.field

    def read() -> tuple[Any, Any]:
        state = item["reviews"].get(field)
        return (state["current_extracted"] if state else item[field]), item[field]

    def decide() -> Decision:
        if field and (field in NOT_FACT_FIELDS or field not in item):
            raise ReviewError(f"{field!r} cannot be reviewed")
        extracted, new = _change(form, read, "", "fact")
        return Decision(key, field, form.action, new, extracted, form.reason, fact_id)

    return _apply(request, session, decide, f"/documents/{doc_id}", f"detail-{fact_id}")
