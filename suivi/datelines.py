"""The day of a wire dispatch whose dateline gives no year ("BUJUMBURA, Sept 19 (Agency) -").

Wire services date a dispatch by month and day only, and say the weekday of the news in its
first sentence ("… on Thursday signed …"), most often the dateline's own day. The year is
then the latest one, up to today, in which the dateline's day falls on that weekday. It is
only a reference for comparing reports (which reports are close enough in time to tell
the same news), never a date shown to a reader; without a weekday the dispatch stays
undated rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

from suivi.calendar_words import MONTHS, WEEKDAY, WEEKDAYS, month_number
from suivi.folding import fold_chars

# Written by hand: a dateline is a layout convention (capitals, comma, month and day, then
# the agency or a dash), not a date phrase that date libraries look for.
# Datelines abbreviate months with or without a dot ("Sept 19", "Nov. 3").
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE = re.compile(
    rf"^\s*[a-z][a-z .'’-]+,\s+(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>[0-3]?\d)"
    rf"|(?P<d2>[0-3]?\d)\s+(?P<m2>{_MONTH})\.?)\s*(?:\(|-|–|—)",
    re.MULTILINE,
)
_WEEKDAY = re.compile(rf"\b(?:on\s+|ce\s+|le\s+)?(?P<weekday>{WEEKDAY})\b")
# How far back a dateline's year is looked for.
YEARS_BACK = 12


def dateline_day(text: str, today: date) -> str | None:
    """The ISO day of a dispatch dated by a year-less dateline, when its weekday says it."""
    head = text[:1500]
    found = next(
        (
            m
            for m in _DATELINE.finditer(fold_chars(head))
            if head[m.start() : m.end()].split(",")[0].strip().isupper()
        ),
        None,
    )
    if found is None:
        return None
    month = month_number(found.group("m1") or found.group("m2"))
    day = int(found.group("d1") or found.group("d2"))
    sentence_end = head.find(". ", found.end())
    lede = fold_chars(head[found.end() : sentence_end if sentence_end > 0 else len(head)])
    named = _WEEKDAY.search(lede)
    if named is None:
        return None
    weekday = WEEKDAYS[named.group("weekday")]
    for year in range(today.year, today.year - YEARS_BACK, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today and candidate.weekday() == weekday:
            return candidate.isoformat()
    return None
