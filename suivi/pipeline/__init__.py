"""The flow, run the same way for every entry point (command line, portal, Python):
sources → extraction → store → consolidation → store, each step leaving records up to date."""

from suivi.pipeline.ingest import BATCH_SIZE, Extracting, IngestReport, ingest
from suivi.pipeline.rebuild import reextract
from suivi.pipeline.records import ensure_current, records_behind, refresh, relink
from suivi.pipeline.reviews import apply_review

__all__ = [
    "BATCH_SIZE",
    "Extracting",
    "IngestReport",
    "apply_review",
    "ensure_current",
    "ingest",
    "records_behind",
    "reextract",
    "refresh",
    "relink",
]
