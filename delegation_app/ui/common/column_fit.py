"""How every list's columns take the room: text columns share what the short ones leave.

The policy of issue 12, in one place for every table over a ``RecordTableModel``: a short column
(``Column.short``: a date, a time, a state) fits its content, measured when rows arrive and then
only ever wider, so it never shrinks and jumps while the user types a search or edits a cell; the
text columns share the rest of the width by ``Column.share`` and fill it exactly (no horizontal
scroll bar that comes and goes). Where the list is too narrow to show each text column readably,
the ``spare`` ones are hidden (the editor or page beside the list shows their values), so a title
reads „Delegation aus Lublin“, not „Delegati…“. A cell's whole text is in its tooltip.

The user may still drag a short column wider; the text columns follow.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from delegation_app.ui.common.record_table_model import Column

BASE_CHARS, CHARS_PER_SHARE = 8, 6  # a text column's readable minimum: 14 characters at share 1
PADDING = 12  # px around a measured short cell (Qt's own fit leaves the text touching the grid)


class ColumnFit(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._short: dict[int, int] = {}  # measured widths of the short columns
        self._busy = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(0)  # measure the rows in sight, not a whole page
        for column, spec in enumerate(self.columns):
            mode = QHeaderView.ResizeMode.Interactive if spec.short else QHeaderView.ResizeMode.Fixed
            header.setSectionResizeMode(column, mode)
        header.sectionResized.connect(self._dragged)
        model = table.model()
        model.modelReset.connect(self._rows_arrived)
        model.rowsInserted.connect(self._rows_arrived)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(getattr(self.table.model(), "columns", ()))

    def refit(self) -> None:
        """Measure the short columns afresh (other records: another visit's programme)."""
        self._short.clear()
        self._rows_arrived()

    # --- events -----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            if event.type() == QEvent.Type.Show:
                self._measure()
            self.lay_out()
        return False

    def _rows_arrived(self, *_args) -> None:
        if self.table.isVisible():
            self._measure()
            self.lay_out()

    def _dragged(self, column: int, _old: int, new: int) -> None:
        columns = self.columns
        if not self._busy and 0 <= column < len(columns) and columns[column].short:
            self._short[column] = new  # the user's width; the text columns take what is left
            self.lay_out()

    # --- widths -----------------------------------------------------------------------------------
    def _measure(self) -> None:
        """Short columns: as wide as their header and the rows in sight; only ever wider."""
        model, header = self.table.model(), self.table.horizontalHeader()
        for column, spec in enumerate(self.columns):
            if spec.short:
                content = self.table.sizeHintForColumn(column) + PADDING if model.rowCount() else 0
                wanted = max(header.sectionSizeHint(column), content)
                self._short[column] = max(self._short.get(column, 0), wanted)

    def _minimum(self, column: int, spec: Column) -> int:
        if spec.short:
            return self._short.get(column) or self.table.horizontalHeader().sectionSizeHint(column)
        chars = BASE_CHARS + CHARS_PER_SHARE * spec.share
        readable = self.table.fontMetrics().averageCharWidth() * chars
        return max(self.table.horizontalHeader().sectionSizeHint(column), readable)

    def widths(self, room: int) -> dict[int, int]:
        """The width of each column shown in ``room`` pixels; the columns left out are hidden."""
        columns = self.columns
        minimum = {c: self._minimum(c, spec) for c, spec in enumerate(columns)}
        shown = set(minimum)
        for column in sorted((c for c, s in enumerate(columns) if s.spare), key=lambda c: -columns[c].spare):
            if sum(minimum[c] for c in shown) <= room:
                break
            shown.discard(column)
        texts = [c for c in sorted(shown) if not columns[c].short]
        widths = {c: minimum[c] for c in shown}
        extra = room - sum(widths.values())
        if texts and extra > 0:
            shares = sum(columns[c].share for c in texts)
            for c in texts:
                widths[c] += extra * columns[c].share // shares
            widths[texts[-1]] += room - sum(widths.values())  # what rounding left: fill exactly
        return widths

    def lay_out(self) -> None:
        if self._busy or not self.columns or not self.table.isVisible():
            return
        self._busy = True
        try:
            widths = self.widths(self.table.viewport().width())
            header = self.table.horizontalHeader()
            for column in range(len(self.columns)):
                self.table.setColumnHidden(column, column not in widths)
                if column in widths and header.sectionSize(column) != widths[column]:
                    header.resizeSection(column, widths[column])
        finally:
            self._busy = False


def fit_columns(table: QTableView) -> ColumnFit:
    """Give ``table`` (over a RecordTableModel) the list's column policy; kept alive by the table."""
    return ColumnFit(table)
