"""Score extracted facts against hand-made gold answers.

The extraction contract (one JSON object per article, with actors, quantities,
agreements, events and projects) and the matching rules are described in
``tests/evaluation/README.md``. This module is self-contained: it uses the
standard library only, so it can score any extractor's output.

Usage::

    python -m suivi.evaluation GOLD.jsonl PRED.jsonl [--texts DIR] [--per-doc] [--json]

The last line printed is always ``overall F1 <number>``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
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


# --------------------------------------------------------------------------- text helpers


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


# --------------------------------------------------------------------------- matchers
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


# --------------------------------------------------------------------------- pairing


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


# --------------------------------------------------------------------------- report


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the derived ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add one article's figures."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The figures, ratios rounded to three decimals."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Ratio:
    """A hit count out of a total; ``value`` is ``None`` when there was nothing to count."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        """Count one more case."""
        self.total += 1
        self.hits += int(hit)

    @property
    def value(self) -> float | None:
        """hits / total, or ``None`` when total is 0."""
        return self.hits / self.total if self.total else None


@dataclass
class DocDiff:
    """One article's gold items that were missed and predictions that were not paired."""

    doc: str
    missed: dict[str, list[Item]] = field(default_factory=dict)
    extra: dict[str, list[Item]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """One line per miss or extra, evidence left out."""
        out: list[str] = []
        for category in CATEGORIES:
            for item in self.missed.get(category, []):
                out.append(f"{self.doc} {category} missed: {_show(item)}")
            for item in self.extra.get(category, []):
                out.append(f"{self.doc} {category} extra?: {_show(item)}")
        return out


def _show(item: Item) -> str:
    shown = {k: v for k, v in item.items() if k != "evidence"}
    return json.dumps(shown, ensure_ascii=False)


def _ratio_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@dataclass
class Report:
    """Everything the scorer measured over a set of articles."""

    categories: dict[str, Counts]
    attributes: dict[str, Ratio]
    published: Ratio
    evidence: Ratio | None
    missing_docs: list[str]
    per_doc: list[DocDiff]

    @property
    def overall(self) -> Counts:
        """Micro-averaged counts over the five fact categories."""
        total = Counts()
        for name in CATEGORIES:
            row = self.categories[name]
            total.add(row.tp, row.fp, row.fn)
        return total

    @property
    def published_accuracy(self) -> float | None:
        """Share of articles whose predicted publication date equals gold."""
        return self.published.value

    @property
    def evidence_valid(self) -> float | None:
        """Share of predicted evidence spans inside their file (when texts were given)."""
        return self.evidence.value if self.evidence is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The figures as plain JSON-ready data."""
        data: dict[str, Any] = {name: row.as_dict() for name, row in self.categories.items()}
        data["overall"] = self.overall.as_dict()
        data["attributes"] = {
            name: None if r.value is None else round(r.value, 3)
            for name, r in self.attributes.items()
        }
        acc = self.published_accuracy
        data["published_accuracy"] = None if acc is None else round(acc, 3)
        if self.evidence is not None:
            ev = self.evidence_valid
            data["evidence_valid"] = None if ev is None else round(ev, 3)
        data["articles_missing_from_prediction"] = list(self.missing_docs)
        return data

    def table(self) -> str:
        """A text table of the figures, ending with ``overall F1 0.xxx``."""
        lines = [f"{'category':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        rows = [*self.categories.items(), ("overall", self.overall)]
        for name, c in rows:
            lines.append(
                f"{name:<18}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                f"{c.tp:>6}{c.fp:>6}{c.fn:>6}"
            )
        for name, ratio in self.attributes.items():
            lines.append(f"attribute {name}: {_ratio_text(ratio.value)}")
        lines.append(f"published date accuracy: {_ratio_text(self.published_accuracy)}")
        if self.evidence is not None:
            lines.append(f"evidence inside its file: {_ratio_text(self.evidence_valid)}")
        if self.missing_docs:
            lines.append(f"articles with no prediction: {', '.join(self.missing_docs)}")
        lines.append(f"overall F1 {self.overall.f1:.3f}")
        return "\n".join(lines)

    def per_doc_lines(self) -> list[str]:
        """Misses and unpaired predictions, article by article."""
        return [line for diff in self.per_doc for line in diff.lines()]


# --------------------------------------------------------------------------- scoring


def index_by_doc(answers: Iterable[Item]) -> dict[str, Item]:
    """Key answers by the base name of their ``doc``; a later answer replaces an earlier one."""
    return {doc_name(a): a for a in answers if isinstance(a, dict)}


def evidence_spans(pred: Item, length: int) -> Ratio:
    """Count the predicted items whose evidence lies inside a text of ``length`` characters."""
    ratio = Ratio()
    for category in CATEGORIES:
        for item in facts(pred, category):
            span = item.get("evidence")
            span = span if isinstance(span, dict) else {}
            start, end = span.get("start"), span.get("end")
            valid = (
                isinstance(start, int)
                and isinstance(end, int)
                and not isinstance(start, bool)
                and not isinstance(end, bool)
                and 0 <= start < end <= length
                and end - start <= MAX_EVIDENCE
            )
            ratio.add(valid)
    return ratio


def text_length(texts_dir: Path, name: str) -> int | None:
    """Length in characters of the article ``name`` decoded as UTF-8, ``None`` if unreadable."""
    try:
        return len((texts_dir / name).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def _score_attributes(
    category: str, pairs: list[tuple[Item, Item]], into: dict[str, Ratio]
) -> None:
    for name in ATTRIBUTES.get(category, ()):
        for gold, pred in pairs:
            if name in gold and not gold.get("optional"):
                hit = (gold.get(name) or None) == (pred.get(name) or None)
                into.setdefault(f"{category}.{name}", Ratio()).add(hit)


def score(gold: list[Item], predicted: list[Item], texts_dir: Path | None = None) -> Report:
    """Compare predicted answers with gold answers, article by article.

    Articles are joined on the base name of ``doc``. An article with gold but no
    prediction counts all its required gold items as misses. When ``texts_dir`` is
    given, every predicted evidence span is checked against its article's length.
    """
    gold_docs, pred_docs = index_by_doc(gold), index_by_doc(predicted)
    categories = {name: Counts() for name in MATCHERS}
    attributes: dict[str, Ratio] = {}
    published = Ratio()
    evidence = Ratio() if texts_dir is not None else None
    per_doc: list[DocDiff] = []

    for name, gold_doc in sorted(gold_docs.items()):
        pred_doc = pred_docs.get(name, {})
        if "published" in gold_doc:
            published.add(
                (gold_doc.get("published") or None) == (pred_doc.get("published") or None)
            )
        diff = DocDiff(doc=name)
        for row, matcher in MATCHERS.items():
            category = source_category(row)
            result = pair(facts(gold_doc, category), facts(pred_doc, category), matcher)
            categories[row].add(result.tp, result.fp, result.fn)
            if row == category:
                _score_attributes(category, result.pairs, attributes)
                if result.missed:
                    diff.missed[category] = result.missed
                if result.extra:
                    diff.extra[category] = result.extra
        if diff.missed or diff.extra:
            per_doc.append(diff)
        if evidence is not None and texts_dir is not None and pred_doc:
            length = text_length(texts_dir, name)
            if length is not None:
                spans = evidence_spans(pred_doc, length)
                evidence.hits += spans.hits
                evidence.total += spans.total

    return Report(
        categories=categories,
        attributes=attributes,
        published=published,
        evidence=evidence,
        missing_docs=sorted(set(gold_docs) - set(pred_docs)),
        per_doc=per_doc,
    )


# --------------------------------------------------------------------------- input / CLI


class FormatError(ValueError):
    """A JSON Lines file does not hold one answer object per line."""


def load_jsonl(path: Path | str) -> list[Item]:
    """Read one answer object per non-blank line; each must have a ``doc`` key."""
    answers: list[Item] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise FormatError(f"{path}:{number}: not JSON: {error}") from error
            if not isinstance(item, dict) or "doc" not in item:
                raise FormatError(f"{path}:{number}: each line must be an object with a 'doc' key")
            answers.append(item)
    return answers


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m suivi.evaluation",
        description="Score extracted facts (JSON Lines) against gold answers.",
    )
    parser.add_argument("gold", type=Path, help="gold answers, one JSON object per line")
    parser.add_argument("pred", type=Path, help="predicted answers, one JSON object per line")
    parser.add_argument("--texts", type=Path, help="folder of the articles, to check evidence")
    parser.add_argument("--per-doc", action="store_true", help="list misses and extras per article")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    args = _parser().parse_args(argv)
    try:
        report = score(load_jsonl(args.gold), load_jsonl(args.pred), args.texts)
    except (OSError, FormatError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.per_doc:
        for line in report.per_doc_lines():
            print(line)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        print(f"overall F1 {report.overall.f1:.3f}")
    else:
        print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
