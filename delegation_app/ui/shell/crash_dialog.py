"""Shown for a bug (never for a user mistake): what happened, where the log is, a copy button."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from delegation_app.i18n import _
from delegation_app.logs import log_file


class CrashDialog(QDialog):
    def __init__(self, details: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Unexpected error"))
        where = log_file()
        text = _("An unexpected error occurred. Your saved data is safe.")
        if where is not None:
            text += " " + _("The details were written to {path}.").format(path=where)
        text += " " + _("Please send them to the people who look after this program.")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_("Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(_("&Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 400)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def show_crash_dialog(details: str) -> None:
    CrashDialog(details).exec()
