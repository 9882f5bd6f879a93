"""One visit in tabs: its own fields, agenda, participants, quotes, contacts, notes (with the
preparation texts), preview.

The visit's own fields (overview and notes) are saved together with Ctrl+S; the rows in the
other tabs are records of their own and are saved as they are edited.
"""

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.changes import Change
from delegation_app.domain.errors import DomainError, ValidationError
from delegation_app.i18n import _
from delegation_app.operations.records import RecordKind, save_record
from delegation_app.services.registry import Services
from delegation_app.services.views import VisitView
from delegation_app.services.visit_page import VisitPage, read_visit_page
from delegation_app.services.visits import VisitInput
from delegation_app.ui.common.change_bus import ChangeBus, changed_by_text, conflict_hint
from delegation_app.ui.common.keyboard import tab_bar_in_focus_order, without_focus
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice, Prompts
from delegation_app.ui.contacts.contacts_tab import ContactsTab
from delegation_app.ui.records.conflict_flow import RELOAD, save_or_resolve
from delegation_app.ui.records.history_dialog import HistoryDialog
from delegation_app.ui.visits.agenda_tab import AgendaTab
from delegation_app.ui.visits.participants_tab import ParticipantsTab
from delegation_app.ui.visits.quotes_tab import QuotesTab
from delegation_app.ui.visits.visit_detail import VisitDetail
from delegation_app.ui.visits.visit_form import VisitForm
from delegation_app.ui.visits.visit_notes_page import VisitNotesPage


