"""File → Import people…: a contact list (CSV, XLSX, vCard) previewed before anything is written.

The file is read and every row checked and compared with the stored people on the worker, with
a progress bar and Cancel; the GUI thread only shows the result. Each file column has a combo box
choosing what it is (known headers are chosen already); a change checks the rows again. Cells
with an error are marked, their message is the tooltip. The decision column edits as a combo box
(F2 or Enter on a cell): import as new, merge into a probable duplicate, or skip; rows with a
probable duplicate or an error are skipped unless the user decides otherwise. "Import" writes the
decided rows in one transaction through the window's runner.

Keys: Alt+letter reaches the mapping, the table and the buttons; Esc cancels the reading, then
closes.
"""

import threading
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _, ngettext
from delegation_app.interchange.columns import Field, field_label, guess_mapping, names_someone
from delegation_app.interchange.contact_files import read_table
from delegation_app.interchange.people_plan import Cancelled, ImportPlan, plan_import
from delegation_app.interchange.tables import RawTable
from delegation_app.operations.people_import import ImportOutcome, import_planned
from delegation_app.services.registry import Services
from delegation_app.ui.common import full_collections
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.row_list import row_list
from delegation_app.ui.people.import_rows_model import DecisionDelegate, ImportRowsModel


class _Progress(QObject):
    """Emitted on the worker, received on the GUI thread (a queued connection)."""

    moved = Signal(int, int)


class PeopleImportDialog(QDialog):
    imported = Signal(object)  # the ImportOutcome

    def __init__(
        self,
        parent: QWidget | None,
        services: Services,
        runner: OperationRunner,
        background: Background,
        path: Path,
        today: date,
        on_error: Callable[[DomainError], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.runner, self.background = services, runner, background
        self.path, self.today = path, today
        self.on_error = on_error
        self.table_data: RawTable | None = None
        self.plan: ImportPlan | None = None
        self.stop = threading.Event()
        # The preview holds 10,000 rows: a full garbage collection walking them would freeze
        # the window for a third of a second, so it waits until the dialog is closed.
        full_collections.hold()
        released = threading.Event()

        def release() -> None:  # once: at the end, or when the window is destroyed unfinished
            if not released.is_set():
                released.set()
                full_collections.release()

        self.finished.connect(release)
        self.destroyed.connect(release)
        self.setWindowTitle(_("Import people from “{name}”").format(name=path.name))
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        self.status = QLabel(_("Reading the file and looking for duplicates…"), self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(_("Progress"))
        layout.addWidget(self.progress)
        self.progress_relay = _Progress(self)
        self.progress_relay.moved.connect(self._moved)
        self.mapping_caption = QLabel(_("Colu&mns of the file:"), self)
        captions = QHBoxLayout()
        captions.addWidget(self.mapping_caption, 3)
        layout.addLayout(captions)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.mapping_box = QWidget(split)
        self.mapping_form = QFormLayout(self.mapping_box)
        scroll = QScrollArea(split)
        scroll.setWidget(self.mapping_box)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(_("Columns"))
        self.combos: list[QComboBox] = []
        self.model = ImportRowsModel(self)
        self.rows = row_list(self.model, _("Rows of the file"), split)
        self.rows.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.delegate = DecisionDelegate(self.model, self.rows)
        split.addWidget(scroll)
        split.addWidget(self.rows)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 800])
        rows_caption = QLabel(_("&Rows (F2 on the decision column changes it):"), self)
        rows_caption.setBuddy(self.rows)
        captions.addWidget(rows_caption, 8)
        layout.addWidget(split, 1)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(_("&Import"), self)
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        # The reading starts once the dialog is on screen: the worker competing for the GIL
        # made opening it a GUI-thread stall of 130-145 ms (2 cores under load), alone ~80 ms.
        self.working = True
        QTimer.singleShot(0, self, self._first_reading)

    # --- reading and checking on the worker ---------------------------------------------------------
    def _first_reading(self) -> None:
        if self.stop.is_set():  # Esc before the reading began
            self.working = False
            self.reject()
            return
        self._start_reading()

    def _start_reading(self) -> None:
        self.working = True
        self.stop.clear()
        path, services, today, stop = self.path, self.services, self.today, self.stop
        relay = self.progress_relay
        table = self.table_data
        mapping = self.mapping() if table is not None else None

        def work() -> ImportPlan | None:
            data = table or read_table(path)
            wanted = mapping if mapping is not None else guess_mapping(data.headers)
            try:
                return plan_import(services, data, wanted, path.name, today,
                                   progress=relay.moved.emit, cancelled=stop.is_set)  # fmt: skip
            except Cancelled:
                return None

        self.progress.show()
        self.import_button.setEnabled(False)
        self.background.run(work, self._planned, self._failed)

    def _moved(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: DomainError) -> None:
        self.working = False
        self.progress.hide()
        if self.on_error is not None:
            self.on_error(error)
        self.reject()

    def _planned(self, plan: ImportPlan | None) -> None:
        self.working = False
        self.progress.hide()
        if plan is None:  # cancelled
            self.reject()
            return
        first_time = self.table_data is None
        self.table_data, self.plan = plan.table, plan
        if first_time:
            self._build_mapping(plan.table.headers, plan.mapping)
        elif self.mapping() != plan.mapping:
            self._start_reading()  # the mapping changed again while the rows were checked
            return
        self.model.show_plan(plan)
        self.rows.setItemDelegateForColumn(self.model.decision_column, self.delegate)
        self._summarise()

    def _summarise(self) -> None:
        plan = self.plan
        if plan is None:
            return
        if not names_someone(plan.mapping):
            self.status.setText(_("Choose the column that holds the last name."))
            self.import_button.setEnabled(False)
            return
        duplicates = sum(1 for row in plan.rows if row.matches)
        errors = sum(1 for row in plan.rows if row.errors)
        parts = (
            ngettext("{count} row read", "{count} rows read", len(plan.rows)).format(count=len(plan.rows)),
            ngettext("{count} probable duplicate", "{count} probable duplicates", duplicates).format(
                count=duplicates
            ),
            ngettext("{count} row with errors", "{count} rows with errors", errors).format(count=errors),
        )
        self.status.setText(" · ".join(parts))
        self.import_button.setEnabled(True)

    def _build_mapping(self, headers: list[str], mapping: list[Field | None]) -> None:
        for column, (header, field) in enumerate(zip(headers, mapping, strict=True)):
            combo = QComboBox(self.mapping_box)
            combo.addItem(field_label(None), None)
            for choice in Field:
                combo.addItem(field_label(choice), choice)
            combo.setCurrentIndex(max(combo.findData(field), 0) if field is not None else 0)
            combo.setAccessibleName(_("Column “{header}”").format(header=header))
            combo.currentIndexChanged.connect(self._mapping_changed)
            label = QLabel(header or _("Column {position}").format(position=column + 1), self.mapping_box)
            label.setBuddy(combo)
            self.mapping_form.addRow(label, combo)
            self.combos.append(combo)
        if self.combos:
            self.mapping_caption.setBuddy(self.combos[0])

    def mapping(self) -> list[Field | None]:
        """The field each combo box chose (Qt hands the item data back as plain text)."""
        return [Field(combo.currentData()) if combo.currentData() else None for combo in self.combos]

    def _mapping_changed(self) -> None:
        if not self.working:
            self._start_reading()

    # --- importing ------------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.plan is None or self.working:
            return
        plan, decisions, name = self.plan, self.plan.decisions(), self.path.name
        self.working = True
        self.import_button.setEnabled(False)

        importing = partial(import_planned, plan=plan, decisions=decisions, file_name=name)
        self.runner.in_background(self, importing, self._done, on_user_error=self._refused)

    def _refused(self, error: DomainError) -> None:
        self.working = False
        self.import_button.setEnabled(True)
        self.status.setText(error.message)

    def _done(self, outcome: ImportOutcome) -> None:
        self.working = False
        self.imported.emit(outcome)
        self.accept()

    def reject(self) -> None:
        if self.working and self.plan is None:  # reading: stop the worker first, it reports back
            self.stop.set()
            return
        if self.working:
            self.stop.set()
        super().reject()
