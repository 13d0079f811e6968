"""The day of a dispatch whose dateline gives no year."""

from __future__ import annotations

from datetime import date

import pytest

from suivi.datelines import dateline_day

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # 19 September fell on a Thursday in 2024, the latest such year before today.
        ("KIGALI, Sept 19 (Lakes Wire) - Rwanda on Thursday signed a loan.", "2024-09-19"),
        ("DAKAR, 30 juin (Agence) – Le Sénégal a signé lundi un accord.", "2025-06-30"),
        ("By A. Writer\n\nLOME, Nov. 3 - Togo on Monday opened a port.", "2025-11-03"),
        # The weekday is read as the dateline's own day: 19 September was a Tuesday in 2023.
        ("KIGALI, Sept 19 (Lakes Wire) - Rwanda on Tuesday signed a loan.", "2023-09-19"),
        # No weekday, no year, no dateline in capitals: undated.
        ("KIGALI, Sept 19 (Lakes Wire) - Rwanda signed a loan this week.", None),
        ("Kigali, Sept 19 (Lakes Wire) - Rwanda on Thursday signed a loan.", None),
        ("KIGALI, Sept. 19, 2024 (Lakes Wire) - Rwanda on Thursday signed a loan.", None),
    ],
)
def test_a_year_less_dateline_is_dated_by_its_weekday(text: str, day: str | None) -> None:
    assert dateline_day(text, TODAY) == day
