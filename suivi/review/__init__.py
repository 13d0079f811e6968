"""Review by analysts: accounts, sessions, reviews as versions, and their overlay on records."""

from suivi.review.overlay import (
    FACET_FIELDS,
    get_field,
    is_rejected,
    overlay_fact,
    overlay_record,
    parse_value,
    reviewable_fields,
    reviewed_records,
    reviewed_title,
)
from suivi.review.reviews import (
    ACTIONS,
    FactKey,
    Review,
    ReviewError,
    add_fact_review,
    add_record_review,
    fact_reviews,
    fact_verdicts,
    record_reviews,
    records_with_reviewed,
    rejected_facts,
)
from suivi.review.sessions import Session, close_session, find_session, open_session
from suivi.review.users import User, add_user, authenticate

__all__ = [
    "ACTIONS",
    "FACET_FIELDS",
    "FactKey",
    "Review",
    "ReviewError",
    "Session",
    "User",
    "add_fact_review",
    "add_record_review",
    "add_user",
    "authenticate",
    "close_session",
    "fact_reviews",
    "fact_verdicts",
    "find_session",
    "get_field",
    "is_rejected",
    "open_session",
    "overlay_fact",
    "overlay_record",
    "parse_value",
    "record_reviews",
    "records_with_reviewed",
    "rejected_facts",
    "reviewable_fields",
    "reviewed_records",
    "reviewed_title",
]
