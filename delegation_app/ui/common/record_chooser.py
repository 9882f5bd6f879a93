"""A person or organisation chosen by typing: a line edit showing the chosen name, matches in a
popup under it, and, where creating is offered, "„Stadt Lublin“ neu anlegen…" as the last row.

It replaces combo boxes of every record (100,000 people cost a second and ~50 MB each; a combo's
type-ahead silently chose "Stadt Bochum" for "Stadt Lublin"). Typing searches after a short pause
(20 matches, DIN 5007 folded); Down/Up move in the popup, Enter or a click chooses. Typing alone
never chooses a different record: Enter chooses a match whose name is exactly what was typed, or
the only match; otherwise the matches (and "create") are shown to choose from.
Emptying the text chooses nothing; leaving the field with text that was not chosen puts the chosen
name back (an exact match is chosen), so nothing is chosen by accident. Where a short list comes
first (a visit's participants), Down in the empty field lists it, as a combo box's list did.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QDialog, QLineEdit, QWidget

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.views import PersonView
from delegation_app.ui.common.accessibility import name_clear_button
from delegation_app.ui.common.person_text import DEBOUNCE_MS, describe

ID_ROLE = Qt.ItemDataRole.UserRole  # the record's id; None on the "create" row
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # what the line edit shows once chosen
CREATE_ROLE = Qt.ItemDataRole.UserRole + 2  # True on the "create" row


@dataclass(frozen=True)
class Match:
    id: int
    name: str  # what the field shows once chosen: "Stadt Bochum", "Anna Schmidt"
    text: str  # how it is listed: "Anna Schmidt — Amtsleiterin, Stadt Bochum"


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class RecordChooser(QLineEdit):
    chosen_changed = Signal(object)  # the record's id, or None

    def __init__(
        self,
        search: Callable[[str], Sequence[Match]],
        name_of: Callable[[int], str],
        parent=None,
        *,
        placeholder: str = "",
        create: Callable[[str], None] | None = None,
        browse: bool = False,
    ) -> None:
        """``create(text)`` is called when the user picks the "create" row; whoever makes the new
        record then calls ``choose`` with it. Without ``create`` there is no such row.
        ``browse``: Down in the empty field lists ``search("")`` to choose from."""
        super().__init__(parent)
        self._search, self._name_of, self._create = search, name_of, create
        self._browse = browse
        self._id: int | None = None
        self._name = ""
        self.creating = False  # a dialog creating a record for this field is open
        self.dialog: QWidget | None = None  # the last such dialog (tests and screenshots look at it)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        name_clear_button(self)
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCompletionRole(NAME_ROLE)
        self.completer_.setMaxVisibleItems(8)
        self.completer_.setWidget(self)
        # The index overload of activated; PySide6's stubs do not declare SignalInstance.__getitem__.
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._left)

    def popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        if popup is None:  # QCompleter makes its popup on the first call: never None
            raise RuntimeError("QCompleter without a popup")
        return popup

    _popup = popup

    # --- the value ---------------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self._id

    currentData = current_id  # reads like the combo box it replaced

    def set_current(self, record_id: int | None, name: str | None = None) -> None:
        """Show ``record_id`` as chosen (its name looked up unless given); no signal."""
        if record_id is not None and name is None:
            try:
                name = self._name_of(record_id)
            except DomainError:  # deleted meanwhile: nothing is chosen
                record_id, name = None, ""
        self._id, self._name = record_id, name or ""
        self.creating = False
        self._timer.stop()
        self.popup().hide()
        self.setText(self._name)
        self.setCursorPosition(0)

    def choose(self, record_id: int | None, name: str) -> None:
        """As if the user had chosen it (a record just created for this field): signals a change."""
        changed = record_id != self._id
        self.set_current(record_id, name)
        if changed:
            self.chosen_changed.emit(record_id)

    _choose = choose

    # --- typing ------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self.choose(None, "")

    def _found(self, text: str) -> list[Match]:
        try:
            return list(self._search(text))
        except DomainError:
            return []  # a search that cannot run matches nothing; creating stays possible

    def search_now(self, *, show: bool = True) -> None:
        """Fill the matches; ``show``: open them under the field (else only look at them: a popup
        shown and hidden at once can leave the window inactive on some platforms)."""
        self._timer.stop()
        text = " ".join(self.text().split())
        self.matches.clear()
        if not text and not self._browse:
            self.popup().hide()
            return
        found = self._found(text)
        current = 0
        for row, match in enumerate(found):
            item = QStandardItem(match.text)
            item.setData(match.id, ID_ROLE)
            item.setData(match.name, NAME_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
            if _same(match.name, text) and current == 0:
                current = row
        if self._create is not None and text:
            item = QStandardItem(_("“{text}” – create new …").format(text=text))
            item.setData(text, NAME_ROLE)  # the field keeps what was typed
            item.setData(True, CREATE_ROLE)
            item.setEditable(False)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            self.matches.appendRow(item)
        if self.matches.rowCount() and show:
            self.completer_.complete()
            self.popup().setCurrentIndex(self.completer_.completionModel().index(current, 0))
        else:
            self.popup().hide()

    def _exact(self) -> QModelIndex | None:
        """The match to choose without asking: the one named exactly as typed, or the only one."""
        typed = self.text()
        rows = [self.matches.index(row, 0) for row in range(self.matches.rowCount())]
        records = [index for index in rows if not index.data(CREATE_ROLE)]
        exact = [index for index in records if _same(index.data(NAME_ROLE) or "", typed)]
        if len(exact) == 1:
            return exact[0]
        return records[0] if len(records) == 1 else None

    def keyPressEvent(self, event) -> None:
        key, typed = event.key(), self.text().strip()
        if self.popup().isVisible():  # the completer chooses (it sees keys after us)
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Down and (typed or self._browse):
            self.search_now()  # Down opens the matches, as in a combo box
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and typed and self.text() != self._name:
            # Enter before the pause after typing ended: search now; an exact or the only match
            # is the one meant, otherwise the matches stay open to choose from. Never put the old name back
            # over the typing.
            self.search_now(show=False)
            exact = self._exact()
            if exact is not None:
                self._activated(exact)
            else:
                self.search_now()
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        if index.data(CREATE_ROLE):
            text = index.data(NAME_ROLE) or ""
            self.popup().hide()
            self.setText(text)
            if self._create is not None:
                self.creating = True  # the dialog takes the focus: keep what was typed meanwhile
                self._create(text)
            return
        self.choose(index.data(ID_ROLE), index.data(NAME_ROLE) or "")

    def open_dialog(self, dialog: QDialog) -> None:
        """Open the dialog that creates a record for this field (window-modal, not blocking)."""
        self.dialog = dialog
        dialog.rejected.connect(self._creation_cancelled)
        dialog.finished.connect(self._back)
        dialog.open()

    def _creation_cancelled(self) -> None:
        self.creating = False  # back to the typed text

    def _back(self) -> None:
        # Not every platform hands the activation back to the window under a closed dialog.
        self.window().activateWindow()
        self.setFocus()

    def _left(self) -> None:
        if self.popup().isVisible() or self.creating:
            return  # the focus went to the popup or the new record's dialog, not away
        if self.text() == self._name:
            return
        if self.text().strip():
            if self._timer.isActive():
                self.search_now(show=False)
            exact = self._exact()
            if (
                exact is not None
                and not exact.data(CREATE_ROLE)
                and _same(exact.data(NAME_ROLE), self.text())
            ):
                self.choose(exact.data(ID_ROLE), exact.data(NAME_ROLE))
                return
        self.set_current(self._id, self._name)  # typed but not chosen: the choice stands


def person_match(person: PersonView) -> Match:
    return Match(person.id, person.display_name, describe(person))


class PersonChooser(RecordChooser):
    """A person chosen by typing, searched with ``search`` (services.people.list)."""

    def __init__(
        self,
        search: Callable[[str], Sequence[PersonView]],
        name_of: Callable[[int], str],
        parent=None,
        *,
        placeholder: str = "",
        create: Callable[[str], None] | None = None,
        browse: bool = False,
    ) -> None:
        super().__init__(
            lambda text: [person_match(p) for p in search(text)],
            name_of,
            parent,
            placeholder=placeholder,
            create=create,
            browse=browse,
        )
