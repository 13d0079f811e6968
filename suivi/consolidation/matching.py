"""When two facts from different articles describe the same agreement, project, event or
figure. Each rule is a pairwise test; clustering joins what the tests join."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from suivi.consolidation.dates import days_apart
from suivi.consolidation.deliveries import commodities
from suivi.consolidation.names import STOPWORDS, latin_words
from suivi.consolidation.project_kinds import (
    compatible_kinds,
    project_kind,
)
from suivi.folding import fold_words, within_words
from suivi.models import Fact

# Sectors that name what an agreement is about; "trade" or "diplomacy" alone say little,
# so two agreements must share their specific sectors to be one.
SPECIFIC_SECTORS = frozenset(
    "nuclear mining security education health digital transport culture humanitarian "
    "agriculture science".split()
)
# Reports of one signing may differ by a day or two (time zones, the day of the report).
AGREEMENT_DAYS = 10
EVENT_DAYS = 3
# Without dates, two agreements are one only when their reports are this close in time.
REPORT_DAYS = 90
VALUE_TOLERANCE = 0.005


@dataclass
class Context:
    """What the rules know beyond two facts: each document's states and reference date."""

    states: dict[str, set[str]] = field(default_factory=dict)
    reference: dict[str, str | None] = field(default_factory=dict)
    actor_of: dict[tuple[str, str], str] = field(default_factory=dict)
    names_in: dict[str, dict[str, str]] = field(default_factory=dict)
    country_actor: dict[str, str] = field(default_factory=dict)
    projects_in: dict[str, set[str]] = field(default_factory=dict)
    # Where each document names a state: (start, end, ISO code) of its evidence sentence.
    state_spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    # Where each document names a project: (start, end, record id) of its evidence sentence.
    project_spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def when(self, fact: Fact, own: str | None) -> str | None:
        """The fact's own date, else its document's reference date."""
        return own or self.reference.get(fact.document.id)


@lru_cache(maxsize=65536)
def content_words(text: str | None) -> frozenset[str]:
    """The words of ``text`` that carry meaning (folded, four letters or more)."""
    return frozenset(
        w for w in fold_words(text or "").split() if len(w) >= 4 and w not in STOPWORDS
    )


def states_of(fact: Fact, ctx: Context) -> set[str]:
    """The states a fact names as parties, else every state its article names."""
    parties = {
        p for p in fact.get("parties") or [] if isinstance(p, str) and len(p) == 2 and p.isupper()
    }
    return parties or ctx.states.get(fact.document.id, set())


# Words every agreement title may hold: they say nothing of which agreement it is.
AGREEMENT_WORDS = frozenset(
    """accord accords traite traites protocole protocoles memorandum memorandums entente
    convention conventions contrat contrats charte pacte declaration commission cooperation
    partenariat signe signee signes signees conclu conclue portant relatif relative entre
    deux pays cadre domaine matiere agreement agreements treaty memorandum understanding
    signed between with""".split()
)


def distinctive_words(title: str | None) -> set[str]:
    """The words of an agreement's title that name it (confédération, Liptako, nucléaire)."""
    return {w for w in content_words(title) if w not in AGREEMENT_WORDS and len(w) >= 5}


def same_agreement(a: Fact, b: Fact, ctx: Context) -> float:
    """One agreement: shared specific sectors, shared states, dates that fit.

    The score grows with the sectors and words the two reports share. Reports of the same
    day that share a word naming the agreement are one, whatever sectors each reads in it.
    """
    if a.document.id == b.document.id:
        return 0  # an article lists each of its agreements once
    states_a, states_b = states_of(a, ctx), states_of(b, ctx)
    date_a, date_b = a.get("date") or "", b.get("date") or ""
    if (
        len(date_a) == len(date_b) == 10
        and date_a == date_b
        and not (states_a and states_b and not states_a & states_b)
        and distinctive_words(a.get("title")) & distinctive_words(b.get("title"))
    ):
        return 1.5
    sectors_a, sectors_b = set(a.get("sectors") or []), set(b.get("sectors") or [])
    if not sectors_a & sectors_b:
        return 0
    specific_a, specific_b = sectors_a & SPECIFIC_SECTORS, sectors_b & SPECIFIC_SECTORS
    if (specific_a or specific_b) and not specific_a & specific_b:
        return 0
    if states_a and states_b and len(states_a & states_b) < min(2, len(states_a), len(states_b)):
        return 0
    title = (
        fuzz.token_set_ratio(fold_words(a.get("title") or ""), fold_words(b.get("title") or ""))
        / 100
    )
    overlap = len(sectors_a & sectors_b) / len(sectors_a | sectors_b)
    score = overlap + title / 2
    apart = days_apart(a.get("date"), b.get("date"))
    if apart is not None:
        return score + 0.5 if apart <= AGREEMENT_DAYS else 0
    reported = days_apart(ctx.when(a, a.get("date")), ctx.when(b, b.get("date")))
    if reported is not None and reported > REPORT_DAYS:
        return 0
    if reported is None:
        # Nothing dates one of the reports: only a close wording can tie them.
        return score if specific_a & specific_b and title >= 0.6 else 0
    return score if specific_a & specific_b or title >= 0.6 else 0


