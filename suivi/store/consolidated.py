"""What incremental consolidation reads and writes beside the records: documents' order and
copies, facts' parts and records, parts' hashed keys (tables in ``schema``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, update

from suivi.models import Document, Fact
from suivi.store.schema import (
    CONSOLIDATION_TABLES,
    consolidated_documents,
    consolidated_facts,
    consolidated_records,
    consolidation_state,
    country_actors,
    dispatch_firsts,
    dispatch_runs,
    documents,
    facts,
    key_values,
    part_keys,
)

_CHUNK = 500


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = sorted(set(values), key=str)
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def kept_threshold(engine: Engine) -> float | None:
    """The publication threshold the kept consolidation was made with; None when there is
    none to build on (never made, or facts changed since)."""
    with engine.connect() as connection:
        found = connection.execute(select(consolidation_state.c.threshold)).scalar()
    return None if found is None else float(found)


def forget(connection: Connection) -> None:
    """Within a transaction that changes facts: the kept consolidation no longer holds."""
    connection.execute(delete(consolidation_state))


@dataclass(frozen=True)
class Pending:
    """Documents stored but not consolidated, in ingestion order; ``ordered`` is false when
    one of them comes before a consolidated one (then only a rebuild places it)."""

    rows: list[Any]
    ordered: bool
    next_seq: int


def pending_documents(engine: Engine) -> Pending:
    """The documents no consolidation has read yet."""
    done = select(consolidated_documents.c.document_id)
    query = (
        select(documents.c.id, documents.c.ingested_at)
        .where(documents.c.id.not_in(done))
        .order_by(documents.c.ingested_at, documents.c.id)
    )
    with engine.connect() as connection:
        rows = list(connection.execute(query))
        last = connection.execute(
            select(documents.c.ingested_at, documents.c.id)
            .join(consolidated_documents, consolidated_documents.c.document_id == documents.c.id)
            .order_by(documents.c.ingested_at.desc(), documents.c.id.desc())
            .limit(1)
        ).first()
        seq = connection.execute(select(func.max(consolidated_documents.c.seq))).scalar()
    ordered = not rows or last is None or (rows[0].ingested_at, rows[0].id) > tuple(last)
    return Pending(rows, ordered, (seq if seq is not None else -1) + 1)


def load_documents(engine: Engine, ids: Iterable[str], seqs: dict[str, int]) -> dict[str, Document]:
    """Documents by id, each ordered by its consolidated place (``seqs`` for new ones)."""
    out: dict[str, Document] = {}
    with engine.connect() as connection:
        for chunk in _chunks(ids):
            query = select(
                documents.c.id, documents.c.name, documents.c.outlet, documents.c.published,
                documents.c.language, documents.c.text, consolidated_documents.c.seq,
            ).outerjoin(
                consolidated_documents, consolidated_documents.c.document_id == documents.c.id
            ).where(documents.c.id.in_(chunk))  # fmt: skip
            for row in connection.execute(query):
                seq = row.seq if row.seq is not None else seqs[row.id]
                out[row.id] = Document(
                    row.id, row.name, row.outlet, row.published, seq, row.text, row.language or "fr"
                )
    return out


@dataclass(frozen=True)
class FactRow:
    """A stored fact, with the part and record consolidation gave it (None when new)."""

    id: int
    document_id: str
    category: str
    data: dict[str, Any]
    start: int
    end: int
    part: str | None
    record_id: str | None

    def fact(self, document: Document) -> Fact:
        """The fact as consolidation reads it."""
        return Fact(self.id, self.category, self.data, document, self.start, self.end)


def _fact_query() -> Any:
    return select(
        facts.c.id, facts.c.document_id, facts.c.category, facts.c.data,
        facts.c.evidence_start, facts.c.evidence_end,
        consolidated_facts.c.part, consolidated_facts.c.record_id,
    ).outerjoin(consolidated_facts, consolidated_facts.c.fact_id == facts.c.id)  # fmt: skip


def _fact_rows(connection: Connection, query: Any) -> list[FactRow]:
    return [
        FactRow(row.id, row.document_id, row.category, json.loads(row.data),
                row.evidence_start, row.evidence_end, row.part, row.record_id)
        for row in connection.execute(query)
    ]  # fmt: skip


def facts_of_documents(
    engine: Engine, ids: Iterable[str], category: str | None = None
) -> list[FactRow]:
    """Every fact (of one kind, if given) of the documents ``ids``."""
    out: list[FactRow] = []
    with engine.connect() as connection:
        for chunk in _chunks(ids):
            query = _fact_query().where(facts.c.document_id.in_(chunk))
            if category is not None:
                query = query.where(facts.c.category == category)
            out += _fact_rows(connection, query)
    return out


def facts_of_parts(engine: Engine, parts: Iterable[str]) -> list[FactRow]:
    """Every fact of the parts ``parts``."""
    out: list[FactRow] = []
    with engine.connect() as connection:
        for chunk in _chunks(parts):
            out += _fact_rows(connection, _fact_query().where(consolidated_facts.c.part.in_(chunk)))
    return out


def records_in_documents(
    engine: Engine, ids: Iterable[str], category: str
) -> list[tuple[int, str, str]]:
    """(fact, document, record) of the consolidated facts of one kind in the documents ``ids``."""
    out: list[tuple[int, str, str]] = []
    query = select(consolidated_facts.c.fact_id, consolidated_facts.c.document_id,
                   consolidated_facts.c.record_id)  # fmt: skip
    with engine.connect() as connection:
        for chunk in _chunks(ids):
            found = query.where(consolidated_facts.c.document_id.in_(chunk),
                                consolidated_facts.c.category == category)  # fmt: skip
            out += [
                (row.fact_id, row.document_id, row.record_id) for row in connection.execute(found)
            ]
    return out


def find_parts(engine: Engine, probes: Iterable[tuple[int, int | None, Sequence[int]]]) -> set[str]:
    """The parts that hold a key ``(block, slot, roles)``: a slot None finds the whole
    block; any other finds its own slot and the block's wild one (0)."""
    found: set[str] = set()
    with engine.connect() as connection:
        for block, slot, roles in probes:
            where = [part_keys.c.block == block, part_keys.c.role.in_(list(roles))]
            if slot is not None:
                where.append(part_keys.c.slot.in_([slot, 0]))
            query = select(part_keys.c.part).where(*where).distinct()
            found.update(row.part for row in connection.execute(query))
    return found


