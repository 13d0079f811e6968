"""Who is signed in, and the CSRF check every form goes through.

Signed-in analysts' forms carry their session's token. The sign-in form, shown before any
session exists, carries a token that must match a cookie set with it (double submit), and
that this portal minted: it is signed with a key the process draws at start, so a pair of
cookie and field chosen by another site is refused.
Cookies are SameSite=Lax and HttpOnly, and a request whose Origin is another site is
refused whatever its token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlparse

from fastapi import HTTPException, Request, Response

from suivi.store.accounts import Session, find_session

SESSION_COOKIE = "suivi_session"
CSRF_COOKIE = "suivi_csrf"


def set_private_cookie(
    response: Response, request: Request, name: str, value: str, max_age: int | None = None
) -> None:
    """Set a cookie no script reads, sent back by this site's own pages only (SameSite=Lax),
    and over HTTPS only when the site is served so."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def current_session(request: Request) -> Session | None:
    """The signed-in analyst's session, looked up once per request."""
    if not hasattr(request.state, "session"):
        token = request.cookies.get(SESSION_COOKIE)
        request.state.session = find_session(request.app.state.engine, token)
    session: Session | None = request.state.session
    return session


def csrf_token(request: Request) -> str:
    """The token forms on this page must carry; a new cookie token is minted if needed."""
    session = current_session(request)
    if session is not None:
        return session.csrf
    token = request.cookies.get(CSRF_COOKIE)
    if not _minted(request, token):
        token = getattr(request.state, "new_csrf", None) or _sign(
            request, secrets.token_urlsafe(24)
        )
        request.state.new_csrf = token
    return str(token)


def _sign(request: Request, nonce: str) -> str:
    key: bytes = request.app.state.csrf_key
    return f"{nonce}.{hmac.new(key, nonce.encode(), hashlib.sha256).hexdigest()[:32]}"


def _minted(request: Request, token: str | None) -> bool:
    """Whether ``token`` is one this portal signed."""
    if not token or len(token) > 100:
        return False
    nonce = token.rpartition(".")[0]
    return bool(nonce) and same_token(token, _sign(request, nonce))


def check_csrf(request: Request, given: str | None) -> None:
    """Refuse (403) a form without the right token, or sent from another site."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlparse(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "csrf")
    session = current_session(request)
    cookie = request.cookies.get(CSRF_COOKIE)
    expected = session.csrf if session else (cookie if _minted(request, cookie) else None)
    if not same_token(given, expected):
        raise HTTPException(403, "csrf")


def require_analyst(request: Request) -> Session:
    """The session of the signed-in analyst; 401 for anyone else."""
    session = current_session(request)
    if session is None:
        raise HTTPException(401, "auth")
    return session


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site only, never another host."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def same_token(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of two CSRF tokens; a missing one never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