def same_place_or_within(a: str, b: str) -> bool:
    """Whether two folded places may name one site: one holds the other as whole words."""
    return within_words(a, b) or within_words(b, a)


def same_project(a: Fact, b: Fact, _ctx: Context) -> float:
    """One project: same kind at the same place, or names that say the same thing.

    A report that names the project without its place ("la raffinerie d'or") joins the
    located one when its article names that place elsewhere.
    """
    place_a, place_b = fold_words(a.get("location") or ""), fold_words(b.get("location") or "")
    if place_a and place_b and not same_place_or_within(place_a, place_b):
        return 0
    kind_a, kind_b = project_kind(a), project_kind(b)
    if not kind_a or not kind_b:
        return 0
    if kind_a != kind_b:
        # "the plant at Sénou" and "la raffinerie de Sénou": called by two compatible kinds,
        # one undertaking only when both name the same place.
        compatible = frozenset((kind_a, kind_b)) in compatible_kinds()
        return 1.5 if compatible and place_a and place_b else 0
    if place_a and place_b:
        return 2
    name_a, name_b = fold_words(a.get("name") or ""), fold_words(b.get("name") or "")
    shared = content_words(name_a) & content_words(name_b)
    if fuzz.token_set_ratio(name_a, name_b) >= 85 and len(shared) >= 2:
        return 1
    placed, unplaced = (a, b) if place_a else (b, a)
    where = fold_words(placed.get("location") or "")
    if where and within_words(where, fold_words(unplaced.document.text)):
        return 0.5
    return 0


# An undated report of an event ("le sommet de Saint-Pétersbourg") is of the dated one at the
# same place when it was published within this many days of it.
UNDATED_EVENT_DAYS = 45
_SAINT = re.compile(r"\b(?:st|ste)\b")


def same_place(a: str | None, b: str | None) -> bool:
    """Whether two places are one, however spelt or transliterated ("Saint-Pétersbourg",
    "St. Petersburg", "Saint Petersburg")."""
    fa, fb = (_SAINT.sub("saint", latin_words(x or "")) for x in (a, b))
    if not fa or not fb:
        return False
    return fa == fb or fa in fb or fb in fa or fuzz.ratio(fa, fb) >= 80


def participants(fact: Fact, ctx: Context) -> set[str]:
    """The actor records of the people an event names as taking part."""
    found = {
        ctx.actor_of.get((fact.document.id, fold_words(p))) for p in fact.get("participants") or []
    }
    return {p for p in found if p}


# A visit is told by one outlet as the visit, by another as the talks held during it.
VISIT_AND_MEETING = frozenset({"visit", "meeting"})


def _visit_and_its_meeting(a: Fact, b: Fact, ctx: Context) -> bool:
    # Only on the same day, at the same place, with someone in common: the talks of a visit.
    if {a.get("type"), b.get("type")} != VISIT_AND_MEETING:
        return False
    return (
        days_apart(a.get("start"), b.get("start")) == 0
        and same_place(a.get("place"), b.get("place"))
        and bool(participants(a, ctx) & participants(b, ctx))
    )


def same_event(a: Fact, b: Fact, ctx: Context) -> float:
    """One event: same kind, starting within a few days, at a place or with people in common.

    A report that gives no date joins a dated one of the same kind at the same place when
    it was published in the weeks after it began.
    """
    if a.get("type") != b.get("type"):
        return _visit_and_its_meeting(a, b, ctx)
    apart = days_apart(a.get("start"), b.get("start"))
    if apart is None:
        dated, undated = (a, b) if a.get("start") else (b, a)
        if not dated.get("start") or undated.get("start"):
            return False
        if not same_place(a.get("place"), b.get("place")):
            return False
        since = days_apart(dated.get("start"), ctx.reference.get(undated.document.id))
        if since is None:
            # Nothing dates the article: a participant in common must tie the two.
            return bool(participants(a, ctx) & participants(b, ctx))
        return since <= UNDATED_EVENT_DAYS
    if apart > EVENT_DAYS:
        return False
    place_a, place_b = a.get("place"), b.get("place")
    if not place_a or not place_b or same_place(place_a, place_b):
        return True
    return bool(participants(a, ctx) & participants(b, ctx))


def _close(x: object, y: object) -> bool:
    try:
        fx, fy = float(x), float(y)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(fx - fy) <= VALUE_TOLERANCE * max(abs(fx), abs(fy), 1e-9)


