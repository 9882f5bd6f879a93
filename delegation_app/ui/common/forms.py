"""Forms whose every input has a label buddy, an accessible name, and room for its error.

A ValidationError's field messages appear right under the field they belong to (and as the
field's accessible description, so screen readers read them with the field); the first invalid
field gets the focus and its message is announced at once, also when the focus was in that field
already and so does not move. Nothing the user typed is touched.
"""

from functools import partial
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from delegation_app.i18n import _
from delegation_app.ui.common.accessibility import announce
from delegation_app.ui.common.contrast import readable
from delegation_app.ui.common.date_fields import DateField

ERROR_STYLE = "color: #a00000;"  # on a light palette; error_style() on any


def error_style() -> str:
    """The error line's colour, readable on the palette in use (high contrast, dark)."""
    return f"color: {readable(QColor('#a00000')).name()};"

# add() hands back the widget it was given with its own type, so callers keep a QLineEdit a
# QLineEdit.
WidgetT = TypeVar("WidgetT", bound=QWidget)


class FieldForm:
    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._labels: dict[str, str] = {}

    def add(self, field: str, text: str, widget: WidgetT) -> WidgetT:
        """A row "text: widget" with an (initially hidden) error line under the widget."""
        parent = self.layout.parentWidget()
        label = QLabel(text, parent)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        error = QLabel(parent)
        error.setStyleSheet(error_style())
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.hide()
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.layout.addRow(label, box)
        self._fields[field] = (widget, error)
        self._labels[field] = widget.accessibleName()
        if isinstance(widget, DateField):  # a date typed wrong is said when the field is left
            widget.problem_changed.connect(partial(self.set_error, field))
        return widget

    def label_of(self, field: str) -> str | None:
        """The field's label without mnemonic and colon ("Titel"), None when not in this form."""
        return self._labels.get(field)

    def error_label(self, field: str) -> QLabel:
        return self._fields[field][1]

    def set_error(self, field: str, message: str) -> None:
        """One field's message ("" hides it), the others and the focus left as they are."""
        widget, error = self._fields[field]
        error.setText("⚠ " + message if message else "")  # a sign as well as the colour
        error.setVisible(bool(message))
        widget.setAccessibleDescription(_("Error: {message}").format(message=message) if message else "")

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each message at its field; returns messages that have no field here. The first
        invalid field in the form's order (not the order the checks ran in) gets the focus."""
        self.clear_errors()
        unplaced, placed = [], set()
        for key, message in errors.items():
            field = key if key in self._fields else key.split(".")[0]
            if field not in self._fields:
                unplaced.append(message)
                continue
            self.set_error(field, message)
            placed.add(field)
        first = next((field for field in self._fields if field in placed), None)
        if first is not None:
            widget, error = self._fields[first]
            widget.setFocus()
            message = error.text().removeprefix("⚠ ")
            announce(widget, f"{self._labels[first]}: {message}", assertive=True)
        return unplaced

    def clear_errors(self) -> None:
        for widget, error in self._fields.values():
            error.clear()
            error.hide()
            widget.setAccessibleDescription("")
