"""Reading facts out of news articles: actors, quantities, agreements, events and projects.

extractor = Extractor()            # loads the French model once
for result in extractor.extract_many(inputs):
    ...                            # one contract-shaped dict per input, same order

Each input carries its publication date and language: reading those is the sources' work
(``suivi.sources.metadata.extraction_input`` fills them from the text). A text of any length
is read: a long one in pieces (``suivi.extraction.pieces``), its facts' offsets still
pointing into the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from suivi.extraction.pieces import PIECE, cuts, merge
from suivi.models import ExtractionInput

__all__ = ["Extractor"]

#: A piece of an input's text as a document, with its start and end in the text and whether
#: it is the text's last piece.
Piece = tuple[Doc, tuple[int, int, bool]]

CATEGORIES = ("actors", "quantities", "agreements", "events", "projects")


class Extractor:
    """Extract contract-shaped facts from texts with one shared spaCy pipeline."""

    def __init__(
        self, nlp: Language | None = None, batch_size: int = 16, piece: int = PIECE
    ) -> None:
        from suivi.extraction import pipeline

        self.nlp = nlp if nlp is not None else pipeline.build()
        self.batch_size = batch_size
        # Longest text read in one piece: never more than spaCy accepts (nlp.max_length).
        self.piece = min(piece, self.nlp.max_length)

    def _prepare(self, item: ExtractionInput, text: str) -> Doc:
        # The publication date and language are the caller's to read (they are an article's
        # metadata): a text given without them is read as French and undated.
        doc = self.nlp.make_doc(text)
        doc._.language = item.language
        doc._.published = item.published
        doc.user_data["suivi_doc"] = item.doc
        return doc

    def _pieces(self, inputs: Iterable[ExtractionInput]) -> Iterator[Piece]:
        """Each input's pieces as documents, with the piece's start and whether it is the last."""
        for item in inputs:
            spans = cuts(item.text, self.piece)
            for number, (start, end) in enumerate(spans):
                text = item.text if len(spans) == 1 else item.text[start:end]
                yield self._prepare(item, text), (start, end, number == len(spans) - 1)

    def extract_many(self, inputs: Iterable[ExtractionInput]) -> Iterator[dict[str, Any]]:
        """Extract each input in turn (batched through the pipeline), in the same order."""
        read: list[tuple[int, dict[str, Any]]] = []
        for batch in self._batches(self._pieces(inputs)):
            for doc, (start, _, last) in self.nlp.pipe(
                batch, as_tuples=True, batch_size=len(batch)
            ):
                read.append((start, self._result(doc)))
                if last:
                    yield read[0][1] if len(read) == 1 else merge(read)
                    read = []

    def _batches(self, pieces: Iterable[Piece]) -> Iterator[list[Piece]]:
        """Batches of at most ``batch_size`` documents holding at most ``piece`` characters.

        A document longer than that is a batch of its own. The parser's working memory grows
        with the characters of a batch: sixteen 100 000-character pieces of one text read at
        once took 3.4 GB, one at a time 0.7 GB (the model included).
        """
        batch: list[Piece] = []
        size = 0
        for piece in pieces:
            start, end, _ = piece[1]
            length = end - start
            if batch and (len(batch) == self.batch_size or size + length > self.piece):
                yield batch
                batch, size = [], 0
            batch.append(piece)
            size += length
        if batch:
            yield batch

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
