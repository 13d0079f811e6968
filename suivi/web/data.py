"""What the pages and the API read: records with their reviews laid over, documents, facts.

Listing has two paths. Usually no review touches a field the filters look at, and the
store's SQL answers filters, counts and facets directly. When one does, the records that
match the words searched are read whole, reviewed, and filtered here, so that a corrected
status puts the record under its corrected status everywhere.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from suivi.models import FactKey, Record, RecordBase, RecordSummary, RecordT
from suivi.review import FACET_FIELDS, overlay_fact, reviewed_records, unreviewed
from suivi.store import (
    RecordFilter,
    count_records,
    facet_counts,
    get_record,
    query_summaries,
    records_for_document,
)
from suivi.store.documents import fact_rows_of
from suivi.store.records import (
    query_ids,
    record_type,
    record_year,
    records_by_id,
    summaries_by_id,
)
from suivi.store.reviews import fact_reviews, reviewed_fields
from suivi.store.state import store_version


@dataclass(frozen=True)
class Listing:
    """One page of records, how many match in all, and the facet counts of all matches."""

    items: list[RecordSummary]
    total: int
    facets: dict[str, dict[str, int]]


@dataclass(frozen=True)
class ReviewIndex:
    """Which records analysts reviewed, at one store version."""

    # Every record with a review of any kind.
    any: frozenset[str]
    # Those with a review of a field that decides which filters a record falls under.
    facets: frozenset[str]


# Per store: the review index and the list counts at the version they were read at. Every
# ingest, rebuild and review increases the version, so neither is ever out of date.
_INDEX: weakref.WeakKeyDictionary[Engine, tuple[int, ReviewIndex]] = weakref.WeakKeyDictionary()


def current(engine: Engine, version: int | None = None) -> int:
    """``version`` if the caller read it already for this request, else the store's."""
    return store_version(engine).number if version is None else version


def review_index(engine: Engine, version: int | None = None) -> ReviewIndex:
    """Which records have reviews, read once per store version."""
    version = current(engine, version)
    kept = _INDEX.get(engine)
    if kept is not None and kept[0] == version:
        return kept[1]
    fields = reviewed_fields(engine)
    facet_fields = set(FACET_FIELDS)
    index = ReviewIndex(
        frozenset(fields), frozenset(i for i, named in fields.items() if named & facet_fields)
    )
    _INDEX[engine] = (version, index)
    return index


def reviewed(engine: Engine, items: list[RecordT], version: int | None = None) -> list[RecordT]:
    """``items`` with their reviews laid over (titles made again from reviewed fields).
    When none of them has a review, as in most pages, the reviews are not read at all."""
    if any(item["id"] in review_index(engine, version).any for item in items):
        return reviewed_records(engine, items)
    return [unreviewed(item) for item in items]


def _tags(record: RecordBase) -> dict[str, set[str]]:
    # The same facets replace_records derives for record_tags.
    fields = record.get("fields") or {}
    return {
        "sector": set(fields.get("sectors") or []),
        "partner": {
            p
            for p in fields.get("parties") or []
            if isinstance(p, str) and len(p) == 2 and p.isupper()
        },
        "actor": set(record.get("actors") or []),
    }


def _matches(record: RecordSummary, flt: RecordFilter) -> bool:
    tags = _tags(record)
    return all(
        (
            not flt.type or record.get("type") == flt.type,
            not flt.status or record.get("status") == flt.status,
            not flt.year or record_year(record) == flt.year,
            flt.overdue is None or bool(record.get("overdue")) == flt.overdue,
            not flt.sector or flt.sector in tags["sector"],
            not flt.partner or flt.partner in tags["partner"],
            not flt.actor or flt.actor in tags["actor"],
        )
    )


