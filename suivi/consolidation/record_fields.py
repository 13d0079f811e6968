"""What a record says of its thing: each kind's fields from the facts of its group, read in
the language of the portal first, and a project's milestones from its ceremonies."""

from __future__ import annotations

from typing import Any

from suivi.consolidation.conflicts import commonest, latest_value, most_supported
from suivi.consolidation.designations import agreement_kind, designation, wordings
from suivi.models import Fact, HistoryEntry


def common(facts: list[Fact], name: str) -> Any:
    return commonest([str(f.get(name)) for f in read_in_french(facts, name)])


def read_in_french(facts: list[Fact], name: str) -> list[Fact]:
    """The facts that give ``name``, those of French articles only when there are some:
    the portal speaks French first, so a thing told in both languages is named in French."""
    giving = [f for f in facts if f.get(name)]
    return [f for f in giving if f.document.language == "fr"] or giving


def fields_of(category: str, group: list[Fact]) -> tuple[dict[str, Any], dict[str, Any]]:
    latest = lambda name: latest_value(group, lambda f: f.get(name))  # noqa: E731
    # When and where a thing happened does not change: the most reported value, not the
    # newest report's slip ("on Wednesday" read as the dateline's day).
    fixed = lambda name: most_supported(group, lambda f: f.get(name))  # noqa: E731
    if category == "agreements":
        sectors = sorted({s for f in group for s in f.get("sectors") or []})
        parties = sorted({p for f in group for p in f.get("parties") or []})
        name = designation(read_in_french(group, "title")) or designation(group)
        fields = {
            "name": name,
            "aliases": wordings(group, name),
            "agreement_kind": agreement_kind(group),
            "sectors": sectors,
            "parties": parties,
            "date": fixed("date"),
        }
        checked = {"date": lambda f: f.get("date"), "status": lambda f: f.get("status")}
        return fields, checked
    if category == "projects":
        sectors = sorted({s for f in group for s in f.get("sectors") or []})
        fields = {
            "name": common(group, "name"),
            "location": latest("location"),
            "sectors": sectors,
        }
        return fields, {"location": lambda f: f.get("location")}
    if category == "events":
        participants = sorted({p for f in group for p in f.get("participants") or []})
        fields = {
            # The broader event names the group: the talks held during a visit are that visit
            "event_type": min(
                (str(f.get("type")) for f in group if f.get("type")),
                key=lambda kind: (_EVENT_BREADTH.get(kind, 9), kind),
                default=None,
            ),
            "start": fixed("start"),
            "end": fixed("end"),
            "place": fixed("place"),
            "participants": participants,
        }
        checked = {
            "start": lambda f: f.get("start"),
            "end": lambda f: f.get("end"),
            "place": lambda f: f.get("place"),
        }
        return fields, checked
    fields = {name: latest(name) for name in ("min", "max", "unit", "per", "kind", "year")}
    fields["subject"] = latest_value(read_in_french(group, "subject"), lambda f: f.get("subject"))
    checked = {"value": _amount, "year": lambda f: f.get("year")}
    return fields, checked


_EVENT_BREADTH = {"summit": 0, "visit": 1}


def _amount(fact: Fact) -> Any:
    low, high = fact.get("min"), fact.get("max")
    return low if low == high else [low, high]


def with_milestones(
    entries: list[HistoryEntry], group: list[Fact], events_in: dict[str, list[Fact]]
) -> list[HistoryEntry]:
    # A ceremony in the same sentence as the project ("a posé la première pierre de la
    # raffinerie…") is a dated milestone of that project.
    spans = {(f.document.id, f.start, f.end) for f in group}
    milestones: list[HistoryEntry] = [
        {
            "status": "under_construction",
            "date": event.get("start"),
            "sources": [event.document.name],
            "event": "ceremony",
            "evidence": event.evidence,
        }
        for event in events_of(group, events_in)
        if event.get("type") == "ceremony"
        and event.get("start")
        and any(
            doc == event.document.id and start < event.end and event.start < end
            for doc, start, end in spans
        )
    ]
    merged: dict[tuple[str, str | None], HistoryEntry] = {}
    for entry in entries + milestones:
        key = (entry["status"], entry["date"])
        if key not in merged:
            merged[key] = entry.copy()
            continue
        known = merged[key]
        known["sources"] = sorted(set(known["sources"]) | set(entry["sources"]))
        if entry.get("event"):
            known.setdefault("event", entry["event"])
        if entry.get("evidence"):
            known.setdefault("evidence", entry["evidence"])
    return sorted(merged.values(), key=lambda entry: entry.get("date") or "")


def events_of(group: list[Fact], events_in: dict[str, list[Fact]]) -> list[Fact]:
    # The events of the group's documents, in the order of all events.
    documents = dict.fromkeys(fact.document.id for fact in group)
    return sorted((e for d in documents for e in events_in.get(d, [])), key=lambda e: e.order)
