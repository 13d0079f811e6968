"""Text helpers shared by the extraction components: offset-preserving folding, keyword sets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from spacy.tokens import Doc, Span

from suivi.folding import fold_chars

#: Longest evidence span the contract accepts.
MAX_EVIDENCE = 2000


def _alternative(pattern: str) -> str:
    star = pattern.endswith("*")
    body = re.escape(fold_chars(pattern.rstrip("*"))).replace("\\ ", r"\s+")
    return body + (r"[\w-]*" if star else r"(?![\w])")


class Keywords:
    """One compiled regular expression for a labelled keyword list (``label -> patterns``).

    Patterns are folded words or phrases; a trailing ``*`` accepts any ending. Matching is on
    folded text at word starts, so one pass finds every label.
    """

    def __init__(self, table: Mapping[str, Iterable[str]]) -> None:
        alternatives: list[tuple[str, str]] = []
        for label, patterns in table.items():
            for pattern in patterns:
                alternatives.append((label, pattern))
        # Longest first so that "centrale solaire" wins over "centrale".
        alternatives.sort(key=lambda item: -len(item[1]))
        self.labels = [label for label, _ in alternatives]
        self.patterns = [pattern for _, pattern in alternatives]
        body = "|".join(f"({_alternative(p)})" for _, p in alternatives) or "(?!x)x"
        self.regex = re.compile(rf"(?<![\w]){'(?:' + body + ')'}")

    def finditer(
        self, folded: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[str, str, int, int]]:
        """Yield ``(label, pattern, start, end)`` for each keyword in ``folded[start:end]``."""
        stop = len(folded) if end is None else end
        for match in self.regex.finditer(folded, start, stop):
            index = match.lastindex or 1
            yield self.labels[index - 1], self.patterns[index - 1], match.start(), match.end()

    def labels_in(self, folded: str, start: int = 0, end: int | None = None) -> list[str]:
        """Labels found in ``folded[start:end]``, in order of first appearance, without repeats."""
        seen: dict[str, None] = {}
        for label, _, _, _ in self.finditer(folded, start, end):
            seen.setdefault(label, None)
        return list(seen)

    def search(self, folded: str, start: int = 0, end: int | None = None) -> bool:
        """True when any keyword occurs in ``folded[start:end]``."""
        stop = len(folded) if end is None else end
        return self.regex.search(folded, start, stop) is not None


def raw_text(doc: Doc) -> str:
    """The text of ``doc``, built once per document (``Doc.text`` joins every token anew)."""
    cached = doc.user_data.get("suivi_text")
    if cached is None:
        cached = doc.text
        doc.user_data["suivi_text"] = cached
    return str(cached)


def doc_text(doc: Doc, start: int, end: int) -> str:
    """The text of ``doc`` between two offsets, on one line."""
    return " ".join(raw_text(doc)[start:end].split())


def folded_text(doc: Doc) -> str:
    """The folded text of ``doc``, computed once per document."""
    cached = doc.user_data.get("suivi_folded")
    if cached is None:
        cached = fold_chars(raw_text(doc))
        doc.user_data["suivi_folded"] = cached
    return str(cached)


_FINAL = (".", "!", "?", "…", "»", '"', "”", ")")


def _mended_sentences(doc: Doc) -> list[Span]:
    # The parser sometimes cuts a sentence in the middle ("… la visite du général" |
    # "Assimi Goïta en Russie …"). A sentence of news copy ends at final punctuation or at a
    # line break, so a cut elsewhere joins the two pieces again.
    mended: list[Span] = []
    for sent in doc.sents:
        if mended:
            previous = mended[-1]
            last = previous[-1]
            ends = last.text.endswith(_FINAL) or "\n" in last.whitespace_ or last.is_space
            if not ends:
                mended[-1] = doc[previous.start : sent.end]
                continue
        mended.append(sent)
    return mended


def _split_at_lines(sent: Span) -> list[Span]:
    # A line break ends a sentence in news copy: the parser reads a headline, a "Publié le"
    # line or a dateline as one sentence with the paragraph that follows. Boundaries are not
    # set before parsing, which makes the French parser cut the rest of the text badly.
    doc = sent.doc
    parts = []
    start = sent.start
    for index in range(sent.start + 1, sent.end):
        before = doc[index - 1]
        breaks = "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)
        if breaks and not doc[index].is_space:
            parts.append(doc[start:index])
            start = index
    parts.append(doc[start : sent.end])
    return [part for part in parts if part.text.strip()]


def sentence_at(doc: Doc, char: int) -> Span:
    """The sentence holding the character offset ``char``."""
    starts = doc.user_data.get("suivi_sent_starts")
    sents = doc.user_data.get("suivi_sents")
    if starts is None or sents is None:
        sents = (
            _rule_sentences(doc)
            if doc.has_extension("language") and doc._.language == "en"
            else [part for sent in _mended_sentences(doc) for part in _split_at_lines(sent)]
        )
        starts = [s.start_char for s in sents]
        doc.user_data["suivi_sents"] = sents
        doc.user_data["suivi_sent_starts"] = starts
    import bisect

    index = max(0, bisect.bisect_right(starts, char) - 1)
    return sents[index]


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]?[A-Z0-9])|\n\s*")


_ABBREVIATIONS = {
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "capt",
    "lt",
    "col",
    "u.s",
    "no",
    "jr",
    "sr",
    "prof",
    "sgt",
    # Month abbreviations: "Sept. 5, 2024".
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}


def _rule_sentences(doc: Doc) -> list[Span]:
    """Sentences by punctuation: the French parser splits English text at random places."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(raw_text(doc)):
        previous = raw_text(doc)[max(0, match.start() - 6) : match.start()].split()
        if previous and previous[-1].rstrip(".").lower() in _ABBREVIATIONS:
            continue
        if match.start() > start:
            span = doc.char_span(start, match.start(), alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        start = match.end()
    if start < len(raw_text(doc)):
        span = doc.char_span(start, len(raw_text(doc)), alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans or [doc[:]]


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` (cached: the parse is read once)."""
    sentence_at(doc, 0)
    return list(doc.user_data["suivi_sents"])


def evidence(doc: Doc, start: int, end: int) -> dict[str, int]:
    """An evidence object for ``doc.text[start:end]``, trimmed of spaces and capped in length."""
    text = raw_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        end = min(len(text), start + 1)
    if end - start > MAX_EVIDENCE:
        end = start + MAX_EVIDENCE
    return {"start": start, "end": end}


def sentence_evidence(doc: Doc, char: int) -> dict[str, int]:
    """Evidence for the sentence holding ``char``."""
    sent = sentence_at(doc, char)
    return evidence(doc, sent.start_char, sent.end_char)


def span_between(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering ``doc.text[start:end]``, or None for an empty or invalid range."""
    if end <= start:
        return None
    try:
        span = doc.char_span(start, end, alignment_mode="expand")
    except (IndexError, ValueError):
        return None
    return span if span is not None and len(span) else None
