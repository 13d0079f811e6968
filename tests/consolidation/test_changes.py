"""What changed between two versions of a record, kind by kind."""

from __future__ import annotations

from typing import Any

from suivi.consolidation.changes import Change, record_changes


def project(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "prj-1",
        "type": "project",
        "title": "Centrale solaire de Ségou",
        "status": "announced",
        "planned": "2026-06",
        "overdue": False,
        "fields": {"name": "centrale solaire de Ségou", "capacity": 50, "quantities": ["q-1"]},
        "sources": [
            {"document_id": "d1", "doc": "a1.txt", "outlet": "L’Essor", "fact_id": 1},
            {"document_id": "d1", "doc": "a1.txt", "outlet": "L’Essor", "fact_id": 2},
        ],
        "conflicts": [],
    }
    record.update(changes)
    return record


def test_a_new_record_is_created() -> None:
    assert record_changes(None, project()) == [
        Change("prj-1", "created", new="Centrale solaire de Ségou")
    ]


def test_the_same_record_has_no_change() -> None:
    assert record_changes(project(), project()) == []


def test_each_kind_of_change_is_told() -> None:
    old = project()
    new = project(
        status="under_construction",
        planned="2026-12",
        overdue=True,
        fields={"name": "centrale solaire de Ségou", "capacity": 60, "quantities": ["q-2"]},
        sources=[
            *old["sources"],
            {"document_id": "d2", "doc": "b.html", "outlet": "Agence", "fact_id": 7},
        ],
        conflicts=[{"field": "capacity", "values": [{"value": 50}, {"value": 60}]}],
    )
    assert record_changes(old, new) == [
        Change("prj-1", "source", new="Agence", document_id="d2"),
        Change("prj-1", "status", "status", "announced", "under_construction"),
        Change("prj-1", "field", "planned", "2026-06", "2026-12"),
        Change("prj-1", "field", "capacity", 50, 60),  # links to figures are not told
        Change("prj-1", "conflict", "capacity", new=[50, 60]),
        Change("prj-1", "late", "planned", new="2026-12"),
    ]
    # A disagreement already known, a record already late: nothing more to tell.
    assert record_changes(new, new) == []
