"""The recycle bin's actions: restore an entry, delete one for good, empty the bin."""

from delegation_app.services.recycle_bin import RestoreReport
from delegation_app.services.registry import Services


def restore_from_bin(services: Services, entry_id: int) -> RestoreReport:
    with services.db.write():
        return services.recycle_bin.restore(entry_id)


def delete_from_bin(services: Services, entry_id: int) -> None:
    """For good: it cannot be restored afterwards."""
    with services.db.write():
        services.recycle_bin.delete_for_good(entry_id)


def empty_bin(services: Services) -> int:
    """How many entries were deleted for good."""
    with services.db.write():
        return services.recycle_bin.empty()
