"""The store: documents, their original bytes, facts and records, in SQLite or PostgreSQL."""

from suivi.store.database import create, schema_version
from suivi.store.documents import Stored, add_document, counts, document_facts, list_documents

__all__ = [
    "Stored",
    "add_document",
    "counts",
    "create",
    "document_facts",
    "list_documents",
    "schema_version",
]
