"""From facts to records: clusters of facts become records with sources and conflicts."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from suivi.consolidation import actors as actor_rules
from suivi.consolidation import status as status_rules
from suivi.consolidation.clusters import cluster_scored
from suivi.consolidation.confidence import assess
from suivi.consolidation.conflicts import commonest, conflicts, latest_value, most_supported
from suivi.consolidation.datelines import dateline_day
from suivi.consolidation.deliveries import link
from suivi.consolidation.designations import agreement_kind, designation, wordings
from suivi.consolidation.figures import link_figures
from suivi.consolidation.independence import dispatch_groups
from suivi.consolidation.keys import KEYS
from suivi.consolidation.matching import (
    ONE_PER_ARTICLE,
    RULES,
    Context,
    Rule,
    same_place_or_within,
)
from suivi.consolidation.names import person_tokens, rank_before
from suivi.folding import fold_words
from suivi.models import Document, Fact, HistoryEntry, Record, Source, Verdicts

PREFIX = {
    "agreements": "agr",
    "projects": "prj",
    "events": "evt",
    "quantities": "qty",
    "actors": "act",
}
TYPE = {
    "agreements": "agreement",
    "projects": "project",
    "events": "event",
    "quantities": "quantity",
    "actors": "actor",
}


def record_id(category: str, facts: list[Fact]) -> str:
    """``<prefix>-<12 hex>``: the hash of the record's first fact in ingestion order."""
    first = min(facts, key=lambda fact: fact.order)
    return f"{PREFIX[category]}-{hashlib.sha256(first.key().encode()).hexdigest()[:12]}"


def build(
    documents: list[Document],
    facts: list[Fact],
    today: date,
    verdicts: Verdicts[str],
) -> list[Record]:
    """Every record the facts support. ``verdicts`` are analysts' rejections and corrections
    of records, which the links between pledges and deliveries follow."""
    by_category: dict[str, list[Fact]] = {}
    for fact in facts:
        by_category.setdefault(fact.category, []).append(fact)
    groups = dispatch_groups(documents)
    ctx = Context()
    records: list[Record] = []

    actor_groups = actor_rules.resolve(by_category.get("actors", []))
    for group in actor_groups:
        record = _actor_record(group, groups)
        records.append(record)
        for fact in group:
            ctx.actor_of[(fact.document.id, fold_words(fact.get("name") or ""))] = record["id"]
            _remember_names(ctx, fact, record)
            if fact.get("type") == "country" and fact.get("country"):
                ctx.states.setdefault(fact.document.id, set()).add(fact.get("country"))
                spans = ctx.state_spans.setdefault(fact.document.id, [])
                spans.append((fact.start, fact.end, str(fact.get("country"))))
    events_in: dict[str, list[Fact]] = {}
    for event in by_category.get("events", []):
        events_in.setdefault(event.document.id, []).append(event)
    ctx.reference = {
        doc.id: _reference_date(doc, events_in.get(doc.id, [])) or dateline_day(doc.text, today)
        for doc in documents
    }

    facts_of: dict[str, list[Fact]] = {}
    for category in ("agreements", "projects", "events", "quantities"):
        rule = RULES[category]

        def score(a: Fact, b: Fact, rule: Rule = rule) -> float:
            return float(rule(a, b, ctx))

        items = by_category.get(category, [])
        blocking = KEYS[category](items, ctx)
        apart = _document_of if category in ONE_PER_ARTICLE else None
        located = category == "projects"
        for group in cluster_scored(
            items,
            score,
            apart,
            blocking.keys,
            blocking.sure,
            where=_place_of if located else None,
            fits=same_place_or_within if located else None,
        ):
            record = _record(category, group, groups, ctx, today, events_in)
            facts_of[record["id"]] = group
            if category == "quantities":
                record["fields"]["partners"] = sorted(_partners(group, ctx))
            if category == "projects":
                for fact in group:
                    ctx.projects_in.setdefault(fact.document.id, set()).add(record["id"])
                    spans = ctx.project_spans.setdefault(fact.document.id, [])
                    spans.append((fact.start, fact.end, record["id"]))
            records.append(record)
    link(records, verdicts)
    link_figures(records, facts_of)
    for record in records:
        record["confidence"], record["doubts"] = assess(record)
    return records


def _place_of(fact: Fact) -> str:
    return fold_words(fact.get("location") or "")


def _remember_names(ctx: Context, fact: Fact, record: Record) -> None:
    # The names by which a document calls an actor: as written, and for a person the
    # family name alone ("Goïta"), which is how later sentences name them.
    names = ctx.names_in.setdefault(fact.document.id, {})
    written = fold_words(fact.get("name") or "")
    if len(written) >= 3:
        names[written] = record["id"]
    if fact.get("type") == "person":
        tokens = person_tokens(fact.get("name") or "")
        if tokens and len(tokens[-1]) >= 4:
            names.setdefault(tokens[-1], record["id"])
    if fact.get("type") == "country" and fact.get("country"):
        ctx.country_actor.setdefault(fact.get("country"), record["id"])


def _document_of(fact: Fact) -> str:
    return fact.document.id


def _with_lead(fact: Fact) -> str:
    # A rank stands just before the name, which may be where the evidence starts.
    return fact.document.text[max(0, fact.start - 60) : fact.end]


def _reference_date(doc: Document, events: list[Fact]) -> str | None:
    # An undated article reports news of its first dated event ("Le vendredi 24 octobre…").
    if doc.published:
        return doc.published
    dated = sorted(
        (f for f in events if len(f.get("start") or "") == 10),
        key=lambda f: f.start,
    )
    return dated[0].get("start") if dated else None


