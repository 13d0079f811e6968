"""The JSON API and the exports, in-process on a real SQLite store."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from postgres import STORES, new_database
from test_web_fixtures import Store, build_store

from suivi.web import create_app
from suivi.web.views import api


@pytest.fixture(scope="module", params=STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Store:
    # On SQLite, then on PostgreSQL (a new database on the session's server).
    if request.param == "postgresql":
        return build_store(new_database(request.getfixturevalue("postgres_server")))
    return build_store(tmp_path_factory.mktemp("api") / "s.db")


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store.engine)) as test_client:
        yield test_client


def test_records_filters_paging_and_facets(client: TestClient) -> None:
    everything = client.get("/api/records").json()
    assert everything["total"] == 11 and len(everything["items"]) == 11
    assert everything["items"][0]["id"] == "prj-000000000002"  # overdue first
    assert everything["facets"]["type"] == {
        "actor": 2,
        "agreement": 1,
        "event": 1,
        "project": 2,
        "quantity": 5,
    }
    assert everything["facets"]["partner"] == {"ML": 1, "RU": 1}
    page = client.get("/api/records", params={"limit": 2, "offset": 2}).json()
    assert [r["id"] for r in page["items"]] == [r["id"] for r in everything["items"][2:4]]
    projects = client.get("/api/records", params={"type": "project", "sector": "mining"}).json()
    assert [r["id"] for r in projects["items"]] == ["prj-000000000001"]
    by_actor = client.get("/api/records", params={"actor": "act-000000000001"}).json()
    assert {r["id"] for r in by_actor["items"]} == {
        "agr-000000000001",
        "prj-000000000001",
        "evt-000000000001",
    }
    words = client.get("/api/records", params={"q": "50 000 blé"}).json()
    assert {r["id"] for r in words["items"]} == {"qty-000000000003"}
    late = client.get("/api/records", params={"overdue": "true"}).json()
    assert [r["id"] for r in late["items"]] == ["prj-000000000002"]
    year = client.get("/api/records", params={"year": 2025, "type": "agreement"}).json()
    assert year["total"] == 1
    assert client.get("/api/records", params={"type": "nope"}).status_code == 400
    assert client.get("/api/records", params={"limit": 0}).status_code == 422
    # FTS syntax typed by a reader is read as words, never as a query.
    assert client.get("/api/records", params={"q": 'NEAR("x" OR *'}).status_code == 200


def test_csv_and_json_exports_of_a_filtered_list(client: TestClient) -> None:
    response = client.get("/api/records.csv", params={"type": "quantity", "q": "50 000 blé"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in rows] == ["qty-000000000003"]
    assert rows[0]["max"] == "50000" and rows[0]["unit"] == "t"
    same = client.get(
        "/api/records", params={"type": "quantity", "q": "50 000 blé", "format": "csv"}
    )
    assert same.text == response.text
    exported = client.get("/api/records.json", params={"type": "project"}).json()
    assert sorted(r["id"] for r in exported) == ["prj-000000000001", "prj-000000000002"]
    assert "attachment" in client.get("/api/records.json").headers["content-disposition"]


def test_one_record_document_actor_and_stats(client: TestClient, store: Store) -> None:
    item = client.get("/api/records/qty-000000000001").json()
    assert item["conflicts"][0]["field"] == "value" and item["reviews"] == {}
    assert item["review"] is None
    assert client.get("/api/records/qty-nothing").status_code == 404
    documents = client.get("/api/documents").json()
    assert [d["published"] for d in documents] == ["2025-10-27", "2025-06-25", "2025-06-24"]
    doc = client.get(f"/api/documents/{store.docs['atome']}").json()
    assert doc["outlet"] == "Le Courrier du Sahel" and len(doc["facts"]) == 5
    agreement = next(f for f in doc["facts"] if f["category"] == "agreements")
    assert agreement["records"] == ["agr-000000000001"]
    assert agreement["evidence"]["text"] == "Le Mali et la Russie ont signé le 23 juin 2025"
    assert agreement["id"] == store.facts[("atome", "agreements", 0)]
    actor = client.get("/api/actors/act-000000000002").json()
    assert actor["actor"]["title"] == "Rosatom"
    assert list(actor["appears_in"]) == ["agreement"]
    assert client.get("/api/actors/act-nobody").status_code == 404
    stats = client.get("/api/stats").json()
    assert stats["by_status"] == {"agreement": {"signed": 1}, "project": {"under_construction": 2}}
    assert stats["by_sector"]["energy"] == {"agreement": 1, "project": 1}
    assert [o["record"] for o in stats["overdue"]] == ["prj-000000000002"]
    wheat = next(p for p in stats["pledges"] if p["subject"] == "blé")
    assert wheat["delivered"] == 25000 and wheat["deliveries"] == ["qty-000000000004"]
    assert stats["totals"]["documents"] == 3 and stats["totals"]["reviews"] == 0
    assert [t["date"] for t in stats["timeline"]][:2] == ["2025-06-16", "2025-06-16"]


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/records",
        "/api/records.csv",
        "/api/records.json",
        "/api/records/{record_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/actors/{actor_id}",
        "/api/stats",
    } <= paths
    assert not [p for p in paths if not p.startswith("/api/")]
    names = {p["name"] for p in schema["paths"]["/api/records"]["get"]["parameters"]}
    assert {"type", "sector", "status", "partner", "year", "actor", "overdue", "q"} <= names
    assert client.get("/docs").status_code == 404  # the interactive docs would load a CDN


def test_head_is_answered_wherever_get_is(client: TestClient, store: Store) -> None:
    from suivi.web.views import actors, auth, dashboard, documents, record, records, review

    examples = {
        "record_id": "agr-000000000001",
        "doc_id": store.docs["atome"],
        "actor_id": "act-000000000001",
    }
    gets = [
        route.path
        for module in (actors, api, auth, dashboard, documents, record, records, review)
        for route in module.router.routes
        if isinstance(route, APIRoute) and "GET" in (route.methods or set())
    ]
    assert "/" in gets and "/api/records/{record_id}" in gets and "/actors/{actor_id}" in gets
    for path in [*gets, "/static/suivi.css", "/api/records/nope", "/nowhere"]:
        url = path.format(**examples)
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code, url
        assert head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"], url
        assert "content-security-policy" in head.headers, url
    # A POST-only route still says which method it takes.
    refused = client.head("/logout")
    assert refused.status_code == 405 and refused.headers["allow"] == "POST"
    # HEAD is not described as an operation of its own.
    schema = client.get("/openapi.json").json()
    assert not [p for p, ops in schema["paths"].items() if "head" in ops]


def test_an_unknown_filter_value_is_refused_with_a_clear_message(client: TestClient) -> None:
    for url in ("/api/records", "/api/records.csv", "/api/records.json"):
        bogus = client.get(url, params={"type": "bogus"})
        assert bogus.status_code == 400, url
        assert bogus.json()["detail"].startswith("unknown type 'bogus': expected one of agreement")
    status = client.get("/api/records", params={"status": "fini"}).json()["detail"]
    assert status.startswith("unknown status 'fini'") and "under_construction" in status
    assert "nuclear" in client.get("/api/records", params={"sector": "x"}).json()["detail"]
    partner = client.get("/api/records", params={"partner": "ZZ"})
    assert partner.status_code == 400 and partner.json() == {"detail": "unknown partner 'ZZ'"}
    actor = client.get("/api/records", params={"actor": "agr-000000000001"})
    assert actor.status_code == 404
    assert actor.json() == {"detail": "no actor with id 'agr-000000000001'"}
    # Known values pass, and are described in the OpenAPI document.
    assert (
        client.get("/api/records", params={"status": "signed", "partner": "RU"}).json()["total"]
        == 1
    )
    schema = client.get("/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/records"]["get"]["parameters"]}
    assert "under_construction" in params["status"]["schema"]["enum"]
    assert "ML" in params["partner"]["schema"]["enum"]
    assert "400" in schema["paths"]["/api/records"]["get"]["responses"]
