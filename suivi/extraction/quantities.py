"""Quantities: masses, money, power, areas, shares and numbers of people, with what they measure.

One regular-expression pass over the folded text finds each number with its scale and unit;
the dependency parse then names the subject (the noun the figure is attached to, or the "de"
complement after the unit). Durations, ages, ranks and counts of documents carry no unit of
ours, so they are never read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from suivi.extraction.numbers import DIGITS, WORDS, parse_digits, parse_words
from suivi.extraction.resources import load
from suivi.extraction.text import (
    Keywords,
    folded_text,
    raw_text,
    sentence_at,
    sentence_evidence,
    span_between,
)
from suivi.folding import fold_chars


def _alt(words: list[str]) -> str:
    ordered = sorted({fold_chars(w) for w in words}, key=len, reverse=True)
    parts = []
    for word in ordered:
        body = re.escape(word).replace("\\ ", r"\s+")
        parts.append(body if not word[-1].isalnum() else body + r"(?![\w])")
    return "|".join(parts)


_UNITS: dict[str, Any] = load("units.json")
UNIT_TABLE: dict[str, tuple[str, float]] = {
    fold_chars(k): (v[0], float(v[1])) for k, v in _UNITS["units"].items()
}
SCALES: dict[str, float] = {fold_chars(k): float(v) for k, v in _UNITS["scales"].items()}
PEOPLE: set[str] = {fold_chars(p) for p in _UNITS["people"]}
PER_AFTER = Keywords(
    {
        label: [k for k, v in _UNITS["per"].items() if v == label]
        for label in set(_UNITS["per"].values())
    }
)
_PER_AFTER_MAP = {fold_chars(k): v for k, v in _UNITS["per"].items()}
_PER_BEFORE_MAP = {fold_chars(k): v for k, v in _UNITS["per_before"].items()}
_SHORT_SCALES = {"m", "md", "mds", "mrd", "mrds", "bn", "k", "mn", "mio"}
_CURRENCIES = {code for code, _ in UNIT_TABLE.values()} - {"t", "MW", "ha", "%"}

_LONG_SCALES = _alt([s for s in SCALES if s not in _SHORT_SCALES])
_SHORT = _alt(sorted(_SHORT_SCALES))
_UNIT_ALT = _alt(list(UNIT_TABLE))
_PEOPLE_ALT = _alt(list(PEOPLE))
_PREFIX = r"(?P<prefix>us\s?\$|\$\s?us|\$|€|£)\s?"


def _number_regex(language: str) -> re.Pattern[str]:
    number = rf"(?P<num>{DIGITS}|{WORDS[language]})"
    currency = r"(?=\s?(?:\$|€|£|fcfa|f\s?cfa|usd|eur))"
    scale = rf"(?:\s*(?P<scale>{_LONG_SCALES})|\s?(?P<short>{_SHORT}){currency})?"
    return re.compile(rf"(?<![\w.,])(?:{_PREFIX})?{number}{scale}")


_NUMBER_RE = {lang: _number_regex(lang) for lang in ("fr", "en")}
_UNIT_AFTER = re.compile(rf"\s*(?:de\s+|d'|of\s+)?(?P<unit>{_UNIT_ALT})")
_PEOPLE_AFTER = re.compile(rf"\s*(?:[\w.-]+\s+){{0,2}}?(?P<people>{_PEOPLE_ALT})")
_RANGE_JOIN = re.compile(r"\s*(?:-|a|au|et|to|and)\s*$")
_RANGE_OPEN = re.compile(r"(?:entre|de|from|between|d'environ|d')\s*$")
_NUMBER_OF = re.compile(
    rf"\b(?:nombre|number)\s+(?:de\s+|d'|of\s+)(?:[\w-]+\s+)?(?P<people>{_PEOPLE_ALT})"
)
_YEARISH = re.compile(r"^(?:19|20)\d\d$")

_KIND = Keywords(
    {
        # Words reporting goods that reached their destination.
        "delivered": [
            # Past participles only: "promet d'acheminer" is a promise, "acheminées" is not.
            "livre",
            "livree",
            "livrees",
            "livres",
            "recu",
            "recue",
            "recues",
            "recus",
            "recoit",
            "receptionne",
            "receptionnee",
            "receptionnees",
            "receptionnes",
            "debarque",
            "debarquee",
            "debarquees",
            "debarques",
            "achemine",
            "acheminee",
            "acheminees",
            "achemines",
            "delivered",
            "shipped",
            "received",
            "arrive",
            "arrivee",
            "arrivees",
            "arrives",
            "arrived",
        ],
        # Words naming deliveries without saying they happened ("promet des livraisons").
        "delivery": ["livr*", "cargaison*", "fourni*", "deliver*", "suppl*"],
        "pledge": [
            # A supply told in the future tense is a promise ("fournira", "livreront").
            "fournira",
            "fourniront",
            "livrera",
            "livreront",
            "enverra",
            "enverront",
            "offrira",
            "offriront",
            "acheminera",
            "achemineront",
            "will supply",
            "will deliver",
            "will provide",
            "engage*",
            "promet*",
            "promis*",
            "promesse*",
            "pledge*",
            "pret*",
            "don",
            "dons",
            "financement*",
            "aide",
            "convention*",
            "accord*",
            "loan*",
            "grant*",
            "octroi*",
            "enveloppe",
            "concours",
            "subvention*",
        ],
        "cost": ["cout*", "coute*", "valued", "valeur", "montant", "cost*", "budget", "debours*"],
        "trade": [
            "echange*",
            "commerc*",
            "export*",
            "import*",
            "trade",
            "turnover",
            "chiffre d'affaires",
        ],
        "investment": ["invest*"],
        "production": ["produ*", "production", "capacite*", "capacity", "extraction"],
    }
)
_NOUNS = {"NOUN", "PROPN"}
_SKIP_SUBJECT = {
    "plus",
    "moins",
    "environ",
    "pres",
    "hauteur",
    "quelque",
    "ordre",
    # "par an", "per year": the period of a rate, never what is measured
    "an",
    "ans",
    "annee",
    "annees",
    "jour",
    "jours",
    "mois",
    "semaine",
    "semaines",
    "year",
    "years",
    "day",
    "days",
    "month",
    "months",
    "week",
    "weeks",
}
# Nouns that say "an amount of": the thing measured is the noun above them.
_MEASURE_NOUNS = {
    "montant",
    "valeur",
    "somme",
    "total",
    "niveau",
    "capacite",
    "capacites",
    "enveloppe",
    "cout",
    "superficie",
    "surface",
    "puissance",
    "volume",
    "amount",
    "value",
    "capacity",
    "sum",
}
_EN_STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "that",
    "this",
    "is",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "its",
    "their",
    "his",
    "her",
    "over",
    "about",
    "nearly",
    "some",
    "around",
    "than",
    "more",
    "less",
    "up",
    "as",
    "it",
    "which",
    "who",
    "said",
    "says",
    "approximately",
    "approximate",
    "roughly",
    "almost",
    "per",
    "each",
    "year",
}


@dataclass
class _Figure:
    start: int
    end: int
    low: float
    high: float
    unit: str | None
    scaled: bool
    per: str | None = None
    people: str | None = None
    in_parens: bool = False
    tail: int = 0  # end of the unit phrase
    extra: dict[str, Any] = field(default_factory=dict)


def _read_number(match: re.Match[str], language: str) -> float | None:
    text = match.group("num")
    value = parse_digits(text, language) if text[0].isdigit() else parse_words(text, language)
    if value is None:
        return None
    scale = match.group("scale") or match.group("short")
    if scale:
        value *= SCALES[" ".join(scale.split())]
    return value


def find_figures(folded: str, language: str) -> list[_Figure]:
    """Every number with a unit of ours in ``folded``, ranges joined, in text order."""
    figures: list[_Figure] = []
    bare: list[tuple[re.Match[str], float]] = []
    for match in _NUMBER_RE[language].finditer(folded):
        value = _read_number(match, language)
        if value is None:
            continue
        end = match.end()
        unit: str | None = None
        factor = 1.0
        people: str | None = None
        prefix = match.group("prefix")
        if prefix:
            unit = "USD" if "$" in prefix else UNIT_TABLE.get(prefix.strip(), ("EUR", 1.0))[0]
        after = _UNIT_AFTER.match(folded, end)
        if after and unit is None:
            key = " ".join(after.group("unit").split())
            unit, factor = UNIT_TABLE[key]
            end = after.end()
        elif unit is None:
            person = _PEOPLE_AFTER.match(folded, end)
            if person and not re.search(r"[\d,;.()]", folded[end : person.start("people")]):
                unit, people, end = "person", person.group("people"), person.end()
        if unit is None:
            bare.append((match, value))
            continue
        if unit in ("t", "MW", "ha", "%", "person") and match.group("short"):
            continue
        if unit == "person" and (value != int(value) or value < 2):
            continue
        figures.append(
            _Figure(
                match.start(),
                end,
                value * factor,
                value * factor,
                unit,
                bool(match.group("scale") or match.group("short")),
                people=people,
            )
        )
        figures[-1].extra["num_end"] = match.end()
    figures = _join_ranges(folded, figures, bare, language)
    figures += _people_counts(folded, bare, figures)
    _inherit_currency(folded, figures, bare, language)
    figures.sort(key=lambda f: f.start)
    return figures


def _join_ranges(
    folded: str, figures: list[_Figure], bare: list[tuple[re.Match[str], float]], language: str
) -> list[_Figure]:
    """ "entre 160 000 et 200 000 tonnes", "25-50 thousand tons": the first number takes the
    unit (and scale) of the second. "de 20 % à 30 %" stays two figures."""
    for match, value in bare:
        nxt = next((f for f in figures if f.start >= match.end()), None)
        if nxt is None or not _RANGE_JOIN.fullmatch(folded[match.end() : nxt.start]):
            continue
        joint = folded[match.end() : nxt.start].strip()
        if joint not in ("-", "to") and not _RANGE_OPEN.search(
            folded[max(0, match.start() - 14) : match.start()]
        ):
            continue
        low = value
        factor = 1.0
        if not (match.group("scale") or match.group("short")) and nxt.scaled:
            ratio = _scale_of(folded[nxt.start : nxt.end], language)
            low *= ratio
        unit_factor = _unit_factor(folded[nxt.start : nxt.end])
        low *= unit_factor * factor
        if low < nxt.low:
            nxt.low = low
            nxt.start = match.start()
    return figures


def _scale_of(text: str, language: str) -> float:
    found = re.search(rf"(?:{_LONG_SCALES})", text)
    return SCALES[" ".join(found.group(0).split())] if found else 1.0


def _unit_factor(text: str) -> float:
    found = _UNIT_AFTER.search(text)
    return UNIT_TABLE[" ".join(found.group("unit").split())][1] if found else 1.0


def _people_counts(
    folded: str, bare: list[tuple[re.Match[str], float]], figures: list[_Figure]
) -> list[_Figure]:
    """ "le nombre de boursiers, passé de 35 à 290": bare counts after "nombre de <people>"."""
    found: list[_Figure] = []
    for number_of in _NUMBER_OF.finditer(folded):
        stop = folded.find(".", number_of.end())
        stop = len(folded) if stop < 0 else stop
        for match, value in bare:
            if not number_of.end() <= match.start() < stop:
                continue
            if _YEARISH.match(match.group("num")) or value != int(value) or value < 2:
                continue
            if match.group("scale") or match.group("short"):
                continue
            found.append(
                _Figure(
                    match.start(),
                    match.end(),
                    value,
                    value,
                    "person",
                    False,
                    people=number_of.group("people"),
                )
            )
    return found


def _inherit_currency(
    folded: str, figures: list[_Figure], bare: list[tuple[re.Match[str], float]], language: str
) -> None:
    """ "150 millions sous forme de prêt": a scaled bare number takes the currency of the last
    amount before it in the sentence that was not a conversion in parentheses."""
    for figure in figures:
        figure.in_parens = folded.rfind("(", 0, figure.start) > folded.rfind(")", 0, figure.start)
    for match, value in bare:
        if not match.group("scale"):
            continue
        sentence_start = max(
            folded.rfind(". ", 0, match.start()), folded.rfind("\n", 0, match.start())
        )
        previous = [
            f
            for f in figures
            if sentence_start < f.start < match.start()
            and f.unit in _CURRENCIES
            and not f.in_parens
        ]
        if previous:
            figures.append(
                _Figure(match.start(), match.end(), value, value, previous[-1].unit, True)
            )


# ---------------------------------------------------------------------------- per, subject, kind


_LAST_YEAR = re.compile(r"\s+(?:dernier|derniere|passe|passee|prochain|prochaine|precedent)\b")


def _per(folded: str, figure: _Figure, sentence_end: int, previous: _Figure | None) -> str | None:
    window_end = min(sentence_end, figure.end + 60)
    nxt_digit = re.search(r"\d", folded[figure.end : window_end])
    if nxt_digit:
        window_end = figure.end + nxt_digit.start()
    for _label, pattern, s, e in PER_AFTER.finditer(folded, figure.end, window_end):
        if _LAST_YEAR.match(folded, e):
            continue  # "l'an dernier" dates the figure; it is no rate
        if s - figure.end <= 45:
            return _PER_AFTER_MAP.get(fold_chars(pattern))
    before = folded[max(0, figure.start - 50) : figure.start].split()
    for word in before[-6:]:
        if word.strip(",.;:") in _PER_BEFORE_MAP:
            return _PER_BEFORE_MAP[word.strip(",.;:")]
    if previous and previous.unit == figure.unit and previous.per:
        between = folded[previous.end : figure.start]
        if len(between) < 40 and re.search(
            r"extensible|jusqu|voire|puis|\bet\b|\bou\b|\bto\b|up to", between
        ):
            return previous.per
    return None


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


def _complement(doc: Doc, figure: _Figure, sentence: Span) -> str | None:
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


def _governor(doc: Doc, figure: _Figure, sentence: Span) -> list[str]:
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


def _window(doc: Doc, figure: _Figure, sentence: Span) -> list[str]:
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


def _parenthesis(
    doc: Doc, figure: _Figure, items: list[dict[str, Any]], figures: list[_Figure]
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


def _subject(doc: Doc, figure: _Figure, sentence: Span) -> str | None:
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


def _noun_before(doc: Doc, figure: _Figure, sentence: Span) -> str | None:
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


def _kind(folded: str, figure: _Figure, sentence: Span) -> str | None:
    if figure.unit == "%":
        return "share"
    if figure.unit == "MW":
        return "capacity"
    if figure.unit == "ha":
        return "area"
    if figure.unit == "person":
        return "people"
    labels = _KIND.labels_in(folded, sentence.start_char, sentence.end_char)
    # For goods, a reported arrival beats a promise ("les tonnes promises sont arrivées"),
    # and a promise beats a mere mention of deliveries ("Moscou promet des livraisons").
    order = (
        ("delivered", "pledge", "delivery", "production", "trade", "cost", "investment")
        if figure.unit == "t"
        else ("cost", "trade", "investment", "pledge", "delivered", "delivery")
    )
    found = next((label for label in order if label in labels), None)
    return "delivery" if found == "delivered" else found


def _year(doc: Doc, figure: _Figure, sentence: Span) -> int | None:
    best: tuple[int, int] | None = None
    for mention in doc._.dates:
        if mention.start < sentence.start_char or mention.end > sentence.end_char:
            continue
        if figure.start <= mention.start < figure.end:
            continue
        distance = min(abs(mention.start - figure.end), abs(figure.start - mention.end))
        if best is None or distance < best[0]:
            best = (distance, int(mention.value[:4]))
    return best[1] if best else None


def _clean(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


class QuantityFinder:
    """Pipeline component: sets ``doc._.quantities`` to contract-shaped quantity items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        language = doc._.language or "fr"
        items: list[dict[str, Any]] = []
        previous: _Figure | None = None
        figures = find_figures(folded, language)
        for figure in figures:
            sentence = sentence_at(doc, figure.start)
            figure.per = _per(folded, figure, sentence.end_char, previous)
            previous = figure
            if figure.unit == "AED" and _moroccan(folded):
                figure.unit = "MAD"  # the dirham of a Moroccan story is Morocco's
            subject = _parenthesis(doc, figure, items, figures) or _subject(doc, figure, sentence)
            if subject is None and len(figures) > 1:
                subject = _extended_subject(folded, figure, figures)
            figure.extra["subject"] = subject
            item = {
                "min": _clean(figure.low),
                "max": _clean(figure.high),
                "unit": figure.unit,
                "per": figure.per,
                "subject": subject,
                "year": _year(doc, figure, sentence),
                "kind": _kind(folded, figure, sentence),
                "evidence": sentence_evidence(doc, figure.start),
            }
            if not _repeated(items, item):
                items.append(item)
        doc._.quantities = items
        return doc


def _extended_subject(folded: str, figure: _Figure, figures: list[_Figure]) -> str | None:
    """ "100 tonnes par an, extensible à 200 tonnes": the second figure measures the same."""
    before = [f for f in figures if f.end <= figure.start and f.unit == figure.unit]
    if not before:
        return None
    between = folded[before[-1].end : figure.start]
    if len(between) < 40 and re.search(r"extensible|jusqu|voire|up to|rising to", between):
        return str(before[-1].extra.get("subject") or "") or None
    return None


def _moroccan(folded: str) -> bool:
    return ("maroc" in folded or "morocc" in folded) and not re.search(
        r"emirat|emirates|abou dhabi|abu dhabi|dubai|\beau\b|\buae\b", folded
    )


def _repeated(items: list[dict[str, Any]], item: dict[str, Any]) -> bool:
    """The same figure for the same thing, said again."""
    for other in items:
        if (other["min"], other["max"], other["unit"], other["per"]) != (
            item["min"],
            item["max"],
            item["unit"],
            item["per"],
        ):
            continue
        a = set(fold_chars(other["subject"] or "").replace(";", " ").split())
        b = set(fold_chars(item["subject"] or "").replace(";", " ").split())
        if not a or not b or a & b:
            return True
    return False
