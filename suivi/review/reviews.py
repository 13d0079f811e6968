"""Analysts' reviews as they are made: checked, then kept as a new version with who and why."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Engine

from suivi.errors import SuiviError
from suivi.models import Decision, User
from suivi.store.reviews import add_review

ACTIONS = ("confirm", "correct", "reject")
MAX_REASON = 2000


class ReviewError(SuiviError):
    """A review that cannot be stored as given (unknown field, missing reason, bad value)."""


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


def add_decision(engine: Engine, user: User, decision: Decision) -> None:
    """Keep ``decision`` as a new version, once its action and reason are checked."""
    reason = check(decision.action, decision.reason)
    add_review(engine, user, replace(decision, reason=reason))


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
    """Keep a review of ``field`` of a record (``""`` for the record as a whole)."""
    add_decision(engine, user, Decision(record_id, field, action, value, extracted, reason))
