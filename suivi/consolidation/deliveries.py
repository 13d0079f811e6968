"""Promised against delivered: deliveries linked to the pledge they fulfil."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from suivi.folding import fold_words
from suivi.models import Delivered, Record, Verdicts

COMMODITIES_FILE = Path(__file__).parent / "data" / "commodities.json"


@lru_cache(maxsize=1)
def _commodity_words() -> dict[str, str]:
    table: dict[str, list[str]] = json.loads(COMMODITIES_FILE.read_text(encoding="utf-8"))
    return {word: commodity for commodity, words in table.items() for word in words}


@lru_cache(maxsize=65536)
def commodities(subject: str | None) -> frozenset[str]:
    """What a quantity's subject is made of: ``{"wheat"}``, ``{"fuel", "agricultural"}``…"""
    words = _commodity_words()
    return frozenset(words[w] for w in fold_words(subject or "").split() if w in words)


def _larger(delivery: Record, pledge: Record) -> bool:
    # One shipment larger than a one-off promise is not part of it (a rate has no ceiling).
    if pledge["fields"].get("per"):
        return False
    try:
        return float(delivery["fields"].get("min") or 0) > float(pledge["fields"].get("max") or 0)
    except (TypeError, ValueError):
        return False


def _restated(pledge: Record, delivery: Record) -> bool:
    # The pledge's own figure, repeated in an article that reports the pledge, is the
    # promise told again, not goods that arrived.
    same_amount = all(pledge["fields"].get(k) == delivery["fields"].get(k) for k in ("min", "max"))
    pledge_docs = {source["document_id"] for source in pledge["sources"]}
    return same_amount and any(s["document_id"] in pledge_docs for s in delivery["sources"])


def link(records: list[Record], verdicts: Verdicts[str] | None = None) -> None:
    """Attach each delivery to the pledges it can fulfil, and total what each pledge received.

    A delivery fulfils a pledge of the same unit and commodity, with a partner state in
    common (``fields.partners``: the states its sources name), made no later than the
    delivery's year. Records are read as analysts corrected them (a figure re-labelled as a
    pledge is one), and rejected records take no part. Earlier links are replaced.
    """
    for record in records:
        record["fields"].pop("delivered", None)
        record["fields"].pop("fulfils", None)
    fixes = verdicts.corrected if verdicts else {}
    left_out = verdicts.rejected if verdicts else frozenset()
    quantities: list[Record] = [
        {**r, "fields": {**r["fields"], **fixes.get(r["id"], {})}}
        for r in records
        if r["type"] == "quantity" and r["id"] not in left_out
    ]
    stored = {r["id"]: r for r in records}
    pledges = [r for r in quantities if r["fields"].get("kind") == "pledge"]
    deliveries = [r for r in quantities if r["fields"].get("kind") == "delivery"]
    # Deliveries by unit and commodity: a pledge looks only at those it could match.
    offered: dict[tuple[Any, str], list[int]] = {}
    for number, delivery in enumerate(deliveries):
        for commodity in commodities(delivery["fields"].get("subject")):
            offered.setdefault((delivery["fields"].get("unit"), commodity), []).append(number)
    for pledge in pledges:
        goods = commodities(pledge["fields"].get("subject"))
        unit = pledge["fields"].get("unit")
        matched = []
        near = {n for good in goods for n in offered.get((unit, good), [])}
        for delivery in (deliveries[n] for n in sorted(near)):
            fields = delivery["fields"]
            if not set(pledge["fields"].get("partners") or []) & set(fields.get("partners") or []):
                continue
            if _restated(pledge, delivery) or _larger(delivery, pledge):
                continue
            pledged_in, delivered_in = pledge["fields"].get("year"), fields.get("year")
            if pledged_in and delivered_in and int(delivered_in) < int(pledged_in):
                continue
            matched.append(delivery)
            stored[delivery["id"]]["fields"].setdefault("fulfils", []).append(pledge["id"])
        if matched:
            delivered: Delivered = {
                "records": [d["id"] for d in matched],
                "total": sum(float(d["fields"].get("min") or 0) for d in matched),
                "unit": pledge["fields"].get("unit"),
            }
            stored[pledge["id"]]["fields"]["delivered"] = delivered
