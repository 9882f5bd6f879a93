"""Follow-ups on their own: create, change, mark done or open again, delete."""

from datetime import date

from delegation_app.operations.saving import delete_with, save_with
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.registry import Services
from delegation_app.services.views import FollowUpView


def save_followup(
    services: Services, data: FollowUpInput, record_id: int | None = None, version: int | None = None
) -> FollowUpView:
    return save_with(services, services.followups, data, record_id, version)


def delete_followup(services: Services, record_id: int, version: int, *, confirmed: bool = False) -> None:
    delete_with(services, services.followups, record_id, version, confirmed)


def mark_followup_done(services: Services, record_id: int, version: int, on: date) -> FollowUpView:
    """A stale ``version`` raises ConflictError; nothing is written."""
    with services.db.write():
        return services.followups.mark_done(record_id, version, on)


def reopen_followup(services: Services, record_id: int, version: int) -> FollowUpView:
    """Open again (the undo of marking it done): pass the version that returned."""
    with services.db.write():
        return services.followups.reopen(record_id, version)
