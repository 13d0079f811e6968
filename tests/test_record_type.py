"""Records as suivi.models declares them: what consolidation makes, the summaries lists read,
and records as analysts reviewed them."""

from __future__ import annotations

from datetime import datetime

from record_shape import ARTICLES, consolidated, type_errors

from suivi.models import Record, RecordSummary, Review
from suivi.review import overlay_record
from suivi.store.summary import summary_of


def test_consolidated_records_are_records_as_declared() -> None:
    built = consolidated(ARTICLES)
    assert {r["type"] for r in built} == {"agreement", "project", "event", "quantity", "actor"}
    for record in built:
        assert type_errors(record, Record, record["id"]) == []
        assert type_errors(summary_of(record), RecordSummary, record["id"]) == []
    # Every optional part is there somewhere: a milestone, a delivery counted, a figure's project.
    fields = [r["fields"] for r in built]
    assert any("delivered" in f for f in fields) and any("fulfils" in f for f in fields)
    assert any("project" in f for f in fields) and any("quantities" in f for f in fields)
    assert any(step.get("event") for r in built for step in r.get("history") or [])
    assert any(r["conflicts"] for r in built)


def _review(record_id: str, field: str, action: str, value: object, extracted: object) -> Review:
    return Review(
        id=1,
        target=record_id,
        record_id=record_id,
        document_id=None,
        category=None,
        evidence_start=None,
        evidence_end=None,
        fact_id=None,
        field=field,
        action=action,
        value=value,
        extracted=extracted,
        reason="Vérifié sur le communiqué.",
        user="awa",
        created_at=datetime(2026, 1, 2, 9, 30),
    )


def test_a_reviewed_record_is_a_record_as_declared() -> None:
    agreement = next(r for r in consolidated(ARTICLES) if r["type"] == "agreement")
    reviews = [
        _review(agreement["id"], "date", "correct", "2024-03-13", "2024-03-14"),
        _review(agreement["id"], "", "confirm", None, None),
    ]
    for item in (agreement, summary_of(agreement)):
        reviewed = overlay_record(item, reviews)
        assert reviewed["fields"]["date"] == "2024-03-13"
        assert reviewed["reviews"]["date"]["current_extracted"] == "2024-03-14"
        assert reviewed["review"] is not None and reviewed["review"]["state"] == "confirmed"
    assert type_errors(overlay_record(agreement, reviews), Record) == []
    assert type_errors(overlay_record(summary_of(agreement), reviews), RecordSummary) == []
