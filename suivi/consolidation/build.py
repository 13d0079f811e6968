"""From facts to records: clusters of facts become records with sources and conflicts."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from suivi.consolidation import actors as actor_rules
from suivi.consolidation import status as status_rules
from suivi.consolidation.clusters import cluster_parts
from suivi.consolidation.confidence import assess
from suivi.consolidation.conflicts import conflicts, most_supported
from suivi.consolidation.deliveries import link
from suivi.consolidation.figures import link_figures
from suivi.consolidation.independence import dispatch_groups
from suivi.consolidation.keys import KEYS, Blocking
from suivi.consolidation.matching import (
    ONE_PER_ARTICLE,
    RULES,
    Context,
    same_place_or_within,
)
from suivi.consolidation.names import person_tokens, rank_before
from suivi.consolidation.record_fields import fields_of, read_in_french, with_milestones
from suivi.datelines import dateline_day
from suivi.folding import fold_words
from suivi.models import Document, Fact, Record, Source, Verdicts

# The copies' group of each document: any value that copies of one dispatch share.
Dispatch = Mapping[str, Hashable]

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


@dataclass
class Built:
    """What building records gives: the records in order, and for each record the facts it
    stands on; with ``parts``, for each kind of fact the parts no score joins across
    (``clusters.cluster_parts``) and the blocking each kind was compared with."""

    records: list[Record] = field(default_factory=list)
    facts_of: dict[str, list[Fact]] = field(default_factory=dict)
    parts: dict[str, list[list[Fact]]] = field(default_factory=dict)
    blockings: dict[str, Blocking] = field(default_factory=dict)
    ctx: Context = field(default_factory=Context)
    dispatch: dict[str, int] = field(default_factory=dict)


def build(
    documents: list[Document],
    facts: list[Fact],
    today: date,
    verdicts: Verdicts[str],
) -> list[Record]:
    """Every record the facts support. ``verdicts`` are analysts' rejections and corrections
    of records, which the links between pledges and deliveries follow."""
    built = build_all(documents, facts, today)
    finish(built.records, built.facts_of, verdicts)
    return built.records


def build_all(documents: list[Document], facts: list[Fact], today: date) -> Built:
    """Every record the facts support, before the links between records are made."""
    by_category: dict[str, list[Fact]] = {}
    for fact in facts:
        by_category.setdefault(fact.category, []).append(fact)
    groups = dispatch_groups(documents)
    built = Built(dispatch=groups)
    ctx = built.ctx
    events_in = events_by_document(by_category.get("events", []))
    ctx.reference = {
        doc.id: reference_date(doc, events_in.get(doc.id, []), today) for doc in documents
    }
    actor_records(built, actor_rules.resolve(by_category.get("actors", [])), groups, ctx)
    for category in CATEGORIES:
        items = by_category.get(category, [])
        blocking = remembered(KEYS[category](items, ctx))
        category_records(built, category, items, blocking, groups, ctx, today, events_in)
    return built


# The kinds of facts clustered by a score, in the order their records are made: projects
# before figures, which read the projects of their articles.
CATEGORIES = ("agreements", "projects", "events", "quantities")


def remembered(blocking: Blocking) -> Blocking:
    """``blocking`` with each fact's keys made once, however often they are asked for."""
    if blocking.keys is None:
        return blocking
    made: dict[int, list[Any]] = {}
    sure: dict[int, list[Any]] = {}

    def keys(fact: Fact) -> list[Any]:
        if fact.id not in made:
            made[fact.id] = list(blocking.keys(fact))
        return made[fact.id]

    def certain(fact: Fact) -> list[Any]:
        if fact.id not in sure:
            sure[fact.id] = list(blocking.sure(fact)) if blocking.sure else []
        return sure[fact.id]

    return Blocking(keys, certain if blocking.sure else None)


def finish(records: list[Record], facts_of: dict[str, list[Fact]], verdicts: Verdicts[str]) -> None:
    """What records say of each other (pledges and their deliveries, figures and their
    projects), and how sure each one is."""
    link(records, verdicts)
    link_figures(records, facts_of)
    for record in records:
        record["confidence"], record["doubts"] = assess(record)


def actor_records(
    built: Built, actor_groups: list[list[Fact]], groups: Dispatch, ctx: Context
) -> None:
    """The records of ``actor_groups`` (in order), and what the context learns of them."""
    for group in actor_groups:
        record = _actor_record(group, groups)
        built.records.append(record)
        built.facts_of[record["id"]] = group
        remember_actors(ctx, [(fact, record["id"]) for fact in group])
    built.parts["actors"] = actor_groups


