"""What was said during a visit: save, delete."""

from delegation_app.operations.saving import delete_with, save_with
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.registry import Services
from delegation_app.services.views import QuoteView


def save_quote(
    services: Services, data: QuoteInput, record_id: int | None = None, version: int | None = None
) -> QuoteView:
    return save_with(services, services.quotes, data, record_id, version)


def delete_quote(services: Services, record_id: int, version: int, *, confirmed: bool = False) -> None:
    delete_with(services, services.quotes, record_id, version, confirmed)
