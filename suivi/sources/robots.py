"""robots.txt: whether a site lets suivi fetch one of its pages.

The rules are read with the standard library's ``urllib.robotparser``; the file itself is
fetched through the same bounded, address-checked fetcher as every other URL, once per
site and kept for a day.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from suivi.errors import SourceError
from suivi.sources.web import Fetched, StatusError

# How long a site's rules are kept before they are fetched again.
KEEP_SECONDS = 24 * 3600

# The name suivi answers to in robots.txt (``User-agent: suivi``).
AGENT = "suivi"


class Robots:
    """The robots.txt rules of every site asked about, fetched with ``get`` on first use."""

    def __init__(self, get: Callable[[str], Fetched], now: Callable[[], float] = time.time):
        self._get = get
        self._now = now
        self._rules: dict[str, tuple[float, RobotFileParser]] = {}

    def allowed(self, url: str) -> bool:
        """Whether ``url`` may be fetched. A site without robots.txt (404) allows all; one
        that refuses to show it (401, 403) allows nothing, as the standard says.

        A site whose robots.txt cannot be had (unreachable, 5xx) raises the fetch's error:
        the page is not fetched, and is asked for again at the next poll.
        """
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        kept = self._rules.get(site)
        if kept is None or self._now() - kept[0] > KEEP_SECONDS:
            kept = (self._now(), self._read(site))
            self._rules[site] = kept
        return kept[1].can_fetch(AGENT, url)

    def _read(self, site: str) -> RobotFileParser:
        rules = RobotFileParser(f"{site}/robots.txt")
        try:
            got = self._get(f"{site}/robots.txt")
        except StatusError as error:
            if error.status in (401, 403):
                rules.disallow_all = True  # type: ignore[attr-defined]
            elif error.status < 500 and error.status != 429:
                rules.allow_all = True  # type: ignore[attr-defined]
            else:
                raise
            return rules
        except SourceError as error:
            if "not an article" in error.problem:
                rules.allow_all = True  # type: ignore[attr-defined]  # a robots.txt served as JSON or an image says nothing
                return rules
            raise
        rules.parse(got.data.decode("utf-8", errors="replace").splitlines())
        return rules
