"""The French name of every code a reader sees, by kind: the msgids of code labels.

Code lists come from ``suivi.vocab``; what only the portal names (record fields, facets,
review states, the currencies it names in words) is listed here. Each label is translated
with the kind as its gettext context (``pgettext("sector", "énergie")``), so that one French
word can be translated differently in two lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from suivi import vocab


def _table(lines: str) -> MappingProxyType[str, str]:
    # One code a line, then its French label: tables read as the lists they are.
    return MappingProxyType(dict(line.split(" ", 1) for line in lines.strip().splitlines()))


# Currencies with the name French articles use; any other ISO 4217 code is named by Babel.
CURRENCIES: Final = _table(
    """
XOF FCFA
EUR euros
USD dollars US
RUB roubles
CNY yuans
GBP livres sterling
AED dirhams émiriens
GHS cedis
MRU ouguiyas
NGN nairas
ZAR rands
"""
)
# A rate written after a unit in a title: "t/mois".
RATE_SUFFIXES: Final = MappingProxyType(
    {"day": "/jour", "week": "/semaine", "month": "/mois", "year": "/an"}
)
FIELDS: Final = _table(
    """
title titre
status statut
planned échéance prévue
sectors secteurs
parties parties
date date
name nom
location lieu
event_type type d’événement
type type
start début
end fin
place lieu
participants participants
min minimum
max maximum
unit unité
per rythme
subject objet
kind nature
year année
actor_type type d’acteur
agreement_kind type d’accord
country pays
roles fonctions
role fonction
aliases autres noms
delivered livré
rank grade
value valeur
quantities chiffres
project projet
fulfils au titre de
partners États partenaires
"""
)
FACETS: Final = _table(
    """
type Type
sector Secteur
status Statut
partner État partenaire
year Année
actor Acteur
overdue En retard
q Recherche
"""
)
REVIEW_STATES: Final = MappingProxyType(
    {"confirmed": "confirmé", "corrected": "corrigé", "rejected": "rejeté"}
)
# Why a record is held back for an analyst (suivi/consolidation/confidence.py).
DOUBTS: Final = _table(
    """
unnamed les articles ne nomment pas l’accord
no_party aucun État partie
no_date sans date
no_start événement sans date
no_subject chiffre sans objet
no_kind nature du chiffre inconnue
vague_start date approximative
no_place sans lieu
bare_name nom incomplet
broken_name nom coupé par une fin de phrase
"""
)
# The dashboard timeline's lanes.
LANES: Final = _table(
    """
agreement Accords
event Visites et rencontres
milestone Étapes de projets
"""
)
# How a record points to others, each listed under its own heading.
RELATIONS: Final = _table(
    """
figures Chiffres de ce projet
project Projet
fulfils Livraison comptée au titre de
"""
)

# Every kind of label, with its codes' French names: the kind is the gettext context.
TABLES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "type": vocab.RECORD_TYPES,
        # A fact's category is named like its record type, in lower case ("accord").
        "category": MappingProxyType(
            {cat: vocab.RECORD_TYPES[kind].lower() for cat, kind in vocab.CATEGORIES.items()}
        ),
        "status": MappingProxyType(
            {
                **vocab.AGREEMENT_STATUSES,
                **vocab.PROJECT_STATUSES,
                "unknown": "statut non précisé",
            }
        ),
        "sector": vocab.SECTORS,
        "event_type": vocab.EVENT_TYPES,
        "agreement_kind": vocab.AGREEMENT_KINDS,
        "kind": vocab.QUANTITY_KINDS,
        "per": vocab.RATES,
        "per_suffix": RATE_SUFFIXES,
        "unit": MappingProxyType({**vocab.UNITS, **CURRENCIES}),
        "actor_type": vocab.ACTOR_TYPES,
        "field": FIELDS,
        "facet": FACETS,
        "review": REVIEW_STATES,
        "lane": LANES,
        "doubt": DOUBTS,
        "relation": RELATIONS,
    }
)
