"""Lists read summaries, exports stream whole records: what each carries, and in what order."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from test_web_fixtures import Store

from suivi.export.records import to_json
from suivi.review import reviewed_records
from suivi.store import RecordFilter, query_records


def test_list_items_carry_no_evidence(client: TestClient, store: Store) -> None:
    page = client.get("/api/records", params={"limit": 500}).json()
    assert page["items"]
    whole = {r["id"]: r for r in query_records(store.engine, RecordFilter())}
    for item in page["items"]:
        assert "sources" not in item and "conflicts" not in item
        assert all(set(step) == {"date", "status"} for step in item.get("history") or [])
        assert item["source_count"] == len(whole[item["id"]]["sources"])
        assert item["reviews"] == {} and item["review"] is None
    # Sentences, not a name that is also a field's value (an actor's evidence is its name).
    sentences = [
        s["evidence"]["text"]
        for r in whole.values()
        for s in r["sources"]
        if " " in s["evidence"]["text"][20:]
    ]
    shown = json.dumps(page, ensure_ascii=False)
    assert sentences and not [text for text in sentences if text in shown]


def test_the_records_page_counts_sources_from_the_summary(client: TestClient) -> None:
    assert "source indépendante" in client.get("/records").text


def test_json_export_streams_the_whole_reviewed_records_in_list_order(
    client: TestClient, store: Store
) -> None:
    response = client.get("/api/records.json")
    listed = [r["id"] for r in client.get("/api/records", params={"limit": 500}).json()["items"]]
    exported = response.json()
    assert [r["id"] for r in exported] == listed
    expected = reviewed_records(store.engine, query_records(store.engine, RecordFilter()))
    assert response.text == to_json(expected)
    assert all("evidence" in s for r in exported for s in r["sources"])


def test_csv_export_has_one_line_per_record(client: TestClient) -> None:
    lines = client.get("/api/records.csv").text.splitlines()
    total = client.get("/api/records").json()["total"]
    assert lines[0].startswith("id,type,title") and len(lines) == total + 1
