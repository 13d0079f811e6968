"""People's names: a person entity cleaned, a person told from a place, the role and
state said with a name."""

from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as _FR_STOP_WORDS
from spacy.tokens import Doc, Span

from suivi.calendar_words import MONTHS
from suivi.extraction.countries import (
    capitals,
    country_names,
    country_regex,
    demonyms,
)
from suivi.extraction.gazetteer import lexicon
from suivi.extraction.resources import word_set
from suivi.extraction.text import folded_text, raw_text
from suivi.extraction.units import UNIT_TABLE
from suivi.folding import fold_chars, fold_key

_NAME_PARTICLES = word_set("name_words.json", "name_particles")


def _titlecase(word: str) -> str:
    return word.capitalize() if word.isupper() and len(word) > 2 and word.isalpha() else word


def in_byline(doc: Doc, start: int, end: int) -> bool:
    """Author lines and credits: "Par X", "KONE M.", "© Photographer / Agency"."""
    text = raw_text(doc)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    before = fold_chars(text[line_start:start]).strip()
    # "Par X" opens its line; "une promesse faite par X" is a sentence, not a byline.
    if "©" in text[line_start:start] or re.search(
        r"^\W*(?:par|by|credits?|photo|source)\s*:?\s*$", before
    ):
        return True
    rest = re.sub(r"[\W\d_]+", " ", line).split()
    return len(rest) <= 3 and len(line.strip()) <= 30 and start - line_start <= 2


def clean_person(span: Span) -> tuple[str, int, int] | None:
    """Strip titles around a name; None when what is left is not a name."""
    lex = lexicon()
    tokens = [t for t in span if not t.is_punct or t.text in (".", "-")]
    while tokens and (
        fold_chars(tokens[0].text).strip(".") in lex["titles"]
        or fold_chars(tokens[0].text) in lex["titles"]
        or not tokens[0].text[:1].isupper()
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or fold_chars(tokens[-1].text) in lex["titles"]):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 6:
        return None
    words = []
    for token in tokens:
        text = token.text
        if any(c.isdigit() for c in text):
            return None
        if (
            not text[:1].isupper()
            and fold_chars(text) not in _NAME_PARTICLES
            and not text.startswith("al-")
        ):
            return None
        words.append(_titlecase(text))
    name = " ".join(words).replace(" - ", "-")
    key = fold_key(name)
    if key in lex["not_names"] or key in country_names() or key in capitals() or key in demonyms():
        return None
    if len(name) < 3:
        return None
    return name, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:a|au|de|du|des|entre|vers|pres de|of|in|at|near|from|to|type|modele|projet|mine|"
    r"site|gisement|usine|ville|region|project|town|city)\s+|\bd['’])$"
)


def could_be_person(doc: Doc, name: str, start: int, end: int) -> bool:
    """A lone capitalised word is a person only when nothing says it is a place or a word:
    "Euros", "However", "August" are words; a name only ever seen after "à", "de", "entre" is a
    place ("la mine de X", "à X")."""
    words = fold_key(name).split()
    if set(words) & lexicon()["not_name_words"]:
        return False  # "République Populaire", "Afrique du Nord"
    if len(words) != 1:
        return True
    word = words[0]
    if word in MONTHS or word in UNIT_TABLE or word in _EN_STOP_WORDS or word in _FR_STOP_WORDS:
        return False
    if role_near(doc, start, end):
        return True
    folded = folded_text(doc)
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w])", folded):
        if not _LOCATIVE_BEFORE.search(folded, max(0, match.start() - 12), match.start()):
            return True
    return False


def capitals_surname(text: str, start: int) -> bool:
    """ "Jean Marie TRAORE", "Xi JINPING": a family name in capitals after a given name."""
    surname = re.match(r"[A-Z]+(?![\w-])", text[start:])
    if surname is None:
        return False  # "TB2": a model, not a name
    previous = re.search(r"([A-ZÀ-Ý][a-zà-ÿ]+)\s$", text[max(0, start - 30) : start])
    if previous is None or start - len(previous.group(0)) <= 0:
        return False
    word = fold_chars(previous.group(1))
    before = text[max(0, start - len(previous.group(0)) - 8) : start - len(previous.group(0))]
    before = before.rstrip(" ")
    if not before or before[-1] in ".!?\n:":
        return False  # the first word of a sentence
    lex = lexicon()
    return (
        word not in lex["org_words"] and word not in lex["titles"] and word not in lex["not_names"]
    )


