"""Saving, deleting and copying a visit."""

from delegation_app.operations.saving import delete_with, save_with
from delegation_app.services.registry import Services
from delegation_app.services.templates import copy_as_template
from delegation_app.services.views import VisitView
from delegation_app.services.visits import VisitInput


def save_visit(
    services: Services, data: VisitInput, record_id: int | None = None, version: int | None = None
) -> VisitView:
    return save_with(services, services.visits, data, record_id, version)


def delete_visit(services: Services, record_id: int, version: int, *, confirmed: bool = False) -> None:
    """The visit and its own parts go to the recycle bin together."""
    delete_with(services, services.visits, record_id, version, confirmed)


def copy_visit_as_template(services: Services, visit_id: int) -> VisitView:
    """A new visit with the shape of an earlier one (services.templates says what is copied)."""
    with services.db.write():
        return copy_as_template(services, visit_id)
