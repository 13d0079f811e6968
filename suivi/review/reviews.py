"""Reviews of records and facts: each one a new version with who, when, why.

Nothing is ever updated or deleted here: the latest review of a field decides what the
public sees, the earlier ones are its history, and the extracted value stays beside them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, select

from suivi.errors import SuiviError
from suivi.review.tables import reviews, users
from suivi.review.users import User

ACTIONS = ("confirm", "correct", "reject")
MAX_REASON = 2000


class ReviewError(SuiviError):
    """A review that cannot be stored as given (unknown field, missing reason, bad value)."""


@dataclass(frozen=True)
class Review:
    """One stored review: a version of a field of a record or of a fact."""

    id: int
    target: str
    record_id: str | None
    document_id: str | None
    category: str | None
    evidence_start: int | None
    evidence_end: int | None
    fact_id: int | None
    field: str
    action: str
    value: Any
    extracted: Any
    reason: str
    user: str
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        """The version as shown by the API and the pages."""
        return {
            "action": self.action,
            "value": self.value,
            "extracted": self.extracted,
            "reason": self.reason,
            "by": self.user,
            "at": self.created_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class FactKey:
    """What identifies a fact across re-extractions: its document, category and span."""

    document_id: str
    category: str
    start: int
    end: int


def _decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _row_to_review(row: Any) -> Review:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return Review(
        id=int(row.id),
        target=row.target,
        record_id=row.record_id,
        document_id=row.document_id,
        category=row.category,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        fact_id=row.fact_id,
        field=row.field or "",
        action=row.action,
        value=_decode(row.value),
        extracted=_decode(row.extracted),
        reason=row.reason,
        user=row.name,
        created_at=created,
    )


def _select() -> Any:
    return (
        select(reviews, users.c.name)
        .join(users, users.c.id == reviews.c.user_id)
        .order_by(reviews.c.created_at, reviews.c.id)
    )


def check(action: str, reason: str) -> str:
    """The reason, cleaned; refuses unknown actions and corrections or rejections without one."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}")
    reason = (reason or "").strip()
    if action != "confirm" and not reason:
        raise ReviewError("a correction or a rejection needs a reason")
    if len(reason) > MAX_REASON:
        raise ReviewError(f"the reason is longer than {MAX_REASON} characters")
    return reason


def _store(
    engine: Engine,
    user: User,
    target: dict[str, Any],
    field: str,
    action: str,
    value: Any,
    extracted: Any,
    reason: str,
) -> None:
    # One version more: the extracted value and every earlier review stay as they were.
    reason = check(action, reason)
    with engine.begin() as connection:
        connection.execute(
            reviews.insert().values(
                **target,
                field=field,
                action=action,
                value=json.dumps(value, ensure_ascii=False),
                extracted=json.dumps(extracted, ensure_ascii=False),
                reason=reason,
                user_id=user.id,
                created_at=datetime.now(UTC),
            )
        )


def add_record_review(
    engine: Engine,
    user: User,
    record_id: str,
    field: str,
    action: str,
    value: Any,
    extracted: Any,
    reason: str,
) -> None:
    """Store a review of ``field`` of a record (``""`` for the record as a whole)."""
    target = {"target": "record", "record_id": record_id}
    _store(engine, user, target, field, action, value, extracted, reason)


def add_fact_review(
    engine: Engine,
    user: User,
    key: FactKey,
    fact_id: int,
    field: str,
    action: str,
    value: Any,
    extracted: Any,
    reason: str,
) -> None:
    """Store a review of ``field`` of a fact (``""`` for the fact as a whole)."""
    target = {
        "target": "fact",
        "document_id": key.document_id,
        "category": key.category,
        "evidence_start": key.start,
        "evidence_end": key.end,
        "fact_id": fact_id,
    }
    _store(engine, user, target, field, action, value, extracted, reason)


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
            review = _row_to_review(row)
            out.setdefault(str(review.record_id), []).append(review)
    return out


