"""Reading numbers written in digits (French and English conventions) and in words."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

# Digits: "160 000", "20.000", "1,5", "1 206,7", "2,000", "1.4". Folded text (nbsp -> space).
DIGITS = r"\d{1,3}(?:(?: |\.|,)\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"

_FR_WORDS = (
    "zero|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingt|vingts|trente|quarante|cinquante|soixante|septante|octante|nonante|cent|cents|mille"
)
_EN_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
# Number words need text2num: a run of them, joined by spaces, hyphens or "et"/"and".
# Each word ends at a word boundary: "cent" must not stop inside "cents", nor "vingt" in "vingts".
WORDS = {
    "fr": rf"(?:(?:{_FR_WORDS})(?![\w])(?:(?:\s+et\s+|-|\s+)(?:{_FR_WORDS})(?![\w]))*)",
    "en": rf"(?:(?:{_EN_WORDS})(?![\w])(?:(?:\s+and\s+|-|\s+)(?:{_EN_WORDS})(?![\w]))*)",
}
_SINGLE_ARTICLES = {"un", "une", "one"}


def parse_digits(text: str, language: str = "fr") -> float | None:
    """The value of a number written in digits, by the conventions of ``language``.

    Written by hand: no library reads both "1 206,7" (French) and "2,000" (English) from
    the same text without a locale guess; here the article's language settles it.
    """
    raw = text.strip().replace(" ", "\u0020")
    groups = re.fullmatch(r"(\d{1,3})((?:[ .,]\d{3})+)([.,]\d+)?", raw)
    if groups:
        head, rest, tail = groups.groups()
        separators = set(re.findall(r"[ .,]", rest))
        if len(separators) == 1 and not tail and len(rest) == 4 and separators != {" "}:
            # One separator and three digits: "2,000" (en) or "1,500" (fr decimal) or "20.000".
            sep = rest[0]
            decimal = (sep == "," and language == "fr") or (sep == "." and language == "en")
            if decimal:
                return float(f"{head}.{rest[1:]}")
        value = float(head + re.sub(r"[ .,]", "", rest))
        if tail:
            value += float("0." + tail[1:])
        return value
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def parse_words(text: str, language: str = "fr") -> float | None:
    """The value of a number written in words ("deux cents", "five hundred"), via text2num."""
    words = " ".join(text.split())
    if words in _SINGLE_ARTICLES:
        return None
    try:
        return float(text2num(words, language))
    except ValueError:
        return None
