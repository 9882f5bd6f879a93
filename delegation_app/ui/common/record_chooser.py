"""A person chosen by typing: a line edit showing the chosen name, matches in a popup under it.

It replaces a combo box of every person (100,000 of them cost a second and ~50 MB each). Typing
searches after a short pause (services.people.list, 20 matches, DIN 5007 folded); Down/Up move in
the popup, Enter or a click chooses. Emptying the text chooses nobody; leaving the field with text
that was not chosen from the list puts the chosen name back, so nothing is chosen by accident.
"""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

from delegation_app.domain.errors import DomainError
from delegation_app.services.views import PersonView
from delegation_app.ui.common.accessibility import name_clear_button
from delegation_app.ui.common.person_text import DEBOUNCE_MS, describe

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # what the line edit shows once chosen


class PersonChooser(QLineEdit):
    chosen_changed = Signal(object)  # the person's id, or None

    def __init__(
        self,
        search: Callable[[str], list[PersonView]],
        name_of: Callable[[int], str],
        parent=None,
        *,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._search, self._name_of = search, name_of
        self._id: int | None = None
        self._name = ""
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        name_clear_button(self)
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCompletionRole(NAME_ROLE)
        self.completer_.setWidget(self)
        # The index overload of activated; PySide6's stubs do not declare SignalInstance.__getitem__.
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._left)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        if popup is None:  # QCompleter makes its popup on the first call: never None
            raise RuntimeError("QCompleter without a popup")
        return popup

    # --- the value ---------------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self._id

    currentData = current_id  # reads like the combo box it replaced

    def set_current(self, person_id: int | None, name: str | None = None) -> None:
        """Show ``person_id`` as chosen (its name looked up unless given); no signal."""
        if person_id is not None and name is None:
            try:
                name = self._name_of(person_id)
            except DomainError:  # deleted meanwhile: nobody is chosen
                person_id, name = None, ""
        self._id, self._name = person_id, name or ""
        self._timer.stop()
        self._popup().hide()
        self.setText(self._name)
        self.setCursorPosition(0)

    def _choose(self, person_id: int | None, name: str) -> None:
        changed = person_id != self._id
        self.set_current(person_id, name)
        if changed:
            self.chosen_changed.emit(person_id)

    # --- typing ------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._choose(None, "")

    def search_now(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        self.matches.clear()
        if not text:
            return
        try:
            people = self._search(text)
        except DomainError:
            people = []  # a search that cannot run matches nobody
        for person in people:
            item = QStandardItem(describe(person))
            item.setData(person.id, ID_ROLE)
            item.setData(person.display_name, NAME_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
        if people:
            self.completer_.complete()
            self._popup().setCurrentIndex(self.completer_.completionModel().index(0, 0))
        else:
            self._popup().hide()

    def keyPressEvent(self, event) -> None:
        key, typed = event.key(), self.text().strip()
        if self._popup().isVisible():  # the completer chooses (it sees keys after us)
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Down and typed:
            self.search_now()  # Down opens the matches, as in a combo box
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and typed and self.text() != self._name:
            # Enter before the pause after typing ended: search now; one match is the one meant,
            # several stay open to choose from. Never put the old name back over the typing.
            self.search_now()
            if self.matches.rowCount() == 1:
                self._popup().hide()
                self._activated(self.matches.index(0, 0))
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        self._choose(index.data(ID_ROLE), index.data(NAME_ROLE) or "")

    def _left(self) -> None:
        if self._popup().isVisible():
            return  # the focus went to the popup, not away
        if self.text() != self._name:
            self.set_current(self._id, self._name)  # typed but not chosen: the choice stands
