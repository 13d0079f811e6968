"""Every string the portal shows, in French (the default) and English.

``MESSAGES`` holds the interface; ``PLURALS`` the words written after a number, singular
and plural; ``LABELS`` the names of codes found in records (types, statuses, sectors, event
types, units, kinds). A missing English string falls back to French.
"""

from __future__ import annotations

from collections.abc import Callable

LANGS = ("fr", "en")
DEFAULT = "fr"

MESSAGES: dict[str, tuple[str, str]] = {
    "site.tagline": (
        "Les engagements de coopération entre États, suivis source par source",
        "Cooperation commitments between states, followed source by source",
    ),
    "nav.dashboard": ("Tableau de bord", "Dashboard"),
    "nav.records": ("Fiches", "Records"),
    "nav.documents": ("Documents", "Documents"),
    "nav.api": ("API", "API"),
    "nav.skip": ("Aller au contenu", "Skip to content"),
    "nav.language": ("Langue", "Language"),
    "auth.login": ("Connexion analyste", "Analyst sign-in"),
    "auth.logout": ("Se déconnecter", "Sign out"),
    "auth.signed_in_as": ("Connecté·e :", "Signed in:"),
    "auth.name": ("Identifiant", "User name"),
    "auth.password": ("Mot de passe", "Password"),
    "auth.submit": ("Se connecter", "Sign in"),
    "auth.failed": ("Identifiant ou mot de passe incorrect.", "Wrong user name or password."),
    "auth.locked": (
        "Trop d’essais manqués : réessayez dans un quart d’heure.",
        "Too many failed attempts: try again in a quarter of an hour.",
    ),
    "auth.required": (
        "Cette action est réservée aux analystes connectés.",
        "Only signed-in analysts can do this.",
    ),
    "auth.csrf": (
        "Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez.",
        "The form expired or did not come from this site. Reload the page and try again.",
    ),
    "dash.title": ("Tableau de bord", "Dashboard"),
    "dash.overdue": ("Promesses en retard", "Overdue promises"),
    "dash.no_overdue": ("Aucune promesse en retard.", "No overdue promise."),
    "dash.planned_for": ("prévu pour", "due"),
    "dash.totals": ("En chiffres", "In figures"),
    "dash.agreements_by_status": ("Accords par statut", "Agreements by status"),
    "dash.projects_by_status": ("Projets par statut", "Projects by status"),
    "dash.by_sector": ("Accords et projets par secteur", "Agreements and projects by sector"),
    "dash.timeline": (
        "Chronologie : accords, visites et étapes",
        "Timeline: agreements, visits and milestones",
    ),
    "dash.pledges": ("Promis et livré", "Promised and delivered"),
    "dash.promised": ("promis", "promised"),
    "dash.delivered": ("livré", "delivered"),
    "dash.no_pledges": ("Aucune promesse chiffrée.", "No pledge with a figure."),
    "dash.nothing": ("Rien à montrer pour l’instant.", "Nothing to show yet."),
    "dash.lane.agreement": ("Accords", "Agreements"),
    "dash.lane.event": ("Visites et rencontres", "Visits and meetings"),
    "dash.lane.milestone": ("Étapes de projets", "Project milestones"),
    "dash.recent_reviews": ("Dernières relectures", "Latest reviews"),
    "records.title": ("Fiches", "Records"),
    "records.search": ("Rechercher", "Search"),
    "records.search_label": ("Mots à chercher", "Words to search"),
    "records.unknown": (
        "Filtre ignoré : « {value} » n’est pas une valeur connue de « {facet} ».",
        "Filter ignored: “{value}” is not a known value of “{facet}”.",
    ),
    "records.known": ("Valeurs possibles :", "Possible values:"),
    "records.none": ("Aucune fiche ne correspond.", "No record matches."),
    "records.clear": ("Tout effacer", "Clear all"),
    "records.filters": ("Filtres", "Filters"),
    "records.remove_filter": ("retirer le filtre", "remove filter"),
    "records.export": ("Exporter cette liste :", "Export this list:"),
    "records.previous": ("Page précédente", "Previous page"),
    "records.next": ("Page suivante", "Next page"),
    "records.page": ("Page", "Page"),
    "facet.type": ("Type", "Type"),
    "facet.sector": ("Secteur", "Sector"),
    "facet.status": ("Statut", "Status"),
    "facet.partner": ("État partenaire", "Partner state"),
    "facet.year": ("Année", "Year"),
    "facet.actor": ("Acteur", "Actor"),
    "facet.overdue": ("En retard", "Overdue"),
    "facet.q": ("Recherche", "Search"),
    "record.fields": ("Champs", "Fields"),
    "record.field": ("Champ", "Field"),
    "record.value": ("Valeur", "Value"),
    "record.review_state": ("Relecture", "Review"),
    "record.history": ("Historique du statut", "Status history"),
    "record.date": ("Date", "Date"),
    "record.sources": ("Sources", "Sources"),
    "record.conflicts": ("Qui dit quoi", "Who says what"),
    "record.conflicts_intro": (
        "Les sources ne s’accordent pas sur ces champs ; la fiche retient la plus récente.",
        "Sources disagree on these fields; the record keeps the most recent one.",
    ),
    "record.said_by": ("Selon", "According to"),
    "record.open_source": ("Lire dans le document", "Read in the document"),
    "record.overdue": ("en retard", "overdue"),
    "record.planned": ("prévu", "planned"),
    "record.actors": ("Acteurs", "Actors"),
    "record.delivered": ("Livraisons rapportées", "Reported deliveries"),
    "record.figures": ("Chiffres de ce projet", "Figures of this project"),
    "record.project": ("Projet", "Project"),
    "record.fulfils": ("Livraison comptée au titre de", "Delivery counted against"),
    "record.delivered_total": ("Total livré", "Total delivered"),
    "record.file": ("Fichier", "File"),
    "record.see_conflict": ("voir qui dit quoi", "see who says what"),
    "record.not_found": ("Cette fiche n’existe pas.", "No such record."),
    "review.title": ("Relire", "Review"),
    "review.reviewed": ("Relu ✓", "Reviewed ✓"),
    "review.reviewed_fields": ("Champs relus :", "Reviewed fields:"),
    "review.history": ("Historique des relectures", "Review history"),
    "review.confirmed": ("confirmé", "confirmed"),
    "review.corrected": ("corrigé", "corrected"),
    "review.rejected": ("rejeté", "rejected"),
    "review.by": ("par", "by"),
    "review.on": ("le", "on"),
    "review.why": ("Motif", "Reason"),
    "review.extracted": ("valeur extraite", "extracted value"),
    "review.stale": (
        "la valeur extraite a changé depuis cette relecture",
        "the extracted value has changed since this review",
    ),
    "review.action": ("Décision", "Decision"),
    "review.confirm": ("Confirmer", "Confirm"),
    "review.correct": ("Corriger", "Correct"),
    "review.reject": ("Rejeter", "Reject"),
    "review.new_value": ("Nouvelle valeur", "New value"),
    "review.reason": (
        "Motif (obligatoire pour corriger ou rejeter)",
        "Reason (required to correct or reject)",
    ),
    "review.submit": ("Enregistrer", "Save"),
    "review.whole_record": ("La fiche entière", "The whole record"),
    "review.whole_fact": ("Le fait entier", "The whole fact"),
    "review.record_rejected": (
        "Un analyste a rejeté cette fiche.",
        "An analyst rejected this record.",
    ),
    "review.record_confirmed": (
        "Un analyste a confirmé cette fiche.",
        "An analyst confirmed this record.",
    ),
    "review.list_hint": ("Séparer les éléments par « ; »", "Separate items with “;”"),
    "review.error": ("La relecture n’a pas été enregistrée :", "The review was not saved:"),
    "review.back": ("Retour", "Back"),
    "review.version": ("Version", "Version"),
    "actor.title": ("Acteur", "Actor"),
    "actor.appears_in": ("Apparaît dans", "Appears in"),
    "actor.none": ("Cet acteur n’apparaît dans aucune fiche.", "This actor is in no record."),
    "documents.title": ("Documents", "Documents"),
    "documents.none": ("Aucun document.", "No document."),
    "document.facts": ("Faits extraits", "Extracted facts"),
    "document.text": ("Texte", "Text"),
    "document.original": ("Page d’origine", "Original page"),
    "document.outlet": ("Média", "Outlet"),
    "document.published": ("Publié le", "Published"),
    "document.no_record": ("pas encore dans une fiche", "not in a record yet"),
    "document.record": ("Fiche", "Record"),
    "document.category": ("Catégorie", "Category"),
    "document.undated": ("sans date", "undated"),
    "document.not_found": ("Ce document n’existe pas.", "No such document."),
    "error.title": ("Erreur", "Error"),
    "error.not_found": ("Page introuvable.", "Page not found."),
    "error.no_record": (
        "Aucune fiche n’a l’identifiant « {id} ».",
        "No record with id '{id}'.",
    ),
    "error.no_actor": (
        "Aucun acteur n’a l’identifiant « {id} ».",
        "No actor with id '{id}'.",
    ),
    "error.no_document": (
        "Aucun document n’a l’identifiant « {id} ».",
        "No document with id '{id}'.",
    ),
    "error.no_fact": (
        "Aucun fait n’a l’identifiant « {id} » dans ce document.",
        "No fact with id '{id}' in this document.",
    ),
    "error.bad_request": ("Requête incorrecte.", "Bad request."),
    "error.home": ("Retour au tableau de bord", "Back to the dashboard"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
}

# Singular and plural, French then English. French takes the singular for 0 and 1 ("0 fiche
# trouvée"), English for 1 only ("0 records found").
PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "records.found": (("fiche trouvée", "fiches trouvées"), ("record found", "records found")),
    "record.independent": (
        ("source indépendante", "sources indépendantes"),
        ("independent source", "independent sources"),
    ),
    "record.outlets": (("média", "médias"), ("outlet", "outlets")),
    "count.documents": (("document", "documents"), ("document", "documents")),
    "count.facts": (("fait extrait", "faits extraits"), ("extracted fact", "extracted facts")),
    "count.records": (("fiche", "fiches"), ("record", "records")),
    "count.reviews": (("relecture", "relectures"), ("review", "reviews")),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "type": {
        "agreement": ("Accord", "Agreement"),
        "project": ("Projet", "Project"),
        "event": ("Événement", "Event"),
        "quantity": ("Quantité", "Quantity"),
        "actor": ("Acteur", "Actor"),
    },
    "status": {
        "announced": ("annoncé", "announced"),
        "signed": ("signé", "signed"),
        "ratified": ("ratifié", "ratified"),
        "in_force": ("en vigueur", "in force"),
        "planned": ("prévu", "planned"),
        "preparatory": ("phase préparatoire", "preparatory"),
        "under_construction": ("en construction", "under construction"),
        "operational": ("en service", "operational"),
        "suspended": ("suspendu", "suspended"),
        "cancelled": ("annulé", "cancelled"),
        "unknown": ("statut non précisé", "status not given"),
    },
    "sector": {
        "security": ("sécurité", "security"),
        "diplomacy": ("diplomatie", "diplomacy"),
        "trade": ("commerce", "trade"),
        "investment": ("investissement", "investment"),
        "energy": ("énergie", "energy"),
        "nuclear": ("nucléaire", "nuclear"),
        "mining": ("mines", "mining"),
        "agriculture": ("agriculture", "agriculture"),
        "education": ("éducation", "education"),
        "science": ("science", "science"),
        "health": ("santé", "health"),
        "digital": ("numérique", "digital"),
        "transport": ("transport", "transport"),
        "humanitarian": ("humanitaire", "humanitarian"),
        "culture": ("culture", "culture"),
    },
    "event_type": {
        "visit": ("visite", "visit"),
        "meeting": ("rencontre", "meeting"),
        "ceremony": ("cérémonie", "ceremony"),
        "summit": ("sommet", "summit"),
    },
    "kind": {
        "pledge": ("promesse", "pledge"),
        "delivery": ("livraison", "delivery"),
        "capacity": ("capacité", "capacity"),
        "cost": ("coût", "cost"),
        "share": ("part", "share"),
        "trade": ("échanges commerciaux", "trade"),
        "target": ("objectif", "target"),
        "people": ("effectif", "number of people"),
        "area": ("superficie", "area"),
        "production": ("production", "output"),
        "investment": ("investissement", "investment"),
    },
    "per": {
        "day": ("par jour", "a day"),
        "week": ("par semaine", "a week"),
        "month": ("par mois", "a month"),
        "year": ("par an", "a year"),
    },
    "unit": {
        "t": ("t", "t"),
        "MW": ("MW", "MW"),
        "ha": ("ha", "ha"),
        "%": ("%", "%"),
        "person": ("personnes", "people"),
        "XOF": ("FCFA", "CFA francs"),
        "EUR": ("euros", "euros"),
        "USD": ("dollars US", "US dollars"),
        "RUB": ("roubles", "roubles"),
        "CNY": ("yuans", "yuan"),
        "GBP": ("livres sterling", "pounds sterling"),
        "AED": ("dirhams émiriens", "UAE dirhams"),
        "GHS": ("cedis", "Ghanaian cedis"),
        "MRU": ("ouguiyas", "ouguiyas"),
        "NGN": ("nairas", "naira"),
        "ZAR": ("rands", "rand"),
    },
    "category": {
        "actors": ("acteur", "actor"),
        "quantities": ("quantité", "quantity"),
        "agreements": ("accord", "agreement"),
        "events": ("événement", "event"),
        "projects": ("projet", "project"),
    },
    "field": {
        "title": ("titre", "title"),
        "status": ("statut", "status"),
        "planned": ("échéance prévue", "planned date"),
        "sectors": ("secteurs", "sectors"),
        "parties": ("parties", "parties"),
        "date": ("date", "date"),
        "name": ("nom", "name"),
        "location": ("lieu", "location"),
        "event_type": ("type d’événement", "event type"),
        "type": ("type", "type"),
        "start": ("début", "start"),
        "end": ("fin", "end"),
        "place": ("lieu", "place"),
        "participants": ("participants", "participants"),
        "min": ("minimum", "minimum"),
        "max": ("maximum", "maximum"),
        "unit": ("unité", "unit"),
        "per": ("rythme", "rate"),
        "subject": ("objet", "subject"),
        "kind": ("nature", "kind"),
        "year": ("année", "year"),
        "actor_type": ("type d’acteur", "actor type"),
        "country": ("pays", "country"),
        "roles": ("fonctions", "roles"),
        "role": ("fonction", "role"),
        "aliases": ("autres noms", "other names"),
        "delivered": ("livré", "delivered"),
        "rank": ("grade", "rank"),
        "value": ("valeur", "value"),
        "quantities": ("chiffres", "figures"),
        "project": ("projet", "project"),
        "fulfils": ("au titre de", "against"),
        "partners": ("États partenaires", "partner states"),
    },
    "actor_type": {
        "person": ("personne", "person"),
        "organization": ("organisation", "organisation"),
        "country": ("État", "state"),
    },
}


