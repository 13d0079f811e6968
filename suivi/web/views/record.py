"""One record: its fields, status history, who says what, and each source in context."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from suivi.models import Record, RecordBase, RecordSummary, Source
from suivi.review import reviewable_fields
from suivi.review.overlay import STATUSES, shown_value
from suivi.store.documents import documents_by_id
from suivi.web.caching import version_seen
from suivi.web.data import record_as_stored, summaries
from suivi.web.errors import NotFound
from suivi.web.highlight import excerpt
from suivi.web.render import render
from suivi.web.security import current_session
from suivi.web.views.documents import safe_url

router = APIRouter()
# Sources shown on one page of a record: a much-reported record has hundreds, each with its
# article's text read for context.
SOURCES_PAGE = 50


def field_rows(item: RecordBase) -> list[tuple[str, Any]]:
    """The record's fields in reading order: title and status first, then the rest."""
    rows: list[tuple[str, Any]] = [("title", item.get("title"))]
    if item.get("type") in STATUSES:
        rows += [("status", item.get("status")), ("planned", item.get("planned"))]
    rows += [
        (name, value) for name, value in (item.get("fields") or {}).items() if name not in LINKS
    ]
    return rows


# Fields that point to other records: shown as titled links in their own section.
LINKS = ("delivered", "quantities", "project", "fulfils", "partners")


def linked_records(
    engine: Any, item: RecordBase, analyst: bool = False, version: int | None = None
) -> list[tuple[str, list[RecordSummary]]]:
    """The records this one points to, by relation: a project's figures, a figure's project,
    the pledges a delivery is counted against (their summaries: a link needs no sources)."""
    fields = item.get("fields") or {}
    relations = (
        ("figures", [str(i) for i in fields.get("quantities") or []]),
        ("project", [str(fields["project"])] if fields.get("project") else []),
        ("fulfils", [str(i) for i in fields.get("fulfils") or []]),
    )
    known = summaries(engine, [i for _, ids in relations for i in ids], version)
    out = []
    for key, ids in relations:
        found = [
            known[i]
            for i in ids
            if i in known and (analyst or known[i].get("published") is not False)
        ]
        if found:
            out.append((key, found))
    return out


def conflict_links(item: Record) -> dict[str, str]:
    """The disagreement each field row links to: its own; for a figure's minimum and maximum,
    the one on its amount (``value``: sources give it as a number or a range)."""
    out = {conflict["field"]: conflict["field"] for conflict in item.get("conflicts") or []}
    if "value" in out and item["type"] == "quantity":
        out.setdefault("min", "value")
        out.setdefault("max", "value")
    return out


def source_link(source: Source) -> str:
    """The document page, scrolled to the fact's evidence."""
    return f"/documents/{source.get('document_id')}#fact-{source.get('fact_id')}"


def record_data(
    engine: Engine, record_id: str, analyst: bool = False, version: int | None = None
) -> Record:
    """One record as reviewed, with the history of every review: the page's data and
    ``/api/records/{id}``'s answer. A record held back is shown to analysts only."""
    return _shown(engine, record_id, analyst, version)[0]


def _shown(
    engine: Engine, record_id: str, analyst: bool, version: int | None
) -> tuple[Record, Record]:
    # The record as reviewed, and as stored.
    both = record_as_stored(engine, record_id, version)
    if both is None or (both[0].get("published") is False and not analyst):
        raise NotFound("record", record_id)
    return both


@router.get("/records/{record_id}", response_class=HTMLResponse, include_in_schema=False)
def record_page(request: Request, record_id: str) -> HTMLResponse:
    """A record as reviewed, every value leading back to its sources."""
    engine = request.app.state.engine
    analyst = current_session(request) is not None
    version = version_seen(request)
    item, raw = _shown(engine, record_id, analyst, version)
    sources = item.get("sources") or []
    pages = max(1, -(-len(sources) // SOURCES_PAGE))
    asked = request.query_params.get("page") or "1"
    page = min(int(asked), pages) if asked.isdigit() and int(asked) > 0 else 1
    first = (page - 1) * SOURCES_PAGE
    shown_sources = sources[first : first + SOURCES_PAGE]
    docs = documents_by_id(engine, {str(s.get("document_id")) for s in shown_sources})
    contexts = []
    for source in shown_sources:
        doc = docs.get(str(source.get("document_id"))) or {}
        text = doc.get("text")
        evidence = source.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        shown = (
            excerpt(text, start, end)
            if text is not None and isinstance(start, int) and isinstance(end, int)
            else excerpt(evidence.get("text", ""), 0, len(evidence.get("text", "")))
        )
        shown_doc = {
            "title": doc.get("title"),
            "language": doc.get("language"),
            "web": safe_url(doc.get("url")),
        }
        contexts.append((source, shown, shown_doc))
    by_doc = {source.get("doc"): source for source in sources}

    def source_name(source: Source) -> str:
        # Its outlet, else its article's title, else its file name.
        doc = docs.get(str(source.get("document_id"))) or {}
        return str(source.get("outlet") or doc.get("title") or source.get("doc"))

    # Actors and deliveries are named by their titles: their summaries are read, not
    # their sources (an actor's record holds every article that names it).
    actor_ids = [str(i) for i in item.get("actors") or []]
    delivered = (item.get("fields") or {}).get("delivered")
    delivery_ids = [
        entry["id"] if isinstance(entry, dict) else str(entry)
        for entry in (delivered.get("records") or [] if isinstance(delivered, dict) else [])
    ]
    known = summaries(engine, actor_ids + delivery_ids, version)
    actors = {i: known[i]["title"] if i in known else i for i in actor_ids}
    deliveries = [known[i] for i in delivery_ids if i in known]
    context = {
        "item": item,
        "rows": field_rows(item),
        "conflicted": conflict_links(item),
        "contexts": contexts,
        "by_doc": by_doc,
        "source_link": source_link,
        "source_name": source_name,
        "actors": actors,
        "delivered": delivered if isinstance(delivered, dict) else None,
        "deliveries": deliveries,
        "linked": linked_records(engine, item, analyst, version),
        "reviewable": set(reviewable_fields(raw)),
        "statuses": STATUSES.get(item["type"], ()),
        "shown_value": shown_value,
        "raw": raw,
        "first": first,
        "page": page,
        "pages": pages,
    }
    return render(request, "record.html", context)