class VisitEditor(QWidget):
    saved = Signal(int)  # the visit's id, after a successful save

    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        super().__init__(parent)
        self.services, self.prompts, self.runner = services, prompts, runner
        self.visit: VisitView | None = None
        self._dirty = False
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)  # a long title must not widen the window
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.state = QLabel(self)  # "unsaved changes" in words, not only a colour or an asterisk
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.setToolTip(_("Save the visit (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_text = _("&Save visit")  # the main window's Save action (Ctrl+S) while shown
        # Made before the pages: the focus goes from Save to the tab bar to the page, as they are read.
        self.tabs = QTabWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        top.addWidget(self.save_button)
        self.form = VisitForm(services, self, creating=Creating(services, runner, prompts))
        self.form.changed.connect(self._touched)
        scroll = self.overview = without_focus(QScrollArea(self))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.notes_page = VisitNotesPage(self)
        self.notes_page.changed.connect(self._touched)
        self.notes_form = self.notes_page.form
        self.notes, self.lessons = self.notes_page.notes, self.notes_page.lessons
        self.agenda = AgendaTab(services, prompts, runner, self)
        self.participants = ParticipantsTab(services, prompts, runner, self)
        self.quotes = QuotesTab(services, prompts, runner, self)
        self.contacts = ContactsTab(services, prompts, runner, self)
        self.preview = VisitDetail(self)
        for page, text in (
            (scroll, _("Overview")),
            (self.agenda, _("Programme")),
            (self.participants, _("Participants")),
            (self.quotes, _("Quotes")),
            (self.contacts, _("Contact entries")),
            (self.notes_page, _("Notes")),
            (self.preview, _("Preview")),
        ):
            self.tabs.addTab(page, text)
        self.tabs.currentChanged.connect(self._tab_changed)
        tab_bar_in_focus_order(self.tabs)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self._loading = False

    def comfortable_width(self) -> int:
        """Wide enough for every tab title, without the tab bar's scroll arrows (issue 12)."""
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        frame = 2 * self.tabs.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        return self.tabs.tabBar().sizeHint().width() + margins.left() + margins.right() + frame + 8

    # --- state -------------------------------------------------------------------------------
    def _touched(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.state.setText(_("Unsaved changes") if dirty else "")
        self.state.setToolTip("")

    def note_changes(self, changes: Sequence[Change]) -> None:
        """Someone else saved this visit while the user changes it: the form is not reloaded (that
        would throw away the typing); it says so, and saving asks (the conflict dialog)."""
        if self.visit is None or not self._dirty:
            return
        by = ChangeBus.changed_by(changes, "visit", self.visit.id)
        if by:
            self.state.setText(changed_by_text(by))
            self.state.setToolTip(conflict_hint())

    def is_dirty(self) -> bool:
        return self._dirty or self.quotes.has_unsaved_changes()

    def what(self) -> str:
        return _("The visit “{title}”").format(title=self.visit.title) if self.visit else _("The new visit")

    def load(self, visit_id: int | None, template: VisitView | None = None) -> None:
        """Show a stored visit, or a new one (optionally pre-filled from a template). The visit
        and everything its tabs show are read at once (VisitPage: a few round trips, not one
        read per tab)."""
        page = read_visit_page(self.services, visit_id) if visit_id is not None else None
        self._loading = True
        self.visit = page.visit if page else None
        shown = self.visit or template
        self.form.load(shown)
        self.notes_page.load(shown)
        self.notes_form.clear_errors()
        self.heading.setText(self.visit.title if self.visit else _("New visit"))
        for tab in (self.agenda, self.participants, self.quotes, self.contacts):
            tab.load(self.visit, page)
        self._show_preview(page)
        self._loading = False
        self._set_dirty(template is not None)

    def refresh(self) -> None:
        """Data changed somewhere: reload what is not being edited here. Never load() — that
        would reset the quote and contact forms and throw away what the user is typing."""
        if self.visit is None:
            return
        try:
            page = read_visit_page(self.services, self.visit.id)
        except DomainError:  # deleted elsewhere; each tab finds out, the list will drop it
            for tab in (self.agenda, self.participants, self.quotes, self.contacts):
                tab.refresh()
            return
        for tab in (self.agenda, self.participants, self.quotes, self.contacts):
            tab.show_page(page)
        if not self._dirty:
            fresh = page.visit
            if fresh != self.visit:
                self._loading = True
                self.visit = fresh
                self.form.load(fresh)
                self.notes_page.load(fresh)
                self.heading.setText(fresh.title)
                self._loading = False
        self._show_preview(page)

    def focus_first(self) -> None:
        """The title field on the Overview tab, scrolled into sight (the form may have been
        scrolled down for the visit shown before)."""
        self.tabs.setCurrentWidget(self.overview)
        self.overview.verticalScrollBar().setValue(0)
        self.form.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.overview.ensureWidgetVisible(self.form.title)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.preview:
            self._show_preview()

    def _show_preview(self, page: VisitPage | None = None) -> None:
        """``page``: just read for the tabs; else (the tab chosen) the preview reads its own."""
        if self.visit is None:
            self.preview.show_nothing()
            return
        if page is None:
            s, vid = self.services, self.visit.id
            with s.one_read():
                participants = s.participations.list_for_visit(vid)
                agenda, quotes = s.agenda.list_for_visit(vid), s.quotes.list_for_visit(vid)
        else:
            participants, agenda, quotes = page.participants, page.agenda, page.quotes
        self.preview.show_visit(self.visit, participants, agenda, quotes)

    # --- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.quotes.has_unsaved_changes() and not self.quotes.save():
            self.tabs.setCurrentWidget(self.quotes)
            return False
        if not self._dirty:
            return True
        data, typing_errors = self.form.to_input(self.notes.toPlainText(), self.lessons.toPlainText())
        if data is None or typing_errors:  # no input without typing errors
            self._show_errors(typing_errors)
            return False
        prepared = self.notes_page.preparation()
        data = replace(
            data, talking_points=prepared["talking_points"], protocol_notes=prepared["protocol_notes"],
            logistics=prepared["logistics"],
        )  # fmt: skip
        if self.visit is None:
            created: list[VisitView] = []
            new_visit = partial(save_record, kind=RecordKind.VISIT, data=data)
            self.runner.now(self, new_visit, created.append, on_user_error=self._refused)
            saved = created[0] if created else None
        else:
            saved = self._update_or_resolve(data)
        if saved is None:
            return False
        self._set_dirty(False)
        self.load(saved.id)
        self.saved.emit(saved.id)
        return True

    def _update_or_resolve(self, data: VisitInput) -> VisitView | None:
        """Save over the loaded version; if someone saved first, the user decides (None: not saved)."""
        visit = self.visit
        if visit is None:  # only called with a stored visit loaded
            return None
        outcome = save_or_resolve(
            self, self.prompts, self.runner, RecordKind.VISIT, visit.id, self.what(), data,
            self._label_of, visit.version, on_user_error=self._refused,
        )  # fmt: skip
        if outcome is RELOAD:
            self._set_dirty(False)
            self.load(visit.id)
            return None
        return outcome

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):
            self._show_errors(exc.errors)
        else:  # deleted meanwhile, a full disk, a read-only database: the text stays
            self.prompts.error(self, exc.message)

    def show_history(self) -> None:
        """The visit's own changes (Edit menu); its agenda, participants and quotes have their own."""
        if self.visit is None:
            return
        self.history = HistoryDialog(
            self, self.services, self.prompts, self.runner, RecordKind.VISIT, self.visit.id, self.what(),
            self._label_of,
        )  # fmt: skip
        self.history.open()

    def _label_of(self, field: str) -> str:
        return self.form.form.label_of(field) or self.notes_form.label_of(field) or field

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.tabs.setCurrentIndex(0)
        notes_errors = {k: v for k, v in errors.items() if k in self.notes_page.edits}
        rest = self.form.show_errors({k: v for k, v in errors.items() if k not in notes_errors})
        if notes_errors:
            self.tabs.setCurrentWidget(self.notes_page)
            self.notes_form.show_errors(notes_errors)
        if rest:
            self.prompts.error(self, "\n".join(rest))

    def draft(self) -> dict[str, object] | None:
        """The unsaved state of the visit's own fields, or None when there is nothing unsaved."""
        if not self._dirty:
            return None
        return {
            "visit_id": self.visit.id if self.visit else None,
            "form": self.form.snapshot(),
            "notes": self.notes.toPlainText(),
            "lessons": self.lessons.toPlainText(),
            "preparation": self.notes_page.preparation(),
        }

    def restore_draft(self, draft: dict) -> None:
        """Load the visit the draft belongs to and put the typed text back (marked unsaved)."""
        visit_id = draft.get("visit_id")
        try:
            self.load(visit_id if isinstance(visit_id, int) else None)
        except DomainError:  # the visit was deleted meanwhile: keep the text as a new visit
            self.load(None)
        self._loading = True
        self.form.restore(draft.get("form") or {})
        self.notes.setPlainText(str(draft.get("notes") or ""))
        self.lessons.setPlainText(str(draft.get("lessons") or ""))
        self.notes_page.restore_preparation(draft.get("preparation"))
        self._loading = False
        self._set_dirty(True)

    def maybe_leave(self) -> bool:
        """May the user move away? Asks about unsaved changes; False means stay."""
        if not self.is_dirty():
            return True
        choice = self.prompts.save_discard_cancel(self, self.what())
        if choice is Choice.SAVE:
            return self.save()
        if choice is Choice.DISCARD:
            self._set_dirty(False)
            self.quotes.discard()
            return True
        return False
