"""Options of a briefing: language, format (PDF or Word), sections, private contact details, the
outside copy; and, while the profile in the preferences has no name, the name the briefing gives
as its creator (stored in the profile)."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
)

from delegation_app.i18n import N_, _
from delegation_app.reports.options import INTERNAL_SECTIONS, BriefingOptions, Section

SECTION_LABELS = {
    Section.OVERVIEW: N_("&Purpose and summary"),
    Section.AGENDA: N_("Pro&gramme"),
    Section.DELEGATION: N_("&Delegation"),
    Section.HOSTS: N_("&Host side"),
    Section.GUESTS: N_("Further g&uests"),
    Section.PROFILES: N_("Short profil&es"),
    Section.TALKING_POINTS: N_("&Talking points"),
    Section.PROTOCOL: N_("Protocol note&s"),
    Section.LOGISTICS: N_("Lo&gistics"),
    Section.QUOTES: N_("&Quotes"),
    Section.NOTES: N_("&Notes and lessons learned"),
    Section.FOLLOWUPS: N_("Open &follow-ups"),
    Section.HISTORY: N_("Rel&ationship history"),
    Section.PRESS: N_("P&ress contact"),
    Section.SOURCES: N_("S&ources"),
}
FORMATS = {"pdf": N_("PDF"), "docx": N_("Word (.docx)")}


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
        self.setWindowTitle(_("Briefing"))
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
        self.format = QComboBox(self)
        for key, name in FORMATS.items():
            self.format.addItem(_(name), key)
        self.format.setAccessibleName(_("File format of the briefing"))
        format_label = QLabel(_("&Format:"), self)
        format_label.setBuddy(self.format)
        form.addRow(format_label, self.format)
        self.issuer_name: QLineEdit | None = None
        if ask_issuer:
            caption, row = self._issuer_row(open_profile)
            form.addRow(caption, row)
            caption.buddy().setFocus()  # the one thing missing: the name
        box = QGroupBox(_("Sections"), self)
        box_layout = QGridLayout(box)
        self.sections: dict[Section, QCheckBox] = {}
        rows = (len(SECTION_LABELS) + 1) // 2  # two columns: fifteen in one are taller than a laptop
        for index, (section, text) in enumerate(SECTION_LABELS.items()):
            check = QCheckBox(_(text), box)
            check.setChecked(True)
            box_layout.addWidget(check, index % rows, index // rows)
            self.sections[section] = check
        self.private = QCheckBox(_("Include phone numbers and e&mails"), self)
        self.private.setChecked(True)
        self.private.setToolTip(_("Switch off for an outside copy (one that leaves the office)."))
        self.external = QCheckBox(_("Version for e&xternal readers"), self)
        self.external.setToolTip(
            _(
                "Approved quotes only; without notes, lessons learned, follow-ups, talking points, "
                "protocol notes, relationship history and people's contact details; phone numbers "
                "and e-mail addresses in texts are masked."
            )
        )
        self.external.toggled.connect(self._external_toggled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.private)
        layout.addWidget(self.external)
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

    def _external_toggled(self, external: bool) -> None:
        """What the outside copy never holds cannot be chosen for it."""
        for section in INTERNAL_SECTIONS:
            self.sections[section].setEnabled(not external)
        self.private.setEnabled(not external)

    def _format_changed(self) -> None:
        word = self.file_format() == "docx"
        self.ok_button.setText(_("&Create Word file…") if word else _("&Create PDF…"))

    def file_format(self) -> str:
        """The chosen format: "pdf" or "docx"."""
        return self.format.currentData()

    def typed_issuer(self) -> str:
        """The name typed for the briefing ("" when the profile already had one)."""
        return self.issuer_name.text().strip() if self.issuer_name is not None else ""

    def options(self) -> BriefingOptions:
        return BriefingOptions(
            language=self.language.currentData(),
            sections=frozenset(s for s, check in self.sections.items() if check.isChecked()),
            private_details=self.private.isChecked(),
            external=self.external.isChecked(),
        )
