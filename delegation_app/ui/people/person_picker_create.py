"""Create a person in place, when the picker finds nobody: last name, first name, function.

Enter in any field creates; Esc cancels. Validation messages appear under their fields.
"""

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from delegation_app.domain.errors import DomainError, ValidationError
from delegation_app.i18n import _
from delegation_app.operations.records import RecordKind, save_record
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts


def split_name(text: str) -> tuple[str, str]:
    """What was typed into the search: "Schmidt, Anna" → ("Schmidt", "Anna"); otherwise all of it
    is the last name (a guess at first names would be wrong as often as right)."""
    last, _comma, first = text.partition(",")
    return last.strip(), first.strip()


class NewPersonForm(QGroupBox):
    created = Signal(object)  # PersonView
    cancelled = Signal()

    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        super().__init__(_("New person"), parent)
        self.services, self.prompts, self.runner = services, prompts, runner
        self.last_name, self.first_name, self.function = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        form_layout = QFormLayout()
        self.form = FieldForm(form_layout)
        self.form.add("last_name", _("&Last name:"), self.last_name)
        self.form.add("first_name", _("F&irst name:"), self.first_name)
        self.form.add("function", _("Fu&nction:"), self.function)
        self.create_button = QPushButton(_("&Create and add"), self)
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.create_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        for field in (self.last_name, self.first_name, self.function):
            field.returnPressed.connect(self.submit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addLayout(buttons)
        self.hide()

    def start(self, typed: str) -> None:
        last, first = split_name(typed)
        self.form.clear_errors()
        self.last_name.setText(last)
        self.first_name.setText(first)
        self.function.clear()
        self.show()
        (self.first_name if last else self.last_name).setFocus()

    def submit(self) -> None:
        data = PersonInput(
            last_name=self.last_name.text(),
            first_name=self.first_name.text() or None,
            function=self.function.text() or None,
        )
        saved = partial(save_record, kind=RecordKind.PERSON, data=data)
        self.runner.now(self, saved, self._created, on_user_error=self._refused)

    def _created(self, person: PersonView) -> None:
        self.hide()
        self.created.emit(person)

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):
            unplaced = self.form.show_errors(exc.errors)
            if unplaced:
                self.prompts.error(self, "\n".join(unplaced))
        else:
            self.prompts.error(self, exc.message)

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()
