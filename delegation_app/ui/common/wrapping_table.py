"""A read-only table of texts whose long cells wrap, rows as high as their text."""

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from delegation_app.ui.common.table_view import leave_on_tab


class WrappingTable(QTableWidget):
    def __init__(self, headers: Sequence[str], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setAccessibleName(accessible_name)
        leave_on_tab(self)  # QTableWidget is a QTableView: Tab would move between cells for good
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def fill(self, rows: Sequence[Sequence[str]]) -> None:
        self.setRowCount(len(rows))
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                self.setItem(r, c, QTableWidgetItem(text))
        self.setCurrentCell(-1, -1)
        self.resizeRowsToContents()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Row heights follow the column widths, which are final only after the layout has run.
        QTimer.singleShot(0, self.resizeRowsToContents)
