"""Status over time: a history from dated evidence, planned dates, and what is overdue."""

from __future__ import annotations

from datetime import date

from suivi.consolidation.dates import last_day
from suivi.consolidation.matching import Context
from suivi.models import Fact, HistoryEntry
from suivi.vocab import CATEGORIES, DONE, STAGES


def history(facts: list[Fact], category: str, ctx: Context) -> list[HistoryEntry]:
    """Each status the sources report, with the date of its evidence, oldest first."""
    entries: dict[tuple[str, str | None], list[str]] = {}
    for fact in facts:
        status = fact.get("status")
        if not status:
            continue
        when = ctx.when(fact, fact.get("date"))
        entries.setdefault((status, when), []).append(fact.document.name)
    stages = STAGES.get(CATEGORIES.get(category, ""), ())
    ordered = sorted(
        entries.items(),
        key=lambda item: (
            item[0][1] or "",
            stages.index(item[0][0]) if item[0][0] in stages else 99,
        ),
    )
    return [
        {"status": status, "date": when, "sources": sorted(set(names))}
        for (status, when), names in ordered
    ]


def current(entries: list[HistoryEntry]) -> str | None:
    """The status the most recent evidence gives (undated evidence counts as oldest)."""
    return entries[-1]["status"] if entries else None


def planned_date(facts: list[Fact]) -> str | None:
    """The latest completion or start-up date the sources announce ("mise en service prévue
    fin 2025"): extraction reads it from each report, as ``planned``."""
    found = [str(fact.get("planned")) for fact in facts if fact.get("planned")]
    return max(found) if found else None


def overdue(status: str | None, planned: str | None, today: date) -> bool:
    """A planned date has passed and nothing says the thing was done."""
    end = last_day(planned)
    return bool(end and end < today and status not in DONE)
