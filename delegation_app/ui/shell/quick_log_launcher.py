"""Ctrl+L in the main window: the quick-log dialog, filled in with what is on screen.

In the Visits view the shown (saved) visit is preset and its participants are offered for
ticking; in the People view the selected person is preset; anywhere else the dialog starts empty.
It lives in the shell, not in ui/contacts: it looks into the main window's views to find what is
on screen, and only the shell may know the views side by side.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from delegation_app.context import AppContext
from delegation_app.i18n import _
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.visits.visits_view import VisitsView

if TYPE_CHECKING:  # the dialog is imported when Ctrl+L is pressed (issue 21)
    from delegation_app.ui.contacts.quick_log_dialog import QuickLogDialog

SHORTCUT = "Ctrl+L"


class QuickLogLauncher(QObject):
    def __init__(self, window, context: AppContext, prompts: Prompts, runner: OperationRunner) -> None:
        super().__init__(window)
        self.window, self.services, self.prompts, self.runner = window, context.services, prompts, runner
        self.clock, self.own_person_id = context.clock, context.own_person_id
        self.dialog: QuickLogDialog | None = None
        self.action = QAction(_("&Log contact entry…"), window, shortcut=QKeySequence(SHORTCUT))
        self.action.setStatusTip(_("Log a call, meeting or letter, with follow-ups"))
        self.action.triggered.connect(self.open_from_context)

    def context(self) -> dict[str, int]:
        """The visit or person on screen, as ``preset`` arguments."""
        from delegation_app.ui.people.people_view import PeopleView  # on use: built when first shown

        view = self.window.stack.currentWidget()
        visit = view.current_visit() if isinstance(view, VisitsView) else None
        if visit is not None:
            return {"visit_id": visit.id}
        if isinstance(view, PeopleView):
            person = view.editor.record if view.editor.record_id is not None else view.current_record()
            if person is not None:
                return {"person_id": person.id}
        return {}

    def open_from_context(self) -> "QuickLogDialog":
        return self.open(**self.context())

    def open(self, *, visit_id: int | None = None, person_id: int | None = None) -> "QuickLogDialog":
        """Open the dialog (window-modal, not exec()); returns it, e.g. for tests."""
        from delegation_app.ui.contacts.quick_log_dialog import QuickLogDialog  # on use

        self.dialog = QuickLogDialog(
            self.services, self.prompts, self.runner, self.window, clock=self.clock, visit_id=visit_id,
            person_id=person_id, own_person_id=self.own_person_id(),
        )  # fmt: skip
        self.dialog.logged.connect(self._logged)
        self.dialog.open()
        return self.dialog

    def _logged(self, _entry) -> None:
        self.window.statusBar().showMessage(_("Contact entry saved."), 5000)
