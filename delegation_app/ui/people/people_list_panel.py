"""The left half of the people and organisation views: search box, table, New/Edit/Delete.

Only widgets and keys; what they do is wired up by people_record_view.RecordView.
Keys: Ctrl+Shift+N anywhere in the view (``new_action``), Ins in the list (``insert_key``),
Del in the list (``delete_action``); Enter and double-click emit the table's ``activated``;
Ctrl+Shift+M anywhere in the view, or the list's context menu: merge the two rows selected
(``merge_action``; Ctrl+click or Shift+arrow selects the second row).
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.i18n import _
from delegation_app.ui.common.accessibility import name_clear_button
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.common.record_table_model import RecordTableModel
from delegation_app.ui.common.table_view import TableView

MIN_BUTTON_WIDTH = 60  # px
MERGE_KEY = "Ctrl+Shift+M"


class ListPanel(QWidget):
    def __init__(self, model: RecordTableModel, texts: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.model = model
        caption = QLabel(texts["search"], self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(texts["placeholder"])
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search)
        self.search.setAccessibleName(texts["search"].replace("&", "").rstrip(":"))
        caption.setBuddy(self.search)
        self.table = TableView(self)
        self.table.setModel(model)
        self.table.setAccessibleName(texts["table"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Two rows can be selected, to be merged; the current row is the one the form shows.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)  # a click sorts: in SQL, see RecordView._sort_changed
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.notice = QLabel(self)  # e.g. "… does not exist any more", in words
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.new_button = QPushButton(texts["new"], self)
        self.new_button.setToolTip(_("Ctrl+Shift+N, or Ins in the list"))
        self.edit_button = QPushButton(texts["edit"], self)
        self.edit_button.setToolTip(_("Enter or double-click in the list"))
        self.delete_button = QPushButton(texts["delete"], self)
        self.delete_button.setToolTip(_("Del in the list"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setMinimumWidth(MIN_BUTTON_WIDTH)  # a narrow window squeezes, never hides the list
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 0, 0)
        for widget in (caption, self.search, self.table, self.notice):
            column.addWidget(widget)
        column.addLayout(buttons)
        self.new_action = QAction(texts["new"], self, shortcut=QKeySequence("Ctrl+Shift+N"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.insert_key = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.table)
        self.insert_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key = QKeySequence(QKeySequence.StandardKey.Delete)
        self.delete_action = QAction(texts["delete"], self.table, shortcut=delete_key)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.merge_action = QAction(texts["merge"], self, shortcut=QKeySequence(MERGE_KEY))
        self.merge_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.merge_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
