"""Name keys for matching: case, accents, titles, ranks and legal suffixes folded away."""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from anyascii import anyascii
from rapidfuzz import fuzz

from suivi.folding import fold_words, initials

# Titles and ranks that stand before a name in French and English news; they say who someone
# is, not which person: "le colonel Assimi Goïta" and "Général Assimi Goïta" are one man.
TITLES = frozenset(
    """
    le la les l m mr mme mrs ms mlle dr pr me sir
    president presidente vice premier ministre chef etat excellence son sa
    general colonel lieutenant capitaine commandant marechal amiral sergent
    gen col capt cdt lt d armee division brigade
    roi prince cheikh sheikh emir
    """.split()
)
RANKS = (
    "general d'armee",
    "general de division",
    "general de brigade",
    "lieutenant-colonel",
    "general",
    "colonel",
    "commandant",
    "capitaine",
    "lieutenant",
    "marechal",
)
LEGAL_SUFFIXES = frozenset(
    "sa s a sarl sas ltd limited inc corp corporation plc llc gmbh ag".split()
)
STOPWORDS = frozenset(
    "de des du d la le l les et en pour sur au aux a of the and for on in to at an".split()
)


def person_tokens(name: str) -> tuple[str, ...]:
    """A person's name as folded tokens, titles and ranks left out."""
    tokens = fold_words(name).split()
    while tokens and tokens[0] in TITLES:
        tokens = tokens[1:]
    return tuple(tokens)


# Two spellings of one family name at least this alike are one name ("Goïta"/"Goita" fold
# alike; "Keulika"/"Keoulika" are 93 % alike); transliterations that sound the same may be
# further apart ("Poutine"/"Putin" 83 %, "Tsivilev"/"Tsiviliov" 82 %), but not as far as
# two names that merely share their consonants ("Goïta"/"Keïta" 60 %).
SPELLING_SIMILARITY = 90
SOUND_SIMILARITY = 70
GIVEN_SIMILARITY = 80


@lru_cache(maxsize=8192)
def latin(token: str) -> str:
    """A folded name token in Latin letters: "Путин" gives "putin"."""
    return fold_words(anyascii(token)) or token


@lru_cache(maxsize=8192)
def sound(token: str) -> str:
    """How a name token sounds (Metaphone): French and English transliterations of one
    Russian or Arabic name mostly agree ("poutine" and "putin" are both PTN)."""
    return jellyfish.metaphone(latin(token))


def latin_words(text: str) -> str:
    """``text`` folded to words in Latin letters ("Санкт-Петербург" → "sankt peterburg")."""
    return fold_words(anyascii(text))


def same_family_name(a: str, b: str) -> bool:
    """Whether two folded family names are one name, however transliterated."""
    a, b = latin(a), latin(b)
    if a == b:
        return True
    similarity = fuzz.ratio(a, b)
    return similarity >= SPELLING_SIMILARITY or (
        similarity >= SOUND_SIMILARITY and sound(a) == sound(b)
    )


def same_given_name(a: str, b: str) -> bool:
    """Whether two folded given names (or an initial) are one: a transliteration keeps the
    first letter ("Sergueï"/"Sergei"), a different name usually does not ("Mamadou"/"Amadou")."""
    a, b = latin(a), latin(b)
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    return len(a) == 1 or len(b) == 1 or fuzz.ratio(a, b) >= GIVEN_SIMILARITY


def organisation_key(name: str) -> str:
    """An organisation's name folded, articles and legal suffixes left out."""
    tokens = fold_words(name).split()
    while tokens and tokens[0] in ("le", "la", "les", "l", "the"):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens = tokens[:-1]
    return " ".join(tokens)


def acronym(name: str) -> str:
    """Initials of a name's significant words: "Alliance des États du Sahel" gives "aes"."""
    letters = initials(name, STOPWORDS)
    return letters if len(letters) > 1 else ""


def without_legal_suffix(name: str) -> str:
    """``name`` as written, without a trailing legal form ("NNPC Ltd" gives "NNPC")."""
    words = name.split()
    while len(words) > 1 and fold_words(words[-1]).replace(" ", "") in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def is_acronym(name: str) -> bool:
    """Whether ``name`` is written as an acronym (AES, UEMOA, SOREM)."""
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in name.strip()


def rank_before(name: str, sentence: str) -> str | None:
    """The military rank written just before ``name`` in ``sentence``, if any."""
    folded = fold_words(sentence)
    tokens = person_tokens(name)
    if not tokens:
        return None
    target = " ".join(tokens)
    for rank in RANKS:
        written = f"{fold_words(rank)} {target}"
        if written in folded and re.search(rf"\b{re.escape(written)}\b", folded):
            return rank.replace("general", "général").replace("marechal", "maréchal")
    return None
