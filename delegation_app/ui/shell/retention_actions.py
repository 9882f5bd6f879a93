"""File → "Check retention…": the records past their retention period, and anonymising the people
chosen there on the worker (Art. 5(1)(e) GDPR). Kept apart from the main window it belongs to."""

from functools import partial
from typing import TYPE_CHECKING, Any

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _, ngettext
from delegation_app.ui.common.prompts import Action

if TYPE_CHECKING:  # the dialog and the erasure are imported when the menu's entry is used (issue 21)
    from delegation_app.operations.erasure import ErasureOutcome
    from delegation_app.services.retention import DueRecord
    from delegation_app.ui.shell.retention_dialog import Anonymiser, RetentionDialog


class RetentionActions:
    def __init__(self, window: Any) -> None:
        self.window = window  # the main window: its services, runner, prompts, clock, status bar

    def show(self, anonymise: "Anonymiser | None") -> "RetentionDialog":
        from delegation_app.ui.shell.retention_dialog import RetentionDialog  # on use

        w = self.window
        today = w.clock().date()
        periods = w.context.settings.get().retention_days
        dialog = RetentionDialog(w, w.services, periods, today, anonymise, runner=w.runner)
        dialog.open()
        return dialog

    def anonymise_due(self, records: "list[DueRecord]", reason: str) -> bool:
        """The people chosen in "Check retention" are anonymised after one question, on the worker
        (many people and the file's rewrite take long on a large database); True once it began.
        Contact entries and visits past their period are deleted in their views."""
        w = self.window
        people = [record.id for record in records if record.kind == "people"]
        if not people:
            w.prompts.inform(
                w, _("Only people are anonymised here; delete contact entries and visits in their views.")
            )
            return False
        question = ngettext(
            "Anonymise {count} person? Their names and contact details are removed everywhere; visits "
            "keep their shape. Backups age out with the rotation.",
            "Anonymise {count} people? Their names and contact details are removed everywhere; visits "
            "keep their shape. Backups age out with the rotation.",
            len(people),
        ).format(count=len(people))
        if not w.prompts.confirm_action(w, question, Action.ANONYMISE):
            return False
        from delegation_app.operations.erasure import anonymise_people  # on use

        dialog = w.retention
        anonymised = partial(anonymise_people, person_ids=people, reason=reason)
        w.runner.in_background(dialog, anonymised, partial(self._anonymised, dialog),
                               on_user_error=partial(self._not_anonymised, dialog))  # fmt: skip
        return True

    def _anonymised(self, dialog: "RetentionDialog", outcome: "ErasureOutcome") -> None:
        from delegation_app.ui.people.erasure_dialog import left_in_file  # on use

        count = len(outcome.summaries)
        said = ngettext("{count} person anonymised.", "{count} people anonymised.", count)
        self.window.statusBar().showMessage(said.format(count=count))
        dialog.anonymised()
        notice = left_in_file(outcome)
        if notice:
            self.window.prompts.inform(dialog, notice)

    def _not_anonymised(self, dialog: "RetentionDialog", exc: DomainError) -> None:
        dialog.anonymised()
        self.window.prompts.error(dialog, exc.message, exc.detail)
