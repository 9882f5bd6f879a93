"""Create-or-update and delete for any entity service: the shape the feature modules share."""

from typing import Any, TypeVar

from delegation_app.services.base import CrudService
from delegation_app.services.registry import Services

I = TypeVar("I")  # noqa: E741 - input dataclass
V = TypeVar("V")


def save_with(
    services: Services, service: CrudService[Any, I, V], data: I, record_id: int | None, version: int | None
) -> V:
    """A new record when ``record_id`` is None, else a full update of the version the user saw
    (a stale one raises ConflictError)."""
    with services.db.write():
        if record_id is None:
            return service.create(data)
        if version is None:
            raise TypeError("an update needs the version the user saw")
        return service.update(record_id, version, data)


def delete_with(
    services: Services, service: CrudService[Any, Any, Any], record_id: int, version: int, confirmed: bool
) -> None:
    """Refuses with StillReferencedError unless the caller confirmed the consequences."""
    with services.db.write():
        service.delete(record_id, version, confirmed=confirmed)
