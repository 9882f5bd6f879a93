"""The small dialog that creates a record in place, from a chooser: its form, "Create" and
"Cancel", field errors under their fields. Return in a field creates, Esc cancels."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from delegation_app.domain.errors import DomainError, ValidationError
from delegation_app.i18n import _
from delegation_app.operations.records import RecordKind, save_record
from delegation_app.services.registry import Services
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts


@dataclass(frozen=True)
class Creating:
    """What a chooser needs to create a record in place: the window's runner and prompts."""

    services: Services
    runner: OperationRunner
    prompts: Prompts


class NewRecordDialog(QDialog):
    created = Signal(object)  # the read model of the new record

    def __init__(self, creating: Creating, kind: RecordKind, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.creating, self.record_kind = creating, kind
        self.setWindowTitle(title)
        self.setModal(True)
        form_layout = QFormLayout()
        self.form = FieldForm(form_layout)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(_("&Create"))
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(self.buttons)
        self._data: Callable[[], Any] = lambda: None

    def submit(self) -> None:
        data = self._data()
        save = partial(save_record, kind=self.record_kind, data=data)
        self.creating.runner.now(self, save, self._created, on_user_error=self._refused)

    def _created(self, record: Any) -> None:
        self.created.emit(record)
        self.accept()

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):
            unplaced = self.form.show_errors(exc.errors)
            if unplaced:
                self.creating.prompts.error(self, "\n".join(unplaced))
        else:
            self.creating.prompts.error(self, exc.message)
