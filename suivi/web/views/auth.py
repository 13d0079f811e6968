"""Analysts sign in and out; reading never needs an account."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from suivi.store.accounts import authenticate, close_session, open_session
from suivi.web.render import render
from suivi.web.security import SESSION_COOKIE, check_csrf, safe_next, set_private_cookie

router = APIRouter()


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    """The sign-in form."""
    return render(request, "login.html", {"next": safe_next(next), "failed": False})


@router.post("/login", include_in_schema=False)
def login(
    request: Request,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1000)],
    csrf: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Open a session and go back where the analyst was."""
    check_csrf(request, csrf)
    engine = request.app.state.engine
    throttle = request.app.state.throttle
    address = request.client.host if request.client else ""
    if throttle.blocked(address, name.strip()):
        context = {"next": safe_next(next), "failed": False, "locked": True}
        return render(request, "login.html", context, 429)
    user = authenticate(engine, name.strip(), password)
    if user is None:
        throttle.failed(address, name.strip())
        return render(request, "login.html", {"next": safe_next(next), "failed": True}, 401)
    throttle.succeeded(address, name.strip())
    token = open_session(engine, user)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_private_cookie(response, request, SESSION_COOKIE, token, max_age=12 * 3600)
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    """Close the session."""
    check_csrf(request, csrf)
    close_session(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
