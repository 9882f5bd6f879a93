"""The menu's way into a people import: "Import people…" (file dialog, then the preview) and
"Undo last import" (what the last import created goes to the recycle bin as one entry)."""

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from delegation_app.i18n import _, ngettext
from delegation_app.services.registry import Services
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts

if TYPE_CHECKING:  # the readers, matching and dialog are imported when a file is chosen (issue 21)
    from delegation_app.operations.people_import import ImportOutcome
    from delegation_app.ui.people.people_import_dialog import PeopleImportDialog


class PeopleImportLauncher:
    def __init__(
        self,
        window: QWidget,
        services: Services,
        runner: OperationRunner,
        background: Background,
        prompts: Prompts,
        clock: Callable[[], datetime],
    ) -> None:
        self.window, self.services, self.runner, self.background = window, services, runner, background
        self.prompts, self.clock = prompts, clock
        self.action = QAction(_("&Import people…"), window)
        self.action.triggered.connect(self.choose_file)
        self.undo_action = QAction(_("&Undo last import"), window)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        self.dialog: PeopleImportDialog | None = None
        self.last: ImportOutcome | None = None

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, _("Import people"), "", _("Contact lists (*.csv *.txt *.xlsx *.vcf);;All files (*)")
        )
        if path:
            self.open(Path(path))

    def open(self, path: Path) -> "PeopleImportDialog":
        from delegation_app.ui.people.people_import_dialog import PeopleImportDialog  # on use

        self.dialog = PeopleImportDialog(
            self.window, self.services, self.runner, self.background, path, self.clock().date(),
            on_error=lambda error: self.prompts.error(self.window, error.message, error.detail),
        )  # fmt: skip
        self.dialog.imported.connect(self._imported)
        self.dialog.open()
        return self.dialog

    def _imported(self, outcome: "ImportOutcome") -> None:
        self.last = outcome
        self.undo_action.setEnabled(bool(outcome.created or outcome.organisations_created))
        count = len(outcome.created)
        self.prompts.inform(
            self.window,
            ngettext("{count} person imported.", "{count} people imported.", count).format(count=count)
            + " "
            + _("File → Undo last import puts them into the recycle bin."),
        )

    def undo(self) -> None:
        if self.last is None:
            return
        from delegation_app.operations.people_import import undo_people_import  # on use

        outcome = self.last
        if self.runner.now(self.window, partial(undo_people_import, outcome=outcome)):
            self.last = None
            self.undo_action.setEnabled(False)
