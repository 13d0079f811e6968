"""Rebuilding facts from the stored texts: the same documents, extracted again."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from sqlalchemy import Engine

from suivi.pipeline.ingest import BATCH_SIZE, Extracting
from suivi.sources.metadata import extraction_input
from suivi.store.documents import documents_in_order, fact_rows, replace_facts


def reextract(
    engine: Engine,
    extractor: Extracting,
    notify: Callable[[str], None],
    batch_size: int = BATCH_SIZE,
) -> int:
    """Replace every document's facts with a fresh extraction; one transaction per document.

    A document stored without a publication date gets the one its text states, if the
    current reading finds one (an older version may have missed a dateline).
    """
    rows = documents_in_order(engine)
    done = 0
    stream = iter(rows)
    while batch := list(islice(stream, batch_size)):
        inputs = [extraction_input(r.name, r.text, r.published, r.language) for r in batch]
        results = extractor.extract_many(inputs)
        for row, given, result in zip(batch, inputs, results, strict=True):
            new_rows = list(fact_rows(row.id, result, len(row.text)))
            found = None if row.published else given.published
            replace_facts(engine, row.id, new_rows, found)
            done += 1
            dated = f", dated {found}" if found else ""
            notify(f"{row.name}: {len(new_rows)} fact{'s' if len(new_rows) != 1 else ''}{dated}")
    return done
