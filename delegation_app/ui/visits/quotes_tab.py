"""The visit editor's Quotes tab: the list of what was said, and a form to add or edit one.

Keys: Ctrl+Shift+A starts a new quote (in the speaker field), Del deletes the selected quote
(after confirming). "Save quote" saves the form; choosing another quote with unsaved changes asks
first. The editor shell calls has_unsaved_changes() / save() before it closes.
"""

from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError, NotFoundError, ValidationError
from delegation_app.i18n import _
from delegation_app.operations.quotes import delete_quote, save_quote
from delegation_app.services.registry import Services
from delegation_app.services.views import ParticipationView, QuoteView, VisitView
from delegation_app.services.visit_page import VisitPage
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.keyboard import shortcut, without_focus
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice, Prompts
from delegation_app.ui.common.table_view import TableView
from delegation_app.ui.visits.quote_approval_actions import ApprovalActions
from delegation_app.ui.visits.quote_form import QuoteForm
from delegation_app.ui.visits.quote_table_model import TEXT, QuoteTableModel

ADD_SHORTCUT = "Ctrl+Shift+A"


class QuotesTab(QWidget):
    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        super().__init__(parent)
        self.services, self.prompts, self.runner = services, prompts, runner
        self._visit: VisitView | None = None
        self._editing: QuoteView | None = None  # None: the form holds a new quote
        self._quiet = False  # selection changes made by the program, not the user
        self.model = QuoteTableModel(self)
        self.hint = QLabel(_("Save the visit first."), self)
        self.table = TableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Quotes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.form = QuoteForm(services, Creating(services, runner, prompts), self)
        self.table.activated.connect(lambda _index: self.form.text.setFocus())  # Return opens the quote
        self.new_button = QPushButton(_("Ne&w quote"), self)
        self.new_button.setToolTip(_("Start a new quote ({key})").format(key=native(ADD_SHORTCUT)))
        self.save_button = QPushButton(_("Save &quote"), self)
        self.discard_button = QPushButton(_("Discard &changes"), self)
        self.delete_button = QPushButton(_("De&lete quote"), self)
        self.delete_button.setToolTip(_("Delete the selected quote ({key})").format(key=native("Del")))
        self.new_button.clicked.connect(self.new_quote)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        self.delete_button.clicked.connect(self.delete_current)
        shortcut(ADD_SHORTCUT, self, self.new_quote, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.delete_current,
            Qt.ShortcutContext.WidgetShortcut,
        )
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.discard_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.approval = ApprovalActions(self, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.approval.row)
        # The form scrolls when the window is low (800 × 600): the approval fields made it taller
        # than the tab may be there.
        form_area = without_focus(QScrollArea(self))
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        form_area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(form_area, 1)
        layout.addLayout(buttons)
        self.load(None)

    # --- contract with the visit editor -------------------------------------------------------------
    def load(self, visit: VisitView | None, page: VisitPage | None = None) -> None:
        """Show the quotes of ``visit`` with an empty form (unsaved edits are dropped: the editor asks
        has_unsaved_changes() first). None: a visit not saved yet. ``page``: what the editor read
        for all tabs at once (else the tab reads its own)."""
        self._visit, self._editing = visit, None
        self.hint.setVisible(visit is None)
        self.form.show_quote(None, self._first_day())
        if page is None:
            self.refresh()
        else:
            self.show_page(page)

    def show_page(self, page: VisitPage) -> None:
        """Like refresh(), with what the editor read for all its tabs (no read of its own)."""
        self._visit = page.visit
        self._show_lists(page.quotes, page.participants)

    def refresh(self) -> None:
        """Reload the list and the speakers; the form keeps unsaved edits, else shows the stored quote."""
        quotes, participants = [], []
        if self._visit is not None:
            try:
                with self.services.one_read():
                    quotes = self.services.quotes.list_for_visit(self._visit.id)
                    participants = self.services.participations.list_for_visit(self._visit.id)
            except NotFoundError:
                self._visit = None  # deleted meanwhile: nothing left to edit
        self._show_lists(quotes, participants)

    def _show_lists(self, quotes: list[QuoteView], participants: list[ParticipationView]) -> None:
        for widget in (self.table, self.form, self.new_button, self.save_button, self.discard_button):
            widget.setEnabled(self._visit is not None)
        self._quiet = True
        self.model.set_quotes(quotes)
        self.form.set_speakers([p.person_id for p in participants])
        if self._editing is not None and not self.form.is_dirty():
            self._editing = next((q for q in quotes if q.id == self._editing.id), None)
            self.form.show_quote(self._editing, self._first_day())
        row = self.model.row_of(self._editing.id if self._editing else None)
        self.table.setCurrentIndex(self.model.index(row, TEXT) if row >= 0 else QModelIndex())
        self._quiet = False
        self.delete_button.setEnabled(self.current_quote() is not None)
        self.approval.update(self.current_quote() if self._visit is not None else None)

    def has_unsaved_changes(self) -> bool:
        return self._visit is not None and self.form.is_dirty()

    def save(self) -> bool:
        """Save the form; False (with the reasons shown) when the services refused it."""
        if self._visit is None or not self.has_unsaved_changes():
            return True
        editing = self._editing
        try:
            data = self.form.to_input(self._visit.id, editing)
        except ValidationError as exc:  # what the form cannot read (a mistyped time)
            self._refused(exc)
            return False
        if editing is None:
            saved = partial(save_quote, data=data)
        else:
            saved = partial(save_quote, data=data, record_id=editing.id, version=editing.version)
        return self.runner.now(self, saved, self._saved, on_user_error=self._refused)

    def _saved(self, saved: QuoteView) -> None:
        self._editing = saved
        self.form.show_quote(saved, self._first_day())
        self.refresh()

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):
            errors = {("speaker_label" if k == "speaker_person_id" else k): m for k, m in exc.errors.items()}
            if "speaker_label" in errors and self.form.speaker_id() is None:  # the form takes no free text
                errors["speaker_label"] = _("Please choose who said it: type a name to find or create them.")
            unplaced = self.form.form.show_errors(errors)
            if unplaced:
                self.prompts.error(self, "\n".join(unplaced))
        else:  # changed or deleted elsewhere: the form keeps the user's text
            self.prompts.error(self, exc.message)

    # --- actions ------------------------------------------------------------------------------------
    def current_quote(self) -> QuoteView | None:
        return self.model.quote_at(self.table.currentIndex().row())

    def new_quote(self) -> None:
        if self._visit is None or not self._may_leave():
            return
        self._show(None)
        self.form.speaker.setFocus()

    def discard(self) -> None:
        self.form.show_quote(self._editing, self._first_day())
        self.refresh()

    def delete_current(self) -> None:
        quote = self.current_quote()
        if quote is None:
            return
        question = _("Delete the quote by {speaker}?").format(speaker=quote.speaker_display)
        try:
            consequences = self.services.quotes.consequences(quote.id)
        except DomainError as exc:  # deleted elsewhere meanwhile
            self.prompts.error(self, exc.message)
        else:
            if not self.prompts.confirm_delete(self, question, consequences):
                return
            deleted = partial(delete_quote, record_id=quote.id, version=quote.version, confirmed=True)
            self.runner.now(self, deleted)
        if self._editing is not None and self._editing.id == quote.id:
            self._editing = None
            self.form.show_quote(None, self._first_day())
        self.refresh()

    # --- helpers ------------------------------------------------------------------------------------
    def _first_day(self):
        return self._visit.starts_at.date() if self._visit and self._visit.starts_at else None

    def _may_leave(self) -> bool:
        """Before the form shows something else: ask what to do with unsaved edits."""
        if not self.has_unsaved_changes():
            return True
        choice = self.prompts.save_discard_cancel(self, _("The quote"))
        return choice == Choice.DISCARD or (choice == Choice.SAVE and self.save())

    def _show(self, quote: QuoteView | None) -> None:
        self._editing = quote
        self.form.show_quote(quote, self._first_day())
        self.refresh()

    def _current_changed(self, current, _previous) -> None:
        if self._quiet:
            return
        quote = self.model.quote_at(current.row())
        if quote is not None and self._editing is not None and quote.id == self._editing.id:
            return
        if self._may_leave():
            self._show(quote)
        else:  # cancelled, or the save failed: back to the quote being edited
            self.refresh()