def _facets(items: list[RecordSummary]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {
        name: {} for name in ("type", "status", "year", "sector", "partner")
    }

    def bump(name: str, value: Any) -> None:
        if value is not None and value != "":
            out[name][str(value)] = out[name].get(str(value), 0) + 1

    for record in items:
        bump("type", record.get("type"))
        bump("status", record.get("status"))
        bump("year", record_year(record))
        tags = _tags(record)
        for value in tags["sector"]:
            bump("sector", value)
        for value in tags["partner"]:
            bump("partner", value)
    return out


def _order(record: RecordSummary) -> tuple[Any, ...]:
    # The store's order without words searched: overdue first, then most sources, then title.
    sources = int(record.get("independent_sources") or record.get("source_count") or 0)
    return (not record.get("overdue"), -sources, record.get("title") or "", record["id"])


# Counts and facets of the lists asked lately, per store version: they change only when the
# store does, and counting every match is most of a list's cost.
Counts = tuple[int, dict[str, dict[str, int]]]
_COUNTS: weakref.WeakKeyDictionary[Engine, dict[tuple[int, RecordFilter], Counts]] = (
    weakref.WeakKeyDictionary()
)
_COUNTS_KEPT = 512


def _counts(engine: Engine, flt: RecordFilter, version: int) -> Counts:
    kept = _COUNTS.setdefault(engine, {})
    key = (version, flt)
    found = kept.get(key)
    if found is None:
        found = (count_records(engine, flt), facet_counts(engine, flt))
        if len(kept) >= _COUNTS_KEPT:
            kept.clear()
        kept[key] = found
    return found


def list_records(
    engine: Engine,
    flt: RecordFilter,
    *,
    limit: int | None = None,
    offset: int = 0,
    version: int | None = None,
) -> Listing:
    """Records matching ``flt`` as reviewed, as summaries (no sources, conflicts or history):
    one page of them, their number, their facets."""
    version = current(engine, version)
    if not review_index(engine, version).facets:
        items = query_summaries(engine, flt, limit=limit, offset=offset)
        return Listing(reviewed(engine, items, version), *_counts(engine, flt, version))
    candidates = reviewed(engine, query_summaries(engine, RecordFilter(q=flt.q)), version)
    matching = [r for r in candidates if _matches(r, flt)]
    if not flt.q:
        matching.sort(key=_order)
    # With words searched, the store's order is kept: the most relevant first.
    end = None if limit is None else offset + limit
    return Listing(matching[offset:end], len(matching), _facets(matching))


# Whole records read for an export at a time: memory stays flat however many match.
EXPORT_CHUNK = 200


def whole_records(engine: Engine, flt: RecordFilter) -> Iterator[Record]:
    """Every record matching ``flt`` whole and as reviewed, in the list's order, read a
    chunk at a time (the order and the filters are the list's)."""
    version = current(engine)
    if review_index(engine, version).facets:
        ids = [item["id"] for item in list_records(engine, flt, version=version).items]
    else:
        ids = query_ids(engine, flt)
    for start in range(0, len(ids), EXPORT_CHUNK):
        chunk = records_by_id(engine, ids[start : start + EXPORT_CHUNK])
        yield from reviewed(engine, chunk, version)


def record(engine: Engine, record_id: str, version: int | None = None) -> Record | None:
    """One record as reviewed, or None."""
    both = record_as_stored(engine, record_id, version)
    return both[0] if both else None


def record_as_stored(
    engine: Engine, record_id: str, version: int | None = None
) -> tuple[Record, Record] | None:
    """One record as reviewed and as consolidation stored it (read once), or None."""
    found = get_record(engine, record_id)
    return (reviewed(engine, [found], version)[0], found) if found else None


def summaries(
    engine: Engine, record_ids: list[str], version: int | None = None
) -> dict[str, RecordSummary]:
    """The records named, as reviewed summaries, by id (ids not found are left out): what a
    page needs to link to other records, without reading their sources."""
    found = reviewed(engine, summaries_by_id(engine, record_ids), version)
    return {item["id"]: item for item in found}


def is_actor(engine: Engine, record_id: str) -> bool:
    """Whether ``record_id`` is an actor's record."""
    return record_type(engine, record_id) == "actor"


def facts_of(engine: Engine, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """A document's facts, each with its id, evidence, records and reviews laid over."""
    rows = fact_rows_of(engine, doc["id"])
    links = records_for_document(engine, doc["id"])
    keys = {
        row.id: FactKey(doc["id"], row.category, row.evidence_start, row.evidence_end)
        for row in rows
    }
    by_key = fact_reviews(engine, keys.values())
    out = []
    for row in rows:
        item = json.loads(row.data)
        item = overlay_fact(item, by_key.get(keys[row.id], []))
        item["id"] = int(row.id)
        item["category"] = row.category
        item["evidence"] = {
            "start": row.evidence_start,
            "end": row.evidence_end,
            "text": doc["text"][row.evidence_start : row.evidence_end],
        }
        item["records"] = sorted(links.get(int(row.id), []))
        out.append(item)
    return out


def fact(engine: Engine, doc: dict[str, Any], fact_id: int) -> dict[str, Any] | None:
    """One fact of a document as reviewed, or None."""
    return next((item for item in facts_of(engine, doc) if item["id"] == fact_id), None)
