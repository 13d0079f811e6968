"""Conditional GETs tagged with the store's version, and a home page of bounded size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_web_fixtures import Store, build_store, records

from suivi.store import replace_records
from suivi.web import create_app
from suivi.web.views.dashboard import TOP

STATIC = Path(__file__).parents[2] / "suivi" / "web" / "static"


@pytest.mark.parametrize("url", ["/", "/records?type=project", "/api/records", "/api/stats"])
def test_a_second_get_with_its_etag_answers_304(client: TestClient, url: str) -> None:
    first = client.get(url)
    assert first.status_code == 200 and first.headers["etag"].startswith('W/"')
    assert first.headers["last-modified"].endswith("GMT")
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == first.headers["etag"]


def test_every_write_changes_the_tag_and_the_figures(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    client = TestClient(create_app(store.engine))
    first = client.get("/api/stats")
    before = first.json()["totals"]["records"]
    replace_records(store.engine, records(store)[:3])
    again = client.get("/api/stats", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 200 and again.headers["etag"] != first.headers["etag"]
    assert again.json()["totals"]["records"] == 3 != before


def test_pages_differ_by_language_and_analysts_pages_are_never_tagged(client: TestClient) -> None:
    french = client.get("/records").headers["etag"]
    client.cookies.set("lang", "en")
    assert client.get("/records").headers["etag"] != french
    assert "etag" not in client.get("/login").headers


def _many(store: Store, n: int) -> list[dict[str, Any]]:
    # Copies of the fixture's records, every one late and dated, with long titles.
    out = []
    base = records(store)
    for i in range(n):
        item = dict(base[i % len(base)])
        item["id"] = f"{item['id'][:4]}{i:012d}"
        item["title"] = f"{item['title']} — numéro {i} " + "x" * 60
        if item["type"] in ("agreement", "project"):
            item["overdue"] = True
        out.append(item)
    return out


def test_the_home_page_stays_small_with_many_records(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    replace_records(store.engine, _many(store, 3000))
    client = TestClient(create_app(store.engine))
    home = client.get("/", headers={"Accept-Encoding": "identity"})
    assets = sum(path.stat().st_size for path in STATIC.iterdir())
    assert home.status_code == 200 and len(home.content) + assets < 150_000
    assert home.text.count('<li><a href="/records/') <= TOP + 8  # late list, recent reviews
    assert "/records?overdue=true" in home.text
    assert client.get("/api/stats").json()["totals"]["records"] == 3000


def test_a_record_with_many_sources_shows_them_a_page_at_a_time(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    many = records(store)
    item = next(r for r in many if r["sources"])
    item["sources"] = [dict(item["sources"][0], doc=f"copie-{i}.txt") for i in range(120)]
    replace_records(store.engine, many)
    client = TestClient(create_app(store.engine))
    first = client.get(f"/records/{item['id']}").text
    assert first.count('<li id="source-') == 50 and 'href="?page=2#h-sources"' in first
    last = client.get(f"/records/{item['id']}?page=3").text
    assert last.count('<li id="source-') == 20 and 'id="source-120"' in last


def test_a_long_list_links_its_pages_keeping_its_filters(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    replace_records(store.engine, _many(store, 300))
    client = TestClient(create_app(store.engine))
    second = client.get("/records?type=quantity&page=2").text
    assert 'rel="prev" href="/records?type=quantity&amp;page=1"' in second
    assert 'rel="next" href="/records?type=quantity&amp;page=3"' in second
    first = client.get("/records").text
    assert 'rel="next" href="/records?page=2"' in first and 'rel="prev"' not in first


def _retitle(store: Store, title: str, *, written: bool) -> str:
    # Changes one record's title in the store directly; ``written``: as every writer of the
    # store does, increasing its version.
    from sqlalchemy import text

    from suivi.store.state import bump

    with store.engine.begin() as connection:
        record_id = str(connection.execute(text("SELECT id FROM records LIMIT 1")).scalar_one())
        connection.execute(
            text(
                "UPDATE records SET title = :t, summary = json_set(summary, '$.title', :t), "
                "data = json_set(data, '$.title', :t) WHERE id = :i"
            ),
            {"t": title, "i": record_id},
        )
        if written:
            bump(connection)
    return record_id


def test_an_answer_is_sent_again_until_the_store_changes(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    client = TestClient(create_app(store.engine))
    first = client.get("/api/records", params={"limit": 500})
    # A change the store's version does not count is not seen: the kept answer is sent.
    _retitle(store, "Titre changé en douce", written=False)
    again = client.get("/api/records", params={"limit": 500})
    assert again.content == first.content and "Titre changé" not in again.text
    # Any write that counts (ingest, rebuild, review) is seen at once.
    record_id = _retitle(store, "Titre changé pour de bon", written=True)
    fresh = client.get("/api/records", params={"limit": 500}).json()["items"]
    assert {r["id"] for r in fresh if r["title"] == "Titre changé pour de bon"} == {record_id}


def test_exports_and_a_portal_that_keeps_nothing_are_always_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = build_store(tmp_path / "s.db")
    client = TestClient(create_app(store.engine))
    client.get("/api/records.csv")
    _retitle(store, "Exporté tel quel", written=False)
    assert "Exporté tel quel" in client.get("/api/records.csv").text
    monkeypatch.setenv("SUIVI_ANSWER_CACHE_MB", "0")
    keeps_nothing = TestClient(create_app(store.engine))
    keeps_nothing.get("/api/records", params={"limit": 500})
    _retitle(store, "Vu sans attendre", written=False)
    assert "Vu sans attendre" in keeps_nothing.get("/api/records", params={"limit": 500}).text


def test_kept_answers_stay_within_their_budget() -> None:
    from suivi.web.answers import Answer, Answers

    answers = Answers(budget=10_000)
    for number in range(30):
        answers.put(1, (f"tag-{number}", True), Answer(200, [], b"x" * 1000))
    assert answers.size <= 10_000 and answers.get(1, ("tag-29", True)) is not None
    assert answers.get(1, ("tag-0", True)) is None
    # A new version of the store: nothing of the former one is sent.
    assert answers.get(2, ("tag-29", True)) is None and answers.size == 0


def test_a_readers_page_sets_no_cookie_and_a_form_page_does(client: TestClient) -> None:
    # A page without a form has no token to carry: it can be kept and sent to anyone.
    for url in ("/", "/records", "/documents"):
        assert "set-cookie" not in client.get(url).headers, url
    assert "suivi_csrf=" in client.get("/login").headers["set-cookie"]


def test_a_kept_answer_carries_the_headers_of_each_request(tmp_path: Path) -> None:
    # Kept, sent again over HTTPS (with HSTS), then over plain HTTP: without HSTS.
    app = create_app(build_store(tmp_path / "s.db").engine)
    first = TestClient(app).get("/api/records")
    secure = TestClient(app, base_url="https://testserver").get("/api/records")
    assert "strict-transport-security" in secure.headers
    plain = TestClient(app).get("/api/records")
    assert plain.content == secure.content == first.content
    assert "strict-transport-security" not in plain.headers
    assert plain.headers["content-security-policy"] == secure.headers["content-security-policy"]
