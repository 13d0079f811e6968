"""Fetching a URL: with a timeout, a size limit, and one clear line when it fails."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from suivi.errors import SourceError


@dataclass(frozen=True)
class Fetched:
    """The bytes a URL answered with, and what they claim to be."""

    url: str
    data: bytes
    content_type: str


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
}


def is_article_type(content_type: str) -> bool:
    """Whether a URL answering ``content_type`` may hold an article or a feed."""
    return content_type in ARTICLE_TYPES


def fetch(url: str, *, timeout: float, max_bytes: int, user_agent: str) -> Fetched:
    """GET ``url``; refuse answers that are errors, too slow or larger than ``max_bytes``."""
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, headers={"User-Agent": user_agent}
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise SourceError(url, f"the server answered HTTP {response.status_code}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if not is_article_type(content_type):
                # Refused on its headers: a JSON answer or an image is not read at all.
                raise SourceError(
                    url,
                    f"not an article (content type {content_type}; "
                    "expected a web page, plain text or a feed)",
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise SourceError(
                    url,
                    f"too large ({declared} bytes; the limit is {max_bytes}, set SUIVI_MAX_BYTES)",
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise SourceError(
                        url, f"too large (over {max_bytes} bytes; set SUIVI_MAX_BYTES)"
                    )
                chunks.append(chunk)
            return Fetched(url=str(response.url), data=b"".join(chunks), content_type=content_type)
    except httpx.TimeoutException as error:
        raise SourceError(
            url, f"no answer within {timeout:g} s (set SUIVI_FETCH_TIMEOUT)"
        ) from error
    except httpx.InvalidURL as error:
        # Not an httpx.HTTPError: a malformed link (``http://[::1``) would escape otherwise.
        raise SourceError(url, f"not a valid URL ({error})") from error
    except httpx.HTTPError as error:
        raise SourceError(url, f"unreachable ({type(error).__name__}: {error})") from error
