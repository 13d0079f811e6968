"""The errors a user can meet. Each carries one line that names the input and the problem."""

from __future__ import annotations

import unicodedata


class SuiviError(Exception):
    """Base class: a problem to report in one line, never with a traceback."""


def printable(text: str) -> str:
    """``text`` with control, format and line-separator characters escaped (``\\n``, ``\\x1b``).

    Names come from outside (file names, links): a newline in one would split a one-line
    message, and an escape sequence would reach the user's terminal.
    """
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in _UNPRINTABLE
        else char
        for char in text
    )


# Controls (\n, ESC), format characters (bidirectional overrides), line and paragraph separators.
_UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp"}


class SourceError(SuiviError):
    """An input (file, URL, feed) that cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{printable(source)}: {printable(problem)}")
        self.source = source
        self.problem = problem


class StoreError(SuiviError):
    """The store cannot be opened or written."""
