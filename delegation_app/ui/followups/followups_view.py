"""The Follow-ups view: open items by due date, overdue ones marked in words and with an icon.

Filters: mine (owned by the user's own person record, chosen in the preferences) or all, by visit,
by person, done ones too. Keys in the list: Space or Ctrl+D marks the selected follow-up done (or
open again, when it is done); Ctrl+Z undoes the last mark; Return or a double-click opens it to
correct it (ui/followups/followup_dialog.py); Del puts it in the recycle bin after asking; Ctrl+H
(Edit → Change history) shows its history. Everything goes through operations (followups: mark
done / reopen; records: save, delete), so other views hear of it through the ChangeBus.
"""

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.operations.followups import mark_followup_done, reopen_followup
from delegation_app.services.registry import Services
from delegation_app.services.views import FollowUpView
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.keyboard import shortcut
from delegation_app.ui.common.operation_runner import REFUSED, OperationRunner
from delegation_app.ui.common.table_view import TableView
from delegation_app.ui.followups.followup_dialog import FollowUpDialog, delete_followup, field_label, what
from delegation_app.ui.followups.followup_filters import FollowUpFilters
from delegation_app.ui.followups.followup_table_model import TITLE, FollowUpTableModel
from delegation_app.ui.records.history_dialog import HistoryDialog

TABLES = frozenset({"follow_up", "person", "visit", "contact_entry", "contact_entry_person"})
MARK_KEYS, UNDO_KEY = ("Space", "Ctrl+D"), "Ctrl+Z"


