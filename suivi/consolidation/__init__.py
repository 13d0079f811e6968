"""Consolidation: facts from many articles become one record per real-world thing."""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import Engine

from suivi.consolidation.build import build
from suivi.consolidation.facts import load
from suivi.store.records import replace_records


def reference_today() -> date:
    """Today, or the date in ``SUIVI_TODAY`` (for tests and for replaying the past)."""
    given = os.environ.get("SUIVI_TODAY")
    return date.fromisoformat(given) if given else date.today()


def consolidate(engine: Engine, today: date | None = None) -> int:
    """Recompute every record from every stored fact; return how many there are."""
    from suivi.review import record_verdicts

    documents, facts = load(engine)
    built = build(documents, facts, today or reference_today(), record_verdicts(engine))
    return replace_records(engine, built)


__all__ = ["consolidate", "reference_today"]