def capitals_person(text: str, start: int, end: int) -> tuple[str, int] | None:
    """ "SEM Jean Marie TRAORE" -> ("Jean Marie Traore", offset of "Jean")."""
    lex = lexicon()
    given = re.search(r"((?:[A-ZÀ-Ý][a-zà-ÿ]+[ -]){1,3})$", text[max(0, start - 40) : start])
    if given is None:
        return None
    words = given.group(1).split()
    while words and (
        fold_chars(words[0]) in lex["titles"] or fold_chars(words[0]) in lex["not_names"]
    ):
        words = words[1:]
    if not words:
        return None
    first = start - len(" ".join(words)) - 1
    previous = re.search(r"(\w+)\W*$", text[max(0, first - 20) : first])
    if (
        previous
        and previous.group(1).islower()
        and previous.group(1) not in ("et", "de", "du", "and", "by", "par", "avec", "with")
        and fold_chars(previous.group(1)) not in lex["titles"]
    ):
        return None  # "le drone Falcon KXR": a model after a common noun
    name = " ".join([*words, text[start:end].capitalize()])
    return name, first


def country_near(folded: str, start: int, end: int) -> str | None:
    """The state that the words said with a name give it: a demonym or "du Mali" in the
    phrase that leads to the name ("le ministre malien de l'Économie, X"; "le président
    russe X") or in an apposition after it ("X, ministre malien des Mines,").

    Only the name's own phrase counts: a state named elsewhere in the sentence is another
    actor's ("US Defense Secretary Lloyd Austin said that Russian troops…" gives no RU).
    """
    phrase_before = _leading_phrase(folded[max(0, start - 120) : start])
    phrase_after = ""
    if folded[end : end + 2].startswith(","):
        rest = folded[end + 1 : end + 90]
        stop = re.search(r"[,.;()\n]", rest)
        apposition = rest[: stop.start()] if stop else rest
        # "X, ministre malien des Mines": an apposition says who X is when it holds an
        # office or a kind of body; "X, Russian troops unload…" is another clause.
        words = set(re.findall(r"[\w-]+", apposition))
        if words & (lexicon()["titles"] | _BODIES) and not re.match(
            r"\s*(?:et|and|ou|or)\b", apposition
        ):
            phrase_after = apposition
    candidates: list[tuple[int, str]] = []
    for distance_of, window in (
        (lambda at, w=phrase_before: len(w) - at, phrase_before),
        (lambda at: at + 1, phrase_after),
    ):
        for word in re.finditer(r"[\w-]+", window):
            code = demonyms().get(word.group(0))
            if code:
                candidates.append((distance_of(word.start()), code))
        for match in country_regex().finditer(window):
            prefix = window[max(0, match.start() - 10) : match.start()]
            if (
                re.search(r"(?:\bde(?:\s+la|\s+l')?|\bdu|\bd'|\bof(?:\s+the)?|'s)\s*$", prefix)
                or window[match.end() : match.end() + 2] == "'s"
            ):
                code = country_names().get(fold_key(match.group(0)))
                if code:
                    candidates.append((distance_of(match.start()), code))
    if not candidates:
        return None
    return min(candidates)[1]


# Words that say what kind of body a company or institution is, in an apposition.
_BODIES = frozenset(
    "societe entreprise groupe compagnie agence firme company firm group agency".split()
)
# Where the phrase leading to a name begins: a clause mark, or a preposition that makes the
# name the complement of something else ("la délégation russe a été accueillie par X").
_PHRASE_START = re.compile(
    # "M." and "Dr." are titles, not the end of a sentence
    r"(?<!\bm)(?<!\bmr)(?<!\bdr)(?<!\bmme)(?<!\bpr)\.|[;\n,()]"
    r"|\b(?:par|pour|avec|selon|by|with|for|according to)\b"
    # "X et l'ambassadeur de Chine Y", "X et son homologue russe Y": another person's phrase
    r"|\b(?:et|and)\s+(?=(?:l'|le\s|la\s|les\s|son\s|sa\s|ses\s|leur\s|the\s|his\s|her\s))"
    # a verb: the name is then its object, not the phrase's head ("X a reçu le colonel Y");
    # "a" alone is also "à" once folded, so only with a participle after it
    r"|\b(?:a|ont|avait|avaient)\s+(?:ete\s+)?\w+(?:e|es|ee|ees|i|is|u|us|t)\b"
    r"|\b(?:est|sont|etait|sera|recoit|rencontre|accueille|said|says|told|met|meets|has|have|"
    r"had|was|were|is|are|will)\b"
)


