"""What the words around an agreement say of it: its two sides when the sentence only says
"les deux pays", and the English words that qualify it before its noun."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP_WORDS
from spacy.tokens import Doc

from suivi.extraction.facts import actors_in
from suivi.extraction.text import sentence_at

# "signé entre les deux pays": the two sides are the states just named.
BOTH_SIDES = re.compile(
    r"\b(?:entre|par)\s+les\s+deux\s+(?:pays|etats|parties|gouvernements)\b"
    r"|\bles\s+deux\s+(?:dirigeants|chefs\s+d'etat|presidents|ministres|delegations)\b"
    r"|\b(?:between|by)\s+(?:the\s+two|both)\s+(?:countries|states|sides|governments)\b"
    r"|\b(?:the\s+two|both)\s+(?:leaders|presidents|ministers|delegations)\b"
)


def sides_named_before(doc: Doc, start: int) -> list[str]:
    """The two states named by the closest of the two sentences before ``start`` that names
    exactly two, or whose people are of two ("L'Iran et le Niger renforcent leur
    coopération. Un protocole a été signé entre les deux pays"); none when none is near."""
    end = start
    for _ in range(2):
        if end <= 0:
            break
        previous = sentence_at(doc, end - 1)
        states = [p for p in actors_in(doc, previous.start_char, end, ("country",)) if len(p) == 2]
        # "Erdoğan a reçu le général Tiani. Les deux dirigeants ont signé…": their states
        named = set(actors_in(doc, previous.start_char, end, ("person",)))
        for actor in doc._.actors:
            if actor["name"] in named and actor["country"] and actor["country"] not in states:
                states.append(actor["country"])
        if len(states) == 2:
            return states
        end = previous.start_char
    return []


# Verbs news puts just before an English agreement's modifiers ("sign solar energy MoU").
_EN_VERBS = frozenset(
    "sign signs signed signing ink inks inked seal seals sealed reach reaches reached "
    "conclude concludes concluded agree agrees agreed renew renews renewed withdraw quit "
    "exit join joins joined approve approves approved ratify ratified finalise finalize "
    "announce announces announced".split()
)


def english_modifiers(text: str, start: int) -> str:
    """The words that qualify an English agreement before its noun: "an international grain
    deal", "a five-year defence cooperation agreement" (French puts them after the noun,
    where the title already reads them). Up to four words, back to an article, a
    preposition, a verb or a name."""
    words = re.findall(r"[\w’'-]+\s+", text[max(0, start - 80) : start])
    kept: list[str] = []
    for word in reversed(words):
        bare = word.strip().lower()
        if (
            len(kept) == 4
            or bare in _EN_STOP_WORDS
            or bare in _EN_VERBS
            or not word[:1].isalpha()
            or word[:1].isupper()
        ):
            break
        kept.insert(0, word)
    return "".join(kept)
