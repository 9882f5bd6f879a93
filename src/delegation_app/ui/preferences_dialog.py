"""Preferences: the program's language (takes effect at the next start) and the user's own person
record ("Mein Personeneintrag"), which decides what the Follow-ups view shows as "mine"."""

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.storage.settings import load_settings, save_settings
from delegation_app.ui.person_picker import describe


class PreferencesDialog(QDialog):
    def __init__(self, parent=None, *, services: Services | None = None) -> None:
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
        self.own_person = QComboBox(self)
        self.own_person.addItem(_("(not set)"), None)
        for person in services.people.list() if services is not None else ():
            self.own_person.addItem(describe(person), person.id)
        self.own_person.setCurrentIndex(max(0, self.own_person.findData(self.settings.own_person_id)))
        self.own_person.setAccessibleName(_("My person record"))
        self.own_person.setToolTip(_("The follow-ups this person owns are shown as “mine”."))
        own_caption = QLabel(_("&My person record:"), self)
        own_caption.setBuddy(self.own_person)
        form = QFormLayout()
        form.addRow(caption, self.language)
        form.addRow(own_caption, self.own_person)
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
        # Read again: another window of the program may have saved meanwhile.
        save_settings(
            replace(
                load_settings(),
                language=self.language.currentData(),
                own_person_id=self.own_person.currentData(),
            ).valid()
        )
        super().accept()
