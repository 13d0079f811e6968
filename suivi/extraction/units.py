"""Units, scales and rate words of ``patterns/units.json``, folded, with the regular-expression
alternatives figures are read with."""

from __future__ import annotations

import re
from typing import Any

from suivi.extraction.resources import load
from suivi.extraction.text import Keywords
from suivi.folding import fold_chars


def _alt(words: list[str]) -> str:
    ordered = sorted({fold_chars(w) for w in words}, key=len, reverse=True)
    parts = []
    for word in ordered:
        body = re.escape(word).replace("\\ ", r"\s+")
        parts.append(body if not word[-1].isalnum() else body + r"(?![\w])")
    return "|".join(parts)


_UNITS: dict[str, Any] = load("units.json")
UNIT_TABLE: dict[str, tuple[str, float]] = {
    fold_chars(k): (v[0], float(v[1])) for k, v in _UNITS["units"].items()
}
SCALES: dict[str, float] = {fold_chars(k): float(v) for k, v in _UNITS["scales"].items()}
PEOPLE: set[str] = {fold_chars(p) for p in _UNITS["people"]}
PER_AFTER = Keywords(
    {
        label: [k for k, v in _UNITS["per"].items() if v == label]
        for label in set(_UNITS["per"].values())
    }
)
PER_AFTER_MAP = {fold_chars(k): v for k, v in _UNITS["per"].items()}
PER_BEFORE_MAP = {fold_chars(k): v for k, v in _UNITS["per_before"].items()}
_SHORT_SCALES = {"m", "md", "mds", "mrd", "mrds", "bn", "k", "mn", "mio"}
CURRENCIES = {code for code, _ in UNIT_TABLE.values()} - {"t", "MW", "ha", "%"}

LONG_SCALES = _alt([s for s in SCALES if s not in _SHORT_SCALES])
SHORT_SCALES_ALT = _alt(sorted(_SHORT_SCALES))
UNIT_ALT = _alt(list(UNIT_TABLE))
PEOPLE_ALT = _alt(list(PEOPLE))
PREFIX = r"(?P<prefix>us\s?\$|\$\s?us|\$|€|£)\s?"
