"""A Babel extractor for code labels, named in ``babel.cfg``: ``pybabel extract`` then
lists every label of ``labels.TABLES`` with its kind as context, as if each were written
``pgettext(kind, label)``. The tables are plain dictionaries, read by code everywhere."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from suivi.presentation.labels import TABLES


def extract_labels(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Each label once per kind, with its codes as a comment for the translator."""
    for kind, table in TABLES.items():
        codes: dict[str, list[str]] = {}
        for code, label in table.items():
            codes.setdefault(label, []).append(code)
        for label, named in codes.items():
            yield 1, "pgettext", (kind, label), [f"{kind}: {', '.join(named)}"]
