"""Analysts' reviews applied: stored as a new version, and the records they change updated."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from suivi.models import FactKey, User
from suivi.pipeline.records import refresh, relink
from suivi.review import add_fact_review, add_record_review


def review_record(
    engine: Engine,
    user: User,
    record_id: str,
    field: str,
    action: str,
    values: tuple[Any, Any],
    reason: str,
) -> None:
    """Keep a review of a record's field (``values``: reviewed, extracted) and follow it."""
    value, extracted = values
    add_record_review(engine, user, record_id, field, action, value, extracted, reason)
    # A record review changes no fact: only the pledge–delivery links read reviewed values.
    relink(engine)


def review_fact(
    engine: Engine,
    user: User,
    key: FactKey,
    fact_id: int,
    field: str,
    action: str,
    values: tuple[Any, Any],
    reason: str,
) -> None:
    """Keep a review of a fact's field and rebuild the records that facts support."""
    value, extracted = values
    add_fact_review(engine, user, key, fact_id, field, action, value, extracted, reason)
    refresh(engine)
