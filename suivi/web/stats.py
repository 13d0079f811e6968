"""The dashboard's figures, shared by the page and by ``/api/stats``.

Every figure is computed from the records as reviewed; records an analyst rejected are
left out. Each item keeps its record id, so the page can link every figure to its record.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from sqlalchemy import Engine

from suivi.presentation import parse_date
from suivi.review import is_rejected
from suivi.store import counts, query_summaries
from suivi.store.reviews import review_count
from suivi.web.data import current, reviewed


def _delivered(fields: dict[str, Any]) -> tuple[float | None, list[str]]:
    # The contract says a pledge carries "the delivery records reported against it and
    # their total"; accept a dict {total, records}, a bare total or a list of records.
    given = fields.get("delivered")
    if isinstance(given, dict):
        ids = [r["id"] if isinstance(r, dict) else str(r) for r in given.get("records") or []]
        total = given.get("total")
        return (float(total) if isinstance(total, int | float) else None), ids
    if isinstance(given, int | float) and not isinstance(given, bool):
        return float(given), []
    if isinstance(given, list):
        ids = [r["id"] if isinstance(r, dict) else str(r) for r in given]
        return None, ids
    return None, []


# The figures of each store, with the store version they were computed at: every ingest,
# rebuild and review increases the version, so a cached answer is never out of date.
_CACHE: weakref.WeakKeyDictionary[Engine, tuple[int, dict[str, Any]]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def dashboard(engine: Engine, version: int | None = None) -> dict[str, Any]:
    """Counts by status and sector, the timeline, promises against deliveries, what is late:
    computed once per store version (callers must not change what they are given);
    ``version``: the store's, if the caller read it already."""
    version = current(engine, version)
    cached = _CACHE.get(engine)
    if cached is not None and cached[0] == version:
        return cached[1]
    with _LOCK:
        cached = _CACHE.get(engine)
        if cached is None or cached[0] != version:
            cached = (version, _figures(engine, version))
            _CACHE[engine] = cached
    return cached[1]


def _figures(engine: Engine, version: int) -> dict[str, Any]:
    # Summaries carry every field the figures read: no source or evidence is decoded.
    found = reviewed(engine, query_summaries(engine), version)
    records = [r for r in found if not is_rejected(r)]
    by_status: dict[str, dict[str, int]] = {"agreement": {}, "project": {}}
    by_sector: dict[str, dict[str, int]] = {}
    timeline: list[dict[str, Any]] = []
    pledges: list[dict[str, Any]] = []
    overdue: list[dict[str, Any]] = []
    for record in records:
        kind, fields = record["type"], record.get("fields") or {}
        if kind in by_status:
            status = record.get("status") or "unknown"
            by_status[kind][status] = by_status[kind].get(status, 0) + 1
            for sector in fields.get("sectors") or []:
                row = by_sector.setdefault(sector, {"agreement": 0, "project": 0})
                row[kind] += 1
            if record.get("overdue"):
                overdue.append(
                    {
                        "record": record["id"],
                        "type": kind,
                        "title": record["title"],
                        "status": record.get("status"),
                        "planned": record.get("planned"),
                    }
                )
        if kind == "agreement" and parse_date(fields.get("date")):
            timeline.append(
                {
                    "date": fields["date"],
                    "lane": "agreement",
                    "record": record["id"],
                    "label": record["title"],
                }
            )
        elif kind == "event" and parse_date(fields.get("start")):
            timeline.append(
                {
                    "date": fields["start"],
                    "lane": "event",
                    "record": record["id"],
                    "label": record["title"],
                    "event_type": fields.get("event_type"),
                    "place": fields.get("place"),
                }
            )
        elif kind == "project":
            for step in record.get("history") or []:
                if parse_date(step.get("date")):
                    timeline.append(
                        {
                            "date": step["date"],
                            "lane": "milestone",
                            "record": record["id"],
                            "label": record["title"],
                            "status": step.get("status"),
                        }
                    )
        elif kind == "quantity" and fields.get("kind") == "pledge":
            total, ids = _delivered(fields)
            pledges.append(
                {
                    "record": record["id"],
                    "title": record["title"],
                    "subject": fields.get("subject"),
                    "min": fields.get("min"),
                    "max": fields.get("max"),
                    "unit": fields.get("unit"),
                    "per": fields.get("per"),
                    "delivered": total,
                    "deliveries": ids,
                }
            )
    timeline.sort(key=lambda item: (str(item["date"]), item["record"]))
    overdue.sort(key=lambda item: (str(item["planned"] or ""), item["record"]))
    return {
        "totals": {**counts(engine), "reviews": review_count(engine)},
        "by_status": by_status,
        "by_sector": dict(sorted(by_sector.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))),
        "overdue": overdue,
        "timeline": timeline,
        "pledges": pledges,
    }
