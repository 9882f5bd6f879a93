"""The rows of a people import's preview: the decision per row (a combo box to edit), the
probable duplicate, then the file's cells, errors marked per field (the message as tooltip)."""

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from delegation_app.i18n import N_, _
from delegation_app.interchange.people_plan import ImportPlan, PlannedRow
from delegation_app.operations.people_import import Decision
from delegation_app.ui.common.record_table_model import Column, RecordTableModel

Index = QModelIndex | QPersistentModelIndex
ERROR_BACKGROUND = QBrush(QColor("#f8d7da"))  # the same pale red in light and dark themes


def match_text(row: PlannedRow) -> str:
    if not row.matches:
        return ""
    best = row.matches[0]
    return _("{name} (ID {id}, {score} %)").format(name=best.name, id=best.id, score=best.score)


def decision_choices(row: PlannedRow) -> list[tuple[str, Decision, int | None]]:
    """(text, decision, person id) the row's combo box offers: new only without errors."""
    choices: list[tuple[str, Decision, int | None]] = []
    if not row.errors:
        choices.append((_("Import as new"), Decision.NEW, None))
    for match in row.matches:
        choices.append((_("Merge into {name} (ID {id})").format(name=match.name, id=match.id), Decision.MERGE,
                        match.id))  # fmt: skip
    choices.append((_("Skip"), Decision.SKIP, None))
    return choices


def decision_text(row: PlannedRow) -> str:
    for text, decision, person_id in decision_choices(row):
        if decision is row.decision and person_id == row.merge_into:
            return text
    return _("Skip")


class ImportRowsModel(RecordTableModel):
    """Columns: the file's own (by their headers), then "Probable duplicate of" and "Decision"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None

    def show_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.plan = plan
        file_columns = tuple(Column(header or "—") for header in plan.table.headers)
        # The decision and the duplicate first: a wide file must not push them out of sight.
        self.columns = (
            Column(N_("Decision"), text=decision_text, short=True),
            Column(N_("Probable duplicate of"), text=match_text),
            *file_columns,
        )
        self.endResetModel()
        self.set_rows(plan.rows)

    decision_column = 0
    duplicate_column = 1
    first_file_column = 2

    def cell(self, record: Any, column: int, role: int) -> Any:
        if self.plan is None or column < self.first_file_column:
            return super().cell(record, column, role)
        column -= self.first_file_column
        field = self.plan.mapping[column] if column < len(self.plan.mapping) else None
        error = record.errors.get(field) if field is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.plan.table.rows[record.number - 1][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return error
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and error:
            return _("Error: {message}").format(message=error)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.decision_column:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def decide(self, row_number: int, decision: Decision, merge_into: int | None) -> None:
        row = self.record_at(row_number)
        if row is None:
            return
        row.decision, row.merge_into = decision, merge_into
        changed = self.index(row_number, self.decision_column)
        self.dataChanged.emit(changed, changed)


class DecisionDelegate(QStyledItemDelegate):
    """The decision cell edits as a combo box (F2, Enter on the cell, or a double click)."""

    def __init__(self, model: ImportRowsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(_("Decision"))
        row = self.rows.record_at(index.row())
        for text, _decision, _person_id in decision_choices(row) if row else []:
            combo.addItem(text)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        row = self.rows.record_at(index.row())
        if isinstance(editor, QComboBox) and row is not None:
            chosen = [(decision, person_id) for _text, decision, person_id in decision_choices(row)]
            wanted = (row.decision, row.merge_into)
            editor.setCurrentIndex(chosen.index(wanted) if wanted in chosen else len(chosen) - 1)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        row = self.rows.record_at(index.row())
        if isinstance(editor, QComboBox) and row is not None and editor.currentIndex() >= 0:
            _text, decision, person_id = decision_choices(row)[editor.currentIndex()]
            self.rows.decide(index.row(), decision, person_id)
