"""Review by analysts: their decisions checked and kept as versions, and laid over records."""

from suivi.review.overlay import (
    FACET_FIELDS,
    get_field,
    is_rejected,
    overlay_fact,
    overlay_record,
    parse_value,
    reviewable_fields,
    reviewed_records,
    shown_value,
    unreviewed,
)
from suivi.review.reviews import ACTIONS, ReviewError, add_decision, add_record_review

__all__ = [
    "ACTIONS",
    "FACET_FIELDS",
    "ReviewError",
    "add_decision",
    "add_record_review",
    "get_field",
    "is_rejected",
    "overlay_fact",
    "overlay_record",
    "parse_value",
    "reviewable_fields",
    "reviewed_records",
    "shown_value",
    "unreviewed",
]
