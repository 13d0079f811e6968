"""What's new (public) and the watched sources (analysts): what changed in the records, and
whether the sources that feed them answer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from suivi.store.watched import list_sources
from suivi.web.changes import KIND_LABELS, describe
from suivi.web.filters import active, url
from suivi.web.render import language_of, render
from suivi.web.security import require_analyst
from suivi.web.views.feeds import feed_filter, latest_changes, titles

router = APIRouter()
# Changes shown on the page, and how far back it looks unless told.
PAGE_CHANGES = 300
DEFAULT_DAYS = 30


def read_since(given: str | None, today: date) -> tuple[date, bool]:
    """The first day shown: ``?since=YYYY-MM-DD``, else a month ago; and whether the date
    given was unreadable."""
    if given:
        try:
            return date.fromisoformat(given.strip()[:10]), False
        except ValueError:
            return today - timedelta(days=DEFAULT_DAYS), True
    return today - timedelta(days=DEFAULT_DAYS), False


@router.get("/changes", response_class=HTMLResponse, include_in_schema=False)
def changes_page(request: Request) -> HTMLResponse:
    """The latest changes of published records, by day, newest first."""
    language = language_of(request)
    flt = feed_filter(request)
    since, refused = read_since(request.query_params.get("since"), datetime.now(UTC).date())
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    found = latest_changes(request, flt, PAGE_CHANGES, start)
    named = titles(request, sorted({c.record_id for c in found}), language)
    days: list[tuple[str, list[dict[str, Any]]]] = []
    for day, group in groupby(found, key=lambda c: c.at.date().isoformat()):
        rows = [
            {
                "change": change,
                "title": named.get(change.record_id, change.title),
                "kind": language.gettext(KIND_LABELS[change.kind]),
                "said": describe(change, language),
            }
            for change in group
        ]
        days.append((day, rows))
    context = {
        "days": days,
        "since": since.isoformat(),
        "refused_since": refused,
        "full": len(found) >= PAGE_CHANGES,
        "active": active(flt),
        "feed": url("/changes.atom", flt),
    }
    return render(request, "changes.html", context)


@router.get("/review/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request) -> HTMLResponse:
    """Every watched source, its last fetch and result, and the hosts being left alone."""
    require_analyst(request)
    now = datetime.now(UTC)
    sources = list_sources(request.app.state.engine)
    return render(request, "sources.html", {"sources": sources, "now": now})
