"""A visit's agenda items: save, delete, move."""

from delegation_app.operations.saving import delete_with, save_with
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.registry import Services
from delegation_app.services.views import AgendaItemView


def save_agenda_item(
    services: Services, data: AgendaItemInput, record_id: int | None = None, version: int | None = None
) -> AgendaItemView:
    return save_with(services, services.agenda, data, record_id, version)


def delete_agenda_item(services: Services, record_id: int, version: int, *, confirmed: bool = False) -> None:
    delete_with(services, services.agenda, record_id, version, confirmed)


def move_agenda_item(
    services: Services, record_id: int, version: int, new_index: int
) -> list[AgendaItemView]:
    """The visit's agenda in its new order."""
    with services.db.write():
        return services.agenda.move(record_id, version, new_index)
