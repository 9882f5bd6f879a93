"""The person page tab: the contact timeline and, above it, the access report (Art. 15 GDPR)."""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from delegation_app.i18n import _
from delegation_app.services.timeline import TimelineEntry
from delegation_app.ui.people.person_history import PersonHistoryView


class PersonPage(QWidget):
    report_requested = Signal()  # "Auskunft erstellen (Art. 15)…": the view knows whose

    def __init__(self, parent: QWidget | None = None, *, with_report: bool = True) -> None:
        super().__init__(parent)
        self.timeline = PersonHistoryView(self)
        self.report_button = QPushButton(_("Write access report (Art. 15)…"), self)
        self.report_button.setToolTip(
            _("Everything stored about this person, as a PDF or JSON file (access request, Art. 15 GDPR)")
        )
        self.report_button.clicked.connect(self.report_requested)
        self.report_button.setVisible(with_report)
        self.report_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.timeline, 1)

    def show_message(self, text: str) -> None:
        self.report_button.setEnabled(False)
        self.timeline.show_message(text)

    def show_timeline(self, name: str, entries: Sequence[TimelineEntry], profile: str | None = None) -> None:
        self.report_button.setEnabled(True)
        self.timeline.show_timeline(name, entries, profile)
