"""The list of records: facets, words searched, filters refused and said so."""

from __future__ import annotations

from fastapi.testclient import TestClient
from web_pages import page, texts


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
    # Bad values are left out, and the page says so, rather than failing.
    ignored = page(client, "/records?year=abc&type=nope&page=-3")
    assert texts(ignored, "//p[@class='count']/strong") == ["11"]
    assert len(ignored.xpath("//div[@id='refused']/p")) == 2
    exports = tree.xpath("//p[@class='export']/a/@href")
    assert exports == [
        "/api/records.csv?type=project&sector=energy",
        "/api/records.json?type=project&sector=energy",
    ]


def test_an_unknown_filter_value_is_named_on_the_page(client: TestClient) -> None:
    tree = page(client, "/records?type=bogus&sector=energy&lang=fr")
    [notice] = tree.xpath("//div[@id='refused']")
    assert notice.get("role") == "status"
    said = " ".join(notice.text_content().split())
    assert "« bogus »" in said and "type" in said
    # The known values are offered, each a link keeping the other filters.
    assert "/records?type=agreement&sector=energy" in notice.xpath(".//a/@href")
    # The value left out is not applied: the other filters still are.
    assert texts(tree, "//p[@class='count']/strong") == ["2"]
    for url, shown in (
        ("/records?status=fini", "« fini »"),
        ("/records?partner=ZZZ", "« ZZZ »"),
        ("/records?actor=agr-000000000001", "« agr-000000000001 »"),
        ("/records?overdue=peut-etre", "« peut-etre »"),
    ):
        refused = page(client, url + "&lang=fr")
        assert shown in " ".join(texts(refused, "//div[@id='refused']")), url
        assert texts(refused, "//p[@class='count']/strong") == ["11"], url
    assert not page(client, "/records?type=project").xpath("//div[@id='refused']")
