"""Facts as consolidation sees them: each with its document, in ingestion order."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

from suivi.store.documents import documents_in_order
from suivi.store.schema import facts


@dataclass(frozen=True)
class Document:
    """A stored document: what a record's sources cite."""

    id: str
    name: str
    outlet: str | None
    published: str | None
    order: int
    text: str = field(repr=False)


@dataclass(frozen=True)
class Fact:
    """One extracted item of one document."""

    id: int
    category: str
    data: dict[str, Any]
    document: Document
    start: int
    end: int

    @property
    def evidence(self) -> str:
        """The sentence that supports the fact."""
        return self.document.text[self.start : self.end]

    @property
    def order(self) -> tuple[int, int, int]:
        """Ingestion order: the document's, then the place in the text."""
        return (self.document.order, self.start, self.id)

    def key(self) -> str:
        """A key that names this fact the same way after every rebuild."""
        payload = json.dumps(
            [self.document.id, self.category, self.start, self.end, self.data], sort_keys=True
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get(self, name: str) -> Any:
        """A field of the extracted item."""
        return self.data.get(name)


def load(engine: Engine) -> tuple[list[Document], list[Fact]]:
    """Every document and fact, in ingestion order, as analysts reviewed them.

    A fact an analyst rejected supports no record; a field an analyst corrected takes the
    corrected value (the extracted one stays in the facts table and the review history).
    """
    from suivi.review import FactKey, fact_verdicts

    rejected, corrected = fact_verdicts(engine)
    by_id = {
        row.id: Document(row.id, row.name, row.outlet, row.published, order, row.text)
        for order, row in enumerate(documents_in_order(engine))
    }
    with engine.connect() as connection:
        rows = connection.execute(select(facts).order_by(facts.c.id)).all()
    loaded = []
    for row in rows:
        key = FactKey(row.document_id, row.category, row.evidence_start, row.evidence_end)
        if key in rejected:
            continue
        data = {**json.loads(row.data), **corrected.get(key, {})}
        loaded.append(
            Fact(
                id=row.id,
                category=row.category,
                data=data,
                document=by_id[row.document_id],
                start=row.evidence_start,
                end=row.evidence_end,
            )
        )
    loaded.sort(key=lambda fact: fact.order)
    return list(by_id.values()), loaded
