"""Reading records back: a page of a list in its order, counts and facets, one record,
words searched (SQLite's FTS5, PostgreSQL's French text search)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Engine, and_, column, func, select, table, text

from suivi.folding import fold_words
from suivi.models import Record, RecordSummary
from suivi.store.schema import record_facts, record_tags, records

# Records read by id this many at a time (SQL parameter limits).
_CHUNK = 500


@dataclass(frozen=True)
class RecordFilter:
    """What a list of records is narrowed to; every field optional, all combined with AND."""

    type: str | None = None
    sector: str | None = None
    status: str | None = None
    partner: str | None = None
    year: int | None = None
    actor: str | None = None
    overdue: bool | None = None
    q: str | None = None
    # Public lists show published records only; None: every record (analysts, exports of
    # the whole store, the records command).
    published: bool | None = True


def _pg_query(words: str) -> str:
    # Each folded word as a prefix, all required; only word characters reach to_tsquery.
    return " & ".join(f"{word}:*" for word in fold_words(words).split())


_WORD = re.compile(r"\w+", re.UNICODE)


def _fts_query(words: str) -> str:
    # Each word quoted, so user input is never read as FTS5 syntax; prefix match on the last.
    terms = _WORD.findall(words)
    return " ".join(f'"{term}"*' for term in terms)


def _conditions(flt: RecordFilter, dialect: str, words: bool = True) -> list[Any]:
    # ``words``: whether the words searched are a condition here (else the caller joins
    # the search table itself).
    conditions: list[Any] = []
    if flt.type:
        conditions.append(records.c.type == flt.type)
    if flt.status:
        conditions.append(records.c.status == flt.status)
    if flt.year:
        conditions.append(records.c.year == flt.year)
    if flt.overdue is not None:
        conditions.append(records.c.overdue == flt.overdue)
    if flt.published is not None:
        conditions.append(records.c.published == flt.published)
    for facet, value in (("sector", flt.sector), ("partner", flt.partner), ("actor", flt.actor)):
        if value:
            conditions.append(
                records.c.id.in_(
                    select(record_tags.c.record_id).where(
                        and_(record_tags.c.facet == facet, record_tags.c.value == value)
                    )
                )
            )
    if words and flt.q and flt.q.strip():
        if dialect == "sqlite" and _fts_query(flt.q):
            matching = text(_FTS_MATCHING).bindparams(q=_fts_query(flt.q))
            conditions.append(records.c.id.in_(matching))
        elif dialect == "postgresql" and _pg_query(flt.q):
            conditions.append(_PG_MATCH.bindparams(pgq=_pg_query(flt.q)))
        else:
            pattern = f"%{flt.q.strip()}%"
            conditions.append(records.c.title.ilike(pattern) | records.c.data.ilike(pattern))
    return conditions


# Full-text relevance: a word in a record's title weighs ten times one in its evidence.
_RANK = text("bm25(records_fts, 0.0, 10.0, 1.0)")
# The record ids of the rows matching words. FTS5 keeps each row's columns in its documented
# shadow table ``records_fts_content`` (``c0``: record_id): read there, the id alone is read,
# where ``records_fts.record_id`` would read every matching row's whole evidence with it.
_FTS_MATCHING = (
    "SELECT content.c0 FROM records_fts JOIN records_fts_content AS content "
    "ON content.id = records_fts.rowid WHERE records_fts MATCH :q"
)
# PostgreSQL: suivi's French configuration (migration 0008), accents folded by ``unaccent``
# before French stemming; written as the index is, so that the index is used.
_PG_VECTOR = "to_tsvector('suivi_french'::regconfig, coalesce(records.search, ''))"
_PG_MATCH = text(f"{_PG_VECTOR} @@ to_tsquery('suivi_french'::regconfig, :pgq)")
_PG_RANK = text(f"ts_rank({_PG_VECTOR}, to_tsquery('suivi_french'::regconfig, :rank_pgq)) DESC")


def _decode(data: str) -> Any:
    # orjson reads a record several times faster; the standard library reads what orjson
    # refuses and json.dumps may have written (NaN, Infinity).
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


# A record written before summaries existed is read whole.
_SUMMARY = func.coalesce(records.c.summary, records.c.data).label("data")


def query_records(
    engine: Engine, flt: RecordFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[Record]:
    """Records matching ``flt``: the most relevant first when words are searched (SQLite's
    FTS5, PostgreSQL's French text search), otherwise overdue first, then most sources, then
    title."""
    return _query(engine, records.c.data, flt, limit, offset)


def query_summaries(
    engine: Engine, flt: RecordFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[RecordSummary]:
    """The summaries of the records ``query_records`` answers, in its order: each without
    its sources, conflicts and history (store/summary.py)."""
    return _query(engine, _SUMMARY, flt, limit, offset)


def _query(
    engine: Engine, shown: Any, flt: RecordFilter | None, limit: int | None, offset: int
) -> list[Any]:
    # Two steps: the ids of the page in order (read from the list's index, or sorted with
    # nothing but the sort keys), then those rows' JSON. Sorting the JSON of every match
    # would read every matching record to keep a page of them.
    with engine.connect() as connection:
        ids = [row[0] for row in connection.execute(_ids(engine, flt, limit, offset))]
        found: dict[str, str] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            query = select(records.c.id, shown).where(records.c.id.in_(chunk))
            found.update((row[0], row[1]) for row in connection.execute(query))
    return [_decode(found[i]) for i in ids if i in found]


def query_ids(
    engine: Engine, flt: RecordFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[str]:
    """The ids of the records ``query_records`` answers, in its order."""
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(_ids(engine, flt, limit, offset))]


def _ids(engine: Engine, flt: RecordFilter | None, limit: int | None, offset: int) -> Any:
    flt = flt or RecordFilter()
    order: list[Any] = [
        records.c.overdue.desc(),
        records.c.sources.desc(),
        records.c.title,
        records.c.id,
    ]
    joined = bool(flt.q and engine.dialect.name == "sqlite" and _fts_query(flt.q))
    query = select(records.c.id).where(*_conditions(flt, engine.dialect.name, not joined))
    if joined and flt.q:
        fts = table("records_fts", column("rowid"))
        content = table("records_fts_content", column("id"), column("c0"))
        query = (
            query.join(content, content.c.c0 == records.c.id)
            .join(fts, and_(fts.c.rowid == content.c.id, text("records_fts MATCH :rank_q")))
            .params(rank_q=_fts_query(flt.q))
        )
        order = [_RANK, *order]
    elif flt.q and engine.dialect.name == "postgresql" and _pg_query(flt.q):
        query = query.params(rank_pgq=_pg_query(flt.q))
        order = [_PG_RANK, *order]
    query = query.order_by(*order).offset(offset)
    return query.limit(limit) if limit is not None else query


def records_by_id(engine: Engine, record_ids: list[str]) -> list[Record]:
    """Whole records by id, in the order asked (ids not found are skipped)."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(records.c.id, records.c.data).where(records.c.id.in_(record_ids))
        )
        found = {row.id: row.data for row in rows}
    return [_decode(found[i]) for i in record_ids if i in found]


