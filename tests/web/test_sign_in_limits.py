"""Accounts: passwords hard to guess, and sign-in limits that never lock another account."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from suivi.cli.portal import user
from suivi.store import create
from suivi.store.accounts import add_user, authenticate
from suivi.web import create_app
from suivi.web.throttle import SignInThrottle

PASSWORD = "baobab-sous-la-pluie-17"


def _client(tmp_path: Path, *names: str) -> TestClient:
    engine = create(str(tmp_path / "s.db"))
    for name in names:
        add_user(engine, name, PASSWORD)
    return TestClient(create_app(engine))


def _sign_in(client: TestClient, name: str, password: str) -> int:
    page = client.get("/login").text
    [token] = lxml.html.fromstring(page).xpath("//input[@name='csrf']/@value")
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf": token},
        follow_redirects=False,
    )
    return response.status_code


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaa",
        " " * 10,
        "mariam12345",
        "Mariam2024",
        "azertyuiop",
        "motdepasse123",
        "Password123!",
    ],
    ids=[
        "repeated",
        "spaces",
        "name-and-digits",
        "name-and-year",
        "keyboard",
        "common-fr",
        "common",
    ],
)
def test_easy_passwords_are_refused_in_one_line(tmp_path: Path, password: str) -> None:
    db = str(tmp_path / "s.db")
    add_user(create(db), "mariam", PASSWORD)
    result = CliRunner().invoke(
        user, ["add", "mariam", "--password-stdin", "--db", db], input=password + "\n"
    )
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith("Error: the password is too easy to guess")
    # The account keeps the password it had.
    engine = create(db)
    assert authenticate(engine, "mariam", PASSWORD) is not None
    assert authenticate(engine, "mariam", password) is None


def test_failures_on_one_name_never_lock_another_spelled_differently(tmp_path: Path) -> None:
    client = _client(tmp_path, "alice", "Alice")
    for _ in range(5):
        assert _sign_in(client, "alice", "pas-le-bon-mot") == 401
    assert _sign_in(client, "alice", PASSWORD) == 429
    assert _sign_in(client, "Alice", PASSWORD) == 303


def test_trying_many_names_from_one_address_locks_the_address(tmp_path: Path) -> None:
    client = _client(tmp_path, "awa")
    for number in range(20):
        assert _sign_in(client, f"analyste{number}", "ete-2024-soleil") == 401
    # No name was tried five times, yet the address may sign in no more.
    assert _sign_in(client, "awa", PASSWORD) == 429


def test_an_account_attacked_from_many_addresses_stays_open_to_its_own() -> None:
    now = [0.0]
    throttle = SignInThrottle(
        max_failures=3, window=60, clock=lambda: now[0], max_account_failures=4
    )
    throttle.succeeded("10.0.0.1", "awa")  # where the analyst works from
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"):
        throttle.failed(address, "awa")
    assert throttle.blocked("203.0.113.9", "awa")  # a new address: the account is locked
    assert not throttle.blocked("10.0.0.1", "awa")  # its analyst's address is not
    assert not throttle.blocked("203.0.113.9", "Awa") and not throttle.blocked(
        "203.0.113.9", "ibra"
    )
    now[0] = 61
    assert not throttle.blocked("203.0.113.9", "awa")


def test_a_successful_sign_in_does_not_clear_an_address_for_spraying() -> None:
    throttle = SignInThrottle(max_failures=5, max_address_failures=3)
    for name in ("a1", "a2", "a3"):
        throttle.failed("203.0.113.1", name)
    throttle.succeeded("203.0.113.1", "mine")
    assert throttle.blocked("203.0.113.1", "a4")


def test_a_sign_in_token_pair_chosen_by_another_site_is_refused(tmp_path: Path) -> None:
    # Another site that can set a cookie for this one (a sibling subdomain) plants a token
    # and posts the same token with its own account's name: the analyst would be signed in
    # as the attacker. Only tokens this portal minted count.
    client = _client(tmp_path, "intrus")
    client.cookies.set("suivi_csrf", "jeton-choisi-par-l-intrus")
    response = client.post(
        "/login",
        data={"name": "intrus", "password": PASSWORD, "csrf": "jeton-choisi-par-l-intrus"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert "suivi_session" not in response.headers.get("set-cookie", "")
    # The login page replaces the planted cookie with a token of its own, which works.
    assert _sign_in(client, "intrus", PASSWORD) == 303
