"""Scoring a whole set: answers read from JSON Lines, paired article by article."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from suivi.evaluation.matching import (
    ATTRIBUTES,
    CATEGORIES,
    MATCHERS,
    MAX_EVIDENCE,
    Item,
    doc_name,
    facts,
    pair,
    source_category,
)
from suivi.evaluation.report import (
    Counts,
    DocDiff,
    Ratio,
    Report,
)


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


R = TypeVar("R")


def scored_or_error(score_files: Callable[[], R]) -> R | None:
    """What ``score_files()`` gives, or None after one line on stderr when a file cannot be
    read or is not what it should be (the command then exits with 2)."""
    try:
        return score_files()
    except (OSError, FormatError) as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def arguments(prog: str, description: str, what: str) -> argparse.ArgumentParser:
    """The scorers' common command line: the gold file, the predicted ``what``, ``--json``."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("gold", type=Path, help="gold answers, one JSON object per line")
    parser.add_argument("pred", type=Path, help=f"predicted {what}")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser
