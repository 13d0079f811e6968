"""Pages rendered from templates, in the reader's language, with what every page needs."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from suivi.presentation import (
    LOCALES,
    SOURCE,
    Language,
    figure,
    get_language,
    languages,
    record_title,
    right_to_left,
)
from suivi.web.atom import alternate_feeds
from suivi.web.security import CSRF_COOKIE, csrf_token, current_session, set_private_cookie

HERE = Path(__file__).parent
LANG_COOKIE = "lang"
YEAR = 365 * 24 * 3600


def locales_of(request: Request) -> Path:
    """The catalogues the portal speaks from (a portal may be given its own)."""
    return getattr(request.app.state, "locales", LOCALES)


def offered(request: Request) -> tuple[str, ...]:
    """The languages the portal speaks: read from disk once, when it starts (``warm``)."""
    known = getattr(request.app.state, "languages", None)
    return known if known is not None else languages(locales_of(request))


def lang_of(request: Request) -> str:
    """``?lang=`` if given, else the reader's cookie, else French."""
    offered_here = offered(request)
    asked = request.query_params.get("lang")
    if asked in offered_here:
        return str(asked)
    cookie = request.cookies.get(LANG_COOKIE)
    return cookie if cookie in offered_here else SOURCE


def language_of(request: Request) -> Language:
    """The reader's language, with its catalogue."""
    return get_language(lang_of(request), locales_of(request))


def switch_url(request: Request, lang: str) -> str:
    """This page in another language (the choice is then kept in a cookie)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    params.append(("lang", lang))
    return f"{request.url.path}?{urlencode(params)}"


@cache
def templates_in(language: Language) -> Jinja2Templates:
    """The templates with ``language``'s catalogue installed, and its ways with values."""
    # Autoescape on for every template: everything from records and articles is escaped.
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(language.translations, newstyle=True)  # type: ignore[attr-defined]
    # The language's own ways with values, named as the templates call them.
    helpers = ("label", "number", "when", "value", "country")
    env.globals.update({name: getattr(language, name) for name in helpers})
    env.globals.update(
        lang=language.code,
        rtl=right_to_left(language.code),
        quantity=lambda fields: figure(fields, language),
        title_of=lambda item: record_title(item, language),
        strong=lambda n, ident=None: Markup("<strong{}>{}</strong>").format(
            Markup(' id="{}"').format(ident) if ident else "", language.number(n)
        ),
    )
    return Jinja2Templates(env=env)


def warm(locales: Path) -> tuple[str, ...]:
    """Every template compiled in every language offered, before the first reader comes:
    readers arriving together at a new portal would otherwise each compile them again."""
    offered_here = languages(locales)
    for code in offered_here:
        templates = templates_in(get_language(code, locales))
        for path in (HERE / "templates").glob("*.html"):
            templates.get_template(path.name)
    return offered_here


class FormToken:
    """The token a page's forms carry, made only when a form is written: a page without
    one (every page a reader sees) sets no cookie, and can be kept and sent again."""

    def __init__(self, request: Request) -> None:
        self.request = request

    def __str__(self) -> str:
        # A page carrying a reader's token is never kept and sent to another (web/answers.py).
        self.request.state.carries_token = True
        return csrf_token(self.request)

    def __html__(self) -> str:
        return str(escape(str(self)))


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """The page ``template`` with ``context`` and the shared helpers."""
    language = language_of(request)
    session = current_session(request)
    full = {
        "languages": offered(request),
        "session": session,
        "csrf": FormToken(request),
        "switch_url": lambda other: switch_url(request, other),
        "path": request.url.path,
        "feeds": alternate_feeds(request, language),
        **context,
    }
    templates = templates_in(language)
    response = templates.TemplateResponse(request, template, full, status_code=status_code)
    response.headers["Content-Language"] = language.code
    response.headers["Vary"] = "Cookie"
    asked = request.query_params.get("lang")
    if asked == language.code and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, language.code, max_age=YEAR, samesite="lax")
    new_csrf = getattr(request.state, "new_csrf", None)
    if new_csrf:
        set_private_cookie(response, request, CSRF_COOKIE, new_csrf)
    if session is not None:
        # Pages seen by an analyst carry their tokens: never kept by a shared cache.
        response.headers["Cache-Control"] = "private, no-store"
    return response
