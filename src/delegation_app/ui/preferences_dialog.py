"""Preferences: the program's language (takes effect at the next start)."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from delegation_app.i18n import _
from delegation_app.storage.settings import Settings, load_settings, save_settings


class PreferencesDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.settings = load_settings()
        self.language = QComboBox(self)
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.language.setAccessibleName(_("Language of the program"))
        caption = QLabel(_("&Language:"), self)
        caption.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(caption, self.language)
        note = QLabel(_("A new language takes effect when the program is started again."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        save_settings(Settings(language=self.language.currentData()))
        super().accept()
