"""Preferences: the program's language (takes effect at the next start), the user's own person
record ("Mein Personeneintrag"), which decides what the Follow-ups view shows as "mine", a
second folder for the daily backup; on its own page the profile (the office and the user)."""

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from delegation_app.context import SettingsStore
from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.ui.common.keyboard import tab_bar_in_focus_order
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.person_choice import person_chooser
from delegation_app.ui.common.record_chooser import PersonChooser, RecordChooser
from delegation_app.ui.shell.preferences_profile_page import ProfilePage
from delegation_app.ui.shell.preferences_retention_page import RetentionPage


def ask_for_second_folder(parent: QWidget, start: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, _("Second backup folder"), start) or None


class PreferencesDialog(QDialog):
    def __init__(
        self,
        parent=None,
        *,
        settings: SettingsStore,
        services: Services | None = None,
        choose_folder: Callable[[QWidget, str], str | None] = ask_for_second_folder,  # tests answer
        creating: Creating | None = None,  # "my" person record can be created in place
    ) -> None:
        super().__init__(parent)
        self.choose_folder, self.store = choose_folder, settings
        self.setWindowTitle(_("Preferences"))
        self.settings = settings.get()
        self.language = QComboBox(self)
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.language.setAccessibleName(_("Language of the program"))
        caption = QLabel(_("&Language:"), self)
        caption.setBuddy(self.language)
        # Chosen by typing, not a combo box of every person (100,000 took seconds to fill).
        self.own_person: RecordChooser = (
            person_chooser(services, self, creating=creating, placeholder=_("(not set)"))
            if services is not None
            else PersonChooser(lambda _text: [], lambda _id: "", self, placeholder=_("(not set)"))
        )
        self.own_person.set_current(self.settings.own_person_id)
        self.own_person.setAccessibleName(_("My person record"))
        self.own_person.setToolTip(_("The follow-ups this person owns are shown as “mine”."))
        own_caption = QLabel(_("&My person record:"), self)
        own_caption.setBuddy(self.own_person)
        form = QFormLayout()
        form.addRow(caption, self.language)
        form.addRow(own_caption, self.own_person)
        form.addRow(*self._second_folder_row())
        note = QLabel(_("A new language takes effect when the program is started again."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(note)
        general_layout.addStretch(1)
        # One page per concern; a later page (e.g. retention) is one more addTab here.
        self.pages = QTabWidget(self)
        self.pages.addTab(general, _("General"))
        self.profile_page = ProfilePage(self.settings.profile, self)
        self.pages.addTab(self.profile_page, _("Profile"))
        self.retention_page = RetentionPage(self.settings.retention_days, self)
        self.pages.addTab(self.retention_page, _("Retention"))
        tab_bar_in_focus_order(self.pages)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)

    def _second_folder_row(self) -> tuple[QLabel, QHBoxLayout]:
        self.second_folder = QLineEdit(self.settings.second_backup_folder or "", self)
        self.second_folder.setReadOnly(True)  # chosen, not typed: a typo would fail only days later
        self.second_folder.setMinimumWidth(280)
        self.second_folder.setPlaceholderText(_("(none)"))
        self.second_folder.setAccessibleName(_("Second backup folder"))
        self.second_folder.setToolTip(
            _("Today's backup is copied here too, e.g. to a network drive or a USB stick.")
        )
        choose = QPushButton(_("C&hoose…"), self)
        choose.clicked.connect(self._choose_second_folder)
        self.clear_second_folder = QPushButton(_("&Remove"), self)
        self.clear_second_folder.clicked.connect(lambda: self._set_second_folder(""))
        self.clear_second_folder.setEnabled(bool(self.second_folder.text()))
        row = QHBoxLayout()
        row.addWidget(self.second_folder, 1)
        row.addWidget(choose)
        row.addWidget(self.clear_second_folder)
        folder_caption = QLabel(_("Second &backup folder:"), self)
        folder_caption.setBuddy(self.second_folder)
        return folder_caption, row

    def _choose_second_folder(self) -> None:
        chosen = self.choose_folder(self, self.second_folder.text())
        if chosen:
            self._set_second_folder(chosen)

    def _set_second_folder(self, folder: str) -> None:
        self.second_folder.setText(folder)
        self.clear_second_folder.setEnabled(bool(folder))

    def accept(self) -> None:
        # The store's copy, not the one read when the dialog opened: other preferences stay as they are now.
        self.store.save(
            replace(
                self.store.get(),
                language=self.language.currentData(),
                own_person_id=self.own_person.currentData(),
                second_backup_folder=self.second_folder.text() or None,
                profile=self.profile_page.applied_to(self.store.get().profile),
                retention_days=self.retention_page.periods(),
            )
        )
        super().accept()