K = TypeVar("K")


def _verdicts(
    decisions: Iterable[tuple[K, str, str, Any]],
) -> tuple[set[K], dict[K, dict[str, Any]]]:
    # Oldest first: each target's latest decision on the whole, and on each field, stands.
    whole: dict[K, str] = {}
    fields: dict[K, dict[str, tuple[str, Any]]] = {}
    for key, field, action, value in decisions:
        if field:
            fields.setdefault(key, {})[field] = (action, value)
        else:
            whole[key] = action
    rejected = {key for key, action in whole.items() if action == "reject"}
    corrected = {
        key: {name: value for name, (action, value) in changes.items() if action == "correct"}
        for key, changes in fields.items()
    }
    return rejected, {key: values for key, values in corrected.items() if values}


def record_verdicts(engine: Engine) -> tuple[set[str], dict[str, dict[str, Any]]]:
    """What analysts decided about records: the rejected ones, and corrected field values
    (each field's latest review counts; a later confirmation undoes a correction)."""
    decisions = (
        (record_id, review.field, review.action, review.value)
        for record_id, versions in record_reviews(engine).items()
        for review in versions
    )
    return _verdicts(decisions)


def records_with_reviewed(engine: Engine, fields: Iterable[str]) -> set[str]:
    """Ids of records with at least one review of one of ``fields``."""
    query = select(reviews.c.record_id).where(
        reviews.c.target == "record", reviews.c.field.in_(sorted(set(fields)))
    )
    with engine.connect() as connection:
        return {str(row[0]) for row in connection.execute(query.distinct())}


def fact_reviews(engine: Engine, keys: Iterable[FactKey]) -> dict[FactKey, list[Review]]:
    """Reviews of the given facts, oldest first, by fact key."""
    wanted = set(keys)
    if not wanted:
        return {}
    documents = sorted({key.document_id for key in wanted})
    query = _select().where(reviews.c.target == "fact", reviews.c.document_id.in_(documents))
    out: dict[FactKey, list[Review]] = {}
    with engine.connect() as connection:
        for row in connection.execute(query):
            review = _row_to_review(row)
            key = FactKey(
                str(review.document_id),
                str(review.category),
                int(review.evidence_start or 0),
                int(review.evidence_end or 0),
            )
            if key in wanted:
                out.setdefault(key, []).append(review)
    return out


def rejected_facts(engine: Engine) -> set[FactKey]:
    """Facts whose latest whole-fact review rejects them: for consolidation to leave out."""
    query = _select().where(reviews.c.target == "fact", reviews.c.field == "")
    latest: dict[FactKey, str] = {}
    with engine.connect() as connection:
        for row in connection.execute(query):
            key = FactKey(row.document_id, row.category, row.evidence_start, row.evidence_end)
            latest[key] = row.action
    return {key for key, action in latest.items() if action == "reject"}


def fact_verdicts(engine: Engine) -> tuple[set[FactKey], dict[FactKey, dict[str, Any]]]:
    """What analysts decided about facts: the rejected ones, and corrected field values.

    Only each fact's latest review of the whole fact, and of each field, counts; a later
    confirmation undoes an earlier rejection.
    """
    query = _select().where(reviews.c.target == "fact")
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return _verdicts(
        (
            FactKey(row.document_id, row.category, row.evidence_start, row.evidence_end),
            row.field,
            row.action,
            _decode(row.value),
        )
        for row in rows
    )


def recent_reviews(engine: Engine, limit: int = 20) -> list[Review]:
    """The latest reviews, newest first (for the dashboard's review log)."""
    query = (
        select(reviews, users.c.name)
        .join(users, users.c.id == reviews.c.user_id)
        .order_by(reviews.c.created_at.desc(), reviews.c.id.desc())
        .limit(limit)
    )
    with engine.connect() as connection:
        return [_row_to_review(row) for row in connection.execute(query)]
