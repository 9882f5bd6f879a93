"""Going back to an earlier state of a record (Edit → Change history)."""

from typing import Any

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.registry import Services


def restore_version(services: Services, table: str, record_id: int, entry_id: int) -> dict[str, Any]:
    """Give the record the values it had right after history entry ``entry_id``; the changes made
    since stay in the history. Reads the current version in the same transaction, so nobody's save
    can slip in between. Returns the changed values."""
    with services.db.write():
        version = services.audit.current_version(table, record_id)
        if version is None:
            raise DomainError(_("The record was deleted; restore it from the recycle bin first."))
        return services.audit.restore(table, record_id, entry_id, version)
