"""Atom feeds of records and changes, valid as feedparser reads them; the "What's new" page;
the analysts' page of watched sources; and ``suivi changes``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
from builders import TODAY, article, fact
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from test_review import PASSWORD, sign_in

from suivi.cli import cli
from suivi.cli.portal import user
from suivi.pipeline import refresh
from suivi.store import changes as change_log
from suivi.store import create
from suivi.store.watched import Outcome, add_source, find_source, host_failed, note_poll
from suivi.web import create_app

ATOME_1 = (
    "Bamako, 24 juin 2025. Le Mali et la Russie ont signé lundi à Moscou un accord de "
    "coopération dans le nucléaire civil, a annoncé le gouvernement."
)
ATOME_2 = (
    "Moscou, 25 juin 2025. La Russie et le Mali ont conclu le 23 juin un accord sur l’énergie "
    "nucléaire civile, selon l’agence publique russe."
)
ECOLES = (
    "Niamey, 2 juillet 2025. Le Niger et la Turquie ont signé un accord sur la construction "
    "de vingt écoles techniques, a indiqué le ministère de l’Éducation."
)
FIRST_DAY = datetime(2025, 10, 2, 9, 0, tzinfo=UTC)
CLOCK = [FIRST_DAY]  # when the change log says changes happen


def agreement(text: str, phrase: str, date: str, parties: list[str], sector: str) -> Any:
    found = fact(
        text,
        phrase,
        title="accord",
        sectors=[sector],
        parties=parties,
        date=date,
        status="signed",
    )
    return {"agreements": [found]}


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("SUIVI_PUBLISH_THRESHOLD", "0")
    CLOCK[0] = FIRST_DAY
    monkeypatch.setattr(change_log, "now", lambda: CLOCK[0])
    store = create(str(tmp_path / "s.db"))
    article(
        store,
        "a1.txt",
        ATOME_1,
        agreement(
            ATOME_1,
            "Le Mali et la Russie ont signé lundi à Moscou un accord de coopération dans le "
            "nucléaire civil",
            "2025-06-23",
            ["ML", "RU"],
            "nuclear",
        ),
        published="2025-06-24",
        outlet="L’Essor",
    )
    article(
        store,
        "e1.txt",
        ECOLES,
        agreement(
            ECOLES,
            "Le Niger et la Turquie ont signé un accord sur la construction de vingt écoles",
            "2025-07-01",
            ["NE", "TR"],
            "education",
        ),
        published="2025-07-02",
        outlet="Le Sahel",
    )
    refresh(store, TODAY)
    return store


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine)) as test_client:
        yield test_client


def second_source(engine: Engine) -> None:
    CLOCK[0] = datetime(2025, 10, 3, 15, 30, tzinfo=UTC)
    article(
        engine,
        "a2.txt",
        ATOME_2,
        agreement(
            ATOME_2,
            "La Russie et le Mali ont conclu le 23 juin un accord sur l’énergie nucléaire civile",
            "2025-06-22",
            ["ML", "RU"],
            "nuclear",
        ),
        published="2025-06-25",
        outlet="Agence russe",
    )
    refresh(engine, TODAY)


def parsed(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def nuclear_id(client: TestClient) -> str:
    found = client.get("/api/records", params={"sector": "nuclear"}).json()["items"]
    assert len(found) == 1
    return str(found[0]["id"])


def test_a_filtered_list_has_its_feed(client: TestClient) -> None:
    feed = parsed(client, "/records.atom?sector=nuclear&partner=RU")
    ident = nuclear_id(client)
    assert [e.link for e in feed.entries] == [f"http://testserver/records/{ident}"]
    [entry] = feed.entries
    assert entry.title.startswith("Accord") and "Mali" in entry.title
    assert entry.id == f"http://testserver/records/{ident}"
    assert entry.updated_parsed[:5] == (2025, 10, 2, 9, 0)
    assert entry.published_parsed[:3] == (2025, 10, 2)
    assert "Nouvelle fiche" in entry.summary
    assert feed.feed.updated_parsed[:5] == (2025, 10, 2, 9, 0)  # its newest entry's
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == "http://testserver/records.atom?sector=nuclear&partner=RU"
    assert links["alternate"] == "http://testserver/records?sector=nuclear&partner=RU"
    # Every record without filters; none with a filter that matches nothing.
    assert len(parsed(client, "/records.atom").entries) == 2
    assert parsed(client, "/records.atom?sector=nuclear&partner=TR").entries == []


def test_a_record_feed_gains_an_entry_when_a_new_source_reports_it(
    client: TestClient, engine: Engine
) -> None:
    ident = nuclear_id(client)
    before = parsed(client, f"/records/{ident}.atom")
    assert [e.title.split(" — ")[0] for e in before.entries] == ["Nouvelle fiche"]
    second_source(engine)
    after = parsed(client, f"/records/{ident}.atom")
    kinds = [e.title.split(" — ")[0] for e in after.entries]
    assert kinds[-1] == "Nouvelle fiche" and "Nouvelle source" in kinds
    assert "Désaccord entre sources" in kinds  # the dates they give differ
    [new] = [e for e in after.entries if e.title.startswith("Nouvelle source")]
    assert new.summary == "Nouvelle source : Agence russe"
    assert new.updated_parsed[:5] == (2025, 10, 3, 15, 30)
    assert new.link == f"http://testserver/records/{ident}"
    assert len({e.id for e in after.entries}) == len(after.entries)
    # The list's feed puts the record first, dated by its last change.
    listed = parsed(client, "/records.atom")
    assert listed.entries[0].link.endswith(ident)
    assert listed.entries[0].updated_parsed[:3] == (2025, 10, 3)
    # In English on asking.
    english = parsed(client, f"/records/{ident}.atom?lang=en")
    assert "New source: Agence russe" in [e.summary for e in english.entries]
    assert english.feed.language == "en"


def test_the_changes_feed_and_page(client: TestClient, engine: Engine) -> None:
    second_source(engine)
    feed = parsed(client, "/changes.atom")
    assert [e.updated_parsed[:3] for e in feed.entries][:1] == [(2025, 10, 3)]
    assert len(feed.entries) == 2 + 3  # two records created; a source, a date, a disagreement
    filtered = parsed(client, "/changes.atom?sector=education")
    assert [e.title.split(" — ")[0] for e in filtered.entries] == ["Nouvelle fiche"]

    page = client.get("/changes?since=2025-10-03")
    assert page.status_code == 200
    doc = lxml.html.fromstring(page.text)
    items = doc.xpath("//li[contains(@class, 'change')]")
    assert len(items) == 3  # the changes of the 3rd only
    assert "Nouvelle source : Agence russe" in page.text
    assert doc.xpath("//h2/text()") == ["3 octobre 2025"]
    everything = lxml.html.fromstring(client.get("/changes?since=2025-10-01").text)
    assert len(everything.xpath("//li[contains(@class, 'change')]")) == 5
    assert "Date illisible" in client.get("/changes?since=hier").text


def test_every_page_links_its_feeds(client: TestClient) -> None:
    ident = nuclear_id(client)

    def alternates(url: str) -> list[str]:
        doc = lxml.html.fromstring(client.get(url).text)
        return doc.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")

    assert alternates("/records?sector=nuclear&partner=RU&page=1") == [
        "/records.atom?sector=nuclear&partner=RU",
        "/changes.atom",
    ]
    assert alternates(f"/records/{ident}") == [f"/records/{ident}.atom", "/changes.atom"]
    assert alternates("/") == ["/changes.atom"]
    assert alternates("/changes") == ["/changes.atom"]


def test_public_feeds_show_published_records_only(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUIVI_PUBLISH_THRESHOLD", "1")  # every record held back
    refresh(engine, TODAY)
    with TestClient(create_app(engine)) as client:
        assert parsed(client, "/records.atom").entries == []
        assert parsed(client, "/changes.atom").entries == []
        held = client.get("/api/records", params={"sector": "nuclear"}).json()["items"]
        assert held == []
        ids = [c.record_id for c in change_log.changes(engine, published=None)]
        assert client.get(f"/records/{ids[0]}.atom").status_code == 404


def test_the_analysts_page_shows_each_source_and_why_it_fails(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    at = datetime.now(UTC)
    add_source(engine, "https://sahel.example.net/rss", "Sahel Info", 3600, at)
    source = find_source(engine, "https://sahel.example.net/rss")
    assert source is not None
    host_failed(engine, source.host, at, "the server answered HTTP 503", 60, 3600)
    note_poll(engine, source, Outcome(at, "failed", 503, "the server answered HTTP 503"))
    assert client.get("/review/sources").status_code == 401  # analysts only
    made = CliRunner().invoke(
        user,
        ["add", "awa", "--password-stdin", "--db", str(tmp_path / "s.db")],
        input=PASSWORD + "\n",
    )
    assert made.exit_code == 0, made.output
    sign_in(client)
    page = client.get("/review/sources")
    assert page.status_code == 200
    row = lxml.html.fromstring(page.text).xpath(f"//tr[@id='source-{source.id}']")[0]
    text = " ".join(row.text_content().split())
    assert "Sahel Info" in text and "échec" in text
    assert "the server answered HTTP 503" in text
    assert "hôte en repos jusqu’à" in text and "(1 échec de suite)" in text


def test_suivi_changes_prints_what_changed_since_a_day(engine: Engine, tmp_path: Path) -> None:
    second_source(engine)
    db = str(tmp_path / "s.db")
    out = CliRunner().invoke(cli, ["--db", db, "changes", "--since", "2025-10-03"])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[-1] == "3 changes since 2025-10-03"
    assert any("source" in line and "New source: Agence russe" in line for line in lines)
    assert all(line.startswith("2025-10-03 15:30:00Z") for line in lines[:-1])
    as_json = CliRunner().invoke(cli, ["--db", db, "changes", "--since", "2025-10-01", "--json"])
    kinds = sorted(line.split('"kind": "')[1].split('"')[0] for line in as_json.stdout.splitlines())
    assert kinds == ["conflict", "created", "created", "field", "source"]
    bad = CliRunner().invoke(cli, ["--db", db, "changes", "--since", "hier"])
    assert bad.exit_code == 2 and "expected a date such as 2025-10-01" in bad.stderr
