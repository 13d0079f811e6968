"""The figures of a scoring run: counts, ratios, per-article differences, the table."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from suivi.evaluation.matching import (
    CATEGORIES,
    Item,
)


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
