"""Follow-ups on their own: mark done or open again (they are created with a contact entry,
operations.contacts)."""

from datetime import date

from delegation_app.services.registry import Services
from delegation_app.services.views import FollowUpView


def mark_followup_done(services: Services, record_id: int, version: int, on: date) -> FollowUpView:
    """A stale ``version`` raises ConflictError; nothing is written."""
    with services.db.write():
        return services.followups.mark_done(record_id, version, on)


def reopen_followup(services: Services, record_id: int, version: int) -> FollowUpView:
    """Open again (the undo of marking it done): pass the version that returned."""
    with services.db.write():
        return services.followups.reopen(record_id, version)
