"""Undoing an HTTP ``Content-Encoding`` piece by piece, so a size limit holds while decoding.

Written here rather than left to httpx: httpx inflates each received chunk whole, so a few
kilobytes sent as ``Content-Encoding: gzip, gzip`` expand to gigabytes in one call, before
any limit can be checked. Here every layer hands on at most ``PIECE`` bytes at a time.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

# Most bytes one layer hands on at a time: the memory a decoding holds stays near this.
PIECE = 64 * 1024

# Only what is undone here is asked for (``Accept-Encoding``).
ACCEPTED = "gzip, deflate"


class EncodingError(ValueError):
    """A ``Content-Encoding`` that is unknown, or bytes that do not decode."""


def decoded(chunks: Iterable[bytes], content_encoding: str) -> Iterator[bytes]:
    """``chunks`` with every coding of ``content_encoding`` undone, last applied first."""
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    stream: Iterable[bytes] = chunks
    for coding in reversed(codings):
        if coding in ("identity",):
            continue
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise EncodingError(f"unsupported Content-Encoding {coding!r}")
        stream = _inflate(stream, coding)
    return iter(stream)


def _inflate(chunks: Iterable[bytes], coding: str) -> Iterator[bytes]:
    gzip = coding != "deflate"
    # gzip: header and trailer; deflate: zlib-wrapped as HTTP says, raw as some servers send.
    wbits = zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    started = False
    for chunk in chunks:
        data = chunk
        while data:
            try:
                out = inflater.decompress(data, PIECE)
            except zlib.error as error:
                if gzip or started:
                    raise EncodingError(f"broken {coding} data ({error})") from error
                inflater, wbits = zlib.decompressobj(-zlib.MAX_WBITS), -zlib.MAX_WBITS
                continue
            started = True
            if out:
                yield out
            data = inflater.unconsumed_tail
            if inflater.eof and inflater.unused_data:
                # Another gzip member follows (concatenated gzip is one stream).
                data = inflater.unused_data
                inflater = zlib.decompressobj(wbits)
            elif not data and out:
                # Output was cut at PIECE with all input taken: zlib may hold more.
                data = b""
                more = inflater.decompress(b"", PIECE)
                while more:
                    yield more
                    more = inflater.decompress(inflater.unconsumed_tail, PIECE)
    rest = inflater.flush()
    if rest:
        yield rest