def remember_actors(ctx: Context, named: Iterable[tuple[Fact, str]]) -> None:
    """What the context knows of actor facts and the records they belong to, given in the
    order of their records, then of the facts."""
    for fact, record_id in named:
        ctx.actor_of[(fact.document.id, fold_words(fact.get("name") or ""))] = record_id
        _remember_names(ctx, fact, record_id)
        if fact.get("type") == "country" and fact.get("country"):
            ctx.states.setdefault(fact.document.id, set()).add(fact.get("country"))
            spans = ctx.state_spans.setdefault(fact.document.id, [])
            spans.append((fact.start, fact.end, str(fact.get("country"))))


def remember_projects(ctx: Context, named: Iterable[tuple[Fact, str]]) -> None:
    """What the context knows of project facts and the records they belong to."""
    for fact, record_id in named:
        ctx.projects_in.setdefault(fact.document.id, set()).add(record_id)
        spans = ctx.project_spans.setdefault(fact.document.id, [])
        spans.append((fact.start, fact.end, record_id))


def category_records(
    built: Built,
    category: str,
    items: list[Fact],
    blocking: Blocking,
    groups: Dispatch,
    ctx: Context,
    today: date,
    events_in: dict[str, list[Fact]],
) -> None:
    """The records of one kind of fact, clustered by its rule, in the order of their first fact."""
    rule = RULES[category]

    def score(a: Fact, b: Fact) -> float:
        return float(rule(a, b, ctx))

    apart = _document_of if category in ONE_PER_ARTICLE else None
    located = category == "projects"
    clustered, parts = cluster_parts(
        items,
        score,
        apart,
        blocking.keys,
        blocking.sure,
        where=_place_of if located else None,
        fits=same_place_or_within if located else None,
    )
    built.parts[category], built.blockings[category] = parts, blocking
    for group in clustered:
        record = _record(category, group, groups, ctx, today, events_in)
        built.facts_of[record["id"]] = group
        if category == "quantities":
            record["fields"]["partners"] = sorted(_partners(group, ctx))
        if category == "projects":
            remember_projects(ctx, [(fact, record["id"]) for fact in group])
        built.records.append(record)


def events_by_document(events: Iterable[Fact]) -> dict[str, list[Fact]]:
    """Event facts by document, in the order given."""
    events_in: dict[str, list[Fact]] = {}
    for event in events:
        events_in.setdefault(event.document.id, []).append(event)
    return events_in


def _place_of(fact: Fact) -> str:
    return fold_words(fact.get("location") or "")


def _remember_names(ctx: Context, fact: Fact, record_id: str) -> None:
    # The names by which a document calls an actor: as written, and for a person the
    # family name alone ("Goïta"), which is how later sentences name them.
    names = ctx.names_in.setdefault(fact.document.id, {})
    written = fold_words(fact.get("name") or "")
    if len(written) >= 3:
        names[written] = record_id
    if fact.get("type") == "person":
        tokens = person_tokens(fact.get("name") or "")
        if tokens and len(tokens[-1]) >= 4:
            names.setdefault(tokens[-1], record_id)
    if fact.get("type") == "country" and fact.get("country"):
        ctx.country_actor.setdefault(fact.get("country"), record_id)


def _document_of(fact: Fact) -> str:
    return fact.document.id


def _with_lead(fact: Fact) -> str:
    # A rank stands just before the name, which may be where the evidence starts.
    return fact.document.text[max(0, fact.start - 60) : fact.end]


def reference_date(doc: Document, events: list[Fact], today: date) -> str | None:
    """The date an article's news is of: its own, else its first dated event's ("Le
    vendredi 24 octobre…"), else the day its year-less wire dateline stands for."""
    if doc.published:
        return doc.published
    dated = sorted(
        (f for f in events if len(f.get("start") or "") == 10),
        key=lambda f: f.start,
    )
    return dated[0].get("start") if dated else dateline_day(doc.text, today)


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


def _independence(facts: list[Fact], groups: Dispatch) -> tuple[int, int]:
    # Outlets are the ones the sources name; a source with no outlet is still counted among
    # the independent sources, where copies of one dispatch count once.
    dispatches = {groups.get(f.document.id, -1) for f in facts}
    outlets = {f.document.outlet for f in facts if f.document.outlet}
    return len(outlets), len(dispatches)


def _actor_record(group: list[Fact], groups: Dispatch) -> Record:
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
    groups: Dispatch,
    ctx: Context,
    today: date,
    events: dict[str, list[Fact]],
) -> Record:
    outlets, independent = _independence(group, groups)
    fields, checked = fields_of(category, group)
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
            entries = with_milestones(entries, group, events)
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


__all__ = ["Built", "build", "build_all", "finish", "read_in_french", "record_id"]
