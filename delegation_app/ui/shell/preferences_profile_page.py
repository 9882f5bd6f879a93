"""The preferences' profile page: the office and the user as letters and PDFs name them (the
briefing's issuer and author, the letterhead of the access report)."""

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from delegation_app.i18n import N_, _

INTRO = N_(
    "Your name appears on the briefings you create; letters to citizens carry the office's letterhead."
)


class ProfilePage(QWidget):
    def __init__(self, profile: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_page")
        intro = QLabel(_(INTRO), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.office_name = self._line(form, _("&Office:"), _("Name of the office"), profile.office_name)
        self.office_address = QPlainTextEdit(profile.office_address, self)
        self.office_address.setTabChangesFocus(True)  # a form field, not a text editor: Tab moves on
        self.office_address.setAccessibleName(_("Letterhead address"))
        self.office_address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        address_caption = QLabel(_("Letterhead &address:"), self)
        address_caption.setBuddy(self.office_address)
        form.addRow(address_caption, self.office_address)
        self.name = self._line(form, _("Your &name:"), _("Your name"), profile.name)
        self.function = self._line(form, _("Your &function:"), _("Your function"), profile.function)
        self.unit = self._line(form, _("&Unit:"), _("Your unit"), profile.unit)
        self.phone = self._line(form, _("&Phone:"), _("Your phone number"), profile.phone)
        self.email = self._line(form, _("&Email:"), _("Your email address"), profile.email)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def _line(self, form: QFormLayout, caption: str, name: str, value: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setAccessibleName(name)
        label = QLabel(caption, self)
        label.setBuddy(edit)
        form.addRow(label, edit)
        return edit

    def applied_to(self, profile: Any) -> Any:
        """The profile with what the page holds now (the settings' Profile; ui/ does not import it)."""
        return replace(
            profile,
            office_name=self.office_name.text(),
            office_address=self.office_address.toPlainText(),
            name=self.name.text(),
            function=self.function.text(),
            unit=self.unit.text(),
            phone=self.phone.text(),
            email=self.email.text(),
        )
