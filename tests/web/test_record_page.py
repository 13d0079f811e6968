"""One record: fields, who says what, sources in context, titles in the reader's language."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from test_web_fixtures import Store, build_store
from web_pages import page, texts

from suivi.web import create_app


def test_record_page_shows_fields_who_says_what_and_sources_in_context(
    client: TestClient, store: Store
) -> None:
    tree = page(client, "/records/qty-000000000001?lang=fr")
    # A quantity is titled from its fields, in the page's language.
    assert texts(tree, "//h1") == ["60 % — part de l’État"]
    # The sources disagree on the figure (62 or 60 %): its minimum and maximum lead there.
    [table] = tree.xpath("//table[@id='conflict-value']")
    for name in ("min", "max"):
        [link] = tree.xpath(f"//td[@data-field='{name}']/a[@class='conflict-link']/@href")
        assert link == "#conflict-value"
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
