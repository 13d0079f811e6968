"""An actor's page, and its JSON."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_web_fixtures import Store
from web_pages import page, texts


def test_actor_page_lists_what_they_appear_in(client: TestClient) -> None:
    tree = page(client, "/actors/act-000000000001")
    assert texts(tree, "//h1") == ["Assimi Goïta"]
    assert texts(tree, "//h3") == ["Accord (1)", "Projet (1)", "Événement (1)"]
    assert texts(tree, "//dd") == ["personne", "Mali", "président de la Transition"]
    page(client, "/actors/act-ffffffffffff", 404)


def test_an_actor_page_lists_each_record_once_and_only_for_actors(
    client: TestClient, store: Store
) -> None:
    tree = page(client, "/actors/act-000000000001")
    hrefs = tree.xpath("//ol[@class='records']/li/a/@href")
    assert sorted(hrefs) == [
        "/records/agr-000000000001",
        "/records/evt-000000000001",
        "/records/prj-000000000001",
    ]
    missing = page(client, "/actors/agr-000000000001?lang=en", 404)
    assert texts(missing, "//p[@role='alert']") == ["No actor with id 'agr-000000000001'."]
    api = client.get("/api/actors/agr-000000000001")
    assert api.status_code == 404
    assert api.json() == {"detail": "no actor with id 'agr-000000000001'"}


def test_an_actor_tagged_twice_on_a_record_lists_it_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from suivi.web.data import Listing
    from suivi.web.views import actors

    real = actors.list_records

    def doubled(*args: Any, **kwargs: Any) -> Listing:
        listing = real(*args, **kwargs)
        return Listing(listing.items * 3, listing.total * 3, listing.facets)

    monkeypatch.setattr(actors, "list_records", doubled)
    view = actors.actor_data(store.engine, "act-000000000002")
    assert [item["id"] for item in view["appears_in"]["agreement"]] == ["agr-000000000001"]
