"""Documents: every fact marked in its text, article markup shown as text."""

from __future__ import annotations

import lxml.html
from fastapi.testclient import TestClient
from test_web_fixtures import ATOME, Store
from web_pages import page, texts


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
