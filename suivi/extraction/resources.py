"""The pattern data files in ``patterns/``, loaded once."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PATTERNS = Path(__file__).with_name("patterns")


@cache
def load(name: str) -> Any:
    """Parse ``patterns/NAME`` (JSON, or JSON Lines when it ends in ``.jsonl``)."""
    path = PATTERNS / name
    with path.open(encoding="utf-8") as handle:
        if name.endswith(".jsonl"):
            return [json.loads(line) for line in handle if line.strip()]
        data = json.load(handle)
    if isinstance(data, dict):
        data.pop("_about", None)
    return data


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """The word list ``key`` of ``patterns/NAME``, as written (not folded)."""
    return frozenset(load(name)[key])
