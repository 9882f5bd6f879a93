"""The questions asked when a database cannot be opened at start: which way out, which backup,
which other file. Tests answer them through a subclass, as with Prompts."""

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from delegation_app.i18n import N_, _
from delegation_app.ui.common.prompts import Prompts, add_copy_details


class StartChoice(Enum):
    """Ways out of a database that cannot be opened (start_failure.py)."""

    RESTORE = "restore"
    OTHER_FILE = "other_file"
    READ_ONLY = "read_only"
    QUIT = "quit"


LABELS = {
    StartChoice.RESTORE: N_("Restore from backup…"),
    StartChoice.OTHER_FILE: N_("Open another file…"),
    StartChoice.READ_ONLY: N_("Open read-only"),
    StartChoice.QUIT: N_("Quit"),
}


def failure_box(parent, message: str, advice: str, choices: list[StartChoice], detail: str = ""):
    """The dialog and which of its buttons means which choice (StartPrompts.start_failure execs it).

    ``detail`` (the driver's English) stays out of the sentence: "Copy details" puts it on the
    clipboard for whoever helps, and the box stays open."""
    box = QMessageBox(QMessageBox.Icon.Critical, _("The database cannot be opened"), message, parent=parent)
    box.setInformativeText(advice)
    role = QMessageBox.ButtonRole
    buttons = {
        box.addButton(_(LABELS[c]), role.RejectRole if c is StartChoice.QUIT else role.AcceptRole): c
        for c in choices
    }
    box.setDefaultButton(next(iter(buttons)))
    if detail:
        add_copy_details(box, f"{message}\n{detail}")
    return box, buttons


class StartPrompts(Prompts):
    """Prompts, and those of the start: the same object later serves the main window."""

    def start_failure(
        self, parent, message: str, advice: str, choices: list[StartChoice], detail: str = ""
    ) -> StartChoice:
        box, buttons = failure_box(parent, message, advice, choices, detail)
        box.exec()
        return buttons.get(box.clickedButton(), StartChoice.QUIT)

    def choose_backup(self, parent, backups: list[tuple[str, Path]]) -> Path | None:
        labels = [label for label, _path in backups]
        label, ok = QInputDialog.getItem(parent, _("Restore which backup?"), _("Backups:"), labels, 0, False)
        return dict(backups).get(label) if ok else None

    def choose_database(self, parent, start: str) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            parent, _("Open which database?"), start, _("Databases (*.sqlite *.db);;All files (*)")
        )
        return path or None

    def team_password(self, parent, problem: str) -> str | None:
        """The team database's password (kept in the credential store, or for this session);
        ``problem``: why it is asked again (a refused password), else empty."""
        label = _("Password for the team database:")
        shown = f"{problem}\n{label}" if problem else label
        text, ok = QInputDialog.getText(parent, _("Team database"), shown, QLineEdit.EchoMode.Password)
        return text if ok and text else None
