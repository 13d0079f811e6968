"""The store: documents, their original bytes, facts and records, in SQLite or PostgreSQL."""

from suivi.store.database import create, schema_version
from suivi.store.documents import Stored, add_document, counts, document_facts, list_documents
from suivi.store.records import (
    RecordFilter,
    count_records,
    facet_counts,
    get_record,
    query_records,
    query_summaries,
    records_for_document,
    replace_records,
)

__all__ = [
    "RecordFilter",
    "Stored",
    "add_document",
    "count_records",
    "counts",
    "create",
    "document_facts",
    "facet_counts",
    "get_record",
    "list_documents",
    "query_records",
    "query_summaries",
    "records_for_document",
    "replace_records",
    "schema_version",
]
