"""Logging a contact together with what follows from it, and correcting a logged one: one action,
one transaction each."""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from delegation_app.domain.errors import ValidationError
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.registry import Services
from delegation_app.services.views import ContactEntryView, FollowUpView


@dataclass(frozen=True)
class LoggedContact:
    entry: ContactEntryView
    followups: tuple[FollowUpView, ...]  # in the order given


def log_contact(
    services: Services, entry: ContactEntryInput, followups: Mapping[int, FollowUpInput] | None = None
) -> LoggedContact:
    """The contact entry and its follow-ups, all or nothing.

    ``followups`` is keyed by the caller's row number: a refused follow-up raises ValidationError
    with keys ``followups.ROW.FIELD``, and nothing is written, not even the entry. Each follow-up
    belongs to the entry and its visit, and concerns the person met when there was exactly one.
    """
    with services.db.write():
        created = services.contacts.create(entry)
        return LoggedContact(created, _add_followups(services, created, followups or {}))


def correct_contact(
    services: Services,
    record_id: int,
    version: int,
    entry: ContactEntryInput,
    followups: Mapping[int, FollowUpInput] | None = None,
) -> LoggedContact:
    """Save the corrected entry (a full replacement of the ``version`` the user saw; a stale one
    raises ConflictError) and the follow-ups added while correcting it, all or nothing, linked as
    ``log_contact`` links them. The follow-ups it had stay as they are."""
    with services.db.write():
        updated = services.contacts.update(record_id, version, entry)
        return LoggedContact(updated, _add_followups(services, updated, followups or {}))


def _add_followups(
    services: Services, entry: ContactEntryView, followups: Mapping[int, FollowUpInput]
) -> tuple[FollowUpView, ...]:
    people = entry.person_ids
    stored = []
    for row, data in followups.items():
        linked = replace(data, visit_id=entry.visit_id, contact_entry_id=entry.id)
        if len(people) == 1:
            linked = replace(linked, person_id=people[0])
        try:
            stored.append(services.followups.create(linked))
        except ValidationError as exc:
            raise ValidationError({f"followups.{row}.{k}": m for k, m in exc.errors.items()}) from exc
    return tuple(stored)
