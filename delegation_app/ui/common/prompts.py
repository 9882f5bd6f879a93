"""Questions the program asks the user, behind one object so tests can answer them.

The questions of the start (a database that cannot be opened) are in ui/shell/start_prompts.py.
Every question is a whole sentence and its buttons say what they do ("Delete", "Remove",
"Restore", "Cancel"), never Yes/No. The boxes are shown by ``answer()``; an offscreen test would
hang on exec(), so tests pass a Prompts whose methods return the answer they want, or override
``answer()`` to read the real box and click one of its buttons.
"""

from collections.abc import Callable
from enum import Enum

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from delegation_app.i18n import N_, _
from delegation_app.services.conflicts import ConflictDetails
from delegation_app.ui.common.conflict_dialog import ConflictChoice, ConflictDialog


def add_copy_details(box: QMessageBox, text: str) -> QAbstractButton:
    """A "Copy details" button that puts ``text`` on the clipboard and leaves the box open."""
    copy = box.addButton(_("&Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # a message box closes on any of its buttons; this one only copies
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
    return copy


class Action(Enum):
    """What the confirming button of a question says (the other one says Cancel)."""

    DELETE = N_("Delete")
    DELETE_FOR_GOOD = N_("Delete for good")
    REMOVE = N_("Remove")
    RESTORE = N_("Restore")
    ANONYMISE = N_("Anonymise")


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompts:
    def save_discard_cancel(self, parent: QWidget, what: str) -> Choice:
        text = _("{what} has unsaved changes. Save them?").format(what=what)
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"), text, parent=parent)
        # The buttons say what they do: an editor's own Cancel must not open a box with a Cancel
        # of its own that means the opposite (keep the changes).
        save = box.addButton(_("Save changes"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(keep)
        clicked = self.answer(box)
        if clicked is not None and clicked is save:
            return Choice.SAVE
        if clicked is not None and clicked is discard:
            return Choice.DISCARD
        return Choice.CANCEL

    def confirm_delete(
        self,
        parent: QWidget,
        question: str,
        consequences: dict[str, int],
        *,
        afterwards: str = "",
        action: Action = Action.DELETE,
    ) -> bool:
        """``question`` is the whole sentence ("Delete the visit “X”?"); ``afterwards`` what happens
        to the record then (the recycle bin); the button says ``action``, never Yes."""
        text = question
        if consequences:
            text += (
                "\n\n"
                + _("This also affects:")
                + "\n"
                + "\n".join(f"• {description}: {count}" for description, count in consequences.items())
            )
        if afterwards:
            text += "\n\n" + afterwards
        box = QMessageBox(QMessageBox.Icon.Warning, _(action.value), text, parent=parent)
        return self._agreed(box, action)

    def restore_draft(self, parent: QWidget) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Unsaved changes from the last session"),
            _(
                "When the program was last closed by logging off or shutting down, a visit had "
                "unsaved changes. They were kept. Do you want to restore them now?"
            ),
            parent=parent,
        )
        restore = box.addButton(_(Action.RESTORE.value), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        return self.answer(box) is restore

    def confirm_action(self, parent: QWidget, question: str, action: Action) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, _("Please confirm"), question, parent=parent)
        return self._agreed(box, action)

    def _agreed(self, box: QMessageBox, action: Action) -> bool:
        yes = box.addButton(_(action.value), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(cancel)
        box.setDefaultButton(cancel)  # Enter pressed out of habit must not delete
        return self.answer(box) is yes

    def answer(self, box: QMessageBox) -> QAbstractButton | None:
        """Shows the question and returns the button clicked. The one place that execs a message
        box: a test overrides it to read the box and click one of its buttons."""
        box.exec()
        return box.clickedButton()

    def resolve_conflict(
        self, parent: QWidget, what: str, details: ConflictDetails, label_of: Callable[[str], str]
    ) -> ConflictChoice:
        dialog = ConflictDialog(parent, what, details, label_of)
        dialog.exec()
        return dialog.choice

    def error(self, parent: QWidget, message: str, detail: str = "") -> None:
        """``message`` in words; ``detail`` (the system's or the driver's text) only behind
        "Copy details", for whoever helps."""
        box = QMessageBox(QMessageBox.Icon.Warning, _("Not possible"), message, parent=parent)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        if detail:
            add_copy_details(box, f"{message}\n{detail}")
        self.answer(box)

    def inform(self, parent, message: str) -> None:
        QMessageBox.information(parent, _("Note"), message)
