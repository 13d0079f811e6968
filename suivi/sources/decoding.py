"""Bytes to text: UTF-8 first, then the encoding charset-normalizer finds; binaries refused."""

from __future__ import annotations

import codecs

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
    wide = _bom_encoding(data)
    if wide:
        # UTF-16 and UTF-32 are full of NUL bytes: told by their BOM, before the binary test.
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as error:
            label = wide.upper().replace("UTF", "UTF-")
            raise SourceError(source, f"undecodable {label} text ({error.reason})") from error
        if not text.strip():
            raise SourceError(source, "empty file: no text to read")
        return text
    if looks_binary(data):
        raise SourceError(
            source, "binary content, not text (expected .txt, .md, .html, .pdf, a feed or .jsonl)"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _decode_other(data, source)


def _bom_encoding(data: bytes) -> str | None:
    # UTF-32 LE's BOM starts with UTF-16 LE's, so it is tried first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf16"
    return None


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
