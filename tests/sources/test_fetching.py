"""Fetching from hostile servers: one deadline, a size limit while decoding, few redirects,
and no local or private address unless allowed."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import HTML_PAGE

from suivi.cli import cli
from suivi.errors import SourceError
from suivi.sources import addresses
from suivi.sources.web import fetch

Answer = Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def serving(answers: dict[str, Answer]) -> Iterator[str]:
    """A server on 127.0.0.1 where each path is answered by its own function."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with suppress(BrokenPipeError, ConnectionResetError):
                answers[self.path](self)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def page(handler: BaseHTTPRequestHandler) -> None:
    body = HTML_PAGE.encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(20):  # one byte a second; stops in the end so a failing test ends too
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(1)


def redirect_to(location: str) -> Answer:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def get(url: str, max_bytes: int = 1_000_000, timeout: float = 5.0) -> Any:
    return fetch(url, timeout=timeout, max_bytes=max_bytes, user_agent="suivi-test")


@pytest.fixture
def local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_URLS", "1")  # the servers are on 127.0.0.1


def test_a_trickling_server_fails_at_the_overall_deadline(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, local: None
) -> None:
    monkeypatch.setenv("SUIVI_FETCH_TIMEOUT", "2")
    with serving({"/slow": trickle}) as base:
        began = time.monotonic()
        result = CliRunner().invoke(
            cli, ["--db", str(tmp_path / "s.db"), "ingest", "--no-extract", f"{base}/slow"]
        )
        took = time.monotonic() - began
    assert result.exit_code == 1
    assert f"suivi: {base}/slow: no answer within 2 s (set SUIVI_FETCH_TIMEOUT)" in result.stderr
    assert took < 4.5


def _compressed(body: bytes, encoding: str) -> Any:
    """An answer of an HTML page sent with ``Content-Encoding: encoding``."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Encoding", encoding)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return answer


def test_a_nested_gzip_bomb_fails_fast_with_little_memory(local: None) -> None:
    bomb = gzip.compress(gzip.compress(b"\0" * 50_000_000))
    with serving({"/bomb": _compressed(bomb, "gzip, gzip")}) as base:
        tracemalloc.start()
        try:
            with pytest.raises(SourceError, match=r"too large \(over 1000000 bytes"):
                get(f"{base}/bomb")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 8_000_000


def test_gzip_answers_are_still_read(local: None) -> None:
    body = gzip.compress(HTML_PAGE.encode())
    with serving({"/z": _compressed(body, "gzip")}) as base:
        assert get(f"{base}/z").data == HTML_PAGE.encode()


def test_five_redirects_are_followed_and_a_sixth_is_refused(local: None) -> None:
    answers: dict[str, Answer] = {"/page": page, "/r0": redirect_to("/page")}
    for hop in range(1, 7):
        answers[f"/r{hop}"] = redirect_to(f"/r{hop - 1}")
    with serving(answers) as base:
        got = get(f"{base}/r4")  # r4 → r3 → r2 → r1 → r0 → page: five redirects
        assert got.url == f"{base}/page" and got.data == HTML_PAGE.encode()
        with pytest.raises(SourceError) as refused:
            get(f"{base}/r5")
    assert str(refused.value) == f"{base}/r5: too many redirects (more than 5)"


def test_local_addresses_are_refused_by_default() -> None:
    with serving({"/page": page}) as base, pytest.raises(SourceError) as refused:
        get(f"{base}/page")
    assert str(refused.value) == (
        f"{base}/page: refused: 127.0.0.1 resolves to a local or private address (127.0.0.1); "
        "set SUIVI_ALLOW_PRIVATE_URLS=1 to allow it"
    )


def test_a_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The local server stands for a public one: only 127.0.0.1 is let through.
    real = addresses.is_blocked
    loopback = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(addresses, "is_blocked", lambda a: a != loopback and real(a))
    answers = {"/go": redirect_to("http://169.254.169.254/latest/meta-data/")}
    refused = r"refused: 169\.254\.169\.254 resolves to a local"
    with serving(answers) as base, pytest.raises(SourceError, match=refused):
        get(f"{base}/go")


def test_a_host_with_one_private_address_among_others_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        assert host == "mixed.example"
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("fd00::1", port, 0, 0)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(SourceError, match=r"local or private address \(fd00::1\)"):
        get("http://mixed.example/a")


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("169.254.169.254", True),
        ("fe80::1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("100.64.0.1", True),
        ("0.0.0.0", True),
        ("::ffff:127.0.0.1", True),
        ("224.0.0.1", True),
        ("93.184.216.34", False),
        ("2606:4700::1111", False),
    ],
)
def test_which_addresses_are_blocked(address: str, blocked: bool) -> None:
    assert addresses.is_blocked(ipaddress.ip_address(address)) is blocked
