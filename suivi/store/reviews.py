"""Analysts' reviews of records and facts: each one a new row, never an update.

The latest review of a field decides what the public sees, the earlier ones are its history,
and the extracted value stays beside them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select

from suivi.models import Decision, FactKey, Review, User, Verdicts
from suivi.store.schema import reviews, users
from suivi.store.state import bump


def _decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _review(row: Any) -> Review:
    # The row's columns are the review's fields, but for who made it and the JSON values.
    columns = row._mapping
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    values = {f.name: columns[f.name] for f in fields(Review) if f.name in columns}
    values.update(field=row.field or "", user=row.name, created_at=created)
    values.update(value=_decode(row.value), extracted=_decode(row.extracted))
    return Review(**values)


def _fact_key(review: Review) -> FactKey:
    return FactKey(
        str(review.document_id),
        str(review.category),
        int(review.evidence_start or 0),
        int(review.evidence_end or 0),
    )


def _select() -> Any:
    return (
        select(reviews, users.c.name)
        .join(users, users.c.id == reviews.c.user_id)
        .order_by(reviews.c.created_at, reviews.c.id)
    )


def add_review(engine: Engine, user: User, decision: Decision) -> None:
    """One version more of the field ``decision`` is about; the earlier ones stay."""
    target = decision.target
    if isinstance(target, FactKey):
        where: dict[str, Any] = {
            "target": "fact",
            "document_id": target.document_id,
            "category": target.category,
            "evidence_start": target.start,
            "evidence_end": target.end,
            "fact_id": decision.fact_id,
        }
    else:
        where = {"target": "record", "record_id": target}
    with engine.begin() as connection:
        connection.execute(
            reviews.insert().values(
                **where,
                field=decision.field,
                action=decision.action,
                value=json.dumps(decision.value, ensure_ascii=False),
                extracted=json.dumps(decision.extracted, ensure_ascii=False),
                reason=decision.reason,
                user_id=user.id,
                created_at=datetime.now(UTC),
            )
        )
        bump(connection)


def record_reviews(
    engine: Engine, record_ids: Iterable[str] | None = None
) -> dict[str, list[Review]]:
    """Reviews of records by record id, oldest first; all of them when ``record_ids`` is None."""
    query = _select().where(reviews.c.target == "record")
    if record_ids is not None:
        ids = sorted(set(record_ids))
        if not ids:
            return {}
        query = query.where(reviews.c.record_id.in_(ids))
    out: dict[str, list[Review]] = {}
    with engine.connect() as connection:
        for row in connection.execute(query):
            review = _review(row)
            out.setdefault(str(review.record_id), []).append(review)
    return out


def fact_reviews(
    engine: Engine, keys: Iterable[FactKey] | None = None
) -> dict[FactKey, list[Review]]:
    """Reviews of facts by fact key, oldest first: of the given facts, or of all."""
    query = _select().where(reviews.c.target == "fact")
    wanted = None if keys is None else set(keys)
    if wanted is not None:
        if not wanted:
            return {}
        documents = sorted({key.document_id for key in wanted})
        query = query.where(reviews.c.document_id.in_(documents))
    out: dict[FactKey, list[Review]] = {}
    with engine.connect() as connection:
        for row in connection.execute(query):
            review = _review(row)
            key = _fact_key(review)
            if wanted is None or key in wanted:
                out.setdefault(key, []).append(review)
    return out


def record_verdicts(engine: Engine) -> Verdicts[str]:
    """What analysts decided about records (each field's latest review counts)."""
    return Verdicts.of(
        (record_id, review.field, review.action, review.value)
        for record_id, versions in record_reviews(engine).items()
        for review in versions
    )


def fact_verdicts(engine: Engine) -> Verdicts[FactKey]:
    """What analysts decided about facts: a later confirmation undoes an earlier rejection."""
    return Verdicts.of(
        (key, review.field, review.action, review.value)
        for key, versions in fact_reviews(engine).items()
        for review in versions
    )


def records_with_reviewed(engine: Engine, fields: Iterable[str]) -> set[str]:
    """Ids of records with at least one review of one of ``fields``."""
    query = select(reviews.c.record_id).where(
        reviews.c.target == "record", reviews.c.field.in_(sorted(set(fields)))
    )
    with engine.connect() as connection:
        return {str(row[0]) for row in connection.execute(query.distinct())}


def reviewed_fields(engine: Engine) -> dict[str, set[str]]:
    """For every record with a review, the fields reviewed ("" for the record as a whole)."""
    query = select(reviews.c.record_id, reviews.c.field).where(reviews.c.target == "record")
    out: dict[str, set[str]] = {}
    with engine.connect() as connection:
        for record_id, field in connection.execute(query.distinct()):
            out.setdefault(str(record_id), set()).add(str(field or ""))
    return out


def recent_reviews(engine: Engine, limit: int = 20) -> list[Review]:
    """The latest reviews, newest first (for the dashboard's review log)."""
    query = (
        select(reviews, users.c.name)
        .join(users, users.c.id == reviews.c.user_id)
        .order_by(reviews.c.created_at.desc(), reviews.c.id.desc())
        .limit(limit)
    )
    with engine.connect() as connection:
        return [_review(row) for row in connection.execute(query)]


def review_count(engine: Engine) -> int:
    """How many reviews were ever made."""
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(reviews)).scalar_one())
