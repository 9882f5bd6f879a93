"""Questions the program asks the user, behind one object so tests can answer them.

The questions of the start (a database that cannot be opened) are in ui/shell/start_prompts.py.
The defaults use QMessageBox.exec(); an offscreen test would hang on that, so tests pass a
Prompts whose methods return the answer they want.
"""

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from delegation_app.i18n import _
from delegation_app.services.conflicts import ConflictDetails
from delegation_app.ui.common.conflict_dialog import ConflictChoice, ConflictDialog


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompts:
    def save_discard_cancel(self, parent: QWidget, what: str) -> Choice:
        text = _("{what} has unsaved changes. Save them?").format(what=what)
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"), text, parent=parent)
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: Choice.SAVE,
            QMessageBox.StandardButton.Discard: Choice.DISCARD,
        }.get(QMessageBox.StandardButton(answer), Choice.CANCEL)

    def confirm_delete(
        self, parent: QWidget, what: str, consequences: dict[str, int], recyclable: bool = False
    ) -> bool:
        text = _("Really delete {what}?").format(what=what)
        if consequences:
            text += (
                "\n\n"
                + _("This also affects:")
                + "\n"
                + "\n".join(f"• {description}: {count}" for description, count in consequences.items())
            )
        if recyclable:
            kept = _("It stays in the recycle bin (Edit menu) for 30 days; you can restore it there.")
            text += "\n\n" + kept
        box = QMessageBox(QMessageBox.Icon.Warning, _("Delete"), text, parent=parent)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def restore_draft(self, parent: QWidget) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Unsaved changes from the last session"),
            _(
                "When the program was last closed by logging off or shutting down, a visit had "
                "unsaved changes. They were kept. Restore them now?"
            ),
            parent=parent,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def confirm_action(self, parent: QWidget, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, _("Please confirm"), question, parent=parent)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def resolve_conflict(
        self, parent: QWidget, what: str, details: ConflictDetails, label_of: Callable[[str], str]
    ) -> ConflictChoice:
        dialog = ConflictDialog(parent, what, details, label_of)
        dialog.exec()
        return dialog.choice

    def error(self, parent: QWidget, message: str) -> None:
        QMessageBox.warning(parent, _("Not possible"), message)

    def inform(self, parent, message: str) -> None:
        QMessageBox.information(parent, _("Note"), message)
