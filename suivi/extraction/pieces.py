"""Long texts read in pieces: cut at paragraph or sentence ends, facts put back in place.

spaCy refuses a text longer than ``nlp.max_length`` (1 000 000 characters, error E088), and
its parser and entity recogniser need about 1 GB of working memory per 100 000 characters
of one text. A text longer than ``PIECE`` is therefore cut into consecutive pieces of at
most ``PIECE`` characters, each cut made after a blank line when the piece's second half
holds one, else after a line end, a sentence end, a space, and as a last resort anywhere.
The pieces are substrings of the text that follow each other without a gap, so an offset
into a piece plus the piece's start is the same offset into the whole text.

Facts whose reading spans a cut are lost to it (a paragraph is never cut when the piece can
end before it); an actor named in several pieces is listed once, at its first mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from suivi.folding import fold_key

__all__ = ["PIECE", "cuts", "merge"]

#: Longest piece read at once, in characters; the longest news articles are well under it.
PIECE = 100_000

_SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*\s+")
_SPACE = re.compile(r"\s+")
_FACTS = ("actors", "quantities", "agreements", "events", "projects")


def cuts(text: str, limit: int = PIECE) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text``, each at most ``limit`` characters.

    A text of at most ``limit`` characters is one piece.
    """
    if limit < 2:
        raise ValueError(f"a piece holds at least 2 characters, not {limit}")
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + _cut(text[start : start + limit])
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _cut(window: str) -> int:
    """Where to end a piece that can hold at most ``window``: a position in ``window``."""
    half = len(window) // 2
    for finder in (_after_blank_line, _after_line_end, _after_sentence, _after_space):
        for least in (half, 1):
            end = finder(window, least)
            if end is not None:
                return end
    return len(window)


def _after_blank_line(window: str, least: int) -> int | None:
    found = window.rfind("\n\n", least)
    return found + 2 if found >= 0 else None


def _after_line_end(window: str, least: int) -> int | None:
    found = window.rfind("\n", least)
    return found + 1 if found >= 0 else None


def _after_sentence(window: str, least: int) -> int | None:
    return _last_end(_SENTENCE_END.finditer(window, least))


def _after_space(window: str, least: int) -> int | None:
    return _last_end(_SPACE.finditer(window, least))


def _last_end(matches: Iterator[re.Match[str]]) -> int | None:
    end = None
    for match in matches:
        # A match running to the window's end may go on past it: the next piece starts
        # with the rest of the spaces, which only trims its first evidence.
        end = match.end()
    return end


def merge(results: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One result for a whole text from its pieces' ``(start, result)``, in text order."""
    _, first = results[0]
    merged: dict[str, Any] = {key: value for key, value in first.items() if key not in _FACTS}
    for category in _FACTS:
        merged[category] = []
    seen_actors: set[tuple[str, str]] = set()
    for start, result in results:
        for category in _FACTS:
            for fact in result.get(category) or []:
                if category == "actors":
                    key = _actor_key(fact)
                    if key in seen_actors:
                        continue
                    seen_actors.add(key)
                merged[category].append(_shifted(fact, start))
    return merged


def _actor_key(actor: dict[str, Any]) -> tuple[str, str]:
    if actor["type"] == "country":
        return ("country", actor.get("country") or actor["name"])
    return (actor["type"], fold_key(actor["name"]))


def _shifted(fact: dict[str, Any], start: int) -> dict[str, Any]:
    """``fact`` with its evidence offsets moved from its piece into the whole text."""
    if not start or "evidence" not in fact:
        return fact
    evidence = fact["evidence"]
    moved = {**evidence, "start": evidence["start"] + start, "end": evidence["end"] + start}
    return {**fact, "evidence": moved}
