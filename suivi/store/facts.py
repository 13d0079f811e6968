"""Documents and facts read back as the types consolidation works on, in ingestion order."""

from __future__ import annotations

import json

from sqlalchemy import Engine, select

from suivi.models import Document, Fact
from suivi.store.documents import documents_in_order
from suivi.store.schema import facts


def load_facts(engine: Engine) -> tuple[list[Document], list[Fact]]:
    """Every document and every stored fact (as extracted), in ingestion order."""
    by_id = {
        row.id: Document(
            row.id, row.name, row.outlet, row.published, order, row.text, row.language or "fr"
        )
        for order, row in enumerate(documents_in_order(engine))
    }
    with engine.connect() as connection:
        rows = connection.execute(select(facts).order_by(facts.c.id)).all()
    loaded = [
        Fact(
            id=row.id,
            category=row.category,
            data=json.loads(row.data),
            document=by_id[row.document_id],
            start=row.evidence_start,
            end=row.evidence_end,
        )
        for row in rows
    ]
    loaded.sort(key=lambda fact: fact.order)
    return list(by_id.values()), loaded
