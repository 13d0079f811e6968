"""Whether the records are behind the facts: what an interrupted run leaves behind."""

from __future__ import annotations

from sqlalchemy import Engine, select

from suivi.models import FactKey
from suivi.store.schema import facts, record_facts, records


def unrecorded_facts(engine: Engine) -> list[FactKey]:
    """Facts that support no record. Consolidation gives every fact a record unless an
    analyst rejected it, so any other one was stored after the records were last written
    (a run stopped between storing documents and writing records)."""
    query = select(
        facts.c.document_id, facts.c.category, facts.c.evidence_start, facts.c.evidence_end
    ).where(facts.c.id.not_in(select(record_facts.c.fact_id)))
    with engine.connect() as connection:
        return [FactKey(*row) for row in connection.execute(query)]


def orphan_records(engine: Engine) -> bool:
    """Whether some record stands on no stored fact (its facts were re-extracted)."""
    query = select(records.c.id).where(records.c.id.not_in(select(record_facts.c.record_id)))
    with engine.connect() as connection:
        return connection.execute(query.limit(1)).first() is not None
