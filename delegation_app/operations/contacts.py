"""Logging a contact together with what follows from it: one action, one transaction."""

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
        people = created.person_ids
        stored = []
        for row, data in (followups or {}).items():
            linked = replace(data, visit_id=created.visit_id, contact_entry_id=created.id)
            if len(people) == 1:
                linked = replace(linked, person_id=people[0])
            try:
                stored.append(services.followups.create(linked))
            except ValidationError as exc:
                raise ValidationError({f"followups.{row}.{k}": m for k, m in exc.errors.items()}) from exc
        return LoggedContact(created, tuple(stored))
