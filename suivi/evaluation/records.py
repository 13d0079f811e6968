"""Score consolidated records against hand-made gold records (the record yardstick).

What a reader sees is the consolidated record: one per real-world thing, citing every
article that reports it. This module pairs the records ``suivi records --format json``
prints with a gold file of real things (``records.jsonl``), type by type, and reports
precision, recall and F1 per type, duplicates, held-back records, source figures and
attribute accuracy. The rules are described in ``tests/evaluation/README.md`` (section
"Record yardstick"). Standard library only.

Usage::

    python -m suivi.evaluation.records GOLD.jsonl PRED.json [--show] [--json]

The last line printed is always ``overall record F1 <number>``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from suivi.evaluation.matching import Item
from suivi.evaluation.record_keys import (
    ATTRIBUTES,
    TYPES,
    Record,
    accepts,
    agreeing,
    all_docs,
    gold_docs,
    key,
    load_gold,
    load_records,
    record_type,
)
from suivi.evaluation.record_report import RecordReport, TypeFigures, short
from suivi.evaluation.report import Ratio
from suivi.evaluation.scoring import arguments, scored_or_error

__all__ = ["RecordReport", "TypePairing", "main", "pair_records", "score_records"]


@dataclass
class TypePairing:
    """Which record stands for which gold record, for one type (indexes into the lists)."""

    pairs: dict[int, int] = field(default_factory=dict)
    absorbed: dict[int, int] = field(default_factory=dict)

    def paired_gold(self) -> set[int]:
        """Gold records that took a record."""
        return set(self.pairs.values())


def pair_records(golds: Sequence[Item], records: Sequence[Record]) -> TypePairing:
    """Pair the public records of one type with its gold records.

    Required gold records are paired first, optional ones take what is left. Within a
    round the pairs sharing the most articles come first, then the better key, then the
    pair whose attributes agree more; each record pairs once, each gold record once
    unless it is collective, in which case it absorbs every further record it matches.
    """
    result = TypePairing()
    for optional in (False, True):
        candidates = []
        for g, gold in enumerate(golds):
            if bool(gold.get("optional")) != optional:
                continue
            for r, record in enumerate(records):
                if not record.public or r in result.pairs or r in result.absorbed:
                    continue
                strength = key(gold, record)
                if strength is None:
                    continue
                shared = len(all_docs(gold) & set(record.sources))
                rank = (-shared, *(-s for s in strength), -agreeing(gold, record), g, r)
                candidates.append((rank, g, r))
        candidates.sort()
        taken: set[int] = set()
        for _, g, r in candidates:
            if r in result.pairs or r in result.absorbed:
                continue
            if g in taken or g in result.paired_gold():
                if golds[g].get("collective"):
                    result.absorbed[r] = g
                continue
            result.pairs[r] = g
            taken.add(g)
    return result


def _label(gold: Item) -> str:
    docs = ",".join(short(d) for d in sorted(gold_docs(gold) or all_docs(gold)))
    return f"{gold.get('id', '?')}: {gold.get('title', '')} [{docs}]"


def _describe(record: Record) -> str:
    return f'"{record.title}" [{",".join(short(d) for d in sorted(record.sources))}]'


def _score_type(kind: str, golds: list[Item], records: list[Record], report: RecordReport) -> None:
    figures = report.types[kind]
    result = pair_records(golds, records)
    paired_gold = result.paired_gold()
    figures.gold = sum(1 for g in golds if not g.get("optional"))
    figures.gold_optional = len(golds) - figures.gold
    for g, gold in enumerate(golds):
        if g not in paired_gold and not gold.get("optional"):
            figures.fn += 1
            report.missed.append(f"missed   {kind:<9} {_label(gold)}")
    for r, record in enumerate(records):
        if not record.public:
            figures.held_back += 1
            matching = [g for g in golds if key(g, record) is not None]
            figures.held_back_matching += bool(matching)
            would = f" (would match {matching[0].get('id')})" if matching else " (matches nothing)"
            report.held.append(f"held     {kind:<9} {_describe(record)}{would}")
            continue
        figures.public += 1
        if r in result.absorbed:
            figures.absorbed += 1
        elif r in result.pairs:
            gold = golds[result.pairs[r]]
            if gold.get("optional"):
                figures.paired_optional += 1
            else:
                figures.tp += 1
                _score_paired(kind, gold, record, figures, report)
        else:
            figures.fp += 1
            twins = [g for g in sorted(paired_gold) if key(golds[g], record) is not None]
            note = f" (duplicate of {golds[twins[0]].get('id')})" if twins else ""
            figures.duplicates += bool(twins)
            report.extra.append(f"extra    {kind:<9} {_describe(record)}{note}")


def _score_paired(
    kind: str, gold: Item, record: Record, figures: TypeFigures, report: RecordReport
) -> None:
    docs, allowed, cited = gold_docs(gold), all_docs(gold), set(record.sources)
    figures.source_recall.hits += len(docs & cited)
    figures.source_recall.total += len(docs)
    figures.source_precision.hits += len(cited & allowed)
    figures.source_precision.total += len(cited)
    figures.exact.add(docs <= cited <= allowed)
    if not docs <= cited <= allowed:
        missing = ",".join(short(d) for d in sorted(docs - cited)) or "-"
        wrong = ",".join(short(d) for d in sorted(cited - allowed)) or "-"
        report.sources.append(
            f"sources  {kind:<9} {gold.get('id')}: missing {missing}; not reporting it {wrong}"
        )
    for t, name in ATTRIBUTES:
        if t != kind or name not in gold:
            continue
        hit = accepts(gold.get(name), record.get(name))
        report.attributes[f"{t}.{name}"].add(hit)
        if not hit:
            report.wrong.append(
                f"attr     {t}.{name:<7} {gold.get('id')}: "
                f"gold {gold.get(name)!r}, record {record.get(name)!r}"
            )


def score_records(gold: Sequence[Item], predicted: Sequence[Record]) -> RecordReport:
    """Score predicted records against gold records, type by type."""
    report = RecordReport(
        types={t: TypeFigures() for t in TYPES},
        attributes={f"{t}.{name}": Ratio() for t, name in ATTRIBUTES},
    )
    for kind in TYPES:
        golds = [g for g in gold if record_type(g.get("type")) == kind]
        records = [r for r in predicted if r.type == kind]
        _score_type(kind, golds, records, report)
    report.unknown = sum(1 for r in predicted if not r.type)
    return report


def _parser() -> argparse.ArgumentParser:
    parser = arguments(
        "python -m suivi.evaluation.records",
        "Score consolidated records against gold records (JSON Lines).",
        "records: a JSON array or JSON Lines",
    )
    parser.add_argument("--show", action="store_true", help="list the differences")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    args = _parser().parse_args(argv)
    report = scored_or_error(lambda: score_records(load_gold(args.gold), load_records(args.pred)))
    if report is None:
        return 2
    print(report.to_json() if args.json else report.table())
    if args.show:
        print()
        print(report.show())
    print(f"overall record F1 {report.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