def translator(lang: str) -> Callable[[str], str]:
    """``t(key)``: the interface string in ``lang``, the key itself if it is unknown."""
    index = 1 if lang == "en" else 0

    def t(key: str) -> str:
        pair = MESSAGES.get(key)
        return pair[index] or pair[0] if pair else key

    return t


def plural(lang: str) -> Callable[[str, object], str]:
    """``words(key, n)``: the words written after the number ``n``, singular or plural."""
    index = 1 if lang == "en" else 0

    def words(key: str, n: object) -> str:
        forms = PLURALS.get(key)
        if forms is None:
            return key
        one, other = forms[index]
        amount = n if isinstance(n, int | float) and not isinstance(n, bool) else 0
        singular = amount == 1 if lang == "en" else abs(amount) < 2
        return one if singular else other

    return words


def labeller(lang: str) -> Callable[[str, object], str]:
    """``label(kind, code)``: the name of a code, the code itself if it has none."""
    index = 1 if lang == "en" else 0

    def label(kind: str, code: object) -> str:
        pair = LABELS.get(kind, {}).get(str(code))
        if pair:
            return pair[index]
        if kind == "unit":
            return currency_name(str(code), "en" if index else "fr")
        return str(code)

    return label


def currency_name(code: str, lang: str) -> str:
    """A currency's name from babel's data ("yen japonais"), for codes the table lacks;
    the code itself when babel does not know it either."""
    from babel.numbers import UnknownCurrencyError, get_currency_name

    if len(code) != 3 or not code.isupper():
        return code
    try:
        name = str(get_currency_name(code, count=2, locale=lang))
    except (UnknownCurrencyError, ValueError):
        return code
    return code if name == code else name
