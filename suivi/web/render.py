"""Pages rendered from templates, in the reader's language, with what every page needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from suivi.web import formatting
from suivi.web.i18n import DEFAULT, LANGS, labeller, plural, translator
from suivi.web.security import CSRF_COOKIE, csrf_token, current_session

HERE = Path(__file__).parent
LANG_COOKIE = "lang"
YEAR = 365 * 24 * 3600

# Autoescape on for every template: everything from records and articles is escaped.
templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
)


def lang_of(request: Request) -> str:
    """``?lang=`` if given, else the reader's cookie, else French."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return str(asked)
    cookie = request.cookies.get(LANG_COOKIE)
    return cookie if cookie in LANGS else DEFAULT


def switch_url(request: Request, lang: str) -> str:
    """This page in another language (the choice is then kept in a cookie)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    params.append(("lang", lang))
    return f"{request.url.path}?{urlencode(params)}"


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """The page ``template`` with ``context`` and the shared helpers."""
    lang = lang_of(request)
    session = current_session(request)
    full = {
        "lang": lang,
        "t": translator(lang),
        "label": labeller(lang),
        "words": plural(lang),
        "title_of": lambda item: formatting.title(item, lang),
        "session": session,
        "csrf": csrf_token(request),
        "switch_url": lambda other: switch_url(request, other),
        "number": lambda v: formatting.number(v, lang),
        "when": lambda v: formatting.when(v, lang),
        "value": lambda f, v: formatting.value(f, v, lang),
        "country": lambda c: formatting.country(str(c), lang),
        "quantity": lambda fields: formatting.quantity(fields, lang),
        "path": request.url.path,
        **context,
    }
    response = templates.TemplateResponse(request, template, full, status_code=status_code)
    response.headers["Content-Language"] = lang
    response.headers["Vary"] = "Cookie"
    if request.query_params.get("lang") in LANGS and request.cookies.get(LANG_COOKIE) != lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=YEAR, samesite="lax")
    new_csrf = getattr(request.state, "new_csrf", None)
    if new_csrf:
        response.set_cookie(
            CSRF_COOKIE,
            new_csrf,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
    if session is not None:
        # Pages seen by an analyst carry their tokens: never kept by a shared cache.
        response.headers["Cache-Control"] = "private, no-store"
    return response
