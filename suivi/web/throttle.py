"""Sign-in attempts: after a few failures, an account is locked for a while from that address.

Kept in memory: a restart forgets it, which is acceptable for slowing down password guessing
on one portal process; argon2 already makes each guess slow.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from threading import Lock

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


class SignInThrottle:
    """Counts failed sign-ins per (address, account) over a sliding window."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = Lock()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and self.clock() - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, address: str, name: str) -> bool:
        """Whether this address has failed too often for this account lately."""
        with self._lock:
            return len(self._recent((address, name.casefold()))) >= self.max_failures

    def failed(self, address: str, name: str) -> None:
        """Count one failed attempt."""
        with self._lock:
            self._recent((address, name.casefold())).append(self.clock())

    def succeeded(self, address: str, name: str) -> None:
        """Forget the failures once the right password is given."""
        with self._lock:
            self._failures.pop((address, name.casefold()), None)
