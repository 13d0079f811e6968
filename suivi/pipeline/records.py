"""Records kept up to date: consolidation run over the store, its result written back."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from suivi.consolidation import consolidate, link, publish
from suivi.presentation import record_title
from suivi.settings import PUBLISH_THRESHOLD, reference_today
from suivi.store import RecordFilter, query_records, replace_records
from suivi.store.facts import load_facts
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


def relink(engine: Engine) -> None:
    """Recompute the links between pledges and deliveries, and what is published, over the
    stored records as analysts reviewed them: a record review changes no fact, so nothing
    else is rebuilt."""
    records = query_records(engine, RecordFilter(published=None))
    verdicts = record_verdicts(engine)
    link(records, verdicts)
    publish(records, verdicts, float(PUBLISH_THRESHOLD.value()))
    replace_records(engine, records)
