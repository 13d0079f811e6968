"""Analyst accounts: names and argon2 password hashes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select, update

from suivi.errors import SuiviError
from suivi.review.tables import users

_hasher = PasswordHasher()
# A hash to verify against when the name is unknown, so a wrong name costs as long as a
# wrong password and does not reveal which accounts exist.
_DUMMY = _hasher.hash("not a password")
NAME = re.compile(r"^[\w.-]{2,64}$", re.UNICODE)
MIN_PASSWORD = 10


@dataclass(frozen=True)
class User:
    """A signed-in analyst."""

    id: int
    name: str


def add_user(engine: Engine, name: str, password: str) -> User:
    """Create an account, or set a new password for an existing one."""
    if not NAME.match(name):
        raise SuiviError(f"{name!r}: a name is 2 to 64 letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD:
        raise SuiviError(f"the password needs at least {MIN_PASSWORD} characters")
    digest = _hasher.hash(password)
    with engine.begin() as connection:
        known = connection.execute(select(users.c.id).where(users.c.name == name)).scalar()
        if known is not None:
            connection.execute(
                update(users).where(users.c.id == known).values(password_hash=digest, active=True)
            )
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


def user_names(engine: Engine) -> dict[int, str]:
    """Every account's name by id (reviews show who made them)."""
    with engine.connect() as connection:
        return {int(i): str(n) for i, n in connection.execute(select(users.c.id, users.c.name))}
