"""Every pipeline component of suivi, registered with spaCy in one place, with what it assigns."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from suivi.extraction.actors import ActorFinder
from suivi.extraction.agreements import AgreementFinder
from suivi.extraction.dates import DateFinder
from suivi.extraction.events import EventFinder
from suivi.extraction.planned import PlannedFinder
from suivi.extraction.projects import ProjectFinder
from suivi.extraction.quantities import QuantityFinder

EXTENSIONS = (
    "language",
    "published",
    "dates",
    "quantities",
    "actors",
    "agreements",
    "events",
    "projects",
)
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

#: Component names in pipeline order (later components read what earlier ones assign).
COMPONENTS = (
    "suivi_dates",
    "suivi_quantities",
    "suivi_actors",
    "suivi_agreements",
    "suivi_events",
    "suivi_projects",
    "suivi_planned",
)


@Language.factory("suivi_dates", assigns=["doc._.dates"], requires=["doc._.published"])
def make_dates(nlp: Language, name: str) -> DateFinder:
    """Dates named in the text."""
    return DateFinder()


@Language.factory(
    "suivi_quantities", assigns=["doc._.quantities"], requires=["doc._.dates", "token.dep"]
)
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    """Masses, money, power, areas, shares and people, with their subject."""
    return QuantityFinder()


@Language.factory("suivi_actors", assigns=["doc._.actors"], requires=["doc.ents"])
def make_actors(nlp: Language, name: str) -> ActorFinder:
    """People, organisations and states."""
    return ActorFinder()


@Language.factory(
    "suivi_agreements", assigns=["doc._.agreements"], requires=["doc._.dates", "doc._.actors"]
)
def make_agreements(nlp: Language, name: str) -> AgreementFinder:
    """Agreements with sectors, parties, date and status."""
    return AgreementFinder()


@Language.factory(
    "suivi_events", assigns=["doc._.events"], requires=["doc._.dates", "doc._.actors"]
)
def make_events(nlp: Language, name: str) -> EventFinder:
    """Visits, meetings, ceremonies and summits."""
    return EventFinder()


@Language.factory("suivi_projects", assigns=["doc._.projects"], requires=["doc._.dates"])
def make_projects(nlp: Language, name: str) -> ProjectFinder:
    """Projects with location, sectors and status."""
    return ProjectFinder()


@Language.factory(
    "suivi_planned",
    assigns=["doc._.agreements", "doc._.projects"],
    requires=["doc._.published", "doc._.events", "doc._.agreements", "doc._.projects"],
)
def make_planned(nlp: Language, name: str) -> PlannedFinder:
    """The completion date announced for each agreement and project."""
    return PlannedFinder()
