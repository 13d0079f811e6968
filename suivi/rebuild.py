"""Rebuilding facts from the stored texts: the same documents, extracted again."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from sqlalchemy import Engine, delete, insert, select

from suivi.ingest import BATCH_SIZE, Extracting
from suivi.models import ExtractionInput
from suivi.store.documents import documents_in_order, fact_rows
from suivi.store.schema import facts, record_facts


def reextract(
    engine: Engine,
    extractor: Extracting,
    notify: Callable[[str], None],
    batch_size: int = BATCH_SIZE,
) -> int:
    """Replace every document's facts with a fresh extraction; one transaction per document."""
    rows = documents_in_order(engine)
    done = 0
    stream = iter(rows)
    while batch := list(islice(stream, batch_size)):
        inputs = [ExtractionInput(r.name, r.text, r.published, r.language) for r in batch]
        for row, result in zip(batch, extractor.extract_many(inputs), strict=True):
            new_rows = list(fact_rows(row.id, result, len(row.text)))
            with engine.begin() as connection:
                old = select(facts.c.id).where(facts.c.document_id == row.id)
                connection.execute(delete(record_facts).where(record_facts.c.fact_id.in_(old)))
                connection.execute(delete(facts).where(facts.c.document_id == row.id))
                if new_rows:
                    connection.execute(insert(facts), new_rows)
            done += 1
            notify(f"{row.name}: {len(new_rows)} facts")
    return done
