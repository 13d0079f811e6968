"""Analysts' review: accounts, sign-in, CSRF, reviews as versions, and what the public sees."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from postgres import STORES, new_database
from sqlalchemy import text
from test_web_fixtures import Store, build_store, records

from suivi.cli.portal import user
from suivi.models import FactKey
from suivi.store import replace_records, schema_version
from suivi.store.database import MIGRATIONS
from suivi.store.reviews import fact_verdicts
from suivi.web import create_app

PASSWORD = "sable-et-fleuve-2025"


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Store:
    # On SQLite, then on PostgreSQL (a new database on the session's server each time).
    if request.param == "postgresql":
        built = build_store(new_database(request.getfixturevalue("postgres_server")))
    else:
        built = build_store(tmp_path_factory.mktemp("review") / "s.db")
    result = CliRunner().invoke(
        user, ["add", "awa", "--password-stdin", "--db", str(built.path)], input=PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    return built


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store.engine)) as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    tokens = lxml.html.fromstring(html).xpath("//input[@name='csrf']/@value")
    assert tokens, "the page has no form token"
    return str(tokens[0])


def sign_in(client: TestClient, name: str = "awa", password: str = PASSWORD) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf": token, "next": "/records"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/records"


def review(client: TestClient, url: str, **form: str) -> TestClient:
    page = url.split("/review")[0].split("/facts/")[0]
    form.setdefault("csrf", csrf_of(client.get(page).text))
    return client.post(url, data=form, follow_redirects=False)


def test_accounts_are_stored_hashed_with_argon2(store: Store) -> None:
    newest = max(p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9]*.py"))
    assert schema_version(store.engine) == newest
    with store.engine.connect() as connection:
        [(name, digest)] = connection.execute(text("SELECT name, password_hash FROM users")).all()
    assert name == "awa" and digest.startswith("$argon2id$") and PASSWORD not in digest
    runner = CliRunner()
    short = runner.invoke(
        user, ["add", "ibrahim", "--password-stdin", "--db", str(store.path)], input="court\n"
    )
    assert short.exit_code == 1 and "at least 10" in short.output
    prompted = runner.invoke(
        user, ["add", "ibrahim", "--db", str(store.path)], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert prompted.exit_code == 0 and "ibrahim" in prompted.output


def test_sign_in_needs_the_right_password_and_a_form_token(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    forged = client.post("/login", data={"name": "awa", "password": PASSWORD, "csrf": "x"})
    assert forged.status_code == 403
    wrong = client.post("/login", data={"name": "awa", "password": "mauvais-mot", "csrf": token})
    assert wrong.status_code == 401 and "incorrect" in wrong.text
    nobody = client.post("/login", data={"name": "inconnu", "password": PASSWORD, "csrf": token})
    assert nobody.status_code == 401
    # After signing in, only paths on this site are followed.
    response = client.post(
        "/login",
        data={"name": "awa", "password": PASSWORD, "csrf": token, "next": "//ailleurs.example/"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    assert "awa" in client.get("/").text


def test_repeated_failures_lock_the_account_for_that_address(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    for _ in range(5):
        wrong = client.post(
            "/login", data={"name": "awa", "password": "mauvais-mot", "csrf": token}
        )
        assert wrong.status_code == 401
    locked = client.post("/login", data={"name": "awa", "password": PASSWORD, "csrf": token})
    assert locked.status_code == 429 and "Trop d’essais" in locked.text
    assert "awa" not in client.cookies.get("suivi_session", "")


def test_the_throttle_forgets_old_failures_and_successes() -> None:
    from suivi.web.throttle import SignInThrottle

    now = [0.0]
    throttle = SignInThrottle(max_failures=2, window=60, clock=lambda: now[0])
    throttle.failed("1.2.3.4", "awa")
    throttle.failed("1.2.3.4", "awa")
    assert throttle.blocked("1.2.3.4", "awa") and not throttle.blocked("5.6.7.8", "awa")
    now[0] = 61
    assert not throttle.blocked("1.2.3.4", "awa")
    throttle.failed("1.2.3.4", "awa")
    throttle.succeeded("1.2.3.4", "awa")
    throttle.failed("1.2.3.4", "awa")
    assert not throttle.blocked("1.2.3.4", "awa")


def test_changes_need_a_signed_in_analyst_and_a_valid_token(client: TestClient) -> None:
    url = "/records/qty-000000000003/review"
    form = {"field": "max", "action": "correct", "value": "1", "reason": "essai"}
    assert client.post(url, data={**form, "csrf": "x"}).status_code == 403
    token = csrf_of(client.get("/login").text)
    assert client.post(url, data={**form, "csrf": token}).status_code == 401
    sign_in(client)
    assert client.post(url, data={**form, "csrf": token}).status_code == 403  # not the session's
    good = csrf_of(client.get("/records/qty-000000000003").text)
    other_site = client.post(
        url, data={**form, "csrf": good}, headers={"Origin": "https://ailleurs.example"}
    )
    assert other_site.status_code == 403
    assert client.get("/api/records/qty-000000000003").json()["reviews"] == {}


def test_a_corrected_figure_is_shown_with_its_history_everywhere(
    client: TestClient, store: Store
) -> None:
    sign_in(client)
    response = review(
        client,
        "/records/qty-000000000003/review",
        field="max",
        action="correct",
        value="40 000",
        reason="Le communiqué officiel du 12 juillet 2023 dit 40 000 tonnes.",
    )
    assert response.status_code == 303
    # The public sees it, signed in or not.
    public = TestClient(create_app(store.engine))
    tree = lxml.html.fromstring(public.get("/records/qty-000000000003").text)
    assert " ".join(tree.xpath("//td[@data-field='max']")[0].text_content().split()).startswith(
        "40 000 valeur extraite : 50 000"
    )
    history = tree.xpath("//tr[@id='review-max']//table[@class='versions']//tbody/tr")
    assert len(history) == 1
    cells = [" ".join(td.text_content().split()) for td in history[0].xpath("./td")]
    assert cells[1:5] == ["corrigé", "40000", "50000", "awa"]
    assert cells[6] == "Le communiqué officiel du 12 juillet 2023 dit 40 000 tonnes."
    assert not tree.xpath("//form[contains(@action, '/review')]")  # no forms for the public
    state = public.get("/api/records/qty-000000000003").json()["reviews"]["max"]
    assert state["state"] == "corrected" and state["value"] == 40000
    assert state["extracted"] == 50000 and state["by"] == "awa" and not state["stale"]
    assert public.get("/api/records/qty-000000000003").json()["fields"]["max"] == 40000
    rows = list(csv.DictReader(io.StringIO(public.get("/api/records.csv").text)))
    assert next(r for r in rows if r["id"] == "qty-000000000003")["max"] == "40000"
    pledges = public.get("/api/stats").json()["pledges"]
    assert next(p for p in pledges if p["subject"] == "blé")["max"] == 40000
    # A second version, then a confirmation: three versions, the latest decides.
    review(
        client,
        "/records/qty-000000000003/review",
        field="max",
        action="correct",
        value="45000",
        reason="Chiffre révisé par le ministère.",
    )
    review(client, "/records/qty-000000000003/review", field="max", action="confirm", reason="")
    state = public.get("/api/records/qty-000000000003").json()["reviews"]["max"]
    assert [v["action"] for v in state["history"]] == ["correct", "correct", "confirm"]
    assert state["value"] == 45000 and state["state"] == "confirmed"


def test_reviews_survive_consolidation_reruns(client: TestClient, store: Store) -> None:
    sign_in(client)
    review(
        client,
        "/records/prj-000000000001/review",
        field="status",
        action="correct",
        value="preparatory",
        reason="Le chantier n’a pas commencé selon le ministère.",
    )
    rerun = records(store)
    replace_records(store.engine, rerun)
    item = client.get("/api/records/prj-000000000001").json()
    assert item["status"] == "preparatory" and not item["reviews"]["status"]["stale"]
    # Consolidation later reads another status: the review holds, and says it is stale.
    for record in rerun:
        if record["id"] == "prj-000000000001":
            record["status"] = "operational"
    replace_records(store.engine, rerun)
    item = client.get("/api/records/prj-000000000001").json()
    assert item["status"] == "preparatory"
    assert item["reviews"]["status"]["stale"]
    assert item["reviews"]["status"]["current_extracted"] == "operational"


def test_a_corrected_status_moves_the_record_between_filters(client: TestClient) -> None:
    sign_in(client)
    review(
        client,
        "/records/prj-000000000001/review",
        field="status",
        action="correct",
        value="preparatory",
        reason="Phase préparatoire annoncée en octobre.",
    )
    found = client.get("/api/records", params={"status": "preparatory"}).json()
    assert [r["id"] for r in found["items"]] == ["prj-000000000001"]
    assert found["facets"]["status"] == {"preparatory": 1}
    building = client.get("/api/records", params={"status": "under_construction"}).json()
    assert [r["id"] for r in building["items"]] == ["prj-000000000002"]
    everything = client.get("/api/records").json()
    assert everything["total"] == 11
    assert everything["facets"]["status"] == {
        "preparatory": 1,
        "under_construction": 1,
        "signed": 1,
    }
    tree = lxml.html.fromstring(client.get("/records?status=preparatory").text)
    assert tree.xpath("//ol[@class='records']/li/a/text()") == ["raffinerie d’or de Sénou"]
    bad = review(
        client,
        "/records/prj-000000000001/review",
        field="status",
        action="correct",
        value="inventé",
        reason="x",
    )
    assert bad.status_code == 400


def test_a_bad_correction_is_refused_and_nothing_stored(client: TestClient) -> None:
    sign_in(client)
    url = "/records/qty-000000000003/review"
    assert (
        review(client, url, field="max", action="correct", value="beaucoup", reason="x").status_code
        == 400
    )
    assert (
        review(client, url, field="max", action="correct", value="1", reason="  ").status_code
        == 400
    )
    assert review(client, url, field="sources", action="confirm").status_code == 400
    assert review(client, url, field="max", action="delete", reason="x").status_code == 400
    assert client.get("/api/records/qty-000000000003").json()["reviews"] == {}
    assert review(client, "/records/nothing/review", action="confirm").status_code == 404


def test_a_rejected_record_is_marked_and_left_out_of_the_dashboard(
    client: TestClient,
) -> None:
    sign_in(client)
    review(
        client,
        "/records/prj-000000000002/review",
        field="",
        action="reject",
        reason="Doublon d’une autre fiche.",
    )
    item = client.get("/api/records/prj-000000000002").json()
    assert item["review"]["state"] == "rejected"
    assert client.get("/api/stats").json()["overdue"] == []
    assert "Un analyste a rejeté cette fiche." in client.get("/records/prj-000000000002").text


def test_a_fact_is_reviewed_on_its_document(client: TestClient, store: Store) -> None:
    sign_in(client)
    doc = store.docs["senou"]
    fact_id = store.facts[("senou", "quantities", 0)]
    response = review(
        client,
        f"/documents/{doc}/facts/{fact_id}/review",
        field="",
        action="reject",
        reason="La source est anonyme.",
    )
    assert response.status_code == 303
    corrected = review(
        client,
        f"/documents/{doc}/facts/{fact_id}/review",
        field="subject",
        action="correct",
        value="part de l’État malien",
        reason="Plus précis.",
    )
    assert corrected.status_code == 303
    facts = client.get(f"/api/documents/{doc}").json()["facts"]
    fact = next(f for f in facts if f["id"] == fact_id)
    assert fact["review"]["state"] == "rejected"
    assert fact["subject"] == "part de l’État malien"
    assert fact["reviews"]["subject"]["extracted"] == "part de l’État"
    # Keyed by the evidence span, so re-extraction (new fact ids) keeps it.
    [key] = fact_verdicts(store.engine).rejected
    assert key == FactKey(doc, "quantities", fact["evidence"]["start"], fact["evidence"]["end"])
    tree = lxml.html.fromstring(client.get(f"/documents/{doc}").text)
    assert tree.xpath(f"//li[@id='detail-{fact_id}']/@class")[0].endswith("rejected")
    assert (
        review(client, f"/documents/{doc}/facts/99999/review", action="confirm").status_code == 404
    )


def test_signing_out_ends_the_session(client: TestClient) -> None:
    sign_in(client)
    token = csrf_of(client.get("/").text)
    cookie = client.cookies.get("suivi_session")
    assert client.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    client.cookies.set("suivi_session", cookie or "")
    assert "Se déconnecter" not in client.get("/").text
    assert re.search("Connexion analyste", client.get("/").text)


def test_typed_values_are_read_like_the_extracted_ones() -> None:
    from suivi.review import ReviewError, parse_value

    assert parse_value("25 000", 50000) == 25000
    assert parse_value("1,5", 2.0) == 1.5
    assert parse_value("ML ; RU; Rosatom", ["ML"]) == ["ML", "RU", "Rosatom"]
    assert parse_value("signed", "announced", "status", "agreement") == "signed"
    for typed, like, field in (("beaucoup", 1, "max"), ("", "x", "title"), ("done", "", "status")):
        with pytest.raises(ReviewError):
            parse_value(typed, like, field, "project")


def test_a_corrected_figure_changes_its_title_everywhere(client: TestClient, store: Store) -> None:
    from suivi.presentation import record_title

    sign_in(client)
    review(
        client,
        "/records/qty-000000000003/review",
        field="max",
        action="correct",
        value="40 000",
        reason="Le communiqué officiel donne 40 000 tonnes.",
    )
    fields = {"min": 25000, "max": 40000, "unit": "t", "per": None, "subject": "blé"}
    expected = record_title({"type": "quantity", "fields": fields}, "fr")
    assert "40" in expected and "50" not in expected
    public = TestClient(create_app(store.engine))
    assert public.get("/api/records/qty-000000000003").json()["title"] == expected
    listed = public.get("/api/records", params={"type": "quantity"}).json()["items"]
    assert next(r for r in listed if r["id"] == "qty-000000000003")["title"] == expected
    found = public.get("/api/records", params={"q": "blé"}).json()["items"]
    assert next(r for r in found if r["id"] == "qty-000000000003")["title"] == expected
    rows = list(csv.DictReader(io.StringIO(public.get("/api/records.csv").text)))
    assert next(r for r in rows if r["id"] == "qty-000000000003")["title"] == expected
    pledges = public.get("/api/stats").json()["pledges"]
    assert next(p for p in pledges if p["record"] == "qty-000000000003")["title"] == expected
    # The pages: heading, list and search results, in the reader's language.
    heading = lxml.html.fromstring(public.get("/records/qty-000000000003?lang=fr").text)
    assert " ".join(heading.xpath("//h1")[0].text_content().split()) == "25 000–40 000 t — blé"
    for url in ("/records?type=quantity", "/records?q=blé"):
        tree = lxml.html.fromstring(public.get(url).text)
        line = tree.xpath("//ol[@class='records']/li/a[@href='/records/qty-000000000003']")
        assert " ".join(line[0].text_content().split()) == "25 000–40 000 t — blé", url


def test_reviewed_fields_make_the_title_again(store: Store) -> None:
    from suivi.models import User
    from suivi.review import add_record_review, reviewed_records
    from suivi.store import get_record

    analyst = User(1, "awa")
    add_record_review(
        store.engine, analyst, "evt-000000000001", "place", "correct", "Koulouba", "Sénou", "x"
    )
    add_record_review(
        store.engine,
        analyst,
        "prj-000000000001",
        "name",
        "correct",
        "raffinerie de Sénou",
        "raffinerie d’or de Sénou",
        "x",
    )
    add_record_review(
        store.engine,
        analyst,
        "act-000000000002",
        "name",
        "correct",
        "Rosatom (société d’État)",
        "Rosatom",
        "x",
    )
    ids = ["evt-000000000001", "prj-000000000001", "act-000000000002", "agr-000000000001"]
    raw = [get_record(store.engine, i) for i in ids]
    shown = reviewed_records(store.engine, [r for r in raw if r])
    assert [r["id"] for r in shown] == ids  # the order given is kept
    assert [r["title"] for r in shown] == [
        "Cérémonie — Koulouba (16 juin 2025)",
        "raffinerie de Sénou",
        "Rosatom (société d’État)",
        "Accord sur l’utilisation pacifique de l’énergie atomique — Mali, Russie (Rosatom), 23 juin 2025",
    ]
    # A title an analyst wrote wins over one made from the fields.
    add_record_review(
        store.engine,
        analyst,
        "prj-000000000001",
        "title",
        "correct",
        "raffinerie aurifère",
        "raffinerie d’or de Sénou",
        "x",
    )
    [project] = reviewed_records(store.engine, [r for r in raw[1:2] if r])
    assert project["title"] == "raffinerie aurifère"


def test_a_record_with_reviewed_fields_is_marked_reviewed(client: TestClient) -> None:
    sign_in(client)
    review(client, "/records/qty-000000000003/review", field="max", action="confirm", reason="")
    for lang, mark in (("fr", "Relu ✓"), ("en", "Reviewed ✓")):
        tree = lxml.html.fromstring(client.get(f"/records?type=quantity&lang={lang}").text)
        line = tree.xpath("//a[@href='/records/qty-000000000003']/parent::li")[0]
        badges = [" ".join(b.text_content().split()) for b in line.xpath(".//span")]
        assert mark in badges, badges
        assert "Relire ✓" not in badges


def test_search_results_keep_the_stores_order_when_a_review_moves_filters(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from suivi.web import data

    sign_in(client)
    # A reviewed status: the list is then filtered in Python, not by the store's SQL.
    review(
        client,
        "/records/prj-000000000001/review",
        field="status",
        action="correct",
        value="preparatory",
        reason="Phase préparatoire annoncée.",
    )
    real = data.query_summaries

    def by_relevance(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        # Whatever order the store decides on (here the reverse of the default) is kept.
        items = real(*args, **kwargs)
        return items[::-1] if args[1].q else items

    monkeypatch.setattr(data, "query_summaries", by_relevance)
    from suivi.store import RecordFilter

    expected = [r["id"] for r in real(store.engine, RecordFilter(q="Sénou"))][::-1]
    assert len(expected) >= 2
    found = client.get("/api/records", params={"q": "Sénou"}).json()["items"]
    assert [r["id"] for r in found] == expected
    tree = lxml.html.fromstring(client.get("/records?q=Sénou").text)
    hrefs = tree.xpath("//ol[@class='records']/li/a/@href")
    assert hrefs == [f"/records/{i}" for i in expected]
    # Without words, the usual order: overdue first.
    assert client.get("/api/records").json()["items"][0]["id"] == "prj-000000000002"


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("kind", "pledge", "pledge"),
        ("unit", "XOF", "XOF"),
        ("per", "month", "month"),
        ("sectors", "energy; mining", ["energy", "mining"]),
    ],
)
def test_closed_fields_take_their_known_values(field: str, typed: str, expected: object) -> None:
    from suivi.review import parse_value

    like = ["trade"] if field == "sectors" else "x"
    assert parse_value(typed, like, field, "quantity") == expected


@pytest.mark.parametrize(
    ("field", "typed"),
    [("kind", "promesse"), ("unit", "tonnes"), ("per", "mensuel"), ("sectors", "energy; mines")],
)
def test_a_typo_in_a_closed_field_is_refused(field: str, typed: str) -> None:
    from suivi.review import ReviewError, parse_value

    like = ["trade"] if field == "sectors" else "x"
    with pytest.raises(ReviewError, match="use"):
        parse_value(typed, like, field, "quantity")


def test_a_new_password_or_a_disabled_account_ends_its_sessions(tmp_path: Any) -> None:
    from suivi.store import create
    from suivi.store.accounts import add_user, disable_user, find_session, open_session

    engine = create(str(tmp_path / "accounts.db"))
    awa = add_user(engine, "awa", PASSWORD)
    token = open_session(engine, awa)
    assert find_session(engine, token) is not None
    add_user(engine, "awa", "un-autre-mot-de-passe-2026")
    assert find_session(engine, token) is None
    token = open_session(engine, awa)
    done = CliRunner().invoke(user, ["disable", "awa", "--db", str(tmp_path / "accounts.db")])
    assert done.exit_code == 0, done.output
    assert find_session(engine, token) is None
    client = TestClient(create_app(engine))
    page = client.get("/login")
    signed = client.post(
        "/login",
        data={"name": "awa", "password": "un-autre-mot-de-passe-2026", "csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert signed.status_code != 303
    unknown = CliRunner().invoke(user, ["disable", "nobody", "--db", str(tmp_path / "accounts.db")])
    assert unknown.exit_code == 1 and "no such account" in unknown.output
    with pytest.raises(Exception, match="no such account"):
        disable_user(engine, "nobody")
