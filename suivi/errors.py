"""The errors a user can meet. Each carries one line that names the input and the problem."""

from __future__ import annotations


class SuiviError(Exception):
    """Base class: a problem to report in one line, never with a traceback."""


class SourceError(SuiviError):
    """An input (file, URL, feed) that cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StoreError(SuiviError):
    """The store cannot be opened or written."""
