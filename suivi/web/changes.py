"""A change of a record in words, in the reader's language: for the "What's new" page, the
Atom feeds and ``suivi changes``."""

from __future__ import annotations

from typing import Any

from suivi.presentation import N_, Language
from suivi.store.changes import LoggedChange

# What each kind of change is called, as a heading or a filter.
KIND_LABELS = {
    "created": N_("Nouvelle fiche"),
    "source": N_("Nouvelle source"),
    "status": N_("Statut changé"),
    "field": N_("Champ changé"),
    "conflict": N_("Désaccord entre sources"),
    "late": N_("Échéance dépassée"),
}


def describe(change: LoggedChange, language: Language) -> str:
    """One sentence saying what changed (the record's title is shown beside it)."""
    say = language.gettext
    if change.kind == "created":
        return say(N_("Nouvelle fiche"))
    if change.kind == "source":
        return say(N_("Nouvelle source : %(source)s"), source=_text(change.new))
    if change.kind == "status":
        return say(
            N_("Statut : %(old)s → %(new)s"),
            old=language.value("status", change.old),
            new=language.value("status", change.new),
        )
    if change.kind == "conflict":
        field = change.field or ""
        return say(
            N_("Les sources ne s’accordent pas sur « %(field)s » : %(values)s"),
            field=language.label("field", field),
            values=" / ".join(language.value(field, v) for v in change.new or []),
        )
    if change.kind == "late":
        return say(
            N_("En retard : l’échéance (%(date)s) est passée"), date=language.when(change.new)
        )
    field = change.field or ""
    return say(
        N_("%(field)s : %(old)s → %(new)s"),
        field=language.label("field", field),
        old=language.value(field, change.old),
        new=language.value(field, change.new),
    )


def _text(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)
