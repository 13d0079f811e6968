"""What an agreement is called: its designation as the articles write it, and its kind.

Extraction hands over the words that name an agreement, which are sometimes the start of a
clause ("accord commercial instaurant une", "accord porte sur le renforcement…"). A record
keeps a designation only when it reads as a name: it is cut where the clause begins, and
dropped when nothing but the kind of agreement is left (the title then says the kind, the
sectors and the parties, which the record holds as fields).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from suivi.consolidation.conflicts import commonest
from suivi.folding import fold_words
from suivi.models import Fact

KINDS_FILE = Path(__file__).parent / "data" / "agreement_kinds.json"
# A name longer than this is a sentence, not a name.
MAX_WORDS = 10

# Where a designation turns into a clause: a comma or bracket, an auxiliary, a modal or a
# finite verb of the kind news uses for agreements, or a date ("en octobre", "le 23 juin").
_CLAUSE = re.compile(
    r"[,;:()«»\"“”]|\s(?:a|ont|est|sont|sera|seront|avait|has|have|had|was|were|is|are|"
    r"will|would|could|should|may|might|can|must|porte|portent|concerne|concernent|vise|"
    r"visent|prévoit|prévoient|permet|permettent|sign[ée]e?s?|conclue?s?|paraph[ée]e?s?|"
    r"ratifi[ée]e?s?|signed|concluded|reached|leading|aims?|covers?|provides?|"
    r"(?<!qui )institue|(?<!qui )instituent|à une?|lie|liait|lient|relie|engage|engagent|"
    r"fixe|fixent|établit|crée|créent|"
    r"couvre|couvrent|cherche|cherchent|"
    r"(?:en|le|du|depuis|dès|in|on|since) (?:\d|janvier|février|mars|avril|mai|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|cette|ce mois|this)\b",
    re.IGNORECASE,
)
# Where a designation is cut unless that leaves its kind alone ("traité qui institue la
# Confédération…" stays whole): before a relative clause, the parties or the amount (the
# record shows parties and figures in fields of their own).
_SOFT = re.compile(
    r"\s(?:qui|que|qu['’]|dont|où|where|which|that|who|entre|avec|between|with|"
    r"d['’]une valeur|pour un montant|worth)\b",
    re.IGNORECASE,
)
_DAY = re.compile(
    r"\s(?:on|ce|le)\s(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b(?:\s\d{1,2}(?:er)?(?:\s[^\W\d]+)?)?",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\w{3,}ant$")
_TRAILING = frozenset(
    "de des du d la le l les et en pour sur au aux un une of the and for a an to in on qui "
    "que dont which that who".split()
)


@lru_cache(maxsize=1)
def _kind_words() -> list[tuple[str, str]]:
    table: dict[str, Any] = json.loads(KINDS_FILE.read_text(encoding="utf-8"))
    pairs = [
        (fold_words(word), kind)
        for kind, words in table.items()
        if not kind.startswith("_")
        for word in words
    ]
    # The longest phrase first: "protocole d'accord" is a memorandum, "protocole" a protocol.
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def kind_of(words: str | None) -> str | None:
    """The kind of agreement ``words`` name: the phrase they open with in French
    (``memorandum`` for "protocole d'accord"), or one of their first words in English
    ("framework agreement", "staff-level agreement")."""
    folded = f" {fold_words(words or '')} "
    opening = next((kind for word, kind in _kind_words() if folded.startswith(f" {word} ")), None)
    if opening:
        return opening
    first = f" {' '.join(folded.split()[:8])} "
    return next((kind for word, kind in _kind_words() if f" {word} " in first), None)


def _cut(title: str) -> str:
    # Keep the words before the clause starts. The match runs on the text as written: "à"
    # opens a name's complement ("relatif à la pêche"), "a" a clause ("a été signé").
    # "agreement on Thursday on the transit of oil": the day is no part of the name.
    text = _DAY.sub("", " ".join(title.split()))
    match = _CLAUSE.search(text)
    # "accord à l'industrie…": no name goes on from its kind with "à"; a clause does.
    opening = re.match(r"^(\S+(?: d['’]\S+)?)\s+(?:à|a|au|aux)\s", text, re.IGNORECASE)
    if opening and (match is None or opening.end(1) < match.start()):
        return opening.group(1)
    head = text[: match.start()] if match else text
    soft = next((m.start() for m in _SOFT.finditer(head) if m.start() > 0), None)
    if soft is not None and len(head[:soft].split()) >= 2:
        head = head[:soft]
    words = head.split()[:MAX_WORDS]
    # A name ends on what it names, not on an article or a participle left dangling where
    # the extracted words stopped ("accord commercial instaurant une").
    while words and (
        fold_words(words[-1]) in _TRAILING
        or _PARTICIPLE.search(words[-1])
        or words[-1][:1].isdigit()
    ):
        words.pop()
    return " ".join(words)


def designation(facts: list[Fact]) -> str | None:
    """The name the articles give the agreement, or None when none reads as a name.

    Among the designations that name a kind of agreement and say more than the kind alone,
    the most reported is kept; among equals, the shortest that still says something.
    """
    names = []
    for fact in facts:
        title = str(fact.get("title") or "").strip()
        if not kind_of(title):
            continue
        name = _cut(title)
        if len(name.split()) >= 2 and kind_of(name):
            names.append(name)
    return commonest(names)


def agreement_kind(facts: list[Fact]) -> str | None:
    """The kind of agreement most of the reports name (``agreement`` when they only say
    "accord"), or None when no report names one."""
    kinds = Counter(kind for f in facts if (kind := kind_of(f.get("title"))))
    if not kinds:
        return None
    top = max(kinds.values())
    # Among equals, the more specific kind: a "protocole d'accord" is also an "accord".
    return min((k for k, n in kinds.items() if n == top), key=lambda k: k == "agreement")


# The wording of a report is kept up to this many words: enough to say what it is about.
WORDING_WORDS = 25


def wordings(facts: list[Fact], shown: str | None) -> list[str]:
    """How the reports word the agreement, as written (first words of each), apart from the
    designation shown: what a reader searches by, and what a clean name may leave out
    ("… with the breakaway region of Somaliland that would give Addis Ababa access")."""
    seen = {fold_words(shown or "")}
    out = []
    for fact in facts:
        words = str(fact.get("title") or "").split()
        if not words:
            continue
        wording = " ".join(words[:WORDING_WORDS]) + (" …" if len(words) > WORDING_WORDS else "")
        key = fold_words(wording)
        if key not in seen:
            seen.add(key)
            out.append(wording)
    return out
