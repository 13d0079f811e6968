"""Conditional GETs: every public page and API answer is tagged with the store's version.

The store increases its version on every write (store/state.py), so an ETag made of that
version, this code's own fingerprint and what selects the answer (address, language) changes
exactly when the answer can. A browser asking again with ``If-None-Match`` gets a 304 for the
cost of one small read, before any page is built.
"""

from __future__ import annotations

import hashlib
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from suivi import __version__
from suivi.presentation import LOCALES
from suivi.store.state import store_version
from suivi.web.answers import Answer, Answers
from suivi.web.render import LANG_COOKIE
from suivi.web.security import SESSION_COOKIE

HERE = Path(__file__).parent
# Pages that carry a form token, or are an analyst's: never answered from a browser's copy.
PRIVATE = ("/login", "/logout", "/review", "/static/")


def _fingerprint() -> str:
    # Templates and catalogues change what a page says without any write to the store.
    digest = hashlib.sha256(__version__.encode())
    for folder in (HERE / "templates", LOCALES):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE = _fingerprint()


def cacheable(request: Request) -> bool:
    """Whether the answer depends only on the store, the address and the reader's language."""
    if request.method not in ("GET", "HEAD") or request.url.path.startswith(PRIVATE):
        return False
    if request.cookies.get(SESSION_COOKIE):
        return False
    # A language chosen in the address is kept in a cookie by the page itself: build it.
    asked = request.query_params.get("lang")
    return not asked or asked == request.cookies.get(LANG_COOKIE)


def etag_of(request: Request, version: int) -> str:
    """The tag of this request's answer at store ``version``."""
    key = "|".join(
        (
            CODE,
            str(version),
            request.url.path,
            request.url.query,
            request.cookies.get(LANG_COOKIE) or "",
        )
    )
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:24] + '"'


def _matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    given = {part.strip() for part in header.split(",")}
    return "*" in given or etag in given or etag.removeprefix("W/") in given


def version_seen(request: Request) -> int | None:
    """The store version this request's tag was made at, if it was tagged: a page built at
    that version reads the caches kept for it without asking the store again."""
    return getattr(request.state, STATE_KEY, None)


STATE_KEY = "store_version"


class Revalidate:
    """Answers 304 when the reader's copy is current; tags every other public answer.

    A plain ASGI middleware: it adds headers to the answer's first message and never
    touches its body (Starlette's ``BaseHTTPMiddleware`` would relay every answer through
    a stream of its own)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if not cacheable(request):
            await self.app(scope, receive, send)
            return
        version = store_version(request.app.state.engine)
        scope.setdefault("state", {})[STATE_KEY] = version.number
        etag = etag_of(request, version.number)
        headers = {
            "etag": etag,
            "last-modified": format_datetime(version.changed_at, usegmt=True),
            # Kept, but asked about again each time: an answer is current only until a write.
            "cache-control": "no-cache",
            "vary": "Cookie, Accept-Encoding",
        }
        if _matches(request.headers.get("if-none-match"), etag):
            await Response(status_code=304, headers=headers)(scope, receive, send)
            return
        answers: Answers | None = getattr(request.app.state, "answers", None)
        key = (etag, "gzip" in request.headers.get("accept-encoding", ""))
        kept = answers.get(version.number, key) if answers is not None else None
        if kept is not None:
            # A copy of the kept headers: the layers outside add their own (HSTS on HTTPS).
            start = {"type": "http.response.start", "status": 200, "headers": list(kept.headers)}
            await send(start)
            await send({"type": "http.response.body", "body": kept.body})
            return
        started: dict[str, Any] = {}

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] == 200:
                    given = MutableHeaders(scope=message)
                    for name, value in headers.items():
                        if name not in given:
                            given[name] = value
                    # Kept only if it sets no cookie and comes whole (not a streamed export).
                    if "set-cookie" not in given:
                        started["headers"] = list(message["headers"])
            elif message["type"] == "http.response.body" and started:
                if message.get("more_body", False):
                    started.clear()
                elif answers is not None and not scope["state"].get("carries_token"):
                    body = bytes(message.get("body", b""))
                    answers.put(version.number, key, Answer(200, started["headers"], body))
            await send(message)

        await self.app(scope, receive, tagged)