def _sources(facts: list[Fact]) -> list[Source]:
    return [
        {
            "doc": fact.document.name,
            "document_id": fact.document.id,
            "outlet": fact.document.outlet,
            "published": fact.document.published,
            "fact_id": fact.id,
            "evidence": {"start": fact.start, "end": fact.end, "text": fact.evidence},
        }
        for fact in facts
    ]


def _independence(facts: list[Fact], groups: dict[str, int]) -> tuple[int, int]:
    # Outlets are the ones the sources name; a source with no outlet is still counted among
    # the independent sources, where copies of one dispatch count once.
    dispatches = {groups.get(f.document.id, -1) for f in facts}
    outlets = {f.document.outlet for f in facts if f.document.outlet}
    return len(outlets), len(dispatches)


def _common(facts: list[Fact], name: str) -> Any:
    return commonest([str(f.get(name)) for f in read_in_french(facts, name)])


def read_in_french(facts: list[Fact], name: str) -> list[Fact]:
    """The facts that give ``name``, those of French articles only when there are some:
    the portal speaks French first, so a thing told in both languages is named in French."""
    giving = [f for f in facts if f.get(name)]
    return [f for f in giving if f.document.language == "fr"] or giving


def _actor_record(group: list[Fact], groups: dict[str, int]) -> Record:
    name = actor_rules.canonical_name(group)
    roles = sorted({f.get("role") for f in group if f.get("role")})
    outlets, independent = _independence(group, groups)
    fields = {
        "name": name,
        "actor_type": group[0].get("type"),
        "country": most_supported(group, lambda f: f.get("country")),
        "roles": roles,
        "aliases": sorted(
            {f.get("name") for f in group if f.get("name") and f.get("name") != name}
        ),
    }
    return {
        "id": record_id("actors", group),
        "type": "actor",
        "fields": fields,
        "status": None,
        "sources": _sources(group),
        "outlets": outlets,
        "independent_sources": independent,
        "conflicts": conflicts(
            group,
            {
                "country": lambda f: f.get("country"),
                "rank": lambda f: rank_before(f.get("name") or "", _with_lead(f)),
            },
        ),
        "actors": [],
    }


def _record(
    category: str,
    group: list[Fact],
    groups: dict[str, int],
    ctx: Context,
    today: date,
    events: dict[str, list[Fact]],
) -> Record:
    outlets, independent = _independence(group, groups)
    fields, checked = _fields(category, group)
    record: Record = {
        "id": record_id(category, group),
        "type": TYPE[category],
        "fields": fields,
        "status": None,
        "sources": _sources(group),
        "outlets": outlets,
        "independent_sources": independent,
        "conflicts": conflicts(group, checked),
        "actors": _linked_actors(group, ctx),
    }
    if category == "agreements":
        fields["parties"] = sorted(set(fields["parties"]) | _stated_parties(group, ctx))
    if category in ("agreements", "projects"):
        entries = status_rules.history(group, category, ctx)
        if category == "projects":
            entries = _with_milestones(entries, group, events)
        planned = status_rules.planned_date(group)
        record["history"] = entries
        record["status"] = status_rules.current(entries)
        record["planned"] = planned
        record["overdue"] = status_rules.overdue(record["status"], planned, today)
    return record


def _stated_parties(group: list[Fact], ctx: Context) -> set[str]:
    # A report that names no state party ("l'accord de défense signé hier") is read with
    # the states its own sentence names ("Bamako et Moscou…" read as Mali and Russia):
    # explicit evidence, unlike every state the article mentions elsewhere.
    found: set[str] = set()
    for fact in group:
        if any(len(p) == 2 and p.isupper() for p in fact.get("parties") or []):
            continue
        for start, end, code in ctx.state_spans.get(fact.document.id, []):
            if start < fact.end and fact.start < end:
                found.add(code)
    return found


def _fields(category: str, group: list[Fact]) -> tuple[dict[str, Any], dict[str, Any]]:
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
            "name": _common(group, "name"),
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


def _with_milestones(
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
        for event in _events_of(group, events_in)
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


def _events_of(group: list[Fact], events_in: dict[str, list[Fact]]) -> list[Fact]:
    # The events of the group's documents, in the order of all events.
    documents = dict.fromkeys(fact.document.id for fact in group)
    return sorted((e for d in documents for e in events_in.get(d, [])), key=lambda e: e.order)


def _linked_actors(group: list[Fact], ctx: Context) -> list[str]:
    # An actor belongs to a record when a fact names it as party or participant, or when
    # the fact's own sentence names it (the state, company or person the figure is about).
    linked: set[str] = set()
    for fact in group:
        for name in list(fact.get("participants") or []) + list(fact.get("parties") or []):
            found = ctx.actor_of.get((fact.document.id, fold_words(name)))
            if found is None and len(name) == 2 and name.isupper():
                found = ctx.country_actor.get(name)
            if found:
                linked.add(found)
        words = f" {fold_words(fact.evidence)} "
        for name, actor in ctx.names_in.get(fact.document.id, {}).items():
            if f" {name} " in words:
                linked.add(actor)
    return sorted(linked)


def _partners(group: list[Fact], ctx: Context) -> set[str]:
    states: set[str] = set()
    for fact in group:
        parties = {p for p in fact.get("parties") or [] if len(p) == 2 and p.isupper()}
        states |= parties or ctx.states.get(fact.document.id, set())
    return states
