"""Follow-ups typed together with a contact entry: rows of title, owner and due date.

One empty row to start with; "Add another follow-up" adds rows. A row whose title and due date
are both empty is left out. Errors appear under their row, in words. The owner is chosen by
typing a name (a combo box of 100,000 people per row took a second to open).
"""

from dataclasses import dataclass

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError
from delegation_app.services.followups import FollowUpInput
from delegation_app.ui.common.accessibility import announce
from delegation_app.ui.common.date_fields import DateField
from delegation_app.ui.common.forms import error_style
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.person_choice import person_chooser
from delegation_app.ui.common.record_chooser import PersonChooser

FIELDS = ("title", "owner_person_id", "due_on")


@dataclass
class FollowUpRow:
    title: QLineEdit
    owner: PersonChooser
    due: DateField
    error: QLabel

    def is_empty(self) -> bool:
        return not self.title.text().strip() and not self.due.text().strip()


class FollowUpRows(QWidget):
    def __init__(self, people, parent=None, *, creating: Creating | None = None) -> None:
        """``people``: the PeopleService owners are searched in; ``creating``: an owner who is not
        there yet can be created in place."""
        super().__init__(parent)
        self.people, self._creating = people, creating
        self.rows: list[FollowUpRow] = []
        self._default_owner: int | None = None
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.headers = [QLabel(text, self) for text in (_("Follow-&up"), _("&Owner"), _("&Due on"))]
        for column, header in enumerate(self.headers):
            self.grid.addWidget(header, 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.add_button = QPushButton(_("&Add another follow-up"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row().title.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button)
        self.add_row()

    def set_default_owner(self, default_owner: int | None) -> None:
        """Rows without an owner, and new rows, start with ``default_owner``."""
        self._default_owner = default_owner
        for row in self.rows:
            if row.owner.current_id() is None:
                row.owner.set_current(default_owner)

    def add_row(self) -> FollowUpRow:
        number = len(self.rows) + 1
        title = QLineEdit(self)
        title.setAccessibleName(_("Follow-up {number}: title").format(number=number))
        if self._creating is not None:
            owner = person_chooser(
                self._creating.services, self, creating=self._creating, placeholder=_("(nobody)")
            )
        else:
            owner = PersonChooser(
                lambda text: self.people.list(text, limit=20),
                lambda person_id: self.people.get(person_id).display_name,
                self,
                placeholder=_("(nobody)"),
            )
        owner.setAccessibleName(_("Follow-up {number}: owner").format(number=number))
        owner.set_current(self._default_owner)
        due = DateField(parent=self)
        due.setAccessibleName(_("Follow-up {number}: due on").format(number=number))
        error = QLabel(self)
        error.setStyleSheet(error_style())
        error.setWordWrap(True)
        error.hide()
        grid_row = 2 * number - 1
        for column, widget in enumerate((title, owner, due)):
            self.grid.addWidget(widget, grid_row, column)
            widget.setVisible(True)  # now, not later from the event loop: it may get the focus at once
        self.grid.addWidget(error, grid_row + 1, 0, 1, 3)
        row = FollowUpRow(title, owner, due, error)
        self.rows.append(row)
        due.problem_changed.connect(lambda message: self._show_due_problem(row, message))
        if number == 1:
            for header, widget in zip(self.headers, (title, owner, due), strict=True):
                header.setBuddy(widget)
        # Tab goes through the new row before it reaches the button that made it.
        QWidget.setTabOrder(due, self.add_button)
        return row

    def set_row(self, index: int, data: FollowUpInput, owner_name: str | None = None) -> None:
        """Show a stored follow-up's title, owner and due date in row ``index`` (to correct it)."""
        row = self.rows[index]
        row.title.setText(data.title)
        row.title.setCursorPosition(0)
        row.owner.set_current(data.owner_person_id, owner_name)
        row.due.set_value(data.due_on)

    def collect(self) -> tuple[list[tuple[int, FollowUpInput]], dict[str, str]]:
        """The follow-ups typed (with their row index) and typing errors keyed ``followups.N.field``."""
        found, errors = [], {}
        for index, row in enumerate(self.rows):
            if row.is_empty():
                continue
            try:
                due = row.due.date_value()
            except DateInputError as exc:
                errors[f"followups.{index}.due_on"] = str(exc)
                continue
            found.append((index, FollowUpInput(row.title.text(), row.owner.currentData(), due)))
        return found, errors

    def _show_due_problem(self, row: FollowUpRow, message: str) -> None:
        """A due date typed wrong, said when the field is left (the row's other messages come at saving)."""
        row.error.setText("⚠ " + message if message else "")
        row.error.setVisible(bool(message))

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages keyed ``followups.N.field`` under row N; the first such row's field gets the focus."""
        self.clear_errors()
        first = None
        for key, message in errors.items():
            _prefix, index, field = key.split(".", 2)
            row = self.rows[int(index)]
            text = row.error.text()
            row.error.setText((text + "\n" if text else "") + "⚠ " + message)
            row.error.show()
            widget = {"title": row.title, "owner_person_id": row.owner}.get(field.split(".")[0], row.due)
            widget.setAccessibleDescription(_("Error: {message}").format(message=message))
            first = first or widget
        if first is not None:
            first.setFocus()
            announce(first, first.accessibleDescription(), assertive=True)  # heard though the focus stays

    def clear_errors(self) -> None:
        for row in self.rows:
            row.error.clear()
            row.error.hide()
            for widget in (row.title, row.owner, row.due):
                widget.setAccessibleDescription("")
