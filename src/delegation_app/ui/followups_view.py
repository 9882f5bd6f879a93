"""All follow-ups, open ones first by due date (the contact-log issue adds filters and marking done)."""

from PySide6.QtWidgets import QCheckBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.ui.change_bus import ChangeBus
from delegation_app.ui.followup_table_model import FollowUpTableModel


class FollowUpsView(QWidget):
    def __init__(self, services: Services, bus: ChangeBus, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.show_done = QCheckBox(_("Show &done ones too"), self)
        self.show_done.toggled.connect(self.refresh)
        self.model = FollowUpTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Follow-ups"))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_done)
        layout.addWidget(self.table)
        bus.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        rows = self.services.followups.list()
        if not self.show_done.isChecked():
            rows = [f for f in rows if f.done_on is None]
        self.model.set_followups(rows)
