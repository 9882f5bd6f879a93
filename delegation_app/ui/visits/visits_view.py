"""Visits: the list (upcoming first, search as you type) beside the editor of the selected one."""

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.operations.records import RecordKind, delete_record
from delegation_app.operations.visits import copy_visit_as_template
from delegation_app.services.registry import Services
from delegation_app.services.views import VisitView
from delegation_app.ui.common.accessibility import name_clear_button
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.common.keyboard import lead_into_results, shortcut, tab_switch_keys
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.common.table_view import TableView
from delegation_app.ui.visits.visit_editor import VisitEditor
from delegation_app.ui.visits.visit_table_model import VisitTableModel

if TYPE_CHECKING:  # the press reader and its dialog are imported when one is read in (issue 21)
    from delegation_app.ui.visits.press_release_dialog import PressReleaseDialog

PRESS_SHORTCUT = "Ctrl+Shift+V"  # read in a press release


class VisitsView(QSplitter):
    def __init__(
        self, services: Services, bus: ChangeBus, prompts: Prompts, runner: OperationRunner, parent=None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.services, self.prompts, self.runner = services, prompts, runner
        self.model = VisitTableModel(self)
        panel = QWidget(self)
        # No Alt+letter: the visit form beside it needs every free one; Ctrl+F (View → Find) gets here.
        caption = QLabel(_("Search visits:"), panel)
        self.search = QLineEdit(panel, placeholderText=_("Title…"), clearButtonEnabled=True)
        self.search.setAccessibleName(_("Search visits"))
        name_clear_button(self.search)
        caption.setBuddy(self.search)
        self.table = TableView(panel)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Visits"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table)  # the title takes the room the date and status leave
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.editor = VisitEditor(services, prompts, runner, self)
        self.editor.saved.connect(self._saved)
        self.addWidget(panel)
        self.addWidget(self.editor)
        self.setStretchFactor(1, 1)
        self._fit_editor = False  # see fit_editor_when_shown
        self.splitterMoved.connect(self._user_sized)
        self._shown_id: int | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # The same keys as in every list: Down/Return from the search into the list, Return opens
        # the visit (its title field), Del deletes it; the editor's tabs switch from anywhere here.
        lead_into_results(self.search, self.table, self._search_pending)
        self.table.activated.connect(lambda _index: self.editor.focus_first())
        delete_key = QKeySequence(QKeySequence.StandardKey.Delete)
        shortcut(delete_key, self.table, self.delete_current, Qt.ShortcutContext.WidgetShortcut)
        tab_switch_keys(self, self.editor.tabs)
        self.press_action = QAction(_("Read in a &press release…"), self)
        self.press_action.setShortcut(QKeySequence(PRESS_SHORTCUT))
        self.press_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.press_action.triggered.connect(self.read_press_release)
        self.addAction(self.press_action)  # Ctrl+Shift+V anywhere in the visits view
        bus.changed.connect(lambda _changes: self._data_changed())
        bus.changed.connect(self.editor.note_changes)  # a colleague's save while the user edits
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.editor.load(None)

    def _search_pending(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.refresh()

    # --- sizes (issue 12) -------------------------------------------------------------------------
    def fit_editor_when_shown(self) -> None:
        """Until the user moves the handle: the editor as wide as its tab titles (or half the
        room, when there is more; at most two thirds), the list the rest. Sizes set before the
        window has its size would be shared out again by the first resize."""
        self._fit_editor = True
        self._fit_sizes()

    def _user_sized(self, _pos: int, _index: int) -> None:
        self._fit_editor = False

    def _fit_sizes(self) -> None:
        room = self.width() - self.handleWidth()
        if self._fit_editor and room > 0:
            editor = max(self.editor.comfortable_width(), room // 2)
            editor = min(editor, room - room * 35 // 100)  # a small window: the list stays in sight
            self.setSizes([room - editor, editor])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_sizes()

    def current_visit(self) -> VisitView | None:
        return self.editor.visit

    def refresh(self) -> None:
        search = self.search.text().strip() or None
        self.model.load(
            lambda offset, limit: self.services.visits.list_overview_page(search, offset=offset, limit=limit),
            search,
        )
        self._select_shown()

    def _select_shown(self) -> None:
        row = self.model.row_of(self._shown_id) if self._shown_id is not None else -1
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # re-selecting after a refresh is not the user moving away
        if row >= 0:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            selection.clearSelection()
        selection.blockSignals(False)

    def _data_changed(self) -> None:
        self.refresh()
        if self._shown_id is not None and self.model.row_of(self._shown_id) < 0 and not self._exists():
            self._shown_id = None  # deleted elsewhere
            self.editor.load(None)
        else:
            self.editor.refresh()

    def _exists(self) -> bool:
        """Whether the shown visit is still stored (the list holds only the pages scrolled to)."""
        if self._shown_id is None:
            return False
        try:
            self.services.visits.get(self._shown_id)
        except DomainError:
            return False
        return True

    def _row_changed(self, current, _previous) -> None:
        visit = self.model.visit_at(current.row())
        if visit is None or visit.id == self._shown_id:
            return
        if not self.editor.maybe_leave():
            self._select_shown()  # the user stays with the unsaved visit
            return
        self.show_visit(visit.id)

    def show_visit(self, visit_id: int | None) -> None:
        try:
            with self.runner.counting("open visit"):
                self.editor.load(visit_id)
        except DomainError as exc:  # deleted by someone else since the list was loaded
            window = self.window()
            if isinstance(window, QMainWindow):  # the view is always shown in the main window
                window.statusBar().showMessage(exc.message, 10_000)
            QTimer.singleShot(0, self.refresh)
            return
        self._shown_id = visit_id
        self._select_shown()

    def _saved(self, visit_id: int) -> None:
        self._shown_id = visit_id
        self.refresh()

    # --- commands (menu and shortcuts of the main window) ---------------------------------------
    def new_visit(self) -> None:
        if self.editor.maybe_leave():
            self._shown_id = None
            self._select_shown()
            self.editor.load(None)
            self.editor.focus_first()

    def restore_draft(self, draft: dict) -> None:
        self.editor.restore_draft(draft)
        self._shown_id = self.editor.visit.id if self.editor.visit else None
        self._select_shown()

    def read_press_release(self) -> "PressReleaseDialog | None":
        """The review dialog of a pasted press release; the visit it creates is shown after."""
        from delegation_app.ui.visits.press_release_dialog import PressReleaseDialog  # on use

        if not self.editor.maybe_leave():
            return None
        dialog = PressReleaseDialog(self.services, self.runner, self)
        dialog.created.connect(self._saved)
        dialog.created.connect(self.show_visit)
        dialog.open()
        return dialog

    def copy_as_template(self) -> None:
        visit = self.current_visit()
        if visit is None or not self.editor.maybe_leave():
            return
        # a full disk or a read-only database: the runner says so, and nothing else happens
        self.runner.now(self, partial(copy_visit_as_template, visit_id=visit.id), self._copied)

    def _copied(self, copy: VisitView) -> None:
        self.show_visit(copy.id)
        self.editor.focus_first()
        self.editor.form.title.selectAll()

    def delete_current(self) -> None:
        visit = self.current_visit()
        if visit is None:
            return
        consequences = self.services.visits.consequences(visit.id)
        question = _("Delete the visit “{title}”?").format(title=visit.title)
        afterwards = _(
            "The visit goes to the recycle bin (Edit menu) and can be restored from there for 30 days."
        )
        if not self.prompts.confirm_delete(self, question, consequences, afterwards=afterwards):
            return
        deleted = partial(
            delete_record, kind=RecordKind.VISIT, record_id=visit.id, version=visit.version, confirmed=True
        )
        if not self.runner.now(self, deleted):
            return
        self._shown_id = None
        self.editor.load(None)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)
