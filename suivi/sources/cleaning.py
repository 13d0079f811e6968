"""The text that extraction reads: normalised, with site chrome kept out."""

from __future__ import annotations

import re
import unicodedata

from suivi.sources.chrome import chrome_lines

_BLANK_RUN = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")


def normalise(text: str) -> str:
    """Unicode NFC, Unix line ends, no trailing blanks, at most one empty line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_RUN.sub("\n\n", text).strip()


def strip_chrome(text: str) -> str:
    """``text`` without its chrome lines, normalised: the stored text of a document."""
    lines = text.splitlines()
    kept = [line for line, chrome in zip(lines, chrome_lines(lines), strict=True) if not chrome]
    return normalise("\n".join(kept))


def mask_chrome(text: str) -> str:
    """``text`` with chrome lines blanked out, keeping every offset where it was.

    ``suivi extract`` reports offsets into the file as given, so chrome is blanked with
    spaces rather than removed.
    """
    out = []
    lines = text.splitlines(keepends=True)
    for line, chrome in zip(lines, chrome_lines([x.rstrip("\r\n") for x in lines]), strict=True):
        if chrome:
            body = line.rstrip("\r\n")
            out.append(" " * len(body) + line[len(body) :])
        else:
            out.append(line)
    return "".join(out)
