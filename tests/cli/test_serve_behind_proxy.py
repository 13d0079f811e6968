"""`suivi serve` behind a proxy that terminates TLS: Secure cookies and HSTS, on a real server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from click.testing import CliRunner

from suivi.cli import cli
from suivi.store import create


@contextmanager
def _serving(db: Path, *options: str) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "suivi", "--db", str(db), "serve", "--port", str(port)]
    server = subprocess.Popen([*command, *options], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.25)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _login_page(base: str, scheme: str | None) -> httpx.Response:
    headers = {"X-Forwarded-Proto": scheme, "X-Forwarded-For": "198.51.100.7"} if scheme else {}
    response = httpx.get(f"{base}/login", headers=headers)
    assert response.status_code == 200
    return response


def test_a_trusted_proxy_makes_cookies_secure_and_sends_hsts(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    create(str(db))
    with _serving(db, "--proxy-headers", "--forwarded-allow-ips", "127.0.0.1") as base:
        https = _login_page(base, "https")
        plain = _login_page(base, None)
    assert https.headers["strict-transport-security"] == "max-age=31536000"
    assert "Secure" in https.headers["set-cookie"]
    assert "strict-transport-security" not in plain.headers
    assert "Secure" not in plain.headers["set-cookie"]


def test_forwarding_headers_are_ignored_unless_asked_for_or_from_another_proxy(
    tmp_path: Path,
) -> None:
    db = tmp_path / "s.db"
    create(str(db))
    for options in ([], ["--proxy-headers", "--forwarded-allow-ips", "10.0.0.1"]):
        with _serving(db, *options) as base:
            forged = _login_page(base, "https")
        assert "strict-transport-security" not in forged.headers, options
        assert "Secure" not in forged.headers["set-cookie"], options


def test_proxy_options_are_checked_before_the_server_starts(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    alone = CliRunner().invoke(cli, ["--db", db, "serve", "--forwarded-allow-ips", "10.0.0.1"])
    assert alone.exit_code == 2 and "--forwarded-allow-ips needs --proxy-headers" in alone.output
    wrong = CliRunner().invoke(
        cli, ["--db", db, "serve", "--proxy-headers", "--forwarded-allow-ips", "proxy.local"]
    )
    assert wrong.exit_code == 2
    assert "'proxy.local' is not an address or a network" in wrong.output
