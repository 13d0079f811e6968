"""The portal in a real browser: Debian's headless chromium driven by Playwright, against a
real uvicorn server on a free local port. These fail, never skip, when chromium is missing."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright
from test_web_fixtures import Store, build_store

from suivi.store.accounts import add_user
from suivi.web import create_app

pytestmark = pytest.mark.browser

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "harmattan-du-soir-42"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    built = build_store(tmp_path_factory.mktemp("browser") / "s.db")
    add_user(built.engine, "mariam", PASSWORD)
    return built


@pytest.fixture(scope="module")
def base_url(store: Store) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store.engine), log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "chromium is not installed (apt-get install chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, locale="fr-FR")
    opened = context.new_page()
    yield opened
    context.close()


def test_dashboard_renders_its_charts_from_this_site_only(page: Page, base_url: str) -> None:
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto("/")
    for chart in (
        "chart-agreements",
        "chart-projects",
        "chart-sectors",
        "chart-timeline",
        "chart-pledges",
    ):
        svg = page.locator(f"svg#{chart}")
        assert svg.is_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 20
    bars = page.locator("svg#chart-sectors rect")
    assert bars.count() >= 4
    widths = [float(bars.nth(i).get_attribute("width") or 0) for i in range(bars.count())]
    assert max(widths) > 100
    assert page.locator("svg#chart-timeline circle").count() >= 4
    assert all(url.startswith(base_url) for url in requested), requested
    assert not errors, errors
    # A bar leads to the records it counts.
    page.locator("svg#chart-projects a").first.click()
    page.wait_for_url("**/records?type=project*")
    assert page.locator("#total").inner_text() == "2"


def test_a_search_narrows_the_list(page: Page) -> None:
    page.goto("/records")
    before = int(page.locator("#total").inner_text())
    page.get_by_label("Mots à chercher").fill("sénou")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/records?q=*")
    after = int(page.locator("#total").inner_text())
    assert 0 < after < before
    assert "raffinerie d’or de Sénou" in page.locator("ol.records").inner_text()
    # The URL is the filter: opened again, it gives the same list.
    shared = page.url
    page.goto("/records")
    page.goto(shared)
    assert int(page.locator("#total").inner_text()) == after


def test_an_analyst_corrects_a_figure_and_the_public_sees_it(
    browser: Browser, page: Page, base_url: str
) -> None:
    page.goto("/login")
    page.get_by_label("Identifiant").fill("mariam")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(base_url + "/")
    page.goto("/records/qty-000000000003")
    row = page.locator("tr#review-max")
    row.locator("summary", has_text="Relire").click()
    row.get_by_role("radio", name="Corriger").check()
    row.get_by_label("Nouvelle valeur").fill("40 000")
    row.get_by_label("Motif").fill("Le communiqué du ministère donne 40 000 tonnes.")
    row.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/records/qty-000000000003#review-max")
    assert page.locator("td[data-field='max']").inner_text().startswith("40\u202f000")

    public = browser.new_context(base_url=base_url).new_page()
    public.goto("/records/qty-000000000003")
    cell = public.locator("td[data-field='max']").inner_text()
    assert cell.startswith("40\u202f000") and "50\u202f000" in cell
    assert public.locator("tr#review-max .rv-corrected").first.is_visible()
    public.locator("tr#review-max details.hist summary").click()
    history = public.locator("tr#review-max table.versions tbody tr")
    assert history.count() == 1
    assert "mariam" in history.inner_text() and "40 000 tonnes" in history.inner_text()
    assert public.locator("form[action$='/review']").count() == 0
    public.context.close()


def test_a_script_inside_an_article_does_not_run(page: Page, store: Store) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"/documents/{store.docs['atome']}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "piraté"
    assert "<script>window.__pwned = true;" in page.locator(".doc-text").inner_text()
    page.goto("/records/qty-000000000001")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not dialogs


@pytest.mark.parametrize("width", [1280, 375])
def test_status_chart_labels_are_readable_and_timeline_dots_named(
    browser: Browser, base_url: str, width: int
) -> None:
    context = browser.new_context(
        base_url=base_url, locale="fr-FR", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto("/?lang=fr")
    for chart in ("chart-agreements", "chart-projects"):
        label = page.locator(f"svg#{chart} text.label").first
        box = label.bounding_box()
        # Drawn at least as large as small body text, on a phone as on a desktop.
        assert box is not None and box["height"] >= 12, (chart, width, box)
    # Each dot of the timeline is a link named by its date and its record.
    dot = page.get_by_role(
        "link",
        name="23 juin 2025 — Accord sur l’utilisation pacifique de l’énergie atomique — Mali, "
        "Russie (Rosatom), 23 juin 2025",
    )
    assert dot.count() == 1
    assert "point" in (dot.get_attribute("class") or "")
    context.close()
