"""The kinds of record a user edits in a form of their own, named without an ORM class, and the
actions every such record shares: save, delete, overwrite after a conflict."""

from enum import StrEnum
from typing import Any

from delegation_app.domain.errors import ConflictError
from delegation_app.operations.saving import delete_with, save_with
from delegation_app.services.base import CrudService
from delegation_app.services.conflicts import ConflictDetails, explain
from delegation_app.services.registry import Services


class RecordKind(StrEnum):
    """The value is the record's table name, as the audit trail and the recycle bin store it."""

    VISIT = "visit"
    PERSON = "person"
    ORGANISATION = "organisation"
    CONTACT_ENTRY = "contact_entry"
    FOLLOW_UP = "follow_up"


def service_for(services: Services, kind: RecordKind) -> CrudService[Any, Any, Any]:
    """The service that reads and writes records of this kind."""
    found: dict[RecordKind, CrudService[Any, Any, Any]] = {
        RecordKind.VISIT: services.visits,
        RecordKind.PERSON: services.people,
        RecordKind.ORGANISATION: services.organisations,
        RecordKind.CONTACT_ENTRY: services.contacts,
        RecordKind.FOLLOW_UP: services.followups,
    }
    return found[RecordKind(kind)]


def save_record(
    services: Services, kind: RecordKind, data: Any, record_id: int | None = None, version: int | None = None
) -> Any:
    """The read model of the saved record (VisitView, PersonView, OrganisationView, ContactEntryView,
    FollowUpView)."""
    return save_with(services, service_for(services, kind), data, record_id, version)


def delete_record(
    services: Services, kind: RecordKind, record_id: int, version: int, *, confirmed: bool = False
) -> None:
    """The record goes to the recycle bin; a visit together with its own parts, a contact entry
    with the people met (its follow-ups stay, without the link, which a restore sets again)."""
    delete_with(services, service_for(services, kind), record_id, version, confirmed)


def explain_conflict(
    services: Services, kind: RecordKind, error: ConflictError, mine: Any
) -> ConflictDetails:
    """Both versions side by side and who saved the other one (a read, for the question asked)."""
    return explain(services.db, RecordKind(kind).value, error, mine)


def overwrite_with_mine(
    services: Services, kind: RecordKind, record_id: int, details: ConflictDetails, mine: Any
) -> Any:
    """Save the user's version over the one that got in first (it stays in the history). If
    someone saved yet again since the conflict was explained, this raises ConflictError again."""
    if details.current_version is None:  # deleted meanwhile: nothing to overwrite
        raise ValueError("a deleted record cannot be overwritten")
    return save_record(services, kind, mine, record_id, details.current_version)
