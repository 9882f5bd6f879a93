"""List on the left, editor and page (tabs) on the right; shared by the people and organisation
views (named ``people_*`` after the files this feature owns).

Keys: Ctrl+Shift+N anywhere in the view, or Ins in the list: new record. Enter or double-click
in the list: edit (focus the form). Del in the list: delete (after confirming the consequences).
Down or Return in the search box: into the list. Ctrl+Tab / Ctrl+PgDown anywhere in the view: the
other tab. Ctrl+S (the main window's Save) saves the form, Esc in the form cancels.
Searching and sorting (header clicks) happen in SQL in the service; the list loads page by page.
Leaving a record with unsaved changes (another row, New) asks save / discard / cancel.
"""

from contextlib import contextmanager
from functools import partial
from typing import Protocol, cast

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.i18n import _
from delegation_app.operations.records import delete_record
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.keyboard import lead_into_results, tab_switch_keys
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.common.record_table_model import RecordTableModel
from delegation_app.ui.people.merge_dialog import MergeDialog, Merger, Planner
from delegation_app.ui.people.people_list_panel import ListPanel
from delegation_app.ui.people.people_record_editor import EDIT, NEW, NOTHING, RecordEditor

SEARCH_DELAY_MS = 150


class RecordPage(Protocol):
    """What the view asks of its page tab (a QWidget too): to say why it shows no record."""

    def show_message(self, text: str) -> None: ...


