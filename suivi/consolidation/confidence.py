"""How sure a record is: a confidence from its evidence, and the doubts that lower it.

A wrong record published is worse than one held back for an analyst. Each record starts
from how many independent sources report it, then loses confidence for each key field its
evidence leaves empty or unlikely (an agreement nobody names, a figure that says not what it
measures, an event with no date). The doubts are codes the portal names for the analyst
who decides; the threshold under which a record is held back is a setting, not decided here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from suivi.models import Record, Verdicts

# Confidence of a record reported once, by one source; each further independent source
# (copies of one dispatch count once) adds to it.
BASE = 0.6
PER_SOURCE = 0.15
# What each doubt costs. Weighed on the project's own annotated sets (tests/evaluation):
# an agreement that is unnamed, between no state and undated is more often a generic mention
# ("les accords") than a real one; a figure with no subject and an event with no date are
# more often misreadings than not. One doubt alone rarely is.
COSTS = {
    "unnamed": 0.15,  # an agreement the reports do not name
    "no_party": 0.1,  # an agreement with no state party
    "no_date": 0.1,  # an agreement with no date
    "no_start": 0.35,  # an event with no date at all
    "no_subject": 0.35,  # a figure that does not say what it measures
    "no_kind": 0.1,  # a figure whose kind (pledge, delivery, cost…) is not read
    "vague_start": 0.1,  # an event dated only by month or year
    "no_place": 0.1,  # an event with no place
    "bare_name": 0.2,  # an actor or a project whose name ends on a dangling word
    "broken_name": 0.35,  # a name that runs into the next sentence ("Yadran. Cette")
}
# A subject that names no thing: a unit, a date word, a pronoun.
_EMPTY_SUBJECT = re.compile(
    r"^(?:%|t|mw|ha|fcfa|xof|usd|eur|dollars?|euros?|tonnes?|personnes?|montant|somme|"
    r"total|cette aide|ce montant|cela|celui-ci|celle-ci|it|this|that|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|\d+|\W*)$",
    re.IGNORECASE,
)
# A name that ends on a stray word, or carries the start of the next sentence.
_FRAGMENT = re.compile(r"\s(?:et|and|de|du|des|la|le|les|the|of)$", re.IGNORECASE)
_BROKEN = re.compile(r"\.\s+\S")


def _states(fields: dict[str, Any]) -> list[str]:
    return [p for p in fields.get("parties") or [] if len(p) == 2 and p.isupper()]


def _subject(fields: dict[str, Any]) -> str:
    return " ".join(str(fields.get("subject") or "").split())


def _fragment(fields: dict[str, Any]) -> bool:
    name = str(fields.get("name") or "")
    return not name or _FRAGMENT.search(name) is not None


def _broken(fields: dict[str, Any]) -> bool:
    return _BROKEN.search(str(fields.get("name") or "")) is not None


# Each doubt: the kind of record it is about, and the test of its fields that raises it.
DOUBTS: tuple[tuple[str, str, Callable[[dict[str, Any]], bool]], ...] = (
    ("agreement", "unnamed", lambda f: not f.get("name")),
    ("agreement", "no_party", lambda f: not _states(f)),
    ("agreement", "no_date", lambda f: not f.get("date")),
    (
        "quantity",
        "no_subject",
        lambda f: not _subject(f) or bool(_EMPTY_SUBJECT.match(_subject(f))),
    ),
    ("quantity", "no_kind", lambda f: not f.get("kind")),
    ("event", "no_start", lambda f: not f.get("start")),
    ("event", "vague_start", lambda f: 0 < len(str(f.get("start") or "")) < 10),
    ("event", "no_place", lambda f: not f.get("place")),
    ("project", "bare_name", _fragment),
    ("actor", "bare_name", _fragment),
    ("project", "broken_name", _broken),
    ("actor", "broken_name", _broken),
)


def assess(record: Record) -> tuple[float, list[str]]:
    """The record's confidence (0 to 1) and its doubts, from its fields and sources."""
    fields = record.get("fields") or {}
    doubts = [code for kind, code, test in DOUBTS if kind == record["type"] and test(fields)]
    sources = max(1, int(record.get("independent_sources") or 1))
    confidence = BASE + PER_SOURCE * (sources - 1) - sum(COSTS[d] for d in doubts)
    return round(min(1.0, max(0.0, confidence)), 2), doubts


def publish(records: list[Record], verdicts: Verdicts[str], threshold: float) -> None:
    """Mark each record ``published`` or held back: an analyst's confirmation publishes it,
    a rejection withdraws it, otherwise it is published when its confidence reaches
    ``threshold``."""
    for record in records:
        if record["id"] in verdicts.confirmed:
            record["published"] = True
        elif record["id"] in verdicts.rejected:
            record["published"] = False
        else:
            record["published"] = float(record.get("confidence") or 0) >= threshold
