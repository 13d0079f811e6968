"""What a figure measures, from the dependency parse (French) or the clause's words (English)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from suivi.extraction.figures import Figure
from suivi.extraction.resources import word_set
from suivi.extraction.text import (
    folded_text,
    raw_text,
    span_between,
)
from suivi.extraction.units import SCALES, UNIT_TABLE
from suivi.folding import fold_chars

_NOUNS = {"NOUN", "PROPN"}
_SKIP_SUBJECT = word_set("quantity_words.json", "not_subjects")
# Nouns that say "an amount of": the thing measured is the noun above them.
_MEASURE_NOUNS = word_set("quantity_words.json", "measure_nouns")
_EN_STOP = word_set("quantity_words.json", "english_stop_words")


def _phrase(token: Token, exclude: set[int] | None = None) -> str:
    """A short noun phrase around ``token``: its adjectives and one "de" complement."""
    exclude = exclude or set()
    words = [token]
    for child in token.children:
        if child.dep_ in ("amod", "flat:name", "compound", "fixed") and abs(child.i - token.i) <= 3:
            words.append(child)
        elif (
            child.dep_ == "nmod"
            and child.i > token.i
            and child.i - token.i <= 4
            and child.pos_ in _NOUNS
        ):
            words.extend(t for t in child.subtree if t.i - token.i <= 6 and not t.is_punct)
    kept = sorted({t for t in words if t.i not in exclude}, key=lambda t: t.i)
    cut = next((n for n, t in enumerate(kept) if t.like_num), len(kept))
    kept = kept[:cut]
    while kept and kept[-1].pos_ in ("ADP", "DET", "CCONJ"):
        kept.pop()
    return " ".join(t.text for t in kept)


def _complement(doc: Doc, figure: Figure, sentence: Span) -> str | None:
    """The "de"/"of"/"pour"/"par"/"dans" noun phrase right after the unit ("tonnes de blé")."""
    start = figure.end
    rate = re.match(
        r"\s*(?:par|chaque|per|each|a|every)\s+(?:an|annee|mois|jour|semaine|year|month|day|week)\b",
        folded_text(doc)[start:],
    )
    if rate:
        start += rate.end()
    form = re.match(
        r"\s*(?:sous\s+(?:la\s+)?forme|in\s+the\s+form)(?=\s+(?:de|d'|d’|of)\b)",
        raw_text(doc)[start:],
    )
    if form:
        start += form.end()  # "150 millions sous forme de prêt"
    span = span_between(doc, start, sentence.end_char)
    if span is None or start >= sentence.end_char:
        return None
    words: list[str] = []
    started = False
    for token in span:
        low = token.lower_
        if not started:
            if low in (
                "de",
                "d'",
                "d’",
                "du",
                "des",
                "of",
                "pour",
                "par",
                "dans",
                "aux",
                "au",
                "en",
            ):
                started = True
                if low in ("du", "des", "aux", "au"):
                    continue
                continue
            if token.is_space:
                continue
            return None
        if token.is_punct or token.like_num or token.pos_ in ("VERB", "AUX", "SCONJ", "PRON"):
            break
        if fold_chars(token.text) in (
            "chaque",
            "par",
            "per",
            "each",
            "every",
            "a",
            "soit",
            "en",
            "au",
            "sur",
        ):
            break
        if token.pos_ == "ADP" and low not in ("de", "d'", "d’", "of"):
            break
        if low in ("le", "la", "les", "l'", "l’", "the", "un", "une"):
            continue
        words.append(token.text)
        if len(words) >= 6:
            break
    text = " ".join(words).strip()
    if not text or fold_chars(text) in UNIT_TABLE or fold_chars(text).split()[0] in UNIT_TABLE:
        return None
    return text


def _governor(doc: Doc, figure: Figure, sentence: Span) -> list[str]:
    """Nouns the figure is attached to: the noun above it, or the subject of its verb."""
    span = span_between(doc, figure.start, figure.extra.get("num_end", figure.end))
    if span is None:
        return []
    inside = {t.i for t in span_between(doc, figure.start, figure.end) or span}
    found: list[str] = []
    token = span.root
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        token = head
        if token.i in inside:
            continue
        if (
            token.pos_ in _NOUNS
            and fold_chars(token.text) not in UNIT_TABLE
            and fold_chars(token.text) not in _SKIP_SUBJECT
            and fold_chars(token.text) not in SCALES
        ):
            found.append(_phrase(token, inside))
            if fold_chars(token.text) in _MEASURE_NOUNS:
                continue
            break
        if token.pos_ in ("VERB", "AUX", "ADJ") and not (found and token.pos_ == "ADJ"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ in _NOUNS:
                    found.append(_phrase(child))
            if token.pos_ == "ADJ" or found:
                break
    if not found:
        # The nearest noun before the figure in its sentence.
        for tok in reversed(doc[sentence.start : span.start]):
            if (
                tok.pos_ in _NOUNS
                and fold_chars(tok.text) not in UNIT_TABLE
                and fold_chars(tok.text) not in _SKIP_SUBJECT
            ):
                if span.start - tok.i <= 8:
                    found.append(_phrase(tok))
                break
    return found


def _window(doc: Doc, figure: Figure, sentence: Span) -> list[str]:
    """Content words of the clause around a figure: the subject where the parse is unreliable
    (English text read with the French model)."""
    text = raw_text(doc)
    left = max(sentence.start_char, *(text.rfind(c, 0, figure.start) + 1 for c in ",;:(\n"))
    right_stops = [i for i in (text.find(c, figure.end) for c in ",;:.)\n") if i >= 0]
    right = min([sentence.end_char, *right_stops])
    clause = text[left : figure.start]
    if (
        re.match(r"\s*(?:which|that|who|before|after|while|and)\b", clause)
        and left > sentence.start_char
    ):
        # "Inflation, which peaked at …", "…, before easing to 41.2%": the clause's subject
        # opens the sentence.
        clause = text[sentence.start_char : figure.start]
    words = [w.strip("\"'“”") for w in clause.split()][-10:]
    words += [w.strip("\"'“”") for w in text[figure.end : right].split()][:5]
    if left > sentence.start_char:
        opening = [w for w in text[sentence.start_char : left].split() if w.isalpha()]
        words = [w for w in opening if not w.isupper()][:2] + words
    keep = [
        w
        for w in words
        if w
        and not any(c.isdigit() for c in w)
        and fold_chars(w) not in _EN_STOP
        and fold_chars(w) not in UNIT_TABLE
        and fold_chars(w) not in SCALES
        and w not in ("$", "-", "–")
    ]
    return [" ".join(keep)] if keep else []


def parenthesis_subject(
    doc: Doc, figure: Figure, items: list[dict[str, Any]], figures: list[Figure]
) -> str | None:
    """ "l'oxyde d'aluminium (89,7 %)": the words before the bracket; a conversion
    ("51 milliards de francs CFA (77,8 millions d'euros)") takes the subject of the one before."""
    before = raw_text(doc)[max(0, figure.start - 80) : figure.start].rstrip()
    if not before.endswith("("):
        return None
    before = before[:-1].rstrip()
    previous = [f for f in figures if f.end <= figure.start and figure.start - f.end <= 3]
    if previous:
        return str(previous[-1].extra.get("subject") or "") or None
    words = re.split(r"[,;:.()«»]", before)[-1].split()[-4:]
    while words and fold_chars(words[0]) in (
        "de",
        "des",
        "du",
        "et",
        "les",
        "le",
        "la",
        "l'",
        "the",
        "of",
        "and",
    ):
        words = words[1:]
    return " ".join(words) or None


def subject_of(doc: Doc, figure: Figure, sentence: Span) -> str | None:
    parts: list[str] = []
    if figure.people and fold_chars(figure.people) not in fold_chars(
        raw_text(doc)[figure.start : figure.end]
    ):
        parts.append(figure.people)
    elif figure.people:
        people = span_between(doc, figure.start, figure.end)
        if people is not None:
            last = people[-1]
            parts.append(_phrase(last) if last.pos_ in _NOUNS else last.text)
    complement = _complement(doc, figure, sentence)
    if complement and (figure.unit in ("t", "%", "person") or not parts):
        parts.append(complement)
    if figure.unit not in ("t",) or not complement:
        if (doc._.language or "fr") == "en":
            parts.extend(_window(doc, figure, sentence))
        else:
            parts.extend(_governor(doc, figure, sentence))
    if (doc._.language or "fr") != "en" and _only_measure(parts):
        noun = _noun_before(doc, figure, sentence)
        if noun:
            parts.append(noun)
    seen: dict[str, None] = {}
    for part in parts:
        if part and fold_chars(part) not in {fold_chars(p) for p in seen}:
            seen[part] = None
    return " ; ".join(seen) or None


def _only_measure(parts: list[str]) -> bool:
    """No subject, or only "montant", "puissance": the thing measured is still to be found."""
    words = {fold_chars(w) for part in parts for w in part.split()} - {"de", "d'", "du", "des"}
    return not words or words <= _MEASURE_NOUNS


def _noun_before(doc: Doc, figure: Figure, sentence: Span) -> str | None:
    """The noun a figure follows: "le barrage de X, d'une puissance de 120 MW" measures the
    dam; "une centrale de 45 MW" the plant."""
    span = span_between(doc, figure.start, figure.end)
    if span is None:
        return None
    for token in reversed(doc[max(sentence.start, span.start - 10) : span.start]):
        if token.pos_ == "VERB" or token.text in (".", ";", ":"):
            return None
        key = fold_chars(token.text)
        if (
            (
                token.pos_ == "NOUN"
                # "Une centrale …" tagged as an adjective, yet with its article
                or (token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children))
            )
            and key not in _MEASURE_NOUNS
            and key not in _SKIP_SUBJECT
            and key not in UNIT_TABLE
            and key not in SCALES
        ):
            return _phrase(token)
    return None


def extended_subject(folded: str, figure: Figure, figures: list[Figure]) -> str | None:
    """ "100 tonnes par an, extensible à 200 tonnes": the second figure measures the same."""
    before = [f for f in figures if f.end <= figure.start and f.unit == figure.unit]
    if not before:
        return None
    between = folded[before[-1].end : figure.start]
    if len(between) < 40 and re.search(r"extensible|jusqu|voire|up to|rising to", between):
        return str(before[-1].extra.get("subject") or "") or None
    return None