# Words standing for the host state as a shareholder ("l'État malien détient 62 %").
_STATE_WORDS = ("etat", "state", "gouvernement", "government")
# Two reports of one share may round it differently ("62 %", "près de 60 %").
SHARE_POINTS = 5.0


def share_holder(fact: Fact, ctx: Context) -> str | None:
    """Who holds a share: the actor, or the state, named nearest to the figure."""
    text = fold_words(fact.evidence)
    number = f"{float(fact.get('min') or 0):g}".replace(".", " ")
    at = text.find(f" {number} ")
    if at < 0:
        return None
    names = {name: actor for name, actor in ctx.names_in.get(fact.document.id, {}).items()}
    names.update({word: "state" for word in _STATE_WORDS})
    best: tuple[int, str] | None = None
    for name, holder in names.items():
        for found in re.finditer(rf"\b{re.escape(name)}\b", text):
            distance = min(abs(found.start() - at), abs(found.end() - at))
            if best is None or distance < best[0]:
                best = (distance, holder)
    return best[1] if best else None


def same_share(a: Fact, b: Fact, ctx: Context) -> float:
    """One ownership share told by two articles: the same holder, in an undertaking both
    articles report, with values a rounding apart (a conflict if they differ)."""
    if not (a.get("kind") == b.get("kind") == "share" and a.get("unit") == b.get("unit") == "%"):
        return 0
    if not ctx.projects_in.get(a.document.id, set()) & ctx.projects_in.get(b.document.id, set()):
        return 0
    try:
        apart = abs(float(a.get("min")) - float(b.get("min")))
    except (TypeError, ValueError):
        return 0
    holder = share_holder(a, ctx)
    if holder is None or apart > SHARE_POINTS or holder != share_holder(b, ctx):
        return 0
    return 1.5 - apart / 10


def same_quantity(a: Fact, b: Fact, ctx: Context) -> float:
    """One figure: same unit and rate, same subject and year; a value that differs only
    when the subject is unmistakably the same (then it is a conflict, not two figures)."""
    if a.document.id == b.document.id:
        return 0  # two figures in one article are two statements
    share = same_share(a, b, ctx)
    if share:
        return share
    if a.get("unit") != b.get("unit") or (a.get("per") or None) != (b.get("per") or None):
        return 0
    year_a, year_b = a.get("year"), b.get("year")
    if year_a and year_b and year_a != year_b:
        return 0
    subject_a, subject_b = fold_words(a.get("subject") or ""), fold_words(b.get("subject") or "")
    same_value = _close(a.get("min"), b.get("min")) and _close(a.get("max"), b.get("max"))
    if same_value and _same_goods_or_untold(a, b, subject_a, subject_b, ctx):
        return 1
    if same_value and projects_of(a, ctx) & projects_of(b, ctx):
        return 1  # "une centrale solaire de 50 MW à Kaya", "a 50 MW solar plant in Kaya"
    if not subject_a or not subject_b:
        return 0
    similarity = fuzz.token_set_ratio(subject_a, subject_b) / 100
    shared = content_words(subject_a) & content_words(subject_b)
    if same_value:
        return 1 + similarity if similarity >= 0.7 or shared else 0
    same_kind = a.get("kind") and a.get("kind") == b.get("kind")
    return similarity if same_kind and similarity >= 0.9 and len(shared) >= 2 else 0


def projects_of(fact: Fact, ctx: Context) -> set[str]:
    """The projects whose own sentence states the figure."""
    spans = ctx.project_spans.get(fact.document.id, [])
    return {record for start, end, record in spans if start < fact.end and fact.start < end}


def _same_goods_or_untold(a: Fact, b: Fact, subject_a: str, subject_b: str, ctx: Context) -> bool:
    # Two outlets word one figure differently: "200 000 tonnes de blé" and "200 000 t de
    # céréales" are the same goods; "ce montant" says nothing. The same amount then is one
    # figure when the two reports speak of the same states and nothing dates them apart
    # (two countries' deliveries of one tonnage stay apart by their states or years).
    goods_a, goods_b = commodities(subject_a), commodities(subject_b)
    vague = not content_words(subject_a) or not content_words(subject_b)
    if not (goods_a & goods_b or vague):
        return False
    states_a, states_b = states_of(a, ctx), states_of(b, ctx)
    if not states_a or not states_b:
        return False
    if len(states_a & states_b) < min(2, len(states_a), len(states_b)):
        return False
    if a.get("kind") and b.get("kind") and a.get("kind") != b.get("kind"):
        return False
    reported = days_apart(ctx.when(a, None), ctx.when(b, None))
    return reported is not None and reported <= REPORT_DAYS


Rule = Callable[[Fact, Fact, Context], float]

# Categories in which one article never reports the same thing twice.
ONE_PER_ARTICLE = frozenset({"agreements", "quantities"})

RULES: dict[str, Rule] = {
    "agreements": same_agreement,
    "projects": same_project,
    "events": same_event,
    "quantities": same_quantity,
}
