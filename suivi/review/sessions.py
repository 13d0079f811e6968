"""Sign-in sessions kept in the store: a random token in the cookie, its hash in the table.

Each session carries its own CSRF token; forms shown before sign-in use a double-submit
token instead (see suivi.web.security).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select

from suivi.review.tables import sessions, users
from suivi.review.users import User

LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class Session:
    """Who is signed in, and the token their forms must carry."""

    user: User
    csrf: str


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(engine: Engine, user: User) -> str:
    """A new session for ``user``; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        # Expired sessions are removed whenever someone signs in: no separate clean-up job.
        connection.execute(delete(sessions).where(sessions.c.expires_at < now))
        connection.execute(
            sessions.insert().values(
                id=_key(token),
                user_id=user.id,
                csrf=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + LIFETIME,
            )
        )
    return token


def find_session(engine: Engine, token: str | None) -> Session | None:
    """The live session behind a cookie's token, or None."""
    if not token or len(token) > 200:
        return None
    query = (
        select(users.c.id, users.c.name, sessions.c.csrf, sessions.c.expires_at)
        .join(users, users.c.id == sessions.c.user_id)
        .where(sessions.c.id == _key(token), users.c.active.is_(True))
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires < datetime.now(UTC):
        return None
    return Session(user=User(id=int(row.id), name=str(row.name)), csrf=str(row.csrf))


def close_session(engine: Engine, token: str | None) -> None:
    """Sign out: the token stops working at once."""
    if token:
        with engine.begin() as connection:
            connection.execute(delete(sessions).where(sessions.c.id == _key(token)))


def same_token(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of two CSRF tokens; a missing one never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
