"""Writing and reading documents and their facts: one transaction per document."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update

from suivi.folding import text_identity
from suivi.models import Article
from suivi.store.consolidated import forget
from suivi.store.schema import documents, facts, raw_inputs, record_facts, records
from suivi.store.state import bump

FACT_CATEGORIES = ("actors", "quantities", "agreements", "events", "projects")


@dataclass(frozen=True)
class Stored:
    """What storing one article did."""

    id: str
    new: bool
    facts: int = 0


def document_id(text: str) -> str:
    """The public id of a document: the start of its identity hash, stable across rebuilds."""
    return text_identity(text)[:16]


def add_document(
    engine: Engine, article: Article, extracted: Mapping[str, Any] | None = None
) -> Stored:
    """Store ``article`` and its extracted facts in one transaction, unless already there.

    A failure anywhere rolls the whole document back: the store is left as it was.
    """
    ident = text_identity(article.text)
    doc_id = ident[:16]
    with engine.begin() as connection:
        known = connection.execute(
            select(documents.c.id).where(documents.c.identity == ident)
        ).scalar_one_or_none()
        if known is not None:
            return Stored(id=known, new=False)
        raw_sha = hashlib.sha256(article.raw).hexdigest()
        has_raw = connection.execute(
            select(raw_inputs.c.sha256).where(raw_inputs.c.sha256 == raw_sha)
        ).scalar_one_or_none()
        if has_raw is None:
            connection.execute(
                raw_inputs.insert().values(
                    sha256=raw_sha,
                    media_type=article.media_type,
                    size=len(article.raw),
                    data=article.raw,
                )
            )
        connection.execute(
            documents.insert().values(
                id=doc_id,
                identity=ident,
                source=article.source,
                name=article.name,
                url=article.url,
                title=article.title,
                published=article.published,
                outlet=article.outlet,
                language=article.language or "fr",
                raw_sha256=raw_sha,
                text=article.text,
                text_sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
                ingested_at=datetime.now(UTC),
            )
        )
        rows = list(fact_rows(doc_id, extracted or {}, len(article.text)))
        if rows:
            connection.execute(facts.insert(), rows)
        bump(connection)
    return Stored(id=doc_id, new=True, facts=len(rows))


def fact_rows(doc_id: str, extracted: Mapping[str, Any], length: int) -> Iterable[dict[str, Any]]:
    for category in FACT_CATEGORIES:
        for item in extracted.get(category) or []:
            evidence = item.get("evidence") or {}
            start, end = evidence.get("start"), evidence.get("end")
            # A fact must lead back to its source text: refuse offsets outside the document.
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
                raise ValueError(f"{category} fact with evidence outside the text: {evidence}")
            data = {key: value for key, value in item.items() if key != "evidence"}
            yield {
                "document_id": doc_id,
                "category": category,
                "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
                "evidence_start": start,
                "evidence_end": end,
            }


def documents_in_order(engine: Engine) -> list[Any]:
    """Every stored document with its text, in the order it was ingested.

    Consolidation and rebuilds walk documents in this order, which is what keeps record
    ids stable: articles ingested later never come first.
    """
    query = select(
        documents.c.id,
        documents.c.name,
        documents.c.outlet,
        documents.c.published,
        documents.c.language,
        documents.c.text,
    ).order_by(documents.c.ingested_at, documents.c.id)
    with engine.connect() as connection:
        return list(connection.execute(query).all())


def counts(engine: Engine) -> dict[str, int]:
    """How many documents, facts and records the store holds."""
    with engine.connect() as connection:
        return {
            name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in (("documents", documents), ("facts", facts), ("records", records))
        }


def list_documents(engine: Engine) -> list[dict[str, Any]]:
    """Every document's metadata, newest publication first (undated last)."""
    query = select(
        documents.c.id,
        documents.c.title,
        documents.c.published,
        documents.c.outlet,
        documents.c.language,
        documents.c.name,
        documents.c.url,
    ).order_by(documents.c.published.is_(None), documents.c.published.desc(), documents.c.name)
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def document_facts(engine: Engine, doc_id: str) -> list[dict[str, Any]]:
    """The facts stored for one document, each with its evidence text."""
    query = (
        select(facts, documents.c.text)
        .join(documents, documents.c.id == facts.c.document_id)
        .where(facts.c.document_id == doc_id)
        .order_by(facts.c.id)
    )
    out = []
    with engine.connect() as connection:
        for row in connection.execute(query):
            item = json.loads(row.data)
            item["category"] = row.category
            item["evidence"] = {
                "start": row.evidence_start,
                "end": row.evidence_end,
                "text": row.text[row.evidence_start : row.evidence_end],
            }
            out.append(item)
    return out


def stored_id(engine: Engine, identity: str) -> str | None:
    """The id of the document whose text has ``identity``, if one is stored."""
    with engine.connect() as connection:
        found = connection.execute(
            select(documents.c.id).where(documents.c.identity == identity)
        ).scalar_one_or_none()
    return str(found) if found is not None else None


def replace_facts(
    engine: Engine, doc_id: str, rows: list[dict[str, Any]], published: str | None = None
) -> None:
    """Replace a document's facts with ``rows`` (and set its publication date if given),
    in one transaction: an interruption leaves the old facts or the new, never a mix."""
    with engine.begin() as connection:
        if published:
            connection.execute(
                update(documents).where(documents.c.id == doc_id).values(published=published)
            )
        old = select(facts.c.id).where(facts.c.document_id == doc_id)
        connection.execute(delete(record_facts).where(record_facts.c.fact_id.in_(old)))
        connection.execute(delete(facts).where(facts.c.document_id == doc_id))
        if rows:
            connection.execute(insert(facts), rows)
        forget(connection)  # what consolidation kept of the old facts no longer holds
        bump(connection)


def get_document(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    """A document's metadata and text, or None."""
    query = select(
        documents.c.id,
        documents.c.name,
        documents.c.title,
        documents.c.published,
        documents.c.outlet,
        documents.c.language,
        documents.c.url,
        documents.c.text,
    ).where(documents.c.id == doc_id)
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return dict(row._mapping) if row else None


def documents_by_id(engine: Engine, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Several documents by id, with their text, title, file name, address and language."""
    wanted = sorted(set(doc_ids))
    if not wanted:
        return {}
    query = select(
        documents.c.id,
        documents.c.text,
        documents.c.title,
        documents.c.name,
        documents.c.url,
        documents.c.language,
    ).where(documents.c.id.in_(wanted))
    with engine.connect() as connection:
        return {str(row.id): dict(row._mapping) for row in connection.execute(query)}


def fact_rows_of(engine: Engine, doc_id: str) -> list[Any]:
    """A document's stored fact rows, in the order of their evidence."""
    query = (
        select(facts)
        .where(facts.c.document_id == doc_id)
        .order_by(facts.c.evidence_start, facts.c.id)
    )
    with engine.connect() as connection:
        return list(connection.execute(query))
