"""Records as CSV (one row per record, flat columns) and as JSON (the records whole)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from suivi.models import Record

CSV_COLUMNS = (
    "id",
    "type",
    "title",
    "status",
    "overdue",
    "planned",
    "sectors",
    "parties",
    "date",
    "start",
    "end",
    "place",
    "location",
    "min",
    "max",
    "unit",
    "per",
    "subject",
    "kind",
    "year",
    "sources",
    "outlets",
    "independent_sources",
    "conflicts",
    "documents",
    "evidence",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " | ".join(_cell(item) for item in value)
    return str(value)


def csv_row(record: Record) -> dict[str, str]:
    """One flat row: the record's fields, its facets, and the documents it cites."""
    fields = record.get("fields") or {}
    sources = record.get("sources") or []
    row: dict[str, Any] = {column: fields.get(column) for column in CSV_COLUMNS}
    row.update(
        id=record.get("id"),
        type=record.get("type"),
        title=record.get("title"),
        status=record.get("status"),
        overdue=record.get("overdue"),
        planned=record.get("planned"),
        sources=len(sources),
        outlets=record.get("outlets"),
        independent_sources=record.get("independent_sources"),
        conflicts=[conflict["field"] for conflict in record.get("conflicts") or []],
        documents=sorted({source["doc"] for source in sources}),
        evidence=[
            f"{source['doc']}: {' '.join(source['evidence']['text'].split())}" for source in sources
        ],
    )
    return {column: _inert(_cell(row.get(column))) for column in CSV_COLUMNS}


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _inert(cell: str) -> str:
    """``cell`` with a quote before it when a spreadsheet would run it as a formula."""
    # A plain negative number is no formula: it stays a number for whoever sums the column.
    if cell.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell):
        cell = "'" + cell
    # The writer quotes cells holding \n but not a lone \r, which would end the row early.
    return cell.replace("\r\n", "\n").replace("\r", "\n")


def csv_lines(records: Iterable[Record]) -> Iterator[str]:
    """The records as CSV, a header line then one line per record, as each is read."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield out.getvalue()
    for record in records:
        out.seek(0)
        out.truncate()
        writer.writerow(csv_row(record))
        yield out.getvalue()


def to_csv(records: Iterable[Record]) -> str:
    """The records as CSV text with a header line."""
    return "".join(csv_lines(records))


def json_parts(records: Iterable[Record]) -> Iterator[str]:
    """The records as a JSON array, one record at a time: the same text ``to_json`` writes."""
    first = True
    for record in records:
        body = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + body
        first = False
    yield "[]" if first else "\n]"


def to_json(records: Iterable[Record]) -> str:
    """The records as a JSON array, UTF-8 kept readable."""
    return "".join(json_parts(records))
