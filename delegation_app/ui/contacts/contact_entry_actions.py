"""What the contacts tab and the contact entry dialog share about a stored entry: how questions
name it, what its fields are called in its history, and deleting it after asking."""

from functools import partial

from PySide6.QtWidgets import QWidget

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date, format_datetime
from delegation_app.operations.records import RecordKind, delete_record
from delegation_app.services.registry import Services
from delegation_app.services.views import ContactEntryView
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts


def what(entry: ContactEntryView) -> str:
    """Names the entry in questions: "Der Kontakteintrag vom 02.03.2026"."""
    return _("The contact entry of {date}").format(date=format_date(entry.occurred_at))


def field_label(field: str) -> str:
    """A contact entry's column as the form names it (for its history and the conflict question)."""
    labels = {
        "occurred_at": _("When"), "channel": _("Channel"), "visit_id": _("Visit"), "summary": _("Summary"),
        "logged_by": _("Logged by"),
    }  # fmt: skip
    return labels.get(field, field)


def delete_contact_entry(
    parent: QWidget, services: Services, prompts: Prompts, runner: OperationRunner, entry: ContactEntryView
) -> bool:
    """Ask, naming the entry and what it takes along, then put it in the recycle bin; True when
    it was deleted."""
    moment = format_datetime(entry.occurred_at)
    if entry.person_names:
        question = _("Delete the contact entry of {moment} with {names}?").format(
            moment=moment, names=", ".join(entry.person_names)
        )
    else:
        question = _("Delete the contact entry of {moment}?").format(moment=moment)
    try:
        consequences = services.contacts.consequences(entry.id)
    except DomainError as exc:  # deleted elsewhere meanwhile
        prompts.error(parent, exc.message)
        return False
    afterwards = _(
        "The contact entry goes to the recycle bin (Edit menu) and can be restored from there for 30 days."
    )
    if not prompts.confirm_delete(parent, question, consequences, afterwards=afterwards):
        return False
    deleted = partial(
        delete_record, kind=RecordKind.CONTACT_ENTRY, record_id=entry.id, version=entry.version,
        confirmed=True,
    )  # fmt: skip
    return runner.now(parent, deleted)
