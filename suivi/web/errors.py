"""Errors the pages and the API answer with, each saying what was not found."""

from __future__ import annotations

from fastapi import HTTPException


class NotFound(HTTPException):
    """A 404 naming what was asked for: ``no record with id 'nope'``.

    The API answers the sentence as ``detail``; a page says the same in the reader's language.
    """

    def __init__(self, kind: str, ident: object) -> None:
        self.kind = kind
        self.ident = str(ident)
        super().__init__(404, f"no {kind} with id '{self.ident}'")


class BadFilter(HTTPException):
    """A 400 naming a filter value the records cannot have, and the values they can."""

    def __init__(self, facet: str, value: str, known: tuple[str, ...] = ()) -> None:
        self.facet = facet
        self.value = value
        message = f"unknown {facet} '{value}'"
        if known:
            message += f": expected one of {', '.join(known)}"
        super().__init__(400, message)
