"""The occasion a sentence refers back to, and its date.

News tells one occasion (a visit, a ceremony, a ministerial meeting) with its date once, then
what happened there in later sentences that point back to it without repeating the date:
"Le même jour, les deux parties ont signé…", "Dans la foulée, … ont conclu…", "À l'issue des
travaux, …", "Les deux pays ont également conclu…", "on the sidelines". Such a sentence is
dated by the occasion it points to: the nearest earlier date of the narrative, a day
preferred to a month (a month or a year in between is background: "adoptée en novembre
2023", "conclu fin 2023"). A sentence without such a pointer is not dated this way.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from suivi.extraction.dates import DateMention
from suivi.extraction.facts import is_dateline_date
from suivi.extraction.text import folded_text

# Folded text (lower case, no accents). Written by hand: these are phrases of reference
# across sentences, which no date library reads.
_POINTER = re.compile(
    r"\b(?:le meme jour|ce meme jour|le jour meme|the same day"
    r"|a cette occasion|a l'occasion de (?:cette|la) (?:visite|ceremonie|rencontre|reunion)"
    r"|on (?:this|that|the same) occasion"
    r"|dans la foulee|in the wake of (?:the|this) (?:visit|meeting|talks|summit)"
    r"|a l'issue (?:des|de la|de cette|de ces|du|de l') ?"
    r"|au terme (?:des|de la|de cette|de ces|du|de l') ?"
    r"|at the end of the (?:visit|meeting|talks|summit|session)"
    r"|(?:lors|au cours) de (?:la|cette) (?:ceremonie|visite|rencontre|reunion|seance)"
    r"|during (?:the|this) (?:ceremony|visit|meeting|talks)"
    r"|en marge de (?:cette|la|ce) |on the sidelines"
    r"|profite de (?:la|cette) (?:ceremonie|visite|rencontre|reunion)"
    r"|\b(?:ont|a) (?:egalement|aussi|en outre) (?:signe|conclu|paraphe|decide|adopte|scelle)"
    r"|\balso (?:signed|concluded|agreed|adopted|inked))"
)
# A line of page furniture that dates the page, not the news.
_PAGE_LINE = re.compile(r"\s*(?:publie|mis a jour|mise a jour|published|updated|posted)\b")


def points_back(doc: Doc, sentence: Span) -> bool:
    """Whether ``sentence`` refers back to an occasion told earlier."""
    return bool(_POINTER.search(folded_text(doc), sentence.start_char, sentence.end_char))


def occasion_date(doc: Doc, sentence: Span) -> DateMention | None:
    """The date of the occasion ``sentence`` points back to, if it points back to one."""
    if not points_back(doc, sentence):
        return None
    folded = folded_text(doc)
    earlier = [
        mention
        for mention in doc._.dates
        if mention.end <= sentence.start_char
        and not is_dateline_date(doc, mention)
        and not _PAGE_LINE.match(folded, folded.rfind("\n", 0, mention.start) + 1)
    ]
    for precision in (10, 7):
        dated = [m for m in earlier if len(m.value) == precision]
        if dated:
            return max(dated, key=lambda m: m.start)
    return None
