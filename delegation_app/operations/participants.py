"""Who takes part in a visit: add, change, remove, reorder."""

from delegation_app.operations.saving import delete_with, save_with
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.registry import Services
from delegation_app.services.views import ParticipationView


def add_participant(services: Services, data: ParticipationInput) -> ParticipationView:
    return save_with(services, services.participations, data, None, None)


def change_participant(
    services: Services, record_id: int, version: int, data: ParticipationInput
) -> ParticipationView:
    return save_with(services, services.participations, data, record_id, version)


def remove_participant(services: Services, record_id: int, version: int, *, confirmed: bool = False) -> None:
    delete_with(services, services.participations, record_id, version, confirmed)


def move_participant(
    services: Services, record_id: int, version: int, new_index: int
) -> list[ParticipationView]:
    """The visit's participants in their new order."""
    with services.db.write():
        return services.participations.move(record_id, version, new_index)
