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
from collections.abc import Sequence
from pathlib import Path

from suivi.evaluation.matching import (
    CATEGORIES,
    fold,
    match_actor,
    match_agreement,
    match_event,
    match_project,
    match_quantity,
    pair,
)
from suivi.evaluation.report import Report
from suivi.evaluation.scoring import (
    FormatError,
    arguments,
    load_jsonl,
    score,
    scored_or_error,
)

__all__ = [
    "CATEGORIES",
    "FormatError",
    "Report",
    "fold",
    "load_jsonl",
    "main",
    "match_actor",
    "match_agreement",
    "match_event",
    "match_project",
    "match_quantity",
    "pair",
    "score",
]


def _parser() -> argparse.ArgumentParser:
    parser = arguments(
        "python -m suivi.evaluation",
        "Score extracted facts (JSON Lines) against gold answers.",
        "answers, one JSON object per line",
    )
    parser.add_argument("--texts", type=Path, help="folder of the articles, to check evidence")
    parser.add_argument("--per-doc", action="store_true", help="list misses and extras per article")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    args = _parser().parse_args(argv)
    report = scored_or_error(
        lambda: score(load_jsonl(args.gold), load_jsonl(args.pred), args.texts)
    )
    if report is None:
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
