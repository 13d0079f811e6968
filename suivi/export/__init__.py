"""Exports of records: CSV and JSON writers shared by the command line and the API."""

from suivi.export.records import CSV_COLUMNS, to_csv, to_json

__all__ = ["CSV_COLUMNS", "to_csv", "to_json"]
