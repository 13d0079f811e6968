"""The dashboard: what is late, counts, charts, each figure a link to its records."""

from __future__ import annotations

import lxml.html
from fastapi.testclient import TestClient
from web_pages import page, texts

CHARTS = "chart-agreements chart-projects chart-sectors chart-timeline chart-pledges".split()


def test_dashboard_shows_overdue_first_counts_and_charts(client: TestClient) -> None:
    tree = page(client, "/")
    assert tree.get("lang") == "fr"
    sections = tree.xpath("//main/section")
    assert sections[0].get("aria-labelledby") == "h-overdue"
    assert texts(sections[0], ".//li/a") == ["centrale solaire de Sanankoroba"]
    for chart in CHARTS:
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
    assert "160 000–200 000 t/mois" in pledges.replace("\u202f", " ")
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
    assert "accord <nucléaire>" in svg.xpath("//a[@class='point']/title")[0].text_content()


def test_timeline_dots_are_named_and_status_labels_readable(client: TestClient) -> None:
    tree = page(client, "/?lang=fr")
    points = tree.xpath("//svg[@id='chart-timeline']//a[@class='point']")
    assert len(points) >= 4
    for point in points:
        label = point.get("aria-label")
        [tooltip] = point.xpath("./title")
        assert label and tooltip.text == label
        assert " — " in label and any(month in label for month in ("juin", "octobre"))
    agreement = tree.xpath("//svg[@id='chart-timeline']//a[@href='/records/agr-000000000001']")
    assert agreement[0].get("aria-label") == (
        "23 juin 2025 — Accord sur l’utilisation pacifique de l’énergie atomique — Mali, Russie "
        "(Rosatom), 23 juin 2025"
    )
    # The status charts sit in half-width columns: drawn on a narrower canvas, in larger type.
    for chart in ("chart-agreements", "chart-projects"):
        [svg] = tree.xpath(f"//svg[@id='{chart}']")
        assert "narrow" in svg.get("class").split()
        assert int(svg.get("viewbox").split()[2]) <= 400  # lxml.html lowers attribute names
    css = client.get("/static/suivi.css").text
    assert "svg.narrow .label,svg.narrow .value{font-size:15px}" in css
