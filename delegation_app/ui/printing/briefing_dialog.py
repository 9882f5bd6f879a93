"""Options of a briefing: language, sections, private contact details; and, while the profile in
the preferences has no name, the name the briefing gives as its creator (stored in the profile)."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
)

from delegation_app.i18n import N_, _
from delegation_app.reports.options import BriefingOptions, Section

SECTION_LABELS = {
    Section.OVERVIEW: N_("&Purpose and summary"),
    Section.AGENDA: N_("Pro&gramme"),
    Section.DELEGATION: N_("&Delegation"),
    Section.HOSTS: N_("&Host side and guests"),
    Section.QUOTES: N_("&Quotes"),
    Section.NOTES: N_("&Notes and lessons learned"),
    Section.FOLLOWUPS: N_("Open &follow-ups"),
    Section.PRESS: N_("P&ress contact"),
    Section.SOURCES: N_("S&ources"),
}


class BriefingDialog(QDialog):
    def __init__(
        self,
        visit_title: str,
        language: str,
        parent=None,
        *,
        ask_issuer: bool = False,
        open_profile: Callable[[], None] | None = None,
    ) -> None:
        """``ask_issuer``: the profile has no name, so ask for one. ``open_profile``: opens the
        preferences at the profile page (the button beside the name)."""
        super().__init__(parent)
        self.setWindowTitle(_("Briefing (PDF)"))
        intro = QLabel(_("Briefing for: {title}").format(title=visit_title), self)
        intro.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.addItem(_("German"), "de")
        self.language.addItem(_("English"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.setAccessibleName(_("Language of the briefing"))
        form = QFormLayout()
        language_label = QLabel(_("&Language:"), self)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.issuer_name: QLineEdit | None = None
        if ask_issuer:
            caption, row = self._issuer_row(open_profile)
            form.addRow(caption, row)
            caption.buddy().setFocus()  # the one thing missing: the name
        box = QGroupBox(_("Sections"), self)
        box_layout = QVBoxLayout(box)
        self.sections: dict[Section, QCheckBox] = {}
        for section, text in SECTION_LABELS.items():
            check = QCheckBox(_(text), box)
            check.setChecked(True)
            box_layout.addWidget(check)
            self.sections[section] = check
        self.private = QCheckBox(_("Include phone numbers and e&mails"), self)
        self.private.setChecked(True)
        self.private.setToolTip(_("Switch off for an outside copy (one that leaves the office)."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("&Create PDF…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.private)
        layout.addWidget(buttons)

    def _issuer_row(self, open_profile: Callable[[], None] | None) -> tuple[QLabel, QHBoxLayout]:
        self.issuer_name = QLineEdit(self)
        self.issuer_name.setAccessibleName(_("Your name"))
        hint = _("Your name (kept in your profile)")
        self.issuer_name.setPlaceholderText(hint)
        # The hint says where the name goes: cut to "Ihr Name (wird im Profil …" it said nothing.
        margins = 2 * self.issuer_name.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) + 12
        self.issuer_name.setMinimumWidth(self.issuer_name.fontMetrics().horizontalAdvance(hint) + margins)
        self.issuer_name.setToolTip(
            _("The briefing names you as the person who created it. Your name is kept in your profile.")
        )
        self.profile_button = QPushButton(_("Prof&ile…"), self)
        self.profile_button.setToolTip(_("Edit your profile in the preferences"))
        self.profile_button.setEnabled(open_profile is not None)
        if open_profile is not None:
            self.profile_button.clicked.connect(open_profile)
        row = QHBoxLayout()
        row.addWidget(self.issuer_name, 1)
        row.addWidget(self.profile_button)
        caption = QLabel(_("Created &by:"), self)
        caption.setBuddy(self.issuer_name)
        return caption, row

    def typed_issuer(self) -> str:
        """The name typed for the briefing ("" when the profile already had one)."""
        return self.issuer_name.text().strip() if self.issuer_name is not None else ""

    def options(self) -> BriefingOptions:
        return BriefingOptions(
            language=self.language.currentData(),
            sections=frozenset(s for s, check in self.sections.items() if check.isChecked()),
            private_details=self.private.isChecked(),
        )
