"""Events: one record per visit or meeting, with the dates each source gives."""

from __future__ import annotations

from builders import (
    TODAY,
    by_type,
    docs_of,
    load_visit_articles,
)
from sqlalchemy import Engine

from suivi.pipeline import refresh


def test_one_visit_with_conflicting_dates(engine: Engine) -> None:
    load_visit_articles(engine)
    refresh(engine, TODAY)
    [visit] = by_type(engine, "event")
    assert docs_of(visit) == {"a1.txt", "a2.txt"}
    fields = {c["field"]: {v["value"] for v in c["values"]} for c in visit["conflicts"]}
    assert fields == {"start": {"2025-06-21", "2025-06-22"}, "end": {"2025-06-26", "2025-06-27"}}
    assert visit["outlets"] == 2 and visit["independent_sources"] == 2
