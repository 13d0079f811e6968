"""A record's summary: what a list, a facet or the dashboard needs, without the evidence.

A record's JSON carries every source with its evidence sentence, every conflicting value and
its status history: hundreds of kilobytes for a much-reported record. A list shows its title,
type, status, dates, fields and how many sources it has; the summary keeps exactly that.
"""

from __future__ import annotations

import json
from typing import cast

from suivi.models import Record, RecordSummary

# Left out of a summary: read on the record's own page only.
HEAVY = ("sources", "conflicts", "history")


def summary_of(record: Record) -> RecordSummary:
    """``record`` without its heavy parts; ``source_count`` says how many sources it has,
    ``history`` keeps each step's date and status."""
    out = cast(RecordSummary, {key: value for key, value in record.items() if key not in HEAVY})
    out["source_count"] = len(record.get("sources") or [])
    # A project's steps feed the dashboard's timeline: their dates and statuses, not sources.
    if record.get("history"):
        out["history"] = [
            {"date": step.get("date"), "status": step.get("status")} for step in record["history"]
        ]
    return out


def summary_json(record: Record) -> str:
    """The summary as the store keeps it."""
    return json.dumps(summary_of(record), ensure_ascii=False, sort_keys=True)
