"""Atom feeds: the records of any filtered list, one record's changes, every change. Public
feeds show published records only."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from suivi.presentation import Language, record_title
from suivi.store import RecordFilter
from suivi.store.changes import LoggedChange, changes, last_changed
from suivi.store.records import records_by_id
from suivi.store.state import store_version
from suivi.web.atom import ATOM_TYPE, Entry, atom, change_entry, record_entry
from suivi.web.data import is_actor, list_records, reviewed
from suivi.web.filters import as_params, read_query, url
from suivi.web.render import language_of
from suivi.web.views.record import record_data

router = APIRouter()
# Entries in one feed: the records changed last, or the latest changes.
FEED_SIZE = 50


def _answer(body: bytes) -> Response:
    return Response(body, media_type=f"{ATOM_TYPE}; charset=utf-8")


def feed_filter(request: Request) -> RecordFilter:
    """The list's filter from the query string, values no record can have left out."""
    flt, _refused = read_query(request.query_params)
    engine = request.app.state.engine
    if flt.actor and not is_actor(engine, flt.actor):
        flt = replace(flt, actor=None)
    return flt


def titles(request: Request, ids: list[str], language: Language) -> dict[str, str]:
    """The records' titles in the reader's language, as reviewed."""
    found = reviewed(request.app.state.engine, records_by_id(request.app.state.engine, ids))
    return {str(item["id"]): record_title(item, language) for item in found}


@router.get("/records.atom", include_in_schema=False)
def records_feed(request: Request) -> Response:
    """The records of the list with the same filters, the last changed first."""
    engine = request.app.state.engine
    language = language_of(request)
    base = str(request.base_url)
    flt = feed_filter(request)
    items = list_records(engine, flt).items
    changed = last_changed(engine, [item["id"] for item in items])
    version = store_version(engine)
    items.sort(key=lambda item: changed.get(item["id"], version.changed_at), reverse=True)
    shown = items[:FEED_SIZE]
    latest: dict[str, list[LoggedChange]] = {}
    for change in changes(engine, record_ids=[item["id"] for item in shown]):
        latest.setdefault(change.record_id, []).append(change)
    entries = [
        record_entry(
            base,
            item,
            latest.get(item["id"], []),
            changed.get(item["id"], version.changed_at),
            language,
        )
        for item in shown
    ]
    page = url("/records", flt)
    return _answer(
        atom(
            feed_id=f"{base}{url('records.atom', flt)}",
            title=language.gettext("Fiches — suivi"),
            self_url=f"{base}{url('records.atom', flt)}",
            page_url=f"{base}{page.lstrip('/')}",
            language=language,
            updated=version.changed_at,
            entries=entries,
        )
    )


@router.get("/records/{record_id}.atom", include_in_schema=False)
def record_feed(request: Request, record_id: str) -> Response:
    """One published record's changes, the newest first: an entry more with each new
    source that reports it."""
    engine = request.app.state.engine
    language = language_of(request)
    base = str(request.base_url)
    item = record_data(engine, record_id)
    title = record_title(item, language)
    found = changes(engine, record_ids=[record_id], limit=FEED_SIZE)
    link = f"{base}records/{record_id}"
    return _answer(
        atom(
            feed_id=link,
            title=title,
            self_url=f"{link}.atom",
            page_url=link,
            language=language,
            updated=store_version(engine).changed_at,
            entries=[change_entry(base, change, title, language) for change in found],
        )
    )


@router.get("/changes.atom", include_in_schema=False)
def changes_feed(request: Request) -> Response:
    """The latest changes of published records (of a filtered list's records, if filtered)."""
    engine = request.app.state.engine
    language = language_of(request)
    base = str(request.base_url)
    flt = feed_filter(request)
    found = latest_changes(request, flt, FEED_SIZE)
    named = titles(request, sorted({c.record_id for c in found}), language)
    entries: list[Entry] = [
        change_entry(base, change, named.get(change.record_id, change.title), language)
        for change in found
    ]
    return _answer(
        atom(
            feed_id=f"{base}changes",
            title=language.gettext("Nouveautés — suivi"),
            self_url=f"{base}{url('changes.atom', flt)}",
            page_url=f"{base}{url('changes', flt)}",
            language=language,
            updated=store_version(engine).changed_at,
            entries=entries,
        )
    )


def latest_changes(
    request: Request, flt: RecordFilter, limit: int, since: datetime | None = None
) -> list[LoggedChange]:
    """The latest changes of published records, those of the filter's records if any."""
    engine = request.app.state.engine
    ids = None
    if as_params(flt):
        ids = [item["id"] for item in list_records(engine, flt).items]
    return changes(engine, record_ids=ids, since=since, limit=limit)
