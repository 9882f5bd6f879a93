"""The edit panel shared by the person and organisation editors (named ``people_*`` after the
files this feature owns): a FieldForm in a scroll area, Save and Cancel, unsaved-changes state.

Three modes: nothing shown (disabled), a stored record, a new record. "Unsaved" means the form
differs from what was loaded, so typing a change and typing it back is not a change.
"""

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.changes import Change
from delegation_app.domain.errors import DomainError, ValidationError
from delegation_app.i18n import _
from delegation_app.operations.records import RecordKind, save_record
from delegation_app.services.base import CrudService
from delegation_app.services.registry import Services
from delegation_app.ui.common.change_bus import ChangeBus, changed_by_text, conflict_hint
from delegation_app.ui.common.forms import FieldForm, WidgetT
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.keyboard import view_shortcut, without_focus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice, Prompts
from delegation_app.ui.records.conflict_flow import RELOAD, save_or_resolve
from delegation_app.ui.records.history_dialog import HistoryDialog

NOTHING, EDIT, NEW = "nothing", "edit", "new"


def text_of(widget: QLineEdit) -> str | None:
    return widget.text().strip() or None


class RecordEditor(QWidget):
    saved = Signal(int)  # the record's id, after a successful save
    cancelled = Signal()  # the user left the new record or took back the changes

    new_title = ""  # heading of a new record, translated
    save_text = ""  # the main window's Save action (Ctrl+S) while the editor is shown, translated
    nothing_text = ""  # shown while no record is selected, translated
    first_input: QWidget  # set by _build()

    def __init__(
        self,
        services: Services,
        service: CrudService[Any, Any, Any],
        kind: RecordKind,
        prompts: Prompts,
        runner: OperationRunner,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.services, self.record_kind, self.prompts, self.runner = services, kind, prompts, runner
        self.service = service  # reads the records of ``kind``; writes go through operations.records
        self.record: Any | None = None
        self.mode = NOTHING
        self._baseline: Any | None = None
        self._changed_by: str | None = None  # a colleague's save noticed while typing (team mode)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.state = QLabel(self)  # "unsaved changes" in words, not only a colour or an asterisk
        self.form_page = QWidget(self)
        self.form = FieldForm(QFormLayout(self.form_page))
        self._build()
        scroll = without_focus(QScrollArea(self))
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form_page)
        # Made in the order they stand in, which is the order Tab visits them.
        # No mnemonic of its own (the letters are taken); Edit → Change history (Ctrl+H) opens it too.
        self.history_button = QPushButton(_("Change history…"), self)
        tip = _("Who changed this record when; go back to an earlier state (Ctrl+H)")
        self.history_button.setToolTip(tip)
        self.history_button.clicked.connect(self.show_history)
        self.save_button = QPushButton(_("&Save"), self)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(_("&Cancel"), self)
        self.cancel_button.setToolTip(_("Take back the changes ({key})").format(key=native("Esc")))
        self.cancel_button.clicked.connect(self.cancel)
        view_shortcut(self, QKeySequence.StandardKey.Cancel, self.cancel)  # Esc, as the button
        self.history: HistoryDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.show_nothing()

    # --- hooks for the concrete editors ----------------------------------------------------------
    def _build(self) -> None:
        """Add the fields to self.form, self._watch each input, set self.first_input."""
        raise NotImplementedError

    def _fill(self, record: Any | None) -> None:
        """Put a record's values (None: a new, empty one) into the inputs."""
        raise NotImplementedError

    def to_input(self) -> Any:
        """The service's input dataclass, read from the inputs."""
        raise NotImplementedError

    def title_of(self, record: Any) -> str:
        raise NotImplementedError

    def what(self) -> str:
        """Names the record in questions: "The person “Anna Schmidt”"."""
        raise NotImplementedError

    def _field_errors(self, errors: dict[str, str]) -> dict[str, str]:
        return errors

    def refresh_choices(self) -> None:
        """Reload lists to choose from (organisations), keeping what is chosen."""

    # --- state -----------------------------------------------------------------------------------
    @property
    def record_id(self) -> int | None:
        return self.record.id if self.record is not None else None

    def _watch(self, widget: WidgetT) -> WidgetT:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._update_state)
        elif isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.textChanged.connect(self._update_state)
        elif isinstance(widget, QComboBox):
            # Long names (organisations) must not widen the panel beyond the window.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(16)
            widget.currentIndexChanged.connect(self._update_state)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._update_state)
        return widget

    def is_dirty(self) -> bool:
        return self.mode != NOTHING and self.to_input() != self._baseline

    def note_changes(self, changes: Sequence[Change]) -> None:
        """A colleague saved the record being typed in (team mode): say so instead of reloading."""
        if self.mode == EDIT and self.record is not None and self.is_dirty():
            self._changed_by = ChangeBus.changed_by(changes, self.record_kind.value, self.record.id) or (
                self._changed_by
            )
            self._update_state()

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        if dirty and self._changed_by:
            self.state.setText(changed_by_text(self._changed_by))
            self.state.setToolTip(conflict_hint())
        else:
            self.state.setText(_("Unsaved changes") if dirty else "")
            self.state.setToolTip("")

    def _show(self, mode: str, record: Any | None) -> None:
        self.mode, self.record = mode, record
        self._changed_by = None
        self.form.clear_errors()
        self.refresh_choices()
        self._fill(record)
        for edit in self.form_page.findChildren(QLineEdit):
            edit.setCursorPosition(0)  # a long value (a source's address) reads from its beginning
        self._baseline = self.to_input()
        enabled = mode != NOTHING
        for widget in (self.form_page, self.save_button, self.cancel_button):
            widget.setEnabled(enabled)
        self.history_button.setEnabled(mode == EDIT)
        if mode == NOTHING:
            self.heading.setText(self.nothing_text)
        else:
            self.heading.setText(self.new_title if record is None else self.title_of(record))
        self._update_state()

    def show_nothing(self) -> None:
        self._show(NOTHING, None)

    def load(self, record: Any) -> None:
        self._show(EDIT, record)

    def start_new(self) -> None:
        self._show(NEW, None)
        self.focus_first()

    def focus_first(self) -> None:
        self.first_input.setFocus()

    def revert(self) -> None:
        """Drop the changes: a stored record is read again (it may have changed meanwhile)."""
        if self.mode == NEW:
            self._show(NEW, None)
        elif self.mode == EDIT and self.record is not None:  # EDIT always has a record
            try:
                self.load(self.service.get(self.record.id))
            except DomainError:  # deleted meanwhile
                self.show_nothing()

    # --- saving ----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.mode == NOTHING:
            return True
        if self.mode == EDIT and not self.is_dirty():
            return True
        data, record = self.to_input(), self.record
        if record is None:
            created: list[Any] = []
            new_record = partial(save_record, kind=self.record_kind, data=data)
            self.runner.now(self, new_record, created.append, on_user_error=self._refused)
            stored = created[0] if created else None
        else:
            stored = save_or_resolve(
                self, self.prompts, self.runner, self.record_kind, record.id, self.what(), data,
                lambda field: self.form.label_of(field) or field, record.version,
                on_user_error=self._refused,
            )  # fmt: skip
        if stored is RELOAD:
            self.revert()
            return False
        if stored is None:
            return False
        self.load(stored)
        self.saved.emit(stored.id)
        return True

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):
            unplaced = self.form.show_errors(self._field_errors(exc.errors))
            if unplaced:
                self.prompts.error(self, "\n".join(unplaced))
        else:  # deleted by someone else meanwhile
            self.prompts.error(self, exc.message)

    def show_history(self) -> None:
        if self.mode != EDIT or self.record is None:  # EDIT always has a record
            return
        self.history = HistoryDialog(
            self, self.services, self.prompts, self.runner, self.record_kind, self.record.id, self.what(),
            lambda field: self.form.label_of(field) or field,
        )  # fmt: skip
        self.history.open()  # not exec(): the window stays usable behind it

    def maybe_leave(self) -> bool:
        """May the user move away? Asks about unsaved changes; False means stay."""
        if not self.is_dirty():
            return True
        choice = self.prompts.save_discard_cancel(self, self.what())
        if choice is Choice.SAVE:
            return self.save()
        if choice is Choice.DISCARD:
            self.revert()
            return True
        return False

    def cancel(self) -> None:
        """The Cancel button: asks about unsaved changes, then gives the list back the focus."""
        if self.maybe_leave():
            self.cancelled.emit()
