"""Analysts' accounts and sessions: argon2 password hashes and hashed session tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, select, update

from suivi.errors import SuiviError
from suivi.models import User
from suivi.store.passwords import check_password
from suivi.store.schema import sessions, users

_hasher = PasswordHasher()
# A hash to verify against when the name is unknown, so a wrong name costs as long as a
# wrong password and does not reveal which accounts exist.
_DUMMY = _hasher.hash("not a password")
NAME = re.compile(r"^[\w.-]{2,64}$", re.UNICODE)
LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class Session:
    """Who is signed in, and the token their forms must carry."""

    user: User
    csrf: str


def add_user(engine: Engine, name: str, password: str) -> User:
    """Create an account, or set a new password for an existing one (a hard one to guess)."""
    if not NAME.match(name):
        raise SuiviError(f"{name!r}: a name is 2 to 64 letters, digits, '.', '_' or '-'")
    check_password(password, name)
    digest = _hasher.hash(password)
    with engine.begin() as connection:
        known = connection.execute(select(users.c.id).where(users.c.name == name)).scalar()
        if known is not None:
            connection.execute(
                update(users).where(users.c.id == known).values(password_hash=digest, active=True)
            )
            # A new password ends every session opened with the old one.
            connection.execute(delete(sessions).where(sessions.c.user_id == known))
            return User(id=int(known), name=name)
        result = connection.execute(
            users.insert().values(
                name=name, password_hash=digest, active=True, created_at=datetime.now(UTC)
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return User(id=int(key[0]), name=name)


def authenticate(engine: Engine, name: str, password: str) -> User | None:
    """The account if ``password`` is right for ``name``, else None."""
    with engine.connect() as connection:
        row = connection.execute(
            select(users.c.id, users.c.password_hash).where(
                users.c.name == name, users.c.active.is_(True)
            )
        ).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(id=int(row.id), name=name) if row else None


def _key(token: str) -> str:
    # Only the token's hash is stored: a copy of the store does not give sessions away.
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


def disable_user(engine: Engine, name: str) -> None:
    """Disable the account ``name``: it can no longer sign in, its sessions end at once, and
    the reviews it made stay (with its name). ``add_user`` with a new password enables it."""
    with engine.begin() as connection:
        known = connection.execute(select(users.c.id).where(users.c.name == name)).scalar()
        if known is None:
            raise SuiviError(f"{name!r}: no such account")
        connection.execute(update(users).where(users.c.id == known).values(active=False))
        connection.execute(delete(sessions).where(sessions.c.user_id == known))
