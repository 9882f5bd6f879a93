"""The base of every table in the program: Tab leaves it (WCAG 2.1.2, no keyboard trap).

Qt's QTableView moves between cells with Tab and Shift+Tab by default, so a table holds the
keyboard for good; only shortcuts get out. Every table in ui/ is a ``TableView`` (or the
``WrappingTable`` built on QTableWidget, which turns it off the same way):
tests/ui/test_focus_order.py fails on a QTableView or QTableWidget made anywhere else. The arrow
keys move between rows and cells; in a cell editor Tab still moves to the next cell.
"""

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def leave_on_tab(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab move the focus on to the next region, not to the next cell."""
    view.setTabKeyNavigation(False)


class TableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        leave_on_tab(self)
