"""Records kept up to date: consolidation run over the store, its result written back."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from suivi.consolidation import consolidate, link, publish
from suivi.presentation import record_title
from suivi.settings import PUBLISH_THRESHOLD, reference_today
from suivi.store import RecordFilter, query_records, replace_records
from suivi.store.facts import load_facts
from suivi.store.freshness import orphan_records, unrecorded_facts
from suivi.store.reviews import fact_verdicts, record_verdicts


def refresh(engine: Engine, today: date | None = None) -> int:
    """Recompute every record from the stored facts and analysts' verdicts; return how many."""
    documents, facts = load_facts(engine)
    records = consolidate(
        documents,
        facts,
        today or reference_today(),
        fact_verdicts(engine),
        record_verdicts(engine),
        float(PUBLISH_THRESHOLD.value()),
    )
    for record in records:
        # The store sorts and searches by the French title; pages make theirs per language.
        record["title"] = record_title(record, "fr")
    return replace_records(engine, records)


def records_behind(engine: Engine) -> bool:
    """Whether the stored records miss facts stored since they were written, or stand on
    facts that are gone: a run was stopped before it wrote its records."""
    missing = unrecorded_facts(engine)
    if missing and set(missing) - fact_verdicts(engine).rejected:
        return True
    return orphan_records(engine)


def ensure_current(engine: Engine) -> int | None:
    """Recompute the records if they are behind the facts; how many there are, if so."""
    return refresh(engine) if records_behind(engine) else None


def relink(engine: Engine) -> None:
    """Recompute the links between pledges and deliveries, and what is published, over the
    stored records as analysts reviewed them: a record review changes no fact, so nothing
    else is rebuilt."""
    records = query_records(engine, RecordFilter(published=None))
    verdicts = record_verdicts(engine)
    link(records, verdicts)
    publish(records, verdicts, float(PUBLISH_THRESHOLD.value()))
    replace_records(engine, records)
