"""The analysts' queue lists what is held back, with the reason, to analysts only."""

from __future__ import annotations

import lxml.html
from fastapi.testclient import TestClient
from test_review import PASSWORD, sign_in
from test_web_fixtures import Store

from suivi.store import RecordFilter, query_records, replace_records
from suivi.store.accounts import add_user


def test_held_back_records_wait_in_the_queue_with_their_doubts(
    client: TestClient, store: Store
) -> None:
    every = query_records(store.engine, RecordFilter(published=None))
    target = next(r for r in every if r["type"] == "event")
    held = {**target, "published": False, "confidence": 0.25, "doubts": ["no_place"]}
    replace_records(store.engine, [held if r["id"] == target["id"] else r for r in every])
    assert client.get("/review/queue").status_code == 401
    assert target["id"] not in client.get("/records").text
    add_user(store.engine, "awa", PASSWORD)
    sign_in(client)
    tree = lxml.html.fromstring(client.get("/review/queue?lang=fr").text)
    [row] = tree.xpath(f"//tr[@id='held-{target['id']}']")
    assert "sans lieu" in row.text_content()
    page = lxml.html.fromstring(client.get(f"/records/{target['id']}?lang=en").text)
    [notice] = page.xpath("//div[@id='held-back']")
    assert "held back" in notice.text_content() and "no place" in notice.text_content()


def test_a_held_back_actor_is_not_shown_to_the_public(client: TestClient, store: Store) -> None:
    every = query_records(store.engine, RecordFilter(published=None))
    actor = next(r for r in every if r["type"] == "actor")
    held = {**actor, "published": False, "confidence": 0.2, "doubts": ["broken_name"]}
    replace_records(store.engine, [held if r["id"] == actor["id"] else r for r in every])
    assert client.get(f"/actors/{actor['id']}").status_code == 404
    assert client.get(f"/api/actors/{actor['id']}").status_code == 404
    add_user(store.engine, "awa", PASSWORD)
    sign_in(client)
    assert client.get(f"/actors/{actor['id']}").status_code == 200
