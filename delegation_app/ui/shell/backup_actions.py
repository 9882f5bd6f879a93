"""File → Back up now… / Restore from backup…: both run on the background worker."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from delegation_app.context import AppContext
from delegation_app.domain.errors import DomainError
from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_count, format_datetime
from delegation_app.ui.common.prompts import Action

Chooser = Callable[[QWidget, str], str | None]
# What a user counts in a backup; part tables (phones, links) are left out.
COUNTED = {
    "visit": N_("visits"),
    "person": N_("people"),
    "organisation": N_("organisations"),
    "quote": N_("quotes"),
    "contact_entry": N_("contact entries"),
    "follow_up": N_("follow-ups"),
}


def ask_for_folder(parent: QWidget, start: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, _("Back up into which folder?"), start) or None


def ask_for_backup(parent: QWidget, start: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Restore which backup?"), start, _("Backups (*.sqlite)")
    )
    return path or None


class BackupActions(QObject):
    def __init__(
        self,
        window,
        context: AppContext,
        *,
        choose_folder: Chooser = ask_for_folder,
        choose_backup: Chooser = ask_for_backup,
    ) -> None:
        super().__init__(window)
        self.window, self.choose_folder, self.choose_backup = window, choose_folder, choose_backup
        self.maintenance, self.backups_folder = context.maintenance, context.paths.backups_folder
        self.backup_action = QAction(_("Back &up now…"), window)
        self.backup_action.triggered.connect(self.backup)
        self.restore_action = QAction(_("&Restore from backup…"), window)
        self.restore_action.triggered.connect(self.restore)
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(self.maintenance.can_back_up)

    def _failed(self, error: DomainError) -> None:
        self.window.prompts.error(self.window, error.message)

    def backup(self) -> None:
        folder = self.choose_folder(self.window, str(self.backups_folder))
        if not folder:
            return
        self.window.background.run(
            lambda: self.maintenance.backup_now(Path(folder)),
            lambda path: self.window.statusBar().showMessage(
                _("Backup written to {path}.").format(path=path), 10_000
            ),
            self._failed,
        )

    def restore(self) -> None:
        chosen = self.choose_backup(self.window, str(self.backups_folder))
        if not chosen:
            return
        try:
            info = self.maintenance.describe(Path(chosen))
        except DomainError as exc:
            self._failed(exc)
            return
        counts = ", ".join(
            f"{_(text)}: {format_count(info.counts.get(table, 0))}" for table, text in COUNTED.items()
        )
        question = _(
            "Restore the backup of {date}? It holds {counts}. Everything changed since then is "
            "replaced; the current state is kept as a backup first."
        ).format(date=format_datetime(info.created), counts=counts)
        if not self.window.visits.editor.maybe_leave() or not self.window.prompts.confirm_action(
            self.window, question, Action.RESTORE
        ):
            return
        self.window.background.run(
            lambda: self.maintenance.restore(info.path),
            lambda kept: self.window.statusBar().showMessage(
                _("Backup restored. The state before is kept in {path}.").format(path=kept), 15_000
            ),
            self._failed,
        )
