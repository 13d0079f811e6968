"""Bytes to text: UTF-8 first, then the encoding charset-normalizer finds; binaries refused."""

from __future__ import annotations

from suivi.errors import SourceError

# Bytes that never occur in text: a NUL, or a high share of control characters.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is a binary file rather than text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` to text, or raise :class:`SourceError` naming ``source``."""
    if not data.strip():
        raise SourceError(source, "empty file: no text to read")
    if looks_binary(data):
        raise SourceError(
            source, "binary content, not text (expected .txt, .md, .html, a feed or .jsonl)"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _decode_other(data, source)


def _decode_other(data: bytes, source: str) -> str:
    # Mixed files (mostly UTF-8 with a few Latin-1 bytes) are common in copied pages:
    # decode line by line so the UTF-8 lines keep their accents and only the others guess.
    from charset_normalizer import from_bytes

    lines = data.split(b"\n")
    utf8_lines = 0
    for line in lines:
        try:
            line.decode("utf-8")
            if any(byte > 127 for byte in line):
                utf8_lines += 1
        except UnicodeDecodeError:
            continue
    if utf8_lines:
        return "\n".join(_decode_line(line) for line in lines)
    best = from_bytes(data).best()
    if best is None:
        raise SourceError(source, "undecodable text: no known encoding fits these bytes")
    return str(best)


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        # CP1252 is the superset of Latin-1 that copied French pages use (’, œ, «).
        return line.decode("cp1252", errors="replace")
