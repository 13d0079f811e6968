"""Quality gate: extraction on the project's annotated corpus must not fall under its floor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from suivi.evaluation import score
from suivi.sources.decoding import decode_bytes
from suivi.sources.metadata import extraction_input

CORPUS = Path(__file__).parent.parent / "evaluation"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("folder", "floor"),
    [(CORPUS, "overall_f1_floor"), (CORPUS / "blind", "blind_overall_f1_floor")],
    ids=["own", "blind"],
)
def test_overall_f1_stays_above_floor(extractor: Any, folder: Path, floor: str) -> None:
    baseline = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))
    gold = [
        json.loads(line)
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    articles = folder / "articles"
    inputs = [
        extraction_input(path.name, decode_bytes(path.read_bytes(), str(path)))
        for path in sorted(articles.iterdir())
        if path.is_file()
    ]
    predicted = list(extractor.extract_many(inputs))
    report = score(gold, predicted, articles)
    assert report.overall.f1 >= baseline[floor], report.table()
