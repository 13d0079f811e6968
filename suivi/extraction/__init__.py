"""Reading facts out of news articles: actors, quantities, agreements, events and projects.

extractor = Extractor()            # loads the French model once
for result in extractor.extract_many(inputs):
    ...                            # one contract-shaped dict per input, same order

Each input carries its publication date and language: reading those is the sources' work
(``suivi.sources.metadata.extraction_input`` fills them from the text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from suivi.models import ExtractionInput

__all__ = ["Extractor"]

CATEGORIES = ("actors", "quantities", "agreements", "events", "projects")


class Extractor:
    """Extract contract-shaped facts from texts with one shared spaCy pipeline."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 16) -> None:
        from suivi.extraction import pipeline

        self.nlp = nlp if nlp is not None else pipeline.build()
        self.batch_size = batch_size

    def _prepare(self, item: ExtractionInput) -> Doc:
        # The publication date and language are the caller's to read (they are an article's
        # metadata): a text given without them is read as French and undated.
        doc = self.nlp.make_doc(item.text)
        doc._.language = item.language
        doc._.published = item.published
        doc.user_data["suivi_doc"] = item.doc
        return doc

    def extract_many(self, inputs: Iterable[ExtractionInput]) -> Iterator[dict[str, Any]]:
        """Extract each input in turn (batched through the pipeline), in the same order."""
        docs = (self._prepare(item) for item in inputs)
        for doc in self.nlp.pipe(docs, batch_size=self.batch_size):
            yield self._result(doc)

    def extract(self, item: ExtractionInput) -> dict[str, Any]:
        """Extract one input."""
        return next(self.extract_many([item]))

    @staticmethod
    def _result(doc: Doc) -> dict[str, Any]:
        result: dict[str, Any] = {
            "doc": doc.user_data.get("suivi_doc"),
            "published": doc._.published,
            "language": doc._.language,
        }
        for category in CATEGORIES:
            result[category] = list(getattr(doc._, category) or [])
        # The document's caches hold spans: release them with the document.
        for key in ("suivi_sents", "suivi_sent_starts", "suivi_folded", "suivi_text"):
            doc.user_data.pop(key, None)
        return result
