"""Fetching a URL safely: one deadline, a size limit while decoding, few redirects, public
addresses only (unless ``SUIVI_ALLOW_PRIVATE_URLS=1``), and one clear line when it fails."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from suivi.errors import SourceError
from suivi.sources.addresses import check_host
from suivi.sources.inflate import ACCEPTED, EncodingError, decoded


@dataclass(frozen=True)
class Fetched:
    """The bytes a URL answered with, and what they claim to be."""

    url: str
    data: bytes
    content_type: str
    status: int = 200
    # The validators the answer carried, for the next conditional GET of the same URL.
    etag: str | None = None
    last_modified: str | None = None

    @property
    def unchanged(self) -> bool:
        """Whether the server said the copy asked about is current (304 Not Modified)."""
        return self.status == 304


class Unreachable(SourceError):
    """No answer: the host could not be reached, or did not answer in time."""


class StatusError(SourceError):
    """The server answered with an HTTP error status."""

    def __init__(self, source: str, status: int) -> None:
        super().__init__(source, f"the server answered HTTP {status}")
        self.status = status


def host_trouble(error: SourceError) -> bool:
    """Whether ``error`` says the host is unwell (unreachable, too slow, a 5xx, a 429)
    rather than that this one input is wrong: what a polite client backs off from."""
    if isinstance(error, StatusError):
        return error.status >= 500 or error.status == 429
    return isinstance(error, Unreachable)


# What an article or a feed is served as; an empty type is sniffed from the bytes.
ARTICLE_TYPES = {
    "",
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/pdf",
}


def is_article_type(content_type: str) -> bool:
    """Whether a URL answering ``content_type`` may hold an article or a feed."""
    return content_type in ARTICLE_TYPES


# Redirects followed at most; more is a loop or a trap.
MAX_REDIRECTS = 5


def fetch(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    user_agent: str,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """GET ``url`` within ``timeout`` seconds in all; refuse errors and bodies over ``max_bytes``.

    Redirects are followed by hand, each target checked like the first URL. ``headers`` are
    sent too (``If-None-Match``, ``If-Modified-Since``: a conditional GET, whose 304 answer
    comes back as a :class:`Fetched` without data).
    """
    deadline = time.monotonic() + timeout
    try:
        with httpx.Client(
            follow_redirects=False,
            headers={**(headers or {}), "User-Agent": user_agent, "Accept-Encoding": ACCEPTED},
        ) as client:
            target = httpx.URL(url)
            for _hop in range(MAX_REDIRECTS + 1):
                _check(url, target)
                got = _get(client, url, target, deadline, max_bytes)
                if isinstance(got, Fetched):
                    return got
                target = got
            raise SourceError(url, f"too many redirects (more than {MAX_REDIRECTS})")
    except httpx.TimeoutException as error:
        raise Unreachable(
            url, f"no answer within {timeout:g} s (set SUIVI_FETCH_TIMEOUT)"
        ) from error
    except httpx.InvalidURL as error:
        # Not an httpx.HTTPError: a malformed link (``http://[::1``) would escape otherwise.
        raise SourceError(url, f"not a valid URL ({error})") from error
    except httpx.HTTPError as error:
        raise Unreachable(url, f"unreachable ({type(error).__name__}: {error})") from error


def _check(url: str, target: httpx.URL) -> None:
    if target.scheme not in ("http", "https"):
        raise SourceError(url, f"only http:// and https:// URLs can be fetched, not {target}")
    if not target.host:
        raise SourceError(url, "not a valid URL (no host)")
    check_host(url, target.host, target.port or (443 if target.scheme == "https" else 80))


def _get(
    client: httpx.Client, url: str, target: httpx.URL, deadline: float, max_bytes: int
) -> Fetched | httpx.URL:
    """The answer of one request, or where it redirects to."""
    with client.stream("GET", target, timeout=_left(deadline)) as response:
        if response.is_redirect and "location" in response.headers:
            return target.join(response.headers["location"])
        if response.status_code == 304:
            return Fetched(str(response.url), b"", "", 304, *_validators(response))
        if response.status_code >= 400:
            raise StatusError(url, response.status_code)
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if not is_article_type(content_type):
            # Refused on its headers: a JSON answer or an image is not read at all.
            raise SourceError(
                url,
                f"not an article (content type {content_type}; "
                "expected a web page, plain text, a PDF or a feed)",
            )
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise SourceError(
                url,
                f"too large ({declared} bytes; the limit is {max_bytes}, set SUIVI_MAX_BYTES)",
            )
        data = _body(response, url, deadline, max_bytes)
        return Fetched(
            str(response.url), data, content_type, response.status_code, *_validators(response)
        )


def _validators(response: httpx.Response) -> tuple[str | None, str | None]:
    return response.headers.get("etag"), response.headers.get("last-modified")


def _body(response: httpx.Response, url: str, deadline: float, max_bytes: int) -> bytes:
    # The size is counted after decoding, piece by piece: a small compressed answer may
    # expand to gigabytes. The deadline is checked after every piece, so a server sending a
    # byte a second fails on time, not when each read waits too long.
    chunks: list[bytes] = []
    size = 0
    try:
        for piece in decoded(response.iter_raw(), response.headers.get("content-encoding", "")):
            size += len(piece)
            if size > max_bytes:
                raise SourceError(url, f"too large (over {max_bytes} bytes; set SUIVI_MAX_BYTES)")
            _left(deadline)
            chunks.append(piece)
    except EncodingError as error:
        raise SourceError(url, f"unreadable answer ({error})") from error
    return b"".join(chunks)


def _left(deadline: float) -> float:
    """Seconds left before ``deadline``; a timeout once it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpx.ReadTimeout("the deadline for this document has passed")
    return left
