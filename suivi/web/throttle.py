"""Sign-in attempts: failures slow guessing per account, per address, and per both.

Three counts over a sliding window, each with its own limit:

- an address and an account: a few failures lock that account for that address;
- an address, whatever the names tried: trying many names ("spraying" one password over
  many accounts) locks the address, not the accounts;
- an account, from every address: many failures lock it, except for the addresses it has
  signed in from, so an attacker with many addresses cannot shut its analyst out.

Names are counted exactly as given, as the store compares them: failures on ``alice`` never
lock the separate account ``Alice``. Kept in memory: a restart forgets it, which is acceptable
for slowing down password guessing on one portal process; argon2 already makes each guess
slow.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from threading import Lock

MAX_FAILURES = 5
MAX_ADDRESS_FAILURES = 20
MAX_ACCOUNT_FAILURES = 20
WINDOW_SECONDS = 15 * 60
# Past this many keys, counts that have emptied are dropped (names tried are unbounded).
_SWEEP_AT = 10_000

Key = tuple[str, ...]


class SignInThrottle:
    """Counts failed sign-ins per (address, account), per address and per account."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        *,
        max_address_failures: int = MAX_ADDRESS_FAILURES,
        max_account_failures: int = MAX_ACCOUNT_FAILURES,
    ) -> None:
        self.max_failures = max_failures
        self.max_address_failures = max_address_failures
        self.max_account_failures = max_account_failures
        self.window = window
        self.clock = clock
        self._failures: dict[Key, deque[float]] = {}
        self._known: dict[str, set[str]] = {}  # account → addresses it has signed in from
        self._lock = Lock()

    def _count(self, key: Key) -> int:
        times = self._failures.get(key)
        if times is None:
            return 0
        while times and self.clock() - times[0] > self.window:
            times.popleft()
        if not times:
            del self._failures[key]
        return len(times)

    def blocked(self, address: str, name: str) -> bool:
        """Whether a sign-in to ``name`` from ``address`` is refused for now."""
        with self._lock:
            if self._count(("pair", address, name)) >= self.max_failures:
                return True
            if self._count(("address", address)) >= self.max_address_failures:
                return True
            return self._count(
                ("account", name)
            ) >= self.max_account_failures and address not in self._known.get(name, ())

    def failed(self, address: str, name: str) -> None:
        """Count one failed attempt."""
        with self._lock:
            now = self.clock()
            keys: list[Key] = [("pair", address, name), ("address", address), ("account", name)]
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)
            if len(self._failures) > _SWEEP_AT:
                for key in list(self._failures):
                    self._count(key)

    def succeeded(self, address: str, name: str) -> None:
        """Forget this address's failures on this account, and trust the address for it.

        The address's and the account's own counts stay: signing in to one's own account
        does not clear the way for guessing others'.
        """
        with self._lock:
            self._failures.pop(("pair", address, name), None)
            self._known.setdefault(name, set()).add(address)
