"""The figures of a record scoring run: per-type counts, sources, attributes, the table."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from suivi.evaluation.record_keys import ATTRIBUTES, TYPES
from suivi.evaluation.report import Counts, Ratio

_HASH = re.compile(r"_[0-9a-f]{16}$")


def short(doc: str) -> str:
    """``001_982bdb3c3158298e.txt`` → ``001``; ``ev_01.txt`` → ``ev_01``."""
    stem = doc[:-4] if doc.endswith(".txt") else doc
    return _HASH.sub("", stem)


@dataclass
class TypeFigures(Counts):
    """The figures of one record type: paired, unpaired and missed records (with the ratios
    of ``Counts``), and what the record contract counts beside them."""

    duplicates: int = 0
    held_back: int = 0
    held_back_matching: int = 0
    public: int = 0
    gold: int = 0
    gold_optional: int = 0
    paired_optional: int = 0
    absorbed: int = 0
    source_recall: Ratio = field(default_factory=Ratio)
    source_precision: Ratio = field(default_factory=Ratio)
    exact: Ratio = field(default_factory=Ratio)

    def as_dict(self) -> dict[str, Any]:
        """The figures, ratios rounded to three decimals (``None`` when nothing was counted)."""
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "duplicates": self.duplicates,
            "held_back": self.held_back,
            "held_back_matching": self.held_back_matching,
            "public": self.public,
            "gold": self.gold,
            "gold_optional": self.gold_optional,
            "paired_optional": self.paired_optional,
            "absorbed_by_collective": self.absorbed,
            "source_recall": _rounded(self.source_recall),
            "source_precision": _rounded(self.source_precision),
            "exact_sources": _rounded(self.exact),
        }


def _rounded(ratio: Ratio) -> float | None:
    return None if ratio.value is None else round(ratio.value, 3)


def _cell(ratio: Ratio) -> str:
    return "    -" if ratio.value is None else f"{ratio.value:.3f}"


def _sum(ratios: list[Ratio]) -> Ratio:
    return Ratio(hits=sum(r.hits for r in ratios), total=sum(r.total for r in ratios))


@dataclass
class RecordReport:
    """Everything a record scoring run measured, and the differences ``--show`` lists."""

    types: dict[str, TypeFigures]
    attributes: dict[str, Ratio]
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    unknown: int = 0

    def _mean(self, name: str) -> float:
        # The mean of the figures as the table prints them (three decimals), so that the
        # overall row can be checked by hand from the five rows above it.
        return round(sum(round(getattr(self.types[t], name), 3) for t in TYPES) / len(TYPES), 3)

    @property
    def precision(self) -> float:
        """Mean of the five types' precision (each rounded to three decimals)."""
        return self._mean("precision")

    @property
    def recall(self) -> float:
        """Mean of the five types' recall (each rounded to three decimals)."""
        return self._mean("recall")

    @property
    def f1(self) -> float:
        """The overall record F1: the mean of the five types' F1 (each rounded)."""
        return self._mean("f1")

    def source_ratios(self) -> tuple[Ratio, Ratio, Ratio]:
        """Source recall, precision and exactness over every type."""
        figures = list(self.types.values())
        return (
            _sum([f.source_recall for f in figures]),
            _sum([f.source_precision for f in figures]),
            _sum([f.exact for f in figures]),
        )

    def to_dict(self) -> dict[str, Any]:
        """The figures as plain data."""
        data: dict[str, Any] = {t: self.types[t].as_dict() for t in TYPES}
        total = {
            name: sum(getattr(self.types[t], name) for t in TYPES)
            for name in ("tp", "fp", "fn", "duplicates", "held_back", "held_back_matching")
        }
        data["overall"] = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            **total,
        }
        recall, precision, exact = self.source_ratios()
        data["sources"] = {
            "recall": _rounded(recall),
            "precision": _rounded(precision),
            "exact": _rounded(exact),
        }
        counted = {name: ratio for name, ratio in self.attributes.items() if ratio.total}
        data["attributes"] = {name: _rounded(ratio) for name, ratio in counted.items()}
        data["attribute_counts"] = {name: [r.hits, r.total] for name, r in counted.items()}
        data["records_of_unknown_type"] = self.unknown
        return data

    def to_json(self) -> str:
        """The figures as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def table(self) -> str:
        """The figures as text; the last line is ``overall record F1 <n>``."""
        head = f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
        lines = [f"{head} {'dup':>5} {'held':>5}"]
        for name in TYPES:
            f = self.types[name]
            lines.append(
                f"{name:<10} {f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f} {f.tp:5d} "
                f"{f.fp:5d} {f.fn:5d} {f.duplicates:5d} {f.held_back:5d}"
            )
        sums = [sum(getattr(self.types[t], n) for t in TYPES) for n in ("tp", "fp", "fn")]
        extra = [sum(getattr(self.types[t], n) for t in TYPES) for n in ("duplicates", "held_back")]
        lines.append(
            f"{'overall*':<10} {self.precision:6.3f} {self.recall:6.3f} {self.f1:6.3f} "
            + " ".join(f"{n:5d}" for n in sums + extra)
        )
        lines.append("* overall P, R, F1: mean of the five types; counts: sums")
        held = sum(self.types[t].held_back for t in TYPES)
        matching = sum(self.types[t].held_back_matching for t in TYPES)
        lines.append(f"held back: {held} records, {matching} of them would match a gold record")
        recall, precision, exact = self.source_ratios()
        lines.append(
            f"sources on paired records: recall {_cell(recall)}, "
            f"precision {_cell(precision)}, exact {_cell(exact)}"
        )
        for (kind, attribute), ratio in zip(ATTRIBUTES, self.attributes.values(), strict=True):
            if ratio.total:
                lines.append(
                    f"attribute {kind}.{attribute}: {_cell(ratio)} ({ratio.hits}/{ratio.total})"
                )
        lines.append("")
        lines.append(f"{'type':<10} {'src R':>6} {'src P':>6} {'exact':>6} {'opt':>5} {'coll':>5}")
        for name in TYPES:
            f = self.types[name]
            lines.append(
                f"{name:<10} {_cell(f.source_recall):>6} {_cell(f.source_precision):>6} "
                f"{_cell(f.exact):>6} {f.paired_optional:5d} {f.absorbed:5d}"
            )
        lines.append("opt: records paired with optional gold; coll: absorbed beyond the first")
        return "\n".join(lines)

    def show(self) -> str:
        """The differences, for error analysis."""
        sections = (
            ("gold records no record stands for", self.missed),
            ("records that pair with no gold record", self.extra),
            ("paired records whose sources differ from the gold", self.sources),
            ("attribute errors on paired records", self.wrong),
            ("held-back records", self.held),
        )
        lines: list[str] = []
        for title, entries in sections:
            lines.append(f"-- {title} ({len(entries)})")
            lines.extend(entries)
        return "\n".join(lines)