_LED_BY = re.compile(
    r"\b(?:delegation|mission|equipe|team|delegation)\s+([\w-]+)\s*,?\s*"
    r"(?:conduite|dirigee|menee|presidee|emmenee|led|headed)\s*$"
)


def _leading_phrase(before: str) -> str:
    # The words before a name that can say who it is: from the last clause mark or
    # preposition; when that leaves only a title ("le général"), the phrase before the
    # comma too ("le ministre nigérien de l'Intérieur, le général Toumba").
    before = before.rstrip()
    before = before[:-1].rstrip() if before.endswith(",") else before
    marks = list(_PHRASE_START.finditer(before))
    phrase = before[marks[-1].end() :] if marks else before
    led = _LED_BY.search(before[: marks[-1].start()]) if marks else None
    if led and marks[-1].group(0) in ("par", "by"):
        # "la délégation russe, conduite par X": X leads the delegation and shares its state.
        return f"{led.group(1)} {phrase}"
    if len(phrase.split()) <= 2 and marks and marks[-1].group(0) == ",":
        earlier = before[: marks[-1].start()]
        previous = list(_PHRASE_START.finditer(earlier))
        phrase = earlier[previous[-1].end() :] if previous else earlier
    return phrase


def role_near(doc: Doc, start: int, end: int) -> str | None:
    """The title or office said with a name: "le ministre des Mines, X" or "X, ministre de ..."."""
    lex = lexicon()
    text = raw_text(doc)
    after = text[end : end + 120]
    if after.startswith(","):
        clause = re.split(r"[,.;)\n]", after[1:], maxsplit=1)[0].strip()
        first = fold_chars(clause.split(" ")[0]) if clause else ""
        if first in ("et", "and", "ou", "or", "de", "du", "des"):
            first = ""  # "X, et du ministre des Mines, Y": the next person's title
        if first in lex["titles"] or first in ("chef", "responsable", "membre", "pdg", "directeur"):
            return clause[:100]
    before = text[max(0, start - 100) : start]
    pieces = re.split(r"[,.;(\n]", before)
    piece = pieces[-1].strip()
    if not piece and len(pieces) >= 2 and before.rstrip().endswith(","):
        piece = pieces[-2].strip()  # "et du ministre des Mines, X": the title before the comma
    # "Y et l'ambassadeur de France, X": only the words after the other person's name
    piece = re.split(r"\s(?:et|and)\s+(?=l['’]|le\s|la\s|les\s|son\s|sa\s|the\s)", piece)[-1]
    while True:
        shorter = re.sub(
            r"^(?:et|and|puis|then|ainsi que|as well as|par|by|du|de|le|la|les|l['’]"
            r"|en pr[ée]sence du)\s*",
            "",
            piece,
            flags=re.I,
        ).strip()
        if shorter == piece:
            break
        piece = shorter
    words = piece.split()
    at = next(
        (
            n
            for n in range(len(words) - 1, -1, -1)
            if fold_chars(words[n]) in lex["titles"]
            and fold_chars(words[n]) not in {"de", "du", "des", "d", "la", "le", "l", "et"}
        ),
        None,
    )
    if at is None:
        return None
    while at > 0 and fold_chars(words[at - 1]) in {"premier", "vice", "haut", "sous", "ancien"}:
        at -= 1  # "Premier ministre", "vice-président"
    # "La cérémonie s'est tenue en présence du ministre de l'Économie, X": from the title
    # nearest the name on
    title_words = words[at:] if len(words) - at >= 2 or at == 0 else words
    plural = fold_chars(words[at])
    if at == len(words) - 1 and plural.endswith("s") and plural[:-1] in lex["titles"]:
        title_words = words[at:]  # "par les Ministres X et Y": the title, for each of them
    elif len(words) - at >= 3 and fold_chars(words[-1]) in ("et", "and"):
        title_words = words[at : at + 1]  # "les Ministres X et Y": Y's title, not X's name
    return " ".join(title_words)[:100] or None


def home_state(doc: Doc, folded: str) -> str | None:
    """The state a story is about: the one it names most (by name or capital), when it is
    named at least twice and half again as often as any other."""
    text = raw_text(doc)
    counts: Counter[str] = Counter()
    for match in country_regex().finditer(folded):
        code = country_names().get(fold_key(match.group(0)))
        if code and text[match.start()].isupper():
            counts[code] += 1
    for match in re.finditer(r"[\w'’-]+", folded):
        code = capitals().get(match.group(0))
        if code and text[match.start()].isupper():
            counts[code] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) == 2 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]
