"""Which predicted item stands for which gold item: folding, matchers and pairing."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

Item = dict[str, Any]
Matcher = Callable[[Item, Item], float]

#: The fact categories that make up the overall score.
CATEGORIES: tuple[str, ...] = ("actors", "quantities", "agreements", "events", "projects")

#: Relative tolerance on quantity values (0.5 %).
TOLERANCE = 0.005

#: Longest evidence span accepted as valid, in characters.
MAX_EVIDENCE = 2000

#: Attributes of paired items whose agreement with gold is reported separately.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "agreements": ("date", "status"),
    "projects": ("status",),
    "events": ("end",),
}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "-": " "})


def fold(text: object) -> str:
    """Return ``text`` lower-cased, without accents, with one kind of apostrophe.

    Hyphens become spaces, runs of spaces collapse, and surrounding punctuation
    is stripped, so that ``"Fédération de Russie."`` and ``"federation de russie"``
    fold to the same string. ``None`` folds to the empty string.
    """
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.translate(_QUOTES).casefold()
    return " ".join(bare.split()).strip(" .,;:'\"()")


def doc_name(item: Item) -> str:
    """Return the base name of an answer's ``doc`` field (the key articles are joined on)."""
    return PurePath(str(item.get("doc", ""))).name


def facts(doc: Item, category: str) -> list[Item]:
    """Return the items of ``category`` in ``doc``, ignoring anything that is not an object."""
    value = doc.get(category) or []
    if not isinstance(value, list):
        return []
    return [x for x in value if isinstance(x, dict)]


def _as_float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def close(predicted: object, gold: object, tolerance: float = TOLERANCE) -> bool:
    """True when ``predicted`` is within ``tolerance`` (relative to ``gold``) of ``gold``."""
    p, g = _as_float(predicted), _as_float(gold)
    if p is None or g is None:
        return False
    return abs(p - g) <= tolerance * max(abs(g), 1e-9)


# Each matcher returns a positive score when the prediction may stand for the gold
# item (higher scores are paired first), and 0 otherwise.


def match_actor(gold: Item, pred: Item) -> float:
    """Same type, and the folded name is the gold name, an alias, or (persons) the family name.

    A state also matches by its ISO country code.
    """
    if gold.get("type") != pred.get("type"):
        return 0.0
    code = gold.get("country")
    if gold.get("type") == "country" and code and pred.get("country") == code:
        return 1.0
    name = fold(pred.get("name"))
    if not name:
        return 0.0
    accepted = {fold(gold.get("name"))} | {fold(a) for a in gold.get("aliases") or []}
    if name in accepted:
        return 1.0
    if gold.get("type") == "person":
        family = fold(gold.get("name")).split()[-1:]
        if family and name.split()[-1:] == family:
            return 1.0
    return 0.0


def same_numbers(gold: Item, pred: Item) -> bool:
    """Same unit and rate, and both bounds within the tolerance."""
    return (
        gold.get("unit") == pred.get("unit")
        and (gold.get("per") or None) == (pred.get("per") or None)
        and close(pred.get("min"), gold.get("min"))
        and close(pred.get("max"), gold.get("max"))
    )


def match_quantity(gold: Item, pred: Item) -> float:
    """Same numbers, and one of the gold subject words inside the folded predicted subject."""
    if not same_numbers(gold, pred):
        return 0.0
    subject = fold(pred.get("subject"))
    words = gold.get("subject") or []
    if isinstance(words, str):
        words = [words]
    return 1.0 if any(fold(word) in subject for word in words) else 0.0


def match_quantity_value(gold: Item, pred: Item) -> float:
    """Same numbers, whatever the subject."""
    return 1.0 if same_numbers(gold, pred) else 0.0


def match_agreement(gold: Item, pred: Item) -> float:
    """Jaccard overlap of the sector sets, 0 when they share no sector."""
    ours = set(gold.get("sectors") or [])
    theirs = set(pred.get("sectors") or [])
    common = ours & theirs
    return len(common) / len(ours | theirs) if common else 0.0


def match_event(gold: Item, pred: Item) -> float:
    """Predicted type among the accepted ones, and the same start date when gold has one."""
    accepted = gold.get("type")
    types = accepted if isinstance(accepted, list) else [accepted]
    if pred.get("type") not in types:
        return 0.0
    start = gold.get("start")
    if start and pred.get("start") != start:
        return 0.0
    return 1.0


def match_project(gold: Item, pred: Item) -> float:
    """One of the gold keys inside the folded predicted name or location."""
    where = fold(f"{pred.get('name') or ''} {pred.get('location') or ''}")
    keys = gold.get("keys") or []
    return 1.0 if any(fold(key) and fold(key) in where for key in keys) else 0.0


#: Scored rows, in table order; ``quantities_value`` reads the ``quantities`` items.
MATCHERS: dict[str, Matcher] = {
    "actors": match_actor,
    "quantities": match_quantity,
    "quantities_value": match_quantity_value,
    "agreements": match_agreement,
    "events": match_event,
    "projects": match_project,
}


def source_category(row: str) -> str:
    """The category of items a scored row reads."""
    return "quantities" if row == "quantities_value" else row


@dataclass
class Pairing:
    """The outcome of pairing one article's gold items of one category with predictions."""

    tp: int
    fp: int
    fn: int
    pairs: list[tuple[Item, Item]]
    missed: list[Item]
    extra: list[Item]


def pair(golds: Sequence[Item], preds: Sequence[Item], matcher: Matcher) -> Pairing:
    """Pair gold and predicted items greedily, best score first.

    Each prediction pairs with at most one gold item; each gold item takes at most
    one prediction, unless it is ``collective``, in which case it absorbs every
    prediction that matches it. Optional gold items count neither as true positives
    nor as misses, but a prediction they absorb is not a false positive.
    """
    candidates: list[tuple[float, int, int]] = []
    for g, gold in enumerate(golds):
        for p, pred in enumerate(preds):
            value = matcher(gold, pred)
            if value > 0:
                candidates.append((-value, g, p))
    candidates.sort()

    gold_used: set[int] = set()
    pred_used: set[int] = set()
    pairs: list[tuple[Item, Item]] = []
    for _, g, p in candidates:
        if p in pred_used:
            continue
        if g in gold_used and not golds[g].get("collective"):
            continue
        if g not in gold_used:
            pairs.append((golds[g], preds[p]))
        gold_used.add(g)
        pred_used.add(p)

    missed = [x for g, x in enumerate(golds) if g not in gold_used and not x.get("optional")]
    extra = [x for p, x in enumerate(preds) if p not in pred_used]
    tp = sum(1 for g in gold_used if not golds[g].get("optional"))
    return Pairing(tp=tp, fp=len(extra), fn=len(missed), pairs=pairs, missed=missed, extra=extra)
