"""Record quality gate: each annotated set goes through the real pipeline, its records are scored.

For every set (ev, blind, blind2, outlets, multi) the articles are ingested into a fresh SQLite
store with the real extractor, the records are read exactly as ``suivi records --format
json`` prints them, and the record yardstick (``suivi.evaluation.records``) scores them
against the set's ``records.jsonl``. The test fails when a figure falls below its floor in
``baseline.json`` (section ``records``). Raise the floors when consolidation improves.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from suivi.evaluation.record_keys import TYPES, load_gold, to_record
from suivi.evaluation.records import RecordReport, score_records

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "baseline.json").read_text(encoding="utf-8"))["records"]
#: The reference date of every figure in baseline.json (planned dates, overdue records).
TODAY = date(2026, 12, 1)
SETS = {
    "ev": HERE,
    "blind": HERE / "blind",
    "blind2": HERE / "blind2",
    "outlets": HERE / "outlets",
    "multi": HERE / "multi",
}


def records_of(folder: Path, store: Path, extractor: object) -> RecordReport:
    """Ingest ``folder/articles`` into a new store and score its records against the gold."""
    from suivi.export import to_json
    from suivi.pipeline.ingest import ingest
    from suivi.pipeline.records import refresh
    from suivi.review import reviewed_records
    from suivi.sources.reader import ReadOptions
    from suivi.store import RecordFilter, create, query_records

    engine = create(str(store))
    report = ingest(
        engine,
        [str(folder / "articles")],
        ReadOptions(),
        extractor,  # type: ignore[arg-type]
        lambda kind, message: None,
        consolidate=False,
    )
    assert report.ok and report.stored, report.failed
    refresh(engine, TODAY)
    printed = json.loads(to_json(reviewed_records(engine, query_records(engine, RecordFilter()))))
    records = [to_record(i, item) for i, item in enumerate(printed)]
    return score_records(load_gold(folder / "records.jsonl"), records)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_record_figures_meet_their_floor(name: str, tmp_path: Path, extractor: object) -> None:
    result = records_of(SETS[name], tmp_path / "store.db", extractor)
    floors = BASELINE[name]
    measured = {t: round(result.types[t].f1, 3) for t in TYPES} | {"overall": result.f1}
    below = {
        key: (measured[key], floor)
        for key, floor in floors["f1_floor"].items()
        if measured[key] < floor
    }
    assert not below, (
        f"{name}: record F1 below its floor (measured, floor): {below}\n{result.table()}"
    )
