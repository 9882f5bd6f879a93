"""The people list on the scale database: scrolling, sorting by every column, typing a search.

Each user action (open the view, scroll a page, jump to the end, click a column header) is timed
with the events it causes, paint included; the value is the worst action (the median of each
action over the repeats, so one disturbance by another process does not decide it).
"""

import statistics
import time
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSlider

from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.people_view import PeopleView
from scenarios import Context, Result, qt_app, result

PAGES = 10  # page-down presses
JUMPS = 5  # drags of the scroll bar to the end (each loads the next page)
# Typed letter by letter; each keystroke's search is timed as the pause after it would run it.
TYPED = ("an", "mü", "kucuk")


def _timed(times: dict[str, list[float]], name: str, action) -> object:
    app = qt_app()
    started = time.perf_counter()
    result = action()
    app.processEvents()
    times[name].append(time.perf_counter() - started)
    return result


def _one_pass(ctx: Context, times: dict[str, list[float]]) -> None:
    prompts = Prompts()
    runner = OperationRunner(ctx.services, prompts)
    app = qt_app()
    view = _timed(times, "open the view", lambda: PeopleView(ctx.services, ChangeBus(), prompts, runner))
    view.resize(1280, 760)
    _timed(times, "show the view", view.show)
    table = view.table
    bar = table.verticalScrollBar()
    page_down = QAbstractSlider.SliderAction.SliderPageStepAdd
    for page in range(PAGES):
        _timed(times, f"page down {page + 1}", lambda: bar.triggerAction(page_down))
    for jump in range(JUMPS):
        _timed(times, f"scroll to the end {jump + 1}", lambda: bar.setValue(bar.maximum()))
    header = table.horizontalHeader()
    for column in range(view.model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            descending = order == Qt.SortOrder.DescendingOrder
            name = f"sort by {view.model.sort_field(column)} {'desc' if descending else 'asc'}"
            _timed(times, name, lambda c=column, o=order: header.setSortIndicator(c, o))
            _timed(times, f"{name}, scroll to the end", lambda: bar.setValue(bar.maximum()))
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    for word in TYPED:
        for end in range(1, len(word) + 1):
            # setText, not QTest: QTest cannot type ü. search_now is what the search timer runs.
            view.search.setText(word[:end])
            _timed(times, f"search {word[:end]!r}", view.search_now)
        view.search.clear()
        view.refresh()
    view.close()
    view.deleteLater()
    app.processEvents()


def run(ctx: Context) -> Result:
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(ctx.repeat):
        _one_pass(ctx, times)
    medians = {name: statistics.median(values) for name, values in times.items()}
    worst = sorted(medians, key=medians.get, reverse=True)[:3]
    note = "slowest: " + "; ".join(f"{name} {medians[name] * 1000:.0f} ms" for name in worst)
    return result("people_list", medians[worst[0]], note=note)
