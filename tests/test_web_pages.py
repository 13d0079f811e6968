"""Every page of the portal, in-process on a real SQLite store, its HTML parsed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def test_record_page_shows_fields_who_says_what_and_sources_in_context(
    client: TestClient, store: Store
) -> None:
    tree = page(client, "/records/qty-000000000001?lang=fr")
    # A quantity is titled from its fields, in the page's language.
    assert texts(tree, "//h1") == ["60 % — part de l’État"]
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
    assert client.get("/api/records/nowhere").json() == {"detail": "no record with id 'nowhere'"}


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
    assert "accord <nucléaire>" in svg.xpath("//a[@class='point']/title")[0].text_content()


def test_counts_agree_in_number_in_both_languages(client: TestClient) -> None:
    one = page(client, "/records/agr-000000000001?lang=fr")
    assert texts(one, "//h1/following-sibling::p[1]/span[@class='nsrc']") == [
        "1 source indépendante · 1 média"
    ]
    two = page(client, "/records/qty-000000000001?lang=en")
    assert texts(two, "//span[@class='nsrc']") == ["2 independent sources · 2 outlets"]
    found = page(client, "/records?q=atomique&type=agreement&lang=fr")
    assert texts(found, "//p[@class='count']") == ["1 fiche trouvée"]
    listed = texts(found, "//ol[@class='records']//span[@class='nsrc']")
    assert listed == ["1 source indépendante"]
    assert texts(page(client, "/records?lang=en"), "//p[@class='count']") == ["11 records found"]
    assert "3 documents" in texts(page(client, "/?lang=fr"), "//ul[@class='totals']/li")
    none = page(client, "/records?q=introuvablexyz&lang=fr")
    assert texts(none, "//p[@class='count']") == ["0 fiche trouvée"]
    assert texts(page(client, "/records?q=introuvablexyz&lang=en"), "//p[@class='count']") == [
        "0 records found"
    ]


def test_units_and_kinds_are_named_in_the_pages_language(client: TestClient) -> None:
    cost = page(client, "/records/qty-000000000005?lang=fr")
    assert texts(cost, "//h1") == ["120 000 000 000 FCFA — coût de la centrale"]
    assert texts(cost, "//td[@data-field='kind']") == ["coût"]
    assert texts(cost, "//td[@data-field='unit']") == ["FCFA"]
    english = page(client, "/records/qty-000000000005?lang=en")
    assert texts(english, "//h1") == ["120,000,000,000 CFA francs — coût de la centrale"]
    assert texts(english, "//td[@data-field='kind']") == ["cost"]
    # In a list, a quantity says what kind of figure it is, in words.
    pledges = page(client, "/records?type=quantity&lang=fr")
    assert "promesse" in texts(pledges, "//ol[@class='records']//span[@class='kind']")


def test_figures_about_people_are_written_once_in_words() -> None:
    from suivi.presentation import get_language, record_title

    people = {"min": 100, "max": 100, "unit": "person", "subject": "personnes", "kind": "people"}
    assert record_title({"type": "quantity", "fields": people}, "fr") == "100 personnes"
    assert record_title({"type": "quantity", "fields": people}, "en") == "100 people"
    french = get_language("fr")
    assert (
        french.value("kind", "people") == "effectif"
        and french.value("kind", "area") == "superficie"
    )
    land = {"min": 500, "max": 500, "unit": "ha", "subject": "terres agricoles"}
    assert record_title({"type": "quantity", "fields": land}, "fr") == "500 ha — terres agricoles"
    assert get_language("en").value("unit", "MW") == "MW"


def test_every_unit_and_kind_extraction_gives_has_a_name() -> None:
    import json

    from suivi import vocab
    from suivi.presentation import get_language
    from suivi.presentation.labels import CURRENCIES

    units = json.loads(
        (Path(__file__).parents[1] / "suivi/extraction/patterns/units.json").read_text()
    )
    for code in {unit for unit, _ in units["units"].values()} | {"person"}:
        # Named in the tables, or by babel's currency data in both languages.
        for lang in ("fr", "en"):
            named = get_language(lang).label("unit", code)
            assert named != code or code in {*vocab.UNITS, *CURRENCIES}, (code, lang)
    assert get_language("fr").label("unit", "JPY") == "yens japonais"
    for kind in vocab.QUANTITY_KINDS:
        assert get_language("en").label("kind", kind) != vocab.QUANTITY_KINDS[kind] or kind in {
            "production"
        }
    assert {"people", "area"} <= set(vocab.QUANTITY_KINDS)


def test_plural_rules_of_french_and_english() -> None:
    from suivi.presentation import get_language

    fr, en = get_language("fr"), get_language("en")
    outlets = ("%(num)s média", "%(num)s médias")
    assert [fr.ngettext(*outlets, n) for n in (0, 1, 2)] == ["0 média", "1 média", "2 médias"]
    assert [en.ngettext(*outlets, n) for n in (0, 1, 2)] == ["0 outlets", "1 outlet", "2 outlets"]


def test_event_titles_are_written_in_the_pages_language(client: TestClient) -> None:
    english = page(client, "/records/evt-000000000001?lang=en")
    assert texts(english, "//h1") == ["Ceremony — Sénou (16 June 2025)"]
    assert english.xpath("//title")[0].text.startswith("Ceremony — Sénou")
    french = page(client, "/records/evt-000000000001?lang=fr")
    assert texts(french, "//h1") == ["Cérémonie — Sénou (16 juin 2025)"]
    listing = texts(page(client, "/records?type=event&lang=en"), "//ol[@class='records']/li/a")
    assert listing == ["Ceremony — Sénou (16 June 2025)"]
    actor = page(client, "/actors/act-000000000001?lang=en")
    assert "Ceremony — Sénou (16 June 2025)" in texts(actor, "//ol[@class='records']/li/a")
    dash = page(client, "/?lang=en")
    labels = dash.xpath("//svg[@id='chart-timeline']//a[@href='/records/evt-000000000001']/title")
    assert [t.text for t in labels] == ["16 June 2025 — Ceremony — Sénou (16 June 2025)"]
    assert "Cérémonie" not in " ".join(texts(dash, "//ol[@class='timeline-list']"))


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
    view = actors.actor_view(store.engine, "act-000000000002")
    assert view is not None
    assert [item["id"] for item in view["appears_in"]["agreement"]] == ["agr-000000000001"]


def test_not_found_says_what_was_not_found(client: TestClient, store: Store) -> None:
    api = {
        "/api/records/nope": "no record with id 'nope'",
        "/api/documents/nope": "no document with id 'nope'",
        "/api/actors/nope": "no actor with id 'nope'",
        "/api/nowhere": "nothing at '/api/nowhere'",
    }
    for url, message in api.items():
        response = client.get(url)
        assert response.status_code == 404 and response.json() == {"detail": message}, url
    pages = {
        "/records/nope?lang=fr": "Aucune fiche n’a l’identifiant « nope ».",
        "/records/nope?lang=en": "No record with id 'nope'.",
        "/documents/nope?lang=en": "No document with id 'nope'.",
        "/actors/nope?lang=fr": "Aucun acteur n’a l’identifiant « nope ».",
    }
    for url, message in pages.items():
        assert texts(page(client, url, 404), "//p[@role='alert']") == [message], url


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
        "23 juin 2025 — accord sur l’utilisation pacifique de l’énergie atomique"
    )
    # The status charts sit in half-width columns: drawn on a narrower canvas, in larger type.
    for chart in ("chart-agreements", "chart-projects"):
        [svg] = tree.xpath(f"//svg[@id='{chart}']")
        assert "narrow" in svg.get("class").split()
        assert int(svg.get("viewbox").split()[2]) <= 400  # lxml.html lowers attribute names
    css = client.get("/static/suivi.css").text
    assert "svg.narrow .label,svg.narrow .value{font-size:15px}" in css


def test_sources_are_named_by_their_articles_title(tmp_path: Path) -> None:
    from test_web_fixtures import records

    from suivi.store import replace_records

    built = build_store(tmp_path / "s.db")
    items = records(built)
    for item in items:
        if item["id"] == "prj-000000000002":
            # An article whose outlet is not known: named by its title, not counted as a média.
            item["sources"][0]["outlet"] = None
            item["outlets"] = 0
    replace_records(built.engine, items)
    with TestClient(create_app(built.engine)) as client:
        tree = page(client, "/records/prj-000000000002?lang=fr")
        assert texts(tree, "//span[@class='nsrc']") == ["1 source indépendante"]
        [source] = tree.xpath("//ol[@class='sources']/li")
        assert texts(source, "./p[@class='src-title']") == [
            "Livraisons russes : Moscou promet des produits pétroliers"
        ]
        assert "livraisons.txt" in texts(source, ".//p[contains(@class, 'file')]")[0]
        [step] = tree.xpath("//section[@aria-labelledby='h-history']//tbody/tr")
        assert texts(step, "./td")[2] == "Livraisons russes : Moscou promet des produits pétroliers"
        known = page(client, "/records/agr-000000000001?lang=fr")
        [source] = known.xpath("//ol[@class='sources']/li")
        assert texts(source, "./p[@class='src-title']") == [
            "Moscou et Bamako signent un accord sur l’énergie atomique civile"
        ]
        assert "Le Courrier du Sahel" in texts(source, "./p[@class='meta']")[0]
        # The article's address is a link under the title; a javascript: one is not.
        assert "https://courrier.example/atome" in source.xpath(".//a/@href")
        senou = page(client, "/records/qty-000000000001")
        assert not [h for h in senou.xpath("//a/@href") if h.startswith("javascript")]


def test_a_project_lists_its_figures_as_titled_links(tmp_path: Path) -> None:
    from suivi.store import create, replace_records

    engine = create(str(tmp_path / "links.db"))
    project = {
        "id": "prj-aaaaaaaaaaaa",
        "type": "project",
        "title": "raffinerie d’or de Kati",
        "fields": {
            "name": "raffinerie d’or de Kati",
            "location": "Kati",
            "sectors": ["mining"],
            "quantities": ["qty-bbbbbbbbbbbb"],
        },
        "status": "planned",
        "history": [],
        "sources": [],
        "conflicts": [],
        "actors": [],
    }
    figure = {
        "id": "qty-bbbbbbbbbbbb",
        "type": "quantity",
        "title": "62 % — part de l’État",
        "fields": {
            "min": 62,
            "max": 62,
            "unit": "%",
            "per": None,
            "subject": "part de l’État",
            "kind": "share",
            "year": None,
            "project": "prj-aaaaaaaaaaaa",
            "partners": ["ML"],
        },
        "status": None,
        "sources": [],
        "conflicts": [],
        "actors": [],
    }
    replace_records(engine, [project, figure])
    with TestClient(create_app(engine)) as client:
        tree = page(client, "/records/prj-aaaaaaaaaaaa")
        assert texts(tree, "//section[@aria-labelledby='h-record-figures']//a") == [
            "62 % — part de l’État"
        ]
        assert "qty-bbbbbbbbbbbb" not in " ".join(texts(tree, "//table[contains(@class,'fields')]"))
        back = page(client, "/records/qty-bbbbbbbbbbbb?lang=en")
        assert texts(back, "//section[@aria-labelledby='h-record-project']//a") == [
            "raffinerie d’or de Kati"
        ]
        assert "partners" not in " ".join(texts(back, "//table[contains(@class,'fields')]//th"))
