"""Every setting once: its name, default, environment variable and help.

Precedence: defaults < environment < command-line flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from platformdirs import user_data_dir


@dataclass(frozen=True)
class Setting:
    """One setting: what it is called, where it comes from, what it does."""

    name: str
    env: str
    default: str
    help: str

    def value(self, flag: str | None = None) -> str:
        """The flag if given, else the environment variable, else the default."""
        if flag is not None:
            return flag
        return os.environ.get(self.env) or self.default


def default_db_path() -> Path:
    """The default SQLite file, under the user's data directory."""
    return Path(user_data_dir("suivi", appauthor=False)) / "suivi.db"


DB = Setting(
    "db",
    "SUIVI_DB",
    str(default_db_path()),
    "SQLite file path or database URL (postgresql://…) of the store.",
)
FETCH_TIMEOUT = Setting(
    "fetch_timeout",
    "SUIVI_FETCH_TIMEOUT",
    "20",
    "Seconds allowed to fetch one URL, redirects and the whole body included.",
)
MAX_BYTES = Setting(
    "max_bytes",
    "SUIVI_MAX_BYTES",
    str(10 * 1024 * 1024),
    "Largest input accepted, in bytes (files and fetched pages).",
)
ALLOW_PRIVATE_URLS = Setting(
    "allow_private_urls",
    "SUIVI_ALLOW_PRIVATE_URLS",
    "0",
    "1 lets URLs on loopback, link-local and private addresses be fetched (refused by default).",
)
USER_AGENT = Setting(
    "user_agent",
    "SUIVI_USER_AGENT",
    "suivi/0.1 (+cooperation commitments monitor)",
    "User-Agent header sent when fetching URLs and feeds.",
)
WATCH_HOST_DELAY = Setting(
    "watch_host_delay",
    "SUIVI_WATCH_HOST_DELAY",
    "1",
    "Seconds suivi watch waits between two requests to the same host.",
)

PUBLISH_THRESHOLD = Setting(
    "publish_threshold",
    "SUIVI_PUBLISH_THRESHOLD",
    "0.3",
    "Records less sure than this (0 to 1) are held back for an analyst; 0 publishes all.",
)
ANSWER_CACHE_MB = Setting(
    "answer_cache_mb",
    "SUIVI_ANSWER_CACHE_MB",
    "32",
    "Megabytes of public pages and API answers the portal keeps until the store changes; "
    "0 keeps none.",
)
TODAY = Setting(
    "today",
    "SUIVI_TODAY",
    "",
    "Reference date (YYYY-MM-DD) for what is overdue; empty: today.",
)


def reference_today() -> date:
    """The date against which planned dates are overdue: ``SUIVI_TODAY``, else today."""
    given = TODAY.value()
    return date.fromisoformat(given) if given else date.today()
