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

from suivi.folding import fold_words
from suivi.models import Fact

KINDS_FILE = Path(__file__).parent / "data" / "agreement_kinds.json"
# A name longer than this is a sentence, not a name.
MAX_WORDS = 9

# Where a designation turns into a clause: a comma or bracket, a relative pronoun, a
# preposition introducing the parties or the amount, an auxiliary or a verb form. French and
# English verbs are recognised by their form (present participles, finite forms of the
# verbs news uses for agreements) rather than listed one by one.
_CLAUSE = re.compile(
    r"[,;:()«»\"“”]|\s(?:qui|que|qu['’]|dont|où|where|which|that|who|entre|avec|between|with|"
    r"d['’]une valeur|pour un montant|worth|a|ont|est|sont|sera|seront|avait|has|have|had|"
    r"was|were|is|are|will|porte|portent|concerne|concernent|vise|visent|prévoit|prévoient|"
    r"permet|permettent|sign[ée]e?s?|conclue?s?|paraph[ée]e?s?|ratifi[ée]e?s?|signed|"
    r"concluded|reached|leading|aims?|covers?|provides?|institue|instituent|lie|lient|"
    r"relie|engage|engagent|fixe|fixent|établit|crée|créent|couvre|couvrent|"
    # a date or a time: "en octobre", "le 23 juin", "en 2025", "cette semaine"
    r"(?:en|le|du|depuis|dès|in|on|since) (?:\d|janvier|février|mars|avril|mai|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|"
    r"june|july|august|september|october|november|december)|cette|ce mois|this)\b",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\w{3,}(?:ant|ing)$")
_TRAILING = frozenset(
    "de des du d la le l les et en pour sur au aux un une of the and for a an to in on".split()
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
    """The kind of agreement ``words`` open with (``memorandum`` for "protocole d'accord")."""
    folded = f"{fold_words(words or '')} "
    return next((kind for word, kind in _kind_words() if folded.startswith(f"{word} ")), None)


def _cut(title: str) -> str:
    # Keep the words before the clause starts. The match runs on the text as written: "à"
    # opens a name's complement ("relatif à la pêche"), "a" a clause ("a été signé").
    text = " ".join(title.split())
    match = _CLAUSE.search(text)
    # "accord à l'industrie…": no name goes on from its kind with "à"; a clause does.
    opening = re.match(r"^(\S+(?: d['’]\S+)?)\s+(?:à|a|au|aux)\s", text, re.IGNORECASE)
    if opening and (match is None or opening.end(1) < match.start()):
        return opening.group(1)
    words = (text[: match.start()] if match else text).split()[:MAX_WORDS]
    # A name ends on what it names, not on an article or a participle left dangling where
    # the extracted words stopped ("accord commercial instaurant une").
    while words and (fold_words(words[-1]) in _TRAILING or _PARTICIPLE.search(words[-1])):
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
    if not names:
        return None
    counts = Counter(names)
    top = max(counts.values())
    tied = [name for name, n in counts.items() if n == top]
    informative = [name for name in tied if len(name.split()) >= 3] or tied
    return min(informative, key=len)


def agreement_kind(facts: list[Fact]) -> str | None:
    """The kind of agreement most of the reports name (``agreement`` when they only say
    "accord"), or None when no report names one."""
    kinds = Counter(kind for f in facts if (kind := kind_of(f.get("title"))))
    if not kinds:
        return None
    top = max(kinds.values())
    # Among equals, the more specific kind: a "protocole d'accord" is also an "accord".
    return min((k for k, n in kinds.items() if n == top), key=lambda k: k == "agreement")
