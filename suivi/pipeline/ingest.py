"""Ingest: sources → extraction → store, each document in its own transaction, then the
records the new documents touch are brought up to date."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from sqlalchemy import Engine

from suivi.errors import SourceError, printable
from suivi.folding import text_identity
from suivi.models import Article, ExtractionInput
from suivi.pipeline.records import records_behind
from suivi.sources import ReadOptions, read_inputs
from suivi.sources.metadata import extraction_input
from suivi.store import add_document
from suivi.store.documents import stored_id

# Articles are extracted in batches so spaCy's nlp.pipe can work at full speed.
BATCH_SIZE = 32


class Extracting(Protocol):
    """What ingest needs of an extractor."""

    def extract_many(self, inputs: Iterable[ExtractionInput]) -> Iterator[dict[str, Any]]: ...


@dataclass
class IngestReport:
    """What an ingest did, input by input."""

    stored: list[tuple[str, Article, int]] = field(default_factory=list)
    known: list[tuple[str, Article]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    records: int | None = None  # how many records there are after it, when recomputed

    @property
    def ok(self) -> bool:
        """Whether every input went in (or was already there)."""
        return not self.failed


Notify = Callable[[str, str], None]


def ingest(
    engine: Engine,
    inputs: list[str],
    options: ReadOptions,
    extractor: Extracting | None,
    notify: Notify,
    batch_size: int = BATCH_SIZE,
    consolidate: bool = True,
    read: Iterable[Article | SourceError] | None = None,
) -> IngestReport:
    """Read ``inputs``, extract facts, store each new document once.

    ``batch_size`` articles are extracted together: with parallel workers, a larger batch
    keeps every worker busy.

    ``notify(kind, message)`` hears of each outcome: ``stored``, ``known`` or ``failed``.
    When something new was stored, or the records were found behind the facts, they are
    recomputed before returning (unless ``consolidate`` is false), so that no caller leaves
    them behind the facts.

    ``read``, when given, is ingested instead of reading ``inputs``: articles read already,
    as a watched source's are.
    """
    report = IngestReport()
    stream = read_inputs(inputs, options) if read is None else iter(read)
    while batch := list(islice(stream, batch_size)):
        # Outcomes are told in the order the inputs came, once the batch is done.
        told: dict[int, tuple[str, str]] = {}
        fresh: list[tuple[int, Article]] = []
        for position, item in enumerate(batch):
            if isinstance(item, SourceError):
                report.failed.append(str(item))
                told[position] = ("failed", str(item))
            elif (known := stored_id(engine, text_identity(item.text))) is not None or any(
                text_identity(a.text) == text_identity(item.text) for _, a in fresh
            ):
                report.known.append((known or "", item))
                told[position] = (
                    "known",
                    f"{printable(item.source)}: already stored, nothing added",
                )
            else:
                fresh.append((position, item))
        articles = [article for _, article in fresh]
        positions = {id(article): position for position, article in fresh}
        for article, extracted in _extract(articles, extractor, told, positions, report):
            position = positions[id(article)]
            try:
                result = add_document(engine, article, extracted)
            except ValueError as error:
                message = f"{printable(article.source)}: not stored ({error})"
                report.failed.append(message)
                told[position] = ("failed", message)
                continue
            if result.new:
                report.stored.append((result.id, article, result.facts))
                told[position] = (
                    "stored",
                    f"{printable(article.source)}: stored as {result.id} ({_facts(result.facts)})",
                )
            else:
                report.known.append((result.id, article))
                told[position] = (
                    "known",
                    f"{printable(article.source)}: already stored, nothing added",
                )
        for position in sorted(told):
            notify(*told[position])
    if consolidate and (report.stored or records_behind(engine)):
        # Also when nothing is new: a run stopped before writing its records left them
        # behind the facts, and this run repairs them.
        from suivi.pipeline.incremental import update

        report.records = update(engine)
    return report


def _facts(count: int) -> str:
    return f"{count} fact" if count == 1 else f"{count} facts"


def _extract(
    articles: list[Article],
    extractor: Extracting | None,
    told: dict[int, tuple[str, str]],
    positions: dict[int, int],
    report: IngestReport,
) -> Iterator[tuple[Article, dict[str, Any] | None]]:
    if not articles:
        return  # nothing new: the extractor (and its model) is not even made
    if extractor is None:
        for article in articles:
            yield article, None
        return
    inputs = [_input(article) for article in articles]
    try:
        results = list(extractor.extract_many(inputs))
    except Exception:
        results = []  # one bad text must not sink its batch: retry one by one below
    if len(results) == len(articles):
        yield from zip(articles, results, strict=True)
        return
    for article, given in zip(articles, inputs, strict=True):
        try:
            yield article, next(iter(extractor.extract_many([given])))
        except Exception as error:  # reported as this input's failure, the others go on
            message = (
                f"{printable(article.source)}: extraction failed ({type(error).__name__}: {error})"
            )
            report.failed.append(message)
            told[positions[id(article)]] = ("failed", message)


def _input(article: Article) -> ExtractionInput:
    return extraction_input(article.name, article.text, article.published, article.language)
