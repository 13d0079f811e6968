"""Every page of the portal, in-process on a real SQLite store, its HTML parsed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient
from test_web_fixtures import ATOME, Store, build_store

from suivi.web import create_app


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return build_store(tmp_path_factory.mktemp("web") / "s.db")


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store.engine)) as test_client:
        yield test_client


def page(client: TestClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def texts(tree: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def test_dashboard_shows_overdue_first_counts_and_charts(client: TestClient) -> None:
    tree = page(client, "/")
    assert tree.get("lang") == "fr"
    sections = tree.xpath("//main/section")
    assert sections[0].get("aria-labelledby") == "h-overdue"
    assert texts(sections[0], ".//li/a") == ["centrale solaire de Sanankoroba"]
    for chart in (
        "chart-agreements",
        "chart-projects",
        "chart-sectors",
        "chart-timeline",
        "chart-pledges",
    ):
        [svg] = tree.xpath(f"//svg[@id='{chart}']")
        assert svg.get("role") == "img" and svg.xpath(".//title")
    # Every bar and point leads on to records, which lead to their sources.
    hrefs = tree.xpath("//svg[@id='chart-projects']//a/@href")
    assert hrefs == ["/records?type=project&status=under_construction"]
    timeline = tree.xpath("//svg[@id='chart-timeline']//a/@href")
    assert {
        "/records/agr-000000000001",
        "/records/evt-000000000001",
        "/records/prj-000000000001",
    } <= set(timeline)
    pledges = " ".join(texts(tree, "//svg[@id='chart-pledges']//text"))
    assert "160 000 – 200 000 t par mois" in pledges.replace("\u202f", " ")
    assert "25 000 t" in pledges.replace("\u202f", " ")


def test_dashboard_in_english_and_the_choice_is_kept(client: TestClient) -> None:
    tree = page(client, "/?lang=en")
    assert tree.get("lang") == "en"
    assert "Overdue promises" in texts(tree, "//h2")
    assert client.cookies.get("lang") == "en"
    assert page(client, "/records").get("lang") == "en"
    assert page(client, "/records?lang=fr").get("lang") == "fr"


def test_home_page_and_its_assets_weigh_under_300_kb(client: TestClient) -> None:
    response = client.get("/")
    tree = lxml.html.fromstring(response.text)
    total = len(response.content)
    assets = tree.xpath(
        "//link[@rel='stylesheet']/@href | //script/@src | //img/@src | //link[@rel='icon']/@href"
    )
    for asset in assets:
        assert asset.startswith("/static/"), f"{asset} is not served by the app"
        total += len(client.get(asset).content)
    assert total < 300 * 1024
    assert "http" not in " ".join(assets)


def test_records_list_filters_by_facet_and_words(client: TestClient) -> None:
    tree = page(client, "/records")
    assert texts(tree, "//p[@class='count']/strong") == ["11"]
    # Overdue first.
    assert texts(tree, "//ol[@class='records']/li/a")[0] == "centrale solaire de Sanankoroba"
    facet_links = tree.xpath("//aside//a/@href")
    assert "/records?type=project" in facet_links and "/records?partner=RU" in facet_links
    tree = page(client, "/records?type=project")
    assert texts(tree, "//p[@class='count']/strong") == ["2"]
    tree = page(client, "/records?q=senou")  # accents folded
    titles = texts(tree, "//ol[@class='records']/li/a")
    assert "raffinerie d’or de Sénou" in titles and "Rosatom" not in titles
    tree = page(client, "/records?sector=energy&type=project")
    assert texts(tree, "//ol[@class='records']/li/a") == ["centrale solaire de Sanankoroba"]
    assert "/records?type=project" in tree.xpath("//ul[@class='active-filters']//a/@href")
    # The search form keeps the other filters.
    assert tree.xpath("//form[@role='search']//input[@name='sector']/@value") == ["energy"]
    # Bad values are ignored rather than failing.
    assert texts(
        page(client, "/records?year=abc&type=nope&page=-3"), "//p[@class='count']/strong"
    ) == ["11"]
    exports = tree.xpath("//p[@class='export']/a/@href")
    assert exports == [
        "/api/records.csv?type=project&sector=energy",
        "/api/records.json?type=project&sector=energy",
    ]


def test_record_page_shows_fields_who_says_what_and_sources_in_context(
    client: TestClient, store: Store
) -> None:
    tree = page(client, "/records/qty-000000000001?lang=fr")
    assert texts(tree, "//h1") == ["part de l’État malien dans Sénou"]
    [table] = tree.xpath("//table[@id='conflict-max']")
    rows = texts(table, ".//tbody/tr")
    assert rows[0].startswith("62") and "Le Courrier du Sahel" in rows[0]
    assert rows[1].startswith("60") and "Sahel Dépêches" in rows[1]
    link = table.xpath(".//a/@href")[0]
    assert (
        link == f"/documents/{store.docs['atome']}#fact-{store.facts[('atome', 'quantities', 0)]}"
    )
    marks = texts(tree, "//blockquote[@class='evidence']/mark")
    assert marks == ["l’État malien détiendra 62 % du capital", "serait plutôt de 60 %"]
    # The evidence is shown inside its surrounding text.
    quote = texts(tree, "//blockquote[@class='evidence']")[0]
    assert "raffinerie d’or de Sénou, dont l’État malien" in quote
    agreement = page(client, "/records/agr-000000000001")
    assert texts(agreement, "//td[@data-field='parties']") == ["Mali, Russie, Rosatom"]
    assert texts(agreement, "//td[@data-field='date']") == ["23 juin 2025"]
    assert "/actors/act-000000000002" in agreement.xpath("//a/@href")
    [step] = agreement.xpath("//section[@aria-labelledby='h-history']//tbody/tr")
    assert texts(step, "./td") == ["23 juin 2025", "signé", "Le Courrier du Sahel"]
    pledge = page(client, "/records/qty-000000000003")
    assert "/records/qty-000000000004" in pledge.xpath(
        "//section[@aria-labelledby='h-delivered']//a/@href"
    )
    page(client, "/records/nope", 404)


def test_actor_page_lists_what_they_appear_in(client: TestClient) -> None:
    tree = page(client, "/actors/act-000000000001")
    assert texts(tree, "//h1") == ["Assimi Goïta"]
    assert texts(tree, "//h3") == ["Accord (1)", "Projet (1)", "Événement (1)"]
    assert texts(tree, "//dd") == ["personne", "Mali", "président de la Transition"]
    page(client, "/actors/act-ffffffffffff", 404)


def test_document_page_marks_every_fact_and_links_it_to_its_record(
    client: TestClient, store: Store
) -> None:
    doc = store.docs["atome"]
    tree = page(client, f"/documents/{doc}")
    [body] = tree.xpath("//div[@class='doc-text']")
    marked = " ".join(texts(body, ".//mark"))
    assert "Le Mali et la Russie ont signé le 23 juin 2025" in marked
    assert "Assimi Goïta" in marked and "Rosatom" in marked
    agreement_fact = store.facts[("atome", "agreements", 0)]
    assert body.xpath(f".//span[@id='fact-{agreement_fact}']")
    assert "/records/agr-000000000001" in body.xpath(".//a[@class='ref']/@href")
    # Without the numbered markers, the marked-up text is the stored text, character for character.
    for ref in body.xpath(".//a[@class='ref']"):
        ref.drop_tree()
    assert body.text_content() == ATOME
    details = tree.xpath(f"//li[@id='detail-{agreement_fact}']//a/@href")
    assert "/records/agr-000000000001" in details
    # The made-up address is a javascript: URL: it is not turned into a link.
    senou = page(client, f"/documents/{store.docs['senou']}")
    assert not [h for h in senou.xpath("//a/@href") if h.startswith("javascript")]
    listing = page(client, "/documents")
    assert len(tree.xpath("//ol[@class='facts-list']/li")) == 5
    assert f"/documents/{doc}" in listing.xpath("//table//a/@href")
    page(client, "/documents/0000", 404)


def test_markup_in_an_article_is_shown_as_text(client: TestClient, store: Store) -> None:
    response = client.get(f"/documents/{store.docs['atome']}")
    assert "<script>window.__pwned" not in response.text
    assert "&lt;script&gt;window.__pwned = true;" in response.text
    tree = lxml.html.fromstring(response.text)
    assert not [s for s in tree.xpath("//script") if "pwned" in (s.text or "")]
    assert "default-src 'self'" in response.headers["content-security-policy"]
    record = client.get("/records/qty-000000000001").text
    assert "<script>window" not in record and "&lt;script&gt;window" in record


def test_errors_are_pages_in_the_readers_language(client: TestClient) -> None:
    tree = page(client, "/nowhere?lang=en", 404)
    assert texts(tree, "//p[@role='alert']") == ["Page not found."]
    assert client.get("/api/records/nowhere").json() == {"detail": "record"}


def test_static_assets_are_served_and_cached(client: TestClient) -> None:
    response = client.get("/static/suivi.css")
    assert response.status_code == 200 and "max-age" in response.headers["cache-control"]
    assert "@import" not in response.text and "url(http" not in response.text


def test_serve_command_help_and_database_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from suivi.web.commands import serve

    result = CliRunner().invoke(serve, ["--help"])
    assert result.exit_code == 0 and "--port" in result.output and "--db" in result.output
    bad = CliRunner().invoke(serve, ["--db", str(tmp_path), "--port", "0"])
    assert bad.exit_code == 1 and "is a folder" in bad.output


def test_overlapping_evidence_is_split_and_every_piece_escaped() -> None:
    from suivi.web.highlight import Span, excerpt, marked

    text = "Avant <b>accord</b> signé à Bamako & après."
    outer = Span(6, 31, "fact-1", "/records/a", "accord", "c-agreements")
    inner = Span(20, 25, "fact-2", "/records/b", "<acteur>", "c-actors")
    html = str(marked(text, [outer, inner]))
    assert "<b>" not in html and "&lt;b&gt;accord&lt;/b&gt;" in html and "&amp;" in html
    tree = lxml.html.fromstring(f"<div>{html}</div>")
    assert [m.get("data-facts") for m in tree.xpath("//mark")] == [
        "fact-1",
        "fact-1 fact-2",
        "fact-1",
    ]
    assert tree.xpath("//a[@class='ref']/@title") == ["<acteur>", "accord"]
    for ref in tree.xpath("//a[@class='ref']"):
        ref.drop_tree()
    assert tree.text_content() == text
    shown = str(excerpt("x " * 300 + "<i>preuve</i>" + " y" * 300, 600, 613, context=20))
    assert shown.startswith("… ") and "<mark>&lt;i&gt;preuve&lt;/i&gt;</mark>" in shown


def test_the_timeline_keeps_to_recent_years() -> None:
    from datetime import date

    from suivi.web.charts import Point, timeline

    points = [
        Point(date(2000, 5, 1), "event", "visite ancienne", "/records/old"),
        Point(date(2024, 4, 10), "event", "instructeurs", "/records/a"),
        Point(date(2025, 6, 23), "agreement", "accord <nucléaire>", "/records/b"),
    ]
    svg = lxml.html.fromstring(
        str(timeline("t", "Chronologie", points, [("agreement", "Accords"), ("event", "Visites")]))
    )
    assert svg.xpath("//a/@href") == ["/records/b", "/records/a"]
    assert [t.text for t in svg.xpath("//text[@class='axis']")] == [
        "2021",
        "2022",
        "2023",
        "2024",
        "2025",
    ]
    assert "accord <nucléaire>" in svg.xpath("//circle/title")[0].text_content()