class FollowUpsView(QWidget):
    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        runner: OperationRunner,
        parent=None,
        *,
        clock: Callable[[], datetime] = datetime.now,
        own_person_id: Callable[[], int | None],  # asked at every refresh: the preferences may change it
    ) -> None:
        super().__init__(parent)
        self.services, self.runner, self.clock, self.own_person_id = services, runner, clock, own_person_id
        self._undo: list[tuple[FollowUpView, FollowUpView]] = []  # (before, after) of each mark
        self.filters = FollowUpFilters(services, self, today=self.today)
        self.filters.set_mine(own_person_id() is not None)
        self.show_done = self.filters.show_done
        self.filters.changed.connect(self.refresh)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.model = FollowUpTableModel(self)
        self.table = TableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Follow-ups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table)
        self.mark_button = QPushButton(_("&Mark done / open"), self)
        self.mark_button.setToolTip(
            _("Mark the selected follow-up done, or open again ({keys})").format(
                keys=" / ".join(native(k) for k in MARK_KEYS)
            )
        )
        self.undo_button = QPushButton(_("&Undo last change"), self)
        undo_tip = _("Undo the last done / open change ({key})")
        self.undo_button.setToolTip(undo_tip.format(key=native(UNDO_KEY)))
        self.status = QLabel(self)  # what the last mark did, in words
        self.mark_button.clicked.connect(self.toggle_current)
        self.undo_button.clicked.connect(self.undo)
        self.open_button = QPushButton(_("&Open…"), self)
        self.open_button.setToolTip(_("Correct the selected follow-up (Enter)"))
        self.delete_button = QPushButton(_("De&lete…"), self)
        self.delete_button.setToolTip(_("Put the selected follow-up in the recycle bin (Del)"))
        self.history_button = QPushButton(_("Change history…"), self)
        self.history_button.setToolTip(_("Who changed the selected follow-up when ({key})").format(
            key=native("Ctrl+H")))  # fmt: skip
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.history_button.clicked.connect(self.show_history)
        self.table.activated.connect(self.open_current)  # Enter, double-click
        shortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.delete_current,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.dialog: FollowUpDialog | None = None
        self.history: HistoryDialog | None = None
        shortcut("Space", self.table, self.toggle_current, Qt.ShortcutContext.WidgetShortcut)
        for key, slot in (("Ctrl+D", self.toggle_current), (UNDO_KEY, self.undo)):
            shortcut(key, self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.status, 1)
        for button in (self.open_button, self.delete_button, self.history_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)  # after the commit's signal
        self._refresh_timer.timeout.connect(self._data_changed)
        bus.changed.connect(self._changed)
        self.refresh()

    def today(self) -> date:
        return self.clock().date()

    # --- loading -----------------------------------------------------------------------------
    def _changed(self, changes) -> None:
        if ChangeBus.tables(changes) & TABLES:
            self._refresh_timer.start()

    def _data_changed(self) -> None:
        self.filters.refresh_chosen()  # the chosen visit or person renamed or deleted
        self.refresh()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        current = self.current_followup()
        row = self.table.currentIndex().row()
        own = self.own_person_id()
        mine = self.filters.mine()
        self.hint.setVisible(mine and own is None)
        self.hint.setText(
            _("Choose your own person record under File → Preferences to see your follow-ups here.")
        )
        filters: dict[str, Any] = {
            "owner_person_id": own if mine else None,
            "visit_id": self.filters.visit.current_id(),
            "person_id": self.filters.person.current_id(),
            "include_done": self.show_done.isChecked(),
        }
        fetch = None if mine and own is None else partial(self._page, **filters)
        key = tuple(filters.values())
        self.model.load(fetch, key, today=self.today())
        self._select(current.id if current else None, fallback_row=row)
        self.undo_button.setEnabled(bool(self._undo))

    def _page(self, *, offset: int, limit: int, **filters) -> list[FollowUpView]:
        return self.services.followups.list_filtered(offset=offset, limit=limit, **filters)

    def _select(self, followup_id: int | None, fallback_row: int = -1) -> None:
        row = self.model.row_of(followup_id)
        if row < 0 and fallback_row >= 0:  # the marked one left the list: its neighbour
            row = min(fallback_row, self.model.rowCount() - 1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, TITLE))

    def current_followup(self) -> FollowUpView | None:
        return self.model.followup_at(self.table.currentIndex().row())

    def show_all_open(self) -> None:
        """What the overdue notice opens: every open follow-up, the most urgent on top."""
        self.filters.reset()  # reloads the list (its changed signal)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, TITLE))
        self.table.setFocus()

    # --- correcting and deleting ---------------------------------------------------------------
    def open_current(self) -> None:
        """The selected follow-up in a dialog to correct it (Enter, double-click, "Open…")."""
        chosen = self.current_followup()
        if chosen is None:
            return
        try:
            followup = self.services.followups.get(chosen.id)  # the newest version, not the list's
        except DomainError as exc:  # deleted elsewhere meanwhile
            self._refused(exc)
            self.refresh()
            return
        self.dialog = FollowUpDialog(self.services, self.runner.prompts, self.runner, followup, self)
        self.dialog.saved.connect(self._corrected)
        self.dialog.deleted.connect(self._deleted)
        self.dialog.finished.connect(lambda _result: self.table.setFocus())
        self.dialog.open()  # not exec(): tests and the ChangeBus go on behind it

    def _corrected(self, followup: FollowUpView) -> None:
        self.refresh()
        self._select(followup.id)
        self._said(_("“{title}” saved.").format(title=followup.title))

    def delete_current(self) -> None:
        followup = self.current_followup()
        if followup is None:
            return
        if delete_followup(self, self.runner.prompts, self.runner, followup):
            self._deleted(followup.id, followup.title)
        else:
            self.refresh()  # changed or deleted elsewhere: the list shows what is stored now

    def _deleted(self, _followup_id: int, title: str | None = None) -> None:
        row = self.table.currentIndex().row()
        title = title or (self.dialog.followup.title if self.dialog is not None else "")
        self.refresh()
        self._select(None, fallback_row=row)  # its neighbour, ready for the next key
        self._said(_("“{title}” is in the recycle bin now (Edit menu).").format(title=title))

    def show_history(self) -> None:
        """Who changed the selected follow-up when (Ctrl+H, Edit → Change history)."""
        followup = self.current_followup()
        if followup is None:
            return
        self.history = HistoryDialog(
            self, self.services, self.runner.prompts, self.runner, "follow_up", followup.id, what(followup),
            field_label,
        )  # fmt: skip
        self.history.open()

    # --- marking -----------------------------------------------------------------------------
    def toggle_current(self) -> None:
        before = self.current_followup()
        if before is None:
            return
        if before.done_on is None:
            after = self._write(
                partial(mark_followup_done, record_id=before.id, version=before.version, on=self.today())
            )
            message = _("“{title}” marked done.")
        else:
            after = self._write(partial(reopen_followup, record_id=before.id, version=before.version))
            message = _("“{title}” is open again.")
        if after is not None:
            self._undo.append((before, after))
            self._said(message.format(title=before.title) + " " +
                       _("{key} undoes it.").format(key=native(UNDO_KEY)))  # fmt: skip

    def undo(self) -> None:
        if not self._undo:
            return
        before, after = self._undo.pop()
        if before.done_on is None:
            undone = self._write(partial(reopen_followup, record_id=after.id, version=after.version))
        else:
            undone = self._write(
                partial(mark_followup_done, record_id=after.id, version=after.version, on=before.done_on)
            )
        if undone is not None:
            self._said(_("Undone: “{title}” is as before.").format(title=before.title))
            self.refresh()
            self._select(before.id)

    def _write(self, operation: Callable[[Services], FollowUpView]) -> FollowUpView | None:
        """The operation's result, or None when it was refused (said in the status line, where the
        marks are reported too); the list is read again either way."""
        result = self.runner.outcome(self, operation, on_user_error=self._refused)
        self.refresh()
        return None if result is REFUSED else result

    def _refused(self, exc: DomainError) -> None:  # changed or deleted elsewhere meanwhile
        self._said("⚠ " + exc.message)

    def _said(self, text: str) -> None:
        self.status.setText(text)
        self.undo_button.setEnabled(bool(self._undo))
