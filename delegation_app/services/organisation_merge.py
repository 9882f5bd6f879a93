"""Merging two organisations (services/merging.py has the whole picture and how it is undone).

The other organisation's people and the visits it hosts or is the guest of move to the kept one.
"""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from delegation_app.domain.enums import OrganisationKind
from delegation_app.domain.models import Organisation, Person, Visit, table_of
from delegation_app.domain.record_names import RecordName
from delegation_app.domain.sortkey import name_sort_key
from delegation_app.i18n import N_, _, ngettext
from delegation_app.services import recycle_bin
from delegation_app.services.merging import (
    MergePlan,
    Move,
    chosen_values,
    field_choices,
    load_pair,
    record_merge,
)
from delegation_app.services.organisations import organisation_view
from delegation_app.services.registry import Services
from delegation_app.services.views import OrganisationView
from delegation_app.storage import writer

FIELDS = {
    "name": N_("Name"),
    "kind": N_("Kind"),
    "city": N_("City"),
    "country": N_("Country"),
    "website": N_("Website"),
    "notes": N_("Notes"),
}
DEFAULTS: dict[str, Any] = {"kind": OrganisationKind.OTHER}
MOVED = ((Person, "organisation_id"), (Visit, "host_organisation_id"), (Visit, "guest_organisation_id"))


def _name(session: Session, row: Organisation) -> RecordName:
    return RecordName("organisation", {"name": row.name})


def _moves(session: Session, other_id: int) -> tuple[Move, ...]:
    people = session.scalar(select(func.count()).where(col(Person.organisation_id) == other_id)) or 0
    visits = (
        session.scalar(
            select(func.count()).where(
                (col(Visit.host_organisation_id) == other_id) | (col(Visit.guest_organisation_id) == other_id)
            )
        )
        or 0
    )
    found = (
        ("person", people, ngettext("{count} person", "{count} people", people)),
        ("visit", visits, ngettext("{count} visit", "{count} visits", visits)),
    )
    return tuple(Move(what, n, text.format(count=n)) for what, n, text in found if n)


def plan_organisation_merge(services: Services, keep_id: int, other_id: int) -> MergePlan[OrganisationView]:
    """What merging ``other_id`` into ``keep_id`` would do; nothing is written."""
    with services.db.read() as session:
        keep, other = load_pair(session, Organisation, keep_id, other_id)
        fields = field_choices(session, Organisation, keep, other, FIELDS, DEFAULTS)
        return MergePlan(
            organisation_view(keep), organisation_view(other), fields, _moves(session, other_id), ()
        )


def merge_organisations(
    services: Services,
    keep_id: int,
    other_id: int,
    choices: Mapping[str, str] | None = None,
    versions: tuple[int, int] | None = None,
) -> None:
    """Merge inside the caller's transaction (operations.merging.merge_organisations opens it)."""
    with services.db.write() as session:
        keep, other = load_pair(session, Organisation, keep_id, other_id, versions, _name)
        fields = field_choices(session, Organisation, keep, other, FIELDS, DEFAULTS)
        values = chosen_values(choices, fields, keep, other)
        keep_name, other_name = _name(session, keep), _name(session, other)
        keep_version, other_version, title = keep.version, other.version, other.name
        kept_title = values.get("name", keep.name)
        if "name" in values:
            values["sort_key"] = name_sort_key(values["name"])
        first = len(writer.recorded(session))
        for model, column in MOVED:
            writer.update_where(session, model, table_of(model).c[column] == other_id, {column: keep_id})
        if values:
            writer.update(session, Organisation, keep_id, keep_version, values, keep_name)
        writer.delete(session, Organisation, other_id, other_version, other_name)
        recycle_bin.put(
            session,
            "organisation",
            other_id,
            _("{name} – merged into “{kept}”").format(name=title, kept=kept_title),
            writer.recorded(session)[first:],
            services.db.user_name,
        )
        record_merge(session, "organisation", keep_id, other_id)
