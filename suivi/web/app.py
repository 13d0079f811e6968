"""The portal: pages, the JSON API and static assets, all served by this one app."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from suivi.presentation import LOCALES, N_
from suivi.settings import ANSWER_CACHE_MB
from suivi.store import create
from suivi.web.answers import Answers
from suivi.web.caching import Revalidate
from suivi.web.errors import NotFound
from suivi.web.render import language_of, render, warm
from suivi.web.throttle import SignInThrottle
from suivi.web.views import (
    actors,
    api,
    auth,
    dashboard,
    documents,
    feeds,
    following,
    queue,
    record,
    records,
    review,
)

STATIC = Path(__file__).parent / "static"

# Only this site's own files run or load: an article's markup can never bring in a script,
# even if it escaped escaping.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# Sent on HTTPS answers only (directly, or behind a proxy trusted by `serve --proxy-headers`):
# browsers then refuse plain HTTP to this site for a year.
HSTS = "max-age=31536000"

MESSAGES = {
    401: N_("Cette action est réservée aux analystes connectés."),
    403: N_("Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez."),
    404: N_("Page introuvable."),
    422: N_("Requête incorrecte."),
}
# What a page says was not found, by kind of item (the API says it in English).
NOT_FOUND = {
    "record": N_("Aucune fiche n’a l’identifiant « %(id)s »."),
    "actor": N_("Aucun acteur n’a l’identifiant « %(id)s »."),
    "document": N_("Aucun document n’a l’identifiant « %(id)s »."),
    "fact": N_("Aucun fait n’a l’identifiant « %(id)s » dans ce document."),
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


class SecurityHeaders:
    """The security headers on every answer, HSTS on HTTPS ones, a day's cache for assets."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if scope.get("scheme") == "https" and "strict-transport-security" not in headers:
                    headers["Strict-Transport-Security"] = HSTS
                if scope["path"].startswith("/static/"):
                    headers["Cache-Control"] = "public, max-age=86400"
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """Answers ``HEAD`` on every ``GET`` page and API route: the request is served as a GET
    and only its status and headers are sent. Routes keep declaring GET alone, so the
    OpenAPI description (and schemathesis) sees no HEAD operations."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] != "http.response.body":
                await send(message)
            elif not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def create_app(store: Engine | str, locales: Path = LOCALES) -> FastAPI:
    """The portal on ``store``: an engine, or a SQLite path or database URL to open. It
    offers every language with a catalogue in ``locales``."""
    engine = create(store) if isinstance(store, str) else store
    app = FastAPI(
        title="suivi",
        summary="Cooperation commitments between states, from the news, source by source.",
        version="1",
        # The interactive docs load scripts from a CDN: the description alone is served.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.engine = engine
    app.state.locales = locales
    app.state.languages = warm(locales)
    # Public answers kept until the store changes (web/answers.py).
    budget = int(float(ANSWER_CACHE_MB.value()) * 1024 * 1024)
    app.state.answers = Answers(budget) if budget > 0 else None
    app.state.throttle = SignInThrottle()
    # Signs the sign-in form's token (suivi.web.security); drawn anew when the portal starts.
    app.state.csrf_key = secrets.token_bytes(32)
    # Level 6 rather than 9: nearly as small, in a third of the time.
    app.add_middleware(GZipMiddleware, minimum_size=800, compresslevel=6)
    # Inside the headers below, so that a 304 carries them too.
    app.add_middleware(Revalidate)
    app.add_middleware(SecurityHeaders)
    # Outermost, so that every layer within serves a HEAD exactly as the GET it stands for.
    app.add_middleware(HeadAsGet)

    async def http_error(request: Request, error: Exception) -> Response:
        status = getattr(error, "status_code", 400)
        if isinstance(error, RequestValidationError):
            status = 422
        if _wants_json(request) or request.url.path == "/openapi.json":
            if isinstance(error, RequestValidationError):
                return JSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)
            detail = getattr(error, "detail", "error")
            if status == 404 and not isinstance(error, NotFound):
                detail = f"nothing at '{request.url.path}'"
            response: Response = JSONResponse({"detail": detail}, status_code=status)
        else:
            language = language_of(request)
            message = language.gettext(MESSAGES.get(status, MESSAGES[422]))
            if isinstance(error, NotFound) and error.kind in NOT_FOUND:
                message = language.gettext(NOT_FOUND[error.kind], id=error.ident)
            response = render(
                request, "error.html", {"status": status, "message": message, "back": None}, status
            )
        # Keep what the error says about itself, such as Allow on a 405.
        for name, value in (getattr(error, "headers", None) or {}).items():
            response.headers[name] = value
        return response

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, http_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Feeds before a record's page: /records/{id}.atom is not a record named "….atom".
    for module in (
        dashboard,
        feeds,
        following,
        records,
        record,
        actors,
        documents,
        auth,
        review,
        queue,
        api,
    ):
        app.include_router(module.router)
    return app
