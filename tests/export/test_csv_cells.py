"""CSV exports opened in a spreadsheet: no cell may start a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest

from suivi.export.records import to_csv


def record(title: str) -> dict[str, object]:
    return {"id": "r1", "type": "agreement", "title": title, "fields": {}, "sources": []}


@pytest.mark.parametrize(
    "title",
    ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"],
)
def test_a_cell_starting_a_formula_is_prefixed_with_a_quote(title: str) -> None:
    [row] = list(csv.DictReader(io.StringIO(to_csv([record(title)]))))
    assert row["title"] == "'" + title.replace("\r", "\n")


@pytest.mark.parametrize("title", ["Accord Niger–Turquie", "-12", "3.5", ""])
def test_ordinary_cells_and_plain_numbers_are_kept(title: str) -> None:
    [row] = list(csv.DictReader(io.StringIO(to_csv([record(title)]))))
    assert row["title"] == title
