"""Copying a visit (saving and deleting one: operations.records, as for every record with a form)."""

from delegation_app.services.registry import Services
from delegation_app.services.templates import copy_as_template
from delegation_app.services.views import VisitView


def copy_visit_as_template(services: Services, visit_id: int) -> VisitView:
    """A new visit with the shape of an earlier one (services.templates says what is copied)."""
    with services.db.write():
        return copy_as_template(services, visit_id)