def values_of(engine: Engine, blocks: Iterable[int]) -> dict[int, list[str]]:
    """The values kept for each value block."""
    out: dict[int, list[str]] = {}
    with engine.connect() as connection:
        for chunk in _chunks(blocks):
            query = select(key_values.c.block, key_values.c.value).where(
                key_values.c.block.in_(chunk)
            )
            for row in connection.execute(query):
                out.setdefault(int(row.block), []).append(row.value)
    return out


@dataclass(frozen=True)
class RecordInfo:
    """What is kept of a consolidated record beside its JSON."""

    category: str
    lead: tuple[int, int, int]
    due: str | None
    place: str | None
    project: str | None


def _lead(text: str) -> tuple[int, int, int]:
    a, b, c = text.split(":")
    return int(a), int(b), int(c)


def lead_text(lead: tuple[int, int, int]) -> str:
    """A record's lead as kept: in ingestion order when sorted as text."""
    return f"{lead[0]:010d}:{lead[1]:012d}:{lead[2]:012d}"


def record_infos(
    engine: Engine, ids: Iterable[str] = (), projects: Iterable[str] = ()
) -> dict[str, RecordInfo]:
    """What is kept of the records ``ids``, and of the figures of the projects ``projects``."""
    out: dict[str, RecordInfo] = {}
    table = consolidated_records
    with engine.connect() as connection:
        for column, values in ((table.c.record_id, ids), (table.c.project, projects)):
            for chunk in _chunks(values):
                for row in connection.execute(select(table).where(column.in_(chunk))):
                    out[row.record_id] = RecordInfo(row.category, _lead(row.lead), row.due,
                                                    row.place, row.project)  # fmt: skip
    return out


def stale_overdue(engine: Engine, today: str) -> list[str]:
    """Records whose overdue flag ``today`` changes."""
    from suivi.store.schema import records

    due = consolidated_records.c.due
    query = (
        select(records.c.id)
        .join(consolidated_records, consolidated_records.c.record_id == records.c.id)
        .where(or_(and_(due.is_not(None), due < today, records.c.overdue.is_(False)),
                   and_(records.c.overdue.is_(True), or_(due.is_(None), due >= today))))
    )  # fmt: skip
    with engine.connect() as connection:
        return [row.id for row in connection.execute(query)]


def country_records(engine: Engine) -> dict[str, str]:
    """The actor record of each state, by code."""
    with engine.connect() as connection:
        return {row.code: row.record_id for row in connection.execute(select(country_actors))}


def run_counts(engine: Engine, runs: Iterable[int]) -> dict[int, int]:
    """How many documents hold each run."""
    out: dict[int, int] = {}
    with engine.connect() as connection:
        for chunk in _chunks(runs):
            query = (
                select(dispatch_runs.c.run, func.count())
                .where(dispatch_runs.c.run.in_(chunk))
                .group_by(dispatch_runs.c.run)
            )
            out.update({int(run): int(n) for run, n in connection.execute(query)})
    return out


def run_holders(engine: Engine, runs: Iterable[int], firsts: bool) -> set[str]:
    """The documents holding one of ``runs`` (among their rarest runs, with ``firsts``)."""
    table = dispatch_firsts if firsts else dispatch_runs
    found: set[str] = set()
    with engine.connect() as connection:
        for chunk in _chunks(runs):
            query = select(table.c.document_id).where(table.c.run.in_(chunk)).distinct()
            found.update(row.document_id for row in connection.execute(query))
    return found