class RecordView(QWidget):
    tables: frozenset[str] = frozenset()  # a change to any of these refreshes the view

    def __init__(
        self,
        service,
        bus: ChangeBus,
        prompts: Prompts,
        model: RecordTableModel,
        editor: RecordEditor,
        page: QWidget,
        texts: dict[str, str],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.service, self.prompts, self.model, self.editor, self.page = service, prompts, model, editor, page
        self._syncing = 0
        self._select_after: int | None = None
        self._order = ("name", False)
        model.setParent(self)
        model.set_loader(self._load_page)
        self._build(texts)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._search_timer.start)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)  # after the commit's signal
        self._refresh_timer.timeout.connect(self.refresh)
        bus.changed.connect(self._changed)
        editor.saved.connect(self._saved)
        editor.cancelled.connect(self._cancelled)
        self.reload_list()  # the editor has just loaded its choices
        self._show_page_of_editor()

    # --- building ----------------------------------------------------------------------------
    def _build(self, texts: dict[str, str]) -> None:
        panel = self.list_panel = ListPanel(self.model, texts, self)
        self.search, self.table, self.notice = panel.search, panel.table, panel.notice
        self.new_button, self.edit_button, self.delete_button = (
            panel.new_button, panel.edit_button, panel.delete_button,
        )  # fmt: skip
        self.new_action, self.delete_action = panel.new_action, panel.delete_action
        self.merge_action = panel.merge_action
        self.addAction(self.new_action)  # Ctrl+Shift+N anywhere in the view
        self.addAction(self.merge_action)  # Ctrl+Shift+M anywhere in the view
        for signal, slot in (
            (panel.new_action.triggered, self.new_record),
            (panel.insert_key.activated, self.new_record),
            (panel.new_button.clicked, self.new_record),
            (panel.edit_button.clicked, self.edit_current),
            (self.table.activated, self.edit_current),  # Enter, double-click
            (panel.delete_action.triggered, self.delete_current),
            (panel.delete_button.clicked, self.delete_current),
            (panel.merge_action.triggered, self.merge_selected),
            (self.table.horizontalHeader().sortIndicatorChanged, self._sort_changed),
            (self.table.selectionModel().currentRowChanged, self._current_changed),
        ):
            signal.connect(slot)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.editor, texts["data_tab"])
        self.tabs.addTab(self.page, texts["page_tab"])
        tab_switch_keys(self, self.tabs)  # Ctrl+Tab, Ctrl+PgDown … also from the list
        lead_into_results(self.search, self.table, self._search_pending)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(self.splitter)

    # --- hooks -------------------------------------------------------------------------------
    def show_page(self, record) -> None:
        """Fill the page tab for a stored record."""
        raise NotImplementedError

    def delete_question(self, record) -> tuple[str, str]:
        """The question before deleting ``record`` and what happens to it then (the recycle bin)."""
        raise NotImplementedError

    def merge_functions(self) -> tuple[Planner, Merger]:
        """The plan the merge dialog shows and the operation that merges (services, operations)."""
        raise NotImplementedError

    # --- loading -----------------------------------------------------------------------------
    @contextmanager
    def _quietly(self):
        """Selection changes made by the program, not the user: no questions, no reloading."""
        self._syncing += 1
        try:
            yield
        finally:
            self._syncing -= 1

    def _load_page(self, offset: int, limit: int):
        field, descending = self._order
        search = self.search.text().strip() or None
        return self.service.list(search, order_by=field, descending=descending, limit=limit, offset=offset)

    def current_record(self):
        return self.model.record_at(self.table.currentIndex().row())

    def _select(self, record_id: int | None) -> None:
        with self._quietly():
            row = self.model.row_of(record_id) if record_id is not None else -1
            if row >= 0:
                self.table.selectRow(row)
            else:
                self.table.selectionModel().setCurrentIndex(
                    QModelIndex(), QItemSelectionModel.SelectionFlag.Clear
                )

    def _changed(self, changes) -> None:
        if ChangeBus.tables(changes) & self.tables:
            self._refresh_timer.start()

    def _search_pending(self) -> None:
        """Down or Return in the search box before the pause after typing: search at once."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.search_now()

    def search_now(self) -> None:
        """What a pause in typing runs: the list for the search box's text, from its top."""
        self.reload_list(from_top=True)

    def reload_list(self, *, from_top: bool = False) -> None:
        """Reload the list (search and order as set) and keep the selection; a keystroke in the
        search box or a header click needs no more (the data did not change). ``from_top``: a
        new order or search starts at the top; left scrolled down, the view would show the end
        of the first page and load the second page at once."""
        if from_top:
            self.table.scrollToTop()
        current = self.current_record()
        # The record being edited stays selected, also when a search hid it for a while.
        keep = self._select_after or self.editor.record_id or (current.id if current else None)
        self._select_after = None
        with self._quietly():
            self.model.reload()
        self._select(keep)

    def refresh(self) -> None:
        """Reload the list, keep the selection, update editor, choices and page (the data changed)."""
        self._refresh_timer.stop()
        self.reload_list()
        editor = self.editor
        editor.refresh_choices()  # keeps what is chosen
        if editor.mode == EDIT and not editor.is_dirty():
            try:
                fresh = self.service.get(editor.record_id)
            except NotFoundError:
                editor.show_nothing()
            else:
                if fresh != editor.record:
                    editor.load(fresh)
        self._show_page_of_editor()

    def _show_page_of_editor(self) -> None:
        page = cast(RecordPage, self.page)  # both pages (history, organisation page) have it
        if self.editor.mode == NOTHING:
            page.show_message(self.editor.nothing_text)
        elif self.editor.mode == NEW:
            page.show_message(_("Nothing to show before saving."))
        else:
            try:
                self.show_page(self.editor.record)
            except NotFoundError:
                page.show_message(self.editor.nothing_text)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self._order = (self.model.sort_field(column), order == Qt.SortOrder.DescendingOrder)
        self.reload_list(from_top=True)

    # --- the user moves around -----------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        record = self.model.record_at(current.row())
        if record is None or (self.editor.mode == EDIT and record.id == self.editor.record_id):
            return
        if not self.editor.maybe_leave():
            self._select(self.editor.record_id)  # back to the record with the unsaved changes
            return
        self._open(record.id)

    def _open(self, record_id: int) -> None:
        try:
            record = self.service.get(record_id)
        except DomainError as exc:  # deleted by someone else since the list was loaded
            self.notice.setText(exc.message)
            self.notice.show()
            self.editor.show_nothing()
            self._refresh_timer.start()
        else:
            self.notice.hide()
            self.editor.load(record)
        self._show_page_of_editor()

    def _saved(self, record_id: int) -> None:
        self._select_after = record_id
        self._refresh_timer.start()

    def _cancelled(self) -> None:
        if self.editor.mode == NEW:
            current = self.current_record()
            if current is not None:
                self._open(current.id)
            else:
                self.editor.show_nothing()
                self._show_page_of_editor()
        self.table.setFocus()

    def maybe_leave(self) -> bool:
        """For closing the window: asks about unsaved changes; False means stay."""
        return self.editor.maybe_leave()

    # --- commands ----------------------------------------------------------------------------
    def new_record(self) -> None:
        if not self.editor.maybe_leave():
            return
        self._select(None)
        self.tabs.setCurrentWidget(self.editor)
        self.editor.start_new()
        self._show_page_of_editor()

    def edit_current(self) -> None:
        record = self.current_record()
        if record is None:
            return
        if record.id != self.editor.record_id:
            if not self.editor.maybe_leave():
                return
            self._open(record.id)
        if self.editor.mode == EDIT:
            self.tabs.setCurrentWidget(self.editor)
            self.editor.focus_first()

    def selected_records(self) -> list:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [record for record in map(self.model.record_at, rows) if record is not None]

    def merge_selected(self) -> None:
        """Merge the two rows selected: the one the form shows is kept (the dialog can switch)."""
        selected = self.selected_records()
        if len(selected) != 2:
            self.prompts.inform(self, _("Please select the two records to merge (Ctrl+click on the second)."))
            return
        if not self.editor.maybe_leave():
            return
        current = self.current_record()
        keep = current if current in selected else selected[0]
        other = selected[1] if keep is selected[0] else selected[0]
        plan, merge = self.merge_functions()
        dialog = self.merge_dialog = MergeDialog(
            self, self.editor.services, self.prompts, self.editor.runner, plan, merge, keep.id, other.id
        )
        if dialog.load():
            dialog.finished.connect(partial(self._merged, dialog))
            dialog.open()

    def _merged(self, dialog: MergeDialog, _result: int) -> None:
        if dialog.kept_id is not None:  # the list follows the commit's one "changed" signal
            self._select_after = dialog.kept_id
            self._open(dialog.kept_id)

    def delete_current(self) -> None:
        record = self.current_record()
        if record is None:
            return
        if self.editor.record_id == record.id:
            record = self.editor.record  # the newest version this window knows
        try:
            consequences = self.service.consequences(record.id)
        except DomainError as exc:  # deleted by someone else meanwhile
            self.prompts.error(self, exc.message)
            self._refresh_timer.start()
            return
        question, afterwards = self.delete_question(record)
        if not self.prompts.confirm_delete(self, question, consequences, afterwards=afterwards):
            return
        deleted = partial(
            delete_record, kind=self.editor.record_kind, record_id=record.id, version=record.version,
            confirmed=True,
        )  # fmt: skip
        if not self.editor.runner.now(self, deleted):  # the runner has said why
            self._refresh_timer.start()
            return
        if self.editor.record_id == record.id:
            self.editor.show_nothing()
            self._show_page_of_editor()
