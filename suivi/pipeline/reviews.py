"""Analysts' reviews applied: stored as a new version, and the records they change updated."""

from __future__ import annotations

from sqlalchemy import Engine

from suivi.models import Decision, FactKey, User
from suivi.pipeline.records import refresh, relink
from suivi.review import add_decision
from suivi.store.consolidated import forget


def apply_review(engine: Engine, user: User, decision: Decision) -> None:
    """Keep an analyst's decision and bring the records it changes up to date."""
    if isinstance(decision.target, FactKey):
        with engine.begin() as connection:
            forget(connection)  # a run stopped before the rebuild below rebuilds all next time
    add_decision(engine, user, decision)
    if isinstance(decision.target, FactKey):
        refresh(engine)  # records stand on facts: a rejected or corrected fact changes them
    else:
        relink(engine)  # a record review changes no fact, only links that read reviewed values