def summaries_by_id(engine: Engine, record_ids: list[str]) -> list[RecordSummary]:
    """Records' summaries by id, in the order asked (ids not found are skipped)."""
    wanted = sorted(set(record_ids))
    found: dict[str, str] = {}
    with engine.connect() as connection:
        for start in range(0, len(wanted), _CHUNK):
            query = select(records.c.id, _SUMMARY).where(
                records.c.id.in_(wanted[start : start + _CHUNK])
            )
            found.update((row[0], row[1]) for row in connection.execute(query))
    return [_decode(found[i]) for i in record_ids if i in found]


def record_type(engine: Engine, record_id: str) -> str | None:
    """A record's type, None if there is no such record."""
    with engine.connect() as connection:
        return connection.execute(
            select(records.c.type).where(records.c.id == record_id)
        ).scalar_one_or_none()


def count_records(engine: Engine, flt: RecordFilter | None = None) -> int:
    """How many records match ``flt``."""
    query = (
        select(func.count())
        .select_from(records)
        .where(*_conditions(flt or RecordFilter(), engine.dialect.name))
    )
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def facet_counts(engine: Engine, flt: RecordFilter | None = None) -> dict[str, dict[str, int]]:
    """For the records matching ``flt``: how many per type, status, year, sector and partner."""
    conditions = _conditions(flt or RecordFilter(), engine.dialect.name)
    out: dict[str, dict[str, int]] = {name: {} for name in ("type", "status", "year")}
    # One pass over the facets' index: each (type, status, year) with its count, summed here.
    by_columns = (
        select(records.c.type, records.c.status, records.c.year, func.count())
        .where(*conditions)
        .group_by(records.c.type, records.c.status, records.c.year)
    )
    # Both tag facets in one query, the matching records named by their ids.
    by_tags = (
        select(record_tags.c.facet, record_tags.c.value, func.count())
        .where(
            record_tags.c.facet.in_(("sector", "partner")),
            record_tags.c.record_id.in_(select(records.c.id).where(*conditions)),
        )
        .group_by(record_tags.c.facet, record_tags.c.value)
    )
    with engine.connect() as connection:
        for kind, status, year, n in connection.execute(by_columns):
            for name, value in (("type", kind), ("status", status), ("year", year)):
                if value is not None:
                    key = str(value)
                    out[name][key] = out[name].get(key, 0) + int(n)
        out["sector"], out["partner"] = {}, {}
        for facet, value, n in connection.execute(by_tags):
            out[facet][str(value)] = int(n)
    return out


def get_record(engine: Engine, record_id: str) -> Record | None:
    """One record by id, or None."""
    with engine.connect() as connection:
        row = connection.execute(select(records.c.data).where(records.c.id == record_id)).first()
    return _decode(row.data) if row else None


def records_for_document(engine: Engine, document_id: str) -> dict[int, list[str]]:
    """For each fact of a document, the ids of the records it supports."""
    from suivi.store.schema import facts

    query = (
        select(record_facts.c.fact_id, record_facts.c.record_id)
        .join(facts, facts.c.id == record_facts.c.fact_id)
        .where(facts.c.document_id == document_id)
    )
    out: dict[int, list[str]] = {}
    with engine.connect() as connection:
        for fact_id, record_id in connection.execute(query):
            out.setdefault(int(fact_id), []).append(str(record_id))
    return out
