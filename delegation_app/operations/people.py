"""Saving and deleting people and organisations."""

from delegation_app.operations.saving import delete_with, save_with
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.views import OrganisationView, PersonView


def save_person(
    services: Services, data: PersonInput, record_id: int | None = None, version: int | None = None
) -> PersonView:
    """With the phone numbers: they are written in the same transaction."""
    return save_with(services, services.people, data, record_id, version)


def delete_person(services: Services, record_id: int, version: int, *, confirmed: bool = False) -> None:
    delete_with(services, services.people, record_id, version, confirmed)


def save_organisation(
    services: Services, data: OrganisationInput, record_id: int | None = None, version: int | None = None
) -> OrganisationView:
    return save_with(services, services.organisations, data, record_id, version)


def delete_organisation(services: Services, record_id: int, version: int, *, confirmed: bool = False) -> None:
    delete_with(services, services.organisations, record_id, version, confirmed)
