"""Documents: the list, and one text with every extracted fact marked and linked."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from suivi.review.overlay import shown_value
from suivi.store import list_documents
from suivi.store.documents import get_document
from suivi.web.data import facts_of
from suivi.web.errors import NotFound
from suivi.web.highlight import Span, marked
from suivi.web.render import language_of, render

router = APIRouter()


def safe_url(target: str | None) -> str | None:
    """An article's address, only if it is a web address (never ``javascript:``)."""
    if target and target.lower().startswith(("http://", "https://")):
        return target
    return None


def documents_data(engine: Engine) -> list[dict[str, Any]]:
    """Every document's metadata, newest first: the page's data and ``/api/documents``'s."""
    return list_documents(engine)


def document_data(engine: Engine, doc_id: str) -> dict[str, Any]:
    """A document, its text, and its facts with their evidence, records and reviews: the
    page's data and ``/api/documents/{id}``'s answer."""
    doc = get_document(engine, doc_id)
    if doc is None:
        raise NotFound("document", doc_id)
    return {**doc, "facts": facts_of(engine, doc)}


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request) -> HTMLResponse:
    """Every stored document."""
    documents = documents_data(request.app.state.engine)
    return render(request, "documents.html", {"documents": documents})


def fact_fields(fact: dict[str, Any]) -> list[tuple[str, Any]]:
    """A fact's own fields, without what the page adds (evidence, records, reviews)."""
    skip = {"id", "category", "evidence", "records", "reviews", "review"}
    return [(name, value) for name, value in fact.items() if name not in skip]


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    """A document's text, its facts marked, each marker leading to the fact's record."""
    doc = document_data(request.app.state.engine, doc_id)
    label = language_of(request).label
    spans = [
        Span(
            start=fact["evidence"]["start"],
            end=fact["evidence"]["end"],
            anchor=f"fact-{fact['id']}",
            href=f"/records/{fact['records'][0]}" if fact["records"] else f"#detail-{fact['id']}",
            label=label("category", fact["category"]),
            css=f"c-{fact['category']}",
        )
        for fact in doc["facts"]
    ]
    context = {
        "doc": doc,
        "facts": doc["facts"],
        "body": marked(doc["text"], spans),
        "original": safe_url(doc.get("url")),
        "fact_fields": fact_fields,
        "shown_value": shown_value,
    }
    return render(request, "document.html", context)