def dispatch_of(
    engine: Engine, ids: Iterable[str] = (), groups: Iterable[str] = ()
) -> dict[str, str]:
    """The copies' group of the documents ``ids`` and of every member of ``groups``."""
    out: dict[str, str] = {}
    table = consolidated_documents
    with engine.connect() as connection:
        for column, values in ((table.c.document_id, ids), (table.c.dispatch, groups)):
            for chunk in _chunks(values):
                query = select(table.c.document_id, table.c.dispatch).where(column.in_(chunk))
                out.update({row.document_id: row.dispatch for row in connection.execute(query)})
    return out


@dataclass
class Changes:
    """Rows of the consolidation tables to write; ``full`` replaces every row."""

    full: bool = False
    threshold: float = 0.0
    documents: list[dict[str, Any]] = field(default_factory=list)
    regrouped: dict[str, str] = field(default_factory=dict)  # document → dispatch group
    runs: list[dict[str, Any]] = field(default_factory=list)
    firsts: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    gone_records: set[str] = field(default_factory=set)
    projects: dict[str, str | None] = field(default_factory=dict)  # figure → its project
    parts: list[dict[str, Any]] = field(default_factory=list)
    gone_parts: set[str] = field(default_factory=set)
    values: set[tuple[int, str]] = field(default_factory=set)
    countries: dict[str, str] = field(default_factory=dict)


def write(connection: Connection, changes: Changes) -> None:
    """Write ``changes`` within the transaction that writes the records."""
    if changes.full:
        for table in CONSOLIDATION_TABLES:
            connection.execute(delete(table))
    else:
        connection.execute(delete(consolidation_state))
        fact_ids = [row["fact_id"] for row in changes.facts]
        for chunk in _chunks(fact_ids):
            connection.execute(
                delete(consolidated_facts).where(consolidated_facts.c.fact_id.in_(chunk))
            )
        gone = changes.gone_records | {row["record_id"] for row in changes.records}
        for chunk in _chunks(gone):
            connection.execute(
                delete(consolidated_records).where(consolidated_records.c.record_id.in_(chunk))
            )
        for chunk in _chunks(changes.gone_parts):
            connection.execute(delete(part_keys).where(part_keys.c.part.in_(chunk)))
        for chunk in _chunks(changes.countries):
            connection.execute(delete(country_actors).where(country_actors.c.code.in_(chunk)))
        known: set[tuple[int, Any]] = set()
        for chunk in _chunks({block for block, _ in changes.values}):
            query = select(key_values.c.block, key_values.c.value).where(
                key_values.c.block.in_(chunk)
            )
            known.update((int(row.block), row.value) for row in connection.execute(query))
        changes.values -= known
        for document, group in changes.regrouped.items():
            connection.execute(update(consolidated_documents)
                               .where(consolidated_documents.c.document_id == document)
                               .values(dispatch=group))  # fmt: skip
        for figure, project in changes.projects.items():
            connection.execute(update(consolidated_records)
                               .where(consolidated_records.c.record_id == figure)
                               .values(project=project))  # fmt: skip
    rows = (
        (consolidated_documents, changes.documents), (dispatch_runs, changes.runs),
        (dispatch_firsts, changes.firsts), (consolidated_facts, changes.facts),
        (consolidated_records, changes.records), (part_keys, changes.parts),
        (key_values, [{"block": b, "value": v} for b, v in sorted(changes.values)]),
        (country_actors, [{"code": c, "record_id": r} for c, r in sorted(changes.countries.items())]),  # noqa: E501
    )  # fmt: skip
    for table, items in rows:
        for start in range(0, len(items), 5000):
            connection.execute(insert(table), items[start : start + 5000])
    connection.execute(insert(consolidation_state).values(id=1, threshold=changes.threshold))


def documents_of_records(engine: Engine, ids: Iterable[str]) -> set[str]:
    """The documents of the facts of the records ``ids``."""
    found: set[str] = set()
    table = consolidated_facts
    with engine.connect() as connection:
        for chunk in _chunks(ids):
            query = select(table.c.document_id).where(table.c.record_id.in_(chunk)).distinct()
            found.update(row.document_id for row in connection.execute(query))
    return found


def part_records(engine: Engine, parts: Iterable[str]) -> set[str]:
    """The records of the parts ``parts``."""
    found: set[str] = set()
    table = consolidated_facts
    with engine.connect() as connection:
        for chunk in _chunks(parts):
            query = select(table.c.record_id).where(table.c.part.in_(chunk)).distinct()
            found.update(row.record_id for row in connection.execute(query))
    return found


def part_blocks(engine: Engine, parts: Iterable[str], role: int) -> set[int]:
    """The blocks of the keys of ``role`` the parts ``parts`` hold."""
    found: set[int] = set()
    with engine.connect() as connection:
        for chunk in _chunks(parts):
            query = select(part_keys.c.block).where(
                part_keys.c.part.in_(chunk), part_keys.c.role == role
            )
            found.update(int(row.block) for row in connection.execute(query))
    return found
