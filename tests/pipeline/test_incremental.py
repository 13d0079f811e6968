"""Ingesting articles a few at a time, in any order, leaves the records one rebuild of the same
store writes: every ingest consolidates only the parts of the store its facts can meet
(``suivi.pipeline.incremental``) and writes only the records that changed, and nothing else
differs, record ids included. A run stopped before it wrote its records is caught up by the
next one."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from press import Facts, press

from suivi.models import Article, ExtractionInput
from suivi.pipeline import ingest, refresh
from suivi.sources import ReadOptions
from suivi.store import create

TABLES = (
    "SELECT id, type, title, data, summary, status, year, overdue, sources, published,"
    " confidence, digest FROM records",
    "SELECT record_id, facet, value FROM record_tags",
    "SELECT record_id, fact_id FROM record_facts",
    "SELECT record_id, title, body FROM records_fts",
)
_EMPTY: list[Path] = []


class Given:
    """The facts made with each article, found in the text as the reader gave it back."""

    def __init__(self, articles: list[tuple[Article, Facts]]) -> None:
        self.told = {article.text.strip(): (article.text, facts) for article, facts in articles}

    def extract_many(self, inputs: Iterable[ExtractionInput]) -> Iterator[dict[str, Any]]:
        for read in inputs:
            text, facts = self.told[read.text.strip()]
            shift = read.text.find(text[:40])
            yield {
                category: [
                    {
                        **fact,
                        "evidence": {
                            "start": fact["evidence"]["start"] + shift,
                            "end": fact["evidence"]["end"] + shift,
                        },
                    }
                    for fact in items
                ]
                for category, items in facts.items()
            }


def _empty_store() -> Path:
    # One migrated store, copied for each run (migrating takes longer than the test).
    if not _EMPTY:
        folder = Path(tempfile.mkdtemp(prefix="suivi-incremental-"))
        create(str(folder / "empty.db")).dispose()
        _EMPTY.append(folder / "empty.db")
    return _EMPTY[0]


def _rows(path: Path) -> list[set[tuple[Any, ...]]]:
    with sqlite3.connect(path) as connection:
        return [set(connection.execute(query)) for query in TABLES]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(press(most=7, iso=True), st.data())
def test_ingesting_a_few_articles_at_a_time_gives_the_records_of_one_rebuild(
    tmp_path: Path, articles: list[tuple[Article, Facts]], data: st.DataObject
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    paths = []
    for article, _ in articles:
        path = folder / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(str(path))
    paths = data.draw(st.permutations(paths))
    cuts = sorted(data.draw(st.sets(st.integers(1, len(paths) - 1))) if len(paths) > 1 else [])
    batches = [paths[a:b] for a, b in zip([0, *cuts], [*cuts, len(paths)], strict=True)]
    # Some runs stop after storing their documents, before writing records.
    stopped = [data.draw(st.booleans()) for _ in batches[:-1]] + [False]
    extractor, quiet = Given(articles), lambda *_: None
    stepwise, whole = folder / "stepwise.db", folder / "whole.db"
    shutil.copy(_empty_store(), stepwise)
    shutil.copy(_empty_store(), whole)
    engine = create(str(stepwise))
    for batch, stop in zip(batches, stopped, strict=True):
        assert ingest(engine, batch, ReadOptions(), extractor, quiet, consolidate=not stop).ok
    engine.dispose()
    engine = create(str(whole))
    assert ingest(engine, paths, ReadOptions(), extractor, quiet, consolidate=False).ok
    refresh(engine)
    engine.dispose()
    assert _rows(stepwise) == _rows(whole)
