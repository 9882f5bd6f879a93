"""Search-as-you-type for a person: a line edit with the matching people listed under it.

Typing searches after a short pause (services.people.list, DIN 5007 folded: "kuc" finds "Kücük").
Up/Down choose in the list, Enter picks (the first match unless another is chosen), Esc clears.
The last row offers to create a new person from the typed text, for when nobody matches.
"""

from collections.abc import Callable, Collection

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView
from delegation_app.ui.common.accessibility import name_clear_button
from delegation_app.ui.common.person_text import DEBOUNCE_MS, describe

VISIBLE_ROWS = 7  # more matches scroll; typing more letters narrows them
CREATE = "create"  # the data of the "create new person" row
ROLE = Qt.ItemDataRole.UserRole


class PersonPicker(QWidget):
    picked = Signal(object)  # PersonView
    create_requested = Signal(str)  # the text typed, for a new person

    def __init__(
        self,
        services: Services,
        parent=None,
        *,
        exclude: Callable[[], Collection[int]] = frozenset,
        limit: int = 20,
    ) -> None:
        super().__init__(parent)
        self.services, self._exclude, self._limit = services, exclude, limit
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(_("Name…"))
        self.edit.setClearButtonEnabled(True)
        name_clear_button(self.edit)
        self.results = QListWidget(self)
        self.results.setAccessibleName(_("Matching people"))
        self.results.hide()
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self.edit.textChanged.connect(self._cleared)
        self.edit.installEventFilter(self)
        self.results.itemActivated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)

    def search_now(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        self.results.clear()
        if not text:
            self.results.hide()
            return
        try:
            people = self.services.people.list(text, limit=self._limit)
        except DomainError:
            people = []  # a search that cannot run matches nobody; creating stays possible
        excluded = set(self._exclude())
        for person in people:
            if person.id not in excluded:
                item = QListWidgetItem(describe(person), self.results)
                item.setData(ROLE, person)
        create = QListWidgetItem(_("Create new person “{text}”…").format(text=text), self.results)
        create.setData(ROLE, CREATE)
        self.results.setCurrentRow(0)
        rows = min(self.results.count(), VISIBLE_ROWS)  # no empty space under a short list
        self.results.setFixedHeight(self.results.sizeHintForRow(0) * rows + 2 * self.results.frameWidth())
        self.results.show()

    def clear(self) -> None:
        self._timer.stop()
        self.edit.clear()

    def pick_current(self) -> None:
        """What Enter does; searches first when the pause after typing has not ended yet."""
        if self._timer.isActive() or (self.edit.text().strip() and self.results.count() == 0):
            self.search_now()
        item = self.results.currentItem()
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        choice, text = item.data(ROLE), self.edit.text().strip()
        self.clear()
        if choice == CREATE:
            self.create_requested.emit(text)
        elif isinstance(choice, PersonView):
            self.picked.emit(choice)

    def _cleared(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self.results.clear()
            self.results.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.pick_current()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._timer.isActive():
                self.search_now()  # as if the pause had ended: the list the keys move in
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.currentRow() + step, self.results.count() - 1))
                self.results.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape and self.edit.text():
                self.clear()
                return True
        return super().eventFilter(watched, event)
