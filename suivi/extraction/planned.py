"""Deadlines: the completion or start-up date announced for an agreement or a project.

"… une centrale de 200 MW. Sa mise en service est prévue fin 2025." gives the project
``planned: "2025"``. Consolidation takes the latest of a record's ``planned`` dates.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Doc

from suivi.extraction.dates import find_dates
from suivi.extraction.resources import load
from suivi.extraction.text import raw_text
from suivi.folding import fold_chars

#: The fact categories that can announce a deadline.
CATEGORIES = ("agreements", "projects")
#: How many sentences after a fact's own may still give its deadline.
FOLLOWING = 4
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = load("planned.json")
    completion = re.compile(rf"\b({'|'.join(words['completion'])})")
    planning = re.compile(rf"\b({'|'.join(words['planning'])})\b")
    return completion, planning


def reference_date(published: str | None, events: list[dict[str, Any]]) -> str | None:
    """The date a text is read against: its publication date, else its first dated event.

    An undated article reports the news of its first day-dated event ("Le vendredi 24
    octobre…").
    """
    if published:
        return published
    dated = sorted(
        (e for e in events if len(e.get("start") or "") == 10),
        key=lambda e: e["evidence"]["start"],
    )
    return dated[0]["start"] if dated else None


def sentences_after(text: str, start: int, end: int, count: int = FOLLOWING) -> list[str]:
    """The evidence ``text[start:end]`` and up to ``count`` sentences after it in its paragraph.

    The deadline is often in a later sentence of the paragraph naming the project; the
    paragraph is where a report stays on one subject, so the search stops at its end.
    """
    paragraph_end = text.find("\n", end)
    stop = len(text) if paragraph_end == -1 else paragraph_end
    sentences = [text[start:end]]
    position = end
    for _ in range(count):
        match = _SENTENCE.search(text[position:stop])
        if not match:
            break
        sentences.append(match.group(0))
        position += match.end()
    return sentences


def planned_date(sentences: list[str], reference: str | None) -> str | None:
    """The latest completion date the folded ``sentences`` announce, or None.

    A sentence counts when it names a completion and a date that is either announced as a
    plan or, in the fact's own sentence (the first), later than the month of ``reference``:
    a date already past when the article was written reports a fact, it is no plan.
    """
    completion, planning = _patterns()
    found: list[str] = []
    for index, folded in enumerate(sentences):
        if not completion.search(folded):
            continue
        planned = planning.search(folded) is not None
        if index and not planned:
            continue  # beyond the fact's own sentence, only an announced plan counts
        for mention in find_dates(folded, reference):
            if planned or (reference and mention.value[:7] > reference[:7]):
                found.append(mention.value)
    return max(found) if found else None


class PlannedFinder:
    """Pipeline component: adds ``planned`` to the agreements and projects that announce one."""

    def __call__(self, doc: Doc) -> Doc:
        reference = reference_date(doc._.published, doc._.events or [])
        text = raw_text(doc)
        for category in CATEGORIES:
            facts = getattr(doc._, category) or []
            for index, fact in enumerate(facts):
                evidence = fact["evidence"]
                sentences = sentences_after(text, evidence["start"], evidence["end"])
                planned = planned_date([fold_chars(s) for s in sentences], reference)
                if planned:
                    facts[index] = _with_planned(fact, planned)
        return doc


def _with_planned(fact: dict[str, Any], planned: str) -> dict[str, Any]:
    # The field goes before the evidence, with the fact's other fields.
    fields = {key: value for key, value in fact.items() if key != "evidence"}
    return {**fields, "planned": planned, "evidence": fact["evidence"]}
