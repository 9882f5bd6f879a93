"""File → Check retention: the records past their retention period (preferences → Retention),
to be anonymised with a reason the change history keeps.

The anonymising itself is handed in (``anonymise``, which runs the erasure operation through the
window's runner); without it the dialog only lists. When it goes on in the background (it returns
True), the button stays off until ``anonymised()`` is called, so one click anonymises once."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.i18n import N_, _, ngettext
from delegation_app.i18n.formatting import format_date
from delegation_app.services.registry import Services
from delegation_app.services.retention import DueRecord, due_records
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.record_table_model import Column, RecordTableModel
from delegation_app.ui.common.row_list import row_list

KIND_LABELS = {"people": N_("Person"), "contacts": N_("Contact entry"), "visits": N_("Visit")}
# Given the records chosen and the reason; anonymises them (and says so) or tells why not. True:
# it goes on in the background and calls the dialog's anonymised() when it is done.
Anonymiser = Callable[[list[DueRecord], str], bool | None]


@dataclass(frozen=True)
class DueRow:
    id: tuple[str, int]  # kinds share ids: person 1 and visit 1 are two rows
    record: DueRecord


class DueModel(RecordTableModel):
    columns = (
        Column(N_("Kind"), text=lambda r: _(KIND_LABELS[r.record.kind])),
        Column(N_("Last activity"), text=lambda r: format_date(r.record.last_activity)),
        Column(N_("Due since"), text=lambda r: format_date(r.record.due_since)),
        Column(N_("Record"), text=lambda r: r.record.label),  # last: it takes the room left
    )


class RetentionDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        services: Services,
        periods: Mapping[str, int | None],
        today: date,
        anonymise: Anonymiser | None = None,
        *,
        runner: OperationRunner | None = None,  # the window's: the list is read on its worker
    ) -> None:
        super().__init__(parent)
        self.services, self.periods, self.today, self.anonymise = services, dict(periods), today, anonymise
        self.runner = runner
        self.working = False  # an anonymising handed on is not done yet
        self.setWindowTitle(_("Check retention"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.model = DueModel(self)
        self.table = row_list(self.model, _("Records past their retention period"), self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.table, 1)
        self.reason = QLineEdit(_("Retention period expired"), self)
        self.reason.setAccessibleName(_("Reason"))
        reason_caption = QLabel(_("&Reason (kept in the change history):"), self)
        reason_caption.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(reason_caption, self.reason)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.anonymise_button = QPushButton(_("&Anonymise selected…"), self)
        buttons.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.anonymise_button.clicked.connect(self._anonymise)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reason.textChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reads what is due: on the worker when there is one (with 100,000 people and 300,000
        contact entries it takes seconds, measured 8.7 s on the scale database)."""
        if not any(self.periods.values()):
            self._show([])
            return
        periods, today = self.periods, self.today
        if self.runner is None:
            self._show(due_records(self.services, periods, today))
            return
        self.intro.setText(_("Loading…"))
        self.runner.in_background(self, lambda services: due_records(services, periods, today), self._show)

    def _show(self, due: list[DueRecord]) -> None:
        self.model.set_rows([DueRow((d.kind, d.id), d) for d in due])
        if not any(self.periods.values()):
            text = _("No retention period is set. Set one under File → Preferences → Retention.")
        elif not due:
            text = _("No record is past its retention period.")
        else:
            text = ngettext(
                "{count} record is past its retention period. Select what to anonymise.",
                "{count} records are past their retention period. Select what to anonymise.",
                len(due),
            ).format(count=len(due))
        self.intro.setText(text)
        self._update_buttons()

    def selected(self) -> list[DueRecord]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [row.record for r in rows if (row := self.model.record_at(r)) is not None]

    def _update_buttons(self) -> None:
        chosen = bool(self.selected()) and bool(self.reason.text().strip())
        ready = self.anonymise is not None and not self.working and chosen
        self.anonymise_button.setEnabled(ready)

    def _anonymise(self) -> None:
        chosen, reason = self.selected(), self.reason.text().strip()
        if self.anonymise is None or not chosen or not reason:
            return
        if self.anonymise(chosen, reason):
            self.working = True
            self._update_buttons()
        else:
            self.refresh()

    def anonymised(self) -> None:
        """The anonymising handed on is done (or was refused): the list as it is now."""
        self.working = False
        self.refresh()
