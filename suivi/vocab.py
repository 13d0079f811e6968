"""Every code list suivi uses, once, with each code's French label.

French is the source language: the label given here is the ``msgid`` that the presentation
layer's gettext catalogues translate (``suivi/presentation/locale``). Extraction writes these
codes, consolidation reasons on them, analysts' corrections are checked against them, and the
portal shows their labels: none of them declares a list of its own.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

Labels = MappingProxyType[str, str]


def _labels(table: str) -> Labels:
    # One code a line, then its French label: the lists read as the lists they are.
    return MappingProxyType(dict(line.split(" ", 1) for line in table.strip().splitlines()))


RECORD_TYPES: Final = _labels(
    """
agreement Accord
project Projet
event Événement
quantity Quantité
actor Acteur
"""
)
# Fact categories (the extraction contract's plural names) and the record type of each.
CATEGORIES: Final = MappingProxyType(
    {
        "agreements": "agreement",
        "projects": "project",
        "events": "event",
        "quantities": "quantity",
        "actors": "actor",
    }
)
SECTORS: Final = _labels(
    """
security sécurité
diplomacy diplomatie
trade commerce
investment investissement
energy énergie
nuclear nucléaire
mining mines
agriculture agriculture
education éducation
science science
health santé
digital numérique
transport transport
humanitarian humanitaire
culture culture
"""
)
# Stages in the order they are reached: a tie between two reports of one day goes to the later.
AGREEMENT_STATUSES: Final = _labels(
    """
announced annoncé
signed signé
ratified ratifié
in_force en vigueur
suspended suspendu
cancelled annulé
"""
)
PROJECT_STATUSES: Final = _labels(
    """
planned prévu
preparatory phase préparatoire
under_construction en construction
operational en service
suspended suspendu
cancelled annulé
"""
)
STATUSES: Final = MappingProxyType({"agreement": AGREEMENT_STATUSES, "project": PROJECT_STATUSES})
# The stages of progress (suspension and cancellation are no stage).
STAGES: Final = MappingProxyType(
    {
        "agreement": ("announced", "signed", "ratified", "in_force"),
        "project": ("planned", "preparatory", "under_construction", "operational"),
    }
)
# Statuses at which a planned date is no longer a promise pending.
DONE: Final = frozenset(
    {"operational", "delivered", "completed", "cancelled", "suspended", "in_force"}
)
# Kinds of agreement, as their designation names them (a "protocole d'accord" is a
# memorandum; an intergovernmental commission or mechanism is set up by an agreement too).
AGREEMENT_KINDS: Final = _labels(
    """
agreement accord
memorandum protocole d’accord
convention convention
protocol protocole
treaty traité
charter charte
contract contrat
commission commission
roadmap feuille de route
declaration déclaration
pact pacte
"""
)
EVENT_TYPES: Final = _labels(
    """
visit visite
meeting rencontre
ceremony cérémonie
summit sommet
"""
)
QUANTITY_KINDS: Final = _labels(
    """
pledge promesse
delivery livraison
capacity capacité
cost coût
share part
trade échanges commerciaux
target objectif
production production
investment investissement
people effectif
area superficie
"""
)
RATES: Final = _labels(
    """
day par jour
week par semaine
month par mois
year par an
"""
)
# Units other than currencies (which are ISO 4217 codes).
UNITS: Final = _labels(
    """
t t
MW MW
ha ha
% %
person personnes
"""
)
ACTOR_TYPES: Final = _labels(
    """
person personne
organization organisation
country État
"""
)

# Fields whose values come from a closed list: a typo in an analyst's correction would
# silently move a record out of its facet (a "promesse" kind is no pledge to the dashboard).
CLOSED_FIELDS: Final = MappingProxyType(
    {
        "kind": tuple(QUANTITY_KINDS),
        "per": tuple(RATES),
        "event_type": tuple(EVENT_TYPES),
        "actor_type": tuple(ACTOR_TYPES),
        "agreement_kind": tuple(AGREEMENT_KINDS),
        "sectors": tuple(SECTORS),
    }
)
