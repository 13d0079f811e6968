"""Text folding: the one place where case, accents and punctuation are set aside.

Three strengths, each for one use:

- ``fold_chars`` keeps one character per character, so offsets found in the folded text are
  offsets in the original (extraction matches patterns on it);
- ``fold_key`` also makes hyphens and dots spaces and collapses spacing: a key under which
  two spellings of one name compare equal;
- ``fold_words`` keeps only word characters, single-spaced: names compared across articles
  ("Fédération de Russie." and "federation-de-russie" fold alike);
- ``text_identity`` folds case and spacing only, then hashes: a document's identity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

# Characters NFKD leaves alone or turns into more than one character: folded to the one
# character a reader would type, so that folding never changes a text's length.
_SPECIAL = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u2011": "-",
    "\u00b2": "2",
}
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = unicodedata.normalize("NFKD", char)[:1] or char
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


def fold_chars(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping its length (offsets stay valid)."""
    return "".join(_fold_char(c) for c in text)


def fold_key(text: str) -> str:
    """``text`` as a comparison key: folded, hyphens and dots as spaces, single spaces."""
    return " ".join(fold_chars(text).replace("-", " ").replace(".", " ").split()).strip(" ,;:'\"()")


@lru_cache(maxsize=8192)
def fold_words(text: str) -> str:
    """Lower case, no accents, every run of non-word characters one space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def initials(name: str, skip: frozenset[str]) -> str:
    """The first letters of a name's words, folded, leaving out the words in ``skip``:
    "Alliance des États du Sahel" gives "aes" (how an acronym is read against its name)."""
    return "".join(word[0] for word in fold_words(name).split() if word not in skip)


def text_identity(text: str) -> str:
    """A document's identity: SHA-256 of its text with case and spacing folded.

    Two copies of one article that differ only in spacing, line breaks or case are one
    document.
    """
    folded = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def within_words(inner: str, outer: str) -> bool:
    """Whether the words of ``inner`` occur in ``outer`` as whole words, both folded alike
    ("ruzizi ii" is not in "ruzizi iii")."""
    return f" {inner} " in f" {outer} "
